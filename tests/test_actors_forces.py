"""Forces a government deploys are its own (actors/forces.py, session 12)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _troops(record, name="troops"):
    return next(a for a in record.actors if a.name == name)


def test_troops_a_state_deploys_are_its_own(analyze):
    rec = analyze("Chile plans to deploy 4,000 troops along the border with Peru, the defence ministry said. "
                  "Peru protested.")
    assert _troops(rec).country == "CHL"


def test_the_state_urged_to_withdraw_owns_the_troops(analyze):
    rec = analyze("Bolivia has urged Paraguay to withdraw its troops from the disputed valley. "
                  "Paraguay said the soldiers were on its own soil.")
    assert _troops(rec).country == "PRY"


def test_several_senders_give_no_country(analyze):
    rec = analyze("Chile and Peru will send troops to the flooded region of Ecuador. Ecuador welcomed the offer.")
    assert _troops(rec).country is None


def test_an_alliance_gives_no_country(analyze):
    rec = analyze("NATO will send troops to Chile and Peru.")
    assert _troops(rec).country is None
