from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Every author written before authors became translatable is in the default language."""

    dependencies = [("blog", "0007_author_bootstrap_translatable")]

    operations = [BootstrapTranslatableModel("blog.Author")]
