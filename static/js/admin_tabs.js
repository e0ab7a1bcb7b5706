// Language tabs of the admin named in their own script, with an "outdated" badge (config/translation_admin.py).
// modeltranslation builds the tabs from language codes once jQuery is ready (and again for each inline
// added): each tab is renamed as soon as it appears.
"use strict";
(function () {
  function rename(link) {
    var field = document.getElementById(link.getAttribute("href").slice("#tab_".length));
    if (!field || !field.dataset.languageName || link.dataset.named) return;
    link.dataset.named = "true";
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
  }

  function renameTabs() {
    document.querySelectorAll('.ui-tabs-nav a[href^="#tab_"]:not([data-named])').forEach(rename);
    // The switch of every tab at once lists the languages too.
    document.querySelectorAll("#modeltranslation-main-switch option:not([data-named])").forEach(function (option) {
      var field = document.querySelector('[data-language-name][lang="' + option.textContent.trim() + '"]');
      if (!field) return;
      option.dataset.named = "true";
      option.textContent = field.dataset.languageName;
      option.lang = field.lang;
    });
  }

  function start() {
    renameTabs();
    new MutationObserver(renameTabs).observe(document.body, {childList: true, subtree: true});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
