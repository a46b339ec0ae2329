"""Session 13: countries of actors an article names, from data rows and titles (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.knowledge import lookup


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


# --------------------------------------------------------------------------- no model

@pytest.mark.parametrize("name, code", [
    ("Lufthansa", ("DEU", "BUS")), ("Wal-Mart", ("USA", "BUS")), ("Statoil", ("NOR", "BUS")),
    ("Kuomintang", ("TWN", "LEG")), ("ZANU-PF", ("ZWE", "LEG")), ("UKIP", ("GBR", "LEG")),
])
def test_companies_and_parties_have_a_home_country(name, code):
    assert lookup(name) == code


def test_a_name_parties_of_several_countries_share_has_no_row():
    assert lookup("Muslim Brotherhood", phoenix=False) is None
    assert lookup("Sinn Fein", phoenix=False) is None


# --------------------------------------------------------------------------- on the parse

PORTUGAL = ("LISBON, Portugal — Portugal's parliament debated the budget on Tuesday. "
            "The shadow foreign secretary, Rui Almeida, criticised the plans of the government. "
            "Police in Lisbon said the protest outside parliament was peaceful. "
            "Portuguese officials said the vote would take place on Friday.")
SHORT = ("Ministers in Portugal agreed a new pension plan on Monday. The opposition said the plan was too "
         "timid for Portugal. Police said a small protest outside the ministry was peaceful.")


@pytest.mark.model
@pytest.mark.parametrize("text, word, want", [
    (PORTUGAL, "Rui Almeida", ("PRT", "OPP")),  # "foreign" before "secretary" is no visitor word; a shadow
    # portfolio is the opposition's (session 23; GOV before)
    ("Qantas said on Monday that it would cancel flights to Bali for a week. The airline blamed the ash cloud.",
     "Qantas", ("AUS", "BUS")),  # a company with no country word: its home country
    (SHORT, "Police", ("PRT", "COP")),  # the one country a short story names
    ("Ministers in Portugal said Police would guard the ministry.", "Police", (None, "COP")),  # one sentence: too little
    ("The minister told BBC Radio 4 that the plan would go ahead.", "BBC Radio 4", ("GBR", "MED")),  # a channel
    ("Lufthansa Cargo said it would cut 200 jobs in Frankfurt.", "Lufthansa Cargo", ("DEU", "BUS")),  # a unit
    ("Sony Ericsson said on Monday that it would make cheaper phones.", "Sony Ericsson", (None, None)),  # two parents
])
def test_actor_country_and_sector(analyze, text, word, want):
    rec = analyze(text, published="2006-03-07")
    found = [a for a in named(rec, word) if a.name == word]
    assert found and all((a.country, a.sector) == want for a in found), found


@pytest.mark.model
def test_a_country_name_the_tagger_splits_at_of_is_one_place(analyze):
    rec = analyze("Fighting continued in the Democratic Republic of the Congo on Monday. "
                  "The army said rebels had attacked a town.", published="2008-11-03")
    congo = [p for p in rec.places if "Congo" in p.text]
    assert congo and all(p.country == "COD" for p in congo), congo


def test_two_words_naming_the_only_country_make_it_the_story_s():
    """Unit check of the session-13 path of ``_sole_country``: weight and number of words."""
    from collections import Counter

    from newsgraph.extract.actors.story import _sole_country
    starts = [0, 40, 90]
    assert _sole_country([], Counter({"DEU": 2.0}), starts, Counter({"DEU": 2})) == "DEU"
    assert _sole_country([], Counter({"DEU": 2.0}), starts, Counter({"DEU": 1})) is None  # one word says too little
    assert _sole_country([], Counter({"DEU": 2.0}), [0], Counter({"DEU": 2})) is None  # one sentence
    assert _sole_country([], Counter({"DEU": 2.0, "FRA": 1.0}), starts, Counter({"DEU": 2, "FRA": 1})) is None
