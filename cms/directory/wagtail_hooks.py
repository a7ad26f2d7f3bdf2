from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.choosers import PublishedChooserViewSet
from cms.core.columns import YesNoColumn
from cms.editorial.views import OrganisationRecordIndexView, OrganisationRecordUnpublishView
from cms.spaces.models import SPACE_PAGE_CONTEXT_HOOK

from .models import Company, Coworker, ProjectIdea, Sector, Skill
from .space_members import space_members

PUBLISHED = YesNoColumn("live", label=_("Published"))


class RecordViewSet(SnippetViewSet):
    """A directory record's listing, by sort key: every record, with edit, delete and bulk
    actions only on an organisation editor's own."""

    index_view_class = OrganisationRecordIndexView
    unpublish_view_class = OrganisationRecordUnpublishView
    ordering = ["sort_key"]

    def get_queryset(self, request):
        return self.model.objects.select_related("locale")


class CoworkerViewSet(RecordViewSet):
    model = Coworker
    icon = "user"
    list_display = ["name", "headline", "city", "locale", PUBLISHED, "consent_given_at"]
    list_filter = ["live", "locale", "country", "skills", "consent_given_at"]


class CompanyViewSet(RecordViewSet):
    model = Company
    icon = "group"
    list_display = ["name", "kind", "city", "locale", PUBLISHED]
    list_filter = ["live", "locale", "kind", "size", "country", "sectors"]


class ProjectIdeaViewSet(RecordViewSet):
    model = ProjectIdea
    icon = "pick"
    list_display = ["title", "status", "deadline", "locale", PUBLISHED]
    list_filter = ["live", "locale", "status", "skills"]


class TermViewSet(SnippetViewSet):
    """A vocabulary (skills, sectors): its label, slug and synonyms in each language."""

    chooser_viewset_class = PublishedChooserViewSet
    icon = "tag"
    list_display = ["label", "slug", "synonyms", "locale"]
    list_filter = ["locale"]


class SkillViewSet(TermViewSet):
    model = Skill


class SectorViewSet(TermViewSet):
    model = Sector


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 150
    items = (CoworkerViewSet, CompanyViewSet, ProjectIdeaViewSet, SkillViewSet, SectorViewSet)


register_snippet(DirectoryViewSetGroup)

# A space's page lists its coworkers and companies.
hooks.register(SPACE_PAGE_CONTEXT_HOOK, space_members)
