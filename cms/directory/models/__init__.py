from .contact import ContactMessage
from .records import Company, Coworker, DirectoryRecord, ProjectIdea
from .taxonomy import Sector, Skill, TaxonomyTerm

__all__ = [
    "Company",
    "ContactMessage",
    "Coworker",
    "DirectoryRecord",
    "ProjectIdea",
    "Sector",
    "Skill",
    "TaxonomyTerm",
]
