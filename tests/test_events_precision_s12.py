"""Event precision, session 12: acts asked for, habits, published releases, acts averted or not
allowed, a possible act behind a noun of intent or fear, a following in the public named
"support"; a military "strike" and a text's "attack" in their news sense.
Hand-written sentences only (names, places and wording are invented for these tests)."""

import pytest
from test_events_precision_s11 import _events

from newsgraph.extract.events.background import _words
from newsgraph.extract.events.senses import _table


def test_the_new_word_lists_are_data():
    assert {"urge", "demand", "call"} <= _words("appealing")
    assert {"routinely", "whenever"} <= _words("habitual")
    assert {"survey", "report"} <= _words("document")
    assert {"prevent", "foil"} <= _words("averting") and "escape" in _words("escaping")
    assert {"allow", "permit"} <= _words("permitting")
    assert {"intention", "anticipation"} <= _words("unrealised")
    assert {"public", "popular"} <= _words("popular")
    assert {"drone", "missile"} <= _table()["armed"] and "editorial" in _table()["text"]


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    # the act an appeal or a demand asks for
    ("Marchers in Vardo called for the Valdorian cabinet to resign on Sunday.", "resign"),
    # a habit or a rule, not an occurrence
    ("Police in Kessel routinely detain activists without charge.", "detain"),
    ("Whenever a ranger is killed, the park flag in Ostrava is lowered.", "killed"),
    ("Every time you arrest one smuggler, two more arrive in Kessel.", "arrest"),
    # a published release
    ("The release of a new poll on Monday dismayed the Valdorian cabinet.", "release"),
    # an act averted, or not allowed
    ("The smuggler narrowly escaped being arrested by Valdorian police.", "arrested"),
    ("Border guards foiled an attack on the Kessel depot on Friday.", "attack"),
    ("The Bordurian cabinet will not allow the rallies to go ahead in Vardo.", "rallies"),
    # a possible act behind a noun of intent or fear
    ("The Valdorian premier has no intention of resigning over the levy.", "resigning"),
    ("Valdorian troops were deployed in anticipation of an attack by the rebels.", "attack"),
    ("Valdoria plans to send ships in the event of an invasion by Borduria.", "invasion"),
    # a following in the public
    ("The scandal eroded the premier's public support in Valdoria.", "support"),
])
def test_no_event_in_session_12_readings(analyze, text, word):
    assert _events(analyze, text, word) == []


@pytest.mark.model
@pytest.mark.parametrize("text, word, typ", [
    # the appeal itself, and a strike called, still code
    ("The dockers' union demanded the release of its leaders from a Kessel jail.", "demanded", "REQUEST"),
    ("Opposition deputies pressed for an inquiry into the Kessel shooting.", "pressed", "REQUEST"),
    ("The Bordurian envoy urged the council to accept the border plan.", "urged", "REQUEST"),
    # a participle clause of a demand is an act of its own
    ("Threatening to burn the depot, the militia demanded a ransom from Kessel.", "Threatening", "THREATEN"),
    # an act that happened, even after "escaped"
    ("Police in Kessel detained forty activists on Sunday.", "detained", "COERCE"),
    # an averting verb negated does not avert
    ("Borduria did not try to prevent the militia from attacking Kessel.", "attacking", "ASSAULT"),
    # backing a party's position is support
    ("The Valdorian premier backed the finance minister's budget report on Monday.", "backed", "SUPPORT"),
    # a military strike; a text's attack
    ("A Valdorian drone strike killed four militants near Kessel on Monday.", "strike", "ASSAULT"),
    ("The strike was carried out by the Bordurian air force, officials said.", "strike", "ASSAULT"),
    ("A scathing editorial attacked the Valdorian premier on Monday.", "attacked", "ACCUSE"),
    # a labour strike stays a strike
    ("Dockers in Ostrava began a general strike over pay on Monday.", "strike", "PROTEST"),
    # session 22: a strike "on" what it hit, or launched by an armed force, is military ...
    ("Valdorian strikes on Kessel and two border towns continued overnight.", "strikes", "ASSAULT"),
    ("The rebels carried out strikes against army posts overnight.", "strikes", "ASSAULT"),
    # ... not one "on" a day or a transport network
    ("Bus drivers staged a strike on Friday.", "strike", "PROTEST"),
    ("Unions announced a 24-hour strike on the Ostrava metro.", "strike", "PROTEST"),
])
def test_session_12_keeps_the_event(analyze, text, word, typ):
    assert typ in _events(analyze, text, word)
