from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from cms.accounts import lockout, two_factor
from cms.core.account import EditorAccountView
from cms.core.media import serve_image
from cms.core.sitemap import AllLocalesSitemap
from cms.core.views import site_search, site_suggest, sitemap_xml
from cms.directory.sitemap import DirectorySitemap

SITEMAPS = {"pages": AllLocalesSitemap, "directory": DirectorySitemap}

urlpatterns = [
    path("", include("cms.api.urls")),  # /api/: outside i18n_patterns, before the pages
    # Wagtail's account settings, with first and last name optional (cms/core/account.py)
    path("admin/account/", require_admin_access(EditorAccountView.as_view())),
    # Two steps when the account has a two-factor device; throttled by django-axes.
    path("admin/login/", two_factor.TwoStepLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/login/code/", two_factor.login_code, name="accounts_login_code"),
    path(
        "admin/account/two-factor/",
        require_admin_access(two_factor.two_factor),
        name="accounts_two_factor",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_xml, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.SERVE_MEDIA:  # images only, with cache headers (cms/core/media.py)
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_image))

urlpatterns += i18n_patterns(
    path("search/", site_search, name="search"),
    path("search/suggest/", site_suggest, name="search-suggest"),
    path("directory/", include("cms.directory.urls")),
    path("newsletter/", include("cms.subscribers.urls")),
    # Wagtail's page password view, wrong passwords counted per page and client address.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        lockout.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "cms.core.views.server_error"
