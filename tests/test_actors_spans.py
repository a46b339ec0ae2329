"""A mention covers the whole phrase that names the actor: the title before a person's name and
the office a country's name is the "of" object of (actors.spans)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _mentions(record, name):
    text = record.article.text
    actor = next(a for a in record.actors if a.name == name)
    return [text[m.start:m.end] for m in actor.mentions], actor


def test_a_title_before_a_name_is_part_of_the_mention(analyze):
    record = analyze("President Ivo Petrak met Prime Minister Ana Ruiz in Lima on Monday.")
    assert "President Ivo Petrak" in _mentions(record, "Ivo Petrak")[0]
    assert "Prime Minister Ana Ruiz" in _mentions(record, "Ana Ruiz")[0]


@pytest.mark.parametrize("text, title", [
    ("Vice-President Ivo Petrak said the talks would resume in Lima.", "Vice-President"),
    ("Minister of Justice Ivo Petrak said the law was passed on Monday.", "Minister of Justice"),
])
def test_a_title_of_several_words_is_one_title(analyze, text, title):
    assert f"{title} Ivo Petrak" in _mentions(analyze(text), "Ivo Petrak")[0]


def test_a_nationality_before_the_title_stays_out(analyze):
    record = analyze("Chilean President Ivo Petrak said the talks would resume.")
    assert "President Ivo Petrak" in _mentions(record, "Ivo Petrak")[0]


def test_the_government_of_a_country_is_one_mention(analyze):
    record = analyze("Farmers said the central government of Kenya had raised the price of seed.")
    mentions, actor = _mentions(record, "Kenya")
    assert "central government of Kenya" in mentions
    assert (actor.country, actor.sector) == ("KEN", "GOV")


def test_an_office_of_a_country_is_one_mention(analyze):
    record = analyze("The president of Chile will visit Peru next week, officials said.")
    assert any(m == "president of Chile" for a in record.actors
               for m in [record.article.text[s.start:s.end] for s in a.mentions] if a.country == "CHL")


def test_the_offices_of_several_countries_are_not_one(analyze):
    record = analyze("The presidents of Chile and Peru met in Lima on Monday.")
    text = record.article.text
    assert not any(text[m.start:m.end].startswith("presidents of") for a in record.actors for m in a.mentions)
