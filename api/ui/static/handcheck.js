// The hand-check form: accept, correct or reject the claim through the JSON API, with the
// Bearer token typed into the review form above (kept in sessionStorage for this tab only).
"use strict";
(function () {
  const form = document.getElementById("handcheck-form");
  if (!form) return;
  const out = form.querySelector("#handcheck-result");

  function show(kind, text) {
    out.className = kind;
    out.textContent = text;
  }

  form.addEventListener("submit", async function (event) {
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
    const headers = {"Content-Type": "application/json", "Accept": "application/json"};
    if (token) headers.Authorization = "Bearer " + token;
    show("pending", "Sending…");
    let response;
    try {
      response = await fetch("/claims/" + encodeURIComponent(form.dataset.claim) + "/handcheck",
                             {method: "POST", headers: headers, body: JSON.stringify(body)});
    } catch (err) {
      show("error", "Could not reach the server: " + err);
      return;
    }
    let data = null;
    try { data = await response.json(); } catch (err) { data = null; }
    if (response.ok) {
      show("ok", "Recorded: " + data.status + ". Reloading…");
      setTimeout(function () { window.location.reload(); }, 800);
      return;
    }
    const error = (data && data.error) || {};
    show("error", response.status + " " + (error.title || response.statusText) + ": " +
                  (error.detail || "no details"));
  });
})();
