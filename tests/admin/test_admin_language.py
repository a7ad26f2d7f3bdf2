"""The admin speaks the editor's language: every page an editor meets on the journeys of the
network (writing an event, an article or a study, translating it, keeping the directory, the
media, moderation, their own account) shows no English in French or in Dutch.

English is found three ways (tests/admin/visible_text.py): a text that is an msgid of Django,
Wagtail, wagtail-localize or ours and has a translation in the editor's language, yet is
shown as is; one of our msgids not translated yet; a list of English words no catalog knows
("None", "True", month names...). What editors wrote (titles, names) is data, not interface.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Task, Workflow
from wagtail.snippets.models import get_snippet_models

from cms.blog.models import BlogIndexPage, BlogPage
from cms.events.models import EventIndexPage, EventPage
from cms.studies.models import StudyIndexPage, StudyPage
from cms.subscribers.models import Subscriber

from .visible_text import english_strings, visible_texts

pytestmark = pytest.mark.django_db

# Labels Wagtail writes without gettext (Django makes them from a form field's name), so that
# no catalog can translate them: the workflow form's page chooser is labelled "Page".
NOT_TRANSLATABLE = {"/admin/workflows/edit/": {"Page"}}


def snippet_url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def editor_pages() -> list[str]:
    """The admin pages of the editors' journeys, on the demo content."""
    fr = {"locale__language_code": "fr"}
    nl = {"locale__language_code": "nl"}
    article = BlogPage.objects.filter(**fr).first()
    event = EventPage.objects.filter(**fr).first()
    study = StudyPage.objects.filter(**fr).first()
    home = Page.objects.filter(depth=2, **fr).first()
    dutch_article = BlogPage.objects.get(translation_key=article.translation_key, **nl)
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    pages = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_pages:search") + "?q=coworking",
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        reverse("wagtailadmin_pages:edit", args=[study.pk]),
        reverse("wagtailadmin_pages:edit", args=[dutch_article.pk]),  # translation editor
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse(
            "wagtailadmin_pages:add",
            args=["blog", "blogpage", BlogIndexPage.objects.filter(**fr).first().pk],
        ),
        reverse(
            "wagtailadmin_pages:add",
            args=["events", "eventpage", EventIndexPage.objects.filter(**fr).first().pk],
        ),
        reverse(
            "wagtailadmin_pages:add",
            args=["studies", "studypage", StudyIndexPage.objects.filter(**fr).first().pk],
        ),
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:edit", args=[Workflow.objects.first().pk]),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_workflows:edit_task", args=[Task.objects.first().pk]),
        reverse("wagtailsnippets:index"),
    ]
    for model in get_snippet_models():
        pages.append(snippet_url(model, "list"))
        first = model.objects.filter(**fr).first() if hasattr(model, "locale") else None
        first = first or model.objects.first()
        if first is not None:
            pages.append(snippet_url(model, "edit", first.pk))
    return pages


def data_strings() -> set[str]:
    """What editors wrote: titles and names of pages, snippets, images, documents, users."""
    data = set(Page.objects.values_list("title", flat=True))
    data |= set(get_image_model().objects.values_list("title", flat=True))
    data |= set(get_document_model().objects.values_list("title", flat=True))
    for model in get_snippet_models():
        data |= {str(record) for record in model.objects.all()}
    for user in get_user_model().objects.all():
        data |= {user.get_username(), user.get_full_name()}
    # the wording each subscriber agreed to, recorded in the language of their form
    data |= set(Subscriber.objects.values_list("consent_text", flat=True))
    return data


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_admin_pages_show_no_english(editor_client, language):
    client = editor_client(language)
    data = data_strings()
    english = {}
    for url in editor_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        found = english_strings(visible_texts(response.content), language, data)
        for prefix, labels in NOT_TRANSLATABLE.items():
            if url.startswith(prefix):
                found = [text for text in found if text not in labels]
        if found:
            english[url] = found
    assert not english, "\n".join(f"{url}: {found}" for url, found in english.items())


@pytest.mark.parametrize(
    ("language", "save_label"), [("fr", "Enregistrer"), ("nl", "Opslaan"), ("en", "Save")]
)
def test_the_detector_sees_english_left_in_a_page(language, save_label):
    """The check itself: an interface string left in English is caught, its translation is not."""
    html = f"<main><button>Save</button><button>{save_label}</button><p>None</p></main>"
    found = english_strings(visible_texts(html.encode()), language, set())
    assert "None" in found
    assert save_label not in found
    if language != "en":
        assert "Save" in found
