"""Partners and their branches as spreadsheet rows (CSV, XLSX); a partner by slug, a branch by its permanent id."""

import uuid

from config.history.imports import TrackedResource, by_slug, each_language, slugs
from offices.models import City

from .models import Branch, Partner, Service


class PartnerResource(TrackedResource):
    services = slugs("services", Service)

    class Meta(TrackedResource.Meta):
        model = Partner
        import_id_fields = ["slug"]
        fields = [
            "slug", "version", "is_active", "order", *each_language("name", "short_name", "description"),
            "website", "email", "services",
        ]
        export_order = fields


class BranchResource(TrackedResource):
    partner = by_slug("partner", Partner)
    city = by_slug("city", City)
    services = slugs("services", Service)

    class Meta(TrackedResource.Meta):
        model = Branch
        import_id_fields = ["uuid"]
        fields = [
            "uuid", "version", "partner", "city", *each_language("address", "opening_hours"),
            "address_local", "address_local_language", "phones", "latitude", "longitude", "check_every_days", "services",
        ]
        export_order = fields

    def before_import_row(self, row, **kwargs):
        if not str(row.get("uuid") or "").strip():
            row["uuid"] = str(uuid.uuid4())  # a row without a permanent id is a new branch
