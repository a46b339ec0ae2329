"""Polarity by construction (issue 10): refusals, conjoined verbs, negative subjects, no comment.

Hand-written sentences only."""

import pytest

from newsgraph.extract.events import code_events
from newsgraph.extract.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def code(nlp):
    lex = load_lexicon()
    return lambda text: code_events(nlp(text), lex)


def on(coded, word):
    return [c for c in coded if c.event.trigger.text == word]


@pytest.mark.model
def test_a_refusal_is_a_positive_reject(code):
    c = on(code("Portugal refused to receive the Moroccan delegation."), "receive")[0]
    assert (c.event.type, c.event.negated, c.event.hypothetical) == ("REJECT", False, False)
    assert c.source.country == "PRT"


@pytest.mark.model
def test_negation_does_not_leak_into_a_finite_conjoined_verb(code):
    ev = code("The dockers union announced it would not back the reform and urged a general strike.")
    urged = on(ev, "urged")[0]
    assert urged.event.type == "REQUEST" and not urged.event.negated
    # a bare verb shares the auxiliary and its negation
    ev = code("The army will not detain or attack the northern villagers.")
    assert on(ev, "attack") and on(ev, "attack")[0].event.negated


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Nobody was arrested after the rally in the capital.", "arrested"),
    ("No troops were deployed to the border by Chile.", "deployed"),
    ("None of the envoys met the foreign minister.", "met"),
])
def test_a_negative_subject_negates(code, text, word):
    assert all(c.event.negated for c in on(code(text), word))
    assert on(code(text), word)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The two coalition partners have yet to agree on a budget.", "agree"),
    ("Chile is yet to sign the border treaty with Peru.", "sign"),
    ("The junta had yet to release the detained journalists.", "release"),
])
def test_yet_to_negates(code, text, word):
    """ "has yet to sign" tells that nothing was signed (yet)."""
    found = on(code(text), word)
    assert found and all(c.event.negated for c in found)


@pytest.mark.model
def test_yet_elsewhere_does_not_negate(code):
    found = on(code("Chile has signed yet another border treaty with Peru."), "signed")
    assert found and not found[0].event.negated


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A Peruvian cabinet aide declined to comment.",
    "The embassy did not reply to several requests for comment.",
    "Officials refused to elaborate.",
])
def test_no_comment_is_no_event(code, text):
    assert not [c for c in code(text) if c.event.type in ("REQUEST", "REJECT")]


@pytest.mark.model
def test_a_possibility_is_hypothetical_and_its_negation_negates(code):
    visit = on(code("The minister is likely to visit Lima next week."), "visit")[0]
    assert visit.event.hypothetical and not visit.event.negated
    ev = code("Peru said it would not be possible to meet the Chilean envoy this year.")
    assert all(c.event.negated or c.event.type == "REJECT" for c in on(ev, "meet")) and on(ev, "meet")


@pytest.mark.model
def test_an_act_a_proposal_or_readiness_is_for_is_hypothetical(code):
    sought = on(code("The rebels said they were ready for a ceasefire with the army."), "ceasefire")
    assert sought and all(c.event.hypothetical for c in sought)
    done = on(code("Peru signed a ceasefire with Ecuador on Friday."), "ceasefire")
    assert done and not any(c.event.hypothetical for c in done)
