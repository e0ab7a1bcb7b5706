// Long texts of the admin (config/translation_admin.py): text areas grow with their content, every
// marked field shows its length as the person types, and Markdown fields show their rendered preview
// beside them, rendered and sanitised by the server (POST with the form's CSRF token, same origin).
// Progressive: without this script the fields still work and the "Preview" button previews on the server.
"use strict";
(function () {
  var growsByItself = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");

  function grow(area) {
    if (growsByItself || !area.offsetParent) return; // hidden in another tab: sized when it is shown
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }

  function counter(field) {
    var output = document.createElement("div");
    output.className = "char-count";
    output.lang = document.documentElement.lang;
    var show = function () {
      var text = field.dataset.countLabel.replace("%(count)s", field.value.length.toLocaleString(output.lang));
      output.textContent = field.maxLength > 0 ? text + " / " + field.maxLength.toLocaleString(output.lang) : text;
    };
    field.addEventListener("input", show);
    show();
    return output;
  }

  function previewer(area) {
    var form = area.form;
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!token) return null;
    var pane = document.createElement("div");
    pane.className = "markdown-preview";
    pane.lang = area.lang;
    pane.dir = area.dir;
    pane.setAttribute("aria-label", area.dataset.previewLabel);
    pane.setAttribute("role", "region");
    var timer = null;
    var asked = 0;
    var render = function () {
      var mine = ++asked;
      var body = new FormData();
      body.append("text", area.value);
      fetch(area.dataset.previewUrl, {
        method: "POST", body: body, credentials: "same-origin",
        headers: {"X-CSRFToken": token.value},
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) {
        if (mine === asked) pane.innerHTML = html; // sanitised by the server (guidance/rendering.py)
      }).catch(function () {
        if (mine === asked) pane.textContent = area.dataset.previewFailed;
      });
    };
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
    render();
    return pane;
  }

  function setUp(field) {
    if (field.tagName !== "TEXTAREA") {
      if (field.dataset.countLabel) field.after(counter(field));
      return;
    }
    // The text area (with its preview beside it) and its counter under it, in one box beside the label.
    var box = document.createElement("div");
    box.className = "editor-field";
    field.before(box);
    var pane = field.dataset.previewUrl ? previewer(field) : null;
    if (pane) {
      var columns = document.createElement("div");
      columns.className = "editor-columns";
      columns.append(field, pane);
      box.append(columns);
    } else {
      box.append(field);
    }
    if (field.dataset.countLabel) box.append(counter(field));
    if (field.hasAttribute("data-grow")) {
      field.addEventListener("input", function () { grow(field); });
      field.addEventListener("focus", function () { grow(field); });
      grow(field);
    }
  }

  function start() {
    document.querySelectorAll("textarea[data-grow], input[data-count-label], textarea[data-count-label]").forEach(setUp);
    // A text area in a tab that was hidden is sized when its tab is opened.
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".ui-tabs-nav")) {
        document.querySelectorAll("textarea[data-grow]").forEach(grow);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
