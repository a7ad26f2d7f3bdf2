"""A model field for "several of these choices" that every database can filter and count."""

from django import forms
from django.db import models
from django.db.models.lookups import Contains
from django.utils.text import capfirst

SEPARATOR = ","


def split_choices(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return [str(item) for item in value if item]
    return [item for item in str(value).split(SEPARATOR) if item]


class ChoiceListField(models.CharField):
    """Several choices stored in one column as ``,fr,nl,``.

    The delimiters on both ends make ``field__has="fr"`` a single ``LIKE '%,fr,%'`` that no
    other code can match by accident, so filters and facet counts stay plain SQL on SQLite and
    PostgreSQL alike. In Python the value is a list of codes, in the options' order.
    """

    description = "A list of choices"

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = [(value, str(label)) for value, label in self.options]
        return name, path, args, kwargs

    def _ordered(self, values) -> list[str]:
        order = {value: position for position, (value, _label) in enumerate(self.options)}
        unique = dict.fromkeys(split_choices(values))
        return sorted(unique, key=lambda value: order.get(value, len(order)))

    def from_db_value(self, value, expression, connection):
        return split_choices(value)

    def to_python(self, value):
        return split_choices(value)

    def get_prep_value(self, value):
        values = self._ordered(value)
        return f"{SEPARATOR}{SEPARATOR.join(values)}{SEPARATOR}" if values else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {option for option, _label in self.options}
        unknown = [item for item in split_choices(value) if item not in known]
        if unknown:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(unknown)},
            )

    def run_validators(self, value):
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.options,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=kwargs.get("label", capfirst(self.verbose_name)),  # as Django's own fields
            help_text=kwargs.get("help_text", self.help_text),
        )


@ChoiceListField.register_lookup
class HasChoice(Contains):
    """``languages__has="nl"``: the list contains this one value."""

    lookup_name = "has"
    prepare_rhs = False

    def get_prep_lookup(self):
        return f"{SEPARATOR}{self.rhs}{SEPARATOR}"

    def get_rhs_op(self, connection, rhs):
        return connection.operators["contains"] % rhs
