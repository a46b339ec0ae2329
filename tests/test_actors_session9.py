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


@pytest.mark.model
def test_a_party_owning_a_persons_title_does_not_describe_the_office(analyze):
    """"the party's Treasury spokesman": the party word is about the spokesman, not the Treasury."""
    rec = analyze("Ana Ruiz, the party's Treasury spokesman, said taxes would rise in Britain. "
                  "British police in London were calm.", published="2024-03-02")
    assert all(a.sector != "LEG" for a in rec.actors if a.kind != "person")


# --------------------------------------------------------------------------- abbreviated ranks

def test_a_ranks_full_stop_is_stepped_over():
    import spacy

    from newsgraph.extract.actors.knowledge import load_knowledge
    from newsgraph.extract.actors.ranks import is_rank, rank_stop

    kb = load_knowledge()
    doc = spacy.blank("en")("Cpl. Ana Ruiz and Mr . Ruiz")
    assert is_rank(kb, doc[0]) and doc[1].text == "." and rank_stop(kb, doc[1])
    assert not rank_stop(kb, doc[6])  # "Mr ." with a space: no rank
    assert kb.roles["gen."] == ("person", "MIL") and kb.roles["insp"] == ("person", "COP")


@pytest.mark.model
@pytest.mark.parametrize("title, sector", [
    ("Lance Cpl.", "MIL"), ("Pfc.", "MIL"), ("Spc.", "MIL"), ("Lt. Col.", "MIL"), ("Maj. Gen.", "MIL"),
    ("Capt.", "MIL"), ("Pte", "MIL"), ("Police Insp.", "COP"), ("Det. Supt.", "COP"),
])
def test_an_abbreviated_rank_is_a_title(analyze, title, sector):
    rec = analyze(f"{title} Tom Brandt was wounded near the border on Monday. Doctors said he would recover.",
                  published="2024-03-02")
    people = [a for a in rec.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Tom Brandt"]  # the rank is no actor of its own
    assert people[0].sector == sector


@pytest.mark.model
def test_a_ranked_surname_joins_the_ranked_full_name(analyze):
    rec = analyze("Corporal Peter Lund, 31, died after a rocket attack on a camp. \"He was brave,\" said "
                  "his father Erik Lund. Cpl. Lund had served since 2010.", published="2024-03-02")
    father = actor(rec, "Erik Lund")
    assert father.sector is None and len(father.mentions) == 1
    assert len(actor(rec, "Peter Lund").mentions) >= 2


@pytest.mark.model
def test_a_first_name_like_a_rank_word_is_no_title(analyze):
    rec = analyze("Lance Armstrong rode through Lyon on Monday. Crowds cheered.", published="2024-03-02")
    assert actor(rec, "Lance Armstrong").sector is None


# --------------------------------------------------------------------------- a title before a comma

@pytest.mark.model
def test_a_title_before_the_name_reads_the_whole_of_phrase(analyze):
    """"The leader of Peru's main opposition party, Ana Ruiz,": the body after "of" is read whole."""
    rec = analyze("The leader of Peru's main opposition Popular Renewal party, Ana Ruiz, said the vote in Lima "
                  "was rigged. Peruvian police in Lima denied it.", published="2024-03-02")
    ruiz = actor(rec, "Ana Ruiz")
    assert (ruiz.country, ruiz.sector) == ("PER", "OPP")
    assert not [a for a in rec.actors if a.kind == "group" and a.sector == "OPP"]  # no second "opposition"


@pytest.mark.model
def test_a_party_named_in_the_title_stays_an_actor(analyze):
    rec = analyze("Former Chilean opposition leader and leader of the Chilean Green Party, Juan Soto, has "
                  "been accused of assault in Santiago. Chilean police in Santiago said so.", published="2024-03-02")
    assert actor(rec, "Chilean Green Party").sector == "LEG"
    soto = actor(rec, "Juan Soto")
    assert soto.sector == "LEG"
    assert all(rec.article.text[m.start:m.end] != "Green" for m in soto.mentions)


@pytest.mark.model
@pytest.mark.parametrize("text, name, sector", [
    ("Li Wei, from the Lyon Teachers' Union, said the strike in France would go on. French police in Lyon "
     "were present.", "Li Wei", "LAB"),
    ("Tom Ode, of the Lagos Police Command, denied the claims on Monday. Nigerian officials agreed.",
     "Tom Ode", "COP"),
])
def test_a_body_after_a_comma_and_of_or_from_is_the_persons(analyze, text, name, sector):
    assert actor(analyze(text, published="2024-03-02"), name).sector == sector


@pytest.mark.model
def test_a_place_after_from_gives_no_sector(analyze):
    rec = analyze("Sam Hill, from Leeds, said the march was peaceful. British police agreed.", published="2024-03-02")
    assert actor(rec, "Sam Hill").sector is None


# --------------------------------------------------------------------------- what they were, what they are

@pytest.mark.model
def test_what_a_person_is_now_beats_a_former_title(analyze):
    rec = analyze("Former Chilean Ambassador Luis Pardo warned the plan would fail. These days Pardo is a "
                  "researcher with the Andes Policy Institute in Santiago.", published="2024-03-02")
    pardo = actor(rec, "Luis Pardo")
    assert (pardo.country, pardo.sector) == ("CHL", "NGO")


@pytest.mark.model
def test_a_former_title_alone_still_gives_the_sector(analyze):
    rec = analyze("Former Chilean Ambassador Luis Pardo said the plan would fail in Santiago.", published="2024-03-02")
    assert actor(rec, "Luis Pardo").sector == "GOV"


@pytest.mark.model
def test_an_apposition_beats_a_courtesy_title(analyze):
    rec = analyze("\"We need more missiles,\" said Professor Kemal Aydin, a senior government "
                  "adviser in Ankara, on Friday.", published="2024-03-02")
    assert actor(rec, "Kemal Aydin").sector == "GOV"


@pytest.mark.model
def test_a_past_copula_gives_no_title(analyze):
    rec = analyze("Professor Ana Ruiz spoke in Lima on Monday. Ruiz was a senior adviser to the president in "
                  "the 1990s.", published="2024-03-02")
    assert actor(rec, "Ana Ruiz").sector == "EDU"
