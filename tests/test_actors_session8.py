"""Session 8 actor mechanisms (hand-written texts): private persons given an age are civilians,
a body's officer takes the body's sector, a news agency's name places nobody."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract.actors import load_knowledge
from newsgraph.extract.actors.private import aged
from newsgraph.records import Actor, Span

PERU = ("Farmers blocked roads across Peru on Monday in protest at fertiliser prices. Peruvian police "
        "cleared a highway near Cusco, and the Peruvian government said the blockades were illegal. ")


def person(rec, name):
    found = [a for a in rec.actors if a.name == name]
    assert found, (name, [a.name for a in rec.actors])
    return found[0]


# --------------------------------------------------------------------------- ages (no model)

_VOCAB = spacy.blank("en").vocab  # lexical attributes (lower case, like_num), no model


def _doc(words):
    return Doc(_VOCAB, words=words)


def test_an_age_after_a_name_or_before_it_is_read():
    doc = _doc(["said", "Ana", "Ruiz", ",", "34", ",", "who", "sells", "maize"])
    assert aged(doc[1:3])
    doc = _doc(["A", "34", "-", "year", "-", "old", "Ana", "Ruiz", "said"])
    assert aged(doc[6:8])
    doc = _doc(["Sixty", "-", "year", "-", "old", "Ana", "Ruiz", "said"])
    assert aged(doc[5:7])


def test_a_count_or_a_year_is_not_an_age():
    assert not aged(_doc(["Ana", "Ruiz", ",", "2019", ",", "said"])[0:2])  # a year, not an age
    assert not aged(_doc(["Ana", "Ruiz", "said", "34", "people", "died"])[0:2])
    assert not aged(_doc(["Ana", "Ruiz", ",", "34", "percent", "said"])[0:2])


def test_the_words_that_mark_an_attacker_are_data():
    words = load_knowledge().not_private
    assert {"bomber", "gunman"} <= words
    assert "terrorist" in words  # the armed_group_words count too


# --------------------------------------------------------------------------- private persons

@pytest.mark.model
def test_a_person_given_an_age_is_a_civilian_of_the_story(analyze):
    rec = analyze(PERU + "\"We cannot sell at a loss,\" said Rosa Mamani, 52, who grows potatoes near "
                  "the city. Peruvian officials said talks would resume.", published="2024-05-06")
    assert (person(rec, "Rosa Mamani").country, person(rec, "Rosa Mamani").sector) == ("PER", "CVL")


@pytest.mark.model
def test_a_year_old_premodifier_makes_a_civilian(analyze):
    rec = analyze(PERU + "Thirty-year-old Luis Condori said he had waited two days at the blockade.",
                  published="2024-05-06")
    assert person(rec, "Luis Condori").sector == "CVL"


@pytest.mark.model
def test_an_aged_attacker_or_a_ranked_soldier_is_not_a_civilian(analyze):
    rec = analyze(PERU + "The gunman, Pedro Quispe, 27, was arrested near the market. Major Carlos "
                  "Huaman, 41, led the patrol.", published="2024-05-06")
    assert person(rec, "Pedro Quispe").sector != "CVL"
    assert person(rec, "Carlos Huaman").sector != "CVL"


@pytest.mark.model
def test_an_aged_person_with_an_office_keeps_it(analyze):
    rec = analyze(PERU + "Interior minister Julia Vargas, 58, said the roads would be cleared.",
                  published="2024-05-06")
    assert person(rec, "Julia Vargas").sector == "GOV"


# --------------------------------------------------------------------------- a body's officer

@pytest.mark.model
def test_the_unions_president_is_labour_not_a_head_of_state(analyze):
    rec = analyze("Dock workers struck across Chile on Tuesday. The union's president, Marta Soto, said "
                  "the strike would go on. The Chilean government called the strike illegal.",
                  published="2024-05-06")
    assert person(rec, "Marta Soto").sector == "LAB"


@pytest.mark.model
def test_the_partys_leader_is_the_partys(analyze):
    rec = analyze("Voters in Ghana went to the polls on Saturday. Kofi Mensah, the party's leader, said "
                  "he expected to win. The electoral commission will publish results on Monday.",
                  published="2024-05-06")
    assert person(rec, "Kofi Mensah").sector == "LEG"


# --------------------------------------------------------------------------- news agencies

@pytest.mark.model
def test_a_person_speaking_to_a_news_agency_does_not_take_its_country(analyze):
    rec = analyze("Thousands marched in La Paz on Friday against fuel prices. \"The government must "
                  "listen,\" Marco Rojas told Agence France-Presse. Bolivian police arrested ten people.",
                  published="2024-05-06")
    assert person(rec, "Marco Rojas").country != "FRA"


# --------------------------------------------------------------------------- story weight

@pytest.mark.model
def test_a_private_persons_nationality_does_not_weigh_for_the_story(nlp):
    """A civilian may be a visitor (a hostage, a tourist): unlike the police, their country says
    nothing of where the story is set."""
    from newsgraph.extract.actors.story import story_weights

    doc = nlp("Police in Kenya arrested two men. Later, Kenya said the men would be charged. "
              "A tourist from Norway watched.")
    start = doc.text.index("tourist")

    def weighs(sector, kind):
        extra = Actor(id="x", name="x", kind=kind, country="NOR", sector=sector, title=None,
                      mentions=[Span(start=start, end=start + 7)])
        return story_weights(doc, [*doc._.actors, extra])["NOR"]

    assert weighs("CVL", "person") < weighs("COP", "group")


# --------------------------------------------------------------------------- an organisation's spokesman

@pytest.mark.model
def test_an_armed_groups_spokesman_takes_its_sector_not_the_titles_gov(analyze):
    rec = analyze("Fighting spread in northern Afghanistan on Sunday. Taliban spokesman Qari Yusuf Ahmadi "
                  "said the group had taken two districts.", published="2019-05-06")
    spokesman = person(rec, "Qari Yusuf Ahmadi")
    assert (spokesman.country, spokesman.sector) == ("AFG", "INS")


@pytest.mark.model
def test_an_ngos_official_is_the_ngos(analyze):
    rec = analyze("Aid convoys reached the city on Monday. Red Cross spokeswoman Lena Berg said two "
                  "trucks had been stopped. A Red Cross official said staff were safe.", published="2024-05-06")
    assert person(rec, "Lena Berg").sector == "NGO"
    assert person(rec, "Red Cross official").sector == "NGO"


# --------------------------------------------------------------------------- international officials

@pytest.mark.model
def test_a_name_set_off_after_an_envoys_posting_is_the_envoy(analyze):
    """The parser may hang "Ana Ruiz" on "Libya"; a place never has a person as apposition."""
    rec = analyze("Clashes continued in Tripoli on Monday. The UN envoy in Libya, Ana Ruiz, urged calm.",
                  published="2024-05-06")
    envoy = person(rec, "Ana Ruiz")
    assert (envoy.country, envoy.sector) == (None, "IGO")


def _appos_doc(name):
    """ "officials in Chad, <name>, said" with the parse hanging the name on "Chad"."""
    words = ["officials", "in", "Chad", ",", *name, ",", "said"]
    n = len(name)
    heads = [len(words) - 1, 0, 1, 2, *([3 + n] * (n - 1)), 2, 2, len(words) - 1]
    deps = ["nsubj", "prep", "pobj", "punct", *(["compound"] * (n - 1)), "appos", "punct", "ROOT"]
    doc = Doc(_VOCAB, words=words, heads=heads, deps=deps)
    return doc[4:4 + n]


def test_a_name_set_off_by_commas_is_a_person_but_not_a_place_or_an_acronym():
    from newsgraph.extract.actors.persons import _set_off

    assert _set_off(_appos_doc(["Ana", "Ruiz"]))
    assert not _set_off(_appos_doc(["Puerto", "Montt"]))  # a city the gazetteer knows
    assert not _set_off(_appos_doc(["MISAC"]))


@pytest.mark.model
def test_an_international_bodys_officer_has_no_country_whatever_the_rank(analyze):
    rec = analyze("Fighting resumed near the border on Monday. General Paolo Conti, the NATO commander in "
                  "Kosovo, said his troops would stay.", published="2024-05-06")
    officer = person(rec, "Paolo Conti")
    assert (officer.country, officer.sector) == (None, "IGO")
