"""The editorial roles: one editor group per organisation, the coordinators, and the review
workflow they approve in. Every function is idempotent (the demo and tests call them)."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
    get_page_models,
)

from cms.core.admin_names import EDITORS_OF

from .access import RECORD_SPACES
from .models import OrganisationGroup, OrganisationOwnedPage, OrganisationSectionPage

COORDINATORS = "Coordinators"
REVIEW_WORKFLOW = "Coordination review"
STOCK_WORKFLOW = "Moderators approval"

EDITOR_PAGE_ACTIONS = ["add", "change"]
COORDINATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
RECORD_ACTIONS = ["add", "change", "delete", "publish"]
#: the translatable vocabularies every organisation files its content under
VOCABULARIES = [("core", "category"), ("directory", "skill"), ("directory", "sector")]
#: What the whole network shares, looked after by the coordinators: the newsletter's readers
#: (an unsubscription asked by e-mail, a bounced address) and the interests they choose from;
#: the categories and themes, the menus, the directory's skills and sectors (each translated
#: and published in every language); authors and study partners no longer needed.
COORDINATOR_MODEL_PERMISSIONS = [
    ("blog", "delete_author"),
    ("studies", "delete_partnerorganisation"),
    ("subscribers", "view_subscriber"),
    ("subscribers", "change_subscriber"),
    ("subscribers", "add_interest"),
    ("subscribers", "change_interest"),
    ("subscribers", "delete_interest"),
    *[
        (app_label, f"{action}_{model}")
        for app_label, model in VOCABULARIES
        for action in ("add", "change", "delete", "publish")
    ],
    ("core", "add_navigation"),
    ("core", "change_navigation"),
    ("core", "publish_navigation"),
]
#: Every editor adds the people who sign their articles (and translates their roles) and the
#: organisations that took part in their studies.
SHARED_RECORD_PERMISSIONS = [
    ("blog", "add_author"),
    ("blog", "change_author"),
    ("studies", "add_partnerorganisation"),
    ("studies", "change_partnerorganisation"),
]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def site_roots():
    """The root page of every site, in every language."""
    roots = Page.objects.none()
    for site in Site.objects.select_related("root_page"):
        roots |= site.root_page.get_translations(inclusive=True)
    return roots


def section_pages():
    """Every page under which organisation editors add their pages, in every language."""
    models = [
        model
        for model in get_page_models()
        if issubclass(model, OrganisationSectionPage)
        and not issubclass(model, OrganisationOwnedPage)
    ]
    return Page.objects.type(*models)


def page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def grant_pages(group, pages, actions):
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_permission(action)
            )


def grant_model_permissions(group, codenames_by_app):
    for app_label, codename in codenames_by_app:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def grant_records(group):
    for label in RECORD_SPACES:
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        for action in RECORD_ACTIONS:
            group.permissions.add(
                Permission.objects.get(
                    content_type=content_type, codename=f"{action}_{model._meta.model_name}"
                )
            )


def grant_media(group):
    root = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def grant_common(group):
    # wagtail-localize asks for submit_translation (a model permission) before it translates or
    # updates a translation; the pages themselves are then checked like any other page.
    grant_model_permissions(
        group,
        [
            ("wagtailadmin", "access_admin"),
            ("wagtail_localize", "submit_translation"),
            *SHARED_RECORD_PERMISSIONS,
        ],
    )
    grant_records(group)
    grant_media(group)


@transaction.atomic
def ensure_coordinators() -> Group:
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    grant_common(group)
    grant_model_permissions(group, COORDINATOR_MODEL_PERMISSIONS)
    grant_pages(group, site_roots(), COORDINATOR_PAGE_ACTIONS)
    return group


@transaction.atomic
def ensure_organisation_group(space) -> Group:
    """The editors' group of the organisation whose space page is ``space``."""
    link = OrganisationGroup.objects.filter(organisation_key=space.translation_key).first()
    if link is None:
        # Stored in English, shown in the admin's language (cms.core.admin_names).
        name = EDITORS_OF % {"name": str(space.title)}
        group, _created = Group.objects.get_or_create(name=name)
        link = OrganisationGroup.objects.create(group=group, organisation_key=space.translation_key)
    grant_common(link.group)
    grant_pages(link.group, section_pages(), EDITOR_PAGE_ACTIONS)
    return link.group


@transaction.atomic
def ensure_review_workflow(coordinators: Group) -> Workflow:
    """One workflow, "Coordination review", approved by the coordinators, on every site root
    in every language; Wagtail's stock "Moderators approval" is retired."""
    task = GroupApprovalTask.objects.filter(name=REVIEW_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_WORKFLOW)
    task.groups.set([coordinators])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in site_roots():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    for stock in Workflow.objects.filter(name=STOCK_WORKFLOW, active=True):
        stock.deactivate()
    return workflow


def assign_organisation(page, space, user=None) -> None:
    """Give ``page`` and its translations to the organisation of ``space``: a new revision of
    each (published when the page is live), so that the editor shows what the site shows."""
    for translation in page.get_translations(inclusive=True).specific():
        translation.organisation = space
        revision = translation.save_revision(user=user, log_action=True)
        if translation.live:
            revision.publish(user=user)
