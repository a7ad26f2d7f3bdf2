"""Deployment checks of the production path (`manage.py check --deploy`)."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Error, register


@register("coffee", deploy=True)
def static_manifest_exists(app_configs, **kwargs):
    """Hashed static files need their manifest: without `collectstatic`, every HTML page would
    answer 500 (the storage refuses to name a file it has not collected)."""
    if not isinstance(staticfiles_storage, ManifestFilesMixin):
        return []
    if staticfiles_storage.exists(staticfiles_storage.manifest_name):
        return []
    return [
        Error(
            f"The static files manifest is missing from STATIC_ROOT ({settings.STATIC_ROOT}): "
            "every page would answer 500.",
            hint="Run `manage.py collectstatic --no-input` (make production does).",
            id="coffee.E001",
        )
    ]
