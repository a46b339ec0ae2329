// Timeline: events per period and type with uPlot; drag across the chart to filter the events to that range.
(function () {
  "use strict";
  var el = document.getElementById("timeline-chart");
  if (!el || !window.uPlot) return;
  var palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777",
                 "#4b5563", "#65a30d", "#7c3aed", "#0d9488", "#b91c1c", "#1d4ed8", "#a16207", "#be185d"];
  function toTime(period, key) {
    var p = key.split("-");
    return Date.UTC(+p[0], p.length > 1 ? +p[1] - 1 : 0, p.length > 2 ? +p[2] : 1) / 1000;
  }
  // Every period between the first and the last, so a quiet stretch shows as zero, not as a slope.
  function fill(periods, period) {
    var out = [], key = periods[0], last = periods[periods.length - 1], guard = 0;
    while (key <= last && guard++ < 20000) {
      out.push(key);
      var p = key.split("-").map(Number);
      if (period === "year") key = String(p[0] + 1);
      else if (period === "month") key = p[1] === 12 ? (p[0] + 1) + "-01" : p[0] + "-" + String(p[1] + 1).padStart(2, "0");
      else key = new Date(Date.UTC(p[0], p[1] - 1, p[2] + (period === "week" ? 7 : 1))).toISOString().slice(0, 10);
    }
    return out;
  }
  function fromTime(t) { return new Date(t * 1000).toISOString().slice(0, 10); }
  fetch(el.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
    var periods = [], types = [], counts = {};
    data.rows.forEach(function (r) {
      if (periods.indexOf(r.period) < 0) periods.push(r.period);
      if (types.indexOf(r.type) < 0) types.push(r.type);
      counts[r.period + "|" + r.type] = r.count;
    });
    periods.sort();
    if (!periods.length) { el.textContent = "No dated events."; return; }
    periods = fill(periods, el.dataset.period);
    var xs = periods.map(function (p) { return toTime(data.period, p); });
    var series = [{}], cols = [xs];
    types.forEach(function (t, i) {
      series.push({ label: t, stroke: palette[i % palette.length], width: 1.5, points: { show: periods.length < 60 } });
      cols.push(periods.map(function (p) { return counts[p + "|" + t] || 0; }));
    });
    var period = el.dataset.period;
    new uPlot({
      width: el.clientWidth || 900, height: 260, series: series,
      scales: { x: { time: true } }, axes: [{}, { label: "events" }],
      cursor: { drag: { x: true, y: false } },
      hooks: { setSelect: [function (u) {
        if (u.select.width < 4) return;
        var lo = u.posToVal(u.select.left, "x"), hi = u.posToVal(u.select.left + u.select.width, "x");
        var qs = el.dataset.filters || "";
        var sep = qs ? "&" : "?";
        location.href = "/events" + qs + sep + "from=" + fromTime(lo) + "&to=" + fromTime(hi);
      }] }
    }, cols, el);
  });
})();
