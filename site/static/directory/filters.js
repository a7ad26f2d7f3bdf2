/* The directory's filter button on a phone: folds and unfolds the filters without reloading,
   keeping the state in the address (?filters=open). Without this script the button is a link
   to the same address, which the server answers with the filters unfolded. */
(function () {
  "use strict";
  var toggle = document.getElementById("directory-filters-toggle");
  var facets = document.getElementById("directory-facets");
  if (!toggle || !facets || !window.history) return;
  toggle.setAttribute("role", "button");
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    var open = !facets.classList.contains("is-open");
    facets.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var href = open ? toggle.dataset.openHref : toggle.dataset.closedHref;
    toggle.setAttribute("href", href);
    window.history.replaceState(null, "", href);
    if (open) facets.scrollIntoView({ block: "start" });
  });
})();
