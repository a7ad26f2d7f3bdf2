"""The rows a page edits inline (an InlinePanel of Orderable items) that each choose one
object: an article's categories and authors, a study's themes, partners and documents, a
space's gallery images."""

from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey


def item_of(page_model: str, related_name: str) -> ParentalKey:
    """The page an inline item belongs to: saved with the page, deleted with it."""
    return ParentalKey(page_model, related_name=related_name, on_delete=models.CASCADE)


def chosen(to, verbose_name=None) -> models.ForeignKey:
    """The object an inline item chooses: the item goes when that object goes."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=models.CASCADE, related_name="+"
    )


def with_chosen(relation: str, item_model, chosen_field: str) -> Prefetch:
    """A page's inline items (``relation``) with the object each one chose: one query."""
    return Prefetch(relation, queryset=item_model.objects.select_related(chosen_field))
