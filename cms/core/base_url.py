"""The scheme and host of every absolute URL the site writes: PUBLIC_BASE_URL when it is set,
else those of the request being answered.

Wagtail builds absolute URLs from the Site record (``Site.root_url``: hostname and port, "http"
unless the port is 443). The demo's Site is localhost:80, so a site served on port 8000, behind
a reverse proxy or under another allowed host linked to http://localhost/, where nothing
listens. Here the request that was served says where the site is; an operator who wants one
canonical address (links in e-mails, webhooks, a proxy that rewrites Host) sets
PUBLIC_BASE_URL. Without a request, links go to PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL.

Pages of another Site record than the one serving the request keep that record's root URL:
the request says nothing about where another site lives.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from .http import django_request


def scheme_and_host(address: str) -> str:
    """'https://coffee.example/some/path' -> 'https://coffee.example' ("" stays "")."""
    if not address:
        return ""
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"


def public_base_url() -> str:
    """PUBLIC_BASE_URL reduced to scheme://host[:port], or "" when unset."""
    return scheme_and_host(getattr(settings, "PUBLIC_BASE_URL", "") or "")


def configured_base_url() -> str:
    """Where the site is when no request says it (the scheduler, workers, webhooks):
    PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL, the address every deployment sets."""
    return public_base_url() or scheme_and_host(settings.WAGTAILADMIN_BASE_URL)


def base_url(request=None) -> str:
    """scheme://host[:port] for absolute URLs of this request ("" without request or setting).

    request.get_host() is checked against ALLOWED_HOSTS (and reads X-Forwarded-Host only with
    USE_X_FORWARDED_HOST); request.scheme follows SECURE_PROXY_SSL_HEADER in production.
    """
    public = public_base_url()
    if public or request is None:
        return public
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # a request Django would refuse (a dummy one built elsewhere)
        return ""


def absolute(request, path: str) -> str:
    """The absolute form of a path of this site ("/api/v2/..." → "https://host/api/v2/...")."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return (base_url(request) or configured_base_url()) + path


def site_root_url(site_id, record_root_url: str, request=None) -> str:
    """The root URL of a page of Site ``site_id`` whose record says ``record_root_url``.

    The served request's base for pages of the site serving it; without a request (e-mails
    sent by a worker, webhooks), configured_base_url() for the default site's pages; the
    record's otherwise.
    """
    if request is not None:
        site = Site.find_for_request(django_request(request))
        if site is None or site.pk == site_id:
            return base_url(request) or record_root_url
        return record_root_url
    if site_id == default_site_id():
        return configured_base_url()
    return record_root_url


def default_site_id():
    site_ids = {root.site_id for root in Site.get_site_root_paths()}
    if len(site_ids) == 1:
        return next(iter(site_ids))
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()


def served_url_parts(parts, request=None):
    """Page.get_url_parts() with the root URL of site_root_url(): for Page subclasses."""
    if parts is None or parts[1] is None:
        return parts
    site_id, record_root_url, page_path = parts
    return site_id, site_root_url(site_id, record_root_url, request), page_path
