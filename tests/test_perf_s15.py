"""Session 15's speed changes read what the code they replace read. Hand-made Docs; no model needed."""

from __future__ import annotations

import spacy
from spacy.parts_of_speech import NOUN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.extract.tokens import token_view

NLP = spacy.blank("en")


def _parsed() -> Doc:
    words = ["The", "minister", "condemned", "the", "illegal", "raid", "and", "the", "raid", "."]
    return Doc(NLP.vocab, words=words,
               heads=[1, 2, 2, 5, 5, 2, 2, 8, 5, 2],
               deps=["det", "nsubj", "ROOT", "det", "amod", "dobj", "cc", "det", "conj", "punct"],
               pos=["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"],
               lemmas=["the", "minister", "condemn", "the", "illegal", "raid", "and", "the", "raid", "."])


def test_where_gives_the_tokens_holding_any_of_the_values_in_order():
    doc = _parsed()
    view = token_view(doc)
    lemmas = frozenset(get_string_id(w) for w in ("raid", "condemn", "absent"))
    assert view.where("lemma", lemmas) == [t.i for t in doc if t.lemma_ in ("raid", "condemn")] == [2, 5, 8]
    assert view.where("pos", frozenset({NOUN, VERB})) == [1, 2, 5, 8]
    assert view.where("lower", frozenset()) == []


def test_a_fault_word_is_read_from_the_view_as_from_the_tokens():
    from newsgraph.extract.events.faulted import _fault_at
    from newsgraph.extract.events.lexicon import load_lexicon

    doc = _parsed()
    view, lex = token_view(doc), load_lexicon()
    assert _fault_at(view, 5, lex) == 4  # "the illegal raid": "illegal" names the act a fault
    assert _fault_at(view, 8, lex) is None  # "the raid" alone
    assert _fault_at(view, 1, lex) is None
