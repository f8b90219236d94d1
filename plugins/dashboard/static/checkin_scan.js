// The door page's camera scanner (progressive enhancement): where the browser has
// BarcodeDetector and a camera, a "Scan" button opens the camera, reads the ticket's QR
// code and sends it with the page's own form. Without them the page stays the typed form.
(function () {
  "use strict";
  var start = document.querySelector("[data-scan-start]");
  var form = start && start.form;
  var input = form && form.querySelector("#code");
  var video = document.querySelector("[data-scan-video]");
  var failed = document.querySelector("[data-scan-failed]");
  var media = navigator.mediaDevices;
  if (!start || !form || !input || !video || !("BarcodeDetector" in window) || !media ||
      !media.getUserMedia) { return; }
  var detector;
  try {
    detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  } catch (e) {
    return; // no QR support here: keep the typed form
  }
  var stream = null;

  function stop() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
    stream = null;
    video.hidden = true;
    start.disabled = false;
  }

  function send(code) {
    stop();
    input.value = code;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function look() {
    if (!stream) { return; }
    detector.detect(video).then(function (found) {
      var code = found.length ? String(found[0].rawValue || "").trim() : "";
      if (code) { send(code); } else { window.setTimeout(look, 200); }
    }).catch(function () { window.setTimeout(look, 400); });
  }

  start.addEventListener("click", function () {
    start.disabled = true;
    if (failed) { failed.hidden = true; }
    media.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (opened) {
        stream = opened;
        video.srcObject = opened;
        video.hidden = false;
        return video.play();
      })
      .then(look)
      .catch(function () {
        stop();
        if (failed) { failed.hidden = false; }
        input.focus();
      });
  });
  start.hidden = false;
})();
