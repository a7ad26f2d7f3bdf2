"""Every page type, in every language: it renders, says which language it is in, describes
itself to search engines and social networks, and links to its real translations."""

from urllib.parse import parse_qs, urlsplit

import pytest

from cms.demo.factories import publish
from cms.pages.models import StandardPage

from .conftest import LANGUAGES, add_page, body, parse

pytestmark = pytest.mark.django_db

PAGE_ROLES = [
    "home",
    "standard",
    "blog_index",
    "article",
    "study_index",
    "study",
    "agenda",
    "event_upcoming",
    "event_past",
    "space_index",
    "space",
]


def alternates(html) -> dict[str, str]:
    """hreflang -> href of the <link rel="alternate" hreflang> elements."""
    return {
        link["hreflang"]: link["href"]
        for link in html.select("head link[rel~=alternate][hreflang]")
    }


def switcher(html) -> dict[str, str]:
    """language code -> href of the language switcher's links."""
    nav = html.select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    return {a["hreflang"]: a["href"] for a in nav.select("a[hreflang]")}


def path_of(url: str) -> str:
    return urlsplit(url).path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", PAGE_ROLES)
def test_page_renders_in_its_language(client, site_tree, role, lang):
    """A visitor opening any page type in fr, nl or en gets a 200 whose <html lang> is that
    language, with the page's own (translated) title."""
    response = client.get(site_tree.url(role, lang))

    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == lang
    assert html.title.get_text(strip=True)
    if role != "home":
        assert site_tree.title(role, lang) in html.title.get_text()
        assert html.h1 is not None and site_tree.title(role, lang) in html.h1.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_page_renders_in_its_language(client, site_tree, lang):
    """The search page exists under each language prefix and finds that language's article."""
    response = client.get(f"/{lang}/search/", {"q": "coworking"})

    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == lang
    links = {path_of(a["href"]) for a in html.select(".search-results a[href]")}
    assert site_tree.url("article", lang) in links
    other_languages = [other for other in LANGUAGES if other != lang]
    assert not any(site_tree.url("article", other) in links for other in other_languages)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("path", "query"),
    [("directory/", ""), ("directory/", "?kind=companies"), ("newsletter/subscribe/", "")],
)
def test_a_view_outside_the_page_tree_names_itself_in_each_language(
    client, site_tree, lang, path, query
):
    """The directory and the subscribe page, Django views beside Wagtail's pages, have a
    canonical address (the listing's kind kept, the search and filters not) and hreflang
    alternates in every language, as the pages have."""
    html = parse(client.get(f"/{lang}/{path}{query}&q=compta" if query else f"/{lang}/{path}"))

    canonical = html.select_one('head link[rel="canonical"]')["href"]
    parts = urlsplit(canonical)
    assert (parts.path, parts.query) == (f"/{lang}/{path}", query.lstrip("?"))
    assert parts.scheme in {"http", "https"} and parts.netloc
    links = {code: urlsplit(url) for code, url in alternates(html).items()}
    assert set(links) == {*LANGUAGES, "x-default"}
    for code in LANGUAGES:
        assert (links[code].path, links[code].query) == (f"/{code}/{path}", query.lstrip("?"))
    assert links["x-default"] == links["fr"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", PAGE_ROLES)
def test_page_head_describes_the_page(client, site_tree, role, lang):
    """Every page has a meta description, an absolute canonical URL that is its own, and Open
    Graph tags whose og:url is that canonical URL."""
    html = parse(client.get(site_tree.url(role, lang)))

    description = html.select_one('head meta[name="description"]')
    assert description is not None and description["content"].strip()

    canonical = html.select_one('head link[rel="canonical"]')
    assert canonical is not None
    parts = urlsplit(canonical["href"])
    assert parts.scheme in {"http", "https"} and parts.netloc
    assert parts.path == site_tree.url(role, lang)

    og_url = html.select_one('head meta[property="og:url"]')
    assert og_url is not None and og_url["content"] == canonical["href"]
    og_title = html.select_one('head meta[property="og:title"]')
    assert og_title is not None and og_title["content"].strip()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", PAGE_ROLES)
def test_hreflang_alternates_are_the_real_translations(client, site_tree, role, lang):
    """The hreflang alternates of a translated page are its three translations (absolute URLs),
    plus x-default pointing to the French source."""
    html = parse(client.get(site_tree.url(role, lang)))

    found = alternates(html)
    assert set(found) == {*LANGUAGES, "x-default"}
    for code in LANGUAGES:
        assert urlsplit(found[code]).netloc, "hreflang URLs must be absolute"
        assert path_of(found[code]) == site_tree.url(role, code)
    assert path_of(found["x-default"]) == site_tree.url(role, "fr")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", PAGE_ROLES)
def test_language_switcher_leads_to_the_same_page(client, site_tree, role, lang):
    """The language switcher offers fr, nl and en; each leads to this page's translation, and
    the language being read is marked as current."""
    html = parse(client.get(site_tree.url(role, lang)))

    links = switcher(html)
    assert set(links) == set(LANGUAGES)
    for code in LANGUAGES:
        assert path_of(links[code]) == site_tree.url(role, code)
    current = html.select("nav.language-switcher a[aria-current]")
    assert [a["hreflang"] for a in current] == [lang]


def test_untranslated_page_says_which_languages_it_exists_in(client, site_tree):
    """A French page nobody translated yet: hreflang lists French only, and the switcher says
    the page is not available in Dutch and English instead of landing on their home page."""
    page = add_page(
        site_tree.page("home", "fr"),
        StandardPage(title="Seulement en français", slug="seulement-fr", body=body("Texte.")),
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = parse(response)
    assert {code: path_of(url) for code, url in alternates(html).items()} == {
        "fr": page.url,
        "x-default": page.url,
    }
    links = switcher(html)
    assert {code: path_of(url) for code, url in links.items()} == {"fr": page.url}
    unavailable = html.select(".language-switcher__unavailable")
    assert [span["lang"] for span in unavailable] == ["nl", "en"]
    assert len(html.select(".language-switcher__note")) == 2


def test_unpublished_translation_is_not_offered(client, site_tree):
    """When the Dutch translation of a page is unpublished, neither hreflang nor the switcher
    lead to it: the switcher says the page is not available in Dutch."""
    site_tree.page("standard", "nl").unpublish()

    html = parse(client.get(site_tree.url("standard", "fr")))

    assert "nl" not in alternates(html)
    assert set(alternates(html)) == {"fr", "en", "x-default"}
    assert "nl" not in switcher(html)
    assert html.select_one(".language-switcher__unavailable")["lang"] == "nl"
    assert client.get(site_tree.url("standard", "nl")).status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_keeps_the_agenda_archive_view(client, site_tree, lang):
    """On the agenda's archive (a sub-route of the agenda page), switching language keeps the
    visitor on the archive."""
    html = parse(client.get(site_tree.url("agenda", lang) + "archive/"))

    for code, url in switcher(html).items():
        assert path_of(url) == site_tree.url("agenda", code) + "archive/"
    for code, url in alternates(html).items():
        expected = "fr" if code == "x-default" else code
        assert path_of(url) == site_tree.url("agenda", expected) + "archive/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_page_switcher_keeps_the_query(client, site_tree, lang):
    """The search page (a plain Django view) switches language and keeps the search."""
    html = parse(client.get(f"/{lang}/search/", {"q": "coworking"}))

    for code, url in switcher(html).items():
        parts = urlsplit(url)
        assert parts.path == f"/{code}/search/"
        assert parts.query == "q=coworking"


def test_page_without_intro_still_has_a_meta_description(client, site_tree):
    """An editor who fills in neither the search description nor an introduction still
    publishes a page with a (site-wide) meta description."""
    page = add_page(
        site_tree.page("home", "fr"),
        StandardPage(title="Mentions légales", slug="mentions-legales", body=body("Texte.")),
    )

    html = parse(client.get(page.url))

    description = html.select_one('head meta[name="description"]')
    assert description is not None and description["content"].strip()


@pytest.mark.parametrize("query", ['"coworking', 'a"b"', "\x00", "x" * 5000, "%", "🙂"])
def test_site_search_answers_any_query(client, site_tree, query):
    """Quotes, NUL bytes, emoji and very long queries get a results page, never a 500."""
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200


LISTING_FILTERS = [
    ("blog_index", "category", "This category does not exist."),
    ("blog_index", "tag", "No article has this tag."),
    ("agenda", "space", "Unknown space: the filter was ignored."),
    ("study_index", "theme", "This theme does not exist."),
]


@pytest.mark.parametrize(("role", "param", "message"), LISTING_FILTERS)
@pytest.mark.parametrize("value", ["\x00", "a\x00b", "not a slug!", "x" * 300, "unknown"])
def test_a_listing_filter_that_names_nothing_says_so(
    client, site_tree, role, param, message, value
):
    """A filter value that is no slug (a NUL character, which PostgreSQL refuses in a query,
    spaces, a very long one) is one more value that names nothing: the listing says so and
    lists nothing it would not list for an unknown name, without echoing the value."""
    response = client.get(site_tree.url(role, "en"), {param: value})

    assert response.status_code == 200
    html = parse(response)
    summary = html.select_one(".filter-summary, [role=alert]")
    assert summary is not None and message in summary.get_text(" ", strip=True)
    assert value not in html.get_text() and "\x00" not in response.content.decode()


@pytest.mark.parametrize("role", ["blog_index", "agenda", "study_index"])
def test_a_page_number_is_never_echoed_with_control_characters(client, site_tree, role):
    response = client.get(site_tree.url(role, "nl"), {"page": "7\x01\x1b"})
    assert response.status_code == 200
    notice = parse(response).select_one("p.notice[role=status]")
    assert notice is not None and "“7”" in notice.get_text()
    assert not any(c in response.content.decode() for c in "\x01\x1b")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_keeps_the_listing_filters_but_not_the_page_number(client, site_tree, lang):
    """A visitor who filtered the agenda by space and month, then changes language, lands on
    the same filtered agenda (page numbering starts again: counts differ per language)."""
    space = site_tree.page("space", lang).slug
    html = parse(client.get(site_tree.url("agenda", lang), {"space": space, "month": "2030-01"}))

    for code, url in switcher(html).items():
        parts = urlsplit(url)
        assert parts.path == site_tree.url("agenda", code)
        assert sorted(parts.query.split("&")) == ["month=2030-01", f"space={space}"]
    # The canonical address and the hreflang alternates stay the unfiltered page.
    assert all("?" not in url for url in alternates(html).values())

    html = parse(client.get(site_tree.url("blog_index", lang), {"category": "x", "page": "2"}))
    for url in switcher(html).values():
        assert urlsplit(url).query == "category=x"


def test_switcher_keeps_filters_within_bounds(client, site_tree):
    """A search the page cuts to 200 characters is carried cut; a value with a control
    character is not carried; the others are, each as given."""
    url = site_tree.url("blog_index", "fr")
    html = parse(client.get(url, {"category": "x" * 5000, "tag": "a\x01b", "other": "é ü"}))

    for link in switcher(html).values():
        query = parse_qs(urlsplit(link).query)
        assert query == {"category": ["x" * 200], "other": ["é ü"]}


def test_agenda_understands_a_space_named_in_another_language(client, site_tree):
    """The Dutch space page has its own slug; the French slug a switched link carries still
    filters the Dutch agenda to that space, with no 'unknown space' notice."""
    space_nl = site_tree.page("space", "nl")
    space_nl.slug = "ruimte-rijsel"
    publish(space_nl)
    french_slug = site_tree.page("space", "fr").slug
    assert french_slug != space_nl.slug

    html = parse(client.get(site_tree.url("agenda", "nl"), {"space": french_slug}))

    assert site_tree.title("space", "nl") in html.select_one(".results-title").get_text()
    assert site_tree.title("event_upcoming", "nl") in html.get_text()
    selected = html.select_one("select[name=space] option[selected]")
    assert selected is not None and selected["value"] == "ruimte-rijsel"
    assert not html.select(".notice--warning")
