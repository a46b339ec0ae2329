"""Session 21: a group of leaders takes its sector from the words that say whose leaders they
are (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.leaders import leader_words


def coded(rec, name):
    """(country, sector) of the first actor whose name is ``name``."""
    return next(((a.country, a.sector) for a in rec.actors if a.name == name), None)


def test_the_table_lists_the_head_and_plain_words():
    heads, plain = leader_words()
    assert heads["leader"] == "GOV"
    assert {"top", "senior"} <= plain


@pytest.mark.model
def test_a_country_word_makes_leaders_the_states(analyze):
    rec = analyze("Ghanaian leaders rejected the proposal on Monday, and Norway's top leaders "
                  "welcomed it.")
    assert coded(rec, "Ghanaian leaders") == ("GHA", "GOV")
    assert any(a.country == "NOR" and a.sector == "GOV" and "leaders" in a.name for a in rec.actors)


@pytest.mark.model
def test_coordinated_country_words_give_each_group_the_state(analyze):
    rec = analyze("The plan was drawn up at the request of Kenyan and Tanzanian leaders.")
    leaders = [(a.country, a.sector) for a in rec.actors if "leaders" in a.name]
    assert ("KEN", "GOV") in leaders and ("TZA", "GOV") in leaders


@pytest.mark.model
def test_an_agent_phrase_or_a_named_body_decides(analyze):
    rec = analyze("Business leaders in Kenya welcomed the budget. Religious leaders in Kenya "
                  "condemned the attack.")
    assert any(a.sector == "BUS" and "leaders" in a.name.lower() for a in rec.actors)
    assert any(a.sector == "REL" and "leaders" in a.name.lower() for a in rec.actors)


@pytest.mark.model
def test_other_words_leave_leaders_without_a_sector(analyze):
    rec = analyze("Tribal leaders in Kenya condemned the attack. Bosnian Serb leaders rejected the plan.")
    assert all(a.sector is None for a in rec.actors if "leaders" in a.name)
    rec = analyze("Hamas won the vote in Gaza. According to Hamas leaders, the talks failed.",
                  published="2005-02-01")
    hamas = coded(rec, "Hamas")
    assert hamas and coded(rec, "Hamas leaders") == hamas  # the body's own sector, not the state's
