"""What a law, a constitution or a statute says is a rule, not an occurrence (session 19): the
rule's verb and the acts in its complements are no events; passing or striking down the law
stays. Hand-written sentences only (names, places and wording are invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The Moldovan constitution bars the president from seeking a third term.", "bars"),
    ("Voters in Chisinau rejected a statute that authorizes police to detain protesters without trial.", "detain"),
    ("Moldovan law states that every candidate must present his accounts to the election board.", "states"),
    ("Students marched against legislation that calls for the government to expel foreign lecturers.", "calls"),
    ("The new law bans opposition parties from receiving foreign money.", "bans"),
])
def test_what_a_rule_says_is_no_event(analyze, text, trigger):
    assert _events(analyze, text, trigger) == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, kind", [
    ("The Moldovan parliament banned the Communist party on Monday.", "banned", "COERCE"),
    ("The new constitution faced sharp criticism from Moldovan opposition leaders.", "criticism", "ACCUSE"),
    ("Romania condemned the raid on Monday; the law bars such raids.", "condemned", "ACCUSE"),
    ("Moldova's draft constitution has come under fire from Orthodox priests and their supporters for not "
     "naming a state church.", "come", "ACCUSE"),  # what others do to the law
])
def test_acts_beside_a_rule_stay(analyze, text, trigger, kind):
    assert kind in {t for t, *_ in _events(analyze, text, trigger)}

