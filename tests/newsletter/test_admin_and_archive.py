"""The newsletter in the admin (who sends, progress, a test to me, the e-mail preview) and on
the public site (the archive of sent issues, its RSS feed, the partner API)."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from cms.editorial.roles import ensure_coordinators, ensure_organisation_group
from cms.newsletter import sending
from cms.newsletter.models import Dispatch
from cms.subscribers.models import Interest

from .conftest import ISSUE_TITLES, issue, subscriber

pytestmark = pytest.mark.django_db
KEY = uuid.uuid4()


def make_user(username, groups):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="not-used-here"
    )
    user.groups.set(groups)
    return user


@pytest.fixture
def coordinator():
    return make_user("coralie", [ensure_coordinators()])


@pytest.fixture
def organisation_editor(newsletter_tree):
    return make_user("louise", [ensure_organisation_group(newsletter_tree.page("space", "fr"))])


def test_a_coordinator_sends_and_follows_progress(
    newsletter_tree, coordinator, client, smtp_server, django_capture_on_commit_callbacks
):
    subscriber("lezer@example.org", "nl")
    edition = issue(newsletter_tree, "nl")
    client.force_login(coordinator)
    # The way in: an issue's header and the "More" menu of its row in the page listing (the
    # French source: a translation opens in the translation editor).
    source = issue(newsletter_tree, "fr")
    for url in (f"/admin/pages/{source.pk}/edit/", f"/admin/pages/{source.get_parent().pk}/"):
        html = client.get(url).content.decode()
        assert reverse("newsletter_sending", args=[source.pk]) in html
    page = client.get(reverse("newsletter_sending", args=[edition.pk]))
    assert page.status_code == 200
    assert reverse("newsletter_send", args=[edition.pk]) in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter_send", args=[edition.pk]))
    assert response.status_code == 302
    dispatch = Dispatch.objects.get(issue=edition)
    assert dispatch.started_by == coordinator
    page = client.get(reverse("newsletter_sending", args=[edition.pk])).content.decode()
    assert 'data-count="remaining">1<' in page and 'data-count="sent">0<' in page

    client.post(reverse("newsletter_pause", args=[edition.pk]))
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.PAUSED
    client.post(reverse("newsletter_resume", args=[edition.pk]))
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.SENDING


def test_organisation_editors_propose_but_do_not_send(newsletter_tree, organisation_editor, client):
    edition = issue(newsletter_tree, "fr")
    client.force_login(organisation_editor)
    # Refused (Wagtail's admin answers a permission denied with a redirect and a message).
    response = client.post(reverse("newsletter_send", args=[edition.pk]))
    assert response.status_code in (302, 403)
    assert not response.headers.get("Location", "").startswith("/admin/newsletter/")
    assert not Dispatch.objects.filter(issue=edition).exists()
    # They may add an issue under the archive (then submit it to the coordinators' review).
    index = newsletter_tree.page("newsletter", "fr")
    assert index.permissions_for_user(organisation_editor).can_add_subpage()


def test_an_issue_offers_the_interests_of_its_own_language(newsletter_tree, coordinator, client):
    """Each interest exists in fr, nl and en (a space's under the same name in all three): an
    issue's form offers those of its language, and an interest it already has."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "nl", "en")}
    trainings = {
        code: Interest.objects.create(
            name=name, slug="formations", locale=locales[code], translation_key=KEY
        )
        for code, name in (("fr", "Formations"), ("nl", "Opleidingen"), ("en", "Trainings"))
    }
    client.force_login(coordinator)

    def offered(url):
        form = client.get(url).context["form"]
        return set(form.fields["interests"].queryset)

    index = newsletter_tree.page("newsletter", "nl")
    add = reverse("wagtailadmin_pages:add", args=["newsletter", "newsletterissuepage", index.pk])
    assert offered(add) == {trainings["nl"]}
    french = issue(newsletter_tree, "fr")
    edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert offered(edit) == {trainings["fr"]}
    french.interests.set([trainings["en"]])
    french.save_revision().publish()
    assert offered(edit) == {trainings["fr"], trainings["en"]}


def test_send_a_test_to_me(newsletter_tree, coordinator, client, smtp_server):
    edition = issue(newsletter_tree, "en")
    client.force_login(coordinator)
    response = client.post(reverse("newsletter_test", args=[edition.pk]))
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == coordinator.email
    assert message["Subject"] == f"[Test] {ISSUE_TITLES['en']}"
    assert "This month in the network." in smtp_server.text(message)
    assert not Dispatch.objects.filter(issue=edition).exists()  # a test is not a send


def test_preview_as_the_email_looks(newsletter_tree):
    edition = issue(newsletter_tree, "nl")
    response = edition.make_preview_request(preview_mode="email")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert ISSUE_TITLES["nl"] in html
    assert newsletter_tree.page("article", "nl").get_full_url() in html
    assert "Deze maand in het netwerk." in html


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_archive_feed_and_api_list_sent_issues_only(newsletter_tree, client, lang):
    archive_url = newsletter_tree.url("newsletter", lang)
    assert archive_url == f"/{lang}/newsletter/"
    title = ISSUE_TITLES[lang]
    assert title not in client.get(archive_url).content.decode()
    assert title not in client.get(archive_url + "feed/").content.decode()

    sending.start(issue(newsletter_tree, lang))

    assert title in client.get(archive_url).content.decode()
    feed = client.get(archive_url + "feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert f"<title>{title}</title>" in feed.content.decode()
    assert client.get(newsletter_tree.url("issue", lang)).status_code == 200
    api = client.get(
        "/api/v2/pages/",
        {"type": "newsletter.NewsletterIssuePage", "locale": lang, "fields": "intro,sent_at"},
    ).json()
    [item] = api["items"]
    assert item["title"] == title and item["sent_at"]
    assert item["meta"]["type"] == "newsletter.NewsletterIssuePage"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_api_gives_each_list_of_an_issue_resolved_in_its_language(
    newsletter_tree, client, lang, settings
):
    """A partner app shows an issue as subscribers read it: the articles of its lists, with
    their titles and links in the issue's language, not the block's settings."""
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.eu"  # where links go without request
    edition = issue(newsletter_tree, lang)
    sending.start(edition)
    data = client.get(f"/api/v2/pages/{edition.pk}/").json()
    lists = [section for section in data["sections"] if section["kind"] == "articles"]
    assert lists, data["sections"]
    article = newsletter_tree.page("article", lang)
    items = lists[0]["items"]
    # Links on the site as the partner reached it (the API's host), not the Site record's.
    served = "http://testserver" + article.url
    assert {"title": article.title, "url": served}.items() <= items[0].items()
    assert article.get_full_url() != served
    page = client.get(edition.url).content.decode()
    assert f'href="{served}"' in page
