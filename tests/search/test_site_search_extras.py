"""Around the site search: "did you mean" on a likely typo, suggestions as you type (JSON),
and searches that find nothing, recorded per language without personal data and turned by an
editor into a synonym of a skill or a keyword of a page in one step (Reports menu)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission, User
from django.utils import translation
from django.utils.translation import gettext

from cms.core.models import PageKeyword
from search.models import SearchMiss
from tests.conftest import LANGUAGES
from tests.directory.conftest import ACCOUNTANTS, HIDDEN_WORD

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-misses/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def people_found(client, lang, query) -> set[str]:
    page = soup(client.get(f"/{lang}/search/", {"q": query}))
    return {a.get_text(strip=True) for a in page.select("#group-coworkers ~ ol a")}


# ---------------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("lang", "typo", "meant"),
    [
        ("fr", "Lambrt", "lambert"),
        ("nl", "boekhoudr", "boekhouder"),
        ("en", "acountant", "accountant"),
    ],
)
def test_a_likely_typo_gets_a_did_you_mean_that_finds_something(
    client, directory, lang, typo, meant
):
    page = soup(client.get(f"/{lang}/search/", {"q": typo}))
    link = page.select_one(".search-did-you-mean a")
    assert link is not None and link.get_text() == meant
    assert soup(client.get(link["href"])).select(".search-group")


def test_no_did_you_mean_for_words_like_nothing_known(client, directory):
    assert not soup(client.get("/fr/search/", {"q": "qwxzrtp"})).select(".search-did-you-mean")


# ---------------------------------------------------------------------- suggestions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_suggestions_as_you_type_name_people_and_skills(client, directory, lang):
    response = client.get(f"/{lang}/search/suggest/", {"q": "cam"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    [camille] = [s for s in response.json()["suggestions"] if s["label"] == "Camille Lambert"]
    assert camille["url"] == f"/{lang}/directory/coworkers/{directory.people['camille'].slug}/"
    labels = {
        s["label"] for s in client.get(f"/{lang}/search/suggest/?q=compt").json()["suggestions"]
    }
    assert "Comptabilité" in labels
    hidden = client.get(f"/{lang}/search/suggest/", {"q": HIDDEN_WORD[:5]}).json()
    assert hidden["suggestions"] == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "ab\x00"}, "q"),
        ({"q": "cam", "limit": "many"}, "limit"),
        ({"q": "cam", "limit": "0"}, "limit"),
    ],
)
def test_bad_suggestion_requests_are_400_naming_the_parameter(client, directory, params, parameter):
    response = client.get("/fr/search/suggest/", params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


def test_the_search_page_loads_the_suggestion_script_and_works_without_it(client, directory):
    page = soup(client.get("/fr/search/", {"q": "comptable"}))
    assert page.select_one('script[src$="search/suggest.js"]') is not None
    assert not page.select("script:not([src])")  # CSP: no inline script
    assert (
        page.select_one("form[role=search] input[name=q]")["data-suggest-url"]
        == "/fr/search/suggest/"
    )
    assert page.select(".search-group")  # results are in the HTML itself


# ---------------------------------------------------------------------- searches without results


def test_searches_without_results_are_counted_per_language_without_personal_data(client, directory):
    for _ in range(2):
        client.get("/nl/search/", {"q": "  Koffie  ÉTÉ  zonder"}, REMOTE_ADDR="198.51.100.7")
    client.get("/fr/search/", {"q": "koffie été zonder"})
    client.get("/fr/search/", {"q": "comptable"})  # found something: not recorded
    client.get("/fr/search/", {"q": "jan@example.org"})  # an address: never recorded
    client.get("/fr/search/", {"q": "+32 475 12 34 56"})  # a phone number: never recorded
    kept = {(m.query, m.language): m.count for m in SearchMiss.objects.all()}
    assert kept == {("koffie ete zonder", "nl"): 2, ("koffie ete zonder", "fr"): 1}
    fields = {field.name for field in SearchMiss._meta.get_fields()}
    assert fields == {"id", "query", "language", "count", "first_seen", "last_seen"}


def test_editor_turns_a_search_into_a_skill_synonym_in_one_step(admin_client, client, directory):
    client.get("/nl/search/", {"q": "cijferkunstenaar"})
    miss = SearchMiss.objects.get(query="cijferkunstenaar", language="nl")
    report = soup(admin_client.get(REPORT))
    row = report.find("strong", string="cijferkunstenaar").find_parent("tr")
    option = next(o for o in row.select("option") if o.get_text() == "Boekhouding")
    response = admin_client.post(
        f"{REPORT}{miss.pk}/resolve/", {"target": option["value"]}, follow=True
    )
    assert response.status_code == 200
    assert not SearchMiss.objects.filter(pk=miss.pk).exists()
    names = {directory.people[role].name for role in ACCOUNTANTS}
    for lang in LANGUAGES:  # the directory's skills match across languages
        assert people_found(client, lang, "cijferkunstenaar") == names


def test_editor_turns_a_search_into_a_page_keyword(admin_client, client, site_tree):
    client.get("/fr/search/", {"q": "pause café"})
    miss = SearchMiss.objects.get(query="pause cafe", language="fr")
    article = site_tree.page("article", "fr")
    response = admin_client.post(f"{REPORT}{miss.pk}/resolve/", {"target": f"page:{article.pk}"})
    assert response.status_code == 302
    assert PageKeyword.objects.filter(page=article, keyword="pause cafe").exists()
    page = soup(client.get("/fr/search/", {"q": "Pause Café"}))
    assert page.select_one("#group-pages ~ ol a").get_text(strip=True) == article.title
    assert not SearchMiss.objects.exists()


def test_report_is_for_editors_who_can_act(client, directory):
    client.get("/fr/search/", {"q": "introuvable"})
    nobody = User.objects.create_user("reader", password="pw")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    refused = client.get(REPORT)  # Wagtail sends them back to the dashboard
    assert refused.status_code in (302, 403) and "introuvable" not in refused.content.decode()
    miss = SearchMiss.objects.get()
    assert client.post(f"{REPORT}{miss.pk}/resolve/", {"delete": "1"}).status_code in (302, 403)
    assert SearchMiss.objects.filter(pk=miss.pk).exists()
    nobody.user_permissions.add(Permission.objects.get(codename="change_skill"))
    nobody = User.objects.get(pk=nobody.pk)
    client.force_login(nobody)
    assert "introuvable" in client.get(REPORT).content.decode()


@pytest.mark.parametrize("query", ["*", "-", "%", "\x01\x02", " * - "])
def test_a_search_without_a_word_finds_nothing_and_says_why(client, directory, query):
    """Like the API (400 on q), the site does not read a query without a letter or a digit
    as a search for everything: it asks for a word."""
    response = client.get("/nl/search/", {"q": query})
    assert response.status_code == 200
    page = soup(response)
    with translation.override("nl"):
        asked = gettext("Type a word to search for: letters or digits.")
    assert asked in page.select_one("[role=status]").get_text(strip=True)
    assert not page.select(".search-group")
    assert page.select_one("input[name=q]").get("value", "") == ""
