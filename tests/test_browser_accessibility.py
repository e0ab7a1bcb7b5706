"""No serious or critical axe-core finding on any public page, left-to-right and right-to-left;
a keyboard user can skip to the content and always sees where the focus is."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from .pages import public_paths

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}
# Moderate in axe, but promised by the design: headings in order, landmarks, a way to skip.
BLOCKING_RULES = {"heading-order", "landmark-one-main", "region", "page-has-heading-one", "bypass", "skip-link"}
PATHS = public_paths("en") + public_paths("ar") + ["/en/partners/?city=nowhere", "/ar/no-such-page/"]


def axe_findings(page):
    page.evaluate(AXE_SCRIPT)  # axe-core from the installed package, never from a CDN
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS or violation["id"] in BLOCKING_RULES
    ]


@pytest.mark.parametrize("path", PATHS)
def test_page_has_no_serious_accessibility_finding(live_site, reading_tab, path):
    reading_tab.goto(live_site.url + path)
    assert axe_findings(reading_tab) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("panel", [".site-menu", ".language-chooser"])
def test_open_header_panels_have_no_serious_accessibility_finding(live_site, reading_tab, lang, panel):
    reading_tab.goto(f"{live_site.url}/{lang}/cities/almaty/")
    reading_tab.locator(f"{panel} summary").click()
    assert reading_tab.locator(f"{panel} .header-panel").is_visible()
    assert axe_findings(reading_tab) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_skip_link_comes_first_shows_and_moves_to_the_content(live_site, reading_tab, lang):
    reading_tab.goto(f"{live_site.url}/{lang}/cities/almaty/")
    reading_tab.keyboard.press("Tab")
    focused = reading_tab.locator(":focus")
    assert focused.get_attribute("class") == "skip-link"
    box = focused.bounding_box()
    assert box["y"] >= 0 and 0 <= box["x"] <= 360 - box["width"], "the skip link is on screen when focused"
    reading_tab.keyboard.press("Enter")
    assert reading_tab.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_always_visible(live_site, reading_tab):
    reading_tab.goto(live_site.url + "/en/partners/")
    for _step in range(12):
        reading_tab.keyboard.press("Tab")
        outline = reading_tab.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        assert outline[0] != "none" and outline[1] >= 2, reading_tab.evaluate("document.activeElement.outerHTML")
