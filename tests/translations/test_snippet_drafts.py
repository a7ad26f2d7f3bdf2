"""Categories, navigation, skills and sectors follow the lifecycle of pages: "Translate" in
the admin makes a draft; Dutch visitors (site and API) keep seeing the published French one
until an editor publishes the Dutch translation."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail_localize.models import Translation

from cms.core.models import Category, Navigation
from cms.demo.factories import CategoryFactory, NavigationFactory
from cms.directory.models import Coworker, Sector, Skill
from tests.conftest import parse

from .conftest import edit_segments, locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def snippet_editor_client(editor_client, editor):
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["core", "directory"],
            content_type__model__in=["category", "navigation", "skill", "sector"],
            codename__regex=r"^(add|change|publish)_",
        )
    )
    return editor_client


def translate_to_dutch(client, obj, texts):
    """The admin's "Translate" action on a snippet, then Dutch typed in the translation editor
    and saved without publishing (what "Update from source" does when "publish" is left
    unticked); returns the Dutch row, a draft with the Dutch text."""
    meta = obj._meta
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, obj.pk],
        ),
        {"locales": [locale("nl").pk]},
    )
    assert response.status_code == 302, response.content[:500]
    translation = Translation.objects.get(
        source__object_id=obj.translation_key, target_locale=locale("nl")
    )
    edit_segments(client, translation, texts)
    translation.save_target(publish=False)
    return obj.get_translation(locale("nl"))


def publish(client, obj, django_capture_on_commit_callbacks):
    meta = obj._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302, response.content[:500]
    obj.refresh_from_db()
    assert obj.live


def chips(client, url) -> list[str]:
    page = parse(client.get(url))
    return [link.get_text(strip=True) for link in page.select("a[href*='?category=']")]


def test_a_translated_category_stays_hidden_until_published(
    snippet_editor_client, client, site_tree, django_capture_on_commit_callbacks
):
    CategoryFactory(name="Économie sociale", slug="economie-sociale")
    source = Category.objects.get(slug="economie-sociale")
    dutch = translate_to_dutch(snippet_editor_client, source, {"name": "Sociale economie"})
    assert not dutch.live and dutch.name == "Sociale economie"

    blog_nl = site_tree.url("blog_index", "nl")
    assert "Sociale economie" not in chips(client, blog_nl)
    assert "Sociale economie" not in client.get(f"{blog_nl}?category=sociale-economie").text

    publish(snippet_editor_client, dutch, django_capture_on_commit_callbacks)
    assert "Sociale economie" in chips(client, blog_nl)
    assert "Économie sociale" in chips(client, site_tree.url("blog_index", "fr"))


def test_an_article_filed_under_a_draft_category_shows_the_published_one(
    snippet_editor_client, client, site_tree, django_capture_on_commit_callbacks
):
    """The Dutch article points at the Dutch category once it exists; while that one is a
    draft, visitors and the API read the published French category, never the draft."""
    article_nl = site_tree.page("article", "nl")
    coworking = article_nl.article_categories.first().category
    source = (
        coworking
        if coworking.locale.language_code == "fr"
        else coworking.get_translation(locale("fr"))
    )
    Category.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk).delete()
    dutch = translate_to_dutch(snippet_editor_client, source, {"name": "Werkplekdelen"})
    article_nl.article_categories.update(category=dutch)

    assert [c.name for c in article_nl.categories] == ["Coworking"]
    response = client.get(f"/api/v2/pages/{article_nl.pk}/")
    assert [c["name"] for c in response.json()["categories"]] == ["Coworking"]
    assert "Werkplekdelen" not in client.get(article_nl.url).text

    publish(snippet_editor_client, dutch, django_capture_on_commit_callbacks)
    assert [c.name for c in site_tree.page("article", "nl").categories] == ["Werkplekdelen"]
    response = client.get(f"/api/v2/pages/{article_nl.pk}/")
    assert [c["name"] for c in response.json()["categories"]] == ["Werkplekdelen"]


def test_a_translated_navigation_stays_french_until_published(
    snippet_editor_client, client, site_tree, django_capture_on_commit_callbacks
):
    Navigation.objects.all().delete()
    source = NavigationFactory(footer_text="<p>Le réseau des espaces partagés.</p>")
    dutch = translate_to_dutch(
        snippet_editor_client, source, {"footer_text": "Het netwerk van gedeelde ruimtes."}
    )
    assert not dutch.live and "Het netwerk" in str(dutch.footer_text)
    home_nl = site_tree.url("home", "nl")
    text = client.get(home_nl).text
    assert "Le réseau des espaces partagés." in text
    assert "Het netwerk van gedeelde ruimtes." not in text

    publish(snippet_editor_client, dutch, django_capture_on_commit_callbacks)
    text = client.get(home_nl).text
    assert "Het netwerk van gedeelde ruimtes." in text
    assert "Le réseau des espaces partagés." not in text


@pytest.fixture
def accountant(db):
    skill = Skill.objects.create(
        locale=locale("fr"), label="Comptabilité", slug="comptabilite", synonyms="comptable"
    )
    person = Coworker(
        locale=locale("fr"),
        name="Léa Vasseur",
        headline="Comptable pour indépendants",
        email="lea@example.org",
        consent_given_at=timezone.now(),
        live=False,
    )
    person.save()
    person.skills.set([skill])
    person.save_revision().publish()
    person.refresh_from_db()
    return skill, person


def test_a_translated_skill_stays_out_of_the_dutch_vocabulary_until_published(
    snippet_editor_client, client, accountant, site_tree, django_capture_on_commit_callbacks
):
    skill, person = accountant
    with django_capture_on_commit_callbacks(execute=True):  # the records are reindexed
        dutch = translate_to_dutch(
            snippet_editor_client, skill, {"label": "Boekhouding", "slug": "boekhouding"}
        )
    assert not dutch.live and dutch.label == "Boekhouding"

    def dutch_skills():
        response = client.get("/api/v2/directory/skills/", {"locale": "nl"})
        assert response.status_code == 200
        return [item["label"] for item in response.json()["items"]]

    def found_by_search(text):
        response = client.get("/api/v2/directory/coworkers/", {"locale": "nl", "q": text})
        assert response.status_code == 200
        return [item["id"] for item in response.json()["items"]]

    def skills_of_person():
        response = client.get(f"/api/v2/directory/coworkers/{person.pk}/", {"locale": "nl"})
        assert response.status_code == 200
        return [item["label"] for item in response.json()["skills"]]

    assert dutch_skills() == []
    assert skills_of_person() == ["Comptabilité"]
    assert client.get(f"/api/v2/directory/skills/{dutch.pk}/").status_code == 404
    listing = client.get("/api/v2/directory/coworkers/", {"locale": "nl", "skill": "boekhouding"})
    assert person.pk not in [item["id"] for item in listing.json().get("items", [])]
    assert found_by_search("boekhouding") == []  # the draft's words are not searched
    assert found_by_search("comptabilite") == [person.pk]

    publish(snippet_editor_client, dutch, django_capture_on_commit_callbacks)
    assert dutch_skills() == ["Boekhouding"]
    assert skills_of_person() == ["Boekhouding"]
    listing = client.get("/api/v2/directory/coworkers/", {"locale": "nl", "skill": "boekhouding"})
    assert [item["id"] for item in listing.json()["items"]] == [person.pk]
    assert found_by_search("boekhouding") == [person.pk]


def text_of(obj, field) -> str:
    return str(getattr(obj, field))


#: A French source of each kind, and the field a translator types.
SNIPPETS = {
    "category": (lambda: CategoryFactory(name="Économie sociale", slug="economie-sociale"), "name"),
    "navigation": (lambda: NavigationFactory(footer_text="<p>Le réseau</p>"), "footer_text"),
    "skill": (
        lambda: Skill.objects.create(locale=locale("fr"), label="Comptabilité", slug="compta"),
        "label",
    ),
    "sector": (
        lambda: Sector.objects.create(locale=locale("fr"), label="Numérique", slug="numerique"),
        "label",
    ),
}


def published_dutch(kind, client, django_capture_on_commit_callbacks):
    """A French source of ``kind`` and its Dutch translation, published: (source, dutch, field)."""
    make, field = SNIPPETS[kind]
    if kind == "navigation":
        Navigation.objects.all().delete()
    source = make()
    dutch = translate_to_dutch(client, source, {field: "Gepubliceerd"})
    publish(client, dutch, django_capture_on_commit_callbacks)
    return source, dutch, field


@pytest.mark.parametrize("kind", SNIPPETS)
def test_a_draft_update_keeps_the_published_translation_live_and_unchanged(
    kind, snippet_editor_client, site_tree, django_capture_on_commit_callbacks
):
    """A published Dutch translation, updated and saved as a draft (what "Update from source"
    without publishing does): Dutch visitors keep the published text until it is published."""
    source, dutch, field = published_dutch(
        kind, snippet_editor_client, django_capture_on_commit_callbacks
    )
    model = type(dutch)

    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=locale("nl")
    )
    edit_segments(snippet_editor_client, translation, {field: "Concept"})
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)

    shown = model.objects.public().get(pk=dutch.pk)
    assert "Gepubliceerd" in text_of(shown, field)
    assert shown.has_unpublished_changes
    assert "Concept" in text_of(shown.latest_revision.as_object(), field)

    publish(snippet_editor_client, shown, django_capture_on_commit_callbacks)
    assert "Concept" in text_of(model.objects.public().get(pk=dutch.pk), field)


@pytest.mark.parametrize("kind", SNIPPETS)
def test_a_published_translation_can_still_be_unpublished_in_the_admin(
    kind, snippet_editor_client, site_tree, django_capture_on_commit_callbacks
):
    """Keeping published rows on a draft save never stops Wagtail's own unpublish."""
    source, dutch, field = published_dutch(
        kind, snippet_editor_client, django_capture_on_commit_callbacks
    )
    model = type(dutch)
    meta = model._meta
    url = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:unpublish", args=[dutch.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = snippet_editor_client.post(url)
    assert response.status_code == 302, response.content[:500]
    assert not model.objects.get(pk=dutch.pk).live
    assert not model.objects.public().filter(pk=dutch.pk).exists()


CHOOSABLE = {
    "category": lambda name, live: CategoryFactory(name=name, slug=slugify(name), live=live),
    "skill": lambda name, live: Skill.objects.create(
        locale=locale("fr"), label=name, slug=slugify(name), live=live
    ),
    "sector": lambda name, live: Sector.objects.create(
        locale=locale("fr"), label=name, slug=slugify(name), live=live
    ),
}


@pytest.mark.parametrize("kind", CHOOSABLE)
def test_choosers_offer_published_snippets_only(kind, admin_client):
    """Choosing a draft would show its name once the page or record is published."""
    CHOOSABLE[kind]("Publiée Orange", True)
    CHOOSABLE[kind]("Brouillon Orange", False)
    app = "core" if kind == "category" else "directory"
    for view, query in (("choose", {}), ("choose_results", {"q": "Orange"})):
        response = admin_client.get(reverse(f"wagtailsnippetchoosers_{app}_{kind}:{view}"), query)
        assert response.status_code == 200
        body = response.json()["html"] if view == "choose" else response.content.decode()
        assert "Publiée Orange" in body, view
        assert "Brouillon Orange" not in body, view


def test_a_records_form_offers_published_skills_and_sectors_only(admin_client):
    for kind in ("skill", "sector"):
        CHOOSABLE[kind](f"Publiée {kind}", True)
        CHOOSABLE[kind](f"Brouillon {kind}", False)
    for model in ("coworker", "company", "projectidea"):
        response = admin_client.get(reverse(f"wagtailsnippets_directory_{model}:add"))
        assert response.status_code == 200
        page = parse(response)
        offered = {option.get_text(strip=True) for option in page.select("option")}
        assert "Publiée skill" in offered or "Publiée sector" in offered, model
        assert not {"Brouillon skill", "Brouillon sector"} & offered, model
