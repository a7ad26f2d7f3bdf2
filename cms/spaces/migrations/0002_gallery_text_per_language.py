"""Space gallery images become translatable: each translation of a space page describes its
pictures in its own language (alt text, and a new caption).

Existing rows take their page's locale; the n-th picture of every translation of a page gets
one translation key (they were copies of the source's pictures).
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def give_rows_a_locale_and_translation_key(apps, schema_editor):
    SpaceGalleryImage = apps.get_model("spaces", "SpaceGalleryImage")
    keys = defaultdict(uuid.uuid4)
    position = defaultdict(int)
    rows = SpaceGalleryImage.objects.select_related("page").order_by("page_id", "sort_order", "pk")
    for row in rows:
        place = (row.page.translation_key, position[row.page_id])
        position[row.page_id] += 1
        row.locale_id = row.page.locale_id
        row.translation_key = keys[place]
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("spaces", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="spacegalleryimage",
            name="caption",
            field=models.CharField(blank=True, max_length=250, verbose_name="caption"),
        ),
        migrations.AddField(
            model_name="spacegalleryimage",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="spacegalleryimage",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(give_rows_a_locale_and_translation_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="spacegalleryimage",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="spacegalleryimage",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="spacegalleryimage",
            name="alt_text",
            field=models.CharField(
                blank=True,
                help_text=(
                    "What the image shows, for people who cannot see it, in this page's "
                    "language. Empty: the image's title."
                ),
                max_length=250,
                verbose_name="alternative text",
            ),
        ),
        migrations.AlterModelOptions(
            name="spacegalleryimage",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "gallery image",
                "verbose_name_plural": "gallery images",
            },
        ),
        migrations.AlterUniqueTogether(
            name="spacegalleryimage",
            unique_together={("translation_key", "locale")},
        ),
    ]
