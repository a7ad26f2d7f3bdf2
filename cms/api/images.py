"""Image renditions a front-end asks for: ?image=<spec>&image_format=<format>.

- ``image`` is one of the specs in settings.COFFEE_API_IMAGE_SPECS (Wagtail's rendition
  filters: ``max-WxH``, ``fill-WxH`` with an optional ``-cNN`` crop closeness, cropping around
  the focal point the editor chose, ``width-W``, ``height-H``). Anything else is a 400: a
  client cannot make the server render sizes nobody allowed.
- ``image_format`` is one of COFFEE_API_IMAGE_FORMATS that this Pillow can write (avif and
  webp are checked with PIL.features).
- With either parameter, every image of the answer carries ``srcset``: the same spec at the
  scales of COFFEE_API_IMAGE_SRCSET_SCALES (0.5x, 1x, 2x by default). Wagtail never upscales,
  so variants that would come out the same size are given once.

Renditions are Wagtail's: made once (a row and a file per image and filter), then read back
from the prefetched rows or Wagtail's rendition cache.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.checks import Error, register
from PIL import features

from cms.core.http import django_request

from .errors import InvalidParameter

SPEC_PARAMETER = "image"
FORMAT_PARAMETER = "image_format"
PARAMETERS = frozenset({SPEC_PARAMETER, FORMAT_PARAMETER})

_SPEC = re.compile(r"(max|fill|width|height)-([0-9]{1,4})(?:x([0-9]{1,4}))?(-c[0-9]{1,3})?")
#: Pillow's feature name for each format a front-end may ask for (None: always there).
_PILLOW_FEATURE = {"jpeg": "jpg", "webp": "webp", "avif": "avif", "png": "zlib"}


def default_spec() -> str:
    return getattr(settings, "COFFEE_API_IMAGE_RENDITION", "max-1200x900")


def allowed_specs() -> list[str]:
    return list(getattr(settings, "COFFEE_API_IMAGE_SPECS", [default_spec()]))


def supported_formats() -> list[str]:
    """The formats of COFFEE_API_IMAGE_FORMATS this Pillow can write."""
    result = []
    for name in getattr(settings, "COFFEE_API_IMAGE_FORMATS", ["jpeg", "webp"]):
        feature = _PILLOW_FEATURE.get(name)
        if feature is not None and features.check(feature):
            result.append(name)
    return result


def srcset_scales() -> list[float]:
    return sorted(set(getattr(settings, "COFFEE_API_IMAGE_SRCSET_SCALES", [0.5, 1, 2])) | {1})


def scaled(spec: str, scale: float) -> str:
    """fill-800x450-c50 at 2 → fill-1600x900-c50 (every allowed spec parses, see check)."""
    match = _SPEC.fullmatch(spec)
    if match is None:
        raise ValueError(f"Not a rendition spec this API scales: {spec!r}")
    operation, first, second, closeness = match.groups()
    size = str(max(1, round(int(first) * scale)))
    if second is not None:
        size += "x" + str(max(1, round(int(second) * scale)))
    return f"{operation}-{size}{closeness or ''}"


@dataclass(frozen=True)
class RenditionChoice:
    """The renditions every image of one answer is shown with."""

    spec: str
    image_format: str | None = None
    srcset: bool = False

    def filter_spec(self, spec: str) -> str:
        return f"{spec}|format-{self.image_format}" if self.image_format else spec

    @property
    def main(self) -> str:
        return self.filter_spec(self.spec)

    def variants(self) -> list[tuple[float, str]]:
        """(scale, Wagtail filter spec) of each srcset variant, 1x included."""
        if not self.srcset:
            return [(1, self.main)]
        return [(scale, self.filter_spec(scaled(self.spec, scale))) for scale in srcset_scales()]

    def filter_specs(self) -> list[str]:
        return [spec for _scale, spec in self.variants()]


def parse_choice(query) -> RenditionChoice:
    """The renditions asked for by a query dict; 400 naming the parameter when not allowed."""
    spec = query.get(SPEC_PARAMETER)
    image_format = query.get(FORMAT_PARAMETER)
    if spec is None and image_format is None:
        return RenditionChoice(default_spec())
    if spec is None:
        spec = default_spec()
    elif spec not in allowed_specs():
        raise InvalidParameter(
            SPEC_PARAMETER,
            f"{SPEC_PARAMETER} must be one of: {', '.join(allowed_specs())}.",
        )
    if image_format is not None and image_format not in supported_formats():
        raise InvalidParameter(
            FORMAT_PARAMETER,
            f"{FORMAT_PARAMETER} must be one of: {', '.join(supported_formats())}.",
        )
    return RenditionChoice(spec, image_format, srcset=True)


_NOT_PARSED = object()


def requested_renditions(request) -> RenditionChoice:
    """This request's RenditionChoice, parsed once (the default one without a request)."""
    if request is None:
        return RenditionChoice(default_spec())
    holder = django_request(request)
    found = getattr(holder, "coffee_renditions", _NOT_PARSED)
    if found is _NOT_PARSED:
        found = holder.coffee_renditions = parse_choice(holder.GET)
    return found


def check_settings() -> list[str]:
    """Problems with the configured specs (reported by a system check)."""
    problems = []
    for spec in [default_spec(), *allowed_specs()]:
        if _SPEC.fullmatch(spec) is None:
            problems.append(spec)
    return problems


@register("coffee")
def image_specs_check(app_configs=None, **kwargs):
    """API_IMAGE_SPECS and API_IMAGE_RENDITION must be specs this module can scale."""
    return [
        Error(
            f"API_IMAGE_SPECS: {spec!r} is not max-WxH, fill-WxH[-cNN], width-W or height-H.",
            id="coffee.E101",
        )
        for spec in check_settings()
    ]
