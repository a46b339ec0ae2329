"""Session 23's speed changes read what the code they replace read. Hand-made Docs; no model needed."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from newsgraph.extract import ext, register_extensions

NLP = spacy.blank("en")
register_extensions()


def test_ext_reads_what_the_underscore_reads_and_falls_back_for_a_stand_in():
    doc = NLP("Talks resumed .")
    for name in ("actors", "times", "quantities", "places", "quotes", "claims", "events", "published"):
        assert ext(doc, name) is None is getattr(doc._, name)
    doc._.published = dt.date(2020, 1, 2)
    doc._.actors = ["x"]
    assert ext(doc, "published") == dt.date(2020, 1, 2) and ext(doc, "actors") is doc._.actors

    class StandIn:  # a test's fake Doc: no user_data, only the underscore
        class _:
            published = dt.date(2019, 6, 20)

    assert ext(StandIn, "published") == dt.date(2019, 6, 20)


def test_party_name_words_are_found_by_their_ids_as_by_their_texts():
    from newsgraph.extract.actors.party_names import _first_hashes, _first_words
    from newsgraph.extract.tokens import token_view

    words = sorted(_first_words())
    doc = Doc(NLP.vocab, words=["the", *words[:20], "NOUN", "nsubj", "ORG", "democrats", "Party"])
    by_text = [t.i for t in doc if t.text in _first_words()]
    by_id = [i for i, h in enumerate(token_view(doc).orth) if h in _first_hashes()]
    assert by_id == by_text and len(by_text) == len(words[:20]) + 1  # every listed word, and "Party" again


def test_state_body_nouns_are_the_tokens_the_token_loop_picked():
    from newsgraph.extract.actors.state_bodies import _COMPOUND, _NN, _NNP, body_words
    from newsgraph.extract.tokens import lower_of, token_view

    heads = body_words()[0]
    word = sorted(heads)[0]
    doc = Doc(NLP.vocab, words=["The", "Ruritanian", word, "said", "the", word, "chief", "."],
              tags=["DT", "JJ", "NN", "VBD", "DT", "NN", "NN", "."],
              deps=["det", "amod", "nsubj", "ROOT", "det", "compound", "dobj", "punct"],
              heads=[2, 2, 3, 3, 6, 6, 3, 3],
              lemmas=["the", "ruritanian", word.upper(), "say", "the", word, "chief", "."])
    view = token_view(doc)
    by_token = [t.i for t in doc if t.tag_ in ("NN", "NNP") and t.dep_ != "compound" and t.lemma_.lower() in heads]
    by_view = [i for i, tag in enumerate(view.tag) if tag in (_NN, _NNP) and view.dep[i] != _COMPOUND
               and lower_of(doc, view.lemma[i]) in heads]
    assert by_view == by_token == [2]


def test_head_word_is_kept_and_gives_the_same_answer():
    from newsgraph.extract.actors.bodies import head_word

    for name in ("Ministry of Health", "Patriotic Front", "", "Council for Peace", "of"):
        assert head_word(name) == head_word.__wrapped__(name)
    assert head_word.cache_info().maxsize == 4096
