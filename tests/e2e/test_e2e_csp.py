"""Content-Security-Policy in a real browser: the public pages, the Wagtail admin (log in, edit a
page, preview it, choose an image) and the API documentation (Swagger UI, Redoc) work under
their policies, and any violation the browser reports fails the test.

Chromium reports a violation twice: a console message ("Refused to ... because it violates the
following Content Security Policy directive ...") and a ``securitypolicyviolation`` event, which
an init script (run by the browser for every document, frames included) turns into a console
message too. Both are collected for the whole test (the ``watched`` fixture, conftest.py)."""

import pytest
from wagtail.models import Locale

from cms.blog.models import BlogIndexPage, BlogPage
from cms.directory.models import Coworker
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.spaces.models import SpacePage

from .helpers import SERVER_LOCK, admin_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def public_urls() -> list[str]:
    with SERVER_LOCK:
        locale = Locale.objects.get(language_code="fr")

        def first(model, **filters):
            pages = model.objects.live().public().filter(locale=locale, **filters)
            return pages.order_by("path").first().url

        space = SpacePage.objects.live().filter(locale=locale).order_by("path").first()
        coworker = Coworker.objects.in_locale(locale).order_by("pk").first()
        return [
            first(HomePage),
            first(BlogIndexPage),
            first(BlogPage),
            first(EventIndexPage),
            first(EventPage),
            space.url,
            "/fr/directory/",
            coworker.get_url("fr"),
            f"/fr/search/?q={space.city}",
            "/fr/cette-page-nexiste-pas/",
        ]


def test_public_pages_run_under_the_site_policy_without_violation(watched):
    page = watched()

    for url in public_urls():
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "'unsafe-inline'" not in policy

    assert page.csp_violations == [], "\n".join(page.csp_violations)


def test_the_policy_is_enforced(watched):
    """The check is not vacuous: an inline script without the nonce is refused and reported."""
    page = watched()
    page.goto("/fr/")

    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.ran = true';
            document.body.append(script);
        }"""
    )
    page.wait_for_function("() => true")

    assert page.evaluate("() => window.ran") is None
    assert page.csp_violations, "the browser reported no violation"


def test_admin_log_in_edit_preview_and_choose_an_image_without_violation(watched):
    page = watched()
    with SERVER_LOCK:
        article = BlogPage.objects.filter(locale__language_code="fr").order_by("path").first()

    admin_log_in(page)
    page.wait_for_load_state("networkidle")
    page.goto(f"/admin/pages/{article.pk}/")
    page.wait_for_load_state("networkidle")
    response = page.goto(f"/admin/pages/{article.pk}/edit/")
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    page.fill("#id_title", article.title + " (aperçu)")
    # The preview side panel: the page rendered in an iframe of the admin.
    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads each preview into a second iframe and drops the first once it has loaded:
    # the last one is the preview being shown.
    page.frame_locator("iframe[title='Preview'] >> nth=-1").locator("body").wait_for()
    page.wait_for_load_state("networkidle")
    # An image chooser (a modal loaded over fetch).
    page.goto("/admin/images/")
    page.wait_for_load_state("networkidle")
    page.locator("a[href*='/admin/images/'][href$='/']").first.click()
    page.wait_for_load_state("networkidle")

    assert page.csp_violations == [], "\n".join(page.csp_violations)


def test_api_docs_render_under_their_policy_without_violation(watched):
    page = watched()

    page.goto("/api/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    page.locator(".responses-wrapper .live-responses-table").first.wait_for()
    page.goto("/api/docs/redoc/")
    page.get_by_text("COFFEE Hub API").first.wait_for()
    page.wait_for_load_state("networkidle")

    assert page.csp_violations == [], "\n".join(page.csp_violations)


def test_api_answers_forbid_everything(watched):
    page = watched()

    response = page.goto("/api/v2/pages/?locale=fr")

    assert response.status == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert page.csp_violations == [], "\n".join(page.csp_violations)
