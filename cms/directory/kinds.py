"""The three kinds of directory records and the facets a visitor can narrow each by.

The facets are declared once, here, against the models: the database engine turns them into
ORM filters and counts, a search engine into keyword fields of its documents
(``FacetSpec.values_for``).
"""

from dataclasses import dataclass

from django.db.models import Manager
from django.utils.translation import gettext_lazy as _

from .fields import ChoiceListField
from .models import Company, Coworker, ProjectIdea


@dataclass(frozen=True)
class FacetSpec:
    name: str  # the query-string parameter
    label: str
    paths: tuple[str, ...]  # ORM paths from the record to the value(s) it is filed under
    vocabulary: str = ""  # which Vocabulary list names the values (defaults to ``name``)

    @property
    def vocabulary_name(self) -> str:
        return self.vocabulary or self.name

    def is_choice_list(self, model) -> bool:
        field = model._meta.get_field(self.paths[0].split("__")[0])
        return isinstance(field, ChoiceListField)

    def is_multi_valued(self, model) -> bool:
        if len(self.paths) > 1 or self.is_choice_list(model):
            return True
        field = model._meta.get_field(self.paths[0].split("__")[0])
        return field.many_to_many

    def values_for(self, record) -> list[str]:
        """The keys one record is filed under (for search-engine documents)."""
        values = []
        for path in self.paths:
            objects = [record]
            for part in path.split("__"):
                following = []
                for obj in objects:
                    value = getattr(obj, part, None)
                    if isinstance(value, Manager):
                        following.extend(value.all())
                    elif isinstance(value, list | tuple):
                        following.extend(value)
                    elif value not in (None, ""):
                        following.append(value)
                objects = following
            values.extend(str(value) for value in objects)
        return list(dict.fromkeys(values))


SKILL = FacetSpec("skill", _("Skills"), ("skills__translation_key",))
SECTOR = FacetSpec("sector", _("Sectors"), ("sectors__translation_key",))
COUNTRY = FacetSpec("country", _("Country"), ("country",))


@dataclass(frozen=True)
class DirectoryKind:
    name: str  # in URLs and in DirectoryQuery.kind
    model: type
    label: str
    facets: tuple[FacetSpec, ...]
    orderings: tuple[str, ...]

    def facet(self, name: str) -> FacetSpec | None:
        return next((facet for facet in self.facets if facet.name == name), None)


KINDS = {
    "coworkers": DirectoryKind(
        name="coworkers",
        model=Coworker,
        label=_("People"),
        facets=(
            SKILL,
            SECTOR,
            FacetSpec("language", _("Languages spoken"), ("languages",)),
            FacetSpec(
                "space",
                _("Space"),
                ("home_space__translation_key", "spaces_visited__translation_key"),
            ),
            COUNTRY,
            FacetSpec("open_to", _("Open to"), ("open_to",)),
        ),
        orderings=("relevance", "name", "recent"),
    ),
    "companies": DirectoryKind(
        name="companies",
        model=Company,
        label=_("Companies"),
        facets=(
            SKILL,
            SECTOR,
            FacetSpec("space", _("Space"), ("spaces__translation_key",)),
            COUNTRY,
            FacetSpec("type", _("Kind of organisation"), ("kind",)),
            FacetSpec("size", _("Size"), ("size",)),
        ),
        orderings=("relevance", "name", "recent"),
    ),
    "projects": DirectoryKind(
        name="projects",
        model=ProjectIdea,
        label=_("Project ideas"),
        facets=(SKILL, SECTOR, FacetSpec("status", _("Status"), ("status",))),
        orderings=("relevance", "deadline", "recent", "name"),
    ),
}
DEFAULT_KIND = "coworkers"


def kind_of(record) -> DirectoryKind:
    return KINDS[record.directory_kind]
