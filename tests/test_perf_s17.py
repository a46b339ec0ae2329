"""Session 17's speed changes read what the code they replace read. Hand-made Docs; no model needed."""

from __future__ import annotations

import re

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc

from newsgraph.extract.tokens import token_view

NLP = spacy.blank("en")


def _raid() -> Doc:
    """ "The minister condemned the illegal raid and an aggression ." with a parse."""
    words = ["The", "minister", "condemned", "the", "illegal", "raid", "and", "an", "aggression", "."]
    return Doc(NLP.vocab, words=words,
               heads=[1, 2, 2, 5, 5, 2, 5, 8, 5, 2],
               deps=["det", "nsubj", "ROOT", "det", "amod", "dobj", "cc", "det", "conj", "punct"],
               pos=["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"],
               lemmas=["the", "minister", "condemn", "the", "illegal", "raid", "and", "an", "aggression", "."])


def test_the_fault_nouns_hold_every_noun_a_fault_is_found_on():
    from newsgraph.extract.events.faulted import _fault_at, _fault_nouns
    from newsgraph.extract.events.lexicon import load_lexicon

    doc, lex = _raid(), load_lexicon()
    view = token_view(doc)
    every = [i for i, p in enumerate(view.pos) if p == NOUN and _fault_at(view, i, lex) is not None]
    assert every == [5, 8]  # "the illegal raid", "an aggression"
    assert set(every) <= set(_fault_nouns(view)) and _fault_nouns(view) == sorted(_fault_nouns(view))
    plain = Doc(NLP.vocab, words=["The", "minister", "spoke", "."], heads=[1, 2, 2, 2],
                deps=["det", "nsubj", "ROOT", "punct"], pos=["DET", "NOUN", "VERB", "PUNCT"],
                lemmas=["the", "minister", "speak", "."])
    assert _fault_nouns(token_view(plain)) == []  # no fault word: no noun is read


def _segment_starts_numpy(doc: Doc) -> list[int]:
    """The numpy version :func:`_segment_starts` replaced."""
    arr = doc.to_array([SENT_START, IDX])
    cut = arr[:, 0] == 1
    breaks = [m.start() for m in re.finditer("\n", doc.text)]
    if breaks:
        at = np.searchsorted(arr[:, 1], breaks, side="right") - 1
        cut[at[(at >= 0) & (at < len(cut) - 1)] + 1] = True
    cut[0] = True
    return np.flatnonzero(cut).tolist()


def test_segments_start_at_sentences_and_after_line_breaks_as_before():
    from newsgraph.extract.events.discourse import _segment_starts

    words = ["Rebels", "attack", "\n", "Rebels", "attacked", "a", "town", ".", "Police", "came", "\n\n", "late", "\n"]
    starts = [True, False, False, False, False, False, False, False, True, False, False, False, False]
    doc = Doc(NLP.vocab, words=words, spaces=[True] * 2 + [False] + [True] * 10, sent_starts=starts)
    assert _segment_starts(doc) == _segment_starts_numpy(doc) == [0, 3, 8, 11]
    one = Doc(NLP.vocab, words=["Quiet", "day"], sent_starts=[True, False])
    assert _segment_starts(one) == _segment_starts_numpy(one) == [0]


def test_a_verb_context_keeps_every_class_its_patterns_name():
    """The trigger search asks only for the classes its candidate patterns name: the match is
    the one the whole context gives, for every verb pattern of the lexicon on this clause."""
    from newsgraph.extract.events.lexicon import load_lexicon
    from newsgraph.extract.events.triggers import _READ_CLASSES, _verb_context, _wanted_classes

    words = ["Police", "attacked", "the", "protesters", "in", "the", "capital", "."]
    doc = Doc(NLP.vocab, words=words, heads=[1, 1, 3, 1, 1, 6, 4, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
              lemmas=["police", "attack", "the", "protester", "in", "the", "capital", "."],
              ents=["O", "O", "O", "O", "O", "O", "O", "O"])
    lex = load_lexicon()
    full, _ = _verb_context(doc[1])
    for head in {e.head for e in lex.entries.values() if e.pos == "verb"}:
        cands = lex.candidates("verb", head)
        wanted = _wanted_classes(cands)
        assert wanted <= _READ_CLASSES
        some, _ = _verb_context(doc[1], wanted)
        assert some <= full and full - some <= _READ_CLASSES - wanted
        assert lex.match("verb", head, some) is lex.match("verb", head, full)


def test_visitor_and_credit_words_are_read_from_the_view_as_from_the_tokens():
    from newsgraph.extract.actors.story import _credit, _visitor, _visitor_in

    words = ["Ana", "Ruiz", ",", "a", "tourist", ",", "contributed", "reporting", "."]
    doc = Doc(NLP.vocab, words=words, heads=[1, 6, 1, 4, 1, 1, 6, 6, 6],
              deps=["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
              lemmas=["Ana", "Ruiz", ",", "a", "Tourist", ",", "contribute", "reporting", "."],
              sent_starts=[True] + [False] * 8)
    sent = doc[:]
    assert _visitor_in(doc, sent) == any(_visitor((t.lemma_.lower(), t.lower_)) for t in sent) is True
    assert _visitor_in(doc, doc[:3]) == any(_visitor((t.lemma_.lower(), t.lower_)) for t in doc[:3])
    lists = __import__("newsgraph.extract.actors", fromlist=["load_knowledge"]).load_knowledge().story_lists
    verbs, nouns = lists.get("credit_verbs", frozenset()), lists.get("credit_nouns", frozenset())
    assert _credit(sent) == any(t.lemma_ in verbs and any(c.lemma_.lower() in nouns for c in t.subtree) for t in sent) is True


def _habitual_tokens(verb, shared: bool = False) -> bool:
    """The Token version :func:`_habitual_phrase` replaced."""
    from newsgraph.extract.events.background import _words

    for ch in verb.children:
        low = ch.lemma_.lower()
        if ch.dep_ in ("advmod", "mark") and low in _words("habitual") and not (shared and ch.i > verb.i):
            return True
        if ch.dep_ == "npadvmod" and low == "time" and any(d.lower_ in ("every", "each") for d in ch.children):
            return True
        if ch.dep_ == "prep" and ch.lower_ == "on" and any(
                p.lemma_.lower() == "basis" and any(a.lower_ in ("daily", "regular", "routine", "weekly")
                                                     for a in p.children) for p in ch.children):
            return True
    return False


def test_a_habit_is_read_from_the_view_as_from_the_tokens():
    from newsgraph.extract.events.background import _habitual_phrase

    docs = [
        (["Police", "routinely", "detain", "activists", "."], [2, 2, 2, 2, 2],
         ["nsubj", "advmod", "ROOT", "dobj", "punct"], ["police", "routinely", "detain", "activist", "."]),
        (["Police", "detain", "activists", "Routinely", "."], [1, 1, 1, 1, 1],
         ["nsubj", "ROOT", "dobj", "advmod", "punct"], ["police", "detain", "activist", "Routinely", "."]),
        (["Police", "detain", "activists", "every", "time", "."], [1, 1, 1, 4, 1, 1],
         ["nsubj", "ROOT", "dobj", "det", "npadvmod", "punct"], ["police", "detain", "activist", "every", "time", "."]),
        (["Police", "detain", "them", "on", "a", "daily", "basis", "."], [1, 1, 1, 1, 6, 6, 3, 1],
         ["nsubj", "ROOT", "dobj", "prep", "det", "amod", "pobj", "punct"],
         ["police", "detain", "they", "on", "a", "daily", "basis", "."]),
        (["Police", "detained", "activists", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
         ["police", "detain", "activist", "."]),
    ]
    found = []
    for words, heads, deps, lemmas in docs:
        doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
        for tok in doc:
            for shared in (False, True):
                assert _habitual_phrase(tok, shared) == _habitual_tokens(tok, shared)
        found.append(_habitual_phrase(doc[[t.dep_ for t in doc].index("ROOT")]))
    assert found == [True, True, True, True, False]


def test_a_word_country_read_from_the_view_is_the_token_reading():
    """Part 2: ``_word_country`` asks ``not_nationality`` only of a word that names a country."""
    from newsgraph.extract.actors import not_nationality
    from newsgraph.extract.events.countries import country_of
    from newsgraph.extract.events.resolve import _word_country

    words = ["pro", "-", "Ruritanian", "rebels", "and", "Kenyan", "troops", "met", "ethnic", "Albanians",
             "in", "Peru", "with", "Chilean", "-", "backed", "militias", "and", "South", "American", "envoys", "."]
    doc = Doc(NLP.vocab, words=words, spaces=[w not in ("pro", "-") and words[k + 1:k + 2] != ["-"]
                                              for k, w in enumerate(words)])
    got = [_word_country(doc, i) for i in range(len(doc))]
    assert got == [None if not_nationality(t) else country_of(t.text) for t in doc]
    assert got[5] == "KEN" and got[11] == "PER" and got[9] is None and got[13] is None  # ethnic; a patron


def _agreed() -> Doc:
    """ "Chile agreed on the quotas with Peru ." with a parse: a topic on "on", a party on "with"."""
    words = ["Chile", "agreed", "on", "the", "quotas", "with", "Peru", "."]
    return Doc(NLP.vocab, words=words, heads=[1, 1, 1, 4, 2, 1, 5, 1],
               deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
               pos=["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
               lemmas=["Chile", "agree", "on", "the", "quota", "with", "Peru", "."])


def test_a_trigger_s_prepositions_are_read_once_as_pobj_reads_them():
    """Part 2: ``_verb_args`` reads the trigger's prepositional objects as one dict, and
    ``_prep_target`` reads nothing for a trigger with none on it or its object."""
    from newsgraph.extract.events.args import _prep_target, _verb_args
    from newsgraph.extract.events.lexicon import LexEntry, Plover
    from newsgraph.extract.events.syntax import _pobj_at, prep_objects_at

    doc = _agreed()
    view = token_view(doc)
    for i in range(len(doc)):
        objs = prep_objects_at(view, i)
        assert all(_pobj_at(view, i, p) == objs.get(p) for p in ("on", "with", "by", "of"))
    assert prep_objects_at(view, 1) == {"on": 4, "with": 6}
    entry = LexEntry("verb", "agree", frozenset(), "agree", "030", Plover("AGREE", None, None))
    assert [t.text for t in _prep_target(view, 1, entry, False)] == ["Peru"]  # the party before the topic
    assert _prep_target(view, 4, entry, False) == []
    sources, targets = _verb_args(doc[1], entry)
    assert [t.text for t in sources] == ["Chile"] and [t.text for t in targets] == ["Peru"]
