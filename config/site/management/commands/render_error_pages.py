"""Write the short error pages (config/errors.py) as static files for the reverse proxy to serve
when it answers by itself: STATIC_ROOT/errors/ (`make static` runs this after collectstatic)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from config import errors


class Command(BaseCommand):
    help = "Write the error pages nginx serves (config/nginx/help-site.conf) into STATIC_ROOT/errors/."

    def handle(self, *args, **options):
        directory = Path(settings.STATIC_ROOT) / "errors"
        directory.mkdir(parents=True, exist_ok=True)
        pages = {f"{status}.html": errors.protocol_error_page(status) for status in (400, 413, 414, 431)}
        for code, _name in settings.LANGUAGES:
            for status in (403, 404, 405, 429):  # nginx's own: a refused or missing static file, too many requests
                pages[f"{status}.{code}.html"] = errors.request_error_page(status, code)
            pages[f"503.{code}.html"] = errors.unavailable_page(code)
        for name, html in pages.items():
            # Written aside and renamed, so a proxy serving the old page never reads half a new one.
            partial = directory / f".{name}.{os.getpid()}"
            partial.write_text(html, encoding="utf-8")
            partial.replace(directory / name)
        if options["verbosity"] > 1:
            self.stdout.write(f"{len(pages)} error pages in {directory}")
