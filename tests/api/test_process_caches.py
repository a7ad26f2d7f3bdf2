"""What API workers keep between requests (locale ids, serializer classes) follows the requests
and the content: no answer shaped by an earlier request or by a deleted row."""

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale

from cms.api import params
from cms.api.errors import InvalidParameter

from .api_helpers import assert_error, get_json

pytestmark = pytest.mark.django_db

GERMAN = override_settings(
    WAGTAIL_CONTENT_LANGUAGES=[*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
)


@GERMAN
def test_a_locale_deleted_and_created_again_is_looked_up_again():
    first = Locale.objects.create(language_code="de")
    assert params.parse_locale("de").pk == first.pk
    first.delete()
    with pytest.raises(InvalidParameter):
        params.parse_locale("de")
    second = Locale.objects.create(language_code="de")
    assert params.parse_locale("de").pk == second.pk != first.pk


def test_each_request_shows_its_own_fields(api, site_tree):
    titles_only = get_json(api, "/api/v2/pages/?fields=_,title&limit=3")
    everything = get_json(api, "/api/v2/pages/?fields=*&limit=3")
    ids_only = get_json(api, "/api/v2/pages/?fields=_,id&limit=3")
    assert all(set(item) == {"title"} for item in titles_only["items"])
    assert all("slug" in item["meta"] for item in everything["items"])
    assert all(set(item) == {"id"} for item in ids_only["items"])
    assert get_json(api, "/api/v2/pages/?fields=_,title&limit=3") == titles_only
    assert_error(api.get("/api/v2/pages/?fields=_,bogus"), 400, parameter="fields")
    assert_error(api.get("/api/v2/pages/?fields=_,bogus"), 400, parameter="fields")
