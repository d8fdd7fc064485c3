// Small enhancements, no dependency, nothing fetched from elsewhere.
document$.subscribe(function () {
  // Acronym tooltips reachable with the keyboard, not only on hover.
  document.querySelectorAll("abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
  });
});

// « Citer cette page »: today's date and a copy button. The address is written at build
// time (the published one, from SITE_URL), never the browser's own (a file:// path offline).
var MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"];

function frenchDate(date) {
  var day = date.getDate() === 1 ? "1er" : String(date.getDate());
  return day + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
}

document$.subscribe(function () {
  document.querySelectorAll(".pkb-cite").forEach(function (cite) {
    var date = cite.querySelector(".pkb-cite-date");
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

// Search-as-you-type filter over the tables of a `.pkb-filter` block (cases, glossary).
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

document$.subscribe(function () {
  document.querySelectorAll(".pkb-filter").forEach(function (block) {
    if (block.querySelector(".pkb-filter-input")) return;
    var label = block.getAttribute("data-label") || "Filtrer";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "md-input pkb-filter-input";
    input.placeholder = label + "…";
    input.setAttribute("aria-label", label);
    var status = document.createElement("p");
    status.className = "pkb-filter-status";
    status.setAttribute("aria-live", "polite");
    block.prepend(status);
    block.prepend(input);
    var rows = Array.prototype.slice.call(block.querySelectorAll("tbody tr"));
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.textContent);
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = words.length ? shown + " résultat" + (shown > 1 ? "s" : "") : "";
    });
  });
});

// Print: every link of the text shows its full address; quiz answers and the citation open.
document$.subscribe(function () {
  document.querySelectorAll(".md-content .md-typeset a[href]").forEach(function (a) {
    if (a.classList.contains("headerlink") || a.getAttribute("href").charAt(0) === "#") return;
    if (a.closest("svg")) return;
    if (a.textContent.trim() === a.href) return;  // already shows its address (citations)
    a.setAttribute("data-print-url", a.href);
  });
  document.querySelectorAll(".pkb-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
window.addEventListener("beforeprint", function () {
  document.querySelectorAll(".md-content details").forEach(function (d) { d.setAttribute("open", ""); });
});

// The search dialog gets a name for assistive technologies.
document$.subscribe(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Recherche dans le site");
});
