from .contact import ContactMessage
from .records import Company, Coworker, DirectoryRecord, NetworkMember, ProjectIdea
from .taxonomy import Sector, Skill, TaxonomyTerm

__all__ = [
    "Company",
    "ContactMessage",
    "Coworker",
    "DirectoryRecord",
    "NetworkMember",
    "ProjectIdea",
    "Sector",
    "Skill",
    "TaxonomyTerm",
]
