// Small enhancements, no dependency, nothing fetched from elsewhere.
document$.subscribe(function () {
  // Acronym tooltips reachable with the keyboard, not only on hover.
  document.querySelectorAll("abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
});

// « Citer cette page »: the stable address of the page, today's date, a copy button.
var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"];

function frenchDate(date) {
  var day = date.getDate() === 1 ? "1er" : String(date.getDate());
  return day + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
}

document$.subscribe(function () {
  document.querySelectorAll(".pkb-cite").forEach(function (cite) {
    var url = cite.querySelector(".pkb-cite-url");
    var date = cite.querySelector(".pkb-cite-date");
    if (url) url.textContent = location.href.split("#")[0];
    if (date) date.textContent = frenchDate(new Date());
    var button = cite.parentElement.querySelector(".pkb-cite-copy");
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(cite.textContent.trim()).then(function () {
        button.textContent = "Référence copiée";
      });
    });
  });
});
