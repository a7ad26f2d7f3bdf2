"""An editor translates a French article in the admin, publishes the Dutch version, then the
French source changes: the Dutch version is a draft until published, gets a Dutch ASCII slug,
and is reported outdated (with the changed segments) until updated from the source, which keeps
the human translations of unchanged segments."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import override as translation_override
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation

from cms.translations.slugs import SLUG_FROM_TITLE
from cms.translations.status import DRAFT, OUTDATED, SOURCE, UP_TO_DATE, translation_status
from tests.conftest import publish

from .conftest import (
    ARTICLE_FR,
    ARTICLE_NL,
    edit_segments,
    publish_in_editor,
    translate_in_admin,
    translation_of,
)

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_translate_this_page_creates_drafts_nobody_sees(editor_client, client, article, site_tree):
    """Before anyone translated a word, nothing appears under /nl/ or /en/: no page, no entry
    on the Dutch blog or home that passes the untranslated copy for Dutch (the blog may show the
    French article, in French and marked so: the language fallback), no hreflang; the French
    page's switcher says it is not available in Dutch and English."""
    translated = translate_in_admin(editor_client, article)

    for code, page in translated.items():
        assert not page.live, f"the {code} translation was published at once"
        assert page.title == ARTICLE_FR["title"]  # the source text, in a draft only
        url = site_tree.url("blog_index", code) + page.slug + "/"
        assert client.get(url).status_code == 404
        for listing in (site_tree.url("blog_index", code), site_tree.url("home", code)):
            html = parse(client.get(listing))
            assert not html.select(f'a[href="{url}"]')
            for card in html.select(".card"):
                if ARTICLE_FR["title"] in card.get_text():
                    assert card.select_one("[lang]")["lang"] == "fr"
                    assert card.select_one(f'a[href="{article.url}"]')
        assert translation_status(page).state == DRAFT

    html = parse(client.get(article.url))
    assert [link["hreflang"] for link in html.select("link[rel=alternate]")] == [
        "fr",
        "x-default",
    ]
    switcher = html.select_one("nav.language-switcher")
    assert [a["hreflang"] for a in switcher.select("a[hreflang]")] == ["fr"]
    assert [span["lang"] for span in switcher.select(".language-switcher__unavailable")] == [
        "nl",
        "en",
    ]


def test_translated_title_gives_an_ascii_dutch_slug_and_publishing_shows_it(
    editor_client, client, article, django_capture_on_commit_callbacks
):
    translated = translate_in_admin(editor_client, article, ["nl"])["nl"]
    translation = translation_of(article, "nl")

    edit_segments(editor_client, translation, ARTICLE_NL)
    page = publish_in_editor(editor_client, translated, django_capture_on_commit_callbacks)

    assert page.live
    assert page.slug == "coworking-in-doornik"
    assert page.url.endswith("/nl/blog/coworking-in-doornik/")
    response = client.get(page.url)
    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == "nl"
    assert html.h1.get_text(strip=True) == ARTICLE_NL["title"]
    # The French page now offers the Dutch one, in the switcher and in hreflang.
    french = parse(client.get(article.url))
    assert "nl" in {link["hreflang"] for link in french.select("link[rel=alternate]")}
    assert "nl" in {a["hreflang"] for a in french.select("nav.language-switcher a[hreflang]")}
    status = translation_status(page)
    assert status.state == UP_TO_DATE
    assert status.source_locale == "fr"
    assert translation_status(article).state == SOURCE


def test_slug_from_title_is_ascii(editor_client, article):
    translate_in_admin(editor_client, article, ["en"])
    translation = translation_of(article, "en")

    edit_segments(editor_client, translation, {"title": "Café & coworking à Tournai"})

    slug = StringTranslation.objects.get(
        locale=translation.target_locale,
        context__path="slug",
        context__object=translation.source.object,
    )
    assert slug.data == "cafe-coworking-a-tournai"
    # The translation editor says how the slug was made in the editor's language.
    for language in ("fr", "nl"):
        with translation_override(language):
            comment = slug.get_comment()
            assert gettext(SLUG_FROM_TITLE) in comment and SLUG_FROM_TITLE not in comment


def test_a_slug_the_editor_typed_is_kept(editor_client, article):
    translate_in_admin(editor_client, article, ["nl"])
    translation = translation_of(article, "nl")

    edit_segments(editor_client, translation, {"slug": "tournai-coworking"})
    edit_segments(editor_client, translation, {"title": ARTICLE_NL["title"]})

    slug = StringTranslation.objects.get(
        locale=translation.target_locale,
        context__path="slug",
        context__object=translation.source.object,
    )
    assert slug.data == "tournai-coworking"


def test_slugs_are_ascii(article, client):
    """A slug typed with accents is saved without them (the address stays readable ASCII)."""
    article.slug = "coworking-à-tournai"
    publish(article)

    assert article.slug == "coworking-a-tournai"
    assert article.url == "/fr/blog/coworking-a-tournai/"
    assert client.get("/fr/blog/coworking-a-tournai/").status_code == 200


def slug_translation(translation) -> StringTranslation:
    return StringTranslation.objects.get(
        locale=translation.target_locale,
        context__path="slug",
        context__object=translation.source.object,
    )


def _edit_french_body(article, text):
    article = article.specific
    article.body = [("paragraph", RichText(f"<p>{text}</p>"))]
    publish(article)
    return article


def _dashboard_outdated(client) -> int:
    """The dashboard's count of outdated Dutch blog articles."""
    dashboard = parse(client.get(reverse("translations_dashboard")))
    row = dashboard.select_one('tr[data-type="blog.blogpage"][data-language="nl"]')
    return int(row.select_one(f'td[data-state="{OUTDATED}"]').get_text(strip=True))


def test_source_edit_makes_the_translation_outdated_everywhere(
    editor_client, article, django_capture_on_commit_callbacks
):
    """The dashboard, the page listing and the translation editor all say the Dutch version is
    outdated, and name the segment that changed."""
    translated = translate_in_admin(editor_client, article, ["nl"])["nl"]
    edit_segments(editor_client, translation_of(article, "nl"), ARTICLE_NL)
    page = publish_in_editor(editor_client, translated, django_capture_on_commit_callbacks)
    assert translation_status(page).state == UP_TO_DATE

    outdated_before = _dashboard_outdated(editor_client)
    _edit_french_body(article, "Les indépendants de Tournai et de Mons partagent un espace.")

    status = translation_status(page)
    assert status.state == OUTDATED
    assert [path.split(".")[0] for path in status.changed_segments] == ["body"]
    assert status.last_synchronised is not None
    assert status.as_dict()["outdated"] is True

    assert _dashboard_outdated(editor_client) == outdated_before + 1
    dashboard = parse(
        editor_client.get(
            reverse("translations_dashboard"),
            {"type": "blog.blogpage", "language": "nl", "state": OUTDATED},
        )
    )
    [item] = [
        row
        for row in dashboard.select('table.translation-items tr[data-state="outdated"]')
        if ARTICLE_FR["title"] in row.get_text()
    ]
    actions = {a.get_text(strip=True): a["href"] for a in item.select("a")}
    assert actions["Edit translation"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Update from source" in actions

    listing = parse(editor_client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk])))
    tag = listing.select_one(f'[data-translation-state="{OUTDATED}"]')
    assert tag is not None, "the page listing shows no outdated translation"

    editor = parse(editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    banner = editor.select_one(".translation-editor-status")
    assert banner.select_one(f'[data-translation-state="{OUTDATED}"]') is not None
    # The fields, by their label in the editor's language, not wagtail-localize's paths.
    text = banner.get_text()
    assert "Body" in text and "body." not in text


def test_update_from_source_keeps_unchanged_human_translations(
    editor_client, article, django_capture_on_commit_callbacks
):
    translated = translate_in_admin(editor_client, article, ["nl"])["nl"]
    translation = translation_of(article, "nl")
    edit_segments(editor_client, translation, ARTICLE_NL)
    page = publish_in_editor(editor_client, translated, django_capture_on_commit_callbacks)
    _edit_french_body(article, "Les indépendants de Tournai et de Mons partagent un espace.")

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]), {}
        )
    assert response.status_code == 302

    status = translation_status(page)
    assert status.state == OUTDATED
    assert status.changed_segments == ()
    assert [path.split(".")[0] for path in status.untranslated_segments] == ["body"]
    kept = {
        st.context.path: st.data
        for st in StringTranslation.objects.filter(
            locale=translation.target_locale, context__object=translation.source.object
        )
    }
    assert kept["title"] == ARTICLE_NL["title"]
    assert kept["summary"] == ARTICLE_NL["summary"]

    edit_segments(editor_client, translation, {"body": "Zelfstandigen uit Doornik en Bergen."})
    page = publish_in_editor(editor_client, page, django_capture_on_commit_callbacks)
    assert translation_status(page).state == UP_TO_DATE
    assert page.title == ARTICLE_NL["title"]


def test_an_alias_is_not_offered_as_a_translation(client, article, site_tree):
    """An alias (a synchronised copy of the French page under /nl/) is French text: hreflang
    and the switcher leave it out."""
    article.create_alias(
        parent=site_tree.page("blog_index", "nl"), update_locale=site_tree.page("home", "nl").locale
    )

    html = parse(client.get(article.url))

    assert "nl" not in {link["hreflang"] for link in html.select("link[rel=alternate]")}
    assert "nl" not in {a["hreflang"] for a in html.select("nav.language-switcher a[hreflang]")}
