"""The subscriber's pages: subscribe, confirm, one-click unsubscribe, preferences, export and
erasure. Each page reached from an e-mail is authorised by the signed token in its address
(cms.subscribers.links). A GET of a link never changes anything (mail scanners follow links):
it shows a page with a button, and the button's POST acts."""

import functools
import json

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import links
from .erase import erase_subscriber, export_subscriber
from .forms import PreferencesForm, SubscribeForm, interests_in
from .models import Subscriber
from .subscribe import NotDelivered, subscribe

SUBSCRIBE_TEMPLATE = "subscribers/subscribe.html"
MESSAGE_TEMPLATE = "subscribers/message.html"


def message(request, title, text, *, status=200, extra=None):
    context = {"title": title, "text": text, **(extra or {})}
    return render(request, MESSAGE_TEMPLATE, context, status=status)


def bad_link(request):
    return message(
        request,
        _("This link does not work"),
        _(
            "The link is incomplete, has expired or was already used. "
            "Copy the whole address from the e-mail, or subscribe again."
        ),
        status=404,
    )


def with_subscriber(salt):
    """A view of a link signed with ``salt``, called as ``view(request, token, subscriber)``
    with the subscriber the token names; a bad token gets the bad-link page instead."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, token):
            try:
                subscriber = links.read_token(token, salt)
            except links.BadLink:
                return bad_link(request)
            return view(request, token, subscriber)

        return wrapped

    return decorator


# No CSRF token: the footer form is on every page, cached or not, and subscribing with someone
# else's address only sends that address a confirmation link (double opt-in).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe_view(request):
    """The page of its own, and where the footer form posts."""
    language = translation.get_language()
    if request.method != "POST":
        return render(request, SUBSCRIBE_TEMPLATE, {"form": SubscribeForm(language=language)})
    form = SubscribeForm(request.POST, language=language)
    if form.is_trapped:
        # A robot: the same answer as a person gets, and nothing recorded or sent.
        return redirect("subscribers:sent")
    if not form.is_valid():
        return render(request, SUBSCRIBE_TEMPLATE, {"form": form}, status=400)
    data = form.cleaned_data
    try:
        subscribe(
            data["email"], data["language"], data["interests"], str(form.consent_text), request
        )
    except NotDelivered as error:
        if error.refused:
            form.add_error("email", _("The mail server refused this address: check it."))
            return render(request, SUBSCRIBE_TEMPLATE, {"form": form}, status=400)
        return message(
            request,
            _("The confirmation e-mail could not be sent"),
            _("Our mail server is not answering. Please try again in a few minutes."),
            status=503,
        )
    return redirect("subscribers:sent")


def sent_view(request):
    return message(
        request,
        _("Check your inbox"),
        _(
            "If this address is not subscribed yet, we have sent it an e-mail with a link to "
            "confirm your subscription. Nothing else is sent until you click it."
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_view(request, token):
    """GET shows the subscription and one button; only its POST (with the CSRF token)
    confirms: mail scanners that follow links (Safe Links, gateways) confirm nothing."""
    try:
        subscriber, consented = links.read_confirm_token(token)
    except links.BadLink:
        return bad_link(request)
    with translation.override(subscriber.language):
        return confirm_answer(request, subscriber, consented)


def confirm_answer(request, subscriber, consented):
    made_for = subscriber.consented_at.timestamp() if subscriber.consented_at else 0
    if subscriber.status == Subscriber.Status.CONFIRMED and consented == made_for:
        return message(
            request,
            _("Already confirmed"),
            _("This subscription was already confirmed: this link has been used."),
            extra={"preferences_url": links.preferences_url(subscriber, request)},
        )
    if subscriber.status != Subscriber.Status.PENDING or consented != made_for:
        return bad_link(request)
    if request.method != "POST":
        return render(request, "subscribers/confirm.html", {"subscriber": subscriber})
    subscriber.confirm()
    return message(
        request,
        _("Subscription confirmed"),
        _("Thank you! You will receive the COFFEE Hub newsletter."),
        extra={
            "confirmed": True,
            "preferences_url": links.preferences_url(subscriber, request),
        },
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without any token
@never_cache
@require_http_methods(["GET", "POST"])
@with_subscriber(links.UNSUBSCRIBE)
def unsubscribe_view(request, token, subscriber):
    if request.method == "POST":
        if subscriber.status in (Subscriber.Status.CONFIRMED, Subscriber.Status.PENDING):
            subscriber.unsubscribe()
        return message(
            request,
            _("You are unsubscribed"),
            _("This address will receive no more newsletters from COFFEE Hub."),
            extra={"preferences_url": links.preferences_url(subscriber, request)},
        )
    return render(
        request,
        "subscribers/unsubscribe.html",
        {
            "subscriber": subscriber,
            "already": subscriber.status == Subscriber.Status.UNSUBSCRIBED,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@with_subscriber(links.PREFERENCES)
def preferences_view(request, token, subscriber):
    language = translation.get_language()
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST, language=language)
        if form.is_valid():
            subscriber.language = form.cleaned_data["language"]
            subscriber.save(update_fields=["language"])
            subscriber.interests.set(form.cleaned_data["interests"])
            saved = True
    else:
        form = PreferencesForm(
            language=language,
            initial={
                "language": subscriber.language,
                "interests": list(
                    form_interests(subscriber, language).values_list("pk", flat=True)
                ),
            },
        )
    context = {
        "form": form,
        "subscriber": subscriber,
        "saved": saved,
        "token": token,
        "unsubscribe_url": links.unsubscribe_url(subscriber, request),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "subscribers/preferences.html", context, status=status)


def form_interests(subscriber, language):
    """The subscriber's interests, as the rows shown in ``language``."""
    keys = subscriber.interests.values("translation_key")
    return interests_in(language).filter(translation_key__in=keys)


@never_cache
@with_subscriber(links.PREFERENCES)
def export_view(request, token, subscriber):
    response = HttpResponse(
        json.dumps(export_subscriber(subscriber), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="newsletter-subscription-{stamp}.json"'
    return response


@never_cache
@require_http_methods(["POST"])
@with_subscriber(links.PREFERENCES)
def erase_view(request, token, subscriber):
    erase_subscriber(subscriber.email)
    return message(
        request,
        _("Your data is erased"),
        _("We no longer hold your address or your choices. You will receive nothing more."),
    )
