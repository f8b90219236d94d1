// The door page's live attendance count: re-read every 5 seconds (no script: reload).
(function () {
  "use strict";
  var box = document.querySelector("[data-status-url]");
  if (!box || !window.fetch) { return; }
  function refresh() {
    fetch(box.getAttribute("data-status-url"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (counts) {
        if (!counts) { return; }
        box.querySelectorAll("[data-count]").forEach(function (el) {
          var value = counts[el.getAttribute("data-count")];
          if (value !== undefined) { el.textContent = String(value); }
        });
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 5000);
})();
