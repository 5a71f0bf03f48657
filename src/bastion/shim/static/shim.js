"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var back = document.getElementById("back");
  if (!back) { return; }
  back.addEventListener("click", function () {
    if (window.history.length > 1) { window.history.back(); } else { window.close(); }
  });
});
