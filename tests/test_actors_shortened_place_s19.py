"""A person's later mentions by a shortened form of their name ("Hamdi" of "Tariq al-Hamdi",
"bin Haddad" of "Omar bin Haddad") join the full name but do not place the person: the
sentences they are in tell of later deeds, not of where the story introduced them."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.person_names import shortened


@pytest.mark.parametrize("name, mention, expected", [
    ("Tariq al-Hamdi", "Hamdi", True),
    ("Omar bin Haddad", "bin Haddad", True),
    ("Tariq al-Hamdi", "al-Hamdi", False),  # the last word: grouped before, read as before
    ("Tariq al-Hamdi", "Tariq al-Hamdi", False),
    ("Ana Ruiz", "Ruiz", False),
    ("Ruiz", "Ruiz", False),
    ("Ana Ruiz", "he", False),
])
def test_shortened(name, mention, expected):
    assert shortened(name, mention) is expected


@pytest.mark.model
def test_a_shortened_mention_near_a_foreign_force_keeps_the_story_country(analyze):
    rec = analyze("Iraqi police said on Monday that the protests in Baghdad had ended peacefully. "
                  "Tariq al-Hamdi told his followers to go home. Hamdi said that American troops "
                  "must leave soon. Hamdi later met with the police chief. Hamdi urged calm on Tuesday.",
                  published="2007-05-02")
    person = [a for a in rec.actors if a.kind == "person"]
    assert [a.name for a in person] == ["Tariq al-Hamdi"]
    assert person[0].country == "IRQ"
