"""A side that is plainly no party does not become an actor (events/settle.py, issue 10).

The coder sometimes reads as an event's side a word that names no party: a prefix the parse
split off its hyphen ("anti" of "anti-tax"), an amount of money, a currency, a weapon. The
settling step must leave such a side empty rather than make an actor of it. Hand-written
sentences only; each test also checks that a real party in the same place still becomes one.
"""

import pytest

from newsgraph.extract.events import code_events
from newsgraph.extract.events.lexicon import load_lexicon
from newsgraph.extract.events.settle import no_party, settle
from newsgraph.extract.events.syntax import Arg, _names_party




_TEXT = "The Greens accused the port authority of anti-fisher bias over the £7bn cost of the new pier."


def _settled_target(nlp, text: str, word: str):
    """Settle the first event coded in ``text`` with ``word`` (a phrase the actor layer left
    alone) as its target; return (the event's target id, the names of the actors)."""
    doc = nlp(text)
    coded = code_events(doc, load_lexicon())
    assert coded, "the example must code an event"
    c = coded[0]
    start = text.index(word)
    c.target = Arg(start=start, end=start + len(word), text=word, actor=None, country=None, fallback=True)
    c.event.target = None
    settle(doc, [c], _names_party)
    return c.event.target, [a.name for a in doc._.actors]


@pytest.mark.model
def test_a_hyphen_prefix_is_no_side(nlp):
    target, names = _settled_target(nlp, _TEXT, "anti")
    assert target is None and "anti" not in names
    # the same slot holding a party the actor layer missed still becomes an actor
    target, names = _settled_target(nlp, _TEXT, "Greens")
    assert target is not None and "Greens" in names


@pytest.mark.model
def test_heads_that_name_no_party(nlp):
    doc = nlp("Militias fired drones and rockets at Kessby, then demanded 300 kroner and "
              "a pro-union pledge from the mayor.")
    by_text = {t.text: t for t in doc}
    for word in ("drones", "rockets", "kroner", "pro"):
        assert no_party(by_text[word]), word
    # an amount after a currency sign, whatever label the parse gives it
    amount = nlp(_TEXT)[14]
    assert amount.text == "7bn" and no_party(amount)
    for word in ("Militias", "mayor", "Kessby"):
        assert not no_party(by_text[word]), word
