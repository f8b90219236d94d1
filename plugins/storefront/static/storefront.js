// Progressive enhancement only: every page works without this file.
"use strict";
// A form's submit button is disabled once the form is sent (the server also refuses a
// repeated form token).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
  }, 0);
});
// The shell and the offline page are cached by the service worker (installable web app).
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" });
  });
}
