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
