"""A Content-Security-Policy on every answer, the one of its area: the public site (strict),
the JSON API (nothing allowed), the API documentation (its start-up script by nonce), the
Wagtail admin, media files (sandboxed). tests/e2e/test_e2e_csp.py proves in a browser that
each area works under its policy."""

import re

import pytest
from django.test import override_settings
from wagtail.images.tests.utils import get_test_image_file

from tests.conftest import parse

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_site_pages_forbid_inline_scripts_and_other_origins(client, home_tree, language):
    response = client.get(home_tree.urls["home"][language])

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not re.search(r"<script(?![^>]*\bsrc=)", response.content.decode())


def test_the_site_404_has_the_site_policy(client, home_tree):
    response = client.get("/fr/cette-page-nexiste-pas/")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/nothing-here/", "/api/schema/"])
def test_api_answers_allow_nothing(client, home_tree, path):
    response = client.get(path)

    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_api_docs_run_only_their_own_scripts_and_the_nonced_start_up(client):
    """Swagger UI's start-up script carries the answer's nonce, a new one each time."""
    nonces = []
    for _ in range(2):
        response = client.get("/api/docs/")
        [nonce] = re.findall(r"'nonce-([^']+)'", " ".join(directives(response)["script-src"]))
        inline = [tag for tag in parse(response).find_all("script") if not tag.get("src")]
        assert inline
        assert all(tag.get("nonce") == nonce for tag in inline)
        nonces.append(nonce)
    assert nonces[0] != nonces[1], "a nonce is never reused"


def test_redoc_loads_nothing_from_other_sites_but_its_logo(client):
    response = client.get("/api/docs/redoc/")

    assert not [tag for tag in parse(response).find_all("script") if not tag.get("src")]
    assert b"fonts.googleapis.com" not in response.content
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_allows_its_inline_scripts_and_styles(client):
    response = client.get("/admin/login/")

    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert "'self'" in policy["frame-ancestors"]


def test_the_admin_may_frame_the_headless_preview_front_end_only(client, home_tree, settings):
    """The admin's preview panel frames the partner front-end of HEADLESS_PREVIEW_URL, an
    http:// one in development too; the public site does not gain it."""
    settings.HEADLESS_PREVIEW_URL = "http://localhost:3000/preview?site=coffee"

    admin = directives(client.get("/admin/login/"))
    site = directives(client.get(home_tree.urls["home"]["fr"]))

    assert "http://localhost:3000" in admin["frame-src"]
    assert "http://localhost:3000" not in site.get("frame-src", [])
    settings.HEADLESS_PREVIEW_URL = ""
    assert "http://localhost:3000" not in directives(client.get("/admin/login/"))["frame-src"]


def test_media_files_are_sandboxed(client, tmp_path):
    """An uploaded image is served with a policy that runs nothing (an SVG could carry script)."""
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        (tmp_path / "original_images").mkdir()
        (tmp_path / "original_images" / "test.png").write_bytes(get_test_image_file().read())

        response = client.get("/media/original_images/test.png")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert "sandbox" in policy
