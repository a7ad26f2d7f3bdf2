"""Serving: media files on a single machine (static files: WhiteNoise), and the
Content-Security-Policy of each area (cms/core/csp.py picks one by URL)."""

from csp import constants as csp

from .env import env_bool, env_int, env_str

# Images under MEDIA_URL served by the site itself (cms/core/media.py): on for the one-machine
# path; off when a reverse proxy or an object storage serves them. Documents always go through
# Wagtail's document view (its privacy rules), never straight from MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
MEDIA_CACHE_SECONDS = env_int("MEDIA_CACHE_SECONDS", 86400)

# Content-Security-Policy, by area (CONTENT_SECURITY_POLICIES below). Every HTML area: no
# plugins, no <base> pointing elsewhere, forms sent to the site only.
html_baseline = {
    "object-src": [csp.NONE],
    "base-uri": [csp.SELF],
    "form-action": [csp.SELF],
}
# The public site: our own files only, scripts only with the request's nonce, embedded media
# (oEmbed iframes) from https.
site_policy = {
    "default-src": [csp.SELF],
    "script-src": [csp.SELF, csp.NONCE],
    "style-src": [csp.SELF],
    "img-src": [csp.SELF, "data:"],
    "font-src": [csp.SELF],
    "connect-src": [csp.SELF],
    "frame-src": ["https:"],
    "media-src": [csp.SELF],
    **html_baseline,
    "frame-ancestors": [csp.SELF],
}
# The JSON API: nothing to load, nothing to run, never framed.
api_policy = {
    "default-src": [csp.NONE],
    "base-uri": [csp.NONE],
    "form-action": [csp.NONE],
    "frame-ancestors": [csp.NONE],
}
# The API documentation (Swagger UI and Redoc from drf-spectacular-sidecar, served as static
# files): their inline start-up script carries the nonce (site/templates/drf_spectacular/);
# both libraries set inline styles, Redoc searches in a blob: worker and shows its maker's logo.
api_docs_policy = {
    "default-src": [csp.SELF],
    "script-src": [csp.SELF, csp.NONCE],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "data:", "https://cdn.redoc.ly"],
    "font-src": [csp.SELF],
    "connect-src": [csp.SELF],
    "worker-src": [csp.SELF, "blob:"],
    **html_baseline,
    "frame-ancestors": [csp.NONE],
}
# Headless preview (cms/core/preview.py): the partner's front-end that shows drafts, framed in
# the admin's preview panel (cms/core/csp.py adds its origin to the admin's frame-src, an
# http:// one in development too).
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_SECONDS = env_int("HEADLESS_PREVIEW_SECONDS", 600)
# The Wagtail admin: its templates still carry inline scripts (inline panels, date widgets) and
# inline styles; images of embeds and avatars come from other sites; previews are framed.
admin_policy = {
    "default-src": [csp.SELF],
    "script-src": [csp.SELF, csp.UNSAFE_INLINE],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "data:", "blob:", "https:"],
    "font-src": [csp.SELF, "data:"],
    "connect-src": [csp.SELF],
    "frame-src": [csp.SELF, "https:"],
    "media-src": [csp.SELF],
    "worker-src": [csp.SELF, "blob:"],
    **html_baseline,
    "frame-ancestors": [csp.SELF],
}
# Media files (an uploaded SVG must never run): nothing but its own inline styles, sandboxed.
media_policy = {
    "default-src": [csp.NONE],
    "style-src": [csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "data:"],
    "sandbox": True,
    "frame-ancestors": [csp.SELF],
}
CONTENT_SECURITY_POLICIES = {
    "site": site_policy,
    "api": api_policy,
    "api_docs": api_docs_policy,
    "admin": admin_policy,
    "media": media_policy,
}
# django-csp's own setting: the site's policy, for anything the middleware does not classify.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": site_policy}
# Editors' avatars from their uploads or Wagtail's default, never from a third party (a Gravatar
# request tells gravatar.com who works in the admin; the admin's policy allows no such image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
