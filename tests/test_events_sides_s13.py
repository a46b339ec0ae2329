"""Sides read by construction (issue 10, session 13): the subject of a raising or perception
passive does the act of its active complement ("are said to have met", "were seen beating");
a "they" that a passive act is done to is the party the story named just before; an "it" after
a clause about a body is that body ("Although X ..., it rejected"); "a statement by X" acts
for X; a measure on
goods is aimed at the country they come from ("duties on imports from X", "on X-made cars").
Hand-written texts, far from any evaluation story."""

import pytest

from test_events_sources_s11 import _events


def _named(actor, word):
    return word is None or (actor is not None and word in actor.name.lower())


#: (text, trigger, a source word and a target word one of its events must name)
SIDES = [
    # raising passives (.syntax): the raised subject does the act of an active complement
    ("The Chilean president and the Peruvian prime minister are said to have met on Friday in a "
     "border town.", "met", "chilean", "peruvian"),
    ("Bolivian troops are reported to have attacked two Paraguayan border posts overnight.",
     "attacked", "bolivian", None),
    ("Uruguayan riot police were seen beating students outside the university on Monday.",
     "beating", "police", "student"),
    # ... but not an own passive under it, nor an act that only hangs on the complement
    ("Two Chilean engineers are believed to have been kidnapped by rebels near the border.",
     "kidnapped", "rebel", "engineer"),
    ("The Chilean engineers were thought to have been driving home when abducted by rebels.",
     "abducted", "rebel", "engineer"),
    # a passive "they" (.objects): the party the story named just before
    ("Police in Asuncion arrested six Brazilian activists on Monday. "
     "They were released on Wednesday without charge.", "released", None, "activist"),
    # an "it" after a clause whose subject is a body (.pronouns)
    ("Although the African Union has no army of its own, it has rejected the Libyan plan.",
     "rejected", "african union", None),
    ("Uruguay surprised its neighbours when it expelled two Argentine diplomats.", "expelled", "uruguay", None),
    # a subject that is no party speaks for its "by"/"from" party (.args)
    ("A statement by the Bolivian foreign ministry condemned the Chilean raid.", "condemned", "bolivia", None),
    ("A letter from the Uruguayan president asked Argentina to reopen the bridge.", "asked", "uruguay", "argentina"),
    # a measure on goods (.aimed): aimed at the country they come from
    ("Ecuador imposed tariffs on imports from Colombia.", "imposed", "ecuador", "colombia"),
    ("Ecuador lifted its ban on flights from Colombia.", "lifted", "ecuador", "colombia"),
    ("Ecuador later exempted the duties on Colombian-made cars.", "exempted", "ecuador", "colombia"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,src,tgt", SIDES)
def test_sides_by_construction(analyze, text, trigger, src, tgt):
    sides = _events(analyze("News\n\n" + text), trigger=trigger)
    assert any(_named(s, src) and _named(t, tgt) for s, t in sides), sides


@pytest.mark.model
def test_a_raised_attacker_is_not_the_target(analyze):
    rec = analyze("Border clash\n\nBolivian troops are reported to have attacked two Paraguayan border posts.")
    assert not any(t is not None and "bolivian" in t.name.lower() for _, t in _events(rec, "ASSAULT"))


@pytest.mark.model
def test_they_withdrawn_stays_the_moving_side(analyze):
    rec = analyze("Border\n\n"
                  "Venezuelan troops fired on Colombian smugglers at the border. They were later withdrawn.")
    for _, tgt in _events(rec, trigger="withdrawn"):
        assert tgt is None or "smuggler" not in tgt.name.lower()


@pytest.mark.model
def test_it_in_a_relative_clause_is_not_the_subject_above(analyze):
    rec = analyze("Border\n\nThe Baltic council called for the release of two Polish sailors it detained in May.")
    for src, _ in _events(rec, trigger="detained"):
        assert src is None or "council" not in src.name.lower()


@pytest.mark.model
def test_the_party_of_an_act_noun_subject_does_not_act(analyze):
    rec = analyze("Unrest\n\nThe arrest of the Bolivian opposition leader sparked protests in La Paz.")
    for src, _ in _events(rec, "PROTEST"):
        assert src is None or "leader" not in src.name.lower()


@pytest.mark.model
def test_the_party_of_an_act_noun_subject_is_not_the_verbs_source(analyze):
    rec = analyze("Arms\n\nThe refusal by Bolivia to recognise the vote has less to do with Chile, "
                  "which has in fact sent weapons to Peru.")
    for src, _ in _events(rec, trigger="sent"):
        assert src is None or "bolivia" not in src.name.lower()
