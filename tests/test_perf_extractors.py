"""Session 8's per-Doc memos and token-view walks in the actor layer and the event coder must
give what the Token walks they replace give. Hand-made Docs; no model needed."""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.actors.countries import not_nationality
from newsgraph.extract.actors.knowledge import load_knowledge
from newsgraph.extract.actors.persons import _CLAUSE_DEPS, _clause_tokens, _describes_thing
from newsgraph.extract.actors.roles import FILLER_MODIFIERS, _modifiers
from newsgraph.extract.actors.story import _overlaps, _sentence_starts, story_weights
from newsgraph.extract.events.countries import country_of
from newsgraph.extract.events.resolve import _char_span, _Words, _words
from newsgraph.extract.events.syntax import _child, _pobj
from newsgraph.extract.tokens import token_view

NLP = spacy.blank("en")


def _parsed() -> Doc:
    """Two sentences; the second has a crossing arc ("on Monday" hangs off "said" across the
    clause), hyphens, punctuation and a relative clause, so the walks' orders are tested."""
    words = ["The", "other", "US", "-", "led", "Ruritanian", "forces", ",", "based", "in", "Lima", ",", "said",
             "troops", "who", "fled", "on", "Monday", "were", "safe", ".",
             "A", "rally", "held", "in", "Peru", "ended", "."]
    heads = [6, 6, 4, 4, 6, 6, 12, 6, 6, 8, 9, 6, 12,
             18, 15, 13, 12, 16, 12, 18, 12,
             22, 26, 22, 23, 24, 26, 26]
    deps = ["det", "amod", "npadvmod", "punct", "amod", "amod", "nsubj", "punct", "acl", "prep", "pobj", "punct",
            "ROOT", "nsubj", "nsubj", "relcl", "prep", "pobj", "ccomp", "acomp", "punct",
            "det", "nsubj", "acl", "prep", "pobj", "ROOT", "punct"]
    pos = ["DET", "ADJ", "PROPN", "PUNCT", "VERB", "ADJ", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT",
           "VERB", "NOUN", "PRON", "VERB", "ADP", "PROPN", "AUX", "ADJ", "PUNCT",
           "DET", "NOUN", "VERB", "ADP", "PROPN", "VERB", "PUNCT"]
    tags = ["DT", "JJ", "NNP", "HYPH", "VBN", "JJ", "NNS", ",", "VBN", "IN", "NNP", ",",
            "VBD", "NNS", "WP", "VBD", "IN", "NNP", "VBD", "JJ", ".",
            "DT", "NN", "VBN", "IN", "NNP", "VBD", "."]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              sent_starts=[1 if i in (0, 21) else 0 for i in range(len(words))])
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 5, 6, label="NORP"), Span(doc, 10, 11, label="GPE"),
                Span(doc, 17, 18, label="DATE"), Span(doc, 25, 26, label="GPE")]
    return doc


def test_children_subtree_and_punctuation_are_the_tokens():
    doc = _parsed()
    view = token_view(doc)
    assert view.children == [[c.i for c in t.children] for t in doc]
    assert [view.subtree(t.i) for t in doc] == [[s.i for s in t.subtree] for t in doc]
    assert view.is_punct == [int(t.is_punct) for t in doc]
    hashes = frozenset(doc.vocab.strings[w] for w in ("in", ",", "nothing"))
    assert view.where("lower", hashes) == [t.i for t in doc if t.lower_ in ("in", ",", "nothing")]


def _modifiers_by_tokens(tok):
    """The Token walk ``_modifiers`` replaced."""
    out = []
    for child in tok.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod"):
            out.extend(child.subtree)
    hyphened = {t.i for t in out if t.i > 0 and t.doc[t.i - 1].text == "-"}
    return [t for t in out if (not t.is_punct or t.text == "-") and t.lower_ not in FILLER_MODIFIERS
            and (t.tag_ not in ("VBN", "VBG", "DT", "PDT") or t.i in hyphened)]


def test_modifiers_are_the_token_walk():
    doc = _parsed()
    for tok in doc:
        assert [t.i for t in _modifiers(tok)] == [t.i for t in _modifiers_by_tokens(tok)], tok.text
    assert [t.text for t in _modifiers(doc[6])] == ["US", "-", "led", "Ruritanian"]
    again = _parsed()  # a new Doc is read afresh
    assert [t.doc for t in _modifiers(again[6])] == [again] * 4


def _clause_by_tokens(kb, tok):
    """The Token walk ``_clause_tokens`` replaced."""
    def is_clause(t):
        return t.dep_ in _CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))
    head = tok
    while not is_clause(head) and head.head.i != head.i:
        head = head.head
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if not is_clause(c) or (c.dep_ == "acl" and _describes_thing(kb, c)))
    return out


def test_clause_tokens_are_the_token_walk():
    doc, kb = _parsed(), load_knowledge()
    for tok in doc:
        assert [t.i for t in _clause_tokens(kb, tok)] == [t.i for t in _clause_by_tokens(kb, tok)], tok.text
    assert 24 in [t.i for t in _clause_tokens(kb, doc[22])]  # "a rally held in Peru": the place is the rally's


def test_overlap_by_bisection_is_the_pairwise_test():
    rng = random.Random(8)
    for _ in range(200):
        seen = {(a, a + rng.randint(1, 9)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))}
        ranges = sorted(seen)
        reach = list(np.maximum.accumulate([b for _, b in ranges])) if ranges else []
        index = ([a for a, _ in ranges], reach)
        for start in range(0, 70, 3):
            end = start + rng.randint(1, 6)
            assert _overlaps(index, start, end) == any(a < end and start < b for a, b in seen), (seen, start, end)


def test_sentence_starts_are_the_sentences_first_characters():
    doc = _parsed()
    assert _sentence_starts(doc) == [s.start_char for s in doc.sents]
    assert _sentence_starts(NLP("no boundaries here")) == [0]


def test_words_memo_is_what_each_word_says_and_belongs_to_one_doc():
    doc = _parsed()
    words = _words(doc)
    for t in doc:
        assert words.country(t.i) == (None if not_nationality(t) else country_of(t.text)), t.text
    assert words.country(10) == "PER" and words.country(6) is None
    for ent in doc.ents:
        assert words.ent_country(ent) == (None if any(not_nationality(t) for t in ent) else country_of(ent.text))
    assert _words(doc) is words and _words(_parsed()) is not words
    assert isinstance(words, _Words)


def test_char_span_memo_is_char_span():
    doc = _parsed()
    for start, end in [(0, 3), (4, 14), (1, 2), (30, 31), (0, len(doc.text))]:
        want = doc.char_span(start, end, alignment_mode="expand")
        got = _char_span(doc, start, end)
        assert (got.start, got.end) == (want.start, want.end) and _char_span(doc, start, end) is got
    other = _parsed()
    assert _char_span(other, 0, 3).doc is other


def test_text_weights_follow_the_places_list():
    """The story's text weights are kept per Doc and places list: new places are read afresh."""
    doc = _parsed()
    doc._.places = [SimpleNamespace(start=doc[10].idx, end=doc[10].idx + 4, country="PER")]
    first = story_weights(doc, [])
    doc._.places = [SimpleNamespace(start=doc[25].idx, end=doc[25].idx + 4, country="BOL")]
    second = story_weights(doc, [])
    assert first["PER"] > 0 and "BOL" not in first
    assert second["BOL"] > 0 and "PER" not in second


def _not_nationality_by_tokens(tok) -> bool:
    """The Token reads ``not_nationality`` replaced."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"):
        return True
    if tok.i >= 1 and doc[tok.i - 1].lower_ == "ethnic":
        return True
    if tok.lower_ == "american" and tok.i >= 1:
        prev = doc[tok.i - 2] if doc[tok.i - 1].text == "-" and tok.i >= 2 else doc[tok.i - 1]
        if prev.lower_ in ("latin", "south", "north", "central"):
            return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in (
        "backed", "sponsored", "funded", "supported", "allied", "aligned", "armed", "trained")


def test_not_nationality_reads_what_the_tokens_say():
    doc = NLP("American pro-Russia rebels, ethnic Albanians and Latin American, South-American and "
              "Syrian-backed militias met US-led forces and Anti-Iran Americans - armed")
    flags = [not_nationality(t) for t in doc]
    assert flags == [_not_nationality_by_tokens(t) for t in doc]
    assert [t.text for t, f in zip(doc, flags) if f] == ["Russia", "Albanians", "American", "American",
                                                         "Syrian", "Iran", "Americans"]


def _child_by_tokens(tok, deps):
    return next((c for c in tok.children if c.dep_ in set(deps)), None)


def _pobj_by_tokens(tok, prep):
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and c.lower_ == prep:
            p = _child_by_tokens(c, ("pobj",))
            if p is not None and p.ent_type_ not in ("DATE", "TIME"):
                return p
    return None


def test_child_and_pobj_are_the_token_walks():
    doc = _parsed()
    for tok in doc:
        for deps in (("nsubj",), {"nsubj", "csubj"}, ("prep", "punct"), frozenset({"pobj"}), ["det"]):
            got, want = _child(tok, deps), _child_by_tokens(tok, deps)
            assert (got and got.i) == (want and want.i), (tok.text, deps)
        for prep in ("in", "on", "of"):
            got, want = _pobj(tok, prep), _pobj_by_tokens(tok, prep)
            assert (got and got.i) == (want and want.i), (tok.text, prep)
    assert _pobj(doc[8], "in").text == "Lima" and _pobj(doc[12], "on") is None  # "on Monday": a date
