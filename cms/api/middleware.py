"""Response headers of the public API that views cannot set themselves."""

from django.utils.cache import cc_delim_re


class PublicApiVaryMiddleware:
    """Drop `Vary: Accept-Language` (added by LocaleMiddleware) from /api/ responses.

    API responses never depend on Accept-Language (?locale= chooses), so shared caches need
    not keep one copy per language header. Placed before LocaleMiddleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/") and response.has_header("Vary"):
            kept = [
                header
                for header in cc_delim_re.split(response["Vary"])
                if header and header.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
