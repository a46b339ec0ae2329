"""A protest noun heading the subject of another verb is its own PROTEST event
(events/nominal.py ``under_way``, events/crowds.py for its source).

Hand-written texts: invented towns, unions and wording.
"""

import pytest


def _protests(rec, trigger):
    return [e for e in rec.events if e.trigger.text == trigger and e.type == "PROTEST"]


def _actor(rec, ident):
    return next((a for a in rec.actors if a.id == ident), None)


@pytest.mark.model
def test_a_protest_noun_subject_of_a_perfect_verb_is_coded(analyze):
    rec = analyze("Walkouts have shut four textile mills near Arequipa, Peru, since Monday.", published="2024-05-09")
    evs = _protests(rec, "Walkouts")
    assert evs and not evs[0].hypothetical


@pytest.mark.model
def test_a_protest_noun_subject_of_a_progressive_verb_is_coded(analyze):
    rec = analyze("Sit-in protests are spreading to the suburbs of Trujillo, Peru, officials said on Friday.",
                  published="2024-05-09")
    assert _protests(rec, "protests")


@pytest.mark.model
def test_the_story_crowd_of_an_earlier_sentence_is_the_source(analyze):
    rec = analyze("Farmers marched in Huancayo, Peru, on Monday. "
                  "Protests have since spread to three more valleys.", published="2024-05-09")
    evs = _protests(rec, "Protests")
    assert evs
    src = _actor(rec, evs[0].source)
    assert src is not None and "farmer" in src.name.lower()


@pytest.mark.model
def test_the_modifier_crowd_gives_a_perfect_verb_subject_its_source(analyze):
    rec = analyze("Nurse strikes have closed wards in four hospitals in Cusco, Peru, this week.", published="2024-05-09")
    evs = _protests(rec, "strikes")
    assert evs
    src = _actor(rec, evs[0].source)
    assert src is not None and src.name.lower() == "nurse"


@pytest.mark.model
def test_a_verb_coded_as_the_protest_is_not_coded_twice(analyze):
    rec = analyze("Grower demonstrations have blocked highways around Huancayo, Peru, since Monday.",
                  published="2024-05-09")
    assert not _protests(rec, "demonstrations")
    assert _protests(rec, "blocked")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Walkouts have become routine at the mills of Arequipa.",
    "Sit-ins have been rare in Trujillo.",
    "A walkout could halt the ferries of Iquitos.",
    "Walkouts will reach the mines of Puno.",
    "Unrest has been growing in the river towns of Loreto.",
    "Walkouts like this one have pushed the mill owners to the table in Arequipa.",
])
def test_generic_hypothetical_or_mass_mentions_are_no_event(analyze, text):
    rec = analyze(text, published="2024-05-09")
    assert not [e for e in rec.events if e.type == "PROTEST" and not e.hypothetical and not e.negated], rec.events
