"""Parties the article gives (issue 10): an act with no target named is aimed at its source's
counterpart in the article (.dyad); a pronoun opening a sentence continues the previous
sentence's subject (.pronouns). Hand-written texts; the parties are far from any evaluation
story."""

from collections import Counter

import pytest

from newsgraph.extract.events.dyad import _counterparts, _side, _table

_STORY = (
    "Colombian army clashes with FARC rebels\n\n"
    "Colombian troops attacked FARC rebels in the southern jungle on Monday. "
    "The rebels accused the Colombian army of bombing villages. "
    "Colombia's defence minister dismissed the accusation. "
    "The FARC later ambushed a Colombian army patrol near the river. "
)


def test_sides_join_a_states_sectors_and_leave_out_bystanders():
    assert _side("COL", "MIL", "army", False) == _side("COL", "GOV", "ministry", False) == ("COL", "state")
    assert _side("COL", "REB", "farc", False) == _side("COL", "INS", "eln", False) == ("COL", "armed")
    assert _side("COL", None, "colombia", True) == ("COL", "state")
    assert _side("COL", "CVL", "villagers", False) is None  # civilians are no side of the dispute
    assert _side(None, "IGO", "un", False) == ("un", "igo")
    assert _table()[0]["ASSAULT"] == "force" and "SUPPORT" not in _table()[0]


def test_a_counterpart_needs_two_events_and_no_tie():
    a, b, c = ("COL", "state"), ("COL", "armed"), ("VEN", "state")
    # c met a once: a's counterpart is b, and c has none
    assert _counterparts(Counter({frozenset((a, b)): 2, frozenset((a, c)): 1})) == {a: b, b: a}
    assert _counterparts(Counter({frozenset((a, b)): 1})) == {}  # once is no dyad
    assert a not in _counterparts(Counter({frozenset((a, b)): 2, frozenset((a, c)): 2}))  # a tie says nothing


@pytest.mark.model
def test_a_threat_with_no_target_is_aimed_at_the_other_side(analyze):
    rec = analyze(_STORY + "On Tuesday the FARC threatened to widen its campaign.")
    names = {a.id: a for a in rec.actors}
    threats = [e for e in rec.events if e.type == "THREATEN"]
    assert threats and all(names[e.source].sector == "REB" for e in threats)
    assert [(names[e.target].country, names[e.target].sector) for e in threats] == [("COL", "MIL")]


@pytest.mark.model
def test_a_sentence_naming_a_third_party_keeps_its_act_untargeted(analyze):
    rec = analyze(_STORY + "On Tuesday the FARC threatened to widen its campaign, Venezuela's foreign minister said.")
    threats = [e for e in rec.events if e.type == "THREATEN"]
    assert threats and all(e.target is None for e in threats)


# --------------------------------------------------------------------------- a pronoun subject (.pronouns)

_MARCH = ("Fuel prices spark anger\n\n"
          "Hundreds of thousands of Pandorians began marching last spring over rising fuel prices. ")


def _sources(rec, type_):
    names = {a.id: a.name for a in rec.actors}
    return [names.get(e.source) for e in rec.events if e.type == type_]


@pytest.mark.model
def test_a_pronoun_opening_a_sentence_continues_the_previous_subject(analyze):
    rec = analyze(_MARCH + "They demanded lower taxes and the minister's resignation.")
    assert _sources(rec, "REQUEST") == ["Pandorians"]


@pytest.mark.model
def test_a_pronoun_in_a_quote_or_after_another_party_is_left_alone(analyze):
    quoted = analyze(_MARCH + '"They demanded lower taxes," the minister told reporters.')
    assert "Pandorians" not in _sources(quoted, "REQUEST")  # the speaker means whom they mean
    after = analyze(_MARCH + "Facing the Kalvarian army, they demanded lower taxes.")
    assert "Pandorians" not in _sources(after, "REQUEST")
