// Shared by the claim page's forms: POST JSON to the API with the Bearer token and report the
// outcome in a status line (the API's own error message on refusal, with the SHACL report).
"use strict";
window.sanadPost = async function (url, body, token, out, onOk) {
  function show(kind, text) {
    out.className = kind;
    out.textContent = text;
  }
  const headers = {"Content-Type": "application/json", "Accept": "application/json"};
  if (token) headers.Authorization = "Bearer " + token;
  show("pending", "Sending…");
  let response;
  try {
    response = await fetch(url, {method: "POST", headers: headers, body: JSON.stringify(body)});
  } catch (err) {
    show("error", "Could not reach the server: " + err);
    return;
  }
  let data = null;
  try { data = await response.json(); } catch (err) { data = null; }
  if (response.ok) {
    show("ok", onOk(data) + " Reloading…");
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
};
