/*
 * The site's search worker, in place of Material's lunr worker (see overrides/main.html).
 * Material's search box talks to it with Material's own messages (SETUP → READY, QUERY →
 * RESULT: https://squidfunk.github.io/mkdocs-material/ — "custom search" worker), so the
 * box, the result list, the keyboard and the offline iframe shim work as before.
 *
 * The index is built at build time by partenariat/search_index.py: per document, its exact
 * names (n), near-exact names (l), words of its names and keywords (k), title (w) and text
 * (x), already normalised. A query is normalised the same way (accents, elisions, article
 * numbers joined), stop words and question words dropped, then ranked:
 *   1. exact name first (an acronym in any case, a title, a family name, an article number),
 *      its main name before its aliases; then a near-exact name (other number, no stop
 *      words); then a name the query begins;
 *   2. then by words, each matched exactly, in the other number, as a prefix (three letters
 *      or more: « a » or « du » never match as prefixes) or, when nothing else does, within
 *      one typing slip (two from eight letters), weighted by field and rarity, and pages
 *      holding every word of the query first.
 * Nothing found: the closest entries by name, after a notice linking to « Contribuer ».
 * No dependency, nothing fetched from elsewhere: the same code and data online and from file://.
 *
 * Loading costs nothing until the reader turns to search: overrides/main.html holds Material's
 * request for the index until then, and what Material then hands over (SETUP) is a stub naming
 * two shards (partenariat/export/search_index.py, `split_index`), which this worker loads
 * itself: the names first (READY: exact names, titles, acronyms answer at once, as partial
 * results), then the text, after which the last query is answered again from the whole index.
 */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  var FIELD_WEIGHT = {k: 8, w: 5, x: 1}
  var SECTION = 0.5 // a section weighs less than the page it belongs to
  var MAX_RESULTS = 30

  /* --- words: the same as partenariat/search_index.py ----------------------------------- */

  var LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'", "‘": "'"}
  var ARTICLE = /\b([lrd]) ?\.? ?(\d+(?:-\d+)+)/g
  var ELISION = /\b(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])'/g
  var WORD = /[a-z0-9]+(?:[-.][a-z0-9]+)*/g
  var STOP = new Set()

  function normalize(text) {
    return text.toLowerCase().replace(/[œæß’ʼ‘]/g, function (c) { return LIGATURES[c] })
      .normalize("NFKD").replace(/\p{Mn}/gu, "")
  }

  function words(text) {
    return normalize(text).replace(ARTICLE, "$1$2").replace(ELISION, " ").match(WORD) || []
  }

  function parts(word) {
    var pieces = word.split(/[-.]/).filter(Boolean)
    return pieces.length > 1 ? [word].concat(pieces) : [word]
  }

  function singular(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word
    if (/eaux$/.test(word)) return word.slice(0, -1)
    if (/aux$/.test(word)) return word.slice(0, -3) + "al"
    return /[sx]$/.test(word) ? word.slice(0, -1) : word
  }

  function key(list) { // leading stop words dropped, one word kept at least
    var i = 0
    while (i < list.length - 1 && STOP.has(list[i])) i++
    return list.slice(i).join(" ")
  }

  function looseKey(list) {
    return list.filter(function (w) { return !STOP.has(w) }).map(singular).join(" ")
  }

  /* --- the index ------------------------------------------------------------------------ */

  var docs = []          // as Material shows them, with our fields
  var postings, vocabulary, bySingular, exact, loose, byLocation
  var contribute = -1    // the « Contribuer » page, for « nothing found »

  function add(map, name, value) {
    var list = map.get(name)
    if (list) list.push(value); else map.set(name, [value])
  }

  function setup(data) {
    STOP = new Set(data.config.stop || [])
    docs = data.docs
    postings = new Map()   // word → [[doc, weight], …]
    bySingular = new Map() // singular → words
    exact = new Map(); loose = new Map() // name key → [[doc, main name?], …]
    byLocation = new Map() // location → doc
    contribute = -1
    docs.forEach(function (doc, i) {
      byLocation.set(doc.location, i)
      doc.page = doc.location.split("#")[0]
      doc.boost = (doc.b || 1) * (doc.location.indexOf("#") >= 0 ? SECTION : 1)
      for (var field in FIELD_WEIGHT)
        if (doc[field])
          doc[field].split(" ").forEach(function (word) { add(postings, word, [i, FIELD_WEIGHT[field]]) })
      ;(doc.n || []).forEach(function (name, j) { add(exact, name, [i, j === 0]); add(loose, name, [i, false]) })
      ;(doc.l || []).forEach(function (name) { add(loose, name, [i, false]) })
      if (doc.location.indexOf("#") < 0 && /^contribuer\//.test(doc.location)) contribute = i
    })
    vocabulary = Array.from(postings.keys()).sort() // sorted words, for prefixes
    vocabulary.forEach(function (word) { add(bySingular, singular(word), word) })
  }
  setup({config: {}, docs: []})

  /* --- the shards: names first, then the text (partenariat/export/search_index.py) ------------ */

  // This script's address: the worker's own, or, from file://, the <script> of the iframe that
  // Material's shim runs it in (which cannot fetch: it loads the shards as scripts).
  var HERE = (self.document && self.document.currentScript && self.document.currentScript.src) ||
             String(self.location && self.location.href)
  var FROM_FILE = /^file:/.test(HERE)
  var loaded = {}
  self.pkbSearchShard = function (name, data) { loaded[name] = data } // what a shard script calls

  function loadShard(name) {
    var url = new URL("../../../search/" + name + (FROM_FILE ? ".js" : ".json"), HERE).href
    if (FROM_FILE) // the shim's importScripts returns a promise
      return Promise.resolve(importScripts(url)).then(function () {
        if (!loaded[name]) throw new Error(url + " not loaded")
        return loaded[name]
      })
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status)
      return response.json()
    })
  }

  function strip(doc) {
    var out = {}
    for (var key in doc) if (key !== "i") out[key] = doc[key]
    return out
  }

  function namesIndex(names) {
    return {config: names.config, docs: names.docs.map(strip)}
  }

  function wholeIndex(names, text) { // the index make_index wrote, documents in their order
    var all = new Array(names.count)
    names.docs.concat(text.docs).forEach(function (doc) { all[doc.i] = strip(doc) })
    text.words.forEach(function (entry) { all[entry[0]].x = entry[1] })
    return {config: names.config, docs: all}
  }

  /* --- matching words ------------------------------------------------------------------- */

  function prefixed(term) {
    var lo = 0, hi = vocabulary.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (vocabulary[mid] < term) lo = mid + 1; else hi = mid
    }
    var out = []
    for (var i = lo; i < vocabulary.length && vocabulary[i].lastIndexOf(term, 0) === 0; i++) out.push(vocabulary[i])
    return out
  }

  /* Optimal string alignment distance, given up beyond `max` */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1
    var prev2 = [], prev = [], row = []
    for (var j = 0; j <= b.length; j++) prev[j] = j
    for (var i = 1; i <= a.length; i++) {
      row = [i]
      var best = i
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1)
        row[j] = d
        if (d < best) best = d
      }
      if (best > max) return max + 1
      prev2 = prev; prev = row
    }
    return prev[b.length]
  }

  /* The index words a query word stands for, with how well each matches (1 = exactly) */
  function matches(term) {
    var found = new Map()
    if (postings.has(term)) found.set(term, 1)
    ;(bySingular.get(singular(term)) || []).forEach(function (w) { if (!found.has(w)) found.set(w, 0.95) })
    if (term.length >= 3 && !/^\d+$/.test(term))
      prefixed(term).forEach(function (w) { if (!found.has(w)) found.set(w, 0.7) })
    if (!found.size && term.length >= 5 && /^[a-z]+$/.test(term)) {
      var max = term.length >= 8 ? 2 : 1
      vocabulary.forEach(function (w) { if (distance(term, w, max) <= max) found.set(w, 0.6) })
    }
    if (!found.size && term.indexOf("-") > 0) // « saint-omer » not indexed whole: its parts
      return null
    return found
  }

  function queryTerms(list) {
    var terms = []
    list.forEach(function (word) {
      if (STOP.has(word)) return
      var found = matches(word)
      if (found === null)
        parts(word).slice(1).forEach(function (part) { if (!STOP.has(part)) terms.push({word: part, found: matches(part) || new Map()}) })
      else
        terms.push({word: word, found: found})
    })
    return terms
  }

  /* --- ranking -------------------------------------------------------------------------- */

  function wordScores(terms) {
    var scores = new Map() // doc → [score per term]
    var total = docs.length
    terms.forEach(function (term, t) {
      term.found.forEach(function (quality, word) {
        var list = postings.get(word)
        var rarity = term.flat ? 1 : Math.log(1 + total / list.length)
        list.forEach(function (posting) {
          var row = scores.get(posting[0])
          if (!row) scores.set(posting[0], row = new Array(terms.length).fill(0))
          row[t] = Math.max(row[t], posting[1] * quality * rarity)
        })
      })
    })
    return scores
  }

  function nameBonus(list) {
    var bonus = new Map()
    function raise(i, value) { bonus.set(i, Math.max(bonus.get(i) || 0, value)) }
    var whole = key(list), plain = looseKey(list)
    ;(exact.get(whole) || []).forEach(function (hit) { raise(hit[0], hit[1] ? 4e6 : 2e6) })
    if (plain) (loose.get(plain) || []).forEach(function (hit) { raise(hit[0], 1e6) })
    if (whole.indexOf(" ") > 0) // the beginning of a name: « un niveau minimal de partenariat »
      exact.forEach(function (hits, name) {
        if (name.lastIndexOf(whole + " ", 0) === 0) hits.forEach(function (hit) { raise(hit[0], 5e5) })
      })
    return bonus
  }

  /* Typing « pa » or « par »: nothing to rank by yet but the word being typed, as a prefix */
  function typing(list) {
    var last = list[list.length - 1]
    if (!last || last.length < 2) return []
    var found = new Map()
    prefixed(last).forEach(function (w) { found.set(w, 0.5) })
    return found.size ? [{word: last, found: found, flat: true}] : [] // flat: no rarity, names first
  }

  /* « quelle loi… », « quel texte… », « que dit l'article… »: the question asks for a legal
     text, so legal texts rank before pages that merely share its words (a law's acronym) */
  var QUESTION_WORDS = new Set(["quel", "quelle", "quels", "quelles", "que", "dit"])
  var LEGAL_WORDS = new Set(["loi", "lois", "texte", "textes", "article", "articles", "circulaire", "decret",
                             "ordonnance", "art"])
  function asksForLegalText(list) {
    for (var i = 0; i + 1 < list.length && i < 3; i++)
      if (QUESTION_WORDS.has(list[i]) && LEGAL_WORDS.has(list[i + 1])) return true
    return false
  }

  function rank(query) {
    var list = words(query)
    var terms = queryTerms(list)
    if (!terms.some(function (term) { return term.found.size })) terms = typing(list)
    var scores = wordScores(terms)
    var bonus = nameBonus(list)
    var ranked = new Map() // doc → score
    scores.forEach(function (row, i) {
      var missing = row.filter(function (s) { return s === 0 }).length
      var sum = row.reduce(function (a, b) { return a + b }, 0)
      ranked.set(i, sum * Math.pow(0.2, missing))
    })
    bonus.forEach(function (value, i) { ranked.set(i, (ranked.get(i) || 0) + value) })
    var legal = asksForLegalText(list)
    ranked.forEach(function (score, i) {
      var asked = legal && docs[i].tags && docs[i].tags.indexOf("texte juridique") >= 0 ? 10 : 1
      ranked.set(i, score * docs[i].boost * asked)
    })
    return {list: list, terms: terms, ranked: ranked}
  }

  /* --- results as Material shows them ------------------------------------------------------ */

  function escape(text) {
    return text.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";" })
  }

  var normalized = new Map() // word shown → normalised, for highlighting
  function normalizeShown(word) {
    var out = normalized.get(word)
    if (out === undefined) {
      if (normalized.size > 50000) normalized.clear()
      normalized.set(word, out = normalize(word))
    }
    return out
  }

  function highlight(text, marked) {
    var out = "", last = 0, re = /[\p{L}\p{N}]+/gu, m
    while ((m = re.exec(text))) {
      var word = normalizeShown(m[0])
      out += escape(text.slice(last, m.index))
      out += marked.has(word) ? "<mark>" + escape(m[0]) + "</mark>" : escape(m[0])
      last = m.index + m[0].length
    }
    return out + escape(text.slice(last))
  }

  function item(doc, score, marked, terms) {
    var out = {location: doc.location, title: highlight(doc.title, marked), text: highlight(doc.text || "", marked),
               score: score, terms: terms}
    if (doc.tags) out.tags = doc.tags
    return out
  }


  function groups(ranked, marked, terms) {
    var byPage = new Map()
    ranked.forEach(function (score, i) {
      if (score <= 0) return
      var page = docs[i].page
      var group = byPage.get(page) || {score: 0, sections: []}
      group.score = Math.max(group.score, score)
      if (docs[i].location !== page) group.sections.push([i, score])
      byPage.set(page, group)
    })
    return Array.from(byPage.entries())
      .sort(function (a, b) { return b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1) })
      .slice(0, MAX_RESULTS)
      .map(function (entry) {
        var page = byLocation.has(entry[0]) ? byLocation.get(entry[0]) : -1, group = entry[1]
        var items = page >= 0 ? [item(docs[page], group.score, marked, terms)] : []
        group.sections.sort(function (a, b) { return b[1] - a[1] }).slice(0, 5).forEach(function (s) {
          items.push(item(docs[s[0]], s[1], marked, terms))
        })
        return items
      })
      .filter(function (items) { return items.length })
  }

  /* Character trigrams of a text, for « closest entries » */
  function trigrams(text) {
    var padded = "  " + text + " ", out = new Set()
    for (var i = 0; i < padded.length - 2; i++) out.add(padded.slice(i, i + 3))
    return out
  }

  function closest(query, count) {
    var wanted = trigrams(words(query).join(" ")), best = []
    docs.forEach(function (doc, i) {
      if (!doc.n || !doc.tags) return
      var score = 0
      doc.n.forEach(function (name) {
        var grams = trigrams(name), common = 0
        grams.forEach(function (g) { if (wanted.has(g)) common++ })
        score = Math.max(score, 2 * common / (grams.size + wanted.size))
      })
      if (score >= 0.2) best.push([i, score])
    })
    return best.sort(function (a, b) { return b[1] - a[1] }).slice(0, count)
  }

  function nothingFound(query) {
    var items = []
    if (contribute >= 0)
      items.push([{location: docs[contribute].location, score: 0, terms: {},
                   title: "Aucune fiche ne correspond à « " + escape(query.trim()) + " »",
                   text: "Voici les entrées les plus proches. Une notion, un sigle ou un auteur manque ? " +
                         "<strong>Proposer un ajout</strong> : la page Contribuer explique comment."}])
    closest(query, 5).forEach(function (hit) { items.push([item(docs[hit[0]], hit[1], new Set(), {})]) })
    return {items: items}
  }

  function suggestion(query) {
    var last = query.split(/[\s-]+/).pop()
    if (!last) return []
    var words = prefixed(normalize(last)).filter(function (w) { return w.lastIndexOf(last, 0) === 0 })
    words.sort(function (a, b) { return postings.get(b).length - postings.get(a).length })
    return words.length ? [words[0]] : []
  }

  function search(query, options) {
    if (!query.trim()) return {items: []}
    var result = rank(query)
    var marked = new Set(), terms = {}
    result.terms.forEach(function (term) {
      if (term.found.size) terms[term.word] = true
      term.found.forEach(function (quality, word) { parts(word).forEach(function (p) { marked.add(p) }) })
    })
    var items = groups(result.ranked, marked, terms)
    if (!items.length) return nothingFound(query)
    var out = {items: items}
    if (options && options.suggest) out.suggest = suggestion(query)
    return out
  }

  /* --- messages ------------------------------------------------------------------------- */

  var options = {}
  var complete = true   // the whole index is searched (false while only the names are)
  var unanswered = null // the last query answered from the names only, answered again once complete
  self.pkbSearch = {normalize: normalize, words: words, key: key, looseKey: looseKey, singular: singular,
                    setup: setup, search: function (q) { return search(q, options) }}

  function answer(query) {
    var result
    try {
      result = search(query, options)
    } catch (err) {
      console.warn("search: " + err)
      result = {items: []}
    }
    result.query = query // Material ignores both; tests wait for the whole answer to their query
    if (!complete) result.partial = true
    unanswered = complete ? null : query
    postMessage({type: RESULT, data: result})
  }

  function start(data) {
    var shards = data.config.shards
    if (!shards) { // a whole index (tests)
      setup(data)
      postMessage({type: READY})
      return
    }
    complete = false
    loadShard(shards[0]).then(function (names) {
      setup(namesIndex(names))
      postMessage({type: READY})
      return loadShard(shards[1]).then(function (text) {
        setup(wholeIndex(names, text))
        complete = true
        if (unanswered !== null) answer(unanswered)
      })
    }).catch(function (err) { console.warn("search: " + err) })
  }

  self.addEventListener("message", function (ev) {
    var message = ev.data
    if (!message || typeof message.type !== "number") return
    if (message.type === SETUP) {
      options = message.data.options || {}
      start(message.data)
    } else if (message.type === QUERY) {
      answer(String(message.data))
    }
  })
})()
