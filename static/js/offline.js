// Progressive enhancement: keep opened pages for reading offline, and say when a page is a saved copy.
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js");
(function () {
  var note = document.getElementById("offline-note");
  function show() { if (note) note.hidden = navigator.onLine; }
  addEventListener("online", show);
  addEventListener("offline", show);
  show();
})();
