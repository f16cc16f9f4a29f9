// On a narrow screen a wide chart scrolls sideways inside its card (style.css: .graph-scroll). Every
// chart's time axis ends on the right, at the most recent period, where the claims are: open each
// chart scrolled to that end, once it is drawn (Dash renders pages after load, and again when the
// page's state changes), so a phone shows the recent years first instead of the oldest.
(function () {
  function showLatest() {
    document.querySelectorAll(".graph-scroll").forEach(function (box) {
      var plot = box.querySelector(".js-plotly-plot");
      if (!plot || !plot._fullLayout) { return; }
      var key = plot._fullLayout._uid || "drawn";
      if (box.dataset.latestShown === key) { return; }
      box.dataset.latestShown = key;
      if ((plot.data || []).some(function (t) { return t.type === "table"; })) { return; }  // a table reads from its left
      if (box.scrollWidth > box.clientWidth) { box.scrollLeft = box.scrollWidth - box.clientWidth; }
    });
  }
  setInterval(showLatest, 250);
})();
