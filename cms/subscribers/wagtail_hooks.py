from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.panels import RecordedFieldPanel
from cms.core.snippet_viewsets import NamedTermViewSet

from .models import Interest, Subscriber


class InterestViewSet(NamedTermViewSet):
    model = Interest
    menu_order = 100


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_order = 110
    list_display = ["email", "language", "status", "confirmed_at", "created_at"]
    list_filter = ["language", "status"]
    search_fields = ["email"]
    search_backend_name = None  # the database's LIKE on the address: no search index needed
    panels = [
        RecordedFieldPanel("email"),
        FieldPanel("language"),
        FieldPanel("interests"),
        FieldPanel("status"),
        RecordedFieldPanel("consent_text"),
        RecordedFieldPanel("consented_at"),
        RecordedFieldPanel("confirmed_at"),
        RecordedFieldPanel("bounced_at"),
    ]


class SubscribersViewSetGroup(SnippetViewSetGroup):
    items = (SubscriberViewSet, InterestViewSet)
    menu_icon = "mail"
    menu_label = _("Subscribers")
    menu_name = "subscribers"
    menu_order = 260


register_snippet(SubscribersViewSetGroup)
