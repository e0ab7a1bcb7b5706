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

// Nothing a person typed stays where the next person to pick up the phone would see it.
(function () {
  // A partner's link to a search or an old link to the plan (/ru/search/?q=…) is answered, then its
  // words leave the address bar and this history entry: Back and the tab list show the path alone.
  // (The site's own forms post, so their words are in no address at all.)
  if (location.search && /^\/[a-z-]+\/(search|plan)\/$/.test(location.pathname)) {
    history.replaceState(null, "", location.pathname);
  }
  // A page with a filled-in form that comes back from the back-forward cache shows it empty.
  addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    Array.prototype.forEach.call(document.querySelectorAll("form[autocomplete=off]"), function (form) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.type === "search" || field.type === "date" || field.type === "text") field.value = "";
        else if (field.type === "radio" || field.type === "checkbox") field.checked = false;
        else if (field.tagName === "SELECT") field.selectedIndex = 0;
      });
    });
  });
})();
