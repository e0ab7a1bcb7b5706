"""Listening in Chromium: a Dari recording of the asylum-seekers page's deadline section loads only on play,
through Range requests (206); played in full it is kept for offline listening and plays offline; paused
half-way or sought to its end it is not kept; "Forget this site" deletes it. The phone's lock screen gets
a neutral title in the reader's language, never the page's."""

import pytest

from .live_site import running_site
from .recordings import needs_ffmpeg, upload_to_live_site

pytestmark = [pytest.mark.browser, needs_ffmpeg]

DARI_PAGE = "/prs/guidance/asylum-seekers/"
KEPT = "help-site-recordings-v1"
KEPT_URLS = f"caches.has('{KEPT}').then((has) => has ? caches.open('{KEPT}').then((c) => c.keys()).then((k) => k.map((r) => r.url)) : [])"
# Resolves when the <audio> ends, with the caches listen.js asked to open by then (listen.js handles `ended` first).
PLAY_TO_THE_END = """(audio) => new Promise((done, failed) => {
  audio.addEventListener("ended", () => done(window.openedCaches.slice()), {once: true});
  audio.addEventListener("error", () => failed(new Error("the recording did not play")), {once: true});
  audio.muted = true;  // headless Chromium plays muted media without a gesture
  audio.play().catch(failed);
})"""
# Records the caches the page opens (to show listen.js decided not to keep a recording).
WATCH_CACHES = """window.openedCaches = [];
const open = CacheStorage.prototype.open;
CacheStorage.prototype.open = function (name) { window.openedCaches.push(name); return open.call(this, name); };"""


@pytest.fixture(scope="module")
def site_with_recording():
    with running_site() as site:
        yield site, upload_to_live_site(site, language="prs", seconds=1)


@pytest.fixture
def tab(phone_page):
    phone_page.add_init_script(WATCH_CACHES)
    return phone_page


def open_dari_page(tab, site):
    """The Dari page, once the offline worker controls it and has saved it."""
    tab.goto(site.url + DARI_PAGE)
    for _attempt in range(100):
        if tab.evaluate(f"caches.match('{DARI_PAGE}').then(Boolean)") and tab.evaluate("!!navigator.serviceWorker.controller"):
            return
        tab.wait_for_timeout(100)
    raise AssertionError("the page was not saved for offline reading")


def test_a_recording_played_in_full_is_kept_plays_offline_and_is_forgotten(site_with_recording, tab):
    site, media_url = site_with_recording
    requested = []
    tab.context.on("request", lambda request: requested.append(request) if media_url in request.url else None)
    open_dari_page(tab, site)
    assert requested == [], "nothing of the recording loads before play"
    audio = tab.locator("audio[data-section]")
    assert audio.get_attribute("preload") == "none" and audio.get_attribute("src") == media_url

    tab.evaluate("navigator.mediaSession.metadata = null")
    opened = audio.evaluate(PLAY_TO_THE_END)
    assert KEPT in opened
    ranged = [request for request in requested if "range" in request.headers]
    assert ranged, "the player asks for byte ranges"
    assert 206 in [request.response().status for request in ranged]

    for _attempt in range(100):
        if tab.evaluate(KEPT_URLS) == [site.url + media_url]:
            break
        tab.wait_for_timeout(100)
    assert tab.evaluate(KEPT_URLS) == [site.url + media_url], "played in full, the recording is kept"

    # the lock screen and notification: a neutral word in Dari, never the page's title or the section's heading
    metadata = tab.evaluate("(({title, artist, album, artwork}) => ({title, artist, album, artwork}))(navigator.mediaSession.metadata)")
    assert metadata == {"title": "صدا", "artist": "", "album": "", "artwork": []}
    assert metadata["title"] not in tab.title()
    assert audio.get_attribute("data-media-title") == "صدا"

    # offline, with the browser's own HTTP cache emptied, the kept copy plays
    tab.context.new_cdp_session(tab).send("Network.clearBrowserCache")
    tab.context.set_offline(True)
    tab.reload()
    requested.clear()
    tab.locator("audio[data-section]").evaluate(PLAY_TO_THE_END)
    answers = [request.response() for request in requested if not request.service_worker]  # the page's own requests
    assert answers and all(answer.from_service_worker for answer in answers), "offline, the kept copy answers"
    assert 206 in [answer.status for answer in answers], "a Range request gets its bytes from the kept copy"
    tab.context.set_offline(False)

    tab.goto(site.url + "/prs/forget/")
    tab.locator("form[data-forget] button").click()
    tab.locator("[data-forgotten]").wait_for()
    assert tab.evaluate("caches.keys()") == []


def test_a_recording_not_heard_in_full_is_not_kept(site_with_recording, tab):
    site, media_url = site_with_recording
    open_dari_page(tab, site)
    audio = tab.locator("audio[data-section]")
    # paused a moment after it started, then taken to its last tenth of a second and played to the end
    audio.evaluate("""(audio) => new Promise((done, failed) => {
      audio.muted = true;
      audio.addEventListener("timeupdate", function paused() {
        if (audio.currentTime > 0) { audio.pause(); audio.removeEventListener("timeupdate", paused); done(); }
      });
      audio.play().catch(failed);
    })""")
    assert audio.evaluate("(audio) => audio.paused && audio.currentTime < audio.duration / 2")
    assert tab.evaluate("window.openedCaches") == []
    opened = audio.evaluate("(audio) => { audio.currentTime = audio.duration - 0.1; return (" + PLAY_TO_THE_END + ")(audio); }")
    assert opened == [], "a recording sought to its end is not kept"
    assert tab.evaluate(KEPT_URLS) == []
    # played again in full (the player remembers what was heard), it is kept
    audio.evaluate("(audio) => { audio.currentTime = 0; }")
    assert KEPT in audio.evaluate(PLAY_TO_THE_END)
