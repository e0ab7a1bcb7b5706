"""What a spreadsheet import's preview shows: readable column names, and per row only the columns it changes, old → new.

django-import-export's own preview is one column per field (every language of every translated
field: a table thousands of pixels wide) with "None" for an empty cell; staff need to see which
few cells of which rows their file changes, and the row errors above everything else.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from import_export.resources import Diff

from .labels import direction


def column_label(model, column):
    """ "Opening hours (Dari)" for opening_hours_prs, "City" for city; the column's own name otherwise."""
    try:
        field = model._meta.get_field(column)
    except FieldDoesNotExist:
        return column
    original = getattr(field, "translated_field", None)
    if original is None:
        return capfirst(str(field.verbose_name))
    return gettext("%(field)s (%(language)s)") % {
        "field": capfirst(str(original.verbose_name)), "language": gettext(get_language_info(field.language)["name"]),
    }


def cell(value):
    """A cell as the preview shows it: an empty cell is empty, never "None"."""
    return "" if value is None else str(value)


class ColumnChange:
    """One changed cell of a row: the column's label, its value before and after (for a new row, "" before)."""

    def __init__(self, label, old, new):
        self.label, self.old, self.new = label, old, new
        self.old_dir, self.new_dir = direction(old), direction(new)


class ChangedColumns(Diff):
    """A row's diff as its changed columns only (import-export calls `as_html` for what the preview lists)."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        model = resource._meta.model
        # The version a row was exported from is not one of its changes (a save raises it by itself).
        self.labels = [
            None if field.readonly else column_label(model, field.column_name) for field in resource.get_import_fields()
        ]

    def as_html(self):
        changes = []
        for label, old, new in zip(self.labels, self.left, self.right, strict=True):
            old, new = ("" if self.new else cell(old)), cell(new)
            if label is not None and old != new:
                changes.append(ColumnChange(label, old, new))
        return changes


def readable_errors(resource, result):
    """Every refused row of a preview as (spreadsheet row, column label, message): the header is the
    spreadsheet's row 1, so the first data row is row 2, as the spreadsheet program numbers it."""
    model = resource._meta.model
    columns = {field.attribute: field.column_name for field in resource.get_import_fields()}
    for row in result.invalid_rows:
        for attribute, messages in row.field_specific_errors.items():
            label = column_label(model, columns.get(attribute, attribute))
            for message in messages:
                yield row.number + 1, label, message
        for message in row.non_field_specific_errors:
            yield row.number + 1, "", message
