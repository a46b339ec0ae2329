"""Sides read by construction (issue 10, session 13): the subject of a raising or perception
passive does the act of its active complement ("are said to have met", "were seen beating");
a "they" that a passive act is done to is the party the story named just before; an "it" after
a clause about a body is that body ("Although X ..., it rejected"); "a statement by X" acts
for X; who "claimed responsibility for attacking" attacked; "X and Y agreed to ..." agreed
with each other; a measure on
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
    # who claims an act told as a gerund does it (.article, .nominal)
    ("The Tamil rebels claimed responsibility for attacking a Sri Lankan army convoy.", "attacking", "rebel", None),
    ("The Tamil rebels took credit for attacking a Sri Lankan army convoy.", "attacking", "rebel", None),
    # coordinated parties that agreed to do something agreed with each other (.coder)
    ("Bolivia and Paraguay agreed to reopen the border crossing.", "reopen", "bolivia", "paraguay"),
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


#: (text, trigger, side, a word that side must not name)
NOT_SIDES = [
    # a raised attacker is not attacked; a withdrawn "they" is the moving side, not the last plural
    ("Bolivian troops are reported to have attacked two Paraguayan border posts.", "attacked", "target", "bolivian"),
    ("Venezuelan troops fired on Colombian smugglers at the border. They were later withdrawn.",
     "withdrawn", "target", "smuggler"),
    # an "it" in a relative clause is not the subject above it
    ("The Baltic council called for the release of two Polish sailors it detained in May.",
     "detained", "source", "council"),
    # the party of an act noun subject does not do the verb's act
    ("The arrest of the Bolivian opposition leader sparked protests in La Paz.", None, "source", "leader"),
    ("The refusal by Bolivia to recognise the vote has less to do with Chile, which has in fact sent "
     "weapons to Peru.", "sent", "source", "bolivia"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,side,word", NOT_SIDES)
def test_sides_not_read(analyze, text, trigger, side, word):
    rec = analyze("News\n\n" + text)
    actor = {a.id: a for a in rec.actors}.get
    for e in rec.events:
        if trigger in (None, e.trigger.text):
            a = actor(getattr(e, side))
            assert a is None or word not in a.name.lower(), (e.type, e.trigger.text, a.name)
