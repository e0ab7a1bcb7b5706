// Progressive enhancement of the city page: a button that copies the page's permanent address.
// Without JavaScript, or where the browser cannot write to the clipboard, there is no button at all.
(function () {
  var tools = document.querySelector(".page-tools[data-copy-url]");
  if (!tools || !navigator.clipboard || !window.isSecureContext) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "copy-link";
  button.textContent = tools.dataset.copyLabel;
  var status = document.createElement("span");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(tools.dataset.copyUrl).then(function () {
      status.textContent = tools.dataset.copiedLabel;
    });
  });
  tools.appendChild(button);
  tools.appendChild(status);
})();
