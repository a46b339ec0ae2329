"""Targets named by a common noun (issue 10, session 9): an act of force on a party the
sentence names by what its people do or whose unit, post or vehicle it is (.parties).
Hand-written texts, far from any evaluation story."""

import pytest

from newsgraph.extract.events.parties import party_nouns


def _targets(rec, type_="ASSAULT"):
    actors = {a.id: a for a in rec.actors}
    return [(actors[e.target].country, actors[e.target].sector) if e.target else None
            for e in rec.events if e.type == type_ and not e.negated]


# --------------------------------------------------------------------------- the table


def test_unit_nouns_need_a_modifier_and_people_nouns_carry_a_sector():
    units, people = party_nouns()
    assert {"cell", "convoy", "checkpoint", "officer"} <= units
    assert people["miner"] == "LAB" and people["rally"] == "CVL"
    assert not units & set(people)  # a noun is one kind or the other


# --------------------------------------------------------------------------- people and units


@pytest.mark.model
def test_people_of_a_sector_killed_in_a_placed_attack_are_that_sector_of_the_country(analyze):
    rec = analyze("Ambush in the hills\n\nGunmen shot dead nine quarry miners near Peshawar on Sunday.")
    assert ("PAK", "LAB") in _targets(rec)


@pytest.mark.model
def test_a_unit_takes_its_modifiers_sector(analyze):
    rec = analyze("Night raid\n\nInsurgents ambushed an army truck outside Kandahar on Friday.")
    assert ("AFG", "MIL") in _targets(rec)
    cell = analyze("Arrests\n\nThe Ruritanian police broke up a jihadist cell on Monday.", published=None)
    assert cell.events  # the test text must code
    bare = analyze("Night raid\n\nInsurgents ambushed a truck outside Kandahar on Friday.")
    assert ("AFG", "MIL") not in _targets(bare)  # "a truck": nobody's


@pytest.mark.model
def test_police_breaking_up_a_cell_at_home_give_it_their_country(analyze):
    rec = analyze("Plot foiled\n\nThe Kenyan interior ministry broke up a jihadist cell on Monday.")
    assert ("KEN", "INS") in _targets(rec, "COERCE")


@pytest.mark.model
def test_a_party_noun_blamed_is_the_accusations_target_not_the_place(analyze):
    rec = analyze("Blast in Kandahar\n\nRebel cells were blamed for the blast on Monday. Afghan police said "
                  "three people died. Afghanistan's interior ministry promised an inquiry.")
    assert ("AFG", "REB") in _targets(rec, "ACCUSE") and ("AFG", "GOV") not in _targets(rec, "ACCUSE")


@pytest.mark.model
def test_a_gathering_broken_up_is_aimed_at_its_people(analyze):
    rec = analyze("Unrest in Lima\n\nPeruvian riot police broke up the rally in Lima on Saturday.")
    assert ("PER", "CVL") in _targets(rec, "COERCE")


@pytest.mark.model
def test_an_owned_generic_or_unplaced_party_noun_gets_no_target(analyze):
    owned = analyze("Clash\n\nSoldiers stormed the rebels' camp near Goma on Monday.")
    assert ("COD", "REB") not in _targets(owned)
    nowhere = analyze("Clash\n\nGunmen shot dead nine miners on Sunday.")
    assert _targets(nowhere) and all(t is None for t in _targets(nowhere))  # no place, no story country: no guess


@pytest.mark.model
def test_a_storys_own_army_gets_no_story_country_target(analyze):
    text = ("Offensive\n\nTurkish troops killed nine miners on Monday, the Turkish army said. Turkey's "
            "defence minister praised the Turkish soldiers. Turkey sent more troops.")
    rec = analyze(text)
    assert _targets(rec) and ("TUR", "LAB") not in _targets(rec)  # the miners may be anywhere


# --------------------------------------------------------------------------- pronoun objects (.objects)


def _pairs(rec, type_):
    names = {a.id: a.name for a in rec.actors}
    return [(names.get(e.source), names.get(e.target)) for e in rec.events if e.type == type_ and not e.negated]


@pytest.mark.model
def test_them_after_coordinated_states_is_the_first_of_them(analyze):
    rec = analyze("Trade row\n\nThe Australian prime minister imposed duties on Chile, Peru and Ecuador "
                  "to pressure them into talks.")
    assert _targets(rec, "COERCE") == [("CHL", "GOV")]


@pytest.mark.model
def test_them_is_the_plural_party_just_named_not_the_acts_source(analyze):
    rec = analyze("Raid\n\nPolice in Lagos detained the student activists on Monday and beat them, witnesses said.")
    assert ("Police", "student activists") in _pairs(rec, "ASSAULT")


@pytest.mark.model
def test_a_same_person_subject_pronoun_on_the_way_means_no_guess(analyze):
    rec = analyze("Border\n\nThe Chilean army patrolled the hills near Arica. Farmers there said they had heard "
                  "that the soldiers would shoot them.")
    threats = _targets(rec, "THREATEN")
    assert threats and all(t is None for t in threats)
