"""The partner API's registration endpoint: POST /api/v2/events/{id}/registrations/.

A partner's app registers a person for an event the way the site's form does (same fields,
same checks, same e-mails in the registrant's language): a seat when one is free, else a place
on the waiting list. Throttled twice: the public API's rate, and REGISTRATIONS_API_THROTTLE_RATE
per client, one count with the event page's form (cms.registrations.throttling). Bad input is a
400 naming the field; an event that takes no registration now, or an address already
registered, is a 409.
"""

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from wagtail.models import Locale, Page

from cms.api import schema
from cms.api.errors import ApiError, InvalidParameter, NotFound
from cms.api.mixins import PostEndpoint
from cms.core.queries import visible_pages
from cms.registrations import services
from cms.registrations.forms import RegistrationForm
from cms.registrations.throttling import RegistrationThrottle

LANGUAGES = [code for code, _name in settings.LANGUAGES]


#: The error code of each refusal (cms.registrations.services), for partners to tell them apart.
REFUSAL_CODES = {
    services.DISABLED: "registration_off",
    services.CLOSED: "registration_closed",
    services.PAST: "event_started",
    services.ALREADY_REGISTERED: "already_registered",
}


class RegistrationRequestSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=160, help_text="The person's name.")
    email = serializers.EmailField(max_length=254, help_text="Where the e-mails go.")
    language = serializers.ChoiceField(
        choices=LANGUAGES,
        required=False,
        help_text="Language of the e-mails (default: the event page's).",
    )
    occurrence = serializers.CharField(
        max_length=20,
        required=False,
        help_text="For a recurring event, the date's local start (2026-12-08T09:00).",
    )
    dietary_needs = serializers.CharField(
        max_length=300, required=False, help_text="Only kept when the event asks for it."
    )
    company = serializers.CharField(
        max_length=160, required=False, help_text="Only kept when the event asks for it."
    )


class RegistrationAnswerSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["confirmed", "waiting"])
    waiting_position = serializers.IntegerField(
        allow_null=True, help_text="1 for the first on the waiting list; null with a seat."
    )
    occurrence = serializers.DateTimeField()
    message = serializers.CharField()


class RegistrationView(PostEndpoint):
    """Register a person for an event (seat or waiting list)."""

    serializer_class = RegistrationRequestSerializer  # also what OPTIONS describes
    throttle_classes = [*PostEndpoint.throttle_classes, RegistrationThrottle]
    expected_body = "an object with name and email"

    @extend_schema(
        summary="Register for an event",
        description=(
            "Validated like the form on the event's page. A seat when one is free, else a "
            "place on the waiting list (its position in the answer); the person receives the "
            "confirmation e-mail, with the event as .ics and a link to cancel, in `language`."
        ),
        request=RegistrationRequestSerializer,
        responses={
            201: RegistrationAnswerSerializer,
            **schema.errors(400, 404, 429),
            409: OpenApiResponse(
                schema.ErrorSerializer,
                description=(
                    "Registration is not open (`code`: registration_off, registration_closed "
                    "after the deadline, event_started) or the address is already registered "
                    "(already_registered; `parameter` is then `email`)."
                ),
            ),
            415: OpenApiResponse(schema.ErrorSerializer, description="Send JSON or a form."),
        },
        examples=[
            OpenApiExample(
                "A Dutch registrant",
                value={"name": "Els Peeters", "email": "els@example.org", "language": "nl"},
                request_only=True,
            )
        ],
    )
    def post(self, request, pk):
        page = self.event(pk)
        language = self.answer_language(request, page.locale.language_code)
        with translation.override(language):
            valid = self.validated_body(request)
            page = self.in_language(page, language)
            if not page.registration_enabled:
                raise ApiError(
                    str(services.MESSAGES[services.DISABLED]),
                    code=REFUSAL_CODES[services.DISABLED],
                    status_code=409,
                )
            form = RegistrationForm(valid, page=page)
            if not form.is_valid():
                name, messages = next(iter(form.errors.items()))
                raise InvalidParameter(name, f"{name}: {messages[0]}")
            try:
                registration = form.register(language)
            except services.RegistrationRefused as refused:
                raise ApiError(
                    str(refused.message),
                    code=REFUSAL_CODES[refused.code],
                    parameter="email" if refused.code == services.ALREADY_REGISTERED else None,
                    status_code=409,
                ) from refused
            message = (
                services.MESSAGES_DONE["confirmed"]
                if registration.status == "confirmed"
                else services.MESSAGES_DONE["waiting"]
            )
            answer = {
                "status": registration.status,
                "waiting_position": registration.waiting_position,
                "occurrence": registration.occurrence,
                "message": str(message),
            }
        return Response(answer, status=status.HTTP_201_CREATED)

    @staticmethod
    def event(pk):
        page = visible_pages(Page.objects.filter(pk=pk)).specific().first()
        if page is None or not hasattr(page, "registration_enabled"):
            raise NotFound("No visible event has this id.", parameter="id")
        return page

    @staticmethod
    def in_language(page, language):
        """The event's translation in ``language`` when it is visible, else the page itself."""
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or page.locale_id == locale.pk:
            return page
        translated = visible_pages(
            Page.objects.filter(translation_key=page.translation_key, locale=locale)
        ).specific()
        return translated.first() or page
