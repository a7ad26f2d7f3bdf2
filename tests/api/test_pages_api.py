"""Pages, images, documents and events through /api/v2/, in every locale."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import LANGUAGES, TITLES

from .api_helpers import get_json, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_listing_in_each_locale_carries_translations(api, site_tree, api_content, lang):
    """?locale=nl lists only Dutch pages; each one names its French and English versions."""
    data = get_json(api, f"/api/v2/pages/?locale={lang}&limit=100")
    # The package's tree, and the rich article (one language) that other modules also use.
    rich_article = int(api_content.article.locale.language_code == lang)
    assert data["meta"]["total_count"] == len(site_tree.roles) + rich_article
    assert {item["meta"]["locale"] for item in data["items"]} == {lang}
    assert TITLES["article"][lang] in titles(data)
    article = next(item for item in data["items"] if item["title"] == TITLES["article"][lang])
    translations = {t["locale"]: t for t in article["meta"]["translations"]}
    assert set(translations) == set(LANGUAGES) - {lang}
    for other, translation in translations.items():
        assert translation["title"] == TITLES["article"][other]
        assert translation["id"] == site_tree.pks["article"][other]
        assert translation["url"].endswith(f"/api/v2/pages/{translation['id']}/")
        assert translation["html_url"].endswith(site_tree.url("article", other))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_find_by_html_path_understands_the_language_prefix(api, site_tree, lang):
    path = site_tree.url("article", lang)
    assert path.startswith(f"/{lang}/")
    response = api.get(f"/api/v2/pages/find/?html_path={path}")
    assert response.status_code == 302
    detail = get_json(api, response["Location"])
    assert detail["id"] == site_tree.pks["article"][lang]
    assert detail["title"] == TITLES["article"][lang]
    assert detail["meta"]["locale"] == lang
    # The home page of each language, and an address that is not a page.
    home = api.get(f"/api/v2/pages/find/?html_path=/{lang}/")
    assert home["Location"].endswith(f"/api/v2/pages/{site_tree.pks['home'][lang]}/")
    assert api.get(f"/api/v2/pages/find/?html_path=/{lang}/nothing-here/").status_code == 404


def test_page_detail_has_fields_authors_and_translations(api, site_tree):
    data = get_json(api, f"/api/v2/pages/{site_tree.pks['article']['en']}/")
    assert data["title"] == TITLES["article"]["en"]
    assert data["meta"]["type"] == "blog.BlogPage"
    assert data["meta"]["parent"]["id"] == site_tree.pks["blog_index"]["en"]
    assert data["authors"] == [{"name": "Camille Dupont", "role": "Animatrice"}]
    assert data["categories"][0]["slug"] == "coworking"
    assert data["reading_time"] >= 1
    assert {t["locale"] for t in data["meta"]["translations"]} == {"fr", "nl"}


def test_streamfield_body_is_structured_with_html_renditions_and_downloads(api, api_content):
    """Rich text has resolved HTML and its source; images are renditions; documents download;
    anything in a private collection is null."""
    data = get_json(api, f"/api/v2/pages/{api_content.article.pk}/")
    blocks = data["body"]
    paragraph = blocks[0]["value"]
    assert 'linktype="page"' in paragraph["source"]
    assert "linktype" not in paragraph["html"]
    # At the host the API was reached on (the test client's), not the Site record's.
    assert 'href="http://testserver/fr/a-propos/"' in paragraph["html"]
    assert f"/documents/{api_content.document.pk}/report.pdf" in paragraph["html"]

    image = blocks[1]["value"]["image"]
    assert image["id"] == api_content.image.pk
    assert image["alt"] == "Breakfast"
    assert (image["width"], image["height"]) == (1200, 750)
    assert image["url"].startswith("http") and ".max-1200x900" in image["url"]
    assert blocks[1]["value"]["caption"] == "Lille"
    assert blocks[2]["value"]["image"] is None  # private collection

    document = blocks[3]["value"]["document"]
    assert document["title"] == "Annual report"
    assert document["download_url"].endswith(f"/documents/{api_content.document.pk}/report.pdf")
    assert document["file_extension"] == "pdf"
    assert blocks[4]["value"]["document"] is None  # private collection

    link = blocks[5]["value"]["link"]
    assert link["page"]["title"] == TITLES["standard"]["fr"]
    assert link["page"]["html_url"].endswith("/fr/a-propos/")

    hero = data["hero_image"]
    assert hero["alt"] == "Six people around a table with coffee"
    assert hero["width"] == 1200


def test_images_and_documents_endpoints_only_show_public_collections(api, api_content):
    images = get_json(api, "/api/v2/images/")
    assert [item["id"] for item in images["items"]] == [api_content.image.pk]
    item = images["items"][0]
    assert item["alt"] == "Six people around a table with coffee"
    assert item["meta"]["rendition"]["width"] == 1200
    assert item["meta"]["download_url"].startswith("http")
    documents = get_json(api, "/api/v2/documents/")
    assert [item["id"] for item in documents["items"]] == [api_content.document.pk]
    assert documents["items"][0]["meta"]["download_url"].endswith("/report.pdf")
    for endpoint, obj in (
        ("images", api_content.private_image),
        ("documents", api_content.private_document),
    ):
        assert api.get(f"/api/v2/{endpoint}/{obj.pk}/").status_code == 404
        assert api.get(f"/api/v2/{endpoint}/find/?id={obj.pk}").status_code == 404


def test_listing_runs_a_bounded_number_of_queries(
    api, site_tree, api_content, steady_content_version
):
    """As many SQL queries for 1 item as for 25 (20 Dutch articles added), every field included."""
    from cms.blog.models import BlogPage, BlogPageAuthor, BlogPageCategory
    from cms.core.models import Category

    blog = site_tree.page("blog_index", "nl")
    author = site_tree.page("article", "fr").authors[0]
    for number in range(20):
        article = BlogPage(
            title=f"Artikel {number}",
            slug=f"artikel-{number}",
            date=datetime.date(2026, 1, 1),
            summary="Kort.",
            hero_image=api_content.image,
            body=[
                ("paragraph", "<p>Tekst.</p>"),
                ("image", {"image": api_content.image, "alt_text": "", "caption": ""}),
                ("document", {"document": api_content.document, "label": ""}),
            ],
            live=True,
        )
        article.article_authors.add(BlogPageAuthor(author=author))
        article.article_categories.add(BlogPageCategory(category=Category.objects.first()))
        blog.add_child(instance=article)

    def count(url):
        get_json(api, url)  # warm the per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            data = get_json(api, url)
        return len(queries), len(data["items"])

    # Newest first, so that the small and the large page hold the same kind of articles.
    for url, bound in (
        ("/api/v2/pages/?locale=nl&order=-id&limit={n}", 10),
        ("/api/v2/pages/?locale=nl&order=-id&limit={n}&fields=*", 10),
        ("/api/v2/pages/?type=blog.BlogPage&locale=nl&limit={n}", 10),
        ("/api/v2/pages/?type=blog.BlogPage&locale=nl&order=-id&fields=*&limit={n}", 18),
        ("/api/v2/events/?from=2000-01-01&order=-start&limit={n}", 10),
        ("/api/v2/events/?from=2000-01-01&order=-start&fields=*&limit={n}", 10),
        ("/api/v2/images/?limit={n}&fields=*", 8),
    ):
        (small, _one), (large, many) = count(url.format(n=1)), count(url.format(n=100))
        assert small == large, (url, small, large, many)
        assert large <= bound, (url, large)
    assert count("/api/v2/pages/?type=blog.BlogPage&locale=nl&limit=100")[1] == 22
    # A page with all its fields: one page, its relations, its translations and its parent.
    article = f"/api/v2/pages/{site_tree.pks['article']['nl']}/"
    get_json(api, article)
    with CaptureQueriesContext(connection) as queries:
        assert get_json(api, article)["title"]
    assert len(queries) <= 14, len(queries)


def test_events_upcoming_by_default_ordered_by_start(api, site_tree):
    data = get_json(api, "/api/v2/events/?locale=fr")
    assert titles(data) == [TITLES["event_upcoming"]["fr"]]
    item = data["items"][0]
    assert item["venue"]["space"]["title"] == TITLES["space"]["fr"]
    assert item["venue"]["space"]["city"] == "Lille"
    everything = get_json(api, "/api/v2/events/?locale=nl&from=2000-01-01")
    assert titles(everything) == [TITLES["event_past"]["nl"], TITLES["event_upcoming"]["nl"]]
    starts = [item["start"] for item in everything["items"]]
    assert starts == sorted(starts)
    # The Dutch event's venue is the Dutch translation of the space.
    nl_venue = everything["items"][1]["venue"]["space"]
    assert nl_venue["title"] == TITLES["space"]["nl"] and nl_venue["locale"] == "nl"


def test_events_from_to_space_and_city_filters(api, site_tree):
    upcoming = site_tree.page("event_upcoming", "fr")
    day = timezone.localtime(upcoming.start).date()
    before = (day - datetime.timedelta(days=1)).isoformat()
    after = (day + datetime.timedelta(days=1)).isoformat()
    same = day.isoformat()
    title = TITLES["event_upcoming"]["en"]
    assert titles(get_json(api, f"/api/v2/events/?locale=en&from={same}&to={same}")) == [title]
    assert titles(get_json(api, f"/api/v2/events/?locale=en&from={after}")) == []
    assert titles(get_json(api, f"/api/v2/events/?locale=en&to={before}&from=2000-01-01")) == [
        TITLES["event_past"]["en"]
    ]
    space = site_tree.page("space", "nl")
    for value in (space.slug, str(space.pk), str(site_tree.pks["space"]["fr"])):
        assert titles(get_json(api, f"/api/v2/events/?locale=en&space={value}")) == [title]
    assert titles(get_json(api, "/api/v2/events/?locale=en&city=lille")) == [title]
    assert titles(get_json(api, "/api/v2/events/?locale=en&city=Mons")) == []


def test_search_endpoint_groups_pages(api, site_tree):
    data = get_json(api, "/api/v2/search/?q=Rijsel&locale=nl")
    pages = data["results"]["pages"]
    assert pages["total"] == 1
    assert pages["items"][0]["title"] == TITLES["article"]["nl"]
    assert pages["items"][0]["locale"] == "nl"


def test_listings_from_rows_are_the_listings_from_page_instances(api, site_tree, monkeypatch):
    """Lists of plain fields are built from rows: byte for byte what the page serializer gives."""
    from cms.api import serializers

    article = site_tree.page("article", "fr")
    alias = article.create_alias(parent=site_tree.page("blog_index", "fr"), update_slug="copie")
    urls = [
        f"/api/v2/pages/?locale={lang}&limit=100{fields}"
        for lang in LANGUAGES
        for fields in ("", "&fields=*", "&fields=-title", "&fields=seo_title", "&fields=_,alias_of")
    ] + [
        "/api/v2/pages/?type=blog.BlogPage&fields=date,summary",
        "/api/v2/events/?from=2000-01-01",
        "/api/v2/events/?locale=nl&from=2000-01-01&fields=organiser",
    ]
    row_columns = serializers.row_columns
    columns = []
    monkeypatch.setattr(
        serializers, "row_columns", lambda *args: columns.append(row_columns(*args)) or columns[-1]
    )
    from_rows = {url: get_json(api, url) and api.get(url).content for url in urls}
    assert None not in columns
    listed = get_json(api, "/api/v2/pages/?locale=fr&limit=100&fields=*")["items"]
    assert next(item for item in listed if item["id"] == alias.pk)["meta"]["alias_of"]["id"] == (
        article.pk
    )
    monkeypatch.setattr(serializers, "row_columns", lambda serializer, model: None)
    for url in urls:
        assert api.get(url).content == from_rows[url], url
