"""The directory on a 390 x 844 phone: the results come first, the filters are folded behind a
button whose state stays in the address (?filters=open), with and without JavaScript; axe finds
nothing to report either way."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .helpers import format_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

PHONE = {"width": 390, "height": 844}


def axe_in_main(page, axe_js) -> list[dict]:
    """axe-core's violations inside <main> (the directory's own page; the shared header and
    footer are checked by test_e2e_accessibility)."""
    page.evaluate(axe_js.read_text())
    return page.evaluate(
        """async () => {
            const results = await axe.run('main', {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), html: n.html.slice(0, 300),
                    summary: n.failureSummary,
                })),
            }));
        }"""
    )


def first_result_box(page):
    return page.locator(".directory__list .card__link").first.bounding_box()


def assert_first_result_on_first_screen(page):
    box = first_result_box(page)
    assert box is not None, "no result shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_results_first_on_a_phone_and_filters_behind_a_button(new_page, axe_source, lang):
    page = new_page(viewport=PHONE, mobile=True)
    page.goto(f"/{lang}/directory/")
    assert_first_result_on_first_screen(page)
    assert not page.locator("#directory-facets").is_visible()
    violations = axe_in_main(page, axe_source)
    assert violations == [], format_violations(violations)

    toggle = page.locator("#directory-filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("#directory-facets").is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert parse_qs(urlsplit(page.url).query)["filters"] == ["open"]
    violations = axe_in_main(page, axe_source)
    assert violations == [], format_violations(violations)


def test_filters_work_without_javascript_on_a_phone(new_page):
    page = new_page(viewport=PHONE, mobile=True, java_script_enabled=False)
    page.goto("/nl/directory/?q=boekhouder")
    assert_first_result_on_first_screen(page)
    with page.expect_navigation():
        page.click("#directory-filters-toggle")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["boekhouder"], "filters": ["open"]}
    facets = page.locator("#directory-facets")
    assert facets.is_visible()
    facets.locator("input[type=checkbox][name=sector]").first.check()
    with page.expect_navigation():
        facets.locator("button[type=submit]").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["boekhouder"] and len(query["sector"]) == 1
    assert not facets.is_visible()  # applied: back to the results, the filter still active
    assert_first_result_on_first_screen(page)
    assert page.locator(".directory__filters-count").inner_text() == "(1)"


def test_filters_stay_beside_the_results_on_a_desktop(new_page):
    page = new_page()
    page.goto("/fr/directory/")
    assert page.locator("#directory-facets").is_visible()
    assert not page.locator("#directory-filters-toggle").is_visible()
