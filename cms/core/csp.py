"""One Content-Security-Policy per area of the site (settings.CONTENT_SECURITY_POLICIES):
the public pages, the JSON API, the API documentation, the Wagtail admin and media files.

The admin's policy also lets its preview panel frame the partner front-end of the headless
preview (cms.core.preview), whose origin is read from HEADLESS_PREVIEW_URL when the answer is
made: an http:// front-end in development is allowed too, and only that one."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

from cms.core import preview


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
            area = area_of(request.path_info)
            policy = settings.CONTENT_SECURITY_POLICIES[area]
            parts.config = default_config(policy)
            origin = preview.front_end_origin()
            if area == "admin" and origin:
                frame_src = parts.config.get("frame-src") or []
                if origin not in frame_src:
                    parts.config["frame-src"] = [*frame_src, origin]
        return parts
