from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.choosers import PublishedChooserViewSet
from cms.core.columns import YesNoColumn
from cms.editorial.views import OrganisationRecordIndexView
from cms.spaces.models import SPACE_PAGE_CONTEXT_HOOK

from .models import Company, Coworker, ProjectIdea, Sector, Skill
from .space_members import space_members

PUBLISHED = YesNoColumn("live", label=_("Published"))


class CoworkerViewSet(SnippetViewSet):
    index_view_class = OrganisationRecordIndexView
    model = Coworker
    icon = "user"
    list_display = ["name", "headline", "city", "locale", PUBLISHED, "consent_given_at"]
    list_filter = ["live", "locale", "country", "skills", "consent_given_at"]
    ordering = ["sort_key"]


class CompanyViewSet(SnippetViewSet):
    index_view_class = OrganisationRecordIndexView
    model = Company
    icon = "group"
    list_display = ["name", "kind", "city", "locale", PUBLISHED]
    list_filter = ["live", "locale", "kind", "size", "country", "sectors"]
    ordering = ["sort_key"]


class ProjectIdeaViewSet(SnippetViewSet):
    index_view_class = OrganisationRecordIndexView
    model = ProjectIdea
    icon = "pick"
    list_display = ["title", "status", "deadline", "locale", PUBLISHED]
    list_filter = ["live", "locale", "status", "skills"]
    ordering = ["sort_key"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    chooser_viewset_class = PublishedChooserViewSet
    icon = "tag"
    list_display = ["label", "slug", "synonyms", "locale"]
    list_filter = ["locale"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    chooser_viewset_class = PublishedChooserViewSet
    icon = "tag"
    list_display = ["label", "slug", "synonyms", "locale"]
    list_filter = ["locale"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 150
    items = (CoworkerViewSet, CompanyViewSet, ProjectIdeaViewSet, SkillViewSet, SectorViewSet)


register_snippet(DirectoryViewSetGroup)

# A space's page lists its coworkers and companies.
hooks.register(SPACE_PAGE_CONTEXT_HOOK, space_members)
