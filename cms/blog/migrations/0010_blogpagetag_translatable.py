import uuid

import django.db.models.deletion
from django.db import migrations, models


def name_tags_per_language(apps, schema_editor):
    """Each row takes its article's language and its tag's name; the rows of one tag on one
    article's translations share a translation key, as wagtail-localize pairs them (the key
    BlogPageTag.settle gives)."""
    BlogPageTag = apps.get_model("blog", "BlogPageTag")
    rows = BlogPageTag.objects.values_list(
        "pk", "tag_id", "tag__name", "content_object__locale_id", "content_object__translation_key"
    )
    for pk, tag_id, tag_name, locale_id, article_key in rows.iterator():
        BlogPageTag.objects.filter(pk=pk).update(
            name=tag_name,
            locale_id=locale_id,
            translation_key=uuid.uuid5(article_key, str(tag_id)),
        )


class Migration(migrations.Migration):
    """Tags are translated with their article: each row gets a language and a name."""

    dependencies = [
        ("blog", "0009_author_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="blogpagetag",
            options={"verbose_name": "tag", "verbose_name_plural": "tags"},
        ),
        migrations.AddField(
            model_name="blogpagetag",
            name="name",
            field=models.CharField(blank=True, max_length=100, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="blogpagetag",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name="blogpagetag",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(name_tags_per_language, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="blogpagetag",
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
            model_name="blogpagetag",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="blogpagetag",
            unique_together={("translation_key", "locale")},
        ),
    ]
