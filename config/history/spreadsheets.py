"""The admin's spreadsheet import and export of tracked entries: readable column names, row errors first, changes only."""

from import_export.admin import ImportExportMixin
from import_export.forms import SelectableFieldsExportForm

from .import_preview import column_label, readable_errors
from .imports import FORMATS


class ReadableColumnsExportForm(SelectableFieldsExportForm):
    """The export's column checkboxes say "Opening hours (Dari)", in the staff member's language, not "Opening Hours Prs"."""

    def _get_field_label(self, resource, field_name):
        return column_label(resource._meta.model, field_name)


class SpreadsheetAdmin(ImportExportMixin):
    """Mixin for the admin of a tracked entry kept in spreadsheets (CSV, XLSX)."""

    formats = FORMATS
    import_template_name = "admin/history/import.html"
    export_form_class = ReadableColumnsExportForm

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is not None and context.get("result") is not None:
            resource = self.get_import_resource_classes(request)[0]()
            context["row_errors"] = list(readable_errors(resource, context["result"]))
            context["changed_rows"] = [row for row in context["result"].valid_rows() if row.import_type != "skip"]
        return response
