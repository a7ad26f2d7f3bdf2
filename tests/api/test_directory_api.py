"""The directory under /api/v2/directory/: search, filters, facets in the requested language,
and the privacy rules of the directory pages (nothing unpublished or unconsented, contact
details only when the person chose to show them)."""

import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from cms.core import content_version
from cms.directory.models import Company, Coworker, Skill
from tests.conftest import HIDDEN_WORD, LANGUAGES, steady_version

from .api_helpers import assert_error, get_json

pytestmark = pytest.mark.django_db

SKILL_LABELS = {"fr": "Comptabilité", "nl": "Boekhouding", "en": "Accounting"}


@pytest.fixture
def directory(site_tree):
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    key = uuid.uuid4()
    skills = {
        code: Skill.objects.create(
            translation_key=key,
            locale=locales[code],
            label=label,
            slug=label.lower().replace("é", "e"),
        )
        for code, label in SKILL_LABELS.items()
    }
    now = timezone.now()

    def coworker(name, *, consent=True, live=True, **fields):
        person = Coworker(
            name=name,
            headline=fields.pop("headline", "Expert-comptable à Lille"),
            locale=locales["fr"],
            city="Lille",
            country="FR",
            consent_given_at=now if consent else None,
            live=False,
            **fields,
        )
        person.save()
        person.skills.add(skills["fr"])
        person.save()
        if live:
            person.save_revision().publish()
        else:
            person.save_revision()
        person.refresh_from_db()
        return person

    people = {
        "public": coworker(
            "Léa Vasseur",
            email="lea@example.com",
            show_email=True,
            phone="+33 6 00 00 00 00",
            show_phone=False,
        ),
        "unconsented": coworker(f"{HIDDEN_WORD} Unconsented"),
        "draft": coworker(f"{HIDDEN_WORD} Draft", live=False),
        "withdrawn": coworker(f"{HIDDEN_WORD} Withdrawn"),
    }
    withdrawn = people["withdrawn"]
    withdrawn.consent_withdrawn_at = timezone.now()
    withdrawn.save()
    people["unconsented"].consent_given_at = None
    people["unconsented"].save()
    company = Company(name="Chiffres & Co", locale=locales["fr"], city="Lille", country="FR")
    company.save()
    company.save_revision().publish()
    return {"skills": skills, "people": people, "company": company}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coworkers_list_with_facets_in_the_requested_language(api, directory, lang):
    data = get_json(api, f"/api/v2/directory/coworkers/?locale={lang}")
    assert data["meta"]["total_count"] == 1
    assert data["meta"]["page_size"] == 20
    person = data["items"][0]
    assert person["name"] == "Léa Vasseur"
    assert person["skills"] == [
        {"value": directory["skills"][lang].slug, "label": SKILL_LABELS[lang]}
    ]
    skill_facet = data["facets"]["skill"]
    assert {"value": directory["skills"][lang].slug, "label": SKILL_LABELS[lang], "count": 1} in (
        skill_facet
    )
    assert set(data["facets"]) >= {"skill", "sector", "language", "space", "country", "open_to"}


def test_contact_details_only_when_the_person_chose(api, directory):
    person = directory["people"]["public"]
    data = get_json(api, f"/api/v2/directory/coworkers/{person.pk}/?locale=nl")
    assert data["email"] == "lea@example.com"  # show_email
    assert data["phone"] is None  # not shown
    assert "+33" not in str(data)
    assert data["skills"][0]["label"] == "Boekhouding"


def test_filters_search_and_paging(api, directory):
    slug_nl = directory["skills"]["nl"].slug
    assert (
        get_json(api, f"/api/v2/directory/coworkers/?skill={slug_nl}&locale=fr")["meta"][
            "total_count"
        ]
        == 1
    )
    assert get_json(api, "/api/v2/directory/coworkers/?q=Vasseur")["meta"]["total_count"] == 1
    assert get_json(api, "/api/v2/directory/coworkers/?q=nobody")["meta"]["total_count"] == 0
    assert get_json(api, "/api/v2/directory/coworkers/?country=FR&ordering=name")["items"]
    page = get_json(api, "/api/v2/directory/coworkers/?page_size=100&page=1")
    assert page["meta"]["page_size"] == 100
    companies = get_json(api, "/api/v2/directory/companies/?locale=en")
    assert [item["name"] for item in companies["items"]] == ["Chiffres & Co"]
    assert "type" in companies["facets"]
    skills = get_json(api, "/api/v2/directory/skills/?locale=nl")
    assert "Boekhouding" in [item["label"] for item in skills["items"]]


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("skill=" + "&skill=".join(map(str, range(21))), "skill"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page=abc", "page"),
        ("ordering=deadline", "ordering"),
        ("locale=de", "locale"),
        ("colour=blue", "colour"),
    ],
)
def test_bad_directory_values_name_the_parameter(api, directory, query, parameter):
    assert_error(api.get(f"/api/v2/directory/coworkers/?{query}"), 400, parameter=parameter)


@pytest.mark.parametrize("client_name", ["api", "editor_client"])
def test_unpublished_and_unconsented_people_never_show(request, directory, client_name):
    client = request.getfixturevalue(client_name)
    for url in (
        "/api/v2/directory/coworkers/?page_size=100",
        f"/api/v2/directory/coworkers/?q={HIDDEN_WORD}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert HIDDEN_WORD not in str(response.json()["items"])
    for key in ("unconsented", "draft", "withdrawn"):
        person = directory["people"][key]
        assert client.get(f"/api/v2/directory/coworkers/{person.pk}/").status_code == 404
    search = get_json(client, f"/api/v2/search/?q={HIDDEN_WORD}")
    assert all(group["total"] == 0 for group in search["results"].values())


def test_site_search_groups_pages_and_directory(api, directory):
    data = get_json(api, "/api/v2/search/?q=Vasseur&locale=fr")
    assert set(data["results"]) == {"pages", "coworkers", "companies", "projects"}
    assert data["results"]["coworkers"]["total"] == 1
    assert data["results"]["coworkers"]["items"][0]["title"] == "Léa Vasseur"


def test_change_feed_and_consent(api, directory):
    """Publishing announces a person; withdrawing consent (a plain save) unpublishes them;
    a draft or a person who never consented is never mentioned."""

    def actions(person, pk=None):
        items = get_json(api, "/api/v2/changes/?kind=coworker&limit=500")["items"]
        return [item["action"] for item in items if item["id"] == (pk or person.pk)]

    people = directory["people"]
    assert actions(people["public"]) == ["created"]
    assert actions(people["withdrawn"]) == ["created", "unpublished"]
    assert actions(people["draft"]) == []
    person = people["public"]
    person.consent_withdrawn_at = timezone.now()
    person.save()
    assert actions(person) == ["created", "unpublished"]
    items = get_json(api, "/api/v2/changes/?kind=coworker&limit=500")["items"]
    assert items[-1]["url"] is None
    pk = person.pk
    person.delete()
    assert actions(person, pk) == ["created", "unpublished", "deleted"]


@pytest.fixture
def more_people(directory):
    """30 more public people, in two countries, all with the accounting skill."""
    for number in range(30):
        person = Coworker(
            name=f"Persoon {number}",
            headline="Boekhouder",
            locale=Locale.objects.get(language_code="fr"),
            city="Lille",
            country="BE" if number % 2 else "FR",
            consent_given_at=timezone.now(),
        )
        person.save()
        person.skills.add(directory["skills"]["fr"])
        person.save_revision().publish()
    return directory


@pytest.fixture
def vocabulary_cache():
    """The directory's cache (vocabulary, search answers) on, as in production, empty at the
    start of the test, under a steady content version (read once)."""
    content_version.forget_version()
    caches["directory"].clear()
    with override_settings(DIRECTORY_CACHE="directory"), steady_version():
        yield
    content_version.forget_version()


def count_queries(client, url):
    """SQL queries of the second request (per-process caches warmed by the first)."""
    get_json(client, url)
    with CaptureQueriesContext(connection) as queries:
        data = get_json(client, url)
    return len(queries), len(data.get("items", []))


LISTS = [  # (url, records listed)
    ("/api/v2/directory/coworkers/?locale=nl&page_size={n}", 31),
    ("/api/v2/directory/companies/?locale=nl&page_size={n}", 1),
    ("/api/v2/directory/projects/?locale=nl&page_size={n}", 0),
    ("/api/v2/directory/coworkers/?locale=fr&page_size={n}&country=BE&skill=boekhouding", 15),
]


@pytest.mark.parametrize("url,total", LISTS)
def test_directory_lists_run_at_most_ten_queries(api, more_people, vocabulary_cache, url, total):
    """Whatever the page size, facets included: the total and every facet's counts in one
    query, the page of ids, the records, the keys of all their skills, sectors and spaces in
    one, and the site."""
    (small, one), (large, many) = (
        count_queries(api, url.format(n=1)),
        count_queries(api, url.format(n=100)),
    )
    assert (one, many) == (min(total, 1), total)
    assert small == large <= 10, (small, large)


def test_without_the_vocabulary_cache_a_list_reads_the_vocabulary_too(
    api, more_people, steady_content_version
):
    """The test settings keep the cache off: skills, sectors, spaces (and their view
    restrictions) are read on every request, four queries more, still bounded."""
    url = "/api/v2/directory/coworkers/?locale=nl&page_size={n}"
    (small, _one), (large, many) = (
        count_queries(api, url.format(n=1)),
        count_queries(api, url.format(n=100)),
    )
    assert many > 30
    assert small == large <= 9, (small, large)


def test_site_search_and_vocabularies_run_a_bounded_number_of_queries(
    api, more_people, steady_content_version
):
    # The site search: pages, then each directory kind through the directory search (without
    # facets, one vocabulary for the three kinds).
    url = "/api/v2/search/?q=boekhouder&locale=nl&limit={n}"
    (small, _one), (large, _many) = (
        count_queries(api, url.format(n=1)),
        count_queries(api, url.format(n=50)),
    )
    assert small == large and large <= 24, (small, large)
    # Vocabularies are not paged: all of them, with the site, in two queries.
    for url in ("/api/v2/directory/skills/?locale=nl", "/api/v2/directory/sectors/?locale=nl"):
        assert count_queries(api, url)[0] <= 2, url


@pytest.mark.parametrize(
    "query",
    [
        "coworkers/?skill=nonexistent",
        "coworkers/?country=ZZ",
        "companies/?type=unknown",
    ],
)
def test_a_facet_value_naming_nothing_is_an_empty_list(api, directory, query):
    """As any filter that matches no record: 200, no items, facets counted at 0 (not a 400)."""
    data = get_json(api, f"/api/v2/directory/{query}")
    assert data["items"] == [] and data["meta"]["total_count"] == 0
    assert all(value["count"] == 0 for values in data["facets"].values() for value in values)


def test_a_facet_value_naming_nothing_adds_nothing_to_the_others(api, directory):
    """Values of one facet are OR-ed: an unknown one beside a known one changes nothing."""
    slug = directory["skills"]["nl"].slug
    alone = get_json(api, f"/api/v2/directory/coworkers/?skill={slug}")
    assert alone["meta"]["total_count"] == 1
    assert get_json(api, f"/api/v2/directory/coworkers/?skill={slug}&skill=x") == alone
