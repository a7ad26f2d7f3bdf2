"""The site search in a real browser: suggestions as you type (site/static/search/suggest.js)
lead to a person's page with the keyboard; the results page, grouped by kind, has nothing for
axe-core to report; without JavaScript the same search still answers."""

import pytest

from .helpers import format_violations
from .test_e2e_directory_phone import PHONE, axe_in_main

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_suggestions_as_you_type_lead_to_a_person(new_page, axe_source):
    page = new_page()
    page.goto("/fr/search/")
    page.locator("#search-q").press_sequentially("Camil", delay=50)
    option = page.locator("#search-q-suggestions [role=option]", has_text="Camille Lambert")
    option.wait_for()
    assert page.locator("#search-q").get_attribute("aria-expanded") == "true"
    violations = axe_in_main(page, axe_source)
    assert violations == [], format_violations(violations)
    selected = page.locator("#search-q-suggestions [aria-selected=true]")
    for _ in range(page.locator("#search-q-suggestions [role=option]").count()):
        page.keyboard.press("ArrowDown")
        if "Camille Lambert" in selected.inner_text():
            break
    assert "Camille Lambert" in selected.inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/fr/directory/coworkers/camille-lambert/" in page.url


@pytest.mark.parametrize("javascript", [True, False])
def test_grouped_results_on_a_phone(new_page, axe_source, javascript):
    page = new_page(viewport=PHONE, mobile=True, java_script_enabled=javascript)
    page.goto("/nl/search/?q=boekhouder")
    people = page.locator("section.search-group:has(#group-coworkers) .search-result")
    assert people.count() >= 3
    box = page.locator(".search-group .search-result__title a").first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    if javascript:
        violations = axe_in_main(page, axe_source)
        assert violations == [], format_violations(violations)
