"""Session 14: sectors from titles the role words missed or misread (hand-written texts)."""

from __future__ import annotations

import pytest


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


@pytest.mark.model
def test_an_office_after_a_seat_of_government_is_the_governments(analyze):
    rec = analyze("The marchers were met by White House chief of staff Tom Reyes in Texas.")
    reyes = named(rec, "Tom Reyes")[0]
    assert (reyes.country, reyes.sector) == ("USA", "GOV")


@pytest.mark.model
def test_a_seat_before_a_word_that_is_no_office_gives_no_sector(analyze):
    rec = analyze("Kremlin critic Ivan Petrov was arrested in Moscow on Monday.")
    assert named(rec, "Ivan Petrov")[0].sector is None


@pytest.mark.model
def test_son_of_a_prime_minister_is_no_prime_minister(analyze):
    rec = analyze("Tom Reyes, son of late former Prime Minister Jose Reyes, met the marchers in Manila.")
    son, father = named(rec, "Tom Reyes")[0], named(rec, "Jose Reyes")[0]
    assert (son.sector, son.title) == (None, None)
    assert father.sector == "GOV" and "son" not in (father.title or "")


@pytest.mark.model
def test_a_detective_is_police(analyze):
    rec = analyze("Detective Superintendent Anna Gray told reporters in Leeds that officers wanted witnesses.")
    assert named(rec, "Anna Gray")[0].sector == "COP"


@pytest.mark.model
def test_a_police_minister_and_a_security_adviser_are_government(analyze):
    rec = analyze("Police minister Tom Reyes and national security adviser Ana Ruiz met the marchers in Manila. "
                  "Police spokesman Jose Cruz said the march was peaceful.")
    assert named(rec, "Tom Reyes")[0].sector == "GOV"
    assert named(rec, "Ana Ruiz")[0].sector == "GOV"
    assert named(rec, "Jose Cruz")[0].sector == "COP"  # a spokesman for the police speaks for it
