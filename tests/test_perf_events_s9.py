"""The event coder's argument rules rewritten over token indices (session 9, issue 14) must give
what their Token-walk versions gave. Each reference below is the rule as it was written before,
over ``Token`` objects; they run on a hand-built parse (no model) and on every token of a few
parsed texts written for this test (model). ``_verb_args`` and ``_noun_args``:
:mod:`test_perf_args_s9`."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.events.countries import _COUNTS, _PASS_SUBJ, _SUBJ, country_of
from newsgraph.extract.events.syntax import (
    _actor_like,
    _child,
    _clause_subject,
    _conjuncts,
    _headline_verb,
    _is_actorish,
    _coordinated,
    _pobj,
    counted,
)
from newsgraph.extract.events.parties import party_nouns
from newsgraph.extract.events.triggers import _attributive, _noun_context, _when
from newsgraph.extract.tokens import token_view
from test_perf_events_s8 import _actor_like_tokens

NLP = spacy.blank("en")

# word, head, dep, pos, tag, lemma
_PARSE = [
    ("Varnia", 1, "nsubj", "PROPN", "NNP", "Varnia"),  # 0
    ("is", 1, "ROOT", "AUX", "VBZ", "be"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("first", 1, "attr", "ADJ", "JJ", "first"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("recognise", 3, "relcl", "VERB", "VB", "recognise"),  # 5: "is the first to recognise"
    ("the", 7, "det", "DET", "DT", "the"),
    ("council", 5, "dobj", "NOUN", "NN", "council"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("and", 1, "cc", "CCONJ", "CC", "and"),
    ("Ostrava", 11, "nsubj", "PROPN", "NNP", "Ostrava"),  # 10
    ("urged", 1, "conj", "VERB", "VBD", "urge"),
    ("Keld", 11, "dobj", "PROPN", "NNP", "Keld"),
    ("to", 14, "aux", "PART", "TO", "to"),
    ("withdraw", 11, "xcomp", "VERB", "VB", "withdraw"),  # 14: object control
    ("troops", 14, "dobj", "NOUN", "NNS", "troop"),
    ("sent", 15, "acl", "VERB", "VBN", "send"),  # 16: a participle on a noun
    ("by", 16, "agent", "ADP", "IN", "by"),
    ("Marrow", 17, "pobj", "PROPN", "NNP", "Marrow"),
    (".", 11, "punct", "PUNCT", ".", "."),
    # second sentence: a relative clause on an appositive description, a passive, raising
    ("Tessa", 24, "nsubj", "PROPN", "NNP", "Tessa"),  # 20
    (",", 20, "punct", "PUNCT", ",", ","),
    ("a", 23, "det", "DET", "DT", "a"),
    ("state", 20, "appos", "NOUN", "NN", "state"),
    ("said", 24, "ROOT", "VERB", "VBD", "say"),  # 24
    ("envoys", 27, "nsubjpass", "NOUN", "NNS", "envoy"),
    ("were", 27, "auxpass", "AUX", "VBD", "be"),
    ("expected", 24, "ccomp", "VERB", "VBN", "expect"),
    ("to", 29, "aux", "PART", "TO", "to"),
    ("leave", 27, "xcomp", "VERB", "VB", "leave"),  # 29: climbs to a passive
    ("the", 31, "det", "DET", "DT", "the"),
    ("state", 24, "dobj", "NOUN", "NN", "state"),
    ("that", 33, "nsubj", "PRON", "WDT", "that"),
    ("expelled", 31, "relcl", "VERB", "VBD", "expel"),  # 33
    ("monitors", 33, "dobj", "NOUN", "NNS", "monitor"),
    ("on", 33, "prep", "ADP", "IN", "on"),
    ("Friday", 35, "pobj", "PROPN", "NNP", "Friday"),
    ("in", 33, "prep", "ADP", "IN", "in"),
    ("Varnian", 39, "amod", "ADJ", "JJ", "varnian"),
    ("ports", 37, "pobj", "NOUN", "NNS", "port"),
    (".", 24, "punct", "PUNCT", ".", "."),
    # a headline: "Ostrava presses Keld to resign" with the verb tagged as a plural noun
    ("Ostrava", 42, "compound", "PROPN", "NNP", "Ostrava"),  # 41
    ("presses", 42, "ROOT", "NOUN", "NNS", "press"),
    ("Keld", 42, "appos", "PROPN", "NNP", "Keld"),
    ("to", 45, "aux", "PART", "TO", "to"),
    ("resign", 42, "acl", "VERB", "VB", "resign"),
]


def _doc() -> Doc:
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*_PARSE))
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              sent_starts=[i in (0, 20, 41) for i in range(len(words))])
    ents = [(0, "GPE"), (10, "GPE"), (12, "PERSON"), (18, "PERSON"), (36, "DATE"), (38, "NORP")]
    doc.ents = [Span(doc, i, i + 1, label) for i, label in ents]
    return doc


# ----------------------------------------------------------------- the Token-walk versions

_RANKS = {"first", "last", "only", "latest", "second", "third", "next"}
_OBJECT_CONTROL = {"pressure", "urge", "force", "ask", "call", "persuade", "press", "push", "compel",
                   "order", "tell", "allow", "encourage", "invite", "warn", "advise", "request", "require"}


def _child_tokens(tok, deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _described_tokens(noun):
    if noun.dep_ == "appos" and not _is_actorish(noun) and _is_actorish(noun.head):
        return noun.head
    return noun


def _ranked_subject_tokens(v):
    pred = v.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.lefts) or pred.dep_ != "attr" \
            or pred.head.lemma_ != "be" or not (pred.lower_ in _RANKS or any(
                c.dep_ in ("amod", "advmod") and c.lower_ in _RANKS for c in pred.children)):
        return None
    return _child_tokens(pred.head, _SUBJ)


def _object_controller_tokens(v):
    if v.dep_ not in ("xcomp", "advcl") or v.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.lefts):
        return None
    if v.dep_ == "advcl" and v.head.lemma_ not in _OBJECT_CONTROL:
        return None
    return _child_tokens(v.head, ("dobj",))


def _clause_subject_tokens(verb):
    v = verb
    raised = False
    gerund = False
    for _ in range(4):
        if v is None:
            break
        s = _child_tokens(v, _SUBJ)
        if s is not None and _headline_verb(s) and s.lemma_.lower() in _OBJECT_CONTROL:
            return s.doc[s.i + 1], False
        if s is not None:
            if s.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return _described_tokens(v.head), False
            return s, False
        sp = _child_tokens(v, _PASS_SUBJ)
        if sp is not None:
            if sp.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return _described_tokens(v.head), not raised and not gerund
            return sp, not raised and not gerund
        if v.dep_ in ("relcl", "acl") and (ranked := _ranked_subject_tokens(v)) is not None:
            return ranked, any(c.dep_ == "auxpass" for c in v.children)
        if v.dep_ == "relcl":
            return _described_tokens(v.head), False
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            finite = any(c.dep_ == "conj" and c.tag_ == "VBD" for c in v.children)
            return v.head, v.tag_ == "VBN" and not finite
        if (controller := _object_controller_tokens(v)) is not None:
            return controller, False
        if (head := _gerund_head_tokens(v)) is not None:  # session 10: "replied by calling on ..."
            gerund, v = True, head
            continue
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
            raised = raised or (v.dep_ == "xcomp" and v.tag_ == "VB")
            v = v.head
            continue
        break
    return None, False


def _gerund_head_tokens(v):
    prep = v.head
    if v.dep_ != "pcomp" or v.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in (
            "by", "after", "before", "upon", "while", "without", "since", "through", "besides"):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == prep.i or (
            verb.tag_ == "VBN" and verb.dep_ in ("xcomp", "ccomp", "oprd")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return None
    return verb


def _pobj_tokens(tok, prep):
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative", "prt") and c.lower_ == prep:
            p = next((g for g in c.children if g.dep_ == "pobj"), None)
            if p is not None and p.ent_type_ not in ("DATE", "TIME"):
                return p
    return None


def _noun_context_tokens(tok) -> set[str]:
    words = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            words.add(c.lemma_.lower())
        elif c.dep_ == "prep":
            words.add(c.lower_)
    return words


def _attributive_tokens(tok) -> bool:
    """The token walk of ``_attributive`` (session 15: a past participle on a thing is a kind too)."""
    if tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.tag_ == "VBG":
        return True
    units, people = party_nouns()
    noun = tok.head.lemma_.lower()
    misread = tok.i > 0 and tok.doc[tok.i - 1].pos_ == "CCONJ"
    return tok.tag_ == "VBN" and not misread and not _actor_like_tokens(tok.head, False) \
        and noun not in units and noun not in people


def _when_tokens(prep) -> bool:
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def _counted_tokens(tok):
    while tok.lower_ in _COUNTS and (of := _pobj_tokens(tok, "of")) is not None:
        tok = of
    return tok


def _conjuncts_tokens(tok):
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and country_of(c.text):
            mods = [c, *[d for d in c.conjuncts if d.i < tok.i and country_of(d.text)]]
            if len(mods) >= 2:
                return mods
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")]]


def _index(tok):
    return None if tok is None else tok.i


def _same_syntax(doc: Doc) -> None:
    for tok in doc:
        want, got = _clause_subject_tokens(tok), _clause_subject(tok)
        assert (_index(want[0]), want[1]) == (_index(got[0]), got[1]), tok.i
        for owner in (True, False):
            assert _actor_like(tok, owner) == _actor_like_tokens(tok, owner), (tok.i, owner)
        for deps in (_SUBJ, _PASS_SUBJ, ("dobj",), ("xcomp", "ccomp")):
            assert _index(_child(tok, deps)) == _index(_child_tokens(tok, deps))
        for prep in ("by", "on", "in", "to", "of", "with", "against", "from"):
            assert _index(_pobj(tok, prep)) == _index(_pobj_tokens(tok, prep))
        view = token_view(doc)
        assert _noun_context(view, tok.i) == _noun_context_tokens(tok)
        assert _attributive(view, tok.i) == _attributive_tokens(tok)
        assert _when(tok) == _when_tokens(tok)
        assert [t.i for t in _conjuncts(tok)] == [t.i for t in _conjuncts_tokens(tok)]
        assert _coordinated(view, tok.i) == [t.i for t in tok.conjuncts]
        want = _counted_tokens(tok)
        assert counted(tok).i == want.i and (counted(tok) is tok) == (want is tok)  # pronouns.py tests `is`


# ----------------------------------------------------------------- tests


def test_clause_subject_cases_on_the_hand_built_parse():
    doc = _doc()
    assert _clause_subject(doc[5]) == (doc[0], False)  # "is the first to recognise"
    assert _clause_subject(doc[14]) == (doc[12], False)  # "urged Keld to withdraw": Keld withdraws
    assert _clause_subject(doc[16]) == (doc[15], True)  # "troops sent by ...": done to the troops
    assert _clause_subject(doc[29]) == (doc[25], False)  # raised: "envoys were expected to leave"
    assert _clause_subject(doc[33]) == (doc[31], False)  # "the state that expelled"
    assert _clause_subject(doc[11]) == (doc[10], False)


def test_index_rules_match_the_token_walks_on_the_hand_built_parse():
    _same_syntax(_doc())


def test_the_view_reads_each_tokens_text():
    doc = _doc()
    view = token_view(doc)
    assert [doc.vocab.strings[h] for h in view.orth] == [t.text for t in doc]


_TEXTS = [
    "Varnian troops shelled the border town on Tuesday, killing six villagers, and the treasury "
    "claimed the raid carried out by the militia was first to hit the valley.",
    "Ostrava urged Keld to withdraw its envoys, who were accused of spying, and threatened to cut "
    "ties unless the council dropped the tariff imposed by Marrow last year.",
    "Police arrested and charged the organisers of a sit-in held in protest at Keld's levy, "
    "a spokeswoman said; the detained Tessan students were released after talks with the rector.",
    "Ostrava Presses Keld To Resign As Protests Grow",
    "Thousands of miners gathered in the visiting delegation's hotel on Monday, and dozens of "
    "nurses joined the striking workers' march.",
    "Ties to Varnia were cut by the council, which was the last to act.",
    "Varnia's offensive against the rebels and a Marrow-led raid on the port came under fire; talks "
    "between Keld and Ostrava resumed after a wave of protests, and the inquiry into Tessa's arms "
    "sales was opened by the court during her visit to Selby.",
    "Varnian, Keldish and Tessan envoys met the army chief and the interior minister, the border "
    "guards and customs officers in Selby.",
    "Keld entered into negotiations with the rebels, and Ostrava went into talks with the miners.",
    "The governor staged a sit-in in protest at the levy set by the treasury, and "
    "clashes between Varnians and Keldish police broke out as the army faced sanctions.",
    "The council, a body that rejected the plan, refused to hand the suspect over to Varnia and "
    "complained to the court about Marrow's naval drills near Port Selby.",
]


@pytest.mark.model
def test_index_rules_match_the_token_walks_on_parsed_texts(nlp):
    for doc in nlp.pipe(_TEXTS):
        _same_syntax(doc)


def test_pobj_takes_the_first_preposition_of_a_word_whose_object_is_no_date():
    # "Guards fired on Sunday on the marchers on the bridge": the marchers, not the day nor the bridge
    words = ["Guards", "fired", "on", "Sunday", "on", "the", "marchers", "on", "the", "bridge"]
    heads = [1, 1, 1, 2, 1, 6, 4, 1, 9, 7]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "prep", "det", "pobj"]
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 3, 4, "DATE")]
    assert _pobj(doc[1], "on").i == 6 == _pobj_tokens(doc[1], "on").i
    assert _pobj(doc[1], "at") is None
