"""Sides named in the sentence (session 16): a pronoun possessor of an act noun is the act's
source when the actor layer reads it as a party named earlier in the same sentence ("the
Bolivian minister ended his visit to Chile"), not for acts the possessor undergoes ("his
arrest", "her release"). Hand-written texts, far from any evaluation story."""

import pytest

from test_events_sides_s13 import test_sides_by_construction as _sides_found
from test_events_sides_s14 import test_sides_not_read_s14 as _not_read


#: (text, trigger, a source word and a target word one of its events must name)
SIDES = [
    ("Protesters in Lima were angry at the Bolivian president Evo Morales and his support for Venezuela.",
     "support", "morales", "venezuela"),
    ("The Paraguayan foreign minister Julio Ruiz spoke to reporters ahead of his visit to Uruguay.",
     "visit", "ruiz", "urugua"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,src,tgt", SIDES)
def test_sides_named_in_sentence_s16(analyze, text, trigger, src, tgt):
    _sides_found(analyze, text, trigger, src, tgt)


#: (text, trigger, side, a word that side must not name)
NOT_SIDES = [
    # the possessor of an act done to it does not do it
    ("The Bolivian opposition leader Juan Rojas said his arrest was illegal.", "arrest", "source", "rojas"),
    ("The Chilean activist Pedro Soto held a news conference in Santiago after his release.",
     "release", "source", "soto"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,trigger,side,word", NOT_SIDES)
def test_sides_not_read_s16(analyze, text, trigger, side, word):
    _not_read(analyze, text, trigger, side, word)
