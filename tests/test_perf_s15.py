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


def test_a_demonym_finds_its_country_through_the_stem_index():
    import re

    from newsgraph.extract.events.countries import _DEMONYM_SUFFIXES, _country_table, _local_country_of

    names, _ = _country_table()
    prefixes = sorted(((n, c) for n, c in names.items() if " " not in n and len(n) >= 4), key=lambda x: -len(x[0]))

    def scan(text: str) -> str | None:  # the scan over every name that the index replaced
        key = re.sub(r"['’]s$", "", text.strip().lower()).removeprefix("the ").strip()
        if key in names or " " in key or not key.isalpha() or len(key) < 4:
            return names.get(key)
        for suf in _DEMONYM_SUFFIXES:
            if key.endswith(suf) and len(key) - len(suf) >= 4:
                stem = key[: -len(suf)]
                found = next((c for n, c in prefixes if n.startswith(stem) and len(n) - len(stem) <= 3), None)
                if found:
                    return found
        return None

    words = ["Brazilian", "Kenyans", "Congolese", "Ruritanian", "Mongolian", "Guatemalans", "Bahraini",
             "Nepalese", "Iranian", "Lebanese's", "Omanis", "plumbers", "the Argentines", "Xyzzian", ""]
    words += [n + s for n in list(names)[:300] for s in ("n", "ian", "ese", "i")]
    assert [_local_country_of(w) for w in words] == [scan(w) for w in words]
    assert _local_country_of("Brazilian") == "BRA" and _local_country_of("plumbers") is None
