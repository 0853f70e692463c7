/* Search, when it finds nothing: a way on to the guided check.
 *
 * The theme's script writes its "no results" words into the search panel; the
 * panel (theme/partials/search.html) also holds a hidden link to the guided
 * check, in the page's words, beside the theme's result component. This shows
 * the link while the panel says that a query found nothing, and lets the arrow
 * keys reach it as they reach results (the theme closes search on Tab). The
 * panel stays when the theme's instant navigation brings another page, so this
 * runs once.
 */
(function () {
  "use strict";

  function init() {
    var hint = document.querySelector("[data-hs-search-none]");
    var result = document.querySelector("[data-md-component=search-result]");
    var query = document.querySelector("[data-md-component=search-query]");
    var config = document.getElementById("__config");
    if (!hint || !result || !query || !config || hint.hasAttribute("data-hs-ready")) return;
    hint.setAttribute("data-hs-ready", "");
    var none = JSON.parse(config.textContent).translations["search.result.none"];
    var meta = result.firstElementChild;
    var list = result.lastElementChild;
    var link = hint.querySelector("a");

    function update() {
      hint.hidden = !(query.value.trim() && !list.firstElementChild && meta.textContent.trim() === none);
    }
    new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
    query.addEventListener("input", update);
    // Before the theme's handler on the window, which would keep focus in the box.
    query.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowDown" || hint.hidden) return;
      ev.preventDefault();
      ev.stopPropagation();
      link.focus();
    });
    link.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowUp") return;
      ev.preventDefault();
      ev.stopPropagation();
      query.focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
