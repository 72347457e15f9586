/* kotakg's query page: YASGUI pointed at this server's /sparql, the saved queries of
 * /queries one click away, and a chart for label/number results. Everything it loads is
 * served by kotakg itself, so the page works without the internet. */
(function () {
  "use strict";

  var root = document.getElementById("yasgui");
  var settings = JSON.parse(root.getAttribute("data-settings"));
  settings.endpoint = new URL(settings.endpoint, window.location.href).href;
  var Yasgui = window.Yasgui;
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_BARS = 40;

  function prefixLines(prefixes) {
    return Object.keys(prefixes).map(function (name) {
      return "PREFIX " + name + ": <" + prefixes[name] + ">";
    }).join("\n");
  }

  var DEFAULT_QUERY = prefixLines(settings.prefixes) + "\n\n" +
    "# Cities in the graph, with their Wikidata items\n" +
    "SELECT ?city ?name ?wikidata WHERE {\n" +
    "  ?city a kotakg:City ; rdfs:label ?name .\n" +
    "  OPTIONAL { ?city owl:sameAs ?wikidata }\n" +
    "} ORDER BY ?name LIMIT 100\n";

  /* Label/number pairs when the result has two columns, one of them all numbers. */
  function chartData(results) {
    if (!results || !results.getVariables || !results.getBindings) return null;
    var vars = results.getVariables();
    var rows = results.getBindings();
    if (!vars || vars.length !== 2 || !rows || rows.length === 0) return null;
    var numeric = vars.filter(function (v) {
      return rows.every(function (row) {
        return row[v] && row[v].type !== "uri" && row[v].value !== "" && isFinite(Number(row[v].value));
      });
    });
    if (numeric.length === 0) return null;
    var value = numeric[numeric.length - 1];
    var label = vars[0] === value ? vars[1] : vars[0];
    return {
      label: label, value: value,
      bars: rows.slice(0, MAX_BARS).map(function (row) {
        var term = row[label];
        var text = term ? term.value : "";
        return { label: term && term.type === "uri" ? text.replace(/^.*[\/#]/, "") : text,
                 value: Number(row[value].value) };
      })
    };
  }

  function svgEl(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /* A horizontal bar chart: one bar per row, its number at the end. */
  function drawChart(data) {
    var rowHeight = 24, labelWidth = 220, barWidth = 460, top = 28;
    var max = Math.max.apply(null, data.bars.map(function (b) { return Math.abs(b.value); })) || 1;
    var svg = svgEl("svg", { xmlns: SVG, width: labelWidth + barWidth + 80,
      height: top + rowHeight * data.bars.length + 8, role: "img",
      "aria-label": data.value + " by " + data.label });
    svg.appendChild(svgEl("text", { x: 4, y: 16, "font-weight": "bold" }, data.value + " by " + data.label));
    data.bars.forEach(function (bar, i) {
      var y = top + i * rowHeight;
      var width = Math.max(1, barWidth * Math.abs(bar.value) / max);
      var shown = bar.label.length > 32 ? bar.label.slice(0, 31) + "\u2026" : bar.label;
      svg.appendChild(svgEl("text", { x: labelWidth - 8, y: y + 16, "text-anchor": "end" }, shown));
      svg.appendChild(svgEl("rect", { x: labelWidth, y: y + 4, width: width, height: rowHeight - 8,
        fill: "#1f5fa8", rx: 2 }));
      svg.appendChild(svgEl("text", { x: labelWidth + width + 6, y: y + 16 }, String(bar.value)));
    });
    var box = document.createElement("div");
    box.className = "kotakg-chart";
    box.appendChild(svg);
    return box;
  }

  function ChartPlugin(yasr) {
    this.yasr = yasr;
    this.label = "Chart";
    this.priority = 5;
  }
  ChartPlugin.prototype.canHandleResults = function () {
    return chartData(this.yasr.results) !== null;
  };
  ChartPlugin.prototype.draw = function () {
    this.yasr.resultsEl.appendChild(drawChart(chartData(this.yasr.results)));
  };
  ChartPlugin.prototype.getIcon = function () {
    var icon = document.createElement("span");
    icon.textContent = "\u2587";
    return icon;
  };
  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);

  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: settings.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: settings.endpoint }]; } },
    persistenceId: "kotakg:" + settings.endpoint,
    yasqe: { value: DEFAULT_QUERY },
    yasr: { pluginOrder: ["table", "chart", "response"], defaultPlugin: "table" }
  });
  window.kotakgYasgui = yasgui;

  /* IRIs of this graph open their page on this server (the base's host may not be this
   * server, or reachable): rewritten as they are clicked, whatever drew the link. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".yasr a[href]");
    var href = link && link.getAttribute("href");
    if (!href) return;
    if (href.indexOf(settings.base) === 0) {
      link.setAttribute("href", settings.root + href.slice(settings.base.length));
      link.removeAttribute("target");
    }
  }, true);

  /* A saved query in a tab of its own, run at once. */
  function openSaved(query) {
    var tab = yasgui.addTab(true, { name: query.title, yasqe: { value: query.query },
      requestConfig: { endpoint: settings.endpoint } });
    tab.show();
    tab.setQuery(query.query);
    tab.query();
  }

  function listSaved(queries) {
    var list = document.getElementById("saved-queries");
    list.textContent = "";
    if (queries.length === 0) {
      list.appendChild(Object.assign(document.createElement("li"), { className: "hint", textContent: "None installed." }));
    }
    queries.forEach(function (query) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "load";
      button.setAttribute("data-name", query.name);
      button.textContent = query.title;
      if (query.description) {
        var desc = document.createElement("span");
        desc.className = "desc";
        desc.textContent = query.description;
        button.appendChild(desc);
      }
      button.addEventListener("click", function () { openSaved(query); });
      item.appendChild(button);
      list.appendChild(item);
    });
    var wanted = new URLSearchParams(window.location.search).get("saved");
    var match = queries.filter(function (q) { return q.name === wanted; })[0];
    if (match) openSaved(match);
  }

  fetch(settings.queries, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (body) { listSaved(body.queries || []); })
    .catch(function (error) {
      document.getElementById("saved-queries").textContent = "Could not load the saved queries: " + error;
    });
})();
