// The hand-check form: accept, correct or reject the claim through the JSON API, with the
// Bearer token typed into the review form above (kept in sessionStorage for this tab only).
"use strict";
(function () {
  const form = document.getElementById("handcheck-form");
  if (!form) return;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const typed = document.getElementById("token");
    const token = ((typed && typed.value) || sessionStorage.getItem("sanad-token") || "").trim();
    if (token) sessionStorage.setItem("sanad-token", token);
    const body = {
      action: form.querySelector("#hc-action").value,
      reviewer: form.querySelector("#hc-reviewer").value.trim(),
    };
    const text = form.querySelector("#hc-text").value.trim();
    const modality = form.querySelector("#hc-modality").value;
    if (text) body.text_ar = text;
    if (modality) body.modality = modality;
    window.sanadPost("/claims/" + encodeURIComponent(form.dataset.claim) + "/handcheck", body, token,
                     form.querySelector("#handcheck-result"),
                     function (data) { return "Recorded: " + data.status + "."; });
  });
})();
