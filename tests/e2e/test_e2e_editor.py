"""An editor's journey in a real browser: write a French article in the Wagtail admin, translate
it into Dutch with wagtail-localize's editor, publish it and read it on /nl/.

The editor account (made by the e2e_database fixture) uses the admin in English, so that the few
selectors relying on visible text ("Translate", "Save") do not depend on the admin's language.
Class names of wagtail-localize's React editor are generated (styled-components), so segments are
found by their source text: ``li:has(> p:text-is(SOURCE))``.
"""

import datetime

import pytest
from wagtail.models import Locale, Page

from cms.blog.models import BlogIndexPage, BlogPage

from .helpers import EDITOR_PASSWORD, EDITOR_USERNAME, SERVER_LOCK, path_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

FRENCH = {
    "title": "Un espace de coworking à la frontière",
    "slug": "un-espace-de-coworking-a-la-frontiere",
    "summary": "Comment trois villes partagent un même réseau de lieux de travail.",
    "body": "Le réseau relie des espaces de part et d'autre de la frontière.",
}
DUTCH = {
    "title": "Een coworkingruimte aan de grens",
    "slug": "een-coworkingruimte-aan-de-grens",
    "summary": "Hoe drie steden één netwerk van werkplekken delen.",
    "body": "Het netwerk verbindt ruimtes aan beide kanten van de grens.",
}


def translate_segment(page, source: str, target: str):
    """In wagtail-localize's editor: Translate -> type -> Save, then wait until it is saved."""
    segment = page.locator(f"li:has(> p:text-is({source!r}))")
    segment.get_by_role("button", name="Translate", exact=True).click()
    segment.locator("textarea").fill(target)
    segment.get_by_role("button", name="Save", exact=True).click()
    # The segment's <li> goes from class "incomplete" to "complete" once the API saved it.
    segment.and_(page.locator("li.complete")).wait_for()


@pytest.fixture
def cleanup():
    """The e2e tests run in autocommit: remove the article (all locales) written by the test."""
    yield
    with SERVER_LOCK:
        keys = BlogPage.objects.filter(slug__in=[FRENCH["slug"], DUTCH["slug"]]).values_list(
            "translation_key", flat=True
        )
        for page in Page.objects.filter(translation_key__in=list(keys)).order_by("-depth"):
            page.delete()


def test_editor_writes_a_french_article_and_publishes_its_dutch_translation(new_page, cleanup):
    fr = Locale.objects.get(language_code="fr")
    nl = Locale.objects.get(language_code="nl")
    blog_index = BlogIndexPage.objects.get(locale=fr)
    assert not BlogPage.objects.filter(slug=FRENCH["slug"]).exists()
    page = new_page(locale="en-GB")

    # Log in.
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR_USERNAME)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")

    # Write the French article under the French blog index.
    page.goto(f"/admin/pages/add/blog/blogpage/{blog_index.pk}/")
    page.fill("#id_title", FRENCH["title"])
    page.fill("#id_date", datetime.date.today().isoformat())
    page.keyboard.press("Escape")  # close the date picker
    page.fill("#id_summary", FRENCH["summary"])
    page.click("[data-contentpath=body] button.c-sf-add-button")
    page.click(".w-combobox__option:has(.icon-pilcrow)")  # the "Rich text" block
    page.locator("[data-contentpath=body] [contenteditable=true]").first.click()
    page.keyboard.type(FRENCH["body"])
    # Draftail writes its JSON into the hidden input a moment after typing.
    page.wait_for_function(
        "text => document.querySelector('input[name=\"body-0-value\"]').value.includes(text)",
        arg=FRENCH["body"].split("'")[0],
    )
    # By its label: Wagtail builds a model's tab ids once, in the language of the first editor.
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", FRENCH["slug"])
    page.click("footer [data-w-dropdown-target=toggle]")  # "More actions" next to "Save draft"
    with page.expect_navigation():
        page.click("footer button[name=action-publish]")

    with SERVER_LOCK:
        article = BlogPage.objects.get(locale=fr, slug=FRENCH["slug"])
    assert article.live
    assert article.title == FRENCH["title"]
    assert FRENCH["body"] in str(article.body)

    # "Translate this page" from the page's header actions, into Dutch.
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.click(f"a[href$='/localize/submit/page/{article.pk}/']")
    page.wait_for_url(f"**/localize/submit/page/{article.pk}/")
    page.check(f"input[name=locales][value='{nl.pk}']")
    with page.expect_navigation():
        page.click("main form [type=submit]")

    # wagtail-localize's translation editor (React) opens on the Dutch page.
    with SERVER_LOCK:
        dutch = BlogPage.objects.get(locale=nl, translation_key=article.translation_key)
    assert path_of(page.url) == f"/admin/pages/{dutch.pk}/edit/"
    translate_segment(page, FRENCH["title"], DUTCH["title"])
    translate_segment(page, FRENCH["summary"], DUTCH["summary"])
    translate_segment(page, FRENCH["body"], DUTCH["body"])
    page.click("#tab-label-promote")
    translate_segment(page, FRENCH["slug"], DUTCH["slug"])
    with page.expect_navigation():
        page.click("footer button[name=action][value=publish]")  # "Publish in Dutch"

    with SERVER_LOCK:
        dutch.refresh_from_db()
    assert dutch.live
    assert dutch.title == DUTCH["title"]
    assert dutch.slug == DUTCH["slug"]
    assert DUTCH["body"] in str(dutch.body)

    # The visitor's side: the Dutch article on /nl/.
    assert dutch.url.startswith("/nl/"), dutch.url
    public = new_page(locale="nl-BE")
    response = public.goto(dutch.url)
    assert response.status == 200
    assert public.get_attribute("html", "lang") == "nl"
    assert public.locator("h1").first.inner_text().strip() == DUTCH["title"]
    assert DUTCH["summary"] in public.locator("main").inner_text()
    assert DUTCH["body"] in public.locator("main").inner_text()
