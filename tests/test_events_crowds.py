"""The parties of collective action read across the article (events/crowds.py). Hand-written texts."""

import pytest

from newsgraph.extract.events.crowds import _is, crowd_words


def test_the_word_lists_are_data():
    words = crowd_words()
    assert {"crowd", "force", "rule"} <= set(words)
    assert "protester" in words["crowd"] and "police" in words["force"] and "minister" in words["rule"]


def test_a_phrase_is_a_crowd_by_its_head_and_police_by_any_word():
    assert _is("crowd", "striking port workers")
    assert _is("crowd", "Unions")
    assert not _is("crowd", "union leaders")  # leaders of a crowd are not the crowd
    assert _is("force", "riot police officers")
    assert not _is("force", "national security")
    assert not _is("crowd", None)


def events(rec, trigger):
    return [e for e in rec.events if e.trigger.text == trigger]


def actor(rec, ident):
    return next((a for a in rec.actors if a.id == ident), None)


@pytest.mark.model
def test_a_nominal_strike_takes_the_crowd_named_before_it(analyze):
    rec = analyze("Port workers walked off the job in Valparaiso, Chile, on Tuesday. "
                  "The strike halted copper exports for a day.", published="2023-03-07")
    strike = events(rec, "strike")
    assert strike, rec.events
    src = actor(rec, strike[0].source)
    assert src is not None and "workers" in src.name and src.country == "CHL"


@pytest.mark.model
def test_an_unresolved_they_that_marches_is_the_crowd(analyze):
    rec = analyze("Demonstrators waved flags as they marched through Quito on Sunday. "
                  "Ecuador has seen a month of protests.", published="2023-03-07")
    march = events(rec, "marched")
    assert march and actor(rec, march[0].source) is not None
    assert actor(rec, march[0].source).name == "Demonstrators"


@pytest.mark.model
def test_a_protest_against_a_government_measure_targets_that_government(analyze):
    rec = analyze("Students rallied in Bogota on Friday. The protest against the government's tuition "
                  "plan drew ten thousand people, Colombian media said.", published="2023-03-07")
    protest = events(rec, "protest")
    assert protest, rec.events
    tgt = actor(rec, protest[0].target)
    assert tgt is not None and tgt.sector == "GOV" and tgt.country == "COL"
    assert actor(rec, protest[0].source).name == "Students" or protest[0].source is None


@pytest.mark.model
def test_a_walkout_over_a_decree_targets_the_official_who_signed_it(analyze):
    rec = analyze("The dockers' union called a walkout over a decree signed by Transport Minister Rosa Quispe.")
    walkout = events(rec, "walkout")
    assert walkout and actor(rec, walkout[0].target) is not None
    assert "Quispe" in actor(rec, walkout[0].target).name


@pytest.mark.model
def test_a_measure_nobody_owns_leaves_the_target_empty(analyze):
    rec = analyze("Students rallied on Friday against rising bus fares.", published="2023-03-07")
    rally = events(rec, "rallied")
    assert rally and rally[0].target is None


@pytest.mark.model
def test_a_trigger_word_naming_a_group_takes_no_crowd(analyze):
    rec = analyze("Thousands of protesters gathered in Lima. Later, protest leaders met the mayor.")
    assert all(e.source is None for e in events(rec, "protest"))


@pytest.mark.model
def test_a_crowd_beaten_by_nobody_named_is_beaten_by_the_police_nearby(analyze):
    rec = analyze("Riot police lined the avenue in Yerevan as protesters gathered on Monday. "
                  "Several demonstrators were beaten. Armenia's opposition has called for more rallies "
                  "across Armenia.", published="2023-03-07")
    beaten = events(rec, "beaten")
    assert beaten, rec.events
    src, tgt = actor(rec, beaten[0].source), actor(rec, beaten[0].target)
    assert src is not None and src.sector == "COP" and src.country == "ARM"
    assert tgt is not None and tgt.country == "ARM"


@pytest.mark.model
def test_a_shooting_by_nobody_named_is_not_given_to_the_police(analyze):
    rec = analyze("Riot police lined the avenue in Yerevan as protesters gathered on Monday. "
                  "Several demonstrators were shot.", published="2023-03-07")
    shot = events(rec, "shot")
    assert shot and all(e.source is None for e in shot)
