"""French grammar for generated sentences: elision, contraction and the article of a body's name.

Every sentence the site builds around data (a question's stem, its feedback, a quotation's
credit) goes through `fill`: a template whose placeholders take data values, with the word
before a placeholder elided or contracted as the value requires (« de « Altérité » » →
« d'« Altérité » », « de Evelyne Simondi » → « d'Evelyne Simondi », « de le Réseau » →
« du Réseau »). Data values themselves are never changed. `missing_elisions` finds what
`fill` would have corrected, so that a test can read every generated sentence.
"""

from __future__ import annotations

import re

from partenariat.base.folding import fold

VOWELS = set("aeiouy")
# Words whose « h » is aspirated (no elision: « de handicap », « la hiérarchie »), and words
# starting with a vowel letter read with a consonant (« de Yannick », « le yaourt », « de ouate »).
H_ASPIRE = {"hasard", "haut", "haute", "hauts", "hautes", "handicap", "handicaps", "handicape", "handicapes",
            "hierarchie", "hierarchies", "hierarchique", "hierarchiques", "hors", "honte", "hall", "harcelement"}
CONSONANT_SOUNDS = {"yaourt", "yannick", "yoga", "ouate", "oui", "onze", "onzieme"}
ACRONYM_VOWELS = set("AEIOU")

# The word before a placeholder and what it becomes before a vowel sound.
ELIDED = {"de": "d'", "le": "l'", "la": "l'", "que": "qu'", "ne": "n'", "je": "j'", "se": "s'", "me": "m'",
          "te": "t'", "lorsque": "lorsqu'", "puisque": "puisqu'", "jusque": "jusqu'", "presque": "presqu'"}
# « de le Réseau » → « du Réseau », « à les Acteurs » → « aux Acteurs ».
CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}

# Head nouns of bodies' names and the article they take (« la Commission de terminologie »).
# A name whose head noun is not here is a proper name used without article (« ATD Quart Monde »).
FEMININE = {"commission", "association", "caisse", "direction", "ecole", "ligue", "federation", "agence",
            "mission", "delegation", "union", "maison", "cour", "fondation", "confederation", "coordination",
            "communaute", "equipe", "revue", "universite", "chaire", "cooperative", "plateforme", "societe"}
MASCULINE = {"reseau", "ministere", "institut", "centre", "observatoire", "conseil", "comite", "service",
             "secretariat", "departement", "groupement", "office", "fonds", "collectif", "syndicat",
             "laboratoire", "musee", "haut"}
PLURAL = {"acteurs", "ateliers", "services", "partenaires", "professionnels", "participants", "membres",
          "editions"}


def _fold(word: str) -> str:
    return fold(word).casefold()


def _first_word(text: str) -> str:
    """The first word a reader pronounces: after opening quotes, brackets, emphasis and links."""
    match = re.match(r"[\s«»\"“”'‘’(\[*_]*([^\s«»\"“”()\[\]*_',.;:!?’-]+)", text)
    return match.group(1) if match else ""


def starts_with_vowel_sound(text: str) -> bool:
    """Whether a French word (or the first word of ``text``) begins with a vowel sound."""
    word = _first_word(text)
    if not word:
        return False
    if len(word) > 1 and word.isupper() and any(c.isalpha() for c in word):  # an acronym read letter by letter
        return _fold(word[0]).upper() in ACRONYM_VOWELS
    folded = _fold(word)
    if folded in CONSONANT_SOUNDS or folded in H_ASPIRE:
        return False
    first = folded[0]
    if first == "y":  # « Yvon » elides, « Yannick » does not
        return len(folded) > 1 and folded[1] not in VOWELS
    if first == "h":  # mute h unless listed (« l'hybridation », « d'Habitat Formation »)
        return True
    return first in VOWELS


def with_article(name: str) -> str:
    """A body's name with the article its head noun takes: « le Réseau national… »,
    « l'Institut national… », « la Commission… », « les Acteurs… »; else the name alone."""
    head = _fold(_first_word(name))
    if head in PLURAL:
        return f"les {name}"
    if head in FEMININE or head in MASCULINE:
        if starts_with_vowel_sound(name):
            return f"l'{name}"
        return f"{'la' if head in FEMININE else 'le'} {name}"
    return name


def join(word: str, value: str) -> str:
    """``word`` followed by ``value``, elided or contracted as French requires: join("de",
    "« Altérité »") is « d'« Altérité » », join("de", "le Réseau") is « du Réseau »."""
    lower = word.casefold()
    for article in ("les", "le"):
        if value.startswith(article + " ") and (lower, article) in CONTRACTED:
            joined = CONTRACTED[(lower, article)]
            return _case_like(word, joined) + value[len(article):]
    if lower in ELIDED and starts_with_vowel_sound(value):
        return _case_like(word, ELIDED[lower]) + value
    return f"{word} {value}"


def _case_like(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


_PLACEHOLDER = re.compile(r"(?:(?<![\w'’])(\w+) )?\{(\w+)\}")


def fill(template: str, **values: str) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``, the template's word just
    before a placeholder elided or contracted to fit the value (the values are not changed)."""

    def replace(match: re.Match[str]) -> str:
        word, name = match.group(1), match.group(2)
        value = values[name]
        if word is None:
            return value
        if word.casefold() in ELIDED or any(word.casefold() == w for w, _ in CONTRACTED):
            return join(word, value)
        return f"{word} {value}"

    return _PLACEHOLDER.sub(replace, template)


def lead_in(words: str, name: str) -> str:
    """The words before a name, fitted to it: lead_in("Remarque de", "Evelyne Simondi") is
    « Remarque d' », lead_in("Question posée par", "Réseau national…") « Question posée par le »
    (with its trailing space); without a name, « Remarque : »."""
    if not name:
        return words.rsplit(" ", 1)[0] + " : "
    full = fill(words + " {name}", name=with_article(name))
    return full[: len(full) - len(name)]


_UNELIDED = re.compile(r"(?<![\w'’-])(" + "|".join(ELIDED) + r") (?=\S)", re.IGNORECASE)
_UNCONTRACTED = re.compile(r"(?<![\w'’-])(de|à) (le|les) ", re.IGNORECASE)


def missing_elisions(sentence: str) -> list[str]:
    """The places where ``sentence`` lacks an elision or a contraction (« de Evelyne »,
    « de « Altérité » », « que il », « de le »): what `fill` corrects."""
    found = []
    for match in _UNELIDED.finditer(sentence):
        rest = sentence[match.end():]
        if starts_with_vowel_sound(rest) and not _pronoun_before_verb(match.group(1), rest):
            found.append(sentence[match.start():match.end() + 20])
    found += [sentence[m.start():m.end() + 20] for m in _UNCONTRACTED.finditer(sentence)]
    return found


def _pronoun_before_verb(word: str, rest: str) -> bool:
    """« le » and « la » as pronouns after a verb (« définit-le ») do not occur in generated
    sentences; an article before a digit or a quoted acronym read as a word is left alone."""
    return word.casefold() in {"le", "la"} and rest[:1].isdigit()


# Present → conditional of the verbs that open the relations' phrases (« est une forme de »,
# « se distingue de », « englobe », « précède », « suit »): a relation the source reports at a
# distance is written in the conditional (« serait une condition de »).
IRREGULAR_CONDITIONAL = {"est": "serait", "suit": "suivrait", "a": "aurait", "fait": "ferait"}


def conditional(phrase: str) -> str:
    """``phrase`` with its verb (first word, or the word after « se »/« s' ») in the
    conditional: « est une condition de » → « serait une condition de », « se distingue de »
    → « se distinguerait de », « s'oppose à » → « s'opposerait à », « précède » → « précéderait »."""
    match = re.match(r"(se |s')?(\w+)(.*)", phrase, re.DOTALL)
    if not match:
        return phrase
    pronoun, verb, rest = match.group(1) or "", match.group(2), match.group(3)
    if verb in IRREGULAR_CONDITIONAL:
        verb = IRREGULAR_CONDITIONAL[verb]
    elif verb.endswith("e"):  # first group: « distingue » → « distinguerait », « précède » → « précéderait »
        stem = verb[:-1]
        grave = stem.rfind("è")
        if grave >= 0:
            stem = stem[:grave] + "é" + stem[grave + 1:]
        verb = stem + "erait"
    return pronoun + verb + rest

