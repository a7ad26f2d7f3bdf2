"""The directory in a real browser (issue 3): a visitor searches in Dutch, narrows by two facets,
pages through, opens a person and writes to them; an editor creates a person in the admin,
records their consent, publishes, and finds them in the public directory.

Selectors come from site/templates/directory/: the search box is ``#directory-q``, the facet
checkboxes ``#facet-<facet>-<value>`` (``<label for=…>`` holds the count), the total is
``#directory-results-title``, the result cards ``.directory__list .card__link``, the pager
``nav.pagination a[rel=next]``, and the contact form lives in ``#contact``.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.directory.erase import erase_person
from cms.directory.models import ContactMessage, Coworker
from cms.spaces.models import SpacePage

from .helpers import SERVER_LOCK, admin_log_in, path_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

# --- the visitor ---------------------------------------------------------------------------------
# "boekhouder" (Dutch for accountant) finds the demo's three public accountants, whatever
# language their record is written in. Narrowed to the finance sector and the ESCO space (home
# or visited), two remain, neither of whom shows their e-mail address. The demo has only 20
# public people (one page at the default size), so the visitor starts from a shared link with
# ?page_size=1: the search form keeps it, and the two people fill two pages.
VISITOR_QUERY = "boekhouder"
VISITOR_FACETS = {"sector": "financien", "space": "esco"}  # facet -> value, Dutch tokens
PAGE_SIZE = 1
SENDER = {
    "name": "Ine Verstraete",
    "email": "ine.verstraete@example.net",
    "message": "Goedendag, ik zoek een boekhouder voor mijn nieuwe zaak in Kortrijk.",
}

# --- the editor ----------------------------------------------------------------------------------
PERSON = {
    "name": "Margaux Vanderstraeten",
    "slug": "margaux-vanderstraeten",
    "headline": "Traductrice technique français-néerlandais pour les PME",
    "bio": "Je traduis les documents techniques et commerciaux des entreprises de la région.",
    "skills": ["Traduction", "Rédaction"],  # French labels: editors choose from the fr list
    "skill_in_dutch": "Vertaling",
    "languages": ["fr", "nl"],
    "open_to": ["freelance", "cross-border"],
    "home_space": "Mutualab",
    "city": "Lille",
    "country": "FR",
    "email": "margaux.vanderstraeten@example.org",
    "consent_note": "Formulaire signé à Mutualab (test e2e)",
}
COWORKER_ADMIN = "/admin/snippets/directory/coworker/"


# --- helpers -------------------------------------------------------------------------------------


def results_total(page) -> int:
    """The number of records found, from the results heading ("3 personen voor …")."""
    text = page.locator("#directory-results-title").inner_text()
    match = re.match(r"\s*(\d+)", text)
    assert match, f"no count in the results heading: {text!r}"
    return int(match.group(1))


def facet_checkbox(page, facet: str, value: str):
    return page.locator(f"#facet-{facet}-{value}")


def facet_count(page, facet: str, value: str) -> int:
    text = page.locator(f"label[for='facet-{facet}-{value}'] .facet__count").inner_text()
    return int(text.strip("() "))


def tick_facet(page, facet: str, value: str):
    """Tick a facet value, opening its facet's "n more" fold first if it is folded away."""
    checkbox = facet_checkbox(page, facet, value)
    if not checkbox.is_visible():
        page.locator(f"details.facet__more:has(#facet-{facet}-{value}) > summary").click()
    checkbox.check()


def card_names(page) -> list[str]:
    return [name.strip() for name in page.locator(".directory__list .card__link").all_inner_texts()]


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def publish(page):
    """The footer's "More actions" dropdown, then "Publish"; waits for the next page."""
    page.click("footer [data-w-dropdown-target=toggle]")
    with page.expect_navigation():
        page.click("footer button[name=action-publish]")


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def forget_contact_messages():
    """The e2e tests run in autocommit: remove the contact-form traces the test left."""
    with SERVER_LOCK:
        last = ContactMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    with SERVER_LOCK:
        ContactMessage.objects.filter(pk__gt=last).delete()


@pytest.fixture
def erase_created_person():
    """Erase the person the editor created (every translation, revisions, index entries)."""
    yield
    with SERVER_LOCK:
        keys = set(
            Coworker.objects.filter(slug=PERSON["slug"]).values_list("translation_key", flat=True)
        )
        for key in keys:
            erase_person(key)


# --- tests ---------------------------------------------------------------------------------------


def test_visitor_searches_in_dutch_narrows_pages_and_writes_to_a_person(
    new_page, mailoutbox, forget_contact_messages
):
    page = new_page(
        locale="nl-BE", extra_http_headers={"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.5"}
    )
    response = page.goto(f"/nl/directory/?page_size={PAGE_SIZE}")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "nl"

    # Search, in Dutch, from the search box.
    page.fill("#directory-q", VISITOR_QUERY)
    with page.expect_navigation():
        page.click(".directory__search button[type=submit]")
    assert path_of(page.url).startswith("/nl/directory/?"), page.url
    assert query_of(page)["q"] == [VISITOR_QUERY]
    assert query_of(page)["page_size"] == [str(PAGE_SIZE)], "the form lost the page size"
    found = results_total(page)
    assert found >= 3, f"“{VISITOR_QUERY}” should find the demo's accountants, found {found}"
    counts_before = {
        facet: facet_count(page, facet, value) for facet, value in VISITOR_FACETS.items()
    }

    # Narrow by two facets (a sector and a space), then "Filters toepassen".
    for facet, value in VISITOR_FACETS.items():
        tick_facet(page, facet, value)
    with page.expect_navigation():
        page.click(".directory__facets > button[type=submit]")
    query = query_of(page)
    assert query["q"] == [VISITOR_QUERY]
    for facet, value in VISITOR_FACETS.items():
        assert query.get(facet) == [value], f"{facet}={value} is not in the URL: {page.url}"
    narrowed = results_total(page)
    assert 2 <= narrowed < found, (found, narrowed)
    for facet, value in VISITOR_FACETS.items():
        assert facet_checkbox(page, facet, value).is_checked()
        # A value's count applies the other facets: once both are chosen, it is the total.
        assert facet_count(page, facet, value) == narrowed, (facet, value)
        assert counts_before[facet] >= narrowed, (facet, counts_before)
    chips = page.locator(".directory__active li")
    assert chips.count() == len(VISITOR_FACETS) + 1  # one per value, and "clear all filters"

    # Page through with "Volgende": one person per page, filters kept in every link.
    names = card_names(page)
    assert len(names) == PAGE_SIZE
    pages = 1
    while page.locator("nav.pagination a[rel=next]").count():
        with page.expect_navigation():
            page.click("nav.pagination a[rel=next]")
        pages += 1
        query = query_of(page)
        assert query["page"] == [str(pages)], page.url
        assert query["q"] == [VISITOR_QUERY]
        for facet, value in VISITOR_FACETS.items():
            assert query.get(facet) == [value], page.url
        current = page.locator("nav.pagination [aria-current=page]").inner_text()
        assert current.split()[-1] == str(pages), current
        assert results_total(page) == narrowed
        names += card_names(page)
    assert pages == -(-narrowed // PAGE_SIZE) >= 2
    assert len(names) == len(set(names)) == narrowed, names

    # Open the person on the last page.
    card = page.locator(".directory__list .card__link").first
    href = card.get_attribute("href")
    assert href.startswith("/nl/directory/coworkers/"), href
    card.click()
    page.wait_for_url(f"**{href}")
    slug = href.rstrip("/").rsplit("/", 1)[-1]
    with SERVER_LOCK:
        person = Coworker.objects.public().filter(slug=slug).first()
    assert person is not None, f"{href} is not a public person"
    assert page.locator("h1").first.inner_text().strip() == person.name
    assert person.email, "the demo person has no address to relay messages to"
    assert not person.show_email, "pick facets whose people keep their address private"
    assert person.email not in page.content(), "the person's private address is in the page"

    # Write to them through the contact form.
    form = page.locator("#contact form")
    form.locator("#id_name").fill(SENDER["name"])
    form.locator("#id_email").fill(SENDER["email"])
    form.locator("#id_message").fill(SENDER["message"])
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert path_of(page.url) == f"{href}?sent=1", page.url
    sent = page.locator("#contact .directory-contact__sent")
    assert sent.is_visible()
    assert sent.get_attribute("role") == "status"
    assert person.email not in page.content(), "the private address appeared after sending"

    # The message went to the person (the live server shares this process's locmem outbox).
    assert len(mailoutbox) == 1, [message.subject for message in mailoutbox]
    message = mailoutbox[0]
    assert message.to == [person.email]
    assert message.reply_to == [SENDER["email"]]
    assert SENDER["name"] in message.subject
    assert SENDER["message"] in message.body
    with SERVER_LOCK:
        assert ContactMessage.objects.filter(
            coworker__translation_key=person.translation_key, language="nl"
        ).exists()


def test_editor_creates_a_person_records_consent_publishes_and_finds_them(
    new_page, erase_created_person
):
    fr = Locale.objects.get(language_code="fr")
    with SERVER_LOCK:
        assert not Coworker.objects.filter(slug=PERSON["slug"]).exists()
        home_space = SpacePage.objects.get(locale=fr, title=PERSON["home_space"])
    admin = new_page(locale="en-GB")
    admin_log_in(admin)

    # A new person, without consent yet.
    admin.goto(f"{COWORKER_ADMIN}add/")
    admin.fill("#id_name", PERSON["name"])
    admin.fill("#id_headline", PERSON["headline"])
    admin.fill("#id_bio", PERSON["bio"])
    admin.select_option("#id_skills", label=PERSON["skills"])
    for code in PERSON["languages"]:
        admin.check(f"input[name=languages][value='{code}']")
    for code in PERSON["open_to"]:
        admin.check(f"input[name=open_to][value='{code}']")
    # Home space: Wagtail's page chooser (a modal), searched by name.
    admin.click("#id_home_space-chooser [data-chooser-action-choose]")
    admin.fill(".modal-content input[name=q]", PERSON["home_space"])
    admin.click(f".modal-content a.choose-page[data-id='{home_space.pk}']")
    admin.locator(".modal-content").wait_for(state="detached")
    assert admin.input_value("#id_home_space") == str(home_space.pk)
    admin.fill("#id_city", PERSON["city"])
    admin.select_option("#id_country", PERSON["country"])
    admin.fill("#id_email", PERSON["email"])
    assert not admin.is_checked("#id_show_email")
    publish(admin)
    assert path_of(admin.url).startswith(COWORKER_ADMIN), admin.url

    with SERVER_LOCK:
        person = Coworker.objects.get(slug=PERSON["slug"])
        skills = sorted(skill.label for skill in person.skills.all())
    assert person.live
    assert person.consent_given_at is None
    assert person.home_space_id == home_space.pk
    assert skills == sorted(PERSON["skills"])

    # Published but without consent: nowhere in the directory.
    public = new_page(locale="fr-BE")
    search = f"/fr/directory/?q={PERSON['name'].replace(' ', '+')}"
    public.goto(search)
    assert results_total(public) == 0
    assert card_names(public) == []
    detail = person.get_url("fr")
    assert public.goto(detail).status == 404

    # Record the consent (the admin's date-time field), then publish again.
    admin.goto(f"{COWORKER_ADMIN}edit/{person.pk}/")
    consent_at = timezone.localtime().replace(second=0, microsecond=0)
    admin.fill("#id_consent_given_at", consent_at.strftime("%Y-%m-%d %H:%M"))
    admin.keyboard.press("Escape")  # close the date picker
    admin.fill("#id_consent_note", PERSON["consent_note"])
    publish(admin)
    assert path_of(admin.url).startswith(COWORKER_ADMIN), admin.url
    with SERVER_LOCK:
        person.refresh_from_db()
    assert person.live
    assert person.consent_given_at == consent_at
    assert person.consent_note == PERSON["consent_note"]

    # The visitor's side: found by name in the French directory, then the person's page.
    public.goto(search)
    assert results_total(public) == 1
    assert card_names(public) == [PERSON["name"]]
    public.click(f".directory__list .card__link[href='{detail}']")
    public.wait_for_url(f"**{detail}")
    assert public.get_attribute("html", "lang") == "fr"
    assert public.locator("h1").first.inner_text().strip() == PERSON["name"]
    assert public.locator(".lead").first.inner_text().strip() == PERSON["headline"]
    facts = public.locator("#record-facts + .facts").inner_text()
    for label in [*PERSON["skills"], PERSON["home_space"]]:
        assert label in facts, (label, facts)
    assert public.locator("#contact form").count() == 1, "no contact form on the page"
    assert PERSON["email"] not in public.content(), "the private address is in the page"

    # Written in French only, the record shows on /nl/ too: its text in French (lang="fr"),
    # the skills in Dutch.
    response = public.goto(person.get_url("nl"))
    assert response.status == 200
    assert public.locator("h1").first.inner_text().strip() == PERSON["name"]
    assert public.locator(".lead").first.get_attribute("lang") == "fr"
    assert PERSON["skill_in_dutch"] in public.locator("#record-facts + .facts").inner_text()
    assert PERSON["email"] not in public.content()
