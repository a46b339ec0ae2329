"""Sides read by construction (issue 10, session 14): a coordinated verb's own voice decides
whether the shared subject acts or undergoes ("handed himself in and was charged", "is committed
to talks and has urged Peru to ..."); a joint act told with its parties on "between" ("a truce
was agreed between X and Y", "the accord, negotiated between X and Y"); a threat "of
consequences unless X ..." is aimed at X; "threw stones at them" is not at the stones; "X said
the plan was flawed and called for ..." (the parse hanging "called" on "was"): X calls.
Hand-written texts, far from any evaluation story."""

import pytest

from test_events_sides_s13 import test_sides_by_construction as _sides_found


#: (text, trigger, a source word and a target word one of its events must name)
SIDES = [
    # a coordinated verb's own voice (.syntax): passive after an active verb, active after a passive one
    ("A Bolivian farmer surrendered to the police in Sucre and was charged with arson.",
     "charged", None, "farmer"),
    ("The Argentine government is committed to dialogue and has urged Uruguay to close the mill.",
     "urged", "argentin", "uruguay"),
    ("The Chilean army was ambushed near the border and shelled the rebel camp.",
     "shelled", "chile", None),
    # a bare participle shares the passive above
    ("Two Bolivian students were arrested and charged with vandalism.", "charged", None, "student"),
    # parties on "between" (.args): they agreed with each other
    ("A ceasefire was agreed between Bolivia and Paraguay on Sunday.", "agreed", "bolivia", "paraguay"),
    ("The accord, negotiated between Bolivia and Paraguay, was approved by both parliaments.",
     "accord", "paraguay", "bolivia"),
    # a threat of consequences unless a party acts (.args)
    ("Ecuador warned of serious consequences unless Colombia withdraws its troops from the border.",
     "warned", "ecuador", "colombia"),
    # an act the parse coordinated with a told clause about a thing is the teller's (.syntax)
    ("Ecuador said the new tariff was unfair and called for talks with Colombia.", "called", "ecuador", None),
    ("The Bolivian minister claimed that the vote was rigged and urged Paraguay to reject it.",
     "urged", "bolivia", "paraguay"),
    # a pronoun is not its own verb's object (.objects)
    ("When Colombian soldiers reached the square, the Ecuadorian protesters threw stones at them.",
     "threw", "protester", "colombia"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,src,tgt", SIDES)
def test_sides_by_construction_s14(analyze, text, trigger, src, tgt):
    _sides_found(analyze, text, trigger, src, tgt)


#: (text, trigger, side, a word that side must not name)
NOT_SIDES = [
    # a passive conjunct's subject undergoes the act; an active one's does it
    ("A Bolivian farmer surrendered to the police in Sucre and was charged with arson.",
     "charged", "source", "farmer"),
    ("The Argentine government is committed to dialogue and has urged Uruguay to close the mill.",
     "urged", "target", "argentin"),
    ("The Chilean army was ambushed near the border and shelled the rebel camp.", "shelled", "target", "army"),
    ("Two Peruvian journalists were kidnapped and shot near the border.", "shot", "source", "journalist"),
    ("Two Peruvian activists were sentenced to a year in prison and ordered to pay a fine.",
     "ordered", "source", "activist"),
    # ... but not when the told clause's subject could act itself
    ("The Bolivian president said the rebels had crossed the border and shelled a Paraguayan town.",
     "shelled", "source", "president"),
    # a threat keeps the party it names when the condition's subject is only a pronoun
    ("The Chilean minister threatened Bolivian newspapers with prosecution if they printed the report.",
     "threatened", "target", None),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,side,word", NOT_SIDES)
def test_sides_not_read_s14(analyze, text, trigger, side, word):
    rec = analyze("News\n\n" + text)
    actor = {a.id: a for a in rec.actors}.get
    sides = [actor(getattr(e, side)) for e in rec.events if e.trigger.text == trigger]
    assert sides, trigger
    if word is None:  # the side must be filled
        assert all(sides), sides
    assert not any(a is not None and word and word in a.name.lower() for a in sides), sides
