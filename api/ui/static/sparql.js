// The SPARQL page: YASGUI (vendored) pointed at /sparql, or a plain textarea and results table
// when YASGUI is missing. The recipe buttons load the examples of docs/recipes.md.
"use strict";
(function () {
  const recipes = JSON.parse(document.getElementById("recipes").textContent);
  const endpoint = window.location.origin + "/sparql";
  let setQuery;

  if (window.Yasgui) {
    const yasgui = new window.Yasgui(document.getElementById("yasgui"), {
      requestConfig: {endpoint: endpoint, method: "POST"},
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: {getData: function () { return []; }},
      persistenceId: null,
    });
    setQuery = function (q) { yasgui.getTab().setQuery(q); };
    if (recipes.length) setQuery(recipes[0].query);
  } else {
    const box = document.getElementById("fallback");
    const text = document.getElementById("query");
    box.hidden = false;
    setQuery = function (q) { text.value = q; };
    if (recipes.length) setQuery(recipes[0].query);
    document.getElementById("run").addEventListener("click", run);
  }

  document.querySelectorAll("[data-recipe]").forEach(function (button) {
    button.addEventListener("click", function () {
      setQuery(recipes[Number(button.dataset.recipe)].query);
    });
  });

  async function run() {
    const error = document.getElementById("sparql-error");
    const table = document.getElementById("sparql-results");
    error.hidden = true;
    table.replaceChildren();
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json"},
      body: new URLSearchParams({query: document.getElementById("query").value}),
    });
    const data = await response.json().catch(function () { return null; });
    if (!response.ok || !data || !data.head) {
      error.textContent = (data && data.error && data.error.detail) || response.statusText;
      error.hidden = false;
      return;
    }
    const vars = data.head.vars || [];
    const head = table.createTHead().insertRow();
    vars.forEach(function (v) { head.insertCell().textContent = v; });
    const body = table.createTBody();
    (data.results ? data.results.bindings : [{boolean: {value: String(data.boolean)}}])
      .forEach(function (row) {
        const tr = body.insertRow();
        vars.forEach(function (v) {
          const cell = tr.insertCell();
          cell.textContent = row[v] ? row[v].value : "";
          cell.dir = "auto";
        });
      });
  }
})();
