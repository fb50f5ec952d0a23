// The review form: posts to the JSON API with the Bearer token the user typed (kept in
// sessionStorage for this tab only), and shows the API's own message when it refuses.
"use strict";
(function () {
  const form = document.getElementById("review-form");
  if (!form) return;
  const KEY = "sanad-token";
  const token = form.querySelector("#token");
  const out = form.querySelector("#review-result");
  token.value = sessionStorage.getItem(KEY) || "";

  function show(kind, text) {
    out.className = kind;
    out.textContent = text;
  }

  form.addEventListener("submit", async function (event) {
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
    const headers = {"Content-Type": "application/json", "Accept": "application/json"};
    if (value) headers.Authorization = "Bearer " + value;
    show("pending", "Sending…");
    let response;
    try {
      response = await fetch("/claims/" + encodeURIComponent(form.dataset.claim) + "/reviews",
                             {method: "POST", headers: headers, body: JSON.stringify(body)});
    } catch (err) {
      show("error", "Could not reach the server: " + err);
      return;
    }
    let data = null;
    try { data = await response.json(); } catch (err) { data = null; }
    if (response.ok) {
      show("ok", "Review saved (" + data.verdict + "). Reloading…");
      setTimeout(function () { window.location.reload(); }, 800);
      return;
    }
    const error = (data && data.error) || {};
    let message = response.status + " " + (error.title || response.statusText) + ": " +
                  (error.detail || "no details");
    const results = error.report && error.report.results;
    if (Array.isArray(results)) {
      message += " — " + results.map(function (r) { return r.message || JSON.stringify(r); }).join("; ");
    }
    show("error", message);
  });
})();
