from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.account import EditorAccountView
from cms.core.sitemap import AllLocalesSitemap
from cms.core.views import site_search, sitemap_xml
from cms.directory.sitemap import DirectorySitemap

SITEMAPS = {"pages": AllLocalesSitemap, "directory": DirectorySitemap}

urlpatterns = [
    path("", include("cms.api.urls")),  # /api/: outside i18n_patterns, before the pages
    # Wagtail's account settings, with first and last name optional (cms/core/account.py)
    path("admin/account/", require_admin_access(EditorAccountView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_xml, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", site_search, name="search"),
    path("directory/", include("cms.directory.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "cms.core.views.server_error"
