"""Session 21: a body's name with its abbreviation in brackets is one actor whose mention covers
the whole phrase, whatever the abbreviation's letters (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.parens import short_form


@pytest.mark.parametrize("text", ["FU", "FrU", "F.U.", "AB /CD", "ABC-D"])
def test_short_forms(text):
    assert short_form(text)


@pytest.mark.parametrize("text", ["Labour", "24%", "1998", "TSX:AB", "AB.L", "signed 1992", "the FU"])
def test_not_short_forms(text):
    assert not short_form(text)


def _actor(rec, word):
    found = [a for a in rec.actors if any(word in rec.article.text[m.start:m.end] for m in a.mentions)]
    assert len(found) == 1, [(a.name, [rec.article.text[m.start:m.end] for m in a.mentions]) for a in rec.actors]
    return found[0]


def _mentions(rec, actor):
    return [rec.article.text[m.start:m.end] for m in actor.mentions]


@pytest.mark.model
def test_a_name_and_its_short_form_named_later_are_one_body(analyze):
    rec = analyze("Slovak voters backed the Farmers' League (BSL) on Sunday. "
                  "The BSL accused the government of fraud.", published="2006-06-19")
    league = _actor(rec, "Farmers")
    assert "Farmers' League (BSL)" in _mentions(rec, league)
    assert "BSL" in _mentions(rec, league)  # the later short form is the league
    accuse = [e for e in rec.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source == league.id


@pytest.mark.model
def test_a_known_short_form_gives_the_name_its_country(analyze):
    rec = analyze("In Scotland, the Nationalists (SNP) will take three seats. "
                  "The SNP criticised the Conservatives.", published="2005-11-12")
    party = _actor(rec, "Nationalists")
    assert "Nationalists (SNP)" in _mentions(rec, party)
    assert party.country == "GBR"


@pytest.mark.model
def test_capitalised_words_before_a_partial_name_join_the_mention(analyze):
    rec = analyze("In Berlin, the Green Democrats (GD) won 12 seats and the Labour Union won 9.",
                  published="2005-11-12")
    assert "Green Democrats (GD)" in _mentions(rec, _actor(rec, "Democrats"))


@pytest.mark.model
def test_a_bracket_after_a_longer_name_or_a_person_stays_out(analyze):
    rec = analyze("Denmark kept its opt-out from the Economic and Monetary Union of the European "
                  "Union (EMU) in 2000. Ana Ruiz (FU) and Tom Hale (LP) spoke.", published="2005-11-12")
    texts = [t for a in rec.actors for t in _mentions(rec, a)]
    assert "European Union (EMU)" not in texts
    assert not any(t.endswith("(FU)") or t.endswith("(LP)") for t in texts)


@pytest.mark.model
def test_a_ticker_is_no_short_form(analyze):
    rec = analyze("Shares of Northwind Mining (NWM.L) rose on Monday.", published="2005-11-12")
    assert not any(t.endswith(")") for a in rec.actors for t in _mentions(rec, a))


@pytest.mark.model
def test_a_body_mention_covers_the_place_that_names_it(analyze):
    rec = analyze("A mining firm appealed to Mombasa's High Court against the licence ruling. "
                  "The Supreme Court of Kenya ruled against the police.", published="2008-04-10")
    court = _actor(rec, "High Court")
    assert "Mombasa's High Court" in _mentions(rec, court)
    appeal = [e for e in rec.events if e.type == "REQUEST"]
    assert appeal and appeal[0].target == court.id  # the court, not the state of its city
    supreme = _actor(rec, "Supreme Court")
    assert "Supreme Court of Kenya" in _mentions(rec, supreme)
    assert supreme.country == "KEN"


@pytest.mark.model
def test_a_place_that_names_something_else_stays_out(analyze):
    rec = analyze("The victims of the Lagos bombing were buried. "
                  "Lakeport's new court rules upset the Westland Bar Association.", published="2008-04-10")
    texts = [t for a in rec.actors for t in _mentions(rec, a)]
    assert not any("of the Lagos" in t for t in texts)
    assert not any(t.startswith("Lakeport's") for t in texts)
