/* OpenECF's one script, served by the app. Everything works without it: it adds the drop-down buttons of the
   menu bar (WAI-ARIA APG "disclosure navigation"; each top item stays a link to its menu's own page) and takes
   a keyboard or screen-reader user straight to a form's errors. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function items() { return document.querySelectorAll(".menubar .has-dropdown"); }

  function setOpen(item, open) {
    var toggle = item.querySelector(".menubar-toggle");
    item.classList.toggle("open", open);
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeAll(except) {
    items().forEach(function (item) { if (item !== except) setOpen(item, false); });
  }

  function init() {
    items().forEach(function (item) {
      var toggle = item.querySelector(".menubar-toggle");
      if (!toggle) return;
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = !item.classList.contains("open");
        closeAll(item);
        item.classList.remove("dismissed");
        setOpen(item, open);
      });
      item.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        // Escape closes the menu (also one opened by hovering) and leaves the focus on its button.
        setOpen(item, false);
        item.classList.add("dismissed");
        toggle.focus();
      });
      item.addEventListener("focusout", function (event) {
        if (!item.contains(event.relatedTarget)) setOpen(item, false);
      });
      item.addEventListener("mouseleave", function () { item.classList.remove("dismissed"); });
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".menubar .has-dropdown")) closeAll(null);
    });
  }

  function focusErrors() {
    // A form's error summary, or the one field in error (its error is tied to it and read with it).
    var target = document.querySelector("[data-focus-on-load]");
    if (target && !target.hasAttribute("tabindex")) target = target.querySelector("input, select, textarea");
    if (target) target.focus();
  }

  function start() { init(); focusErrors(); }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
