"""A nationality used as a noun for people ("thousands of Sudanese", "Kenyans") is a group of that
country's civilians, never the state acting."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actor_of(record, words: str):
    start = record.article.text.index(words)
    return next(a for a in record.actors if any(m.start <= start < m.end for m in a.mentions))


@pytest.mark.parametrize("text, words, country", [
    ("Tens of thousands of Senegalese rallied in Dakar on Sunday.", "Senegalese", "SEN"),
    ("Many Congolese crossed into Uganda as the fighting spread.", "Congolese", "COD"),
    ("The Lebanese who gathered outside the ministry demanded new elections.", "Lebanese", "LBN"),
    ("Hundreds of Swiss rallied in Bern to oppose the new tax.", "Swiss", "CHE"),
    ("Thousands of Irish marched in Dublin against the water charges.", "Irish", "IRL"),
    ("Kenyans queued for hours to vote in Nairobi.", "Kenyans", "KEN"),
])
def test_a_nationality_of_people_is_a_civilian_group(analyze, text, words, country):
    actor = _actor_of(analyze(text), words)
    assert (actor.kind, actor.country, actor.sector) == ("group", country, "CVL")


def test_a_crowd_of_a_nation_protests_as_civilians_not_as_its_state(analyze):
    record = analyze("Thousands of Togolese protested in Lome on Saturday.")
    ids = {a.id: a for a in record.actors}
    protests = [e for e in record.events if e.type == "PROTEST"]
    assert protests
    source = ids[protests[0].source]
    assert (source.kind, source.country, source.sector) == ("group", "TGO", "CVL")


@pytest.mark.parametrize("text, words, sector", [
    ("Senegalese troops patrolled the border town.", "Senegalese troops", "MIL"),
    ("The Japanese government summoned the envoy.", "Japan", None),
])
def test_a_nationality_modifying_a_noun_is_not_a_crowd(analyze, text, words, sector):
    record = analyze(text)
    names = {a.name: a for a in record.actors}
    assert not any(a.sector == "CVL" for a in record.actors)
    if sector is not None:
        assert names[words].sector == sector


def test_a_crowd_protesting_against_a_leader_demonstrates(analyze):
    record = analyze("Tens of thousands of Malians protested against the junta leader in Bamako on Friday.")
    ids = {a.id: a for a in record.actors}
    protests = [e for e in record.events if e.trigger.text == "protested"]
    assert protests and protests[0].type == "PROTEST"
    assert (ids[protests[0].source].country, ids[protests[0].source].sector) == ("MLI", "CVL")


def test_a_government_protesting_against_an_act_still_protests_in_words(analyze):
    record = analyze("The Malian foreign ministry protested against the expulsion of its ambassador.")
    assert [e.type for e in record.events if e.trigger.text == "protested"] == ["ACCUSE"]
