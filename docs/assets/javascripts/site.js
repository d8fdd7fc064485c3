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

// Search-as-you-type filter over the tables of a `.pkb-filter` block (cases, glossary). A table
// left without a row is hidden with its heading (a letter of the glossary), and the status
// says so; when nothing matches, it points to the site's search and to « Contribuer ».
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").toLowerCase();
}

// Material wraps each table in scrolling boxes: the box is what sits after the heading.
function tableBox(table) {
  return table.closest(".md-typeset__scrollwrap") || table;
}

function headingBefore(box) {
  var previous = box.previousElementSibling;
  return previous && /^H[2-6]$/.test(previous.tagName) ? previous : null;
}

function contributeLink() {
  var link = document.querySelector("a.md-nav__link[href*='contribuer']");
  return link ? link.href : null;
}

function filterStatus(status, query, shown, emptyGroups) {
  status.textContent = "";
  if (!query) return;
  if (shown === 0) {
    status.append("Aucun résultat pour « " + query + " ». Essayez la recherche du site (en haut de la page)");
    var href = contributeLink();
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "proposez un ajout";
      status.append(" ou ", link);
    }
    status.append(".");
    return;
  }
  var text = shown + " résultat" + (shown > 1 ? "s" : "");
  if (emptyGroups) text += " ; " + emptyGroups + " rubrique" + (emptyGroups > 1 ? "s" : "") + " sans résultat masquée" + (emptyGroups > 1 ? "s" : "");
  status.textContent = text + ".";
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
    // the invitation to type exists only with its box (absent without JavaScript)
    var hint = block.getAttribute("data-hint");
    if (hint) {
      var invitation = document.createElement("p");
      invitation.className = "pkb-filter-hint";
      invitation.textContent = hint;
      block.prepend(invitation);
    }
    var tables = Array.prototype.slice.call(block.querySelectorAll("table"));
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0, emptyGroups = 0;
      tables.forEach(function (table) {
        var inTable = 0;
        table.querySelectorAll("tbody tr").forEach(function (row) {
          var text = fold(row.textContent);
          var match = words.every(function (w) { return text.indexOf(w) !== -1; });
          row.hidden = !match;
          if (match) inTable += 1;
        });
        var empty = inTable === 0;
        var box = tableBox(table);
        box.hidden = empty;
        var heading = headingBefore(box);
        if (heading) heading.hidden = empty;
        if (empty) emptyGroups += 1;
        shown += inTable;
      });
      filterStatus(status, input.value.trim(), shown, emptyGroups);
    });
  });
});

// Search: when our worker finds nothing, its first result is a notice (closest entries
// follow); the count above the list says so instead of « n documents trouvés ».
document$.subscribe(function () {
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  if (!list || !meta || list.dataset.pkbWatched) return;
  list.dataset.pkbWatched = "true";
  new MutationObserver(function () {
    var first = list.querySelector(".md-search-result__item h1");
    if (first && first.textContent.indexOf("Aucune fiche ne correspond") === 0)
      meta.textContent = "Aucun résultat exact : entrées les plus proches";
  }).observe(list, {childList: true});
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

// The address to share for a link of this site: the published address when the site knows it
// (<meta name="pkb-published">), else the page's place in the site (« referentiels/bts-esf/#c4-1 »):
// never a file:// path of the offline copy, never a local server's address.
function sharedAddress(href) {
  var root = (typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location)).href;
  var inSite = href.indexOf(root) === 0 ? href.slice(root.length) : href;
  inSite = inSite.replace(/(^|\/)index\.html(?=#|$)/, "$1");
  var published = document.querySelector('meta[name="pkb-published"]');
  if (published) return published.content.replace(/\/?$/, "/") + inSite;
  return inSite;
}

// Curricula: beside each item's permanent link, a button that copies its full address.
document$.subscribe(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("a.pkb-item-link").forEach(function (link) {
    if (link.nextElementSibling && link.nextElementSibling.classList.contains("pkb-copy-link")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pkb-copy-link";
    button.textContent = "copier le lien";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(sharedAddress(link.href)).then(function () {
        button.textContent = "lien copié";
      });
    });
    link.after(button);
  });
});

// Phone: the drawer opens at the current page, scrolled to it (Material opens the current section
// at its top: in a section of 80 notions the current one was 4,000 px further down).
document$.subscribe(function () {
  var toggle = document.getElementById("__drawer");
  if (!toggle || toggle.getAttribute("data-pkb-scroll")) return;
  toggle.setAttribute("data-pkb-scroll", "1");
  toggle.addEventListener("change", function () {
    if (!toggle.checked) return;
    var active = Array.prototype.filter.call(
      document.querySelectorAll(".md-sidebar--primary .md-nav__link--active"),
      function (link) { return link.getBoundingClientRect().height > 0; }).pop();
    if (active) active.scrollIntoView({ block: "center" });
  });
});
