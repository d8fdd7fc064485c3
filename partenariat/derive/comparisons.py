"""The hand-written comparison pages of docs/comparer/ and the notions each one compares.

Concept pages link to the comparisons that concern them, first thing after their key
definitions; a test checks this list against the `compare(...)` macros of the pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    slug: str  # docs/comparer/<slug>.md
    title: str
    concepts: tuple[str, ...]
    # what tells the notions apart first, in plain words (shown on the concept pages)
    criterion: str


COMPARISONS: tuple[Comparison, ...] = (
    Comparison("partenariat-reseau", "Partenariat et réseau", ("partenariat", "reseau"),
               "les organisations engagées ou les personnes reliées"),
    Comparison("partenariat-coordination", "Partenariat et coordination", ("partenariat", "coordination"),
               "l'action commune négociée ou la mise en cohérence des réponses"),
    Comparison("partenariat-cooperation", "Partenariat et coopération", ("partenariat", "cooperation"),
               "une forme particulière ou le terme générique de l'« agir ensemble »"),
    Comparison("collaboration-cooperation-articulation", "Collaboration, coopération, articulation",
               ("collaboration", "cooperation", "articulation", "coordination"),
               "le degré d'engagement et la souplesse du lien"),
)

# The continuum page compares every step of the scale « de l'information à la fusion ».
CONTINUUM = Comparison("continuum", "De l'information à la fusion", (),
                       "la place de chaque forme sur une échelle d'intégration")
CONTINUUM_AXIS = "continuum-information-fusion"
