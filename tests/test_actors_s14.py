"""Session 14: actors the text describes in one place and names in another (hand-written texts)."""

from __future__ import annotations

import pytest


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


@pytest.mark.model
def test_a_surname_the_tagger_calls_an_organisation_joins_the_full_name(analyze):
    rec = analyze("Robert Kilbride-Smythe, the party leader, spoke at the conference. Kilbride-Smythe said "
                  "the party would win. Critics of Kilbride-Smythe said the party had no policies.")
    found = named(rec, "Kilbride-Smythe")
    assert [a.kind for a in found] == ["person"]
    assert len(found[0].mentions) == 3


@pytest.mark.model
def test_an_acronym_the_text_calls_an_opposition_party_joins_its_full_name(analyze):
    rec = analyze("Both the Movement for National Renewal and the ruling Progress Party kept their seats. "
                  "The opposition party, the MNR, said the count was fair. MNR leader Ana Costa thanked voters.")
    movement = named(rec, "MNR")
    assert [a.name for a in movement] == ["Movement for National Renewal"]
    assert movement[0].sector == "OPP"
    assert named(rec, "Ana Costa")[0].sector == "OPP"  # her title names the party
    assert named(rec, "Progress Party")[0].sector == "GOV"  # "Party", a proper noun, is the head
