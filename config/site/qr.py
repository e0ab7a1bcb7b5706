"""QR codes of a page's permanent address, for posters and print shops (made with segno)."""

import io

import segno

# Medium error correction survives a crease or a smudge on a printed sheet, and keeps the code small.
ERROR_CORRECTION = "m"
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_code(url):
    return segno.make(url, error=ERROR_CORRECTION, micro=False, boost_error=False)


def qr_svg(url, title):
    """A scalable SVG (for screens, printing and designers); sized by CSS where it is shown."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="svg", border=QUIET_ZONE, title=title, xmldecl=False, svgclass=None, lineclass=None, omitsize=True)
    return buffer.getvalue()


def qr_png(url):
    """A PNG large enough for a print shop: 16 pixels a module, marked 300 dpi (about 5 cm wide)."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=16, border=QUIET_ZONE, dpi=300)
    return buffer.getvalue()
