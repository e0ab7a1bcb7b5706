// Listen (guidance/includes/listen.html): the <audio> controls work without JavaScript. Here, the phone's
// lock screen and notification get a neutral title (never the page's or the section's), and a recording
// played in full is kept for listening offline (sw.js answers from it offline; forget.js deletes it).
(function () {
  var KEPT = "help-site-recordings-v1";
  function playedInFull(audio) {  // heard from start to end, not sought to its end
    var heard = 0;
    for (var i = 0; i < audio.played.length; i++) heard += audio.played.end(i) - audio.played.start(i);
    return heard >= audio.duration - 0.5;
  }
  document.querySelectorAll("audio[data-media-title]").forEach(function (audio) {
    audio.addEventListener("play", function () {
      if (!("mediaSession" in navigator) || !window.MediaMetadata) return;
      navigator.mediaSession.metadata = new MediaMetadata({ title: audio.dataset.mediaTitle, artist: "", album: "" });
    });
    audio.addEventListener("ended", function () {
      // the whole file, fetched without Range: a 206 answer cannot be kept in the Cache API
      if (window.caches && playedInFull(audio)) {
        caches.open(KEPT).then(function (cache) { return cache.add(audio.currentSrc); }).catch(function () {});
      }
    });
  });
})();
