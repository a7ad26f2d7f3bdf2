"""OpenAPI 3 schema of the public API (drf-spectacular)."""


def public_endpoints_only(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v2/")]


def postprocess(result, generator, request, public):
    return result
