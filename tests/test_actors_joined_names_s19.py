"""Session 19: one person's name the tagger cut into two adjacent person entities ("Ana Maria" +
"Ruiz Lopez") is one actor, and a shorter full name that ends a longer one ("Ruiz Lopez" of "Ana
Maria Ruiz Lopez") joins it (hand-written texts)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.actors.knowledge import load_knowledge
from newsgraph.extract.actors.persons import _joined_names, _person_groups

_NLP = spacy.blank("en")


def _doc(text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = _NLP(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _joined(text: str, ents: list[tuple[int, int, str]]) -> list[str]:
    doc = _doc(text, ents)
    return [s.text for s in _joined_names(load_knowledge(), list(doc.ents))]


def test_two_touching_person_spans_are_one_name():
    assert _joined("Police arrested Omar Khalid al-Harbi on Monday.", [(2, 4, "PERSON"), (4, 7, "PERSON")]) \
        == ["Omar Khalid al-Harbi"]
    assert _joined("They met President Joao Carlos Pinto da Costa today.", [(2, 5, "PERSON"), (5, 8, "PERSON")]) \
        == ["President Joao Carlos Pinto da Costa"]
    assert _joined("He thanked Mei-ling Chen warmly.", [(2, 5, "PERSON"), (5, 6, "PERSON")]) == ["Mei-ling Chen"]


@pytest.mark.parametrize("text, ents", [
    ("He conducted Carlo Rossi's Aida Verde in May.", [(2, 5, "PERSON"), (5, 7, "PERSON")]),  # a possessive
    ("Labour MP Ana Ruiz said so.", [(0, 2, "PERSON"), (2, 4, "PERSON")]),  # a title between
    ("Ana Ruiz, Tom Hale and others left.", [(0, 2, "PERSON"), (3, 5, "PERSON")]),  # a comma between
    ("Ana Ruiz TOM HALE left.", [(0, 2, "PERSON"), (2, 4, "PERSON")]),  # capitals
    ("Ana Ruiz met Tom Hale.", [(0, 2, "PERSON"), (3, 5, "PERSON")]),  # not touching
    ("Ana Ruiz Lima Peru", [(0, 2, "PERSON"), (2, 3, "GPE")]),  # a place
])
def test_spans_that_are_not_one_name_stay_apart(text, ents):
    assert len(_joined(text, ents)) == len(ents)


def test_a_shorter_full_name_and_a_surname_join_the_longer_name():
    doc = _doc("Ana Maria Ruiz Lopez spoke . Ruiz Lopez left . Lopez and Maria waved .",
               [(0, 4, "PERSON"), (6, 8, "PERSON"), (10, 11, "PERSON"), (12, 13, "PERSON")])
    groups = _person_groups(load_knowledge(), list(doc.ents))
    assert set(groups.values()) == {"Ana Maria Ruiz Lopez"}


def test_a_two_word_name_is_not_joined_to_another_persons_name_by_its_first_word():
    doc = _doc("Tom Hale spoke . Tom Hale Smith left .", [(0, 2, "PERSON"), (4, 7, "PERSON")])
    groups = _person_groups(load_knowledge(), list(doc.ents))
    assert groups[0] == "Tom Hale"


@pytest.mark.model
def test_a_split_name_is_one_actor_with_its_later_mentions(analyze):
    rec = analyze("Brazilian President Luiz Inacio Lula da Silva met farmers in Brasilia on Monday. "
                  "Lula da Silva promised more land. Later Lula said the budget would grow.",
                  published="2005-05-02")
    names = [a.name for a in rec.actors if a.kind == "person"]
    assert names == ["Luiz Inacio Lula da Silva"], names
    found = [a for a in rec.actors if a.kind == "person"][0]
    assert (found.country, found.sector) == ("BRA", "GOV")
    assert len(found.mentions) >= 3
