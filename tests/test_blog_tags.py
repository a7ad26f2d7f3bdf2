"""Tags are keywords an author types on an article; its translations show the same ones. A
Dutch reader's screen reader must read a French tag as French: the tags say their language
(WCAG 3.1.2) when it is not the page's, on the article and in the blog's tag list."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms.demo.factories import BlogPageFactory
from cms.demo.translation import translate_page

from .conftest import body, parse

pytestmark = pytest.mark.django_db

TITLE = {"fr": "Des mots-clés en français", "nl": "Trefwoorden in het Frans"}


@pytest.fixture
def tagged(site_tree):
    """A French article tagged in French, translated into Dutch with wagtail-localize."""
    article = BlogPageFactory(
        parent=site_tree.page("blog_index", "fr"),
        title=TITLE["fr"],
        slug="mots-cles",
        summary="Des mots-clés.",
        body=body("Un texte."),
        tags=["entraide", "zone frontière"],
    )
    article.save_revision().publish()
    glossary = {TITLE["fr"]: {"nl": TITLE["nl"]}, "Des mots-clés.": {"nl": "Trefwoorden."}}
    return {"fr": article, **translate_page(article, ["nl"], translations=glossary)}


def tag_lists(response):
    html = parse(response)
    return html.select_one(".article__footer ul"), html


def test_a_translated_articles_tags_say_they_are_french(client, tagged):
    tags, html = tag_lists(client.get(tagged["nl"].url))
    assert html.html["lang"] == "nl"
    assert [link.get_text() for link in tags.select("a")] == ["#entraide", "#zone frontière"]
    assert tags["lang"] == "fr"


def test_the_source_articles_tags_need_no_language(client, tagged):
    tags, _html = tag_lists(client.get(tagged["fr"].url))
    assert [link.get_text() for link in tags.select("a")] == ["#entraide", "#zone frontière"]
    assert not tags.has_attr("lang")


@pytest.mark.parametrize(("lang", "marked"), [("nl", "fr"), ("fr", None)])
def test_the_blogs_tag_list_says_which_tags_are_in_another_language(
    client, site_tree, tagged, lang, marked
):
    html = parse(client.get(site_tree.url("blog_index", lang)))
    chips = {link.get_text(): link.get("lang") for link in html.select(".chips--tags a")}
    assert chips["#entraide"] == marked
    assert chips["#zone frontière"] == marked


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
