"""Session 16: accusations and investigations missed entirely. An act noun of blame names its
party by a participle's agent ("the allegations made by X") or by a "from" phrase the parser
hangs on the receiving verb ("came under heavy criticism this week from X"); ordering an
inquiry into a matter, or looking into a matter, opens an investigation (CAMEO 090). Hand-written
sentences only (names, places and wording are invented)."""

import pytest


def _events(analyze, text, word):
    rec = analyze(text)
    actors = {a.id: a for a in rec.actors}

    def country(i):
        return actors[i].country if i in actors else None

    return [(e.type, e.cameo, country(e.source), country(e.target), e.negated) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word]


@pytest.mark.model
@pytest.mark.parametrize("text, word, source", [
    ("Kenya responded on Monday to the allegations made by the Ugandan foreign ministry.", "allegations", "UGA"),
    ("The talks stalled after accusations levelled by Chilean officials in March.", "accusations", "CHL"),
])
def test_a_blame_noun_with_a_participle_agent(analyze, text, word, source):
    evs = _events(analyze, text, word)
    assert any(t == "ACCUSE" and s == source for t, _, s, _, _ in evs), evs


@pytest.mark.model
def test_criticism_received_from_a_party_on_the_verb(analyze):
    text = "The Ugandan president has come under heavy criticism this week from Kenyan officials."
    evs = _events(analyze, text, "criticism")
    assert ("ACCUSE", "111", "KEN", "UGA", False) in evs, evs


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenya responded on Monday to the allegations denied by the Ugandan foreign ministry.",
    "With political pressure brought about by farmers, the rules changed.",
])
def test_a_participle_that_names_no_doer_tells_no_act(analyze, text):
    """'allegations denied by X', 'pressure brought about by X': X did not make them."""
    word = "allegations" if "allegations" in text else "pressure"
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, inquiry", [
    ("The French interior minister ordered an inquiry into the police shooting.", "ordered", True),
    ("The Kenyan human rights commission will look into the matter.", "look", True),
    ("The French president ordered the army to leave the city.", "ordered", False),
    ("The Kenyan ministry will look into the possibility of a new bridge.", "look", False),
])
def test_an_inquiry_ordered_or_looked_into(analyze, text, word, inquiry):
    """Not other orders, nor options looked into."""
    evs = _events(analyze, text, word)
    assert any(t == "ACCUSE" and c == "090" for t, c, _, _, _ in evs) == inquiry, evs


@pytest.mark.model
@pytest.mark.parametrize("text, target", [
    ("The Kenyan opposition leader attacked the Ugandan president, saying he had failed.", "UGA"),
    ("The Kenyan minister attacked the failure to address the border dispute.", None),
])
def test_an_office_holder_attacks_in_words(analyze, text, target):
    evs = _events(analyze, text, "attacked")
    assert ("ACCUSE", "111", "KEN", target, False) in evs, evs


@pytest.mark.model
def test_gunmen_attacking_a_minister_still_assault(analyze):
    evs = _events(analyze, "Gunmen attacked the Kenyan minister in Nairobi on Monday.", "attacked")
    assert any(t == "ASSAULT" for t, _, _, _, _ in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, source, target", [
    ("The Ugandan government came under fire over its handling of the floods.", None, "UGA"),
    ("The Kenyan plan met with sharp criticism from Uganda.", "UGA", "KEN"),
    ("The Kenyan plan was met with criticism from Uganda.", "UGA", "KEN"),
])
def test_criticism_received_is_done_to_the_subject(analyze, text, source, target):
    """'came under fire over X', 'met with criticism (from Y)': the subject is criticised, by Y."""
    rec = analyze(text)
    actors = {a.id: a.country for a in rec.actors}
    evs = [(e.type, actors.get(e.source), actors.get(e.target)) for e in rec.events]
    assert ("ACCUSE", source, target) in evs, evs


@pytest.mark.model
def test_troops_under_fire_are_not_criticised(analyze):
    rec = analyze("Ugandan troops came under fire from rebels near the border on Monday.")
    assert not any(e.type == "ACCUSE" for e in rec.events)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Al-Shabaab attacked an army base near the Kenyan border on Sunday.",
    "Boko Haram attacked a market town in northern Nigeria overnight.",
])
def test_an_armed_group_the_tagger_calls_a_person_attacks_with_force(analyze, text):
    """The tagger reads a few armed groups' names as persons; they are no office-holders, so
    their "attack" is violence, not criticism (session 22)."""
    evs = _events(analyze, text, "attacked")
    assert evs and all(t == "ASSAULT" for t, _, _, _, _ in evs), evs
