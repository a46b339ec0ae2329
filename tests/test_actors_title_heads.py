"""Session 18: a person whose title names a body with no sector of its own, and the office words
the curated roles lacked (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.descriptions import name_tail_sector


def coded(rec, name):
    """(country, sector) of the first actor whose name holds ``name``."""
    return next(((a.country, a.sector) for a in rec.actors if name in a.name), None)


def test_a_one_word_tail_gives_a_body_its_sector():
    assert name_tail_sector("Norland Food Safety Commission") == "GOV"
    assert name_tail_sector("the Norland Transit Agency") == "GOV"
    assert name_tail_sector("Norland Defence Agency") == "MIL"  # the longer tail first
    assert name_tail_sector("Kestrel Holdings") == "BUS"
    assert name_tail_sector("Norland General Assembly") == "LEG"
    assert name_tail_sector("Kestrel City Council") == "GOV"  # a local government
    assert name_tail_sector("Kestrel Building Society") == "BUS"  # over "society" NGO
    assert name_tail_sector("Centre for Policy Studies") == "NGO"


def test_a_bare_tail_word_or_a_body_of_several_kinds_gives_none():
    assert name_tail_sector("Commission") is None  # one named earlier
    assert name_tail_sector("the Board") is None
    assert name_tail_sector("Norland Bar Association") is None  # a lobby, a union, a club
    assert name_tail_sector("Kestrel Policy Institute") is None  # a think tank or a university's
    assert name_tail_sector("Norland Ethics Committee") is None
    assert name_tail_sector("Kestrel Council") is None  # a city's, a state's or a lobby's


@pytest.mark.model
def test_the_chair_of_a_commission_takes_its_sector(analyze):
    rec = analyze("Ana Ruiz, chairwoman of the Norland Fair Trading Commission, said the banks had "
                  "broken the law in Norland. The Norland Fair Trading Commission fined them.")
    assert coded(rec, "Norland Fair Trading Commission")[1] == "GOV"
    assert coded(rec, "Ana Ruiz")[1] == "GOV"


@pytest.mark.model
def test_abbreviated_legislators_and_the_taoiseach_have_a_sector(analyze):
    rec = analyze("Sen. Tom Reyes of Ohio criticised the plan on Monday. Irish Taoiseach Sean Byrne "
                  "met Rep. Ana Ruiz in Dublin.")
    assert coded(rec, "Tom Reyes")[1] == "LEG"
    assert coded(rec, "Ana Ruiz")[1] == "LEG"
    assert coded(rec, "Sean Byrne") == ("IRL", "GOV")
