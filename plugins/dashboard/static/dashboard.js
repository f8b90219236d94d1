// Progressive enhancement only: every page works without this file.
// A form's submit button is disabled once the form is sent, so a double click sends it once
// (the server also refuses a repeated form token).
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
  }, 0);
});
