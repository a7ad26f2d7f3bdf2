"""A visitor's journey in a real browser: /, an article, its Dutch version, an event's .ics."""

import re
from pathlib import Path

import icalendar
import pytest
from wagtail.models import Locale

from cms.blog.models import BlogPage
from cms.events.models import EventIndexPage, EventPage

from .helpers import SERVER_LOCK, path_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

# Absolute links built from the Wagtail Site's hostname (localhost:80) instead of the request's
# host would leave the live server: every internal link must be relative (or this origin).
BROKEN_ABSOLUTE = re.compile(r"^https?://(localhost|testserver|127\.0\.0\.1)(:80)?/")


def hrefs(page, scope="body"):
    return page.eval_on_selector_all(
        f"{scope} a[href]", "links => links.map(link => link.getAttribute('href'))"
    )


def assert_links_stay_on_site(page):
    origin = page.url.split("/", 3)[:3]
    broken = [
        href
        for href in hrefs(page)
        if BROKEN_ABSOLUTE.match(href) and href.split("/", 3)[:3] != origin
    ]
    assert not broken, f"{page.url}: links to another host than the one serving the page: {broken}"


def click_link_to(page, url: str, scope: str = "main"):
    """Click the first visible link of `scope` whose href is `url` and wait for that page."""
    link = page.locator(f'{scope} a[href="{url}"]').first
    link.click()
    page.wait_for_url(f"**{url}")


def test_visitor_reads_an_article_in_french_then_dutch_and_downloads_an_event(new_page):
    fr = Locale.objects.get(language_code="fr")
    nl = Locale.objects.get(language_code="nl")
    page = new_page(
        locale="fr-BE", extra_http_headers={"Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5"}
    )

    # / redirects to the French home (best match of fr-BE).
    page.goto("/")
    assert path_of(page.url) == "/fr/", page.url
    assert page.get_attribute("html", "lang") == "fr"
    assert_links_stay_on_site(page)

    # The home page lists articles: open the first one it links to.
    with SERVER_LOCK:
        articles = {item.url: item for item in BlogPage.objects.live().filter(locale=fr)}
    assert articles, "the demo content has no French article"
    linked = [href for href in hrefs(page, "main") if href in articles]
    assert linked, f"the French home links to no article; links: {hrefs(page, 'main')}"
    article = articles[linked[0]]
    click_link_to(page, article.url)
    assert page.locator("h1").first.inner_text().strip() == article.title
    assert_links_stay_on_site(page)

    # The language switcher leads to the Dutch translation of that same article.
    with SERVER_LOCK:
        dutch = article.get_translation(nl)
    switcher = page.locator('a[hreflang="nl"]').first
    assert switcher.get_attribute("href") == dutch.url
    switcher.click()
    page.wait_for_url(f"**{dutch.url}")
    assert path_of(page.url).startswith("/nl/"), page.url
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator("h1").first.inner_text().strip() == dutch.title
    assert dutch.title in page.title()
    assert dutch.title != article.title, "the Dutch article has the French title"

    # The agenda, from the main menu, then an upcoming event, then its .ics file.
    with SERVER_LOCK:
        agenda = EventIndexPage.objects.live().get(locale=nl)
    click_link_to(page, agenda.url, scope="header")
    assert page.get_attribute("html", "lang") == "nl"
    with SERVER_LOCK:
        events = {item.url: item for item in EventPage.upcoming_in_locale(nl)}
    assert events, "the demo content has no upcoming Dutch event"
    linked = [href for href in hrefs(page, "main") if href in events]
    assert linked, f"the Dutch agenda links to no upcoming event; links: {hrefs(page, 'main')}"
    event = events[linked[0]]
    click_link_to(page, event.url)
    assert page.locator("h1").first.inner_text().strip() == event.title

    ics_url = f"{event.url}ical/"
    with page.expect_download() as download_info:
        page.locator(f'main a[href="{ics_url}"]').first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    vevents = calendar.walk("VEVENT")
    assert [str(vevent["SUMMARY"]) for vevent in vevents] == [event.title]
    assert vevents[0].decoded("DTSTART") == event.start
