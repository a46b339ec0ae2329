"""The story's country: domestic actors the text does not place take it (hand-written texts)."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract.actors.dateline import dateline, dateline_span, not_actor_spans
from newsgraph.extract.actors.story import story_country


def actors_named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


# --------------------------------------------------------------------------- no model

@pytest.mark.parametrize("text, place", [
    ("KAMPALA, Uganda — The ruling party said ...", "Uganda"),
    ("LIMA (Reuters) - Farmers blocked roads ...", "LIMA"),
    ("OSLO, June 3 (Reuters) - The government ...", "OSLO"),
    ("HANOI -- Officials said ...", "HANOI"),
])
def test_dateline_place(text, place):
    found = dateline(text)
    assert found is not None and found[2] == place
    assert text[found[0]:found[1]] == place
    assert dateline_span(text)[0] == 0


@pytest.mark.parametrize("text", ["The ruling party said on Monday - as expected - that ...",
                                  "Police in the capital said ...", "By Ana Ruiz\nThe minister ..."])
def test_no_dateline(text):
    assert dateline(text) is None


def test_story_country_needs_a_clear_lead():
    assert story_country(Counter({"UGA": 9, "KEN": 2})) == "UGA"
    assert story_country(Counter({"UGA": 5, "KEN": 4})) is None  # two countries compete: no guess
    assert story_country(Counter()) is None
    assert story_country(Counter({"UGA": 2})) is None  # named too little to tell


# --------------------------------------------------------------------------- on the parse

@pytest.mark.model
def test_domestic_agents_take_the_story_country(analyze):
    rec = analyze("Thousands marched through Tegucigalpa on Monday against a new tax law. "
                  "Police fired tear gas at the protesters near the Honduran parliament. "
                  "The interior minister said the security forces had acted within the law. "
                  "Honduras has seen weeks of unrest.", published="2024-05-06")
    for word in ("Police", "protesters", "security forces"):
        found = actors_named(rec, word)
        assert found and all(a.country == "HND" for a in found), (word, found)


@pytest.mark.model
def test_several_countries_leave_domestic_agents_unplaced(analyze):
    rec = analyze("Chile and Peru traded accusations over a disputed fishing zone. "
                  "Chile said Peru had broken the treaty, and Peru said Chile was to blame. "
                  "Police arrested two fishermen on Sunday.", published="2024-05-06")
    police = actors_named(rec, "Police")
    assert police and all(a.country is None for a in police)


@pytest.mark.model
def test_a_sentence_that_places_a_group_elsewhere_wins(analyze):
    rec = analyze("Ecuador's government declared a state of emergency on Tuesday. "
                  "Ecuador has deployed troops to its ports, and Ecuadorian officials said the army "
                  "would stay there for months. Riot police in Bogota also arrested dozens of people.",
                  published="2024-05-06")
    police = actors_named(rec, "Riot police")
    assert police and all(a.country == "COL" for a in police)


@pytest.mark.parametrize("text, fenced", [
    ("By Ana Ruiz\nThe minister said ...", "By Ana Ruiz"),
    ("By Ana Ruiz and Li Wei, Reuters\nThe minister said ...", "By Ana Ruiz and Li Wei, Reuters"),
    ("QUITO, May 2 (Reuters) - The army said ...", "QUITO, May 2 (Reuters) - "),
])
def test_dateline_and_byline_are_fenced(text, fenced):
    assert [text[a:b] for a, b in not_actor_spans(text)] == [fenced]


def test_a_sentence_opening_with_by_is_no_byline():
    assert not_actor_spans("By Tuesday the army had left the town.\nPolice said ...") == []


@pytest.mark.model
def test_dateline_and_byline_fragments_are_never_actors(analyze):
    rec = analyze("By Ana Ruiz\nQUITO, May 2 (Reuters) - Ecuador's army said it had arrested five men "
                  "in the port city.", published="2024-05-06")
    names = {a.name for a in rec.actors}
    assert "Reuters" not in names and "Ana Ruiz" not in names
    assert any(a.sector == "MIL" and a.country == "ECU" for a in rec.actors)


@pytest.mark.model
def test_an_acronym_joins_the_organisation_it_spells(analyze):
    rec = analyze("The Northern Freedom Front said on Monday it had seized two towns. "
                  "The NFF also said it would free its prisoners.", published="2024-05-06")
    front = [a for a in rec.actors if a.name == "Northern Freedom Front"]
    assert front and "NFF" in [rec.article.text[m.start:m.end] for m in front[0].mentions]
    assert not [a for a in rec.actors if a.name == "NFF"]


@pytest.mark.model
def test_a_body_of_an_international_organisation_takes_no_story_country(analyze):
    rec = analyze("Chile asked the United Nations' top court to rule on the border. Chile said the "
                  "talks had failed, and Chilean officials said the court would sit in June.",
                  published="2024-05-06")
    court = actors_named(rec, "top court")
    assert court and all((a.country, a.sector) == (None, "IGO") for a in court)


@pytest.mark.model
def test_a_definite_title_is_the_person_named_with_it(analyze):
    rec = analyze("Chilean President Ana Ortiz met farmers in Temuco on Monday. Ortiz promised new roads. "
                  "The president also said the army would leave the region.", published="2024-05-06")
    ortiz = [a for a in rec.actors if a.name == "Ana Ortiz"]
    assert ortiz and "president" in [rec.article.text[m.start:m.end] for m in ortiz[0].mentions]
    assert not [a for a in rec.actors if a.name.lower() == "president"]


@pytest.mark.model
def test_an_office_posted_to_a_country_is_not_its_nationality(analyze):
    rec = analyze("Carla Diaz, the ambassador to Peru, said the embassy would close.", published="2024-05-06")
    diaz = [a for a in rec.actors if a.name == "Carla Diaz"]
    assert diaz and diaz[0].country != "PER"


@pytest.mark.model
def test_an_official_named_after_an_international_body_s_title(analyze):
    rec = analyze("The UN special envoy for Yemen, Hans Berg, urged both sides to stop the fighting.",
                  published="2024-05-06")
    berg = [a for a in rec.actors if a.name == "Hans Berg"][0]
    assert (berg.country, berg.sector) == (None, "IGO")
    assert [e.source for e in rec.events if e.type == "REQUEST"] == [berg.id]  # the speaker, not the UN


@pytest.mark.model
def test_a_group_the_knowledge_base_codes_stateless_stays_so(analyze):
    rec = analyze("Bolivian police arrested two men in La Paz on Monday. Bolivia's interior minister said "
                  "the men had links to Islamic State. Police in Bolivia said the arrests followed a long "
                  "inquiry.", published="2024-05-06")
    group = [a for a in rec.actors if a.name == "Islamic State"]
    assert group and group[0].country is None


@pytest.mark.model
@pytest.mark.parametrize("text, country", [
    ("China tightened its rules, said Tom Reed, a professor at a university in Hawaii.", "USA"),
    ("China tightened its rules, said Ana Ortiz, a Chilean historian.", "CHL"),
])
def test_an_apposition_places_a_person_before_their_sentence_does(analyze, text, country):
    rec = analyze(text, published="2024-05-06")
    person = [a for a in rec.actors if a.kind == "person"][0]
    assert person.country == country


@pytest.mark.model
def test_a_regional_office_gives_its_country(analyze):
    rec = analyze("Texas Governor Ana Ruiz said on Monday that the border would stay open.", published="2024-05-06")
    person = [a for a in rec.actors if a.name == "Ana Ruiz"][0]
    assert (person.country, person.sector) == ("USA", "GOV")


@pytest.mark.model
def test_security_sources_and_victims_take_the_story_country(analyze):
    rec = analyze("Gunmen stormed a bus in Ecuador's Guayas province on Monday. "
                  "Security sources said Ecuadorian troops freed the hostages after a long siege. "
                  "Ecuador's president praised the army. Sources said the talks had stalled.",
                  published="2024-05-06")
    sources = actors_named(rec, "Security sources")
    assert sources and all((a.country, a.sector) == ("ECU", "COP") for a in sources)
    hostages = actors_named(rec, "hostages")
    assert hostages and all((a.country, a.sector) == ("ECU", "CVL") for a in hostages)
    assert not [a for a in rec.actors if a.name == "Sources"], "bare 'sources' names no one"


@pytest.mark.model
def test_protesters_are_civilians(analyze):
    rec = analyze("Thousands of protesters marched through Quito on Friday. Ecuador's government "
                  "said demonstrators had blocked roads.", published="2024-05-06")
    for word in ("protesters", "demonstrators"):
        found = actors_named(rec, word)
        assert found and all(a.sector == "CVL" for a in found), (word, found)


@pytest.mark.model
def test_a_phoenix_armed_group_called_terrorist_is_ins(analyze):
    base = "The Kuki Liberation Army attacked a police post in Manipur on Monday, and Indian officials said "
    ins = analyze(base + "the terrorists killed two officers.", published="2024-05-06")
    reb = analyze(base + "the rebels killed two officers.", published="2024-05-06")
    assert [a.sector for a in actors_named(ins, "Kuki Liberation Army")] == ["INS"]
    assert [a.sector for a in actors_named(reb, "Kuki Liberation Army")] == ["REB"]
    hamas = analyze("Hamas attacked a checkpoint; officials called the terrorists cowards.", published="2024-05-06")
    assert [a.sector for a in actors_named(hamas, "Hamas")] == ["REB"], "a curated row's sector stands"
