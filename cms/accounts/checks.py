"""Deployment checks (`manage.py check --deploy`): production delivers real e-mail.

A password-reset link or a contact-relay message (with the recipient's private address) must
never end in the server log or in memory: E001 refuses the console, in-memory, file and dummy
backends, and an SMTP backend without a host.
"""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

UNDELIVERED = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
EXAMPLE_DOMAINS = ("example", "example.com", "example.net", "example.org")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 - compared, not bound


def is_example_domain(domain: str) -> bool:
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in EXAMPLE_DOMAINS)


def address_domain(address: str) -> str:
    address = parseaddr(address)[1]
    return address.rsplit("@", 1)[-1] if "@" in address else ""


@register(Tags.security, deploy=True)
def check_email(app_configs=None, **kwargs):
    problems = []
    backend = settings.EMAIL_BACKEND
    if backend in UNDELIVERED or (backend == SMTP and not settings.EMAIL_HOST):
        problems.append(
            Error(
                f"E-mail is not delivered (EMAIL_BACKEND {backend}"
                + (", no EMAIL_HOST" if backend == SMTP else "")
                + "): password-reset links and contact messages would be lost or logged.",
                hint="Set EMAIL_URL, for instance smtp://user:password@mail.example.net:587.",
                id="accounts.E001",
            )
        )
    if is_example_domain(address_domain(settings.DEFAULT_FROM_EMAIL)):
        problems.append(
            Warning(
                f"DEFAULT_FROM_EMAIL ({settings.DEFAULT_FROM_EMAIL}) is at an example domain: "
                "mail servers will reject or bin the site's mail.",
                hint="Set DEFAULT_FROM_EMAIL to an address of your own domain.",
                id="accounts.W001",
            )
        )
    base_host = urlsplit(settings.WAGTAILADMIN_BASE_URL or "").hostname or ""
    if base_host in LOCAL_HOSTS:
        problems.append(
            Warning(
                f"WAGTAILADMIN_BASE_URL ({settings.WAGTAILADMIN_BASE_URL}) is this machine: "
                "links in notification and password-reset e-mails will not work.",
                hint="Set WAGTAILADMIN_BASE_URL to the public address of the site.",
                id="accounts.W002",
            )
        )
    return problems
