"""Acts remembered or mourned are background (session 14): an anniversary, a commemoration, a
day of mourning for victims, the kin of the dead. Hand-written sentences only (names, places and
wording are invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # the future of the ceremony leaked onto the past attack: a threat (138) before
    ("Chad will mark the tenth anniversary of the Ugandan army's attack on the border town of Moro.", "attack"),
    ("A commemoration of the 1998 massacre by Ugandan rebels will be held in Moro on Friday.", "massacre"),
    ("The Chadian president ordered a national vigil for the victims of Tuesday's rebel attack on a Moro market.",
     "attack"),
    ("The families of Chadian soldiers who were killed by Ugandan rebels met the minister.", "killed"),
])
def test_an_act_remembered_or_mourned_is_no_new_event(analyze, text, trigger):
    assert _events(analyze, text, trigger) == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, kind", [
    ("Ugandan rebels attacked a Chadian police station on Monday.", "attacked", "ASSAULT"),
    ("Chad will hold talks with Uganda next week.", "hold", "AGREE"),  # the future still an intent
    ("Relatives of Chadian men who were shot dead by Ugandan soldiers on Monday met the minister.", "shot",
     "ASSAULT"),  # dated: the news
    ("The Chadian journalist was the victim of an attack by Ugandan rebels.", "attack", "ASSAULT"),
])
def test_acts_outside_a_remembrance_stay(analyze, text, trigger, kind):
    assert kind in {t for t, *_ in _events(analyze, text, trigger)}
