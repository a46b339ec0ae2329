"""Coercion and violence, session 19: detention, removal from office and stopped marches told in
common wire phrasings, and the victims of an attack told by "were wounded in" / "died in".
Hand-written sentences only (names, places and wording are invented for these tests)."""

import pytest

from newsgraph.extract.events.lexicon import load_lexicon


def _events(analyze, text, word):
    """(type, source id, target id) of the positive events on ``word``."""
    rec = analyze(text)
    return [(e.type, e.source, e.target) for e in rec.events
            if rec.article.text[e.trigger.start:e.trigger.end] == word and not e.negated]


def test_coercion_rows():
    lex = load_lexicon()
    assert lex.match("verb", "take", {"into", "custody"}).plover.type == "COERCE"
    assert lex.match("verb", "remove", {"from", "office"}).plover.type == "COERCE"
    assert lex.match("verb", "eject", {"from", "cabinet"}).plover.type == "COERCE"
    assert lex.match("verb", "stop", {"march"}).plover.type == "COERCE"
    assert lex.match("verb", "remove", {"from", "list"}) is None  # only an office or a post
    assert lex.match("verb", "remove", {"from", "government"}) is None  # "the government of X was removed from a list"
    assert lex.match("verb", "sack", {"minister"}).plover.type == "COERCE"
    assert lex.match("verb", "dismiss", {"minister"}).plover.type == "REJECT"  # "dismissed the minister's claims"


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Dozens of Ruritanian students were taken into custody.", "taken"),
    ("Ruritanian police locked up the striking dockers.", "locked"),
    ("The Ruritanian interior minister was removed from office.", "removed"),
    ("The Ruritanian finance minister was ejected from the cabinet.", "ejected"),
    ("The march was halted by Ruritanian police.", "halted"),
])
def test_coercion_in_other_words(analyze, text, word):
    assert "COERCE" in {t for t, *_ in _events(analyze, text, word)}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Five Ruritanian soldiers were wounded in an attack.",
    "Five Ruritanian soldiers died in the attack.",
])
def test_the_harmed_are_the_attack_target(analyze, text):
    assert [(t, s, tg) for t, s, tg in _events(analyze, text, "attack")] == [("ASSAULT", None, "ruritanian-soldiers")]
