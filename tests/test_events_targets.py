"""Targets the sentence leaves unnamed (issue 10, session 8): a response to an act told earlier
in the same word is aimed at whoever did it (.reactions); a protest held to protest or demand
something is aimed at the party its purpose names (.coder). Hand-written texts, far from any
evaluation story."""

import pytest

from newsgraph.extract.events.reactions import same_word


def _pairs(rec, type_):
    names = {a.id: a.name for a in rec.actors}
    return [(names.get(e.source), names.get(e.target)) for e in rec.events if e.type == type_ and not e.negated]


# --------------------------------------------------------------------------- word families (.reactions)


def test_a_noun_names_the_act_of_its_verb():
    assert same_word("delay", "delay") and same_word("proposal", "propose")
    assert same_word("accusation", "accuse") and same_word("announcement", "announce")
    assert same_word("decision", "decide")  # from nominalizations.tsv
    assert same_word("withdrawal", "withdraw") and same_word("claims", "claim")
    assert not same_word("plant", "plan") and not same_word("station", "state") and not same_word("ration", "rate")
    assert not same_word("decision", "deny") and not same_word("band", "ban")


# --------------------------------------------------------------------------- responses (.reactions)

_TOLD = ("Ecuador and Colombia dispute river rights\n\n"
         "Colombia proposed on Monday to divert part of the Putumayo river for irrigation. ")


@pytest.mark.model
def test_a_response_to_an_act_told_before_is_aimed_at_its_author(analyze):
    rec = analyze(_TOLD + "Ecuador rejected the proposal on Tuesday.")
    assert ("Ecuador", "Colombia") in _pairs(rec, "REJECT")


@pytest.mark.model
def test_a_response_to_its_own_act_or_an_act_told_in_other_words_gets_no_target(analyze):
    own = analyze(_TOLD + "Colombia later defended the proposal in parliament.")
    assert all(t is None or t.endswith("(not named)") for s, t in _pairs(own, "SUPPORT"))  # its own plan: no dispute
    other = analyze("Ecuador and Colombia dispute river rights\n\n"
                    "Colombia wants to divert part of the Putumayo river for irrigation. "
                    "Ecuador rejected the proposal on Tuesday.")
    assert _pairs(other, "REJECT") == [("Ecuador", None)]  # nothing told "proposed": no guess


@pytest.mark.model
def test_a_response_far_after_the_act_gets_no_target(analyze):
    filler = "The river feeds farms in both countries. " * 4
    rec = analyze(_TOLD + filler + "Ecuador rejected the proposal on Tuesday.")
    assert _pairs(rec, "REJECT") == [("Ecuador", None)]


# --------------------------------------------------------------------------- protest purposes (.coder)


@pytest.mark.model
def test_a_walkout_to_protest_a_partys_plan_is_aimed_at_that_party(analyze):
    rec = analyze("Port closed\n\nThousands of dock workers walked out this week to protest reforms by President Lula.")
    assert [t for s, t in _pairs(rec, "PROTEST")] == ["Lula"]


@pytest.mark.model
def test_a_march_to_protest_a_governments_law_is_aimed_at_the_government(analyze):
    rec = analyze("Hospitals shut\n\nHundreds of nurses marched through Lagos on Friday to protest the government's new pay law.")
    targets = [t for s, t in _pairs(rec, "PROTEST")]
    assert targets and all(t is not None and "government" in t.lower() for t in targets)


# --------------------------------------------------------------------------- facilities (.facilities)


def _targets(rec, type_="ASSAULT"):
    actors = {a.id: a for a in rec.actors}
    return [(actors[e.target].country, actors[e.target].sector) if e.target else None
            for e in rec.events if e.type == type_ and not e.negated]


def test_the_facility_table_leaves_out_places_whose_party_it_does_not_tell():
    from newsgraph.extract.events.facilities import facilities

    table = facilities()
    assert table["hotel"] == "CVL" and table["mosque"] == "REL" and table["school"] == "EDU"
    assert not {"station", "office", "embassy", "base", "house"} & set(table)


@pytest.mark.model
def test_an_attack_on_a_hotel_is_aimed_at_the_civilians_of_the_storys_country(analyze):
    rec = analyze("Siege in Harare\n\nZimbabwean officials said militants attacked a hotel on Tuesday. "
                  "Police in Zimbabwe said the siege ended by noon. Zimbabwe's president visited the wounded.")
    assert ("ZWE", "CVL") in _targets(rec)


@pytest.mark.model
def test_a_facility_in_a_named_place_takes_the_places_country_and_its_sector(analyze):
    rec = analyze("Blast\n\nMilitants bombed a mosque in Quetta on Friday.")
    assert _targets(rec) == [("PAK", "REL")]


@pytest.mark.model
def test_an_owned_or_manned_facility_or_an_unplaced_story_gets_no_facility_target(analyze):
    owned = analyze("Raid\n\nSoldiers stormed the rebels' hotel in Goma.")
    assert ("COD", "CVL") not in _targets(owned)
    manned = analyze("Ambush\n\nRebels ambushed a bus carrying soldiers in Quetta.")
    assert ("PAK", "CVL") not in _targets(manned)
    nowhere = analyze("Night raid\n\nMilitants attacked a hotel on Tuesday.")
    assert _targets(nowhere) and all(t is None for t in _targets(nowhere))  # no story country: no guess
