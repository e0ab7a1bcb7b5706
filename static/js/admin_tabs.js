// Language tabs of the admin named in their own script, with an "outdated" badge (config/translation_admin.py).
// modeltranslation builds the tabs from language codes when the document is ready; this runs after it.
"use strict";
(function () {
  function renameTabs() {
    document.querySelectorAll('.ui-tabs-nav a[href^="#tab_"]').forEach(function (link) {
      var field = document.getElementById(link.getAttribute("href").slice("#tab_".length));
      if (!field || !field.dataset.languageName) return;
      link.textContent = field.dataset.languageName;
      link.lang = field.lang;
      link.dir = field.dir;
      link.title = field.dataset.languageName;
      if (field.dataset.outdated) {
        var badge = document.createElement("span");
        badge.className = "tab-outdated";
        badge.textContent = field.dataset.outdated;
        link.append(" ", badge);
        link.closest("li").classList.add("tab-is-outdated");
      }
    });
  }
  window.addEventListener("load", renameTabs);
})();
