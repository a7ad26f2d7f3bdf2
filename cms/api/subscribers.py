"""The partner API's subscribe endpoint: POST /api/v2/newsletter/subscribe/.

A partner's own form subscribes an address with the same double opt-in as the site's: the
address receives the confirmation e-mail in its edition's language, and the answer is the same
whether the address was new, pending or already confirmed. Throttled twice: the public API's
rate, and SUBSCRIBERS_API_THROTTLE_RATE per client for this endpoint.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from cms.api import schema
from cms.api.errors import ApiError, InvalidParameter
from cms.api.mixins import PostEndpoint
from cms.core.client_ip import client_ip
from cms.subscribers.forms import CONSENT_TEXT
from cms.subscribers.models import Interest
from cms.subscribers.subscribe import NotDelivered, subscribe

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class SubscribeThrottle(SimpleRateThrottle):
    """Subscriptions per client address (SUBSCRIBERS_API_THROTTLE_RATE, read per request)."""

    scope = "newsletter_subscribe"

    def get_rate(self):
        return settings.SUBSCRIBERS_API_THROTTLE_RATE or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class SubscribeRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254, help_text="The address to subscribe.")
    language = serializers.ChoiceField(choices=LANGUAGES, help_text="Language of the edition.")
    interests = serializers.ListField(
        child=serializers.SlugField(max_length=80),
        required=False,
        max_length=50,
        help_text="Slugs of interests (GET the list on the subscribe page); none: everything.",
    )
    consent = serializers.BooleanField(help_text="Must be true: the person agreed.")
    consent_text = serializers.CharField(
        required=False,
        max_length=2000,
        help_text="The wording the person agreed to on your form (default: ours).",
    )


class SubscribeAnswerSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["confirmation_sent"])
    message = serializers.CharField()


class SubscribeView(PostEndpoint):
    """Subscribe an address to the newsletter (double opt-in)."""

    serializer_class = SubscribeRequestSerializer  # also what OPTIONS describes
    throttle_classes = [*PostEndpoint.throttle_classes, SubscribeThrottle]
    expected_body = "an object with email, language and consent"
    list_fields = ("interests",)

    @extend_schema(
        summary="Subscribe to the newsletter (double opt-in)",
        description=(
            "The address receives an e-mail with a confirmation link, in the edition's "
            "language; nothing else is sent before it is confirmed. The answer is the same "
            "whether the address is new or already subscribed."
        ),
        request=SubscribeRequestSerializer,
        responses={
            202: SubscribeAnswerSerializer,
            **schema.errors(400, 429),
            415: OpenApiResponse(schema.ErrorSerializer, description="Send JSON or a form."),
            503: OpenApiResponse(
                schema.ErrorSerializer, description="The mail server is not answering."
            ),
        },
        examples=[
            OpenApiExample(
                "A Dutch edition about trainings",
                value={
                    "email": "lea@example.org",
                    "language": "nl",
                    "interests": ["trainings"],
                    "consent": True,
                },
                request_only=True,
            )
        ],
    )
    def post(self, request):
        with translation.override(self.answer_language(request, settings.LANGUAGE_CODE)):
            return self.subscribe(request)

    def subscribe(self, request):
        valid = self.validated_body(request)
        email = valid["email"]
        try:
            validate_email(email)
        except ValidationError as error:
            raise InvalidParameter("email", f"email: {error.messages[0]}") from error
        if not valid["consent"]:
            raise InvalidParameter(
                "consent", "consent: " + _("The person has to agree: consent must be true.")
            )
        interests = self.interests(valid.get("interests") or [], valid["language"])
        consent_text = valid.get("consent_text") or str(CONSENT_TEXT)
        try:
            subscribe(email, valid["language"], interests, consent_text, request)
        except NotDelivered as error:
            if error.refused:
                raise InvalidParameter(
                    "email", "email: " + _("The mail server refused this address.")
                ) from error
            raise ApiError(
                _("The mail server is not answering: try again later."),
                code="bad_request",
                status_code=503,
            ) from error
        return Response(
            {
                "status": "confirmation_sent",
                "message": _(
                    "If this address is not subscribed yet, it has received an e-mail with a "
                    "link to confirm the subscription."
                ),
            },
            status=status.HTTP_202_ACCEPTED,
        )

    @staticmethod
    def interests(slugs, language):
        if not slugs:
            return []
        chosen = {}  # one row per interest, in the edition's language when translated
        for row in Interest.objects.filter(slug__in=slugs).select_related("locale"):
            if row.translation_key not in chosen or row.locale.language_code == language:
                chosen[row.translation_key] = row
        unknown = sorted(set(slugs) - {row.slug for row in chosen.values()})
        unknown = [slug for slug in unknown if not Interest.objects.filter(slug=slug).exists()]
        if unknown:
            raise InvalidParameter(
                "interests",
                "interests: " + _("Unknown interest “%(slug)s”.") % {"slug": unknown[0]},
            )
        return list(chosen.values())
