"""Session 22: an organisation's sector from the members or the cause its own name gives
(``body_members.tsv``; hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.members import name_member_sector


def coded(rec, word):
    text = rec.article.text
    found = [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]
    return (found[0].country, found[0].sector) if found else None


def words(name):
    return [(w, w) for w in name.lower().split()]


def test_members_and_causes_of_a_named_body():
    assert name_member_sector(words("Kestrel Journalists Association")) == "MED"
    assert name_member_sector(words("Federation of Kestrel Realtors")) == "BUS"
    assert name_member_sector(words("Norland Civil Liberties Council")) == "NGO"
    assert name_member_sector(words("Norland Environmental Industry Association")) == "BUS"  # a member beats a cause
    assert name_member_sector(words("General Confederation of Labour")) == "LAB"


def test_no_head_a_purpose_or_a_party_word_gives_nothing():
    assert name_member_sector(words("Kestrel Journalists")) is None  # no collective head
    assert name_member_sector(words("Committee to Protect Journalists")) is None  # a purpose
    assert name_member_sector(words("Kestrel Labour Club")) is None  # a party's club, not a union
    assert name_member_sector(words("Association of Muslim Journalists")) is None  # two members disagree
    assert name_member_sector(words("Kestrel Actors Guild Awards")) is None  # a prize, not the guild
    assert name_member_sector(words("Association of Doctors for Human Rights")) == "NGO"  # the cause after "for"


@pytest.mark.model
def test_a_body_named_by_its_members_and_its_officer(analyze):
    rec = analyze("Canada's parliament passed the budget on Monday. Eva Marsh, president of the "
                  "Canadian Association of Realtors, welcomed the vote. The Canadian Journalists' "
                  "Association condemned the raid.")
    assert coded(rec, "Association of Realtors") == ("CAN", "BUS")
    assert coded(rec, "Eva Marsh")[1] == "BUS"  # the employer tie passes the body's sector on
    assert coded(rec, "Journalists' Association")[1] == "MED"


@pytest.mark.model
def test_a_body_named_by_its_cause_or_faith(analyze):
    rec = analyze("Police in Canada raided a mosque on Friday. The Kestrel Civil Liberties Council "
                  "condemned the raid, and the Kestrel Muslim Association asked for an inquiry.")
    assert coded(rec, "Civil Liberties Council")[1] == "NGO"
    assert coded(rec, "Muslim Association")[1] == "REL"


@pytest.mark.model
def test_a_person_tied_to_a_body_takes_its_sector(analyze):
    rec = analyze("Canada's parliament passed the budget on Monday. \"It is a bad law,\" said Ana Ruiz "
                  "from the Kestrel Civil Liberties Council. Microsoft's Tom Reyes welcomed it.")
    assert coded(rec, "Ana Ruiz")[1] == "NGO"
    assert coded(rec, "Tom Reyes")[1] == "BUS"


@pytest.mark.model
def test_a_party_with_no_standing_gives_its_member_none(analyze):
    rec = analyze("Canada's parliament passed the budget on Monday. The Kestrel Party's Jo Kent voted against it.")
    assert coded(rec, "Jo Kent")[1] != "LEG"  # a party's default says nothing of its member's office
