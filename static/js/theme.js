// Versus: applies the reader's saved theme before the page paints. Loaded synchronously as
// the first thing in <body>, so a saved dark theme never flashes light. Without it (or
// without a saved choice) the page follows prefers-color-scheme.
(function () {
  "use strict";
  try {
    var saved = localStorage.getItem("versus-theme");
    if (saved === "light" || saved === "dark") {
      document.documentElement.setAttribute("data-theme", saved);
    }
  } catch (e) {
    /* storage can be blocked; the system theme applies */
  }
})();
