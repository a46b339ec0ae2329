"""A gerund with no doer and no party names an act in general, not an occurrence (session 20):
a clause's subject, what a noun is about, what generic people do, an act "against" or "without"
which nothing is done. A gerund a text does for its author, one with its own subject and one
whose doer the main clause gives stay. Hand-written sentences only (names, places and wording
are invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Attacking my record will not fix the economy, the senator said.", "Attacking"),
    ("Imposing sanctions on Borduria would hurt Ruritanian farmers, the report said.", "Imposing"),
    ("The two envoys exchanged views on combating piracy in the gulf.", "combating"),
    ("Dockers in Lisbon voted against accepting the pay offer on Tuesday.", "accepting"),
    ("Anyone refusing to pay the new tax will be fined, the ministry said.", "refusing"),
    ("There is nothing ideological about opposing the new dam, the mayor said.", "opposing"),
])
def test_an_act_in_general_is_no_event(analyze, text, trigger):
    assert _events(analyze, text, trigger) == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, kind", [
    ("The Ruritanian senate passed a resolution condemning the raid on the border post.", "condemning", "ACCUSE"),
    ("A letter appealing for clemency from the Ruritanian president reached the court on Monday.",
     "appealing", "REQUEST"),
    ("As well as condemning the raid, the Ruritanian foreign minister accused Borduria of lying.",
     "condemning", "ACCUSE"),
    ("The loss of the custom of one side conceding the other's victory worries observers.", "conceding",
     "CONCEDE"),
    ("Despite the minister coming under fire for the deal, the government won the vote.", "coming", "ACCUSE"),
    ("The two militias were responsible for violating the ceasefire last week.", "violating",
     "ASSAULT"),  # the adjective's subject does it
    ("In addition to closing the border crossing, Ruritania has also barred foreign reporters from the area.",
     "closing", "SANCTION"),  # told as done
])
def test_gerunds_with_a_doer_stay(analyze, text, trigger, kind):
    assert kind in {t for t, *_ in _events(analyze, text, trigger)}
