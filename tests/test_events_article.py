"""Arguments only the article gives (issue 10): responses to an earlier act, violence with no
perpetrator named in its sentence. Hand-written texts; the parties are invented or far from
any evaluation story."""

import pytest

from newsgraph.extract.events.article import _older, referents
from newsgraph.pipeline import analyze_text


def _events(rec, type_):
    names = {a.id: a for a in rec.actors}
    return [(e.trigger.text, names[e.source].country if e.source else None,
             names[e.target].country if e.target else None,
             names[e.target].sector if e.target else None) for e in rec.events if e.type == type_]


def test_referents_table_reads_types_any_and_mutual():
    table = referents()
    assert table["accusation"] == frozenset({"ACCUSE"})
    assert table["decision"] is None  # any earlier act
    assert table["war"] == frozenset({"mutual"})


def test_an_act_dated_months_before_the_article_is_older():
    class Doc:
        class _:
            import datetime as dt
            published = dt.date(2019, 6, 20)
    assert _older(Doc, "2018-11")
    assert not _older(Doc, "2019-06-02")
    assert not _older(Doc, None)
    assert not _older(Doc, "2019")  # a year alone says too little


@pytest.mark.model
def test_a_rejected_accusation_is_aimed_at_the_accuser(nlp):
    rec = analyze_text(
        "Chile and Peru trade charges\n\n"
        "Chile on Monday accused Peru of arming smugglers along the border. "
        "Peru rejected the accusation on Tuesday.", nlp, published="2019-06-20")
    assert ("rejected", "PER", "CHL", "GOV") in _events(rec, "REJECT")


@pytest.mark.model
def test_the_responders_own_act_is_not_its_target(nlp):
    # the only earlier accusation is Peru's own: nobody else to aim the denial at
    rec = analyze_text(
        "Dispute\n\nPeru accused Chile of spying on its navy. "
        "Peru later denied the claims in a statement.", nlp, published="2019-06-20")
    rej = _events(rec, "REJECT")
    assert rej and all(t != "PER" for _, _, t, _ in rej)


@pytest.mark.model
def test_a_charge_named_in_the_noun_phrase_wins(nlp):
    rec = analyze_text(
        "Row\n\nBolivia accused Chile of dumping copper. "
        "Paraguay rejected the allegations made by Uruguay.", nlp, published="2019-06-20")
    assert ("rejected", "PRY", "URY", "GOV") in _events(rec, "REJECT")


@pytest.mark.model
def test_a_claimed_attack_is_the_claimants(nlp):
    rec = analyze_text(
        "Blast in Mali\n\n"
        "A bomb attack on a market in Gao killed twelve people on Friday. "
        "The Macina Liberation Front claimed responsibility for the attack.", nlp, published="2019-06-20")
    names = {a.id: a for a in rec.actors}
    sources = [names[e.source].name for e in rec.events if e.type == "ASSAULT" and e.source]
    assert any("Macina" in s for s in sources), [(e.trigger.text, e.source) for e in rec.events]


@pytest.mark.model
def test_no_perpetrator_is_guessed_for_a_risk_or_a_war(nlp):
    rec = analyze_text(
        "Rebels in Mali\n\n"
        "Tuareg rebels attacked an army post near Kidal on Friday. "
        "Villagers say anyone is at risk of being attacked. "
        "The war has lasted for years.", nlp, published="2019-06-20")
    for e in rec.events:
        if e.trigger.text in ("attacked", "war") and e.trigger.start > rec.article.text.index("Villagers"):
            assert e.source is None, (e.trigger.text, e.source)
