"""Screenshots for people to look at, in test-artifacts/: taken only when SCREENSHOTS=1 is set, e.g.
`SCREENSHOTS=1 .venv/bin/pytest tests/test_browser_pages.py`. Encoding a full-page PNG costs more than
loading the page, and no test reads the files, so `make test` leaves them out."""

import os
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def wanted():
    return os.environ.get("SCREENSHOTS", "") not in ("", "0")


def keep_screenshot(target, name, **options):
    """A screenshot of a page or an element as test-artifacts/<name>.png, when SCREENSHOTS=1."""
    if wanted():
        path = ARTIFACTS / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        target.screenshot(path=path, **options)


def keep_pdf(pdf, name):
    """A printed page (the bytes the test already read) as test-artifacts/<name>.pdf, when SCREENSHOTS=1."""
    if wanted():
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
