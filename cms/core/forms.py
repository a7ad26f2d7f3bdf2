from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm


def free_slug(slug: str, siblings) -> str:
    """`slug`, or `slug-2`, `slug-3`... whichever no sibling uses yet."""
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


class BasePageForm(WagtailAdminPageForm):
    """The page editor's form, for pages that editors create again after a false start.

    Wagtail autosaves a new page as a draft as soon as the editor types its title. An editor
    who leaves and starts over meets that hidden draft as "slug already in use", on the
    Promotion tab they are not looking at. A new page whose slug only a never-published
    draft uses takes the next free slug instead; any other slug conflict is also reported at
    the top of the form, whatever tab is open.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.instance.pk is None and self.parent_page is not None:
            siblings = self.parent_page.get_children()
            drafts = siblings.filter(slug=slug, live=False, first_published_at__isnull=True)
            if drafts.exists():
                slug = free_slug(slug, siblings)
        return slug

    def clean(self):
        slug_was_invalid = self.has_error("slug")
        cleaned_data = super().clean()
        # Only the conflict Wagtail's clean() finds; an empty or malformed slug keeps its own
        # error beside the field.
        if not slug_was_invalid and self.has_error("slug") and not self.non_field_errors():
            # The tab's name as Wagtail's catalog translates it ("Promotion", "Eigenschappen").
            tab = gettext("Promote")
            self.add_error(
                None,
                gettext(
                    "Another page here already uses this address: change the slug on the "
                    "“%(tab)s” tab."
                )
                % {"tab": tab},
            )
        return cleaned_data
