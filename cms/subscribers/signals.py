"""A person erased from the directory (cms.directory.erase) loses their newsletter
subscription too."""

from django.dispatch import receiver

from cms.directory.erase import person_erased

from .erase import erase_subscriber


@receiver(person_erased)
def erase_person_subscription(sender, emails, report, **kwargs):
    for address in emails:
        report.update(erase_subscriber(address))
