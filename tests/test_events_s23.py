"""Session 23 (issue 10): readings of recurring constructions in political news, found on
development stories and checked on unseen WikiNews articles. Hand-written sentences only
(names, places and wording are invented for these tests)."""

import pytest
from test_events_precision_s11 import _events


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # a poll's share is popularity, not an act of support
    ("The Valdorian premier's support among voters fell to 31% in the latest poll.", "support"),
    ("A telephone survey measured support for the two Bordurian candidates.", "support"),
    # beating a rival by a margin is an election won
    ("The Valdorian premier beat her rival by less than a percentage point.", "beat"),
    ("The Liberals are beating the Greens by seven points in Kessel.", "beating"),
])
def test_no_event_in_session_23_readings(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    # an office-holder or a government dismissed is removed from office, not rejected
    ("The Ukrainian president dismissed his defence minister on Friday.", "dismissed", "COERCE"),
    ("The Peruvian cabinet was dismissed by the president.", "dismissed", "COERCE"),
    # a claim dismissed is rejected
    ("The Peruvian president dismissed the Chilean claims as lies.", "dismissed", "REJECT"),
    # beaten without a margin or a contest is violence
    ("Police beat protesters with batons in Lima.", "beat", "ASSAULT"),
    # support voiced by a party stays
    ("Peru's support for the Chilean plan surprised observers in Lima.", "support", "SUPPORT"),
])
def test_session_23_keeps_the_event(analyze, text, word, typ):
    assert typ in _events(analyze, text, word)


@pytest.mark.model
@pytest.mark.parametrize("text, target", [
    ('"The Chilean government needs to come clean," the Peruvian minister said.', "CHL"),
    ("The Bolivian president said Chile has to withdraw its troops from the border.", "CHL"),
])
def test_a_party_that_needs_to_or_has_to_act_is_asked_to(analyze, text, target):
    rec = analyze(text)
    countries = {a.id: a.country for a in rec.actors}
    assert target in [countries.get(e.target) for e in rec.events if e.type == "REQUEST" and not e.negated]


@pytest.mark.model
def test_a_need_of_no_party_is_no_demand(analyze):
    rec = analyze('"To survive, the tobacco trade needs to find new smokers," the Chilean minister said.')
    assert not [e for e in rec.events if e.type == "REQUEST"]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Bolivian minister told reporters that it was an outrage.", "outrage"),  # "it" and a noun verdict
    ("The Chilean government spoke out against the Peruvian raid.", "spoke"),
    ("The Chilean president hit out at Peru on Monday.", "hit"),
    ("Bolivia considers the Peruvian blockade illegal.", "considers"),
])
def test_criticism_without_a_verb_of_criticism(analyze, text, word):
    assert "ACCUSE" in _events(analyze, text, word)


@pytest.mark.model
def test_it_with_an_adjective_and_no_clause_is_no_criticism(analyze):
    assert not [e for e in analyze("It was dangerous, the Bolivian minister said.").events if e.type == "ACCUSE"]
