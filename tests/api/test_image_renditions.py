"""A front-end asks for every image of an answer at a size, crop and format from an allowed list
(?image=, ?image_format=), with srcset variants; the renditions are made once and reused."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .api_helpers import assert_error, get_json

pytestmark = pytest.mark.django_db

Rendition = get_image_model().get_rendition_model()


@pytest.fixture(autouse=True)
def _fresh_renditions():
    """Wagtail's rendition cache outlives each test's rolled-back rows: start without it."""
    caches["renditions"].clear()
    yield
    caches["renditions"].clear()


def file_head(rendition) -> bytes:
    with rendition.file.open("rb") as handle:
        return handle.read(16)


def test_a_hero_image_comes_at_the_asked_crop_and_format_with_srcset(api, api_content):
    """fill-400x400 in webp: the 1x image is 400x400, the srcset has 200, 400 and 800 pixel
    wide variants of the same crop, and the files are WebP."""
    article = api_content.article
    data = get_json(api, f"/api/v2/pages/{article.pk}/?image=fill-400x400&image_format=webp")
    hero = data["hero_image"]
    assert (hero["width"], hero["height"]) == (400, 400)
    assert hero["spec"] == "fill-400x400"
    assert hero["format"] == "webp"
    assert hero["url"].endswith(".webp")
    assert [(item["width"], item["height"], item["scale"]) for item in hero["srcset"]] == [
        (200, 200, 0.5),
        (400, 400, 1),
        (800, 800, 2),
    ]
    assert hero["srcset_attribute"] == ", ".join(
        f"{item['url']} {item['width']}w" for item in hero["srcset"]
    )
    assert hero["original"]["width"] == 1600
    # The image in the body is shown the same way.
    block = next(block for block in data["body"] if block["type"] == "image")
    assert block["value"]["image"]["width"] == 400
    assert block["value"]["image"]["url"] == hero["url"]
    rendition = Rendition.objects.get(
        image=api_content.image, filter_spec="fill-400x400|format-webp"
    )
    head = file_head(rendition)
    assert head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def test_fill_crops_around_the_focal_point_the_editor_chose(api, api_content):
    image = api_content.image
    image.focal_point_x, image.focal_point_y = 1400, 500
    image.focal_point_width, image.focal_point_height = 200, 200
    image.save()
    data = get_json(api, f"/api/v2/images/{image.pk}/?image=fill-400x400")
    rendition = data["meta"]["rendition"]
    assert rendition["focal_point"] == {"x": 1400, "y": 500, "width": 200, "height": 200}
    made = Rendition.objects.get(image=image, filter_spec="fill-400x400")
    # Made for this focal point (Wagtail keys fill renditions by it): moving it makes another.
    assert made.focal_point_key == Filter("fill-400x400").get_cache_key(image)
    assert (made.width, made.height) == (400, 400)


def test_without_image_parameters_images_keep_the_default_rendition(api, api_content):
    data = get_json(api, f"/api/v2/pages/{api_content.article.pk}/")
    hero = data["hero_image"]
    assert hero["width"] == 1200
    assert "srcset" not in hero


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("image=fill-5000x5000", "image"),  # not in the allowed list: unbounded sizes refused
        ("image=fill-400x400|format-png", "image"),
        ("image=original", "image"),
        ("image=", "image"),
        ("image_format=gif", "image_format"),
        ("image=fill-400x400&image_format=bmp", "image_format"),
    ],
)
def test_an_unknown_spec_is_a_400_naming_the_parameter(api, api_content, query, parameter):
    for url in (
        f"/api/v2/pages/{api_content.article.pk}/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "/api/v2/directory/coworkers/",
    ):
        assert_error(api.get(f"{url}?{query}"), 400, "invalid_parameter", parameter)


def test_a_format_this_server_cannot_serve_is_refused(api, api_content, settings):
    settings.COFFEE_API_IMAGE_FORMATS = ["jpeg", "webp"]
    error = assert_error(
        api.get("/api/v2/images/?image_format=avif"), 400, parameter="image_format"
    )
    assert "jpeg, webp" in error["message"]
    assert get_json(api, "/api/v2/images/?image_format=jpeg")["items"][0]["meta"]["rendition"][
        "url"
    ].endswith(".jpg")


def test_documents_take_no_image_parameters(api, api_content):
    assert_error(
        api.get("/api/v2/documents/?image=fill-400x400"), 400, "unknown_parameter", "image"
    )


def test_renditions_are_made_once_and_reused(api, api_content, steady_content_version):
    """The second identical request creates no rendition and reads them in few queries."""
    url = "/api/v2/images/?image=fill-800x450&image_format=webp"
    before = Rendition.objects.count()
    first = get_json(api, url)
    made = Rendition.objects.count() - before
    assert made == 3  # 0.5x, 1x, 2x of the one public image
    caches["renditions"].clear()  # even without Wagtail's cache: read back, not made again
    with CaptureQueriesContext(connection) as queries:
        second = get_json(api, url)
    assert Rendition.objects.count() - before == made
    assert second == first
    assert len(queries) <= 8, [query["sql"] for query in queries]


def test_asking_a_spec_costs_no_more_queries_than_the_default(
    api, api_content, steady_content_version
):
    """A listing's images read their renditions in one query for the whole page of results."""
    statements = {}
    for query in ("", "&image=width-640&image_format=webp"):
        url = f"/api/v2/pages/?type=blog.BlogPage&fields=hero_image,body&limit=50{query}"
        get_json(api, url)  # renditions made
        caches["renditions"].clear()
        with CaptureQueriesContext(connection) as queries:
            data = get_json(api, url)
        statements[query] = [statement["sql"] for statement in queries]
    heroes = [item["hero_image"] for item in data["items"] if item["hero_image"]]
    assert heroes and all(hero["width"] == 640 for hero in heroes)
    with_spec, default = statements["&image=width-640&image_format=webp"], statements[""]
    assert len(with_spec) <= len(default), statements


def test_the_schema_lists_the_allowed_specs_and_formats(api):
    schema = get_json(api, "/api/schema/?format=json")
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v2/pages/{id}/"]["get"]["parameters"]
    }
    assert "fill-400x400" in parameters["image"]["schema"]["enum"]
    assert "webp" in parameters["image_format"]["schema"]["enum"]
    assert "srcset" in schema["components"]["schemas"]["ImageValue"]["properties"]
