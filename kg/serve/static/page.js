// The query page: run SPARQL against ./sparql, show the answer as a table and as a graph.
// Everything it loads comes from this server; all text goes into the page as text, never as HTML.
(function () {
  "use strict";

  var MAX_ROWS = 1000;   // rows shown in the table
  var MAX_NODES = 400;   // nodes drawn in the graph
  var ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9";
  var RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  var prefixes = {};
  var network = null;

  var $ = function (id) { return document.getElementById(id); };

  function shorten(iri) {
    var best = null;
    Object.keys(prefixes).forEach(function (p) {
      var ns = prefixes[p];
      if (iri.indexOf(ns) === 0 && (!best || ns.length > prefixes[best].length)) { best = p; }
    });
    return best ? best + ":" + iri.slice(prefixes[best].length) : "<" + iri + ">";
  }

  function localName(iri) {
    var tail = iri.replace(/[\/#]+$/, "").split(/[\/#]/).pop();
    try { tail = decodeURIComponent(tail); } catch (e) { /* keep it as it is */ }
    return tail.replace(/-/g, " ");
  }

  function termText(t) {
    if (!t) { return ""; }
    if (t.type === "uri") { return shorten(t.value); }
    if (t.type === "bnode") { return "_:" + t.value; }
    return t.value + (t["xml:lang"] ? "@" + t["xml:lang"] : "");
  }

  // --- N-Triples, as CONSTRUCT and DESCRIBE answer the page ---------------------------------------------
  var TERM = /\s*(?:<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@([A-Za-z0-9-]+))?)/y;

  function unescapeLiteral(s) {
    return s.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, function (m, u4, u8, c) {
      if (u4 || u8) { return String.fromCodePoint(parseInt(u4 || u8, 16)); }
      return {t: "\t", n: "\n", r: "\r", b: "\b", f: "\f"}[c] || c;
    });
  }

  function parseNTriples(text) {
    var triples = [];
    text.split("\n").forEach(function (line) {
      if (!line.trim() || line.trim()[0] === "#") { return; }
      var terms = [];
      TERM.lastIndex = 0;
      for (var i = 0; i < 3; i++) {
        var m = TERM.exec(line);
        if (!m) { return; }
        if (m[1] !== undefined) { terms.push({type: "uri", value: m[1]}); }
        else if (m[2] !== undefined) { terms.push({type: "bnode", value: m[2]}); }
        else { terms.push({type: "literal", value: unescapeLiteral(m[3]), datatype: m[4], "xml:lang": m[5]}); }
      }
      triples.push(terms);
    });
    return triples;
  }

  // --- the table -----------------------------------------------------------------------------------------
  function cell(t) {
    var td = document.createElement("td");
    if (t && t.type === "uri") {
      var a = document.createElement("a");
      a.href = "#";
      a.textContent = shorten(t.value);
      a.title = "DESCRIBE " + t.value;
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        $("query").value = "DESCRIBE <" + t.value + ">";
        run();
      });
      td.appendChild(a);
    } else {
      td.textContent = termText(t);
      if (t && t.type === "literal") { td.className = "literal"; }
    }
    return td;
  }

  function showTable(vars, rows) {
    var table = $("table");
    table.textContent = "";
    var head = table.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = "?" + v;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.slice(0, MAX_ROWS).forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
  }

  // --- the graph -----------------------------------------------------------------------------------------
  function isNode(t) {
    return t && (t.type === "uri" || t.type === "bnode" ||
      (t.type === "literal" && !t.datatype && t.value.length <= 60 && t.value.trim() !== ""));
  }

  function key(t) { return t.type + ":" + t.value; }

  function GraphData() {
    this.nodes = new Map();
    this.edges = new Map();
  }
  GraphData.prototype.node = function (t) {
    var k = key(t);
    if (!this.nodes.has(k)) {
      var label = t.type === "uri" ? localName(t.value) : t.value;
      this.nodes.set(k, {id: k, label: label, title: termText(t), iri: t.type === "uri" ? t.value : null,
                         shape: t.type === "literal" ? "box" : "dot",
                         color: t.type === "literal" ? "#f3e7c4" : "#0072B2"});
    }
    return k;
  };
  GraphData.prototype.edge = function (from, to, label) {
    var k = from + "\u0000" + to + "\u0000" + label;
    if (!this.edges.has(k)) { this.edges.set(k, {from: from, to: to, label: label, arrows: "to"}); }
  };

  function graphOfRows(vars, rows) {
    var g = new GraphData();
    var triple = ["s", "p", "o"].every(function (v) { return vars.indexOf(v) >= 0; });
    rows.forEach(function (row) {
      if (triple && row.s && row.p && row.o && isNode(row.s) && isNode(row.o)) {
        g.edge(g.node(row.s), g.node(row.o), shorten(row.p.value));
        return;
      }
      var here = vars.filter(function (v) { return isNode(row[v]); });
      if (here.length === 1) { g.node(row[here[0]]); }
      for (var i = 1; i < here.length; i++) { g.edge(g.node(row[here[0]]), g.node(row[here[i]]), here[i]); }
    });
    return g;
  }

  function graphOfTriples(triples) {
    var g = new GraphData();
    var notes = {};
    triples.forEach(function (t) {
      var s = g.node(t[0]);
      if (t[2].type === "literal") {
        if (t[1].value === RDFS_LABEL) { g.nodes.get(s).label = t[2].value; }
        (notes[s] = notes[s] || []).push(shorten(t[1].value) + " " + t[2].value.slice(0, 200));
      } else {
        g.edge(s, g.node(t[2]), shorten(t[1].value));
      }
    });
    Object.keys(notes).forEach(function (k) {
      var n = g.nodes.get(k);
      n.title = n.title + "\n" + notes[k].slice(0, 12).join("\n");
    });
    return g;
  }

  // Edges that share their two nodes get curves of their own, so they do not draw over each other.
  function curveParallel(edges) {
    var pairs = new Map();
    edges.forEach(function (e) {
      var k = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      if (!pairs.has(k)) { pairs.set(k, []); }
      pairs.get(k).push(e);
    });
    pairs.forEach(function (members) {
      if (members.length < 2) { return; }
      members.forEach(function (e, i) { e.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 + 0.2 * i}; });
    });
  }

  function drawGraph(g) {
    var nodes = Array.from(g.nodes.values()).slice(0, MAX_NODES);
    var ids = new Set(nodes.map(function (n) { return n.id; }));
    var edges = Array.from(g.edges.values()).filter(function (e) { return ids.has(e.from) && ids.has(e.to); });
    curveParallel(edges);
    if (network) { network.destroy(); network = null; }
    document.body.dataset.graphReady = "";
    var container = $("graph");
    container.hidden = nodes.length === 0;
    if (!nodes.length) { document.body.dataset.graphReady = "empty"; return 0; }
    network = new vis.Network(container, {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)}, {
      physics: {solver: "forceAtlas2Based", stabilization: {iterations: 300, fit: true},
                forceAtlas2Based: {gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.3}},
      layout: {improvedLayout: nodes.length <= 100, randomSeed: 7},
      interaction: {hover: true, tooltipDelay: 150},
      nodes: {size: 12, font: {size: 13, strokeWidth: 3, strokeColor: "#ffffff"}},
      edges: {font: {size: 10, align: "middle", color: "#555555"}, color: "#9a9a9a", smooth: false,
              arrows: {to: {scaleFactor: 0.5}}}
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      document.body.dataset.graphReady = "1";
    });
    network.on("doubleClick", function (p) {
      var n = p.nodes.length && g.nodes.get(p.nodes[0]);
      if (n && n.iri) { $("query").value = "DESCRIBE <" + n.iri + ">"; run(); }
    });
    labelNodes(nodes);
    return nodes.length;
  }

  // IRIs show their local name first; their rdfs:label replaces it when the store has one.
  function labelNodes(nodes) {
    var iris = nodes.filter(function (n) { return n.iri; }).map(function (n) { return n.iri; });
    if (!iris.length) { return; }
    var q = "SELECT ?x (SAMPLE(?l) AS ?label) WHERE { VALUES ?x { " +
      iris.map(function (i) { return "<" + i + ">"; }).join(" ") + " } ?x rdfs:label ?l } GROUP BY ?x";
    fetch("sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query",
                                               "Accept": "application/sparql-results+json"}, body: q})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !network) { return; }
        var updates = data.results.bindings.map(function (b) {
          return {id: "uri:" + b.x.value, label: b.label.value};
        });
        network.body.data.nodes.update(updates);
      })
      .catch(function () { /* labels are a nicety */ });
  }

  // --- running a query -----------------------------------------------------------------------------------
  function downloads(query, isGraph) {
    var box = $("downloads");
    box.textContent = "";
    var formats = isGraph ? ["turtle", "nt", "jsonld", "rdfxml"] : ["csv", "tsv", "json", "xml"];
    formats.forEach(function (f) {
      var a = document.createElement("a");
      a.href = "sparql?query=" + encodeURIComponent(query) + "&format=" + f;
      a.textContent = f;
      a.download = "answer." + ({turtle: "ttl", jsonld: "jsonld", rdfxml: "rdf"}[f] || f);
      box.appendChild(a);
    });
  }

  function run() {
    var query = $("query").value;
    var started = performance.now();
    $("status").textContent = "running…";
    $("error").hidden = true;
    document.body.dataset.state = "running";
    fetch("sparql", {method: "POST", headers: {"Content-Type": "application/sparql-query", "Accept": ACCEPT},
                     body: query})
      .then(function (r) {
        return r.text().then(function (text) { return {ok: r.ok, status: r.status, type: r.headers.get("Content-Type") || "", text: text}; });
      })
      .then(function (r) {
        var seconds = ((performance.now() - started) / 1000).toFixed(2);
        if (!r.ok) { throw new Error("HTTP " + r.status + "\n" + r.text); }
        if (r.type.indexOf("application/n-triples") === 0) {
          var triples = parseNTriples(r.text);
          showTable(["s", "p", "o"], triples.map(function (t) { return {s: t[0], p: t[1], o: t[2]}; }));
          var drawn = drawGraph(graphOfTriples(triples));
          $("status").textContent = triples.length + " triples, " + drawn + " nodes drawn (" + seconds + " s)";
          downloads(query, true);
        } else {
          var data = JSON.parse(r.text);
          if (typeof data.boolean === "boolean") {
            showTable(["answer"], [{answer: {type: "literal", value: data.boolean ? "yes" : "no"}}]);
            drawGraph(new GraphData());
            $("status").textContent = "ASK: " + (data.boolean ? "yes" : "no") + " (" + seconds + " s)";
          } else {
            var vars = data.head.vars, rows = data.results.bindings;
            showTable(vars, rows);
            var n = drawGraph(graphOfRows(vars, rows));
            $("status").textContent = rows.length + " rows" + (rows.length > MAX_ROWS ? " (first " + MAX_ROWS + " shown)" : "") +
              ", " + n + " nodes drawn (" + seconds + " s)";
          }
          downloads(query, false);
        }
        document.body.dataset.state = "done";
      })
      .catch(function (e) {
        $("status").textContent = "";
        $("error").textContent = e.message;
        $("error").hidden = false;
        document.body.dataset.state = "error";
      });
  }

  function loadExamples() {
    fetch("queries.json").then(function (r) { return r.json(); }).then(function (info) {
      prefixes = info.prefixes || {};
      $("store").textContent = "store: " + info.store + (info.updates ? " (updates allowed)" : " (read-only)");
      var select = $("examples");
      (info.queries || []).forEach(function (q, i) {
        var option = document.createElement("option");
        option.value = String(i);
        option.textContent = q.name + " — " + q.summary;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        var q = info.queries[Number(select.value)];
        if (!q) { return; }
        $("query").value = q.sparql;
        $("example-help").textContent = q.params.length ?
          "Parameters (" + q.params.map(function (p) { return "?" + p; }).join(", ") +
          ") are left open here: the query answers for every value." : "";
      });
      document.body.dataset.ready = "1";
    });
  }

  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  loadExamples();
})();
