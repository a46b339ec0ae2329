"""Protest events coded as event-data users expect (session 10): strikes told with "on strike",
crowds taking to the avenues, protests at a foreign mission, the measure a purpose clause
opposes, and a domestic crowd's untargeted protest aimed at its own country. Hand-written texts."""

import pytest

from newsgraph.extract.events.crowds import crowd_words
from newsgraph.extract.events.implicit import _table


def test_the_words_are_data():
    words = crowd_words()
    assert {"embassy", "consulate"} <= words["mission"]
    assert {"take", "be", "remain"} <= words["phrasal"]
    table = _table()
    assert "143" in table["strike_code"] and {"factory", "employer"} <= table["employer"]


def protests(rec, trigger=None):
    return [e for e in rec.events if e.type == "PROTEST" and (trigger is None or e.trigger.text == trigger)]


def actor(rec, ident):
    return next((a for a in rec.actors if a.id == ident), None)


def unnamed(rec, ident):
    """No party the text names: an empty side, or the story country's unnamed party (.unnamed)."""
    return ident is None or actor(rec, ident).kind == "unnamed"


@pytest.mark.model
def test_workers_on_strike_strike_and_the_trigger_is_the_noun(analyze):
    rec = analyze("Port workers in Gdynia remained on strike on Thursday. "
                  "Crane drivers at the harbour have been on strike since March.", published="2023-04-06")
    found = protests(rec, "strike")
    assert len(found) == 2, rec.events
    assert all(e.cameo == "143" for e in found)
    assert not protests(rec, "remained") and not protests(rec, "been")


@pytest.mark.model
def test_taking_to_the_streets_is_a_demonstration_but_taking_time_on_them_is_not(analyze):
    rec = analyze("Hundreds of cabbies took to Asuncion's streets on Monday.", published="2023-04-06")
    assert [e.cameo for e in protests(rec, "took")] == ["141"]
    rec = analyze("The parade took almost an hour to wind through the cobbled streets near the old mill.",
                  published="2023-04-06")
    assert not protests(rec)


@pytest.mark.model
def test_a_protest_outside_a_foreign_mission_is_aimed_at_that_state(analyze):
    rec = analyze("Hundreds of Latvian students demonstrated outside the Belarusian embassy in Riga on Tuesday.",
                  published="2023-04-06")
    found = protests(rec, "demonstrated")
    assert found, rec.events
    tgt = actor(rec, found[0].target)
    assert tgt is not None and tgt.country == "BLR" and tgt.sector == "GOV"


@pytest.mark.model
def test_a_purpose_clause_names_the_measure_and_its_owner_is_the_target(analyze):
    rec = analyze("Malawi raised school fees in May. Hundreds of teachers marched on Friday "
                  "to oppose the government's new pay scale.", published="2023-04-06")
    found = protests(rec, "marched")
    assert found, rec.events
    tgt = actor(rec, found[0].target)
    assert tgt is not None and tgt.sector == "GOV" and "government" in tgt.name.lower()


ESTONIA = ("TALLINN, Estonia — Estonia has seen weeks of unrest over a rise in fuel duty. The duty took "
           "effect in January, and Estonian hauliers say their margins have vanished. ")


@pytest.mark.model
def test_a_domestic_crowd_protesting_with_no_government_near_is_aimed_at_its_country(analyze):
    rec = analyze(ESTONIA + "Several thousand protesters rallied on Saturday. The dock workers are on strike.",
                  published="2023-04-06")
    for trigger in ("rallied", "strike"):
        found = protests(rec, trigger)
        assert found, (trigger, rec.events)
        tgt = actor(rec, found[0].target)
        assert tgt is not None and tgt.country == "EST" and tgt.kind == "state", trigger


@pytest.mark.model
def test_a_protest_told_as_a_rule_gets_no_country(analyze):
    rec = analyze(ESTONIA + "Protesters must apply for a permit before they rally.", published="2023-04-06")
    assert protests(rec, "rally") and all(unnamed(rec, e.target) for e in protests(rec, "rally"))


@pytest.mark.model
def test_a_strike_in_a_story_about_an_employer_gets_no_country(analyze):
    rec = analyze("TALLINN, Estonia — The shipyard's management refused a pay rise last week. "
                  "Its Estonian workers said the offer was an insult. The workers are on strike.",
                  published="2023-04-06")
    found = protests(rec, "strike")
    assert found and found[0].source is not None, rec.events
    assert all(unnamed(rec, e.target) for e in found)  # not the state: maybe the employer


@pytest.mark.model
def test_a_story_whose_protests_are_against_a_foreign_state_keeps_the_others_untargeted(analyze):
    rec = analyze(ESTONIA + "Hundreds of Estonian students protested against Belarus on Friday. "
                  "Several thousand protesters rallied on Saturday.", published="2023-04-06")
    assert actor(rec, protests(rec, "protested")[0].target).country == "BLR"
    again = protests(rec, "rallied")
    assert again and again[0].source is not None, rec.events
    assert all(e.target is None for e in again)


@pytest.mark.model
def test_showing_something_and_a_missile_strike_are_no_protests(analyze):
    rec = analyze("The drill demonstrated the resolve of the coastal brigades. "
                  "Analysts feared a missile strike on the radar station.", published="2023-04-06")
    assert not protests(rec)
    assert any(e.type == "ASSAULT" and e.trigger.text == "strike" for e in rec.events)


@pytest.mark.model
def test_an_anti_nation_protest_is_aimed_at_that_nation_and_its_prefix_is_nobody(analyze):
    rec = analyze("Two students were hurt on the third night of anti-Belgian rallies in Kinshasa.",
                  published="2023-04-06")
    found = protests(rec, "rallies")
    assert found, rec.events
    assert found[0].source is None or actor(rec, found[0].source).name.lower() != "anti"
    tgt = actor(rec, found[0].target)
    assert tgt is not None and tgt.country == "BEL"


@pytest.mark.model
def test_a_protest_noun_held_by_someone_has_that_organiser_as_source(analyze):
    rec = analyze("Ghana's cocoa farmers want higher prices. The second rally, much larger than the first, "
                  "was held by the Cocoa Growers Alliance, a national farmers' group.", published="2023-04-06")
    found = protests(rec, "rally")
    assert found, rec.events
    src = actor(rec, found[0].source)
    assert src is not None and src.name == "Cocoa Growers Alliance"
