/*
 * Material for MkDocs' search worker, with the query adapted to French before it reaches
 * lunr. The index itself is prepared at build time (partenariat/search_index.py); this
 * file is loaded instead of Material's worker by overrides/main.html, which passes the name
 * of Material's worker (same folder) as ?worker=.
 *
 * 1. Stop words (« du », « de la », « l' »…) are dropped. Material gives every term a
 *    trailing wildcard, which skips lunr's stop-word filter: « du » became « du* »,
 *    matching « Dubois » or « durable », and pages without such a word were ranked as
 *    missing a term. The index holds no stop words, so nothing is lost.
 * 2. A word of five letters or more that begins no word of the index (a typo:
 *    « partenairiat ») is replaced by the two most frequent words of the index within one
 *    edit (two from nine letters): « partenariat partenariats ».
 */
(function () {
  "use strict"

  var QUERY = 2 // Material's SearchMessageType.QUERY
  var index // the lunr index Material builds, captured below

  function words(term) {
    var separator = new RegExp(self.lunr.tokenizer.separator.source, "g")
    return term.toLowerCase().split(separator).filter(Boolean)
  }

  function isStopWord(term) {
    return words(term).every(function (word) {
      return !self.lunr.fr.stopWordFilter(word)
    })
  }

  function indexWords(pattern) {
    return index.tokenSet.intersect(pattern).toArray()
  }

  function frequency(token) {
    var posting = index.invertedIndex[token], count = 0
    for (var field in posting)
      if (field !== "_index")
        count += Object.keys(posting[field]).length
    return count
  }

  function correct(word) {
    if (word.length < 5 || !/^\p{L}+$/u.test(word) || indexWords(self.lunr.TokenSet.fromString(word + "*")).length)
      return word
    var near = indexWords(self.lunr.TokenSet.fromFuzzyString(word, word.length < 9 ? 1 : 2))
      .filter(function (token) { return /^\p{L}+$/u.test(token) })
      .sort(function (a, b) { return frequency(b) - frequency(a) || (a < b ? -1 : 1) })
    return near.length ? near.slice(0, 2).join(" ") : word
  }

  function rewrite(query) {
    var terms = query.trim().split(/\s+/)
    var plain = function (term) { return !/^[+\-]|[:~^*"]/.test(term) } // lunr syntax kept as typed
    var kept = terms.filter(function (term) { return !plain(term) || !isStopWord(term) })
    if (!kept.length)
      return query
    return kept.map(function (term) {
      return plain(term) && index ? words(term).map(correct).join(" ") : term
    }).join(" ")
  }

  /* Registered before Material's handler, which then sees the rewritten query */
  self.addEventListener("message", function (ev) {
    var message = ev.data
    if (message && message.type === QUERY && typeof message.data === "string" && self.lunr && self.lunr.fr)
      message.data = rewrite(message.data)
  })

  /* In a worker, this script's URL is the location; offline (file://), Material runs the
     worker in an iframe (iframe-worker), where importScripts is asynchronous */
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href
  var name = (new URL(here).searchParams.get("worker") || "").split("?")[0]
  Promise.resolve(importScripts(new URL(name, here).href)).then(function () {
    var build = self.lunr.Builder.prototype.build
    self.lunr.Builder.prototype.build = function () {
      return (index = build.apply(this, arguments))
    }
  })
})()
