"""Session 23: parties of more countries take their dated standing, and so do their people; a
party named with its suffix word or a country of two words is still the table's (hand-written
texts; the people's names are invented)."""

from __future__ import annotations

import pytest
from test_actors_party_link import sector


@pytest.mark.model
def test_a_greek_party_takes_its_dated_standing(analyze):
    rec = analyze("Athens, Greece. The PASOK party filed a censure motion in parliament on Monday. "
                  "The conservative New Democracy party rejected it.", published="2007-03-01")
    assert sector(rec, "PASOK") == ("GRC", "OPP")
    assert sector(rec, "New Democracy") == ("GRC", "GOV")  # "party" after the name


@pytest.mark.model
def test_the_same_party_later_in_government(analyze):
    rec = analyze("Athens, Greece. Nikos Delis, leader of PASOK, met the press in Athens on Monday.",
                  published="2010-03-01")
    assert sector(rec, "Nikos Delis") == ("GRC", "GOV")


@pytest.mark.model
def test_a_country_of_two_words_before_the_party(analyze):
    rec = analyze("Wellington, New Zealand. The head of the New Zealand National party, Tom Hale, said "
                  "the emails were stolen.", published="2006-11-01")
    assert sector(rec, "National") == ("NZL", "OPP")
    assert sector(rec, "Tom Hale") == ("NZL", "OPP")


@pytest.mark.model
def test_a_word_of_the_name_gives_way_to_the_table(analyze):
    rec = analyze("Karachi, Pakistan. PPP leader Ali Shah said the Pakistan Muslim League-Nawaz had "
                  "broken its promise.", published="2011-01-01")
    assert sector(rec, "Ali Shah") == ("PAK", "GOV")
    assert sector(rec, "Muslim League") == ("PAK", "OPP")  # not REL for "Muslim"


@pytest.mark.model
def test_a_party_never_in_national_government(analyze):
    rec = analyze("London. UKIP candidate Tom Hale said the result was a stepping stone. "
                  "Ottawa. The prime minister made a deal with the New Democrat Party in Canada.",
                  published="2008-01-01")
    assert sector(rec, "Tom Hale") == ("GBR", "OPP")
    assert sector(rec, "New Democrat Party") == ("CAN", "OPP")


UK = "London. {} The British government disagreed."


@pytest.mark.model
@pytest.mark.parametrize("text, name, sector_", [
    # a portfolio before a party's office is the party's: its standing, not GOV
    ("Conservative defence spokesman Tom Hale said the plan was a mess.", "Tom Hale", "OPP"),
    ("Tom Hale, Liberal Democrat home affairs spokesman, said the vote was robust.", "Tom Hale", "OPP"),
    ("Labour defence spokesman Tom Hale said the plan was fine.", "Tom Hale", "GOV"),
    ("Government spokesman Tom Hale said the plan was fine.", "Tom Hale", "GOV"),
    # a shadow portfolio is the opposition's
    ("Shadow home secretary Tom Hale said the plan was a mess.", "Tom Hale", "OPP"),
    ("Tom Hale, the shadow chancellor, said the plan was a mess.", "Tom Hale", "OPP"),
])
def test_a_party_portfolio_takes_the_party_standing(analyze, text, name, sector_):
    assert sector(analyze(UK.format(text), published="2008-05-23"), name) == ("GBR", sector_)
