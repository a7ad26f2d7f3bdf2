from django.utils.text import capfirst, format_lazy
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page


class TypedPageChooser(AdminPageChooser):
    """A page chooser for one page type: its label ("Choose a page (Space)") follows the
    editor's language, and with nothing chosen it opens where such pages live (the spaces
    index of the edited object's locale), not at the root of the tree.

    Wagtail joins the label to the page type's name in ``__init__``, which turns it into a
    plain string in whatever language was active when the form class was built (once, at
    start-up, for snippets and pages alike).
    """

    #: the locale whose pages the chooser opens on; set by the panel from the edited object
    start_locale: Locale | None = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.model is not Page:
            self.choose_one_text = format_lazy(
                "{} ({})",
                AdminPageChooser.choose_one_text,
                capfirst(self.model._meta.verbose_name),
            )

    def start_parent(self) -> Page | None:
        """The page under which pages of the chosen type live, in the start locale."""
        if self.model is Page:
            return None
        parent_models = [m for m in self.model.allowed_parent_page_models() if m is not Page]
        if not parent_models:
            return None
        locale = self.start_locale or Locale.get_active()
        return (
            Page.objects.type(*parent_models)
            .filter(locale=locale)
            .order_by("path")
            .only("pk")
            .first()
        )

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if "parentId" not in opts:
            parent = self.start_parent()
            if parent is not None:
                opts["parentId"] = parent.pk
        return opts


class TypedPageChooserPanel(PageChooserPanel):
    def get_form_options(self):
        opts = super().get_form_options()
        if self.page_type:
            opts["widgets"][self.field_name] = TypedPageChooser(
                target_models=self.page_type, can_choose_root=self.can_choose_root
            )
        return opts

    class BoundPanel(PageChooserPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            widget = self.bound_field.field.widget if self.bound_field else None
            if isinstance(widget, TypedPageChooser):
                # The form's widgets are its own copies: this changes no other form.
                widget.start_locale = getattr(self.instance, "locale", None)


class RecordedFieldPanel(FieldPanel):
    """A read-only field recorded by the system (a date, a wording): an empty value shows as a
    dash, where Wagtail would print the English word "None"."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return "—"
        return super().format_value_for_display(value)
