from django.db import migrations

OLD, NEW = "Root", "COFFEE Hub"


def rename_root(apps, schema_editor):
    """The tree's root is shown in every admin breadcrumb: name it after the site, in no
    language in particular, instead of Wagtail's English placeholder."""
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1, title=OLD).update(title=NEW, draft_title=NEW)


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    Page.objects.filter(depth=1, title=NEW).update(title=OLD, draft_title=OLD)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]

    operations = [migrations.RunPython(rename_root, restore_root)]
