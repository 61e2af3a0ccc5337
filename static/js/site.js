// Versus: progressive enhancement only. Every page works without this script; it adds a
// theme toggle and copy-link buttons.
(function () {
  "use strict";

  var root = document.documentElement;

  // A polite live region announces what the buttons did, without stealing focus.
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // Theme toggle: switches between light and dark and remembers the choice. Its label
  // says what it will do ("Dark theme" while the light one shows), so it is a plain
  // button, not a pressed/unpressed toggle.
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set === "light" || set === "dark") return set;
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }
  var tools = document.getElementById("header-tools");
  if (tools) {
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "theme-toggle";
    toggle.id = "theme-toggle";
    var render = function () {
      toggle.textContent = currentTheme() === "dark" ? "Light theme" : "Dark theme";
    };
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("versus-theme", next); } catch (e) { /* not persisted */ }
      render();
      announce(next === "dark" ? "Dark theme on" : "Light theme on");
    });
    // Without a saved choice the page follows the system, which can change while it is open.
    if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", render);
    render();
    tools.appendChild(toggle);
  }

  // Copy-link buttons next to each row's permalink: copy the canonical URL of the row.
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : window.location.href.split("#")[0];
  var links = document.querySelectorAll("tr.feature a.permalink");
  Array.prototype.forEach.call(links, function (link) {
    if (!navigator.clipboard) return;
    var id = link.getAttribute("href").slice(1);
    var title = link.getAttribute("aria-label").replace(/^Link to /, "");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to " + title);
    button.addEventListener("click", function () {
      var url = base + "#" + id;
      navigator.clipboard.writeText(url).then(function () {
        button.textContent = "Copied";
        announce("Link to " + title + " copied");
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      }, function () {
        announce("Could not copy the link; use the # link instead");
      });
    });
    link.insertAdjacentElement("afterend", button);
  });
})();
