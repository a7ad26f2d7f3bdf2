"""One Content-Security-Policy per area of the site (settings.CONTENT_SECURITY_POLICIES):
the public pages, the JSON API, the API documentation, the Wagtail admin and media files."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def area_of(path: str) -> str:
    """The name of the policy for a request path."""
    if path.startswith("/api/docs/"):
        return "api_docs"
    if path.startswith("/api/"):
        return "api"
    if path.startswith("/admin/"):
        return "admin"
    if path.startswith(settings.MEDIA_URL):
        return "media"
    return "site"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy of the request's area unless a view chose its
    own (django-csp's decorators)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            policy = settings.CONTENT_SECURITY_POLICIES[area_of(request.path_info)]
            parts.config = default_config(policy)
        return parts
