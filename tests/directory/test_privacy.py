"""People are hidden until they are published AND their consent is recorded: a draft, an
unpublished record, a missing or withdrawn consent, an expired record and an erased person
never show on pages, in search results, facet counts, feeds, the sitemap or space pages."""

import pytest
from django.core.management import call_command

from cms.directory.models import Coworker, ProjectIdea
from cms.directory.search import DirectoryQuery, search
from cms.directory.sitemap import DirectorySitemap
from tests.conftest import LANGUAGES

from .conftest import ACCOUNTANTS, ACCOUNTING, HIDDEN_KINDS, HIDDEN_WORD, PUBLIC_PEOPLE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_directory_page_lists_public_people_only(client, directory, url, lang):
    html = client.get(url(lang, "?page_size=100")).content.decode()
    for role in PUBLIC_PEOPLE:
        assert directory.people[role].name in html
    assert HIDDEN_WORD not in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_person_page_is_404(client, directory, url, lang, kind):
    person = directory.hidden[kind]
    assert client.get(url(lang, f"coworkers/{person.slug}/")).status_code == 404
    assert client.post(url(lang, f"coworkers/{person.slug}/"), {}).status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_and_facets_ignore_hidden_people(directory, lang):
    found = search(DirectoryQuery(text=HIDDEN_WORD, locale=lang))
    assert found.total == 0 and found.hits == []
    results = search(DirectoryQuery(locale=lang, page_size=100))
    assert results.total == len(PUBLIC_PEOPLE)
    skill = {value.value: value.count for value in results.facets["skill"]}
    assert skill[ACCOUNTING[lang]] == len(ACCOUNTANTS)
    # Every hidden person speaks German and is open to mentoring; nobody public does that.
    assert "mentoring" not in {value.value for value in results.facets["open_to"]}
    languages = {value.value: value.count for value in results.facets["language"]}
    assert languages["de"] == 1  # Emma


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_people_are_not_shown_as_company_members_or_posters(client, directory, url, lang):
    company = directory.companies["chiffres"]
    html = client.get(url(lang, f"companies/{company.slug}/")).content.decode()
    assert directory.people["camille"].name in html
    assert HIDDEN_WORD not in html
    # An idea posted by a person without consent is hidden with them.
    hidden_project = directory.projects["hidden"]
    assert client.get(url(lang, f"projects/{hidden_project.slug}/")).status_code == 404
    assert hidden_project.pk not in ProjectIdea.objects.in_locale(lang).values_list("pk", flat=True)
    projects = search(DirectoryQuery(kind="projects", locale=lang, page_size=100))
    assert [hit.record.translation_key for hit in projects.hits] == [
        directory.projects["guide"].translation_key
    ]


def test_withdrawing_consent_hides_every_translation_at_once(client, directory, url):
    camille = directory.people["camille"]
    assert Coworker.objects.filter(translation_key=camille.translation_key).count() == 3
    camille.consent_withdrawn_at = camille.consent_given_at.replace(year=2027)
    camille.save_revision().publish()
    for lang in LANGUAGES:
        assert client.get(url(lang, f"coworkers/{camille.slug}/")).status_code == 404
        assert camille.name not in client.get(url(lang)).content.decode()
    # A translation saved later from an old snapshot cannot bring the consent back.
    dutch = Coworker.objects.get(
        translation_key=camille.translation_key, locale__language_code="nl"
    )
    dutch.consent_withdrawn_at = None
    dutch.save()
    dutch.refresh_from_db()
    assert dutch.consent_withdrawn_at is not None
    assert not Coworker.objects.public().filter(translation_key=camille.translation_key).exists()


def test_unpublishing_a_translation_falls_back_to_the_source(client, directory, url):
    camille = directory.people["camille"]
    dutch = Coworker.objects.get(
        translation_key=camille.translation_key, locale__language_code="nl"
    )
    dutch.unpublish()
    response = client.get(url("nl", f"coworkers/{camille.slug}/"))
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Comptable indépendante à Tournai" in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contact_details_only_when_chosen(client, directory, url, lang):
    emma = directory.people["emma"]
    camille = directory.people["camille"]
    assert emma.email in client.get(url(lang, f"coworkers/{emma.slug}/")).content.decode()
    html = client.get(url(lang, f"coworkers/{camille.slug}/")).content.decode()
    assert camille.email not in html
    listing = client.get(url(lang, "?page_size=100")).content.decode()
    assert camille.email not in listing and "@example.org" not in listing


def test_sitemap_and_feed_list_public_records_only(client, directory, rf):
    sitemap = DirectorySitemap(rf.get("/sitemap.xml"))
    urls = [sitemap.location(item) for item in sitemap.items()]
    for role in PUBLIC_PEOPLE:
        for lang in LANGUAGES:
            assert f"/{lang}/directory/coworkers/{directory.people[role].slug}/" in urls
    assert not any(HIDDEN_WORD.lower() in address for address in urls)
    assert len(urls) == len(set(urls))
    feed = client.get("/en/directory/projects/feed/").content.decode()
    assert "Guide bilingue" in feed
    assert HIDDEN_WORD not in feed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_space_page_lists_public_members_only(client, directory, lang):
    esco = directory.spaces["ESCO"].get_translation(
        directory.spaces["ESCO"].locale.__class__.objects.get(language_code=lang)
    )
    html = client.get(esco.url).content.decode()
    assert "space-members" in html
    for role in ("camille", "pieter", "julien"):  # home space or visited
        assert directory.people[role].name in html
    assert directory.people["emma"].name not in html  # based at Mutualab
    assert "Chiffres Lambert" in html
    assert HIDDEN_WORD not in html


def test_erased_person_is_gone_everywhere(client, directory, url):
    camille = directory.people["camille"]
    call_command("erase_person", camille.slug, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for lang in LANGUAGES:
        assert client.get(url(lang, f"coworkers/{camille.slug}/")).status_code == 404
        assert camille.name not in client.get(url(lang, "?page_size=100")).content.decode()
        assert search(DirectoryQuery(text="Lambert", locale=lang)).total == 0
        skill = {v.value: v.count for v in search(DirectoryQuery(locale=lang)).facets["skill"]}
        assert skill[ACCOUNTING[lang]] == len(ACCOUNTANTS) - 1


def test_site_sitemap_includes_public_directory_records_only(client, directory):
    """/sitemap.xml, the one crawlers read, lists public people in every language, no one else."""
    xml = client.get("/sitemap.xml").content.decode()
    for role in PUBLIC_PEOPLE:
        for lang in LANGUAGES:
            assert f"/{lang}/directory/coworkers/{directory.people[role].slug}/" in xml
    for hidden in directory.hidden.values():
        assert f"/{hidden.slug}/" not in xml
