"""Sides the story gives (issue 10, session 14): a reaction to "the remarks" or "the comments"
is aimed at whoever the article said said them; a text that acts ("the resolution calls on
...") acts for whoever issued it. Hand-written texts, far from any evaluation story."""

import pytest

from test_events_sides_s13 import test_sides_by_construction as _sides_found
from test_events_sides_s14 import test_sides_not_read_s14 as _not_read


#: ("found", text, trigger, a source word, a target word one of its events must name) or
#: ("not", text, trigger, side, a word that side must not name)
CASES = [
    # the speaker of the remarks reacted to (data/nominalizations.tsv, .reactions)
    ("found", "Bolivian senator Ana Quispe said on Monday that the new Paraguayan tariffs were a disaster. "
     "The Paraguayan government condemned the remarks on Tuesday.", "condemned", "paraguay", "quispe"),
    ("found", "Chilean minister Pablo Rojas claimed that Peru had broken the treaty. "
     "Peru rejected the comments as baseless.", "rejected", "peru", "rojas"),
    # the nearest speaker decides: a relative clause's noun, not a speaker named before it
    ("not", "Bolivian senator Ana Quispe said the tariffs were fair. The Chilean Farmers Union, which "
     "said that they were a disaster, was criticised. Peru condemned the remarks.",
     "condemned", "target", "quispe"),
    # a document acting for whoever passed or issued it (.documents)
    ("found", "The Organization of American States passed a resolution on Monday on the border dispute. "
     "The resolution calls on Peru to withdraw its troops from the border.", "calls", "organization", "peru"),
    # ... not for whoever only welcomed it, nor for an issuer told after the act
    ("not", "Peru welcomed the resolution on Monday. The resolution calls on Bolivia to withdraw its "
     "troops from the border.", "calls", "source", "peru"),
    ("not", "The Bolivian report accuses Peru of smuggling arms. The Organization of American States "
     "later issued a report on the dispute.", "accuses", "source", "organization"),
]


@pytest.mark.model
@pytest.mark.parametrize("kind,text,trigger,a,b", CASES)
def test_story_sides_s14(analyze, kind, text, trigger, a, b):
    (_sides_found if kind == "found" else _not_read)(analyze, text, trigger, a, b)
