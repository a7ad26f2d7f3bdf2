"""gunicorn settings, read from the working directory (gunicorn's default `./gunicorn.conf.py`)."""

import gc


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
