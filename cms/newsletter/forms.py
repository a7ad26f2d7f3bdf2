from django.db.models import Q

from cms.editorial.forms import OrganisationPageForm


class NewsletterIssueForm(OrganisationPageForm):
    """An issue offers the interests of its own language: the same interest exists once per
    language, under the same name for a space. Interests already chosen stay on offer, so
    that an issue saved before keeps them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("interests")
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if field is None or locale is None:
            return
        chosen = self.instance.interests.all() if self.instance.pk else []
        field.queryset = field.queryset.filter(Q(locale=locale) | Q(pk__in=chosen))
