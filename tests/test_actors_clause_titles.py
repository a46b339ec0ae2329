"""Titles a sentence gives a name outside the parser's apposition (actors/clause_titles.py):
a loose apposition ("X, the Prime Minister of Y condemned ...") and a predicate ("X will
continue as prime minister", "X, who became interior minister")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _actor(record, name):
    return next(a for a in record.actors if a.name == name)


@pytest.mark.parametrize("text, country, sector", [
    ("Tom Reyes will continue as Prime Minister of Peru after the vote.", "PER", "GOV"),
    ("Tom Reyes, who became interior minister of Peru in 2004, resigned on Monday.", "PER", "GOV"),
    ("Tom Reyes was elected president of Peru in a landslide.", "PER", "GOV"),
    ("Tom Reyes was sworn in as the chief justice of Peru on Monday.", "PER", "JUD"),
])
def test_an_office_taken_or_kept_is_the_subjects_title(analyze, text, country, sector):
    record = analyze(text)
    reyes = _actor(record, "Tom Reyes")
    assert (reyes.country, reyes.sector) == (country, sector)
    assert not [a for a in record.actors if a.kind == "person" and a.name != "Tom Reyes"]  # no second person


@pytest.mark.parametrize("text", [
    "Tom Reyes would become chief executive of the Andean Mining Company in March.",
    "Voters must make sure that Tom Reyes becomes the next president of Peru.",
    "Tom Reyes served as prime minister of Peru from 1990 to 1995.",
    "Tom Reyes named Ana Ruiz chairman of the Andean Mining Company on Monday.",
    "Tom Reyes appointed her as interior minister of Peru on Monday.",
])
def test_an_office_hoped_for_or_past_is_not_read(analyze, text):
    assert _actor(analyze(text), "Tom Reyes").sector is None


def test_an_office_with_no_sector_keeps_a_private_persons_civilian_reading(analyze):
    text = "Mario Lopez, 63, has become the group's \"spiritual leader\" after fifty years in the mines."
    assert _actor(analyze(text), "Mario Lopez").sector == "CVL"


@pytest.mark.parametrize("text", [
    "Ana Ruiz, the Prime Minister of Chile condemned the vote on Monday.",
    "\"The rules apply to everyone,\" Ana Ruiz, the finance minister of Chile said.",
])
def test_an_apposition_without_its_closing_comma_is_read(analyze, text):
    ruiz = _actor(analyze(text), "Ana Ruiz")
    assert (ruiz.country, ruiz.sector) == ("CHL", "GOV")


def test_a_title_opening_the_next_clause_is_not_the_names(analyze):
    record = analyze("In a letter to Ana Ruiz, the Prime Minister of Chile said the talks would resume.")
    assert _actor(record, "Ana Ruiz").sector is None


def test_the_party_named_after_a_predicate_title_stays_an_actor(analyze):
    record = analyze("Kevin Marsh was elected leader of the Labor party by the caucus. The Labor party said it "
                     "would fight the election.")
    assert any(a.kind == "organization" and "Labor" in a.name for a in record.actors)
