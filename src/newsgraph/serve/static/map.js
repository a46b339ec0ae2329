// Map: Natural Earth countries (world-atlas, vendored) shaded by event count, places as circles. No tiles.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L || !window.topojson) return;
  var get = function (url) { return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }); };
  var filters = el.dataset.filters || "";
  var link = function (key, value) {
    return "/events" + filters + (filters ? "&" : "?") + key + "=" + encodeURIComponent(value);
  };
  // Rings that cross the antimeridian (Russia, Fiji) are made continuous, so no band crosses the map.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i][0] -= 360; else if (d < -180) ring[i][0] += 360;
    }
  }
  function unwrap(g) {
    if (!g) return;
    var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    polys.forEach(function (p) { p.forEach(unwrapRing); });
  }
  Promise.all([get(el.dataset.atlas), get(el.dataset.src)]).then(function (res) {
    var world = res[0], rows = res[1].rows;
    var byNumeric = {}, max = 1;
    rows.forEach(function (r) { if (r.level === "country") { max = Math.max(max, r.count); } });
    var map = L.map(el, { worldCopyJump: true, attributionControl: true, zoomSnap: 0.5 }).setView([30, 10], 1.5);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth via world-atlas");
    var countries = topojson.feature(world, world.objects.countries);
    countries.features.forEach(function (f) { unwrap(f.geometry); });
    // Counts are keyed by ISO alpha-3; the atlas by ISO numeric. The server sends both in /events/map.json.
    rows.forEach(function (r) { if (r.level === "country" && r.numeric) byNumeric[String(+r.numeric)] = r; });
    L.geoJSON(countries, {
      style: function (f) {
        var c = byNumeric[String(+f.id)];
        var t = c ? Math.sqrt(c.count / max) : 0;
        return { color: "#8a94a6", weight: 0.6, fillColor: c ? "#b91c1c" : "#ffffff", fillOpacity: c ? 0.15 + 0.7 * t : 0.6 };
      },
      onEachFeature: function (f, layer) {
        var c = byNumeric[String(+f.id)];
        var name = (f.properties && f.properties.name) || "";
        layer.bindTooltip(name + ": " + (c ? c.count : 0) + " events");
        if (c) { layer.on("click", function () { location.href = link("country", c.country); }); }
      }
    }).addTo(map);
    rows.forEach(function (r) {
      if (r.level !== "place" || r.lat == null) return;
      L.circleMarker([r.lat, r.lon], { radius: 3 + 12 * Math.sqrt(r.count / max), color: "#1e3a8a", weight: 1, fillOpacity: 0.5 })
        .bindTooltip(r.name + ": " + r.count + " events")
        .on("click", function () { location.href = link("place", r.name); })
        .addTo(map);
    });
    el.dataset.ready = "1";
  });
})();
