"""Cooperative and material acts, session 19: yielding, giving and stopping aid told in common
wire phrasings, and a force moved by its own side is no target. Hand-written sentences only
(names, places and wording are invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events

from newsgraph.extract.events.lexicon import load_lexicon


def test_compiled_rows_hidden_by_a_hand_head_are_written_by_hand():
    lex = load_lexicon()
    assert lex.match("verb", "reach", {"understanding"}).plover.type == "AGREE"
    assert lex.match("verb", "reach", {"compromise"}).plover.type == "AGREE"
    assert lex.match("verb", "freeze", {"aid"}).plover.type == "SANCTION"
    # opened heads keep their compiled rows
    assert lex.match("verb", "freeze", {"asset"}) is not None
    assert lex.match("verb", "lay", {"down", "weapon"}).plover.type == "RETREAT"


def test_rows_left_out_after_the_unseen_check():
    lex = load_lexicon()
    assert lex.match("verb", "reach", {"settlement"}) is None  # divorces, pay disputes
    assert lex.match("verb", "transfer", {"power"}) is None  # powers given by law
    assert lex.match("verb", "hand", {"over", "power"}) is None  # demanded in quotes, figures of speech
    assert lex.match("verb", "grant", {"amnesty"}) is None  # rare, 2 of 3 right
    assert lex.match("verb", "loosen", {"rule"}) is None  # domestic regulation
    assert lex.match("verb", "cut", {"off", "funding"}) is None  # domestic budgets


def test_approving_cuts_in_aid_stops_aid():
    lex = load_lexicon()
    assert lex.match("verb", "approve", {"loan"}).plover.type == "AID"
    assert lex.match("verb", "approve", {"cut", "in", "aid"}).plover.type == "SANCTION"


@pytest.mark.model
@pytest.mark.parametrize("text, word, expected", [
    ("Chadian rebels handed over their weapons to Ugandan peacekeepers.", "handed", "RETREAT"),
    ("Chad eased the ban on public gatherings.", "eased", "CONCEDE"),
    ("Uganda sent food and medicine to Chad.", "sent", "AID"),
    ("The World Bank approved a loan to Chad.", "approved", "AID"),
    ("Uganda froze aid to Chad.", "froze", "SANCTION"),
    ("Chad reached an understanding with Uganda on the border.", "reached", "AGREE"),
])
def test_yielding_and_giving_in_other_words(analyze, text, word, expected):
    assert expected in {t for t, *_ in _events(analyze, text, word)}


@pytest.mark.model
def test_aid_frozen_is_not_aid_given(analyze):
    assert ("SANCTION", "162", "UGA", "TCD") in _events(analyze, "Uganda froze aid to Chad.", "froze")
    assert not _events(analyze, "Uganda froze aid to Chad.", "aid")


@pytest.mark.model
@pytest.mark.parametrize("text, word, target", [
    ("Chad withdrew its troops from the border.", "withdrew", None),
    ("Chad pulled its soldiers out of Uganda.", "pulled", "UGA"),
    ("Chad withdrew its troops from Uganda.", "withdrew", "UGA"),
])
def test_a_force_moved_by_its_own_side_is_no_target(analyze, text, word, target):
    assert [("RETREAT", "TCD", target)] == [(t, s, g) for t, _, s, g in _events(analyze, text, word)]
