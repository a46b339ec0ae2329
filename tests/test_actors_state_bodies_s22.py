"""Session 22: a public body told by a common noun and a country word ("the Chilean intelligence
agency") is one body actor with that country, not the state, and not nothing (hand-written texts)."""

from __future__ import annotations

import pytest


def _with(rec, words):
    return [a for a in rec.actors if any(words in rec.article.text[m.start:m.end] for m in a.mentions)]


@pytest.mark.model
def test_a_body_after_the_state_is_named_is_found(analyze):
    rec = analyze("Peru and Chile signed a border treaty in Lima. "
                  "On Monday the Peruvian counterterror agency arrested two men. Later the agency said "
                  "they had planned an attack.", published="2011-03-02")
    agency = _with(rec, "counterterror agency")
    assert len(agency) == 1 and (agency[0].country, agency[0].sector) == ("PER", "COP")
    assert any("agency" == rec.article.text[m.start:m.end] for m in agency[0].mentions)  # named again
    arrest = [e for e in rec.events if e.source == agency[0].id]
    assert arrest, [(e.type, e.source) for e in rec.events]


@pytest.mark.model
@pytest.mark.parametrize("text, words, code", [
    ("Ghana's media watchdog fined the radio station on Monday.", "media watchdog", ("GHA", "GOV")),
    ("The Norwegian security service raided the office on Monday.", "security service", ("NOR", "COP")),
    ("On Tuesday the Chilean northern fleet seized a fishing boat.", "northern fleet", ("CHL", "MIL")),
    ("The Chilean whaling fleet left port on Tuesday.", "whaling fleet", ("CHL", "BUS")),
    ("The Finnish interior department said no on Monday.", "interior department", ("FIN", "GOV")),
])
def test_country_bodies(analyze, text, words, code):
    rec = analyze(text, published="2010-05-04")
    body = _with(rec, words)
    assert len(body) == 1 and (body[0].country, body[0].sector) == code, \
        [(a.name, a.country, a.sector) for a in rec.actors]


@pytest.mark.model
@pytest.mark.parametrize("text, words", [
    ("A Chilean agency said no on Monday.", "Chilean agency"),  # indefinite: a kind, not a party
    ("The Chilean memorial service was held on Monday.", "memorial service"),  # a ceremony
    ("The Chilean labour force grew by two percent.", "labour force"),  # no body
    ("The Danish parliament's budget committee met on Monday.", "budget committee"),  # another body's
])
def test_not_bodies(analyze, text, words):
    rec = analyze(text, published="2010-05-04")
    assert not [a for a in _with(rec, words) if a.kind == "group" and words in a.name], \
        [(a.name, a.country, a.sector) for a in rec.actors]


@pytest.mark.model
def test_a_body_phrase_describing_a_name_is_that_name(analyze):
    rec = analyze("The Peruvian securities watchdog, the Andean Market Office, fined the bank on Monday.",
                  published="2010-05-04")
    office = _with(rec, "Andean Market Office")
    assert len(office) == 1 and office[0].country == "PER", \
        [(a.name, a.country, a.sector) for a in rec.actors]
    assert any("securities watchdog" in rec.article.text[m.start:m.end] for m in office[0].mentions)
