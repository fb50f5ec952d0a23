// The review form: posts to the JSON API with the Bearer token the user typed (kept in
// sessionStorage for this tab only), and shows the API's own message when it refuses.
"use strict";
(function () {
  const form = document.getElementById("review-form");
  if (!form) return;
  const KEY = "sanad-token";
  const token = form.querySelector("#token");
  token.value = sessionStorage.getItem(KEY) || "";

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const value = token.value.trim();
    if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
    const body = {
      verdict: form.querySelector("#verdict").value,
      reviewer: form.querySelector("#reviewer").value.trim(),
      evidence: form.querySelector("#evidence").value.split(/\s+/).filter(Boolean),
    };
    const note = form.querySelector("#body").value.trim();
    if (note) {
      body.body = note;
      body.body_language = /[\u0600-\u06FF]/.test(note) ? "ar" : "en";
    }
    window.sanadPost("/claims/" + encodeURIComponent(form.dataset.claim) + "/reviews", body, value,
                     form.querySelector("#review-result"),
                     function (data) { return "Review saved (" + data.verdict + ")."; });
  });
})();
