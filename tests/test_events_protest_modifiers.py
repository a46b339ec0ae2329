"""A protest noun whose crowd is named only by its modifier (events/crowds.py, events/settle.py).

Hand-written texts: invented towns and wording.
"""

import pytest


def _events(rec, trigger):
    return [e for e in rec.events if e.trigger.text == trigger and e.type == "PROTEST"]


def _actor(rec, ident):
    return next((a for a in rec.actors if a.id == ident), None)


def _source(rec, trigger):
    evs = _events(rec, trigger)
    assert evs, rec.events
    return _actor(rec, evs[0].source)


@pytest.mark.model
def test_a_compound_noun_for_people_is_the_protest_crowd_with_its_sector_and_the_story_country(analyze):
    rec = analyze("Student protests closed two campuses in Arequipa, Peru, on Thursday. "
                  "Peru's education ministry said it would review the fee plan.", published="2024-05-09")
    src = _source(rec, "protests")
    assert src is not None and src.name.lower() == "student"
    assert src.kind == "group" and src.sector == "EDU" and src.country == "PER"


@pytest.mark.model
def test_a_workers_modifier_gives_a_labour_crowd_not_a_party_named_earlier(analyze):
    rec = analyze("The opposition in Kenya met in Nakuru on Monday. "
                  "Worker strikes then shut the tea estates near Kericho, Kenya.", published="2024-05-09")
    src = _source(rec, "strikes")
    assert src is not None and src.name.lower() == "worker" and src.sector == "LAB" and src.country == "KEN"


@pytest.mark.model
def test_a_nationality_adjective_gives_that_countrys_people_not_its_government(analyze):
    rec = analyze("Portuguese protests stranded ferry passengers in Lisbon on Friday.", published="2024-05-09")
    src = _source(rec, "protests")
    assert src is not None and src.kind == "group" and src.country == "PRT" and src.sector == "CVL"


@pytest.mark.model
def test_strikes_with_a_nationality_are_not_read_as_that_nations_crowd(analyze):
    rec = analyze("Turkish strikes hit a hillside village near Zakho on Friday.", published="2024-05-09")
    for e in _events(rec, "strikes"):
        src = _actor(rec, e.source)
        assert src is None or src.sector != "CVL"


@pytest.mark.model
def test_a_government_or_issue_modifier_is_no_crowd(analyze):
    rec = analyze("Pension protests grew in Oporto, Portugal, on Sunday.", published="2024-05-09")
    for e in _events(rec, "protests"):
        src = _actor(rec, e.source)
        assert src is None or "pension" not in src.name.lower()
    rec = analyze("Government protests grew in Braga, Portugal, on Sunday.", published="2024-05-09")
    for e in _events(rec, "protests"):
        src = _actor(rec, e.source)
        assert src is None or src.sector != "GOV"
