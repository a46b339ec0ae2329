"""An office named by two words ending in "General" is no military rank (titles._office_phrases)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _person(record):
    return next(a for a in record.actors if a.kind == "person")


@pytest.mark.parametrize("text, sector", [
    ("Chile's Attorney General Marta Quiroga said the inquiry would go on.", "GOV"),
    ("The director-general of the ports authority, Ivo Petrak, resigned on Friday.", "GOV"),
    ("The Inspector General of Police, Ivo Petrak, said two men were held in Mombasa.", "COP"),
])
def test_an_office_ending_in_general_is_not_military(analyze, text, sector):
    assert _person(analyze(text)).sector == sector


def test_a_generals_rank_stays_military(analyze):
    assert _person(analyze("Major General Ivo Petrak said the brigade had left the valley.")).sector == "MIL"
