from django.contrib.sitemaps.views import sitemap
from django.shortcuts import render
from django.utils import translation

from .sitemap import AllLocalesSitemap


def sitemap_xml(request):
    from cms.directory.sitemap import DirectorySitemap

    sitemaps = {"pages": AllLocalesSitemap(request), "directory": DirectorySitemap(request)}
    return sitemap(request, sitemaps=sitemaps)


def server_error(request):
    """The 500 page, in the language of the URL the visitor asked for."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)
