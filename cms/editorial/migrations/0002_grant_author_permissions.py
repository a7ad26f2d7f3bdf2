from django.db import migrations

COORDINATORS = "Coordinators"


def grant(apps, schema_editor):
    """Editors' groups that exist already get what ``roles.grant_common`` now gives: adding and
    changing blog authors (coordinators may also delete them)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    OrganisationGroup = apps.get_model("editorial", "OrganisationGroup")

    # On a new database the permissions are created after the migrations (post_migrate).
    author_type, _created = ContentType.objects.get_or_create(app_label="blog", model="author")

    def author_permission(action):
        permission, _created = Permission.objects.get_or_create(
            content_type=author_type,
            codename=f"{action}_author",
            defaults={"name": f"Can {action} author"},
        )
        return permission

    editing = [author_permission("add"), author_permission("change")]
    groups = Group.objects.filter(organisation__isnull=False) | Group.objects.filter(
        name=COORDINATORS
    )
    for group in groups.distinct():
        group.permissions.add(*editing)
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(author_permission("delete"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("blog", "0009_author_translatable"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
