"""Bodies named by a nationality and a common noun, and named again by their head noun."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.bodies import head_word


def actor_with(record, mention):
    """The actor one of whose mentions reads ``mention``."""
    text = record.article.text
    found = [a for a in record.actors if any(text[m.start:m.end] == mention for m in a.mentions)]
    assert found, f"no actor mentioned as {mention!r} in {[(a.name, a.country, a.sector) for a in record.actors]}"
    return found[0]


def test_head_word_is_the_noun_before_of_or_the_last_word():
    assert head_word("Ministry of Fisheries") == "ministry"
    assert head_word("Andean Liberty Party") == "party"
    assert head_word("Office for Budget Responsibility") == "office"


# --------------------------------------------------------------------------- nationality + body noun

@pytest.mark.model
@pytest.mark.parametrize("text, mention, country, sector", [
    ("The Uruguayan coast guard towed the trawler to Montevideo on Sunday.", "Uruguayan coast guard", "URY", "MIL"),
    ("Finland's foreign office summoned the envoy on Tuesday.", "Finland's foreign office", "FIN", "GOV"),
    ("Iceland's central bank cut its main rate again.", "Iceland's central bank", "ISL", "GOV"),
    ("The Ecuadorian embassy refused the request.", "Ecuadorian embassy", "ECU", "GOV"),
])
def test_a_definite_body_noun_takes_the_country_of_its_modifier(analyze, text, mention, country, sector):
    body = actor_with(analyze(text), mention)
    assert (body.country, body.sector) == (country, sector)


@pytest.mark.model
def test_a_body_elsewhere_is_not_that_places_and_people_are_no_body(analyze):
    rec = analyze("The embassy in Bolivia closed its doors. Some 9% of the Uruguayan population voted.")
    text = rec.article.text
    mentioned = {text[m.start:m.end] for a in rec.actors for m in a.mentions}
    assert "embassy" not in mentioned and "Uruguayan population" not in mentioned


@pytest.mark.model
def test_a_named_organisation_takes_its_head_nouns_sector(analyze):
    rec = analyze("The Estonian defence ministry said the drills would go ahead.")
    ministry = actor_with(rec, "Estonian defence ministry")
    assert (ministry.country, ministry.sector) == ("EST", "GOV")


# --------------------------------------------------------------------------- named again by the head noun

@pytest.mark.model
def test_the_ministry_is_the_ministry_named_before(analyze):
    rec = analyze("The Ministry of Fisheries of Namibia announced a ban on Monday. "
                  "The ministry said the ban would last a year.")
    ministry = actor_with(rec, "Ministry of Fisheries of Namibia")
    text = rec.article.text
    assert [text[m.start:m.end] for m in ministry.mentions] == ["Ministry of Fisheries of Namibia", "ministry"]


@pytest.mark.model
def test_another_body_with_the_same_head_noun_stays_apart(analyze):
    rec = analyze("The Ministry of Fisheries of Namibia announced a ban on Monday. "
                  "The ministry of Angola said it would not follow.")
    ministry = actor_with(rec, "Ministry of Fisheries of Namibia")
    assert len(ministry.mentions) == 1


# --------------------------------------------------------------------------- people who speak for a body

@pytest.mark.model
@pytest.mark.parametrize("text, name, country, sector", [
    ("Tomas Varga, a spokesman for the Slovak army, said the drill was over.", "Tomas Varga", "SVK", "MIL"),
    ("A spokeswoman for the Hungarian police, Eva Kiss, said two men were held.", "Eva Kiss", "HUN", "COP"),
    ("Speaking on behalf of the Czech navy, Jan Novak said the ship was safe.", "Jan Novak", "CZE", "MIL"),
    ("Petra Horak, who speaks for the Austrian army, denied the report.", "Petra Horak", "AUT", "MIL"),
])
def test_a_person_who_speaks_for_a_body_takes_its_country_and_sector(analyze, text, name, country, sector):
    rec = analyze(text)
    person = next(a for a in rec.actors if a.name == name)
    assert (person.country, person.sector) == (country, sector)


@pytest.mark.model
def test_an_unnamed_spokesman_is_coded_by_the_body_he_speaks_for(analyze):
    rec = analyze("A spokesman for the Slovak army said the drill was over.")
    speaker = actor_with(rec, "spokesman")
    assert (speaker.kind, speaker.country, speaker.sector) == ("person", "SVK", "MIL")


@pytest.mark.model
def test_an_international_bodys_spokesman_has_no_country(analyze):
    rec = analyze("In Lima, Maria Torres, a spokeswoman for the United Nations, said aid was blocked.")
    person = next(a for a in rec.actors if a.name == "Maria Torres")
    assert (person.country, person.sector) == (None, "IGO")


@pytest.mark.model
def test_a_country_after_for_is_the_place_an_office_deals_with(analyze):
    rec = analyze("Lars Berg, a representative for Haiti at the talks, said the vote would be delayed.")
    person = next(a for a in rec.actors if a.name == "Lars Berg")
    assert person.country != "HTI"


# --------------------------------------------------------------------------- parties in opposition

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The opposition Progressive Unity Party accused the cabinet of fraud.",
    "The Progressive Unity Party, Estonia's largest opposition party, rejected the plan.",
    "Opposition leader Ivo Tamm of the Progressive Unity Party criticised the budget.",
])
def test_a_party_the_text_puts_in_opposition_is_opp_and_one_actor(analyze, text):
    rec = analyze(text)
    party = next(a for a in rec.actors if a.name == "Progressive Unity Party")
    assert party.sector == "OPP"
    assert [a.name for a in rec.actors if a.sector == "OPP" and a.kind != "person"] == ["Progressive Unity Party"]


@pytest.mark.model
def test_a_party_named_in_a_leaders_title_is_an_actor(analyze):
    rec = analyze("Ivo Tamm, leader of the Progressive Unity Party, met the president in Tallinn.")
    assert any(a.name == "Progressive Unity Party" for a in rec.actors)


@pytest.mark.model
def test_a_party_with_no_word_of_opposition_stays_legislature(analyze):
    rec = analyze("Ivo Tamm of the Progressive Unity Party criticised the budget.")
    party = next(a for a in rec.actors if a.name == "Progressive Unity Party")
    assert party.sector == "LEG"


# --------------------------------------------------------------------------- agent nouns Phoenix lacks

@pytest.mark.model
def test_a_countrys_helicopters_are_its_military_but_a_helicopter_alone_is_no_actor(analyze):
    rec = analyze("Peruvian helicopters fired on the camp. Later a helicopter crashed near the base.")
    helicopters = actor_with(rec, "Peruvian helicopters")
    assert (helicopters.kind, helicopters.country, helicopters.sector) == ("group", "PER", "MIL")
    text = rec.article.text
    assert not any(text[m.start:m.end] == "helicopter" for a in rec.actors for m in a.mentions)


@pytest.mark.model
def test_a_spokesman_from_a_country_keeps_the_country_of_the_body_he_speaks_for(analyze):
    rec = analyze("Omar Haddad, a Hamas spokesman from Qatar, said the talks would resume.")
    person = next(a for a in rec.actors if a.name == "Omar Haddad")
    assert person.country == "PSE"
