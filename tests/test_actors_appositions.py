"""An apposition ends where its dashes or brackets close (persons._enclosed): what follows is the
rest of the sentence, not the person's title or employer."""

from __future__ import annotations

import pytest


def _person(rec, name):
    found = [a for a in rec.actors if a.name == name]
    assert found, (name, [a.name for a in rec.actors])
    return found[0]


@pytest.mark.model
def test_the_newspaper_spoken_to_after_a_dashed_apposition_is_not_the_employer(analyze):
    rec = analyze('"We will appeal," said Jorge Quispe—one of the defence lawyers—to Agence France-Presse. '
                  "Bolivian police said the men had planned further attacks.", published="2024-05-06")
    assert _person(rec, "Jorge Quispe").sector != "MED"


@pytest.mark.model
def test_an_employer_inside_the_dashes_still_counts(analyze):
    rec = analyze("Ana Ruiz—a researcher at the Lima Institute of Policy Studies—said the vote was fair.",
                  published="2024-05-06")
    assert _person(rec, "Ana Ruiz").sector == "NGO"
