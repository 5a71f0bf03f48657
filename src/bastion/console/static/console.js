"use strict";
// Keyboard-first review: single keys act on the page's buttons (never while typing in a field);
// Ctrl+K (or "/") opens the command palette. No inline script anywhere: the CSP forbids it.
(function () {
  var KEYS = { u: "decide-uphold", d: "decide-dismiss", s: "skip", e: "escalate", n: "claim-next", c: "claim" };

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function press(id) {
    var button = document.getElementById(id);
    if (button) { button.click(); return true; }
    return false;
  }

  function openPalette() {
    var dialog = document.getElementById("palette");
    var input = document.getElementById("palette-input");
    if (!dialog || dialog.open) { return; }
    input.value = "";
    filter("");
    dialog.showModal();
    input.focus();
  }

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("#palette-list li"));
  }

  function filter(text) {
    var needle = text.toLowerCase();
    var first = true;
    items().forEach(function (li) {
      var show = li.textContent.toLowerCase().indexOf(needle) !== -1 &&
        (!li.dataset.click || document.getElementById(li.dataset.click));
      li.hidden = !show;
      li.classList.toggle("selected", show && first);
      if (show) { first = false; }
    });
  }

  function run(li) {
    document.getElementById("palette").close();
    if (li.dataset.href) { window.location.assign(li.dataset.href); }
    else if (li.dataset.click) { press(li.dataset.click); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("palette-input");
    if (input) {
      input.addEventListener("input", function () { filter(input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          var chosen = document.querySelector("#palette-list li.selected");
          if (chosen) { event.preventDefault(); run(chosen); }
        }
      });
      items().forEach(function (li) { li.addEventListener("click", function () { run(li); }); });
    }
  });

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      openPalette();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (event.key === "/") { event.preventDefault(); openPalette(); return; }
    var id = KEYS[event.key];
    if (id && press(id)) { event.preventDefault(); }
  });
})();
