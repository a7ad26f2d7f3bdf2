import pytest
from .helpers import EDITOR_PASSWORD, EDITOR_USERNAME

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_probe(new_page):
    page = new_page(locale="en-GB")
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR_USERNAME)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")
    page.goto("/admin/snippets/directory/coworker/add/")
    page.click("#id_home_space-chooser [data-chooser-action-choose]")
    page.wait_for_selector(".modal-content")
    page.wait_for_timeout(1500)
    open("/tmp/probe/modal.html", "w").write(page.locator(".modal-content").inner_html())
    page.screenshot(path="/tmp/probe/modal.png")
    page.fill(".modal-content input[name=q]", "Mutualab")
    page.wait_for_timeout(2000)
    open("/tmp/probe/modal2.html", "w").write(page.locator(".modal-content").inner_html())
    page.screenshot(path="/tmp/probe/modal2.png")
