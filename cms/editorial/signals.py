"""Roles follow the site as it grows: a space or competence centre published for the first
time gets its editors' group (``roles.ensure_organisation_group``), and a section (agenda,
blog, studies) published after the roles were set up is opened to every organisation's
editors, as the sections that existed then were."""

from django.apps import apps
from wagtail.signals import page_published

from . import roles
from .models import OrganisationGroup, OrganisationOwnedPage, OrganisationSectionPage

#: the page model whose pages are the organisations (OrganisationOwnedPage.organisation)
ORGANISATION_MODEL = "spaces.SpacePage"


def organisation_published(page) -> None:
    if not OrganisationGroup.objects.filter(organisation_key=page.translation_key).exists():
        roles.ensure_organisation_group(page)


def section_published(page) -> None:
    for link in OrganisationGroup.objects.select_related("group"):
        roles.grant_pages(link.group, [page], roles.EDITOR_PAGE_ACTIONS)


def on_page_published(sender, instance, **kwargs):
    page = instance.specific_deferred
    if isinstance(page, apps.get_model(ORGANISATION_MODEL)):
        organisation_published(page)
    elif isinstance(page, OrganisationSectionPage) and not isinstance(page, OrganisationOwnedPage):
        section_published(page)


def connect():
    page_published.connect(on_page_published, dispatch_uid="editorial-page-published")
