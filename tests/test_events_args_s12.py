"""Arguments read by construction (issue 10, session 12): a part of a definite plural ("some of
the strikers", "two of the envoys") stands for that plural's party, and the armed force a
withdrawal names on "of" is the force moved, not whom the withdrawal is aimed at.
Hand-written texts, far from any evaluation story."""

import pytest
from spacy import blank
from spacy.tokens import Doc

from newsgraph.extract.events.syntax import counted


def _doc(words, tags, heads, deps):
    return Doc(blank("en").vocab, words=words, tags=tags, heads=heads, deps=deps)


def _events(rec, type_):
    actor = {a.id: a for a in rec.actors}.get
    out = [(actor(e.source), actor(e.target)) for e in rec.events if not e.negated and e.type == type_]
    assert out, f"no {type_} event"
    return out


# --------------------------------------------------------------------------- partitives (.syntax.counted)


def test_a_part_of_a_definite_plural_is_that_plural():
    # "talked with some of the protesters"
    doc = _doc(["talked", "with", "some", "of", "the", "protesters"], ["VBD", "IN", "DT", "IN", "DT", "NNS"],
               [0, 0, 1, 2, 5, 3], ["ROOT", "prep", "pobj", "prep", "det", "pobj"])
    assert counted(doc[2]).text == "protesters"
    # "freed two of Peru's soldiers": a number, and a possessor makes the plural definite
    doc = _doc(["freed", "two", "of", "Peru", "'s", "soldiers"], ["VBD", "CD", "IN", "NNP", "POS", "NNS"],
               [0, 0, 1, 5, 3, 2], ["ROOT", "dobj", "prep", "poss", "case", "pobj"])
    assert counted(doc[1]).text == "soldiers"


def test_no_part_of_a_singular_an_indefinite_or_a_demonstrative():
    # "most of the province": a place, not a party
    doc = _doc(["held", "most", "of", "the", "province"], ["VBD", "JJS", "IN", "DT", "NN"],
               [0, 0, 1, 4, 2], ["ROOT", "dobj", "prep", "det", "pobj"])
    assert counted(doc[1]).i == 1
    # "won two of five seats": no definite whole
    doc = _doc(["won", "two", "of", "five", "seats"], ["VBD", "CD", "IN", "CD", "NNS"],
               [0, 0, 1, 4, 2], ["ROOT", "dobj", "prep", "nummod", "pobj"])
    assert counted(doc[1]).i == 1
    # "some of these men": the demonstrative points back at a group the clause does not name
    doc = _doc(["charged", "some", "of", "these", "men"], ["VBD", "DT", "IN", "DT", "NNS"],
               [0, 0, 1, 4, 2], ["ROOT", "dobj", "prep", "det", "pobj"])
    assert counted(doc[1]).i == 1


def test_an_apposition_names_the_part_itself():
    # "one of the bidders , Acme , withdrew": Acme is the part, not the bidders
    doc = _doc(["one", "of", "the", "bidders", ",", "Acme", ",", "withdrew"],
               ["CD", "IN", "DT", "NNS", ",", "NNP", ",", "VBD"],
               [7, 0, 3, 1, 0, 0, 0, 7], ["nsubj", "prep", "det", "pobj", "punct", "appos", "punct", "ROOT"])
    assert counted(doc[0]).i == 0


@pytest.mark.model
def test_a_part_of_them_is_whom_they_stand_for(analyze):
    rec = analyze("March on the ministry\n\n"
                  "Hundreds of Bolivian miners marched on the ministry in Sucre on Monday. "
                  "Police arrested some of them near the square.")
    sides = _events(rec, "COERCE")
    assert any(tgt is not None and tgt.country == "BOL" for _, tgt in sides)


@pytest.mark.model
def test_negotiating_with_some_of_a_crowd_targets_the_crowd(analyze):
    rec = analyze("Standoff at the port\n\n"
                  "Guatemalan riot police negotiated with some of the protesters outside the customs "
                  "building on Thursday.")
    sides = _events(rec, "CONSULT")
    assert any(src is not None and "police" in src.name.lower() and tgt is not None
               and "protesters" in tgt.name.lower() for src, tgt in sides)


# --------------------------------------------------------------------------- the force a withdrawal moves (.args)


@pytest.mark.model
def test_the_troops_a_withdrawal_moves_are_not_its_target(analyze):
    rec = analyze("Drawdown\n\n"
                  "The Norwegian cabinet approved the withdrawal of Danish peacekeepers from the buffer "
                  "zone on Friday.")
    sides = _events(rec, "RETREAT")
    assert all(tgt is None or "peacekeepers" not in tgt.name.lower() for _, tgt in sides)


@pytest.mark.model
def test_a_withdrawal_of_troops_from_a_country_is_aimed_at_that_country(analyze):
    rec = analyze("Drawdown\n\n"
                  "Canada began the withdrawal of its remaining soldiers from Mali on Tuesday.")
    sides = _events(rec, "RETREAT")
    assert any(tgt is not None and tgt.country == "MLI" for _, tgt in sides)
    assert all(tgt is None or "soldiers" not in tgt.name.lower() for _, tgt in sides)
