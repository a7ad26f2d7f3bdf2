"""Images under MEDIA_URL, served by the site itself when SERVE_MEDIA is on (one machine, no
reverse proxy): originals and renditions only. Documents are never served from here: Wagtail's
document view applies their collection's privacy."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

# Wagtail's upload folders for images (originals) and their renditions.
IMAGE_FOLDERS = ("original_images", "images")


@require_safe
def serve_image(request, path: str):
    """One image file, with Last-Modified and a Cache-Control of MEDIA_CACHE_SECONDS."""
    if path.split("/", 1)[0] not in IMAGE_FOLDERS:
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    full_path = (root / path).resolve()
    if not full_path.is_relative_to(root / path.split("/", 1)[0]):  # "..", symbolic links
        raise Http404
    content_type, _encoding = mimetypes.guess_type(full_path.name)
    if not full_path.is_file() or not (content_type or "").startswith("image/"):
        raise Http404
    stat = full_path.stat()
    if not was_modified_since(request.headers.get("If-Modified-Since"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Last-Modified"] = http_date(stat.st_mtime)
    patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_SECONDS)
    return response
