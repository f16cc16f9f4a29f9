// Deep links to a claim (/trade#claim-...): Dash renders pages in the browser after load, so the
// browser's own jump to the #anchor finds nothing. Wait for the element, then scroll to it.
(function () {
  function scrollToHash() {
    var id = decodeURIComponent((window.location.hash || "").slice(1));
    if (!id) { return; }
    var tries = 0;
    var timer = setInterval(function () {
      var el = document.getElementById(id);
      tries += 1;
      if (el) {
        clearInterval(timer);
        el.scrollIntoView({block: "center"});
        el.classList.add("highlight");
      } else if (tries > 100) {
        clearInterval(timer);
      }
    }, 100);
  }
  window.addEventListener("load", scrollToHash);
  window.addEventListener("popstate", scrollToHash);
  window.addEventListener("_dashprivate_pushstate", scrollToHash);
})();
