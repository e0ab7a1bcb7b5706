// Forget this site (site/forget.html): where JavaScript runs, also unregister the offline worker and
// delete its copies, before the button's request (whose Clear-Site-Data does it without JavaScript)
// and again on the page that confirms it.
(function () {
  function wipe() {
    var jobs = [];
    if ("serviceWorker" in navigator) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (all) {
        return Promise.all(all.map(function (registration) { return registration.unregister(); }));
      }));
    }
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return caches.delete(name); }));
      }));
    }
    try { localStorage.clear(); sessionStorage.clear(); } catch (error) { /* storage blocked: nothing kept */ }
    return Promise.all(jobs).catch(function () {});
  }
  var form = document.querySelector("[data-forget]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var enough = new Promise(function (done) { setTimeout(done, 2000); });
      Promise.race([wipe(), enough]).then(function () { form.submit(); });
    });
  }
  if (document.querySelector("[data-forgotten]")) wipe();
})();
