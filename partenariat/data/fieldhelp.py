"""French help for every field of the data files, for the editors (trainers, practitioners).

One place feeds the JSON Schemas (hover text in the editor), the files created by
`python -m partenariat new` and the field tables of the « Contribuer » guide. A key is a
field name, or `Model.field` where the same name means something else in one model.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    "id": "Identifiant : le nom du fichier sans .yaml, en minuscules sans accents, mots reliés par des tirets. "
          "Il devient l'adresse de la page et ne change plus une fois publié.",
    "attested_in": "Documents sources (identifiants de sources/) dans lesquels les faits de la fiche ont été vérifiés.",
    "outside_seeds": "À remplir seulement si un fait ne vient pas des documents sources : lequel, et d'où il vient.",
    "reviewed": "Date de la dernière relecture de la fiche, au format AAAA-MM-JJ (affichée « Dernière relecture »).",
    # concepts
    "term": "Le terme tel qu'il s'affiche, avec majuscule et accents (ex. « Coopération »).",
    "aliases": "Autres formes qu'un lecteur peut chercher (pluriel, adjectif, expression voisine).",
    "Concept.family": "Famille de notions (voir la liste des valeurs permises).",
    "summary": "Résumé rédigé avec vos propres mots, pour un étudiant de BTS ESF (3 à 6 phrases).",
    "Concept.summary": ("« En bref » : 2 à 5 phrases avec vos propres mots, pour un étudiant de BTS ESF ; chaque phrase "
                        "porte sa note de source avant le point : [[note:id-de-la-source|p. 12]]."),
    "body": "Développement facultatif, avec vos propres mots ; Markdown permis ; liens [[type:id]] vers d'autres fiches.",
    "definitions": "Définitions attribuées : une citation courte, exacte, avec sa source et sa page.",
    "Definition.kind": ("Ce qu'est la citation : definition (par défaut), remarque, objectif, question, "
                        "commentaire (commentaire en marge d'un diaporama), texte-de-loi (avec « legal ») ou "
                        "presentation-editeur. Seules les définitions servent aux questions « Qui a proposé "
                        "cette définition ? » et « Quelle notion… ? » ; la fiche nomme les autres (« Remarque de… »)."),
    "Definition.legal": ("Texte juridique dont la citation reproduit la rédaction (identifiant de legal/), avec "
                         "« kind: texte-de-loi » : la citation est attribuée à la loi, pas au dossier qui la cite."),
    "quote": "Citation exacte (une ou deux phrases), sans les guillemets.",
    "Definition.source": "Ouvrage d'où vient la citation (identifiant de sources/).",
    "Definition.author": "Auteur de la définition, s'il n'est pas l'auteur de l'ouvrage (identifiant d'authors/).",
    "page": ("Page de la citation, si le document la donne (« 12 », « 15-16 ») ; sinon la partie ou la "
             "diapositive telle que le document la nomme (« Partie 1 ») : seul un numéro est précédé de « p. »."),
    "comment": "Commentaire facultatif, avec vos propres mots.",
    "Definition.key": "Rang parmi les définitions clés, montrées en tête de la fiche (1 à 5, 1 = la première) ; "
                      "au-delà de 5 définitions, marquez-en de 3 à 5.",
    "related": "Notions voisines, avec le type de relation.",
    "concept": "Identifiant d'une notion (concepts/).",
    "relation": "Type de relation (voir la liste des valeurs permises : distinct-de, forme-de, niveau-de…).",
    "note": "Précision facultative, avec vos propres mots.",
    "traits": "Traits de comparaison utilisés par les tableaux « Comparer ».",
    "trait": "Ligne du tableau de comparaison (finalite, formalisation, duree, autorite…).",
    "value": "Ce que l'auteur dit de ce trait, en une courte phrase.",
    "Trait.source": "Ouvrage qui appuie ce trait (identifiant de sources/).",
    "Trait.author": "Auteur, s'il n'est pas l'auteur de l'ouvrage.",
    "Relation.source": "Ouvrage qui établit cette relation (facultatif).",
    "reported": ("true si la source rapporte la relation à distance (une injonction qu'elle analyse, « il y "
                 "aurait… ») sans l'affirmer : la fiche et les questions gardent cette distance (« serait »)."),
    "scope": ("Sens restreint dans lequel la source prend l'autre notion, avec ses mots (ex. « public-public » "
              "chez Lahary) : la fiche et les questions le disent."),
    # authors
    "Author.kind": "personne ou organisme.",
    "name": "Nom affiché (ex. « Fabrice Dhume », « Réseau national de ressources en sciences médico-sociales »).",
    "Author.family": "Nom de famille (obligatoire pour une personne) : sert au classement et aux citations.",
    "given": "Prénom, tel que le document l'écrit.",
    "acronym": "Sigle tel qu'il s'écrit (ex. « CPOM », « ANARÉ »).",
    "affiliations": "Fonctions et rattachements, avec l'année où le document dit qu'ils étaient exercés.",
    "role": "Fonction (ex. « maître de conférences en sciences politiques »).",
    "organisation": "Organisme de rattachement.",
    "Affiliation.date": ("Obligatoire : quand la source dit que la fonction était exercée — une année (« 2010 »), "
                         "une date (« 2017-06-28 »), ou « sans date » si la source elle-même n'est pas datée. "
                         "La page l'affiche au passé : « En 2010, selon … »."),
    "Affiliation.source": "Obligatoire : document qui donne cette fonction et sa date (identifiant de sources/).",
    "fields": "Disciplines ou domaines (ex. « sociologie »).",
    "notes": "Présentation courte, avec vos propres mots : ce que la personne apporte au dossier.",
    # sources
    "Source.type": "Nature du travail (livre, article, chapitre, communication…).",
    "title": "Titre exact.",
    "cited_as": ("Forme de citation quand le document ne donne pas de titre (ex. « Geddes (2000) ») ; "
                 "la fiche dit alors « titre non précisé », sans jamais inventer de titre."),
    "authors": "Auteurs (identifiants d'authors/), dans l'ordre.",
    "groups": ("Ensembles que la source présente ensemble (les trois niveaux d'évaluation, les lois citées dans un "
               "même paragraphe) : aucun membre n'est proposé comme mauvaise réponse à une question dont la bonne "
               "réponse est un autre membre. Chaque ensemble : label (ses mots), page, et ses membres dans "
               "concepts, legal ou authors."),
    "Group.label": "Ce que la source présente ensemble, avec ses mots (ex. « trois types de territoires »).",
    "Group.page": "Où dans la source : page, partie ou section (ex. « 28-35 », « Partie 2 »).",
    "Group.concepts": "Notions présentées ensemble (identifiants de concepts/).",
    "Group.legal": "Textes juridiques cités ensemble (identifiants de legal/).",
    "Group.authors": "Auteurs présentés ensemble (identifiants d'authors/).",
    "editors": "Directeurs de publication (identifiants d'authors/).",
    "year": "Année de publication.",
    "Source.date": "Date exacte de publication ou de l'intervention, si le document la donne (AAAA-MM-JJ).",
    "container": "Revue, ouvrage collectif, site ou manifestation qui contient le travail.",
    "part_of": "Ouvrage ou numéro de revue dont ce travail fait partie (identifiant de sources/).",
    "volume": "Volume.",
    "issue": "Numéro.",
    "pages": "Pages (ex. « 149-162 »).",
    "publisher": "Éditeur.",
    "place": "Lieu (de publication, de l'intervention ou du cas).",
    "collection": "Collection.",
    "event": "Colloque, séminaire ou journée d'étude.",
    "url": "Adresse web complète, seulement si le document la donne.",
    "online": "Où le document dit que le texte est en ligne (ex. « site de l'ADBDP »).",
    # legal
    "LegalText.kind": "loi, ordonnance, décret, circulaire, lettre, code ou plan.",
    "LegalText.number": "Numéro officiel (ex. « 2002-2 »).",
    "LegalText.date": "Date de signature (AAAA-MM-JJ).",
    "short_title": "Titre court affiché (ex. « Loi 2002-2 »).",
    "articles": "Articles cités, avec leur codification.",
    "Article.number": ("Numéro de l'article dans le texte (ex. « 21 ») ; à omettre seulement pour un article "
                       "codifié (« codified_as ») dont le numéro dans la loi n'est pas certain."),
    "Article.wording": ("Obligatoire avec « text » : la rédaction citée, par exemple « Rédaction issue de l'article 21 de "
                "la loi du 2 janvier 2002, telle que la cite le dossier du RNRSMS en 2010 ». La page ajoute que "
                "le texte a pu être modifié depuis."),
    "official_url": ("Adresse du texte officiel (Légifrance) seulement si elle est certaine ; sinon la page "
                     "officielle du code ou de la loi. https:// ou http:// seulement ; n'inventez jamais un "
                     "identifiant."),
    "Article.outside_seeds": ("Article absent des documents sources : ce qu'on en dit et d'où cela vient. Il est "
                              "alors résumé (« summary »), jamais cité."),
    "LegalText.attested_in": ("Documents sources (identifiants de sources/) qui citent le texte. Peut rester vide "
                              "([]) si outside_seeds dit d'où viennent les informations (texte absent des sources)."),
    "codified_as": "Article de code correspondant (ex. « CASF L. 312-7 »).",
    "text": "Texte de l'article, cité exactement (les textes officiels peuvent être cités).",
    "concepts": "Notions liées (identifiants de concepts/).",
    # glossary
    "expansion": "Développement du sigle (ex. « Contrat pluriannuel d'objectifs et de moyens »).",
    "undeveloped": "true si les documents sources emploient le sigle sans le développer : pas de champ "
                   "expansion, aucun développement inventé (la fiche affiche « Sigle non développé dans les sources »).",
    "Acronym.attested_in": "Documents sources (identifiants de sources/) qui emploient le sigle. Peut rester vide "
                           "([]) si outside_seeds dit d'où vient le développement (sigle absent des sources).",
    "expansion_source": ("Document source (l'une des sources d'attested_in) qui donne le développement du sigle. "
                         "Sans lui, outside_seeds dit que le développement relève de la connaissance générale ; "
                         "la question « Que signifie… ? » ne cite comme source qu'un document qui le donne."),
    "variants": "Autres écritures du sigle (ex. « Copil »).",
    "domain": "Domaine (éducation, santé, médico-social…).",
    "description": "Une ou deux phrases avec vos propres mots : ce que c'est et où les documents le rencontrent.",
    "see_also": "Autres sigles liés (identifiants de glossary/).",
    "ended": ("Seulement pour un organisme, un dispositif, un titre ou un diplôme remplacé ou supprimé : ce qu'il "
              "est devenu (wording), l'année (year) et, si elle est sûre, la date (date), les sigles qui l'ont "
              "remplacé (successors). Montré sur la fiche, dans le glossaire, dans l'infobulle et dans les exports. "
              "Un fait hors des documents sources : dites-le aussi dans outside_seeds."),
    "wording": ("Ce qu'il est devenu, en français, accordé avec le développement, sans la date (le site ajoute "
                "« en 2021 ») : « remplacée par la DDETS », « intégré à l'ANCT », « supprimé ». Si l'année doit se "
                "lire ailleurs, écrivez-la vous-même (« remplacé en 2013 par l'ESPE, devenue INSPE en 2019 ») : le "
                "site n'ajoute rien. Nomme chaque successeur par son sigle."),
    "Ending.year": "Année du remplacement ou de la suppression, seulement si elle est sûre (sinon, ne l'écrivez pas).",
    "Ending.date": "Date exacte (AAAA-MM-JJ), seulement si elle est sûre ; year est alors l'année de cette date.",
    "successors": "Sigles qui ont repris ses missions (identifiants de glossary/) : liés depuis la fiche.",
    "other_meanings": ("Autres sens courants du même sigle dans le travail social ou l'éducation, qui ne sont pas "
                       "celui de la fiche (ex. « Économie sociale et solidaire » pour ESS) : la fiche, le glossaire et "
                       "les exports les signalent. Des faits certains, déclarés dans outside_seeds."),
    "in_sources": ("Où les documents sources emploient le sigle, et ce que le passage permet d'en dire (obligatoire "
                   "pour un sigle non développé) : source, page ou partie, contexte."),
    "Usage.source": "Document source qui emploie le sigle (identifiant de sources/, aussi cité dans attested_in).",
    "Usage.page": "Page, ou partie du document telle qu'il la nomme (« IV. Glossaire »).",
    "context": "Ce que dit le passage autour du sigle, avec vos propres mots ; rien de plus que le document.",
    # cases
    "Case.kind": "encadre, atelier, entretien, temoignage ou enquete.",
    "Case.number": "Numéro de l'encadré.",
    "years": "Période (ex. « 2009 », « 2014-2017 »).",
    "dispositif": "Dispositif concerné (ex. « PRE d'Angoulême »).",
    "level": "Niveau de partenariat selon J.-Y. Trépos : minimal, intermediaire ou maximal.",
    "themes": "Thèmes abordés.",
    "partners": "Partenaires nommés.",
    "situation": "La situation de départ, avec vos propres mots.",
    "actions": "Ce qui a été fait.",
    "results": "Les résultats constatés.",
    "analysis": "Analyse : les commentaires de l'intervenant, reformulés, avec la notion qu'ils mobilisent.",
    "about": "Passage du cas commenté.",
    "glossary": "Sigles mobilisés (identifiants de glossary/).",
    "Case.source": "Document d'où vient le cas (identifiant de sources/).",
    "people": ("Personnes nommées par le cas (personne interrogée, intervenant, animatrices ; identifiants "
               "d'authors/) : la page affiche leur fonction datée, d'après leur fiche."),
    # curricula
    "diploma": "Nom complet du diplôme.",
    "short": "Nom court (ex. « BTS ESF »).",
    "document": "Document de référence (ex. « Référentiel de certification »).",
    "Curriculum.source": "Document qui relie le référentiel au partenariat (identifiant de sources/).",
    "sections": "Parties du référentiel (activités, fonctions, modules).",
    "items": "Compétences ou savoirs de la partie.",
    "code": "Code officiel (ex. « C4.1 ») : il donne l'ancre du lien vers la compétence.",
    "anchor": ("Ancre du lien vers l'item (ex. « se-concerter-avec-les-partenaires »), obligatoire sans code ; "
               "avec un code, elle remplace celle que le code donne : mots en minuscules sans accents reliés "
               "par des tirets ; ne plus la changer une fois publiée."),
    "former_anchors": ("Anciennes ancres de l'item, quand il a reçu une « anchor » après publication : "
                       "les liens déjà donnés y mènent encore."),
    "label": "Intitulé officiel, exact.",
    "details": "Sous-points de l'intitulé.",
    "children": "Compétences ou savoirs rattachés.",
    "CurriculumItem.concepts": ("Notions vers lesquelles l'item renvoie, chacune avec la raison du lien et le "
                                "passage qui l'appuie (concept, why, attested_in, lines). Sans passage, pas de lien."),
    "NotionLink.concept": "Identifiant de la notion (concepts/).",
    "why": ("Pourquoi ce lien, en une phrase de vos mots (une courte citation du passage entre « ») : affiché "
            "aux formateurs sous « Pourquoi ce lien »."),
    "NotionLink.attested_in": "Document (identifiant de sources/) dont un passage appuie le lien.",
    "lines": "Lignes du passage dans le document source (ex. « 1015 », « 1015-1019 », « 1093, 207 »).",
}


def help_for(model_name: str, field: str) -> str | None:
    return HELP.get(f"{model_name}.{field}") or HELP.get(field)
