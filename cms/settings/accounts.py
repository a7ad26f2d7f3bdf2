"""Accounts and e-mail: login throttling (django-axes), two-factor authentication (django-otp)
and where mail goes (EMAIL_URL). Imported by base.py; every knob is an environment variable."""

from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str

# Login throttling: the admin login and password-protected pages lock a client out after
# AXES_FAILURE_LIMIT failures per (username or page, client address) for AXES_COOLOFF minutes.
# Attempts are rows in the database, so every worker process and server sees the same count.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.core.client_ip.client_ip"  # TRUSTED_PROXIES, one rule
AXES_LOCKOUT_CALLABLE = "cms.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# The time a locked-out person is told stays true: tries during the lockout do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_SENSITIVE_PARAMETERS = ["password", "csrfmiddlewaretoken"]  # never stored in clear
# Successful sign-ins are not logged (addresses and browsers of editors are personal data that
# throttling does not need); failed attempts are deleted by the cool-off.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out client at once
    "django.contrib.auth.backends.ModelBackend",
]

# Two-factor authentication (TOTP) for admin accounts: optional, or required of everyone.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = "COFFEE Hub"


def email_settings(url: str) -> dict:
    """Django's EMAIL_* settings from one URL.

    smtp://user:password@host:25 (STARTTLS with ?tls=1, or on port 587), smtps://user:pw@host:465
    (TLS from the start), console:// (printed), locmem:// (kept in memory, tests), dummy://
    (dropped). User and password are percent-decoded (write @ as %40).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in simple:
        return {"EMAIL_BACKEND": simple[scheme]}
    if scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp://user:password@host:587, smtps://…, console:// or "
            "locmem://."
        )
    query = parse_qs(parts.query)
    port = parts.port or (465 if scheme == "smtps" else 25)
    starttls = scheme == "smtp" and (
        port == 587 or query.get("tls", [""])[0].lower() in ("1", "true", "yes")
    )
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls,
        "EMAIL_USE_SSL": scheme == "smtps",
    }


# E-mail: EMAIL_URL, or the separate EMAIL_BACKEND/EMAIL_HOST/… variables. Unset, mail is
# printed to the console (development); `check --deploy` refuses that (cms/accounts/checks.py).
EMAIL_URL = env_str("EMAIL_URL", "")
_email = email_settings(EMAIL_URL) if EMAIL_URL else {}
EMAIL_BACKEND = _email.get(
    "EMAIL_BACKEND", env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
)
EMAIL_HOST = _email.get("EMAIL_HOST", env_str("EMAIL_HOST", ""))
EMAIL_PORT = _email.get("EMAIL_PORT", env_int("EMAIL_PORT", 25))
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", env_str("EMAIL_HOST_USER", ""))
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", env_str("EMAIL_HOST_PASSWORD", ""))
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", env_bool("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", env_bool("EMAIL_USE_SSL", False))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds: a stuck mail server never hangs a worker
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "COFFEE Hub <no-reply@coffee-hub.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
