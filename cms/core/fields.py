"""Field declarations that several models share (same options, one definition).

Each helper returns a new field; the options are those the migrations already record, so
using a helper changes no schema.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

#: Help for a description of an image written in the page's language.
ALT_TEXT_HELP = _(
    "What the image shows, for people who cannot see it, in this page's language. "
    "Empty: the image's title."
)


def optional_link(to: str, verbose_name, related_name: str = "+", **options) -> models.ForeignKey:
    """A link to another object that may be empty, and is emptied when that object goes."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )


def optional_links(
    to: str, verbose_name, related_name: str = "+", **options
) -> ParentalManyToManyField:
    """Links to other objects that may be empty, saved with the page or record that has them."""
    return ParentalManyToManyField(
        to, verbose_name=verbose_name, blank=True, related_name=related_name, **options
    )


def optional_image(verbose_name) -> models.ForeignKey:
    """An image of the library that may be empty."""
    return optional_link("wagtailimages.Image", verbose_name)


def alt_text(verbose_name, max_length: int = 255) -> models.CharField:
    """What an image shows, in the language of the page or record that shows it."""
    return models.CharField(
        verbose_name, max_length=max_length, blank=True, help_text=ALT_TEXT_HELP
    )


def optional_moment(verbose_name, **options) -> models.DateTimeField:
    """A date and time that may be left empty."""
    return models.DateTimeField(verbose_name, null=True, blank=True, **options)


def optional_date(verbose_name, **options) -> models.DateField:
    """A day that may be left empty."""
    return models.DateField(verbose_name, null=True, blank=True, **options)


def optional_number(verbose_name, **options) -> models.PositiveIntegerField:
    """A count that may be left empty."""
    return models.PositiveIntegerField(verbose_name, null=True, blank=True, **options)


def optional_list(verbose_name, **options) -> models.JSONField:
    """A list of values (stored as JSON) that may be left empty."""
    return models.JSONField(verbose_name, default=list, blank=True, **options)
