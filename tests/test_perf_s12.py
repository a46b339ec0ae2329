"""Session 12's index forms in the event coder and the actor layer must give what the Span and
Token walks they replaced give (those walks are kept here). Hand-made Docs; no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.events import article
from newsgraph.extract.tokens import sentence_chars

NLP = spacy.blank("en")


def _doc(words, spaces=None, sent_starts=None, pos=None, lemmas=None, heads=None, deps=None) -> Doc:
    return Doc(NLP.vocab, words=words, spaces=spaces, sent_starts=sent_starts, pos=pos, lemmas=lemmas,
               heads=heads, deps=deps)


def _three_sentences() -> Doc:
    """Three sentences, one of them a single word, with a trailing space and a line break."""
    words = ["Vell", "rebels", "claimed", "it", ".", "Quiet", "\n", "Ardalia", "Blamed", "Zembla", "."]
    spaces = [True, True, True, False, True, False, False, True, True, False, False]
    starts = [True, False, False, False, False, True, False, True, False, False, False]
    pos = ["PROPN", "NOUN", "VERB", "PRON", "PUNCT", "ADJ", "SPACE", "PROPN", "VERB", "PROPN", "PUNCT"]
    lemmas = ["Vell", "rebel", "claim", "it", ".", "quiet", "\n", "Ardalia", "Blame", "Zembla", "."]
    return _doc(words, spaces, starts, pos, lemmas)


def test_sentence_chars_are_the_token_sentence_offsets():
    doc = _three_sentences()
    for tok in doc:
        assert sentence_chars(doc, tok.i) == (tok.sent.start_char, tok.sent.end_char), tok.i


def test_sentence_chars_follow_a_new_doc_with_other_boundaries():
    first = _three_sentences()
    assert sentence_chars(first, 3) == (0, len("Vell rebels claimed it."))
    words = ["Vell", "rebels", "claimed", "it", ".", "Quiet", "\n", "Ardalia", "Blamed", "Zembla", "."]
    other = _doc(words, sent_starts=[True] + [False] * (len(words) - 1))  # one sentence
    assert sentence_chars(other, 3) == (other[0:].sent.start_char, other[0:].sent.end_char)


def test_sentence_index_is_the_sentence_spans_order():
    doc = _three_sentences()
    assert article._sentence_index(doc) == {s.start: n for n, s in enumerate(doc.sents)}
    article._SENTS = (None, 0, {})  # no kept index: a Doc without boundaries still says so as doc.sents does
    bare = _doc(["no", "boundaries"])
    try:
        list(bare.sents)
    except ValueError:
        raised = True
    else:
        raised = False
    try:
        article._sentence_index(bare)
    except ValueError:
        assert raised
    else:
        assert not raised


def test_claim_verbs_are_read_by_lower_cased_lemma(monkeypatch):
    """The claim and blame verbs are found from the view's parts of speech and lemmas, lower-cased
    as ``tok.lemma_.lower()`` is ("Blame" tagged as a verb counts; a noun "claim" does not)."""
    seen = []
    monkeypatch.setattr(article, "_child", lambda tok, deps: seen.append(tok.i))
    monkeypatch.setattr(article, "_pobj", lambda tok, prep: seen.append(tok.i))
    assert article._claimants(_three_sentences(), []) == []
    want = {tok.i for tok in _three_sentences()
            if tok.pos_ == "VERB" and tok.lemma_.lower() in article._CLAIM_VERBS | {"blame"}}
    assert set(seen) == want == {2, 8}
