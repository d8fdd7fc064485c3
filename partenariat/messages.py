"""Problems in French for editors (the default), in English for developers (`--lang en`).

Problems are built in English where they are found; this table words them in French at the
last step, with the fix to apply. A message without a French form is shown in English
rather than lost.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from .problems import Problem

UNKNOWN_FR = {"concept": "notion inconnue", "author": "auteur inconnu", "source": "source inconnue",
              "legal text": "texte juridique inconnu", "glossary entry": "sigle inconnu", "case": "cas inconnu",
              "curriculum": "référentiel inconnu"}

_Q = r"'([^']*)'"  # a quoted value in the English messages

RULES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), r) for p, r in [
    # references
    (rf"^unknown (concept|author|source|legal text|glossary entry|case|curriculum) {_Q}$", "{unknown} « \\2 »"),
    (rf"^unknown link type {_Q} in \[\[\.\.\.\]\]$", "type de lien inconnu « \\1 » dans [[...]]"),
    (rf"^did you mean {_Q}\?$", "vouliez-vous dire « \\1 » ?"),
    (rf"^no (concept|author|source|legal text|glossary entry|case|curriculum) file named {_Q}$",
     "aucune fiche « \\2 » : vérifiez l'identifiant ou créez la fiche"),
    (r"^types: (.*)$", "types : \\1"),
    (rf"^{_Q} refers to itself$", "« \\1 » renvoie à la fiche elle-même"),
    (r"^remove this reference$", "retirez ce renvoi"),
    (rf"^{_Q} is listed twice$", "« \\1 » est cité deux fois"),
    (r"^remove the duplicate$", "retirez le doublon"),
    (r"^sources contain each other: (.*)$", "des sources se contiennent l'une l'autre : \\1"),
    (r"^a work cannot be part of itself$", "un ouvrage ne peut pas faire partie de lui-même"),
    (rf"^acronym {_Q} is already defined$", "le sigle « \\1 » existe déjà"),
    (r"^see (.*)$", "voir \\1"),
    # addresses
    (r"^published address no longer exists$", "adresse publiée qui n'existe plus"),
    (rf"^add {_Q} to (.*)$", "ajoutez « \\1 » dans \\2 (renommer = rediriger)"),
    (rf"^{_Q} is still a page of the site$", "« \\1 » est encore une page du site"),
    (r"^a redirect is only for an address that no longer exists$", "une redirection ne sert que pour une adresse disparue"),
    (rf"^redirect target {_Q} is not a page of the site$", "la cible « \\1 » n'est pas une page du site"),
    # fields and values
    (r"^required field is missing$", "champ obligatoire absent : ajoutez-le"),
    (rf"^unknown field {_Q}$", "champ inconnu « \\1 »"),
    (r"^allowed fields: (.*)$", "champs possibles : \\1"),
    (rf"^{_Q} is not an allowed value$", "« \\1 » n'est pas une valeur permise"),
    (r"^allowed: (.*)$", "valeurs permises : \\1"),
    (rf"^{_Q} is not a valid id$", "« \\1 » n'est pas un identifiant valide"),
    (rf"^ids are lowercase ASCII words joined by hyphens, e\.g\. {_Q}$",
     "minuscules sans accents, mots reliés par des tirets, par exemple « \\1 »"),
    (rf"^{_Q} is not a valid date$", "« \\1 » n'est pas une date valide"),
    (r"^write an existing date as YYYY-MM-DD, e\.g\. (.*)$",
     "écrivez une date qui existe, au format AAAA-MM-JJ, par exemple \\1"),
    (r"^must not be empty$", "ne doit pas être vide"),
    (r"^must hold at least one item$", "doit contenir au moins un élément, par exemple [identifiant]"),
    (r"^has no value$", "n'a pas de valeur"),
    (rf"^write it after {_Q}(; allowed: (.*))?$", "écrivez-la après « \\1 »"),
    (r"^Input should be a valid string$", "doit être un texte"),
    (r"^Input should be a valid integer.*$", "doit être un nombre entier"),
    (r"^Input should be a valid list$", "doit être une liste (lignes « - … » ou [a, b])"),
    (r"^Input should be a valid dictionary.*$", "doit être un groupe de champs « champ: valeur »"),
    (r"^Input should be (greater|less) than or equal to (\d+)$", "valeur hors limites (\\2)"),
    (r"^an article needs 'text' \(quoted\) or 'summary'$", "un article demande « text » (cité) ou « summary »"),
    (r"^two definitions have the same 'key' rank$", "deux définitions ont le même rang « key »"),
    (r"^more than (\d+) definitions: mark (\d+) to (\d+) of them with 'key' \(1 = shown first\)$",
     "plus de \\1 définitions : marquez-en de \\2 à \\3 avec « key » (1 = montrée en premier)"),
    (r"^a person needs 'family' \(the surname used to sort and cite\)$",
     "une personne demande « family » (le nom de famille, pour classer et citer)"),
    (r"^a source needs 'title' \(or 'cited_as' when the seed gives no title\)$",
     "une source demande « title » (ou « cited_as » si le document ne donne pas de titre)"),
    # files
    (rf"^id {_Q} is reserved for a page of the site$", "l'id « \\1 » est réservé à une page du site"),
    (r"^choose another id \(and file name\)$", "choisissez un autre identifiant (et nom de fichier)"),
    (rf"^file name {_Q} is not a valid id$", "le nom de fichier « \\1 » n'est pas un identifiant valide"),
    (rf"^rename it {_Q}$", "renommez-le « \\1 »"),
    (rf"^id {_Q} differs from the file name {_Q}$", "l'id « \\1 » ne correspond pas au nom du fichier « \\2 »"),
    (rf"^the id is the file name: write {_Q} or rename the file$",
     "l'id est le nom du fichier : écrivez « \\1 » ou renommez le fichier"),
    (r"^not a \.yaml data file$", "n'est pas un fichier de données .yaml"),
    (r"^rename it with the \.yaml extension$", "renommez-le avec l'extension .yaml"),
    (r"^move it out of the data folder$", "sortez-le du dossier de données"),
    (r"^data folder is missing$", "dossier de données absent"),
    (r"^file is empty$", "fichier vide"),
    (r"^start with 'id: <the file name>'$", "commencez par « id: <nom du fichier> »"),
    (r"^the file holds a list, not a mapping of fields$", "le fichier contient une liste, pas une fiche"),
    (r"^the file holds a single value, not a mapping of fields$", "le fichier contient une valeur seule, pas une fiche"),
    (r"^write one entry as 'field: value' lines$", "écrivez une fiche en lignes « champ: valeur »"),
    (r"^tab character in indentation$", "tabulation dans l'indentation"),
    (r"^indent with spaces only$", "indentez avec des espaces seulement"),
    (r"^file starts with a byte order mark \(BOM\)$", "le fichier commence par une marque d'ordre d'octets (BOM)"),
    (r"^save it as UTF-8 without BOM$", "enregistrez-le en UTF-8 sans BOM"),
    (r"^file is not valid UTF-8$", "le fichier n'est pas en UTF-8"),
    (r"^save it with the UTF-8 encoding$", "enregistrez-le avec l'encodage UTF-8"),
    (r"^YAML syntax error: (.*)$", "erreur de syntaxe YAML (\\1)"),
    (r"^a value containing ': ' must be put in quotes$", "une valeur qui contient « : » doit être entre guillemets"),
    (r"^check the quotes on this line$", "vérifiez les guillemets de cette ligne"),
    (r"^check the indentation and the quotes around this line$",
     "vérifiez l'indentation et les guillemets autour de cette ligne"),
    (rf"^duplicate key {_Q}$", "champ « \\1 » écrit deux fois"),
    (r"^keep only one of them$", "n'en gardez qu'un"),
    (r"^YAML aliases \(\*(.*)\) are not allowed$", "les alias YAML (*\\1) ne sont pas permis"),
    (r"^YAML anchors \(&(.*)\) are not allowed$", "les ancres YAML (&\\1) ne sont pas permises"),
    (r"^write the value out in full$", "écrivez la valeur en entier"),
    (r"^file is too large \((\d+) bytes\)$", "fichier trop gros (\\1 octets)"),
    (r"^a data file holds one entry$", "un fichier contient une seule fiche"),
    (r"^a key must be a plain word$", "un nom de champ doit être un mot simple"),
    (r"^invisible control character \((U\+[0-9A-F]+)\)$", "caractère de contrôle invisible (\\1)"),
    (r"^delete it \(it often comes from a copy and paste\)$", "supprimez-le (il vient souvent d'un copier-coller)"),
    (r"^invisible line separator \((U\+[0-9A-F]+)\)$", "séparateur de ligne invisible (\\1)"),
    (r"^replace it with a space \(it often comes from a copy and paste\)$",
     "remplacez-le par une espace (il vient souvent d'un copier-coller)"),
    (r"^the entry is nested too deeply$", "la fiche est imbriquée trop profondément"),
    (r"^a data file has only a few levels of indentation$", "une fiche n'a que quelques niveaux d'indentation"),
    (r"^cannot read file: (.*)$", "lecture impossible : \\1"),
]]


def _french(text: str) -> str:
    for pattern, replacement in RULES:
        match = pattern.match(text)
        if match:
            if "{unknown}" in replacement:
                replacement = replacement.replace("{unknown}", UNKNOWN_FR[match.group(1)])
            return match.expand(replacement)
    return text


def _french_hint(hint: str) -> str:
    # hints may join two parts: "write it after 'x:'; allowed: a, b"
    return "; ".join(_french(part) for part in hint.split("; "))


def default_lang() -> str:
    return "en" if os.environ.get("PARTENARIAT_LANG", "fr").lower().startswith("en") else "fr"


def word(problem: Problem, lang: str) -> str:
    if lang == "en":
        return str(problem)
    message = _french(problem.message)
    hint = _french_hint(problem.hint) if problem.hint else None
    return str(Problem(problem.file, problem.line, problem.field, message, hint))


def report(problems: Iterable[Problem], lang: str | None = None) -> str:
    """Every problem on its own line, then a count; French unless asked otherwise."""
    lang = lang or default_lang()
    problems = sorted(problems)
    lines = [word(p, lang) for p in problems]
    n = len(problems)
    if lang == "en":
        lines.append(f"{n} problem{'s' if n > 1 else ''} in the data.")
    else:
        lines.append(f"{n} problème{'s' if n > 1 else ''} dans les données.")
    return "\n".join(lines)
