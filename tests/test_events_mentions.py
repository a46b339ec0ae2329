"""One event, several mentions (issue 10): linking, the record field, the store."""

import sqlite3
from pathlib import Path

import pytest

from newsgraph.pipeline import analyze_text
from newsgraph.store import Store, schema

TEXT = ("Chile imposes sanctions on Bolivia\n\n"
        "Chile imposed sanctions on Bolivia on Monday over the border dispute. "
        "The sanctions target three Bolivian ministers, the Chilean foreign ministry said. "
        "Separately, Peru condemned Ecuador.")


@pytest.fixture(scope="module")
def record(nlp):
    return analyze_text(TEXT, nlp)


def _sanctions(rec):
    return [e for e in rec.events if e.type == "SANCTION" and not e.negated]


@pytest.mark.model
def test_headline_lead_and_definite_noun_are_one_event(record):
    ev = _sanctions(record)
    assert len(ev) == 1, [(e.trigger.text, e.source, e.target) for e in ev]
    e = ev[0]
    assert e.trigger.text == "imposed"  # the lead's mention is reported, not the headline's
    assert sorted(m.trigger.text for m in e.mentions) == ["imposes", "sanctions"]
    for m in e.mentions:  # every mention is evidence with offsets into the text
        assert record.article.text[m.trigger.start:m.trigger.end] == m.trigger.text
    # another act of another type stays its own event
    assert [x for x in record.events if x.type == "ACCUSE"]


@pytest.mark.model
def test_mentions_survive_the_store(record, tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.write(record)
        assert store.read(record.article.id) == record


def test_a_version_2_store_gains_the_mentions_column(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("CREATE TABLE events (pk INTEGER PRIMARY KEY, id TEXT)")
    schema.MIGRATIONS[2](conn)
    assert "mentions" in [r[1] for r in conn.execute("PRAGMA table_info(events)")]


def _triggers(rec, type_):
    return sorted(e.trigger.text for e in rec.events if e.type == type_)


@pytest.mark.model
def test_a_mention_of_another_party_or_place_is_another_event(nlp):
    # "its support" names the opposition, not the government the earlier backing went to
    rec = analyze_text("Talks in Minsk\n\nRussia has kept backing Belarus for months. The crisis grew with "
                       "the intervention of Poland and its support for the Belarusian opposition.", nlp)
    assert _triggers(rec, "SUPPORT") == ["backing", "support"]
    # the war that broke out elsewhere is not the attack told earlier in Mali (since session 11
    # a war named only as a setting, with no onset verb, is no event at all)
    rec = analyze_text("Talks\n\nRebels attacked a base in Mali on Monday, officials said. "
                       "They said the attack recalled the war that broke out in Syria.", nlp)
    assert _triggers(rec, "ASSAULT") == ["attacked", "war"]
    attack = next(e for e in rec.events if e.trigger.text == "attacked")
    assert [m.trigger.text for m in attack.mentions] == ["attack"]


@pytest.mark.model
def test_two_verbs_in_other_sentences_and_words_are_two_acts(nlp):
    # same parties, same type, but told with other verbs on other days: two accusations
    rec = analyze_text("Fishing row\n\nChile accused Peru of spying on its fleet on Monday. "
                       "Later Chile criticised Peru over the fishing quotas.", nlp)
    assert {"accused", "criticised"} <= set(_triggers(rec, "ACCUSE")), [
        (e.trigger.text, [m.trigger.text for m in e.mentions or []]) for e in rec.events]


@pytest.mark.model
def test_the_war_is_not_one_of_its_killings(nlp):
    rec = analyze_text("Fighting in the north\n\nFour soldiers were killed near Kidal on Friday. "
                       "The war began ten years ago.", nlp)  # a war that only lasts is a setting (session 11)
    killed = [e for e in rec.events if e.trigger.text == "killed"]
    assert killed and all(m.trigger.text != "war" for e in killed for m in e.mentions or [])
    assert "war" in _triggers(rec, "ASSAULT")
