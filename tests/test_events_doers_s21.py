"""A verb of acting on others whose doer is a thing (a condition, a force of nature, a state of
affairs, a piece of evidence) names no party and no act, and "demonstrate" with an object, a
clause or as a passive shows something rather than protests (session 21). Acts of parties and
street protests stay. Hand-written sentences only (names, places and wording are invented for
these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Bad weather forced the Ruritanian navy to abandon the search on Tuesday.", "forced"),
    ("The fuel crisis forced the Bordurian president to suspend gas exports.", "forced"),
    ("The new evidence supports the Ruritanian minister's claim about the contract.", "supports"),
    ("The situation in Szohod demands urgent measures, the mayor said.", "demands"),
    ("Small islands in the region are threatened by poverty and instability.", "threatened"),
    ("The vote demonstrated that the Ruritanian ruling party is deeply split.", "demonstrated"),
    ("The Bordurian firm demonstrated its new tank at the fair in Szohod.", "demonstrated"),
])
def test_a_thing_or_a_showing_is_no_event(analyze, text, trigger):
    assert _events(analyze, text, trigger) == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, kind", [
    ("Ruritanian rebels forced villagers to leave their homes near the border.", "forced", "COERCE"),
    ("The Bordurian teachers' union supports the strike called for Monday.", "supports", "SUPPORT"),
    ("Thousands of students demonstrated outside the Ruritanian ministry against the new fees.",
     "demonstrated", "PROTEST"),
    ("Workers in Szohod demonstrated to demand higher wages from the Bordurian government.",
     "demonstrated", "PROTEST"),
])
def test_acts_of_parties_stay(analyze, text, trigger, kind):
    assert kind in {t for t, *_ in _events(analyze, text, trigger)}
