"""Tags are keywords an author types on an article; its translators translate them with its
text, and readers see them in their language. A tag the translator left as written keeps its
source's language, and says so to a screen reader (WCAG 3.1.2), on the article and in the
blog's tag list. The tag itself, and its address (?tag=), is the same in every language."""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail_localize.models import Translation, TranslationSource

from cms.blog.models import BlogPage
from cms.demo.factories import BlogPageFactory
from cms.demo.translation import translate_page

from .conftest import body, parse

pytestmark = pytest.mark.django_db

TITLE = {"fr": "Des mots-clés en français", "nl": "Trefwoorden in het Frans"}


@pytest.fixture
def tagged(site_tree):
    """A French article tagged in French, translated into Dutch with wagtail-localize: the
    translator translated "entraide" and left "zone frontière" as it was."""
    article = BlogPageFactory(
        parent=site_tree.page("blog_index", "fr"),
        title=TITLE["fr"],
        slug="mots-cles",
        summary="Des mots-clés.",
        body=body("Un texte."),
        tags=["entraide", "zone frontière"],
    )
    article.save_revision().publish()
    glossary = {
        TITLE["fr"]: {"nl": TITLE["nl"]},
        "Des mots-clés.": {"nl": "Trefwoorden."},
        "entraide": {"nl": "onderlinge hulp"},
    }
    return {"fr": article, **translate_page(article, ["nl"], translations=glossary)}


def article_tags(response):
    """{shown name: lang attribute} of the article's tags."""
    links = parse(response).select(".article__footer ul a")
    return {link.get_text(): link.get("lang") for link in links}


def test_a_translated_article_shows_its_tags_in_its_language(client, tagged):
    response = client.get(tagged["nl"].url)
    assert parse(response).html["lang"] == "nl"
    assert article_tags(response) == {"#onderlinge hulp": None, "#zone frontière": "fr"}


def test_the_source_articles_tags_need_no_language(client, tagged):
    tags = article_tags(client.get(tagged["fr"].url))
    assert tags == {"#entraide": None, "#zone frontière": None}


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("nl", {"#onderlinge hulp": None, "#zone frontière": "fr"}),
        ("fr", {"#entraide": None, "#zone frontière": None}),
    ],
)
def test_the_blogs_tag_list_names_tags_in_the_readers_language(
    client, site_tree, tagged, lang, shown
):
    html = parse(client.get(site_tree.url("blog_index", lang)))
    chips = {link.get_text(): link.get("lang") for link in html.select(".chips--tags a")}
    assert {name: chips.get(name, "missing") for name in shown} == shown


def test_a_tags_address_is_the_same_in_every_language(client, site_tree, tagged):
    """The Dutch tag list links "onderlinge hulp" to the tag's one slug, which finds the
    article and names the tag in Dutch."""
    index = parse(client.get(site_tree.url("blog_index", "nl")))
    link = next(a for a in index.select(".chips--tags a") if a.get_text() == "#onderlinge hulp")
    response = client.get(link["href"])
    assert TITLE["nl"] in response.content.decode()
    with translation.override("nl"):
        summary = gettext("%(counter)s article tagged “%(tag)s”.") % {
            "counter": 1,
            "tag": "onderlinge hulp",
        }
    assert summary in parse(response).get_text(" ", strip=True)


def test_filtering_by_a_tag_names_it_as_written(client, site_tree, tagged):
    """The summary names the tag ("zone frontière"), not its address form."""
    tag = tagged["fr"].tags.get(name="zone frontière")
    response = client.get(site_tree.url("blog_index", "nl"), {"tag": tag.slug})
    with translation.override("nl"):
        summary = gettext("%(counter)s article tagged “%(tag)s”.") % {
            "counter": 1,
            "tag": "zone frontière",
        }
    assert summary in parse(response).get_text(" ", strip=True)


def test_a_tag_only_a_draft_has_is_not_named(client, site_tree):
    """A tag typed on an article not yet published is not revealed by its address: the blog
    answers as for a tag no article has."""
    BlogPageFactory(
        parent=site_tree.page("blog_index", "fr"),
        title="Brouillon",
        live=False,
        tags=["projet secret"],
    )
    response = client.get(site_tree.url("blog_index", "fr"), {"tag": "projet-secret"})

    text = parse(response).get_text(" ", strip=True)
    with translation.override("fr"):
        assert gettext("No article has this tag.") in text
    assert "projet secret" not in text and "Brouillon" not in text


def test_the_api_gives_the_tags_of_the_requested_language(client, tagged):
    response = client.get(
        "/api/v2/pages/", {"type": "blog.BlogPage", "locale": "nl", "fields": "tags"}
    )
    [item] = [item for item in response.json()["items"] if item["title"] == TITLE["nl"]]
    assert item["tags"] == ["onderlinge hulp", "zone frontière"]
    found = client.get("/api/v2/pages/", {"type": "blog.BlogPage", "tags": "onderlinge hulp"})
    assert [item["title"] for item in found.json()["items"]] == [TITLE["nl"]]


def test_editing_the_source_tags_keeps_their_translations(client, tagged):
    """The editor's form makes the tags anew on every save: a tag kept keeps its Dutch name
    once the translation is updated from the source; a new one waits, in French, for it."""
    edited = BlogPage.objects.get(pk=tagged["fr"].pk).get_latest_revision_as_object()
    edited.tags.set(["entraide", "zone frontière", "tiers-lieu"])
    edited.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(edited)
    for target in Translation.objects.filter(source=source):
        target.save_target(publish=True)

    tags = article_tags(client.get(BlogPage.objects.get(pk=tagged["nl"].pk).url))
    assert tags == {"#onderlinge hulp": None, "#zone frontière": "fr", "#tiers-lieu": "fr"}


def test_the_translator_is_offered_the_tags_beside_the_text(admin_client, tagged):
    """wagtail-localize's translation editor lists each tag's name as a text to translate,
    with its translation, and no tag to swap for another."""
    response = admin_client.get(f"/admin/pages/{tagged['nl'].pk}/edit/")
    props = json.loads(parse(response).select_one("[data-props]")["data-props"])
    tags = [s for s in props["segments"] if s.get("contentPath", "").startswith("tagged_items.")]
    assert sorted((segment["type"], segment["source"]) for segment in tags) == [
        ("string", "entraide"),
        ("string", "zone frontière"),
    ]
    translated = {item["segment_id"]: item["data"] for item in props["initialStringTranslations"]}
    assert sorted(
        translated.get(segment["id"]) for segment in tags if segment["id"] in translated
    ) == ["onderlinge hulp"]


def test_the_preview_shows_a_tag_just_typed(admin_client, tagged):
    """Before the article is saved, the author's preview shows the new tag by its name."""
    article = tagged["fr"]
    url = f"/admin/pages/{article.pk}/edit/preview/"
    form = {
        "title": article.title,
        "slug": article.slug,
        "date": article.date.isoformat(),
        "summary": article.summary,
        "body-count": "0",
        "hero_image_alt": "",
        "tags": "entraide, tiers-lieu",
        **{
            f"{relation}-{count}": "0"
            for relation in ("article_authors", "article_categories", "comments")
            for count in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
    }
    assert admin_client.post(url, form).json()["is_valid"]
    assert article_tags(admin_client.get(url)) == {"#entraide": None, "#tiers-lieu": None}
