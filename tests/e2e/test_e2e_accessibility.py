"""axe-core finds no accessibility violation on any public page type, in fr, nl and en, at desktop
and mobile widths.

axe-core (ops/e2e/node_modules, installed by `make e2e-deps`) is injected into the page and runs
its default rule set (WCAG 2.x A and AA, plus best practices).
"""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from cms.blog.models import BlogIndexPage, BlogPage
from cms.directory.models import Company, Coworker, ProjectIdea
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.pages.models import ContactPage, StandardPage
from cms.spaces.models import SpaceIndexPage, SpacePage
from cms.studies.models import StudyIndexPage, StudyPage

from .helpers import (
    DESKTOP,
    LANGUAGES,
    MOBILE,
    SERVER_LOCK,
    TIMEOUT_MS,
    format_violations,
    run_axe,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def first_url(model, locale, **filters):
    page = model.objects.live().public().filter(locale=locale, **filters).order_by("path").first()
    assert page is not None, f"the demo content has no live {model.__name__} in {locale}"
    return page.url


def search_url(locale):
    # A word that the demo content surely contains in every language: a space's city.
    space = SpacePage.objects.live().filter(locale=locale).order_by("path").first()
    assert space is not None, f"the demo content has no space in {locale}"
    return f"/{locale.language_code}/search/?q={space.city}"


def directory_url(model=None):
    def url(locale):
        language = locale.language_code
        if model is None:
            with translation.override(language):
                return reverse("directory:index")
        record = model.objects.in_locale(locale).order_by("pk").first()
        assert record is not None, f"the demo content has no public {model.__name__} in {locale}"
        return record.get_url(language)

    return url


PAGE_TYPES = {
    "home": lambda locale: first_url(HomePage, locale),
    "standard": lambda locale: first_url(StandardPage, locale),
    "contact": lambda locale: first_url(ContactPage, locale),
    "blog-index": lambda locale: first_url(BlogIndexPage, locale),
    "article": lambda locale: first_url(BlogPage, locale),
    "studies-index": lambda locale: first_url(StudyIndexPage, locale),
    "study": lambda locale: first_url(StudyPage, locale),
    "agenda": lambda locale: first_url(EventIndexPage, locale),
    "agenda-archive": lambda locale: first_url(EventIndexPage, locale) + "archive/",
    "event": lambda locale: first_url(EventPage, locale, end__gte=timezone.now()),
    # A weekly series (its dates, the date chosen), a cancelled event (its notice).
    "event-series": lambda locale: first_url(EventPage, locale, repeat_frequency="weekly"),
    "event-cancelled": lambda locale: first_url(EventPage, locale, status="cancelled"),
    "spaces-index": lambda locale: first_url(SpaceIndexPage, locale),
    "space": lambda locale: first_url(SpacePage, locale),
    "search": search_url,
    "directory": directory_url(),
    "coworker": directory_url(Coworker),
    "company": directory_url(Company),
    "project-idea": directory_url(ProjectIdea),
    "404": lambda locale: f"/{locale.language_code}/e2e-no-such-page/",
}
WIDTHS = {"desktop": (DESKTOP, False), "mobile": (MOBILE, True)}

# The elements that stick out past the window's right edge (the innermost ones, shown with
# their CSS selector-ish name and right edge), or [] when the page fits.
OVERFLOW_JS = """width => {
    if (document.documentElement.scrollWidth <= width) return [];
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + [...e.classList].map(c => '.' + c).join('');
    const path = e => {
        const names = [];
        for (let n = e; n && n !== document.body && names.length < 4; n = n.parentElement) {
            names.unshift(name(n));
        }
        return names.join(' > ');
    };
    const out = [];
    for (const e of document.body.querySelectorAll('*')) {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) continue;
        if ([...e.children].some(c => c.getBoundingClientRect().right > width + 1)) continue;
        out.push(`${path(e)} (right edge ${Math.round(box.right)}px): `
            + (e.textContent || '').trim().slice(0, 40));
    }
    return out.slice(0, 10);
}"""


@pytest.fixture(scope="module")
def tabs(browser, e2e_server):
    """One browser tab per width, reused by the tests of this module (their HTTP cache spares
    the static files); public pages keep no state in the browser."""
    contexts, pages = [], {}
    for width, (viewport, mobile) in WIDTHS.items():
        options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if mobile else {}
        context = browser.new_context(base_url=e2e_server, viewport=viewport, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        pages[width] = context.new_page()
    yield pages
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violation_nor_overflow(page_type, language, width, tabs, axe_source):
    """axe-core reports no violation; and nothing is wider than the window, so a phone never
    scrolls sideways (WCAG 1.4.10 Reflow, which axe-core does not check)."""
    with SERVER_LOCK:  # the tab's last page may still be talking to the live server
        locale = Locale.objects.get(language_code=language)
        url = PAGE_TYPES[page_type](locale)
    viewport = WIDTHS[width][0]
    page = tabs[width]

    response = page.goto(url)
    expected_status = 404 if page_type == "404" else 200
    assert response.status == expected_status, f"{url} answered {response.status}"
    assert page.get_attribute("html", "lang") == language

    problems = []
    violations = run_axe(page, axe_source)
    if violations:
        problems.append(
            f"axe-core: {len(violations)} violation(s):\n{format_violations(violations)}"
        )
    too_wide = page.evaluate(OVERFLOW_JS, viewport["width"])
    if too_wide:
        problems.append(
            f"reflow: the page is {page.evaluate('document.documentElement.scrollWidth')}px wide "
            f"in a {viewport['width']}px window; elements past its right edge:\n"
            + "\n".join(f"    {element}" for element in too_wide)
        )
    where = f"{page_type} {url} ({width} {viewport['width']}x{viewport['height']})"
    assert not problems, f"{where}:\n" + "\n".join(problems)


def test_axe_reports_violations(tabs, axe_source):
    """The check above is not vacuous: on a page with known faults, axe-core reports them."""
    page = tabs["desktop"]
    page.set_content('<html><body><img src="data:,"><a href="#"></a></body></html>')
    found = {violation["id"] for violation in run_axe(page, axe_source)}
    assert {"html-has-lang", "image-alt", "link-name"} <= found, found
