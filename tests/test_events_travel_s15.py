"""Session 15: a journey is no visit. A visit (CAMEO 042) with nobody on either side, or to a
place of the traveller's own country, is travel, not an interaction; a visit abroad or to a
named host stays. Hand-written sentences only (names, places and wording are invented)."""

import pytest


def _visits(analyze, text):
    rec = analyze(text)
    return [(rec.article.text[e.trigger.start:e.trigger.end], e.cameo) for e in rec.events
            if e.type == "CONSULT"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The French prime minister arrived in Lyon on Monday to open a new bridge.",
    "Anyone visiting the ministry's website will find the new forms.",
])
def test_a_journey_at_home_is_no_visit(analyze, text):
    assert _visits(analyze, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The French prime minister arrived in Berlin on Monday for two days of talks.", "arrived"),
    ("The French premier visited the mayor of Lyon on Monday.", "visited"),
])
def test_a_visit_abroad_or_to_a_host_stays(analyze, text, word):
    assert any(w == word for w, _ in _visits(analyze, text))


def _types(analyze, text, word):
    rec = analyze(text)
    return [e.type for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("There are two victims of forced labor for every thousand workers in Peru.", "forced"),
    ("A Chilean judge gave the former mayor a suspended sentence on Monday.", "suspended"),
    ("Peruvian police said they found stolen goods in the warehouse.", "stolen"),
])
def test_a_participle_describing_a_thing_is_no_act(analyze, text, word):
    """'forced labour', 'a suspended sentence', 'stolen goods': a kind or a state, not an act."""
    assert _types(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, ptype", [
    ("Chilean police freed the kidnapped Peruvian envoy on Monday.", "kidnapped", "ASSAULT"),
    ("Qatar hosted and mediated talks among the rival groups.", "mediated", "CONSULT"),
    ("Chilean police raided the offices of the banned separatist group on Monday.", "banned", "COERCE"),
])
def test_a_participle_on_a_party_or_a_misread_verb_stays(analyze, text, word, ptype):
    """An act done to a party ('the kidnapped envoy', 'the banned group') stays; so does a coordinated verb the
    parser took for a modifier ('hosted and mediated talks')."""
    assert ptype in _types(analyze, text, word)
