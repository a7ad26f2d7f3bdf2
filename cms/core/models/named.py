from django.db import models


class ListedByName(models.Model):
    """A record known by its ``name``: shown by it, listed in its alphabetical order."""

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name
