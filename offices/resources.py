"""Offices as spreadsheet rows (CSV, XLSX) for staff who keep the list in a spreadsheet; one row per office, by slug."""

from config.history.imports import TrackedResource, by_slug, each_language

from .models import City, Office


class OfficeResource(TrackedResource):
    city = by_slug("city", City)

    class Meta(TrackedResource.Meta):
        model = Office
        import_id_fields = ["slug"]
        fields = [
            "slug", "version", "kind", "city", "is_current", "order",
            *each_language("name", "address", "opening_hours", "notes"),
            "address_local", "address_local_language", "phones", "email", "website", "latitude", "longitude",
            "check_every_days",  # "checked on" comes only from checks, never from a spreadsheet
        ]
        export_order = fields
