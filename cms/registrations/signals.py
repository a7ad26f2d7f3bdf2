"""A person erased from the directory (cms.directory.erase) is erased from registrations too."""

from django.dispatch import receiver

from cms.directory.erase import person_erased

from .services import erase_registrations, normalise_email


@receiver(person_erased)
def erase_person_registrations(sender, emails, report, **kwargs):
    addresses = {normalise_email(email) for email in emails}
    if addresses:
        report["event registrations"] += erase_registrations(email__in=addresses)
