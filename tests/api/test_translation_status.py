"""Every page and directory record says where its translation stands (issue 11): a French
article, its Dutch translation up to date; the French source edited and published makes the
Dutch item outdated, with the changed segment named in its detail; machine-translated
segments read as not reviewed; the sources say "source"; drafts never show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail_localize.models import StringTranslation, Translation

from cms.blog.models import BlogPage
from cms.demo.factories import CoworkerFactory, ImageFactory
from cms.demo.translation import translate_page, translate_record
from tests.conftest import add_page, body

from .api_helpers import get_json

pytestmark = pytest.mark.django_db

FR = {
    "title": "Un café à Tournai",
    "summary": "Les coworkers d'ESCO se retrouvent le jeudi.",
    "body": "Chaque jeudi, un café partagé.",
}
NL = {
    "title": "Koffie in Doornik",
    "summary": "De coworkers van ESCO komen op donderdag samen.",
    "body": "Elke donderdag een gedeelde koffie.",
}
GLOSSARY = {FR[name]: {"nl": NL[name], "en": NL[name]} for name in FR}
STATUS_KEYS = {
    "source_locale",
    "state",
    "outdated",
    "machine_translated",
    "reviewed",
    "last_synchronised",
}


def french_article(site_tree, slug="un-cafe-a-tournai", **texts):
    texts = {**FR, **texts}
    return add_page(
        site_tree.page("blog_index", "fr"),
        BlogPage(
            title=texts["title"],
            slug=slug,
            date=datetime.date(2026, 11, 2),
            summary=texts["summary"],
            body=body(texts["body"]),
        ),
    )


def dutch_of(article, publish=True):
    return translate_page(article, ["nl"], publish=publish, translations=GLOSSARY)["nl"]


def page_status(api, page):
    return get_json(api, f"/api/v2/pages/{page.pk}/")["meta"]["translation"]


def test_edited_source_makes_the_dutch_page_outdated(api, site_tree):
    article = french_article(site_tree)
    dutch = dutch_of(article)

    source = page_status(api, article)
    assert source == {
        "source_locale": "fr",
        "state": "source",
        "outdated": False,
        "machine_translated": False,
        "reviewed": True,
        "last_synchronised": None,
        "changed_segments": [],
    }
    status = page_status(api, dutch)
    assert status["source_locale"] == "fr"
    assert status["state"] == "up_to_date"
    assert (status["outdated"], status["machine_translated"], status["reviewed"]) == (
        False,
        False,
        True,
    )
    synchronised = datetime.datetime.fromisoformat(status["last_synchronised"])
    assert abs(timezone.now() - synchronised) < datetime.timedelta(minutes=5)
    assert status["changed_segments"] == []

    article.summary = "Les coworkers d'ESCO se retrouvent le jeudi et le vendredi."
    article.save_revision().publish()

    status = page_status(api, dutch)
    assert status["state"] == "outdated"
    assert status["outdated"] is True
    assert status["changed_segments"] == ["summary"]
    assert status["last_synchronised"] == synchronised.isoformat()
    # The listing says the same, without the segments' paths.
    items = get_json(api, "/api/v2/pages/?type=blog.BlogPage&locale=nl&limit=100")["items"]
    (item,) = [item for item in items if item["id"] == dutch.pk]
    assert set(item["meta"]["translation"]) == STATUS_KEYS
    assert item["meta"]["translation"]["state"] == "outdated"
    # The source itself is never outdated.
    assert page_status(api, article)["state"] == "source"


def test_machine_translated_segments_are_not_reviewed(api, site_tree):
    article = french_article(site_tree)
    dutch = dutch_of(article)
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=dutch.locale
    )
    # As the translation editor's "Translate with machine" leaves them, then published.
    StringTranslation.objects.filter(
        locale=dutch.locale, context__object=translation.source.object
    ).update(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    translation.save_target(publish=True)

    status = page_status(api, dutch)
    assert status["state"] == "machine_unreviewed"
    assert (status["machine_translated"], status["reviewed"], status["outdated"]) == (
        True,
        False,
        False,
    )
    items = get_json(api, f"/api/v2/pages/?locale=nl&translation_of={article.pk}")["items"]
    assert [item["meta"]["translation"]["machine_translated"] for item in items] == [True]


def test_events_and_every_listing_item_carry_their_status(api, site_tree):
    for url in ("/api/v2/pages/?limit=100", "/api/v2/events/?from=2000-01-01&limit=100"):
        items = get_json(api, url)["items"]
        assert items, url
        for item in items:
            status = item["meta"]["translation"]
            assert set(status) == STATUS_KEYS, (url, item["id"])
            if item["meta"]["locale"] == "fr":
                assert status["state"] == "source" and status["source_locale"] == "fr"


def test_a_draft_translation_never_shows(api, site_tree):
    article = french_article(site_tree)
    dutch = dutch_of(article, publish=False)
    assert not dutch.live

    get_json(api, f"/api/v2/pages/{dutch.pk}/", status=404)
    listing = api.get("/api/v2/pages/?locale=nl&limit=100&fields=*").content.decode()
    french = api.get(f"/api/v2/pages/{article.pk}/").content.decode()
    for text in NL.values():
        assert text not in listing and text not in french
    assert page_status(api, article)["state"] == "source"


@pytest.fixture
def coworker(db):
    """A published French coworker who consented to be listed."""
    return CoworkerFactory(
        name="Léa Vasseur",
        headline="Comptable pour indépendants",
        bio="Elle tient les comptes des coworkers de Tournai.",
    )


def test_a_directory_record_says_where_its_translation_stands(api, coworker):
    dutch = translate_record(
        coworker,
        "nl",
        {
            "headline": "Boekhouder voor zelfstandigen",
            "bio": "Zij houdt de boeken bij van de coworkers in Doornik.",
        },
    )
    # An unpublished translation is never shown; the API shows it once published.
    dutch.unpublish()
    get_json(api, f"/api/v2/directory/coworkers/{dutch.pk}/", status=404)
    dutch.save_revision().publish()
    detail = f"/api/v2/directory/coworkers/{dutch.pk}/"
    status = get_json(api, detail)["translation"]
    assert status["source_locale"] == "fr"
    assert (status["state"], status["outdated"]) == ("up_to_date", False)
    assert (
        get_json(api, f"/api/v2/directory/coworkers/{coworker.pk}/")["translation"]["state"]
        == "source"
    )

    coworker.bio = "Elle tient les comptes des coworkers de Tournai et de Mons."
    coworker.save_revision().publish()

    status = get_json(api, detail)["translation"]
    assert (status["state"], status["outdated"]) == ("outdated", True)
    assert status["changed_segments"] == ["bio"]
    items = get_json(api, "/api/v2/directory/coworkers/?locale=nl&page_size=100")["items"]
    (item,) = [item for item in items if item["id"] == dutch.pk]
    assert set(item["translation"]) == STATUS_KEYS
    assert item["translation"]["state"] == "outdated"


def test_a_listing_of_twenty_translations_runs_as_many_queries_as_one(
    api, site_tree, steady_content_version
):
    for number in range(20):
        article = french_article(site_tree, slug=f"cafe-{number}", title=f"Café {number}")
        dutch_of(article)
    url = "/api/v2/pages/?type=blog.BlogPage&locale=nl&order=-id&limit={n}"

    def count(url):
        get_json(api, url)  # warms the per-process caches
        with CaptureQueriesContext(connection) as queries:
            data = get_json(api, url)
        return len(queries), [item["meta"]["translation"]["state"] for item in data["items"]]

    (small, one), (large, many) = count(url.format(n=1)), count(url.format(n=100))
    assert one == ["outdated"]  # "Café 19" is not in the glossary: untranslated
    assert len(many) >= 20
    assert small == large, (small, large)


def test_the_hero_image_says_what_it_shows_in_the_page_language(api, site_tree):
    """One image serves every translation: its description and caption are the article's own."""
    texts = {
        "Six coworkers autour d'un café": "Zes coworkers rond een koffie",
        "ESCO, Tournai": "ESCO, Doornik",
    }
    image = ImageFactory(
        title="Coworkers at breakfast",
        description="Six people around a table with coffee",
        size=(1600, 1000),
    )
    article = french_article(site_tree, slug="cafe-en-images")
    article.hero_image = image
    article.hero_image_alt, article.hero_image_caption = texts
    article.save_revision().publish()
    dutch = translate_page(
        article,
        ["nl"],
        translations={**GLOSSARY, **{fr: {"nl": nl, "en": nl} for fr, nl in texts.items()}},
    )["nl"]

    for page, (alt, caption) in ((article, texts), (dutch, texts.values())):
        hero = get_json(api, f"/api/v2/pages/{page.pk}/")["hero_image"]
        assert (hero["alt"], hero["caption"]) == (alt, caption)
        assert hero["id"] == image.pk and hero["width"] == 1200
        listed = get_json(
            api,
            f"/api/v2/pages/?type=blog.BlogPage&fields=hero_image&id={page.pk}",
        )["items"]
        assert listed[0]["hero_image"]["caption"] == caption
    # Without a description of its own, the image's default alternative text.
    article.hero_image_alt = article.hero_image_caption = ""
    article.save_revision().publish()
    hero = get_json(api, f"/api/v2/pages/{article.pk}/")["hero_image"]
    assert (hero["alt"], hero["caption"]) == ("Six people around a table with coffee", "")
