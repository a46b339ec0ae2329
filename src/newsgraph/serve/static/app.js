// newsgraph serve: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // Histograms: a bar is a link to its events; dragging across bars selects a range.
  document.querySelectorAll("figure.hist").forEach(function (fig) {
    var bars = Array.prototype.slice.call(fig.querySelectorAll("a.bar"));
    var start = null, moved = false;
    function mark(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      bars.forEach(function (el, i) { el.classList.toggle("sel", i >= lo && i <= hi); });
    }
    bars.forEach(function (bar, i) {
      bar.addEventListener("mousedown", function (ev) { start = i; moved = false; ev.preventDefault(); mark(i, i); });
      bar.addEventListener("mouseenter", function () { if (start !== null) { moved = moved || i !== start; mark(start, i); } });
      bar.addEventListener("mouseup", function (ev) {
        if (start === null) return;
        var lo = Math.min(start, i), hi = Math.max(start, i);
        start = null;
        if (!moved) return;  // a plain click follows the bar's own link
        ev.preventDefault();
        var url = new URL(bars[lo].getAttribute("href"), location.href);
        url.searchParams.set("to", bars[hi].dataset.to);
        location.href = url.pathname + url.search;
      });
      bar.addEventListener("click", function (ev) { if (moved) ev.preventDefault(); });
    });
    document.addEventListener("mouseup", function () { start = null; });
  });

  // Article reader: layers toggle without a reload; the side list focuses its item in the text.
  var reader = document.getElementById("reader");
  if (reader) {
    var form = document.querySelector("form.layers");
    form.querySelectorAll("input[name=layer]").forEach(function (box) {
      box.addEventListener("change", function () { reader.classList.toggle("show-" + box.value, box.checked); });
    });
    var focusItem = function (item) {
      reader.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
      var parts = reader.querySelectorAll("[data-items]");
      var first = null;
      parts.forEach(function (el) {
        if (el.dataset.items.split(" ").indexOf(item) >= 0) { el.classList.add("focus"); first = first || el; }
      });
      var anchor = document.getElementById("item-" + item);
      if (anchor) { anchor.focus({ preventScroll: true }); }
      if (first) { first.scrollIntoView({ block: "center" }); }
    };
    document.querySelectorAll(".side a[data-item]").forEach(function (a) {
      a.addEventListener("click", function (ev) { ev.preventDefault(); history.replaceState(null, "", a.getAttribute("href")); focusItem(a.dataset.item); });
    });
    if (reader.dataset.hl) { focusItem(reader.dataset.hl); }
    else if (location.hash.indexOf("#item-") === 0) { focusItem(location.hash.slice(6)); }
  }
})();
