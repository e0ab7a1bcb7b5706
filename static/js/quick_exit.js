// Quick exit (templates/includes/quick_exit.html): leave for an ordinary site at once, replacing this
// page in the history so Back does not return to it; Shift pressed three times in 5 s does the same.
(function () {
  // Error pages in every language have one exit per language (templates/request_error.html).
  var links = document.querySelectorAll("[data-quick-exit]"), presses = 0, timer;
  if (!links.length) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true; // nothing of the page stays on screen while the other site loads
    location.replace(links[0].href);
  }
  Array.prototype.forEach.call(links, function (link) { link.addEventListener("click", leave); });
  addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    if (++presses === 1) timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses === 3) { clearTimeout(timer); leave(); }
  });
})();
