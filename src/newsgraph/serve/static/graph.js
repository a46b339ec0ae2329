// Network: Cytoscape.js, source -> target edges weighted by count; click an actor to add its ego network.
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el || !window.cytoscape) return;
  var get = function (url) { return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }); };
  var filters = el.dataset.filters || "";
  function elements(g) {
    var out = [];
    g.nodes.forEach(function (n) { out.push({ group: "nodes", data: { id: "a" + n.id, cid: n.id, label: n.name } }); });
    g.edges.forEach(function (e) {
      out.push({ group: "edges", data: { id: "e" + e.source + "-" + e.target, source: "a" + e.source, target: "a" + e.target, weight: e.count } });
    });
    return out;
  }
  get(el.dataset.src).then(function (data) {
    var g = { nodes: [], edges: [] };
    var names = {};
    data.rows.forEach(function (r) {
      names[r.source_id] = r.source; names[r.target_id] = r.target;
      g.edges.push({ source: r.source_id, target: r.target_id, count: r.count });
    });
    Object.keys(names).forEach(function (id) { g.nodes.push({ id: +id, name: names[id] }); });
    var max = Math.max.apply(null, g.edges.map(function (e) { return e.count; }).concat([1]));
    var cy = cytoscape({
      container: el, elements: elements(g),
      style: [
        { selector: "node", style: { "label": "data(label)", "font-size": 10, "background-color": "#2563eb", "width": 14, "height": 14, "color": "#1d2330", "text-valign": "bottom" } },
        { selector: "edge", style: { "width": "mapData(weight, 1, " + max + ", 1, 8)", "line-color": "#94a3b8", "target-arrow-color": "#94a3b8", "target-arrow-shape": "triangle", "curve-style": "bezier", "opacity": 0.8 } },
        { selector: "node.expanded", style: { "background-color": "#f59e0b" } }
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
    });
    cy.on("tap", "node", function (ev) {
      var node = ev.target;
      if (node.hasClass("expanded")) return;
      node.addClass("expanded");
      var qs = filters + (filters ? "&" : "?") + "actor=" + node.data("cid") + "&top=25";
      get("/events/graph.json" + qs).then(function (d) {
        var add = [];
        var nm = {};
        d.rows.forEach(function (r) { nm[r.source_id] = r.source; nm[r.target_id] = r.target; });
        Object.keys(nm).forEach(function (id) { if (!cy.getElementById("a" + id).length) add.push({ group: "nodes", data: { id: "a" + id, cid: +id, label: nm[id] } }); });
        d.rows.forEach(function (r) {
          var id = "e" + r.source_id + "-" + r.target_id;
          if (!cy.getElementById(id).length) add.push({ group: "edges", data: { id: id, source: "a" + r.source_id, target: "a" + r.target_id, weight: r.count } });
        });
        cy.add(add);
        cy.layout({ name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }).run();
      });
    });
    cy.on("dbltap", "node", function (ev) { location.href = "/actors/" + ev.target.data("cid"); });
    el.dataset.ready = "1";
  });
})();
