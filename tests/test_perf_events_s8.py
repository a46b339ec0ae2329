"""The event coder's rules rewritten over the token view and per-Doc memos (session 8, issue 14)
must give what their Token-attribute versions gave. Each reference below is the rule as it was
written before over ``Token`` attributes; hand-built parses, no model needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.events.countries import _AGENT_NOUNS, _OBJ, _PASS_SUBJ, _SUBJ, country_of
from newsgraph.extract.events.syntax import _actor_like, _headline_verb, _is_actorish, counted
from newsgraph.extract.events.triggers import (
    _argument_classes,
    _criticises,
    _crowd_nouns,
    _official_nouns,
    _fault_word,
    _reports_another,
    _states,
    _verb_context,
    _when,
    faults,
)
from newsgraph.extract.tokens import doc_memo, token_view

NLP = spacy.blank("en")

# word, head, dep, pos, tag, lemma
_CLAUSES = [
    ("Ruritanian", 1, "amod", "ADJ", "JJ", "ruritanian"),
    ("police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("fired", 2, "ROOT", "VERB", "VBD", "fire"),
    ("tear", 4, "compound", "NOUN", "NN", "tear"),
    ("gas", 2, "dobj", "NOUN", "NN", "gas"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("protesters", 5, "pobj", "NOUN", "NNS", "protester"),
    ("who", 8, "nsubj", "PRON", "WP", "who"),
    ("called", 6, "relcl", "VERB", "VBD", "call"),
    ("the", 10, "det", "DET", "DT", "the"),
    ("vote", 8, "dobj", "NOUN", "NN", "vote"),
    ("a", 12, "det", "DET", "DT", "a"),
    ("Sham", 8, "oprd", "NOUN", "NN", "Sham"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("Borduvia", 16, "nsubj", "PROPN", "NNP", "Borduvia"),
    ("condemned", 2, "conj", "VERB", "VBD", "condemn"),
    ("deadly", 18, "amod", "ADJ", "JJ", "deadly"),
    ("raid", 16, "dobj", "NOUN", "NN", "raid"),
    ("as", 16, "prep", "ADP", "IN", "as"),
    ("reckless", 19, "amod", "ADJ", "JJ", "reckless"),
    ("on", 16, "prep", "ADP", "IN", "on"),
    ("Monday", 21, "pobj", "PROPN", "NNP", "Monday"),
    (".", 16, "punct", "PUNCT", ".", "."),
    # a second sentence: a passive with no agent, a purpose clause, a stated fact
    ("Envoys", 26, "nsubjpass", "NOUN", "NNS", "envoy"),
    ("were", 26, "auxpass", "AUX", "VBD", "be"),
    ("sent", 26, "ROOT", "VERB", "VBN", "send"),
    ("to", 28, "aux", "PART", "TO", "to"),
    ("mediate", 26, "advcl", "VERB", "VB", "mediate"),
    ("and", 26, "cc", "CCONJ", "CC", "and"),
    ("officials", 31, "nsubj", "NOUN", "NNS", "official"),
    ("insisted", 26, "conj", "VERB", "VBD", "insist"),
    ("that", 35, "mark", "SCONJ", "IN", "that"),
    ("the", 34, "det", "DET", "DT", "the"),
    ("minister", 35, "nsubj", "NOUN", "NN", "minister"),
    ("must", 31, "ccomp", "AUX", "MD", "must"),
    (".", 31, "punct", "PUNCT", ".", "."),
    # a headline: "Kremlin pressures Lukashenko" with the verb tagged as a plural noun
    ("Kremlin", 38, "compound", "PROPN", "NNP", "Kremlin"),
    ("pressures", 38, "ROOT", "NOUN", "NNS", "pressure"),
    ("Lukashenko", 38, "appos", "PROPN", "NNP", "Lukashenko"),
]


def _doc() -> Doc:
    words, heads, deps, pos, tags, lemmas = zip(*_CLAUSES)
    starts = [i in (0, 24, 37) for i in range(len(words))]
    doc = Doc(NLP.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
              tags=list(tags), lemmas=list(lemmas), sent_starts=starts)
    doc.ents = [Span(doc, 0, 1, "NORP"), Span(doc, 15, 16, "GPE"), Span(doc, 22, 23, "DATE"),
                Span(doc, 37, 38, "ORG"), Span(doc, 39, 40, "PERSON")]
    return doc


# ----------------------------------------------------------------- the Token-attribute versions


def _is_actorish_tokens(tok) -> bool:
    return (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ in ("PRON", "PROPN")
            or (tok.lower_ in _AGENT_NOUNS and tok.pos_ != "ADJ"))


def _actor_like_tokens(tok, owner: bool = True) -> bool:
    mods = ("compound", "amod", "nmod", "poss") if owner else ("compound", "amod", "nmod")
    return _is_actorish_tokens(tok) or any(
        c.dep_ in mods and (_is_actorish_tokens(c) or country_of(c.text)) for c in tok.children)


def _headline_verb_tokens(tok) -> bool:
    doc = tok.doc
    return (tok.tag_ == "NNS" and 0 < tok.i < len(doc) - 1 and tok.sent.start == tok.i - 1
            and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i + 1].pos_ in ("PROPN", "PRON")
            and doc[tok.i + 1].head.i == tok.i)


def _fault_in_tokens(c) -> str | None:
    if any(g.dep_ == "neg" or g.lower_ == "no" for g in c.children):
        return None
    if c.lemma_.lower() in faults():
        return c.lemma_.lower()
    for g in c.children:
        if g.dep_ == "conj" or g.dep_ == "amod" and c.pos_ == "NOUN":
            if g.lemma_.lower() in faults():
                return g.lemma_.lower()
        elif g.dep_ == "prep" and g.lower_ == "of" and c.pos_ == "NOUN":
            w = next((p.lemma_.lower() for p in g.children if p.dep_ == "pobj"), None)
            if w in faults():
                return w
    return None


def _fault_word_tokens(c) -> str | None:
    if (c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "advcl") or c.dep_ == "ccomp" and c.pos_ == "ADJ") \
            and c.pos_ in ("ADJ", "NOUN"):
        return _fault_in_tokens(c)
    if c.dep_ == "prep" and c.lower_ == "as":
        return next((w for g in c.children if (w := _fault_in_tokens(g)) is not None), None)
    if c.dep_ == "dobj":
        return next((w for g in c.children if g.i > c.i and g.dep_ == "amod"
                     and (w := _fault_in_tokens(g)) is not None), None)
    return None


def _context_words_tokens(tok) -> tuple[set[str], list[int], list[str], bool]:
    """The loop of ``_verb_context`` over the verb's children, as it read Token attributes."""
    words: set[str] = set()
    objs, named, report = [], [], False
    for c in tok.children:
        dep = c.dep_
        if (fault := _fault_word_tokens(c)) is not None:
            named.append(fault)
        if dep == "prt":
            words.add(c.lower_)
        elif dep in ("prep", "agent"):
            if c.i < tok.i or _when(c):
                continue
            words.add(c.lower_)
            if c.lower_ in ("for", "over"):
                words.add("@grounds")
            for p in c.children:
                if p.dep_ == "pobj":
                    words.add(p.lemma_.lower())
                    objs.append(p.i)
                    if c.lower_ == "to" and _actor_like_tokens(p, owner=False):
                        words.add("@recipient")
        elif dep in _OBJ or dep in _PASS_SUBJ or dep == "xcomp":
            words.add(c.lemma_.lower())
            if dep != "xcomp":
                objs.append(c.i)
            for g in c.children:
                if dep == "oprd":
                    break
                if g.dep_ in ("compound", "amod", "prt"):
                    words.add(g.lemma_.lower())
                elif g.dep_ == "prep":
                    words.add(g.lower_)
                    words.update(p.lemma_.lower() for p in g.children if p.dep_ == "pobj")
                    if g.lower_ == "to" and any(p.dep_ == "pobj" and _actor_like_tokens(p, owner=False)
                                                for p in g.children):
                        words.add("@recipient")
                elif g.dep_ == "aux" and dep == "xcomp":
                    words.add(g.lower_)
                elif g.dep_ == "pobj" and dep == "dative":
                    words.add(g.lemma_.lower())
                    if c.lower_ == "to" and _actor_like_tokens(g, owner=False):
                        words.add("@recipient")
        elif dep == "ccomp" and _reports_another(c):
            report = True
        elif dep == "advcl" and c.i > tok.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            words.update((c.lemma_.lower(), "to"))
        if (dep in _OBJ or dep in _PASS_SUBJ) and _actor_like_tokens(c, owner=False):
            words.add("@actor")
        elif dep in ("dobj", "obj") and c.pos_ == "NOUN" and not c.ent_type_:
            words.add("@thing")
    return words, objs, named, report


def _argument_classes_tokens(tok) -> set[str]:
    out = set()
    subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
    if subj is not None and counted(subj).lemma_.lower() in _crowd_nouns():
        out.add("@crowd")
    if subj is None and tok.dep_ == "acl":
        subj = tok.head
    if subj is not None and (subj.ent_type_ == "PERSON" or counted(subj).lemma_.lower() in _official_nouns()):
        out.add("@official")
    if any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children):
        out.add("@passive")
    if any(c.dep_ == "ccomp" and _states(c) for c in tok.children):
        out.add("@assert")
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add("@attributive")
    return out


# ----------------------------------------------------------------- the view versions agree


def test_token_rules_from_the_view_agree_with_token_attributes():
    doc = _doc()
    for tok in doc:
        assert _is_actorish(tok) == _is_actorish_tokens(tok), tok.text
        assert _headline_verb(tok) == _headline_verb_tokens(tok), tok.text
        assert _fault_word(tok) == _fault_word_tokens(tok), tok.text
    assert [t.text for t in doc if _headline_verb(t)] == ["pressures"]
    assert _fault_word(doc[12]) == "sham" and _fault_word(doc[19]) == "reckless"
    assert [t.text for t in doc if _is_actorish(t)] == [
        "Ruritanian", "police", "protesters", "who", "Borduvia", "Monday", "officials", "minister", "Kremlin",
        "Lukashenko"]


def test_actor_like_is_kept_per_doc_and_owner_flag_and_agrees():
    doc = _doc()
    for tok in doc:
        for owner in (True, False):
            assert _actor_like(tok, owner) is _actor_like_tokens(tok, owner), (tok.text, owner)
            assert _actor_like(tok, owner) is _actor_like_tokens(tok, owner)  # from the memo
    memo = doc_memo(doc, "actor_like")
    assert len(memo) == 2 * len(doc)
    assert memo[1] is True and memo[4] is False  # "police" with its Ruritanian modifier; "gas"
    other = _doc()
    assert doc_memo(other, "actor_like") == {}  # another Doc starts its own memo
    assert token_view(other).memos is not token_view(doc).memos


def test_verb_context_from_the_view_agrees_with_token_attributes():
    doc = _doc()
    seen = set()
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        words, objs = _verb_context(tok)
        want, want_objs, named, report = _context_words_tokens(tok)
        classes = _argument_classes(tok)
        assert classes == _argument_classes_tokens(tok), tok.text
        want |= {"@fault"} if _criticises(tok, named) else set()
        want |= {"@report"} if report and "@actor" not in want else set()
        assert words == want | classes, tok.text
        assert [o.i for o in objs] == want_objs, tok.text
        seen |= {w for w in words if w.startswith("@")}
        if tok.text == "called":
            assert named == ["sham"] and {"vote", "@thing", "sham"} <= words
        if tok.text == "condemned":
            assert named == ["reckless"] and {"@thing", "deadly", "raid"} <= words and "on" not in words  # "on Monday": a time
        if tok.text == "sent":
            assert {"mediate", "to", "@passive", "envoy"} <= words
    assert {"@thing", "@passive"} <= seen


# Session 13 (h-critic): the whole predicate of a naming verb, hand-parsed.
_PREDICATES = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("called", 1, "ROOT", "VERB", "VBD", "call"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    ("unfair", 3, "amod", "ADJ", "JJ", "unfair"),
    ("and", 1, "cc", "CCONJ", "CC", "and"),
    ("described", 1, "conj", "VERB", "VBD", "describe"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("raid", 6, "dobj", "NOUN", "NN", "raid"),
    ("as", 6, "prep", "ADP", "IN", "as"),
    ("an", 11, "det", "DET", "DT", "an"),
    ("act", 9, "pobj", "NOUN", "NN", "act"),
    ("of", 11, "prep", "ADP", "IN", "of"),
    ("aggression", 12, "pobj", "NOUN", "NN", "aggression"),
    ("and", 11, "cc", "CCONJ", "CC", "and"),
    ("no", 16, "det", "DET", "DT", "no"),
    ("stunt", 11, "conj", "NOUN", "NN", "stunt"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_the_predicate_reading_from_the_view_agrees_with_token_attributes():
    words, heads, deps, pos, tags, lemmas = zip(*_PREDICATES)
    doc = Doc(NLP.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
              tags=list(tags), lemmas=list(lemmas))
    found = {tok.text: _fault_word(tok) for tok in doc}
    assert found == {tok.text: _fault_word_tokens(tok) for tok in doc}
    assert (found["plan"], found["as"]) == ("unfair", "aggression")
