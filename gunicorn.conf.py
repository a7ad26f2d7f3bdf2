"""gunicorn settings, read from the working directory (gunicorn's default `./gunicorn.conf.py`)."""

import gc

# gunicorn refuses request lines over 4094 bytes with its own HTML 414 before Django runs; the
# API answers query strings over 4096 bytes with its JSON error (code query_string_too_long,
# cms.api.params.MAX_QUERY_STRING). Let lines through up to gunicorn's own maximum.
limit_request_line = 8190


def post_worker_init(worker):
    """Keep the objects loaded at start-up out of the garbage collector's full collections.

    Django, Wagtail and the site's modules leave about 200,000 long-lived objects: a full
    collection walks them all (about 100 ms of CPU) every few hundred requests, about 0.5 ms per
    request on average. Nothing loaded at start-up is garbage: freeze it once the URLconf (which
    Django imports on the first request) is loaded too.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view module
    gc.freeze()
