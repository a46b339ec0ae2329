"""CAMEO.2.0 rows hidden by a hand head, session 19: the heads whose compiled rows were right on
unseen text are opened, the noisy ones stay hidden. Hand-written sentences only (names, places and
wording are invented for these tests)."""

import pytest

from test_events_missed_s13 import _sides as _events

from newsgraph.extract.events.lexicon import load_lexicon


@pytest.mark.parametrize("head, words, expected", [
    ("voice", {"disapproval"}, "ACCUSE"),
    ("voice", {"outrage"}, "ACCUSE"),
    ("step", {"up", "security"}, "MOBILIZE"),
    ("step", {"up", "protection"}, "MOBILIZE"),
    ("declare", {"cease-fire"}, "RETREAT"),
    ("violate", {"resolution"}, "REJECT"),
    ("pledge", {"fund"}, "AGREE"),
    ("file", {"suit"}, "ACCUSE"),
])
def test_opened_heads_keep_their_compiled_rows(head, words, expected):
    assert load_lexicon().match("verb", head, words).plover.type == expected


def test_opened_heads_keep_the_hand_rows_and_their_bare_reading():
    lex = load_lexicon()
    assert lex.match("verb", "voice", {"support"}).plover.type == "SUPPORT"
    assert lex.match("verb", "step", {"down"}).cameo == "0831"
    assert lex.match("verb", "pledge", set()).cameo == "030"
    assert lex.match("verb", "declare", set()) is None


@pytest.mark.parametrize("head, words", [
    ("voice", {"disappointment"}),  # analysts and fans
    ("step", {"in"}),  # "stepped in to take over funding"
    ("declare", {"winner"}),  # an election result
    ("file", {"appeal"}),  # a court appeal
])
def test_compiled_rows_read_as_noise_are_off(head, words):
    assert "off" in load_lexicon().match("verb", head, words).flags


@pytest.mark.parametrize("head, words", [
    ("give", {"up"}),  # "gave up smoking", "given up on the deal"
    ("find", {"solution"}),  # an aim, no agreement
    ("set", {"up"}),  # committees and trusts
    ("send", {"message"}),  # text messages, letters to supporters
    ("launch", {"campaign"}),  # advertising and election tours
    ("sue", {"for"}),  # a lawsuit is no arrest
])
def test_heads_whose_compiled_rows_are_noise_stay_closed(head, words):
    entry = load_lexicon().match("verb", head, words)
    assert entry is None or not entry.extras or entry.extras != words


@pytest.mark.model
@pytest.mark.parametrize("text, word, expected", [
    ("The Ruritanian opposition voiced outrage at the decision of the Borduria government.", "voiced", "ACCUSE"),
    ("Borduria declared a cease-fire in the north.", "declared", "RETREAT"),
    ("Police in Borduria stepped up security at the border.", "stepped", "MOBILIZE"),
])
def test_opened_heads_code_on_text(analyze, text, word, expected):
    assert expected in {t for t, *_ in _events(analyze, text, word)}
