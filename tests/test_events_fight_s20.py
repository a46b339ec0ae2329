""""Fight", "battle" and "combat" told of a campaign, not of armed force (session 20): a social ill,
a danger or a race as the object, a cause in the "for" phrase or a "to" clause of keeping or
winning is no event; a decision, rule or plan as the object is opposition to it (REJECT). Fights
between armed parties stay violence. Hand-written sentences only (names, places and wording are
invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The Ruritanian president promised to fight corruption in the customs service.", "fight"),
    ("The Bordurian government will battle climate change with a new carbon tax.", "battle"),
    ("Activists in Ruritania have fought for equal rights since the 1990s.", "fought"),
    ("The mayor of Szohod said the new cameras would help combat crime in the old town.", "combat"),
    ("The family fought for years to obtain a pardon from the Ruritanian king.", "fought"),
    ("The Green candidate will fight the seat against the Ruritanian finance minister.", "fight"),
])
def test_a_campaign_is_no_violence(analyze, text, trigger):
    assert _events(analyze, text, trigger) == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, kind", [
    ("Residents of the Szohod estate fought the eviction ordered by the Ruritanian government.", "fought",
     "REJECT"),
    ("Ruritanian rebels fought government troops near the Bordurian border on Monday.", "fought", "ASSAULT"),
    ("The rebel faction has been fighting the Ruritanian army for independence.", "fighting", "ASSAULT"),
    ("Police fought with protesters in the Ruritanian capital on Sunday.", "fought", "ASSAULT"),
])
def test_fights_that_stay_or_oppose(analyze, text, trigger, kind):
    assert kind in {t for t, *_ in _events(analyze, text, trigger)}
