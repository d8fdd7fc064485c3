// Small enhancements, no dependency, nothing fetched from elsewhere.
document$.subscribe(function () {
  // Acronym tooltips reachable with the keyboard, not only on hover.
  document.querySelectorAll("abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
});
