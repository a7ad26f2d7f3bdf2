from django.utils.text import capfirst, format_lazy
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page


class TypedPageChooser(AdminPageChooser):
    """A page chooser whose label ("Choose a page (Space)") follows the editor's language.

    Wagtail joins the label to the page type's name in ``__init__``, which turns it into a
    plain string in whatever language was active when the form class was built (once, at
    start-up, for snippets and pages alike).
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.model is not Page:
            self.choose_one_text = format_lazy(
                "{} ({})",
                AdminPageChooser.choose_one_text,
                capfirst(self.model._meta.verbose_name),
            )


class TypedPageChooserPanel(PageChooserPanel):
    def get_form_options(self):
        opts = super().get_form_options()
        if self.page_type:
            opts["widgets"][self.field_name] = TypedPageChooser(
                target_models=self.page_type, can_choose_root=self.can_choose_root
            )
        return opts
