"""Session 19: a surname used without its article particle ("Hamdi" for "Tariq al-Hamdi") is the
same person (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.person_names import _bare_surname


def people(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


def test_the_bare_surname_drops_only_a_short_particle():
    assert _bare_surname("Tariq al-Hamdi") == "Hamdi"
    assert _bare_surname("Samir El-Badawi") == "Badawi"
    assert _bare_surname("Ana Lopez-Garcia") is None  # a double family name keeps its full form
    assert _bare_surname("Tariq Hamdi") is None
    assert _bare_surname("Tariq al-") is None


@pytest.mark.model
@pytest.mark.parametrize("later", ["Hamdi said the budget was blocked.", "Later, Mr. Hamdi met the envoy."])
def test_a_surname_without_its_particle_joins_the_full_name(analyze, later):
    rec = analyze("Interior Minister Tariq al-Hamdi criticised the rival bloc on Tuesday. " + later)
    found = people(rec, "Hamdi")
    assert [a.name for a in found] == ["Tariq al-Hamdi"]
    assert len(found[0].mentions) == 2


@pytest.mark.model
def test_a_double_family_name_does_not_take_its_second_half(analyze):
    rec = analyze("Ana Lopez-Garcia, a lawyer, filed the appeal. Garcia, a farmer from the north, watched.")
    assert len(people(rec, "Garcia")) == 2
