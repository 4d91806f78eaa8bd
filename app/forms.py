"""The base form: Flask-WTF with every message in the user's language, and text kept free of
control characters."""

import re

from flask_babel import get_translations, gettext, ngettext
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget


class _Translations:
    """Look WTForms' own messages up in Pathways' catalogues (WTForms has no vi/ms/id/th).

    WTForms fills in the placeholders itself, so these return the raw translated text.
    """

    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


# Word's line and page breaks, pasted: they end a line.
_BREAKS = re.compile("[\x0b\x0c]")
# The other control characters but tab and the line ends: nothing a reader can see, and
# a spreadsheet or an XML reader of the directory refuses them. (NUL is refused before any
# form is read: app.errors.)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def without_control_characters(text):
    """The text as typed, less the control characters no one means to keep."""
    if not isinstance(text, str):
        return text
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


class Form(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Translations()

        def bind_field(self, form, unbound_field, options):
            # Every text field (a password is kept exactly as typed).
            kind = unbound_field.field_class
            if issubclass(kind, StringField) and not issubclass(kind, PasswordField):
                given = unbound_field.kwargs.get("filters", ())
                options = {**options, "filters": [without_control_characters, *given]}
            return unbound_field.bind(form=form, **options)


class EmptyForm(Form):
    """A form with only its CSRF token, for buttons that change state."""


def label_choices(labels: dict) -> list[SelectChoice]:
    """Choices for a field from a mapping of stored code to label."""
    return [SelectChoice(code, label) for code, label in labels.items()]


class CheckboxesField(SelectMultipleField):
    """Several choices shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _library_messages():  # never called: it lists WTForms' messages for extraction
    gettext("Not a valid choice.")
    ngettext(
        "'%(value)s' is not a valid choice for this field.",
        "'%(value)s' are not valid choices for this field.",
        1,
    )
    gettext("Invalid choice(s): one or more data inputs could not be coerced.")
    gettext("Not a valid integer value.")
    gettext("Not a valid decimal value.")
    gettext("Not a valid time value.")
    gettext("This field is required.")
    gettext("The CSRF token is missing.")
    gettext("The CSRF token is invalid.")
    gettext("The CSRF token has expired.")
    gettext("The CSRF tokens do not match.")
