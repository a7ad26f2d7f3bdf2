from django.db import migrations

COORDINATORS = "Coordinators"

#: (app label, model, actions) given to every editors' group and to the coordinators
EVERY_EDITOR = [("studies", "partnerorganisation", ("add", "change"))]
#: (app label, model, actions) given to the coordinators only
COORDINATORS_ONLY = [
    ("studies", "partnerorganisation", ("delete",)),
    ("core", "category", ("add", "change", "delete", "publish")),
    ("directory", "skill", ("add", "change", "delete", "publish")),
    ("directory", "sector", ("add", "change", "delete", "publish")),
    ("core", "navigation", ("add", "change", "publish")),
]


def grant(apps, schema_editor):
    """Groups that exist already get what ``roles`` now gives: every editor adds and changes
    study partners; coordinators also look after categories, skills, sectors and menus."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(grants):
        found = []
        for app_label, model, actions in grants:
            # On a new database permissions are created after the migrations (post_migrate).
            content_type, _created = ContentType.objects.get_or_create(
                app_label=app_label, model=model
            )
            for action in actions:
                permission, _created = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                found.append(permission)
        return found

    coordinators = Group.objects.filter(name=COORDINATORS)
    editors = Group.objects.filter(organisation__isnull=False) | coordinators
    for group in editors.distinct():
        group.permissions.add(*permissions(EVERY_EDITOR))
    for group in coordinators:
        group.permissions.add(*permissions(COORDINATORS_ONLY))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_grant_author_permissions"),
        ("studies", "0004_alter_studyindexpage_options"),
        ("core", "0003_pagekeyword"),
        ("directory", "0002_term_drafts"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
