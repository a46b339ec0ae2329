"""Session 9: what the text says an actor is (hand-written texts, invented names).

* an organisation described as a body of one kind ("the ruling X party", "the main opposition
  party's X", "X (the governing party)", "X, a separatist group") takes that sector
  (:mod:`newsgraph.extract.actors.descriptions`), and, as a domestic actor, the story's country;
* a person a clause ties to a body ("Y, who leads X", "Y is a member of X") takes its sector.
"""

from __future__ import annotations

import pytest


def actor(rec, name):
    found = [a for a in rec.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in rec.actors]}"
    return found[0]


# --------------------------------------------------------------------------- no model

def test_the_descriptor_words_are_knowledge():
    from newsgraph.extract.actors.knowledge import load_knowledge

    table = load_knowledge().descriptors
    assert table["modifiers"]["ruling"] == "GOV" and table["modifiers"]["opposition"] == "OPP"
    assert "party" in table["party_heads"] and "party" in table["heads"]
    assert "lead" in table["lead_verbs"] and "member" in table["member_nouns"]


# --------------------------------------------------------------------------- organisations

@pytest.mark.model
@pytest.mark.parametrize("text, name, sector", [
    ("The cabinet dismissed the main opposition party's KDP claims of vote rigging in Greece. "
     "Greek police in Athens said the count was fair.", "KDP", "OPP"),
    ("Gangs are used by the Vanguard Front (the ruling political party) to scare voters in Malawi. "
     "Malawian police in Lilongwe did nothing.", "Vanguard Front", "GOV"),
    ("Supporters of the Vanguard Front, the governing party, marched in Luanda. Angolan police in "
     "Luanda watched the march.", "Vanguard Front", "GOV"),
    ("Officials in Angola said the Vanguard Front is an opposition movement. Angolan police in "
     "Luanda detained two of its members.", "Vanguard Front", "OPP"),
])
def test_a_described_organisation_takes_the_sector_and_the_storys_country(analyze, text, name, sector):
    org = actor(analyze(text, published="2024-03-02"), name)
    assert org.sector == sector
    assert org.country is not None


@pytest.mark.model
def test_a_former_ruling_party_is_not_in_government(analyze):
    rec = analyze("Jan Nowicki, a member of the former ruling Harvest Party, resigned in Warsaw. "
                  "Polish police in Warsaw said the Harvest Party was under investigation.",
                  published="2024-03-02")
    assert actor(rec, "Harvest Party").sector == "LEG"


@pytest.mark.model
def test_a_body_without_a_describing_word_keeps_no_sector(analyze):
    rec = analyze("Supporters of the Vanguard Front, the biggest group in town, marched in Luanda. "
                  "Angolan police in Luanda watched the march.", published="2024-03-02")
    assert actor(rec, "Vanguard Front").sector is None


# --------------------------------------------------------------------------- people tied to a body

@pytest.mark.model
@pytest.mark.parametrize("text, name, sector", [
    ("Ana Ruiz, who leads the opposition party Peru Rising, was arrested in Lima. Peruvian police "
     "said she had organised a march in Lima.", "Ana Ruiz", "OPP"),
    ("Omar Haddad spoke at a rally in Amman. Haddad is a member of the Islamic Action Front, the "
     "main opposition party. Jordanian police watched.", "Omar Haddad", "OPP"),
    ("Juan Soto is the leader of the New Dawn Party. Police in Bolivia arrested him in La Paz on "
     "Monday.", "Juan Soto", "LEG"),
])
def test_a_person_takes_the_sector_of_the_body_a_clause_ties_them_to(analyze, text, name, sector):
    assert actor(analyze(text, published="2024-03-02"), name).sector == sector


@pytest.mark.model
def test_a_body_the_person_only_meets_gives_no_sector(analyze):
    rec = analyze("Juan Soto, who met the leaders of the New Dawn Party, spoke in La Paz on Monday. "
                  "Bolivian police were present.", published="2024-03-02")
    assert actor(rec, "Juan Soto").sector is None
