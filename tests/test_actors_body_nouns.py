"""Session 17: an organisation's sector from the common noun that describes it or the words its
name ends with (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.descriptions import name_tail_sector


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


def coded(rec, word):
    found = named(rec, word)
    return (found[0].country, found[0].sector) if found else None


def test_a_name_ending_in_defence_force_is_an_army():
    assert name_tail_sector("Norland People's Defence Force") == "MIL"
    assert name_tail_sector("Japan Self-Defense Forces") == "MIL"
    assert name_tail_sector("Norland Task Force") is None  # a police task force as often


@pytest.mark.model
def test_an_organisation_described_as_a_company_is_a_business(analyze):
    rec = analyze("Northgate Holdings is a mining company based in Perth. It denied the claims.")
    assert coded(rec, "Northgate Holdings")[1] == "BUS"


@pytest.mark.model
def test_what_a_body_owns_or_a_part_of_a_thing_is_no_description(analyze):
    rec = analyze("Profits fell at Acme Corp. The Kestrel Trust's website said the Eastern bank of the river flooded.")
    assert coded(rec, "Eastern") in (None, (None, None))
    assert coded(rec, "Kestrel Trust")[1] != "MED"


@pytest.mark.model
def test_a_defence_forces_spokesman_is_military(analyze):
    rec = analyze("Tom Reyes, a spokesman for the Norland Defence Force, said the troops would stay.")
    assert coded(rec, "Norland Defence Force")[1] == "MIL"
    assert coded(rec, "Tom Reyes")[1] == "MIL"  # the body's sector, over the speaker's GOV
