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


@pytest.mark.model
def test_a_name_set_off_before_a_title_of_something_is_a_person(analyze):
    rec = analyze("Other attendees include Hermann Drobnik, the president of the UN tribunal.")
    drobnik = named(rec, "Drobnik")[0]
    assert (drobnik.kind, drobnik.country, drobnik.sector) == ("person", None, "IGO")


@pytest.mark.model
def test_an_opposition_title_beats_the_sector_of_the_body_spoken_for(analyze):
    rec = analyze("The Centre Party opposition health spokesman, Mark Ellery, said the plan would fail. "
                  "Mr Ellery called for an inquiry.")
    assert named(rec, "Mark Ellery")[0].sector == "OPP"
