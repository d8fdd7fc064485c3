"""Controlled vocabularies: the closed lists editors choose from, with their French labels.

Kept in one place so that models (validation), renderers (labels) and the contributor
guide all read the same list.
"""

from __future__ import annotations

AUTHOR_KINDS = {
    "personne": "Personne",
    "organisme": "Organisme",
}

SOURCE_TYPES = {
    "livre": "Livre",
    "chapitre": "Chapitre d'ouvrage",
    "article": "Article de revue",
    "numero-revue": "Numéro de revue",
    "entree-dictionnaire": "Entrée de dictionnaire",
    "communication": "Communication (colloque, journée d'étude)",
    "diaporama": "Support d'intervention",
    "synthese-atelier": "Synthèse d'atelier",
    "dossier": "Dossier documentaire",
    "memoire": "Mémoire ou thèse",
    "rapport": "Rapport ou guide",
    "page-web": "Page web",
    "texte-officiel": "Texte officiel",
    "convention": "Convention de partenariat",
    "non-precise": "Travail cité (nature non précisée)",
}

LEGAL_KINDS = {
    "loi": "Loi",
    "ordonnance": "Ordonnance",
    "decret": "Décret",
    "circulaire": "Circulaire",
    "lettre": "Lettre ministérielle",
    "code": "Article de code",
    "plan": "Plan gouvernemental",
}

CASE_KINDS = {
    "encadre": "Encadré",
    "atelier": "Synthèse d'atelier",
    "entretien": "Entretien",
    "temoignage": "Témoignage",
    "enquete": "Enquête",
}

PARTNERSHIP_LEVELS = {
    "minimal": "Niveau minimal",
    "intermediaire": "Niveau intermédiaire",
    "maximal": "Niveau maximal",
}

# What a quotation of a concept's `definitions` is: only a definition is asked as one by the
# question bank; the concept page labels the others (« Remarque de … », « Question posée par … »).
QUOTE_KINDS = {
    "definition": "Définition",
    "remarque": "Remarque",
    "objectif": "Objectif",
    "question": "Question",
    "commentaire": "Commentaire en marge",
    "texte-de-loi": "Texte de loi",
    "presentation-editeur": "Présentation de l'éditeur",
}

# The words that introduce the speaker of a quotation that is not a definition (the grammar
# helper fits « de » and « par » to the name: « Remarque d'Evelyne Simondi », « … du Réseau »).
QUOTE_CREDITS = {
    "remarque": "Remarque de",
    "objectif": "Objectif cité par",
    "question": "Question posée par",
    "commentaire": "Commentaire en marge de",
    "presentation-editeur": "Présentation de l'éditeur, pour l'ouvrage de",
}

# Typed relations between concepts. The label reads "<concept> <label> <other concept>".
RELATIONS = {
    "distinct-de": "se distingue de",
    "forme-de": "est une forme de",
    "niveau-de": "est un niveau de",
    "etape-de": "est une étape de",
    "composante-de": "est une composante de",
    "s-oppose-a": "s'oppose à",
    "condition-de": "est une condition de",
    "outil-de": "est un outil de",
    "risque-de": "est un risque de",
    "critique-de": "est une critique de",
    "voisin-de": "est voisin de",
    "precede": "précède",
    "suit": "suit",
    "englobe": "englobe",
    "associe-a": "est associé à",
}

# Rows of the comparison tables (partenariat vs réseau, coordination, ...).
TRAITS = {
    "finalite": "Finalité",
    "formalisation": "Formalisation",
    "duree": "Durée",
    "rapport-institutions": "Rapport aux institutions",
    "autorite": "Autorité, hiérarchie",
    "engagement": "Engagement",
    "place-usager": "Place de l'usager",
    "echelle-territoriale": "Échelle territoriale",
    "integration": "Degré d'intégration",
    "fondement": "Fondement",
}

CONCEPT_FAMILIES = {
    "formes-travail-commun": "Formes du travail en commun",
    "acteurs-instances": "Acteurs et instances",
    "cadre-trepos": "Cadre d'analyse de J.-Y. Trépos (2017)",
    "territoires": "Partenariat et territoires",
    "enjeux-limites": "Enjeux, limites et critiques",
    "outils-pratiques": "Outils et pratiques",
    "politiques-dispositifs": "Politiques et dispositifs",
    "evaluation": "Évaluation",
}

GLOSSARY_DOMAINS = {
    "education": "Éducation",
    "sante": "Santé",
    "social": "Action sociale",
    "medico-social": "Médico-social",
    "protection-enfance": "Protection de l'enfance",
    "justice": "Justice",
    "politique-ville": "Politique de la ville",
    "insertion": "Insertion et emploi",
    "collectivites": "Collectivités et État",
    "formation": "Formation et recherche",
    "reseaux-associations": "Réseaux et associations",
}

# Slug of the value that marks a fact as coming from general knowledge, not the seeds.
OUTSIDE_SEEDS = "hors-corpus"
