"""Helpers every extractor shares (:mod:`newsgraph.extract`): the Doc's text read once, and
the actor whose mention covers a span. Rule logic on hand-made Docs; no model needed."""

from __future__ import annotations

import spacy

from newsgraph.extract import actor_for_span, doc_text, keep_text, register_extensions
from newsgraph.records import Actor, Span

NLP = spacy.blank("en")


def test_doc_text_is_the_docs_text_and_is_kept():
    doc = NLP("The mayor spoke in Leeds.  Then she left.\n\nThe end")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # kept: not rebuilt from the tokens


def test_doc_text_ignores_a_text_kept_for_another_doc():
    a, b = NLP("Short one."), NLP("A rather longer sentence here.")
    keep_text(a, "Short one.")
    b.user_data.update(a.user_data)  # e.g. copied over: it is not b's text
    assert doc_text(b) == "A rather longer sentence here."
    same_count = NLP("Other thing.")  # as many tokens as a, but not the same text length
    same_count.user_data.update(a.user_data)
    assert doc_text(same_count) == "Other thing."
    assert doc_text(NLP("")) == ""


def _actor(aid: str, *spans: tuple[int, int]) -> Actor:
    return Actor(id=aid, name=aid, kind="person", mentions=[Span(start=s, end=e) for s, e in spans])


def test_actor_for_span_prefers_the_largest_overlap_and_follows_the_list():
    register_extensions()
    doc = NLP("Anna Berg met Carl Dahl and Berg left.")
    doc._.actors = [_actor("a1", (0, 9), (28, 32)), _actor("a2", (14, 23))]
    assert actor_for_span(doc, 0, 4) == "a1"
    assert actor_for_span(doc, 5, 20) == "a2"  # overlaps a1 by 4, a2 by 6
    assert actor_for_span(doc, 33, 37) is None
    doc._.actors[1].mentions.append(Span(start=33, end=37))  # a mention added in place
    assert actor_for_span(doc, 33, 37) == "a2"
    doc._.actors = [_actor("a3", (33, 37))]  # the list replaced
    assert actor_for_span(doc, 33, 37) == "a3"
    doc._.actors = None
    assert actor_for_span(doc, 0, 4) is None


def test_actor_for_span_ties_go_to_the_first_in_list_order_and_long_mentions_reach_far():
    register_extensions()
    doc = NLP("The Union of Northern Provinces and its Council met in the capital today.")
    # a2's mention starts earlier but a1 is first in the list: equal overlaps go to a1
    doc._.actors = [_actor("a1", (40, 47)), _actor("a2", (36, 47))]
    assert actor_for_span(doc, 40, 44) == "a1"
    # a mention that starts long before the span still covers it (sorted by start, not cut off)
    doc._.actors = [_actor("short", (60, 63)), _actor("long", (0, 70))]
    assert actor_for_span(doc, 64, 68) == "long"
    assert actor_for_span(doc, 60, 63) == "short"  # equal overlaps: the list's first, though "long" starts first
    assert actor_for_span(doc, 70, 72) is None
    assert actor_for_span(doc, 5, 5) is None  # an empty span overlaps nothing


def test_doc_ents_are_the_docs_entities_kept_until_they_change():
    from spacy.tokens import Span as TokSpan

    from newsgraph.extract import doc_ents

    doc = NLP("Anna Berg flew to Oslo on Monday.")
    doc.ents = [TokSpan(doc, 0, 2, label="PERSON"), TokSpan(doc, 4, 5, label="GPE")]
    first = doc_ents(doc)
    assert [(e.start, e.end, e.label_) for e in first] == [(0, 2, "PERSON"), (4, 5, "GPE")]
    assert doc_ents(doc) is first  # kept: not rebuilt on each call
    doc.ents = [TokSpan(doc, 4, 5, label="GPE"), TokSpan(doc, 6, 7, label="DATE")]
    assert [(e.start, e.label_) for e in doc_ents(doc)] == [(4, "GPE"), (6, "DATE")]
    other = NLP("Nothing named here.")
    assert doc_ents(other) == ()
