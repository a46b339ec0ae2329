"""Session 19 (branch h-appeal): support told with a light verb and a noun (solidarity,
condolences, gratitude, tribute), help sought from a party, and court pleas that ask nothing
(events.tsv, the adjective of "pleaded guilty" read by .triggers). Hand-written sentences, not
from any evaluation set."""

import pytest

from test_events_statements_s14 import _pairs


@pytest.mark.model
@pytest.mark.parametrize("text, type_, source, target", [
    ("The Peruvian president expressed solidarity with Chile after the earthquake.", "SUPPORT", "PER", "CHL"),
    ("The Peruvian president showed solidarity with the Chilean government.", "SUPPORT", "PER", "CHL"),
    ("The Peruvian foreign minister offered his condolences to the Chilean government.", "SUPPORT", "PER", "CHL"),
    ("The Bolivian president paid tribute to the Chilean rescuers.", "SUPPORT", "BOL", "CHL"),
    ("The Peruvian prime minister expressed his gratitude to Chile for its help.", "SUPPORT", "PER", "CHL"),
    ("Peru sought help from Chile to fight the fires.", "REQUEST", "PER", "CHL"),
    ("Bolivia sought aid from Brazil after the floods.", "REQUEST", "BOL", "BRA"),
])
def test_sympathy_solidarity_tribute_and_help_sought_are_coded(analyze, text, type_, source, target):
    assert (source, target) in _pairs(analyze(text), type_)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The former Peruvian minister pleaded guilty to fraud.",
    "The Chilean general pleaded not guilty to the charges.",
    "The Bolivian official sought medical help after the crash.",
])
def test_a_plea_in_court_or_medical_help_asks_no_party(analyze, text):
    assert not _pairs(analyze(text), "REQUEST")
