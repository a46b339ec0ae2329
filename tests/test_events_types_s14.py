"""Event types, session 14: promised penalties and violence are threats; a reception ("was met
with criticism") is no meeting. Hand-written sentences only (names, places and wording are
invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events

from newsgraph.extract.events.lexicon import load_lexicon


def test_promised_penalties_are_threats_in_the_lexicon():
    lex = load_lexicon()
    assert lex.match("verb", "promise", {"sanction", "new"}).plover.type == "THREATEN"
    assert lex.match("verb", "pledge", {"attack"}).cameo == "138"
    assert lex.match("verb", "promise", {"aid"}).plover.type == "AGREE"
    assert "off" in lex.match("verb", "pledge", {"@attributive", "delegate"}).flags  # "pledged delegates"


def test_material_support_is_aid_in_the_lexicon():
    lex = load_lexicon()
    assert lex.match("noun", "support", {"material"}).plover.type == "AID"
    assert lex.match("noun", "support", {"financial"}).plover.type == "SUPPORT"


@pytest.mark.model
def test_a_promise_of_sanctions_threatens_its_target(analyze):
    text = "Chad's president promised new sanctions on Uganda if the raids continue."
    assert ("THREATEN", "1312", "TCD", "UGA") in _events(analyze, text, "promised")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Chadian plan was met with fierce criticism from the opposition.",
    "The Chadian minister's speech has met with anger.",
    "The proposal was met with strong opposition in Uganda.",
])
def test_a_reception_is_no_meeting(analyze, text):
    assert all(t != "CONSULT" for t, *_ in _events(analyze, text, "met"))


@pytest.mark.model
def test_criticism_met_with_is_an_accusation(analyze):
    text = "The Chadian plan was met with fierce criticism from the opposition."
    assert any(t == "ACCUSE" for t, *_ in _events(analyze, text, "met"))


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Chadian minister talked about the future of the national bank.", "talked"),
    ("\"These are the reforms we are talking about,\" the Chadian minister said.", "talking"),
    ("The Chadian president spoke of reform on Monday.", "spoke"),
])
def test_talking_about_a_topic_with_nobody_is_no_consultation(analyze, text, word):
    assert all(t != "CONSULT" for t, *_ in _events(analyze, text, word))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chad's president talked with Uganda's president about trade.",
    "Chad's president and Uganda's president talked about trade.",
])
def test_talks_between_parties_about_a_topic_stay(analyze, text):
    assert ("CONSULT", "040", "TCD", "UGA") in _events(analyze, text, "talked")


def test_yielding_in_other_words_is_a_concession_in_the_lexicon():
    lex = load_lexicon()
    assert lex.match("verb", "compromise", {"on", "health"}).plover.type == "CONCEDE"
    assert lex.match("verb", "hand", {"himself", "into", "police"}).plover.type == "CONCEDE"
    assert lex.match("verb", "give", {"up", "ambition"}).cameo == "0831"
    assert lex.match("verb", "compromise", set()) is None  # "the system was compromised"


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Chadian ruling party has compromised on health care.", "compromised"),
    ("The Chadian government reversed its asylum policy on Monday.", "reversed"),
    ("A 30-year-old Chadian man handed himself in to police on Monday.", "handed"),
])
def test_a_concession_in_other_words_is_coded(analyze, text, word):
    assert any(t == "CONCEDE" for t, *_ in _events(analyze, text, word))


@pytest.mark.model
@pytest.mark.parametrize("text, type_, cameo", [
    ("The Chadian president ordered the arrest of the Ugandan envoy.", "COERCE", "173"),
    ("A Chadian court ordered the deportation of two Ugandan activists.", "COERCE", "174"),
])
def test_an_ordered_act_is_the_act_of_who_orders_it(analyze, text, type_, cameo):
    assert (type_, cameo, "TCD", "UGA") in _events(analyze, text, "ordered")


@pytest.mark.model
@pytest.mark.parametrize("text, word, attack", [
    ("Chadian troops came under mortar fire near the border on Monday.", "fire", True),
    ("Chadian troops exchanged gunfire with Ugandan rebels on Monday.", "gunfire", True),
    ("The Chadian minister came under fire from critics on Monday.", "fire", False),
])
def test_weapons_fire_is_an_attack(analyze, text, word, attack):
    assert any(t == "ASSAULT" for t, *_ in _events(analyze, text, word)) == attack


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "During a town hall meeting held in the capital, the Chadian president criticised Uganda.",
    "The Chadian opposition leader will speak at a mass meeting on Friday.",
])
def test_a_meeting_of_the_public_is_no_consultation(analyze, text):
    assert all(t != "CONSULT" for t, *_ in _events(analyze, text, "meeting"))


@pytest.mark.model
@pytest.mark.parametrize("text, violent", [
    ("The Chadian ruling party beat the opposition in the March election.", False),
    ("With 61 percent of the vote, the Chadian president beat out his rival.", False),
    ("Chad beat Uganda 3-1 in the cup final on Sunday.", False),
    ("Chadian police beat Ugandan protesters with batons on Sunday.", True),
])
def test_a_contest_won_is_no_beating(analyze, text, violent):
    rec = analyze(text)
    assert any(e.type == "ASSAULT" and e.cameo == "182" for e in rec.events) == violent


@pytest.mark.model
@pytest.mark.parametrize("text, made", [
    ("Chad said the Ugandan rebels posed a threat to regional peace.", False),
    ("The Ugandan envoy was deemed a threat to national security by Chad.", False),
    ("Chad's threat to cut off oil supplies to Uganda angered Kampala.", True),
])
def test_a_threat_someone_is_held_to_be_is_no_threat_made(analyze, text, made):
    assert any(t == "THREATEN" for t, *_ in _events(analyze, text, "threat")) == made
