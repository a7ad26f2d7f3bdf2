"""axe-core finds no accessibility violation on any public page type, in fr, nl and en, at desktop
and mobile widths.

axe-core (ops/e2e/node_modules, installed by `make e2e-deps`) is injected into the page and runs
its default rule set (WCAG 2.x A and AA, plus best practices).
"""

import pytest
from wagtail.models import Locale

from cms.blog.models import BlogIndexPage, BlogPage
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.pages.models import StandardPage
from cms.spaces.models import SpaceIndexPage, SpacePage
from cms.studies.models import StudyIndexPage, StudyPage

from .helpers import DESKTOP, LANGUAGES, MOBILE, format_violations, run_axe

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


PAGE_TYPES = {
    "home": lambda locale: first_url(HomePage, locale),
    "standard": lambda locale: first_url(StandardPage, locale),
    "blog-index": lambda locale: first_url(BlogIndexPage, locale),
    "article": lambda locale: first_url(BlogPage, locale),
    "studies-index": lambda locale: first_url(StudyIndexPage, locale),
    "study": lambda locale: first_url(StudyPage, locale),
    "agenda": lambda locale: first_url(EventIndexPage, locale),
    "agenda-archive": lambda locale: first_url(EventIndexPage, locale) + "archive/",
    "event": lambda locale: EventPage.upcoming_in_locale(locale).first().url,
    "spaces-index": lambda locale: first_url(SpaceIndexPage, locale),
    "space": lambda locale: first_url(SpacePage, locale),
    "search": search_url,
    "404": lambda locale: f"/{locale.language_code}/e2e-no-such-page/",
}
WIDTHS = {"desktop": (DESKTOP, False), "mobile": (MOBILE, True)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violation(page_type, language, width, new_page, axe_source):
    locale = Locale.objects.get(language_code=language)
    url = PAGE_TYPES[page_type](locale)
    viewport, mobile = WIDTHS[width]
    page = new_page(viewport=viewport, mobile=mobile, locale=language)

    import time; t0 = time.time()
    response = page.goto(url)
    t1 = time.time()
    expected_status = 404 if page_type == "404" else 200
    assert response.status == expected_status, f"{url} answered {response.status}"
    assert page.get_attribute("html", "lang") == language

    violations = run_axe(page, axe_source)
    print(f'TIMING {page_type} {language} {width} goto={t1-t0:.2f} axe={time.time()-t1:.2f}')
    assert not violations, (
        f"axe-core: {len(violations)} violation(s) on {page_type} {url} ({width} "
        f"{viewport['width']}x{viewport['height']}):\n{format_violations(violations)}"
    )
