// The card form of /checkout/card: Stripe.js's card Element, confirmCardPayment with the
// PaymentIntent's client secret, then the form is posted and the server asks Stripe whether
// the payment succeeded (it never takes this script's word for it).
"use strict";
(function () {
  var form = document.getElementById("card-form");
  if (!form || typeof window.Stripe !== "function") return;
  var stripe = window.Stripe(form.dataset.key);
  var card = stripe.elements().create("card");
  var errors = document.getElementById("card-errors");
  var button = document.getElementById("card-pay");
  card.mount("#card-element");

  function fail(message) {
    errors.textContent = message || form.dataset.failed;
    errors.hidden = false;
    window.setTimeout(function () { button.disabled = false; }, 0);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    errors.hidden = true;
    stripe.confirmCardPayment(form.dataset.secret, { payment_method: { card: card } })
      .then(function (result) {
        if (result.error) {
          fail(result.error.message);
        } else {
          form.submit();
        }
      }, function () { fail(); });
  });
})();
