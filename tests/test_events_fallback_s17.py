"""A side still empty after every reader, named in the act's own clause (session 17,
``events.fallback``): a party after "blamed on", a passive "by" agent, an object the readers
left, taken only by the construction; never the goods of a transfer, a venue, the other side's
own phrase. Hand-written texts, far from any evaluation story."""

import pytest

from test_events_sides_s14 import test_sides_not_read_s14 as _not_read

from newsgraph.extract.events.confidence import features


#: (text, trigger, a source word and a target word one of its events must name; None: any)
SIDES = [
    ("Two bombs exploded in a market in Lahore on Monday. The bombing was blamed on Pakistani Taliban militants.",
     "blamed", None, "taliban"),
    ("Shops in the capital of Lebanon are closed because of protests held by groups opposed to the "
     "Lebanese government.", "opposed", None, "leban"),
    # a passive's "by" agent, a party after "to"
    ("The singer was released from prison after being pardoned by Kenyan President Uhuru Kenyatta.",
     "pardoned", "kenyatta", None),
    ("Two more lawsuits were appealed to the Brazilian Supreme Court last week.", "appealed", None, "court"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,src,tgt", SIDES)
def test_sides_in_clause_s17(analyze, text, trigger, src, tgt):
    rec = analyze("News\n\n" + text)
    actor = {a.id: a for a in rec.actors}.get
    sides = [(actor(e.source), actor(e.target)) for e in rec.events if e.trigger.text == trigger]
    assert any((src is None or (s and src in s.name.lower())) and (tgt is None or (t and tgt in t.name.lower()))
               for s, t in sides), sides


#: (text, trigger, side, a word that side must not name)
NOT_SIDES = [
    # the goods of a transfer are not its target
    ("The Venezuelan government closed the station on Monday, sending troops to seize its equipment.",
     "sending", "target", "troops"),
    # a withdrawn force is the moving side, not the target
    ("Canadian and Dutch troops are withdrawn from the province as the mission ends.",
     "withdrawn", "target", "troops"),
    # "with X calling it ...": X acts; "told X that Y must": Y is asked, not X
    ("The apology was criticised in parliament, with the Chilean opposition leader Ana Soto calling it weak.",
     "criticised", "target", "soto"),
    ("The Bolivian minister told the Peruvian news agency Andina that the region must do more for its farmers.",
     "told", "target", "andina"),
    # with no doer known, the owner of the thing is most often the doer itself
    ("The aid convoy was denied Kenyan army approval on Monday.", "denied", "target", "kenya"),
    # "withdrawal from X": X is left, not the one leaving
    ("The small party has many policies, not just withdrawal from the European Union.",
     "withdrawal", "source", "union"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,side,word", NOT_SIDES)
def test_sides_not_in_clause_s17(analyze, text, trigger, side, word):
    _not_read(analyze, text, trigger, side, word)


def test_inferred_side_is_not_placed():
    """A side the fallback attached does not raise the calibrated confidence: it counts as not placed."""
    actors = {"a1": {"country": "PER"}, "a2": {"country": "CHL"}}
    ev = {"source": "a1", "target": "a2", "hypothetical": False}
    x = features(0.7, ev, actors, inferred=["target"])
    assert x["source_placed"] == 1.0 and x["target_placed"] == 0.0
    assert features(0.7, ev, actors)["target_placed"] == 1.0
