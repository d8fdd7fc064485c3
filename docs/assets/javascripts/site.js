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

// Print: external addresses become numbered notes at the end of the fiche (internal
// addresses are not printed; the citation gives the page's own address once).
document$.subscribe(function () {
  var article = document.querySelector(".md-content .md-typeset");
  if (!article || article.querySelector(".pkb-print-notes")) return;
  var numbers = {};
  var list = document.createElement("ol");
  list.className = "pkb-print-notes";
  article.querySelectorAll("a[href]").forEach(function (a) {
    if (a.host === location.host || !/^https?:$/.test(a.protocol)) return;
    if (a.closest("svg, .pkb-more, details") || a.textContent.trim() === a.href) return;
    if (!numbers[a.href]) {
      numbers[a.href] = list.children.length + 1;
      var item = document.createElement("li");
      item.textContent = a.href;
      list.appendChild(item);
    }
    var ref = document.createElement("sup");
    ref.className = "pkb-note-ref";
    ref.textContent = "[" + numbers[a.href] + "]";
    a.after(ref);
  });
  if (list.children.length) article.appendChild(list);
  document.querySelectorAll(".pkb-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});

// A link to a section or an anchor inside a closed block opens it.
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var target = id && document.getElementById(id);
  for (var node = target; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
}
document$.subscribe(openTarget);
window.addEventListener("hashchange", openTarget);
window.addEventListener("beforeprint", function () {
  document.querySelectorAll(".md-content details").forEach(function (d) { d.setAttribute("open", ""); });
});

// The search dialog gets a name for assistive technologies.
document$.subscribe(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Recherche dans le site");
});
