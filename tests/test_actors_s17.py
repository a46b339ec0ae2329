"""Session 17: time-zone abbreviations after a clock time are no actors; a chamber named by its word alone is the story's legislature (hand-written texts)."""

from __future__ import annotations

import pytest


def names(rec):
    return {a.name for a in rec.actors}


@pytest.mark.model
def test_a_zone_after_a_clock_time_is_no_actor(analyze):
    rec = analyze("Voting in Borduvia opens at 07:00 BST (06:00 UTC) and closes at 22:00 BST. "
                  "The count began at 1730 GMT, and the minister spoke at 10:00 a.m. EDT. "
                  "The rally started around 11:00 (UTC +1) outside the parliament.")
    assert not names(rec) & {"BST", "UTC", "GMT", "EDT"}


@pytest.mark.model
def test_the_same_word_elsewhere_is_left_to_the_tagger(analyze):
    rec = analyze("Workers at CAT, the digger maker, went on strike on Monday, the union said.")
    assert "CAT" in names(rec)


@pytest.mark.model
def test_a_chamber_named_by_its_word_alone_is_the_storys_legislature(analyze):
    rec = analyze("The budget bill passed the House on Tuesday in Ottawa, Canadian officials said. "
                  "Prime Minister Stephen Harper welcomed the vote.", published="2007-03-01")
    house = [a for a in rec.actors if a.name == "House"]
    assert house and (house[0].country, house[0].sector) == ("CAN", "LEG")
