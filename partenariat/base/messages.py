"""The wording of every problem, in French for editors (the default) and English (`--lang en`).

A problem carries a code and its parameters (`Msg`); the sentence comes from this
catalogue at the last step. A code without both wordings cannot be created (`msg` refuses
it, and a test checks every code used in the package), so a new message never silently
stays in English.

A parameter is printed as `chars.visible` shows it: a value quoted from a data file cannot
act on the terminal (escape sequences, bidirectional controls) or forge another line.

This module imports nothing from the package but `base/chars.py`: problems.py builds on it,
not the reverse.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from partenariat.base.chars import visible

Params = tuple[tuple[str, str], ...]

# code → (English, French); placeholders are str.format fields filled from the parameters.
CATALOGUE: dict[str, tuple[str, str]] = {
    # references
    "unknown-concept": ("unknown concept '{id}'", "notion inconnue « {id} »"),
    "unknown-author": ("unknown author '{id}'", "auteur inconnu « {id} »"),
    "unknown-source": ("unknown source '{id}'", "source inconnue « {id} »"),
    "unknown-legal": ("unknown legal text '{id}'", "texte juridique inconnu « {id} »"),
    "unknown-glossary": ("unknown glossary entry '{id}'", "sigle inconnu « {id} »"),
    "unknown-case": ("unknown case '{id}'", "cas inconnu « {id} »"),
    "unknown-curriculum": ("unknown curriculum '{id}'", "référentiel inconnu « {id} »"),
    "unknown-link-type": ("unknown link type '{type}' in [[...]]", "type de lien inconnu « {type} » dans [[...]]"),
    "did-you-mean": ("did you mean '{value}'?", "vouliez-vous dire « {value} » ?"),
    # source notes of a summary (data/notes.py)
    "unknown-note-source": ("unknown source '{id}' in a note [[note:...]]",
                            "source inconnue « {id} » dans une note [[note:...]]"),
    "note-outside-summary": ("a source note [[note:...]] belongs in a concept's summary only",
                             "une note de source [[note:...]] ne s'écrit que dans le résumé (summary) d'une notion"),
    "note-outside-summary-fix": ("here, link the source as [[source:id]]",
                                 "ici, liez la source avec [[source:id]]"),
    "sentence-without-note": ("the sentence '{start}' carries no source note",
                              "la phrase « {start} » ne porte aucune note de source"),
    "sentence-note-fix": ("add [[note:source-id|p. 12]] after the claim, before the full stop",
                          "ajoutez [[note:id-de-la-source|p. 12]] après l'affirmation, avant le point"),
    # editorial rules of data text (checks/prose.py)
    "page-mark-not-page": ("'{text}': 'p.' before something that is not a page number",
                           "« {text} » : « p. » devant autre chose qu'un numéro de page"),
    "page-mark-fix": ("name a slide, a chapter or a part as such (« diapositive 14 », « chap. 2 »)",
                      "nommez une diapositive, un chapitre ou une partie comme tels (« diapositive 14 », « chap. 2 »)"),
    "vague-reference": ("'{text}': a reader of this page alone cannot follow this reference",
                        "« {text} » : un lecteur de cette seule page ne peut pas suivre ce renvoi"),
    "vague-reference-fix": ("name the document or the passage", "nommez le document ou le passage"),
    "placeholder-title": ("'{title}' is a way to cite the work, not its title",
                          "« {title} » est une façon de citer l'ouvrage, pas son titre"),
    "placeholder-title-fix": ("write it in cited_as and leave title empty",
                              "écrivez-le dans cited_as et laissez title vide"),
    # macros of the hand-written pages (docs/)
    "comparison-needs-criterion": ("a comparison page needs a title and 'comparaison: critere:' in its front matter",
                                   "une page de comparaison a besoin d'un titre et de « comparaison: critere: » en tête"),
    "comparison-example": ("e.g. 'comparaison: {{critere: les organisations engagées ou les personnes reliées}}'",
                           "par exemple « comparaison: {{critere: les organisations engagées ou les personnes reliées}} »"),
    "comparison-needs-table": ("a comparison page calls compare(...) or continuum()",
                               "une page de comparaison appelle compare(...) ou continuum()"),
    "comparison-table-fix": ("add the table, e.g. {{{{ compare(\"partenariat\", \"reseau\") }}}}",
                             "ajoutez le tableau, par exemple {{{{ compare(\"partenariat\", \"reseau\") }}}}"),
    "macro-unknown": ("unknown macro '{name}'", "macro inconnue « {name} »"),
    "macro-list": ("macros: {names}", "macros : {names}"),
    "macro-unreadable": ("this macro call cannot be read", "cet appel de macro est illisible"),
    "macro-write-like": ("write it like {example}", "écrivez-le comme {example}"),
    "macro-not-literal": ("an argument is not a plain value", "un argument n'est pas une simple valeur"),
    "macro-quote-arguments": ("write each argument in quotes (text) or as a number",
                              "écrivez chaque argument entre guillemets (texte) ou en chiffres"),
    "macro-unclosed": ("'{{{{' without its closing '}}}}'", "« {{{{ » sans « }}}} » fermant"),
    "macro-arguments": ("{name}() is called with {given}; it takes {signature}",
                        "{name}() est appelée avec {given} ; elle prend {signature}"),
    "macro-unknown-type": ("unknown entity type '{type}'", "type de fiche inconnu « {type} »"),
    "macro-too-few-concepts": ("give at least {n} concept ids", "donnez au moins {n} identifiants de notion"),
    "macro-no-concept": ("give at least one concept id", "donnez au moins un identifiant de notion"),
    "macro-same-concept": ("the same concept is given twice", "la même notion est donnée deux fois"),
    "macro-no-continuum": ("no concept is an 'etape-de' '{axis}' with 'precede' relations",
                           "aucune notion n'est « etape-de » « {axis} » avec des relations « precede »"),
    "no-file-named": ("no {label} file named '{id}.yaml'",
                      "aucune fiche « {id}.yaml » : vérifiez l'identifiant ou créez la fiche"),
    "types": ("types: {types}", "types : {types}"),
    "refers-to-itself": ("'{id}' refers to itself", "« {id} » renvoie à la fiche elle-même"),
    "remove-reference": ("remove this reference", "retirez ce renvoi"),
    "listed-twice": ("'{id}' is listed twice", "« {id} » est cité deux fois"),
    "remove-duplicate": ("remove the duplicate", "retirez le doublon"),
    "part-of-cycle": ("sources contain each other: {chain}", "des sources se contiennent l'une l'autre : {chain}"),
    "not-part-of-itself": ("a work cannot be part of itself", "un ouvrage ne peut pas faire partie de lui-même"),
    "acronym-defined": ("acronym '{acronym}' is already defined", "le sigle « {acronym} » existe déjà"),
    "see-file": ("see {file}", "voir {file}"),
    # addresses
    "address-gone": ("published address no longer exists", "adresse publiée qui n'existe plus"),
    "add-redirect": ("add '{line}' to {file}", "ajoutez « {line} » dans {file} (renommer = rediriger)"),
    "add-redirect-to": ("add '{old}: ' followed by its new address to {file}",
                        "ajoutez dans {file} la ligne « {old}: » suivie de sa nouvelle adresse (renommer = rediriger)"),
    "keep-anchor": ("give an item of {page} back 'anchor: {anchor}' (or its code), or list it in its "
                    "'former_anchors'",
                    "rendez « anchor: {anchor} » à un item de {page} (ou son code), ou ajoutez-la à ses "
                    "« former_anchors » : une ancre publiée ne se redirige pas"),
    "still-a-page": ("'{address}' is still a page of the site", "« {address} » est encore une page du site"),
    "redirect-needs-gone": ("a redirect is only for an address that no longer exists",
                            "une redirection ne sert que pour une adresse disparue"),
    "redirect-target-unknown": ("redirect target '{address}' is not a page of the site",
                                "la cible « {address} » n'est pas une page du site"),
    # fields and values
    "required": ("required field is missing", "champ obligatoire absent : ajoutez-le"),
    "unknown-field": ("unknown field '{name}'", "champ inconnu « {name} »"),
    "allowed-fields": ("allowed fields: {names}", "champs possibles : {names}"),
    "not-allowed-value": ("'{value}' is not an allowed value", "« {value} » n'est pas une valeur permise"),
    "allowed-values": ("allowed: {values}", "valeurs permises : {values}"),
    "invalid-id": ("'{value}' is not a valid id", "« {value} » n'est pas un identifiant valide"),
    "id-example": ("ids are lowercase ASCII words joined by hyphens, e.g. '{example}'",
                   "minuscules sans accents, mots reliés par des tirets, par exemple « {example} »"),
    "invalid-date": ("'{value}' is not a valid date", "« {value} » n'est pas une date valide"),
    "date-example": ("write an existing date as YYYY-MM-DD, e.g. 2002-01-02",
                     "écrivez une date qui existe, au format AAAA-MM-JJ, par exemple 2002-01-02"),
    "empty-text": ("must not be empty", "ne doit pas être vide"),
    "no-items": ("must hold at least one item", "doit contenir au moins un élément, par exemple [identifiant]"),
    "no-value": ("has no value", "n'a pas de valeur"),
    "write-after": ("write it after '{key}:'", "écrivez-la après « {key}: »"),
    "write-after-allowed": ("write it after '{key}:'; allowed: {values}",
                            "écrivez-la après « {key}: »; valeurs permises : {values}"),
    "not-text": ("Input should be a valid string", "doit être un texte"),
    "not-integer": ("Input should be a valid integer", "doit être un nombre entier"),
    "not-list": ("Input should be a valid list", "doit être une liste (lignes « - … » ou [a, b])"),
    "not-mapping": ("Input should be a valid dictionary", "doit être un groupe de champs « champ: valeur »"),
    "too-small": ("Input should be greater than or equal to {limit}", "valeur trop petite (au moins {limit})"),
    "too-large-value": ("Input should be less than or equal to {limit}", "valeur trop grande (au plus {limit})"),
    "invalid-value": ("{detail}", "valeur refusée : ce n'est pas le type attendu pour ce champ"),
    "not-boolean": ("expected true or false", "attendu : true ou false"),
    "not-number": ("expected a number", "attendu : un nombre"),
    "not-url": ("not a web address (https://…)", "ce n'est pas une adresse web (https://…)"),
    "too-many-items": ("too many items (at most {limit})", "trop d'éléments (au plus {limit})"),
    "string-too-long": ("text too long (at most {limit} characters)", "texte trop long (au plus {limit} caractères)"),
    "article-text-or-summary": ("an article needs 'text' (quoted) or 'summary'",
                                "un article demande « text » (cité) ou « summary »"),
    "role-date": ("'{value}' is not a year, a date or 'sans date'",
                  "« {value} » n'est ni une année, ni une date, ni « sans date »"),
    "role-date-fix": ("write the year the source gives (date: 2010), its date (2017-06-28), or 'sans date' "
                      "when the source is not dated",
                      "écrivez l'année que donne la source (date: 2010), sa date (2017-06-28), ou « sans date » "
                      "si la source n'est pas datée"),
    "article-wording": ("a quoted article ('text') says which wording it quotes ('wording')",
                        "un article cité (« text ») dit quelle rédaction il cite (« wording »), par exemple "
                        "« rédaction issue de la loi du … telle que la cite le dossier en 2010 »"),
    "article-outside-quoted": ("an article outside the seeds is summarised ('summary'), never quoted ('text')",
                               "un article hors des documents sources est résumé (« summary »), jamais cité "
                               "(« text »)"),
    "article-number": ("an article needs 'number' (in the text) or 'codified_as' (in a code)",
                       "un article demande « number » (son numéro dans le texte) ou « codified_as » (dans un code)"),
    "legal-source": ("a legal text needs 'attested_in' (the sources that cite it) or 'outside_seeds' (where its "
                     "facts come from)",
                     "un texte juridique demande « attested_in » (les sources qui le citent) ou « outside_seeds » "
                     "(d'où viennent ses informations)"),
    "seed-lines": ("'{value}' is not a list of line numbers", "« {value} » n'est pas une liste de numéros de ligne"),
    "seed-lines-fix": ("write the lines of the passage in the seed, e.g. '1015', '1015-1019' or '1093, 207'",
                       "écrivez les lignes du passage dans le document source, par exemple « 1015 », « 1015-1019 » "
                       "ou « 1093, 207 »"),
    "notion-link-fix": ("give each link 'why' (one sentence), 'attested_in' (the source) and 'lines' (the passage's "
                        "lines in the seed); without a passage that supports it, remove the link",
                        "donnez à chaque lien « why » (une phrase), « attested_in » (la source) et « lines » (les "
                        "lignes du passage dans le document source) ; sans passage qui l'appuie, retirez le lien"),
    "publisher-fix": ("write the name of the body that publishes the site, as plain text",
                      "écrivez le nom de l'organisme qui publie le site, en texte simple"),
    "person-family": ("a person needs 'family' (the surname used to sort and cite)",
                      "une personne demande « family » (le nom de famille, pour classer et citer)"),
    "definition-key-duplicate": ("two definitions have the same 'key' rank",
                                 "deux définitions ont le même rang « key »"),
    "definition-legal": ("a quotation of a law takes 'kind: texte-de-loi' and 'legal' (the legal text quoted), "
                         "and 'legal' goes only with that kind",
                         "une citation de loi demande « kind: texte-de-loi » et « legal » (le texte juridique cité) ; "
                         "« legal » ne va qu'avec ce type"),
    "definition-legal-author": ("a law's text is credited to the legal text ('legal'), not to an 'author'",
                                "le texte d'une loi est attribué au texte juridique (« legal »), pas à un « author »"),
    "definition-key-kind": ("only a quotation of kind 'definition' can be a key definition ('key')",
                            "seule une citation de type « definition » peut être une définition clé (« key »)"),
    "group-members": ("a group lists at least two members (concepts, legal or authors)",
                      "un ensemble (« groups ») compte au moins deux membres (concepts, legal ou authors)"),
    "definition-key-count": ("more than {most} definitions: mark {least} to {most} of them with 'key' (1 = shown first)",
                             "plus de {most} définitions : marquez-en de {least} à {most} avec « key » "
                             "(1 = montrée en premier)"),
    "curriculum-anchor-twice": ("anchor '{anchor}' is given to two items ('anchor' or 'former_anchors')",
                                "l'ancre « {anchor} » est donnée à deux items (« anchor » ou « former_anchors ») : "
                                "une ancre désigne un seul item"),
    "source-title": ("a source needs 'title' (or 'cited_as' when the seed gives no title)",
                     "une source demande « title » (ou « cited_as » si le document ne donne pas de titre)"),
    "acronym-undeveloped-expansion": (
        "an acronym marked 'undeveloped: true' takes no expansion",
        "un sigle marqué « undeveloped: true » n'a pas de développement : retirez « expansion » ou « undeveloped »"),
    "acronym-source": (
        "an acronym needs 'attested_in' (the sources that use it) or 'outside_seeds' (where its expansion comes from)",
        "un sigle demande « attested_in » (les sources qui l'emploient) ou « outside_seeds » (d'où vient son développement)"),
    "acronym-undeveloped-context": (
        "an acronym marked 'undeveloped: true' needs 'in_sources': where the sources use it and in what context",
        "un sigle marqué « undeveloped: true » demande « in_sources » : où les sources l'emploient, et dans quel "
        "contexte"),
    "acronym-usage-not-attested": ("'{source}' is not listed in attested_in",
                                   "« {source} » n'est pas citée dans attested_in"),
    "add-to-attested": ("add it to attested_in", "ajoutez-la à attested_in"),
    "ending-date-year": ("the date is in {year}: write 'year: {year}' too",
                         "la date tombe en {year} : écrivez aussi « year: {year} »"),
    "ending-successor-unnamed": ("the wording does not name the successor {acronym}",
                                 "le texte ne nomme pas le successeur {acronym}"),
    "ending-name-successor": ("write it in the wording, e.g. 'remplacée par la {acronym}'",
                              "écrivez-le dans wording, par exemple « remplacée par la {acronym} »"),
    # acronyms against the seeds (checks/seeds.py)
    "seed-spells-out": ("seed {seed} spells out {acronym} at line {line} (« {text} »): its expansion is not "
                        "outside the seeds",
                        "le document source {seed} développe {acronym} à la ligne {line} (« {text} ») : ce "
                        "développement ne relève pas de la connaissance générale"),
    "seed-spells-out-fix": ("cite that seed's source in attested_in and keep in outside_seeds only what no seed says",
                            "citez la source de ce document dans attested_in et ne gardez dans outside_seeds que "
                            "ce qu'aucun document source ne dit"),
    "seed-develops-undeveloped": ("seed {seed} spells out {acronym} at line {line} (« {text} »): it is not "
                                  "undeveloped in the sources",
                                  "le document source {seed} développe {acronym} à la ligne {line} (« {text} ») : "
                                  "le sigle n'est pas « non développé » dans les sources"),
    "seed-develops-fix": ("remove 'undeveloped: true' and write the seed's expansion in 'expansion'",
                          "retirez « undeveloped: true » et écrivez le développement du document dans « expansion »"),
    "seeds-absent": ("rule « acronym outside the seeds » not applied: no seed documents (*.txt) in {folder}",
                     "règle « sigle hors des documents sources » non appliquée : aucun document source (*.txt) "
                     "dans {folder}"),
    "acronym-expansion-source": (
        "a developed acronym needs 'expansion_source' (the source that spells out the expansion) or "
        "'outside_seeds' (saying that the expansion comes from general knowledge)",
        "un sigle développé demande « expansion_source » (la source qui donne le développement) ou "
        "« outside_seeds » (qui dit que le développement relève de la connaissance générale)"),
    "acronym-expansion-source-attested": (
        "'expansion_source' ('{source}') must be one of the sources of 'attested_in'",
        "« expansion_source » (« {source} ») doit être l'une des sources d'« attested_in »"),
    # safe text
    "html-tag": ("HTML is not allowed in data text ('{tag}')", "le HTML n'est pas permis dans le texte (« {tag} »)"),
    "html-tag-fix": ("write plain text: **bold**, *italic*, [[type:id]] for a link to an entry",
                     "écrivez du texte simple : **gras**, *italique*, [[type:id]] pour un lien vers une fiche"),
    "event-handler": ("script attribute '{name}' is not allowed", "l'attribut de script « {name} » n'est pas permis"),
    "attribute-list": ("attribute list '{text}' is not allowed", "la liste d'attributs « {text} » n'est pas permise"),
    "remove-braces": ("remove the braces and what they hold", "retirez les accolades et leur contenu"),
    "bad-link": ("link to '{target}' is not allowed", "le lien vers « {target} » n'est pas permis"),
    "link-fix": ("link to an entry with [[type:id]], or to a web page with an https:// address",
                 "liez une fiche avec [[type:id]], ou une page web avec une adresse https://"),
    "image": ("image '{text}' is not allowed in data text", "image « {text} » non permise dans le texte"),
    "image-fix": ("data files publish no images: they would be fetched from another site",
                  "les fiches ne publient pas d'images : elles seraient chargées depuis un autre site"),
    "char-reference": ("HTML character reference '{text}' is not allowed",
                       "la référence de caractère HTML « {text} » n'est pas permise"),
    "write-character": ("type the character itself", "tapez le caractère lui-même"),
    "not-web-address": ("'{value}' is not a web address", "« {value} » n'est pas une adresse web"),
    "web-address-example": ("write the whole address, starting with https:// or http://",
                            "écrivez l'adresse complète, qui commence par https:// ou http://"),
    # files
    "reserved-id": ("id '{id}' is reserved for a page of the site", "l'id « {id} » est réservé à une page du site"),
    "choose-other-id": ("choose another id (and file name)", "choisissez un autre identifiant (et nom de fichier)"),
    "bad-file-name": ("file name '{name}' is not a valid id",
                      "le nom de fichier « {name} » n'est pas un identifiant valide"),
    "rename-to": ("rename it '{name}'", "renommez-le « {name} »"),
    "id-not-file-name": ("id '{id}' differs from the file name '{name}'",
                         "l'id « {id} » ne correspond pas au nom du fichier « {name} »"),
    "id-is-file-name": ("the id is the file name: write 'id: {stem}' or rename the file",
                        "l'id est le nom du fichier : écrivez « id: {stem} » ou renommez le fichier"),
    "not-yaml": ("not a .yaml data file", "n'est pas un fichier de données .yaml"),
    "rename-yaml": ("rename it with the .yaml extension", "renommez-le avec l'extension .yaml"),
    "move-out": ("move it out of the data folder", "sortez-le du dossier de données"),
    "folder-missing": ("data folder is missing", "dossier de données absent"),
    "file-empty": ("file is empty", "fichier vide"),
    "start-with-id": ("start with 'id: <the file name>'", "commencez par « id: <nom du fichier> »"),
    "holds-list": ("the file holds a list, not a mapping of fields", "le fichier contient une liste, pas une fiche"),
    "holds-value": ("the file holds a single value, not a mapping of fields",
                    "le fichier contient une valeur seule, pas une fiche"),
    "field-lines": ("write one entry as 'field: value' lines", "écrivez une fiche en lignes « champ: valeur »"),
    "tab-indent": ("tab character in indentation", "tabulation dans l'indentation"),
    "spaces-only": ("indent with spaces only", "indentez avec des espaces seulement"),
    "bom": ("file starts with a byte order mark (BOM)", "le fichier commence par une marque d'ordre d'octets (BOM)"),
    "save-without-bom": ("save it as UTF-8 without BOM", "enregistrez-le en UTF-8 sans BOM"),
    "not-utf8": ("file is not valid UTF-8", "le fichier n'est pas en UTF-8"),
    "save-utf8": ("save it with the UTF-8 encoding", "enregistrez-le avec l'encodage UTF-8"),
    "yaml-syntax": ("YAML syntax error: {detail}", "erreur de syntaxe YAML"),
    "yaml-stray-colon": ("YAML syntax error: {detail}", "« : » inattendu dans une valeur"),
    "yaml-missing-colon": ("YAML syntax error: {detail}", "« : » attendu après le nom du champ"),
    "yaml-bad-indent": ("YAML syntax error: {detail}", "indentation incohérente"),
    "yaml-bad-list": ("YAML syntax error: {detail}", "élément de liste mal aligné (« - »)"),
    "yaml-unclosed-quote": ("YAML syntax error: {detail}", "guillemet ouvert et jamais fermé"),
    "yaml-bad-escape": ("YAML syntax error: {detail}", "séquence « \\ » inconnue entre guillemets doubles"),
    "yaml-bad-start": ("YAML syntax error: {detail}",
                       "caractère qui ne peut pas commencer une valeur (mettez-la entre guillemets)"),
    "quote-colon": ("a value containing ': ' must be put in quotes",
                    "une valeur qui contient « : » doit être entre guillemets"),
    "check-quotes": ("check the quotes on this line", "vérifiez les guillemets de cette ligne"),
    "check-indent": ("check the indentation and the quotes around this line",
                     "vérifiez l'indentation et les guillemets autour de cette ligne"),
    "duplicate-key": ("duplicate key '{key}'", "champ « {key} » écrit deux fois"),
    "keep-one": ("keep only one of them", "n'en gardez qu'un"),
    "yaml-alias": ("YAML aliases (*{name}) are not allowed", "les alias YAML (*{name}) ne sont pas permis"),
    "yaml-anchor": ("YAML anchors (&{name}) are not allowed", "les ancres YAML (&{name}) ne sont pas permises"),
    "write-in-full": ("write the value out in full", "écrivez la valeur en entier"),
    "file-too-large": ("file is too large ({size} bytes)", "fichier trop gros ({size} octets)"),
    "one-entry": ("a data file holds one entry", "un fichier contient une seule fiche"),
    "plain-key": ("a key must be a plain word", "un nom de champ doit être un mot simple"),
    "control-char": ("invisible control character ({char})", "caractère de contrôle invisible ({char})"),
    "delete-pasted": ("delete it (it often comes from a copy and paste)",
                      "supprimez-le (il vient souvent d'un copier-coller)"),
    "line-separator": ("invisible line separator ({char})", "séparateur de ligne invisible ({char})"),
    "bidi-char": ("invisible bidirectional control ({char}): it changes the order in which the text is shown",
                  "caractère invisible de sens d'écriture ({char}) : il change l'ordre dans lequel le texte s'affiche"),
    "zero-width-char": ("invisible zero-width character ({char})", "caractère invisible sans largeur ({char})"),
    "not-a-character": ("{char} is not a character", "{char} n'est pas un caractère"),
    "delete-invisible": ("delete it (it comes from a copy and paste, or from an escape such as \\u200b or \\x01 "
                         "in a double-quoted value)",
                         "supprimez-le (il vient d'un copier-coller, ou d'un échappement comme \\u200b ou \\x01 "
                         "entre guillemets doubles)"),
    "symlink": ("a data file cannot be a symbolic link", "un fichier de données ne peut pas être un lien symbolique"),
    "not-regular-file": ("not a regular file", "n'est pas un fichier ordinaire"),
    "outside-repository": ("the data folder leads outside the repository",
                           "le dossier de données mène hors du dépôt"),
    "regular-file": ("put the entry itself in the data folder (a regular file, inside the repository)",
                     "mettez la fiche elle-même dans le dossier (un fichier ordinaire, dans le dépôt)"),
    "text-too-long": ("text too long ({size} characters, at most {limit})",
                      "texte trop long ({size} caractères, au plus {limit})"),
    "shorten-text": ("a field holds a few paragraphs: shorten it, or split the entry",
                     "un champ tient en quelques paragraphes : raccourcissez-le, ou répartissez-le sur plusieurs fiches"),
    "broken-link-syntax": ("'[[' does not start a link to an entry ('{text}')",
                           "« [[ » n'ouvre pas un lien vers une fiche (« {text} »)"),
    "link-syntax-fix": ("write [[type:id]] or [[type:id|label]], with no bracket inside",
                        "écrivez [[type:id]] ou [[type:id|libellé]], sans crochet à l'intérieur"),
    "replace-pasted": ("replace it with a space (it often comes from a copy and paste)",
                       "remplacez-le par une espace (il vient souvent d'un copier-coller)"),
    "too-deep": ("the entry is nested too deeply", "la fiche est imbriquée trop profondément"),
    "few-levels": ("a data file has only a few levels of indentation",
                   "une fiche n'a que quelques niveaux d'indentation"),
    "cannot-read": ("cannot read file: {reason}", "lecture impossible : {reason}"),
}

# The unknown-reference code of each entity type.
UNKNOWN_CODE = {"concept": "unknown-concept", "author": "unknown-author", "source": "unknown-source",
                "legal": "unknown-legal", "glossary": "unknown-glossary", "case": "unknown-case",
                "curriculum": "unknown-curriculum"}

LANGS = ("fr", "en")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True, order=True)
class Msg:
    """A message to word later: its catalogue code and its parameters."""

    code: str
    params: Params = ()

    def text(self, lang: str = "en") -> str:
        english, french = CATALOGUE[self.code]
        return (english if lang == "en" else french).format(**dict(self.params))

    def __str__(self) -> str:
        return self.text("en")


def msg(code: str, **params: object) -> Msg:
    """A catalogued message; an unknown code or a missing parameter is a programming error."""
    if code not in CATALOGUE:
        raise KeyError(f"message code '{code}' is not in the catalogue")
    missing = placeholders(CATALOGUE[code][0]) - params.keys()
    if missing:
        raise KeyError(f"message '{code}' needs {sorted(missing)}")
    return Msg(code, tuple((k, visible(str(v))) for k, v in params.items()))


class Worded(Protocol):
    def worded(self, lang: str) -> str: ...
    def __lt__(self, other: Any) -> bool: ...


def default_lang() -> str:
    return "en" if os.environ.get("PARTENARIAT_LANG", "fr").lower().startswith("en") else "fr"


def report(problems: Iterable[Worded], lang: str | None = None) -> str:
    """Every problem on its own line, then a count; French unless asked otherwise."""
    lang = lang or default_lang()
    ordered = sorted(problems)
    lines = [p.worded(lang) for p in ordered]
    n = len(ordered)
    if lang == "en":
        lines.append(f"{n} problem{'s' if n > 1 else ''} in the data.")
    else:
        lines.append(f"{n} problème{'s' if n > 1 else ''} dans les données.")
    return "\n".join(lines)
