"""The event coder's argument rules rewritten over token indices (session 9, issue 14) must give
what their Token-walk versions gave. Each reference below is the rule as it was written before,
over ``Token`` objects; they run on a hand-built parse (no model) and on every token of a few
parsed texts written for this test (model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.args import (
    _FORCE,
    _GATHER,
    _OBJ_VERBS,
    _ONLOOKERS,
    _PARTY_PREPS,
    _SPEECH_ACTS,
    _TRANSFER,
    _complained_of,
    _conditioned_party,
    _demanded_party,
    _looked_into,
    _noun_args,
    _owner,
    _protested,
    _purpose_object,
    _shared_object,
    _struck,
    _verb_args,
)
from newsgraph.extract.events.countries import (
    _AGENT_NOUNS,
    _COUNTS,
    _PASS_SUBJ,
    _SELF_INTENT,
    _SUBJ,
    _TARGET_PREPS,
    country_of,
)
from newsgraph.extract.events.lexicon import LexEntry, Plover
from newsgraph.extract.events.nominal import (
    _ADJUNCT_TYPES,
    _MEANS_NOUNS,
    _adjunct_subject,
    _agent_above,
    _claimed_by,
    _done_by,
    _hyphen_agent,
    _led_by,
    _means,
    _UNDER,
    _UNDERGO,
    _nominal_agent,
)
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
from newsgraph.extract.events.triggers import _attributive, _noun_context, _when
from newsgraph.extract.tokens import token_view
from test_perf_events_s8 import _actor_like_tokens

NLP = spacy.blank("en")

# word, head, dep, pos, tag, lemma
_PARSE = [
    ("Varnia", 1, "nsubj", "PROPN", "NNP", "Varnia"),  # 0
    ("was", 1, "ROOT", "AUX", "VBD", "be"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("first", 1, "attr", "ADJ", "JJ", "first"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("recognise", 3, "relcl", "VERB", "VB", "recognise"),  # 5: "the first to recognise"
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
                return _described_tokens(v.head), not raised
            return sp, not raised
        if v.dep_ in ("relcl", "acl") and (ranked := _ranked_subject_tokens(v)) is not None:
            return ranked, any(c.dep_ == "auxpass" for c in v.children)
        if v.dep_ == "relcl":
            return _described_tokens(v.head), False
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            finite = any(c.dep_ == "conj" and c.tag_ == "VBD" for c in v.children)
            return v.head, v.tag_ == "VBN" and not finite
        if (controller := _object_controller_tokens(v)) is not None:
            return controller, False
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
            raised = raised or (v.dep_ == "xcomp" and v.tag_ == "VB")
            v = v.head
            continue
        break
    return None, False


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
    return tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN")


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
        for prep in ("by", "on", "in", "to"):
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
    assert _clause_subject(doc[5]) == (doc[0], False)  # "was the first to recognise"
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
    "Varnian troops shelled the border town on Tuesday, killing six villagers, and the ministry "
    "said the raid carried out by the militia was the first to hit the valley.",
    "Ostrava urged Keld to withdraw its envoys, who were accused of spying, and threatened to cut "
    "ties unless the council dropped the tariff imposed by Marrow last year.",
    "Police arrested and charged the organisers of a sit-in held in protest against the decree, "
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
    "The governor staged a sit-in in protest against the decree issued by the ministry, and "
    "clashes between Varnians and Keldish police broke out as the army faced sanctions.",
    "The council, a body that rejected the plan, refused to hand the suspect over to Varnia and "
    "complained to the court about Marrow's naval drills near Port Selby.",
]


@pytest.mark.model
def test_index_rules_match_the_token_walks_on_parsed_texts(nlp):
    for doc in nlp.pipe(_TEXTS):
        _same_syntax(doc)


# ----------------------------------------------------------------- _verb_args as it walked Tokens

def _given_tokens(trig, obj) -> bool:
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ != "whose" for c in obj.children)
    return own or trig.lemma_.lower() in _TRANSFER


def _object_party_tokens(obj, transfer: bool = False):
    preps = (*_PARTY_PREPS, "for") if transfer else _PARTY_PREPS
    for _ in range(3):
        for prep in preps:
            p = _pobj_tokens(obj, prep)
            if p is not None and _actor_like_tokens(p):
                return _conjuncts(p)
        nxt = _pobj_tokens(obj, "of")
        if nxt is None or _actor_like_tokens(nxt):
            break
        obj = nxt
    return []


def _modified_party_tokens(part):
    if part.dep_ != "amod" or part.tag_ != "VBN" or part.i > part.head.i or part.head.pos_ not in ("NOUN", "PROPN") \
            or (part.i > 0 and part.doc[part.i - 1].text in ("-", "–")):
        return None
    return part.head if _actor_like_tokens(part.head) else None


def _infinitive_tokens(verb) -> bool:
    return verb.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.lefts)


def _verb_args_tokens(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token]]:
    if trig.dep_ in ("amod", "acl") and trig.tag_ == "VBN" and (agent := _hyphen_agent(trig)) is not None \
            and trig.head.pos_ in ("NOUN", "PROPN"):
        return [agent], [trig.head] if _actor_like_tokens(trig.head) else []  # the modified noun only  # "Ruritanian-funded militias": Ruritania funds them
    if entry.plover.type not in _GATHER and (undergoer := _modified_party_tokens(trig)) is not None:
        return [], _conjuncts(undergoer)  # "the jailed Ruritanian envoy": whom it was done to
    subj, passive = _clause_subject_tokens(trig)
    if _child_tokens(trig, _PASS_SUBJ) is not None:
        passive = True
    sources: list[Token] = []
    targets: list[Token] = []
    if passive:
        agent = _pobj_tokens(trig, "by")
        if agent is not None:
            sources = _conjuncts(agent)
        elif (means := _means(trig)) is not None:  # "died in Ruritanian artillery fire"
            sources = _nominal_agent(means)
        if subj is not None and (subj.lemma_.lower() not in entry.extras or _actor_like_tokens(subj)):
            # not "evidence ... was presented": the pattern's object word names no party
            targets = _conjuncts(subj)
            if not _actor_like_tokens(subj) and (party := _object_party_tokens(subj, transfer=True)):
                targets = party  # "a shelter for Haitian migrants was raided"
    else:
        if subj is not None:
            sources = _conjuncts(subj)
            if subj.lemma_.lower() in _MEANS_NOUNS and not _actor_like_tokens(subj) and (agent := _nominal_agent(subj)):
                sources = agent  # "the raid carried out by Chilean troops killed ...": who raided
        obj = _child_tokens(trig, ("dobj", "obj"))
        if obj is not None and obj.lemma_.lower() not in entry.extras:
            targets = _conjuncts(obj)
            if (not _actor_like_tokens(obj) or _given_tokens(trig, obj)) and any(
                    (q := _pobj_tokens(trig, p)) is not None and (_actor_like_tokens(q) or (_given_tokens(trig, obj) and _object_party_tokens(q)))
                    for p in ("at", "on", "against", "to", "into", "from", "for")):
                targets = []  # "fired rockets at Chad", "lent its engineers to Peru", "for a war against Ruritania"
            elif not _actor_like_tokens(obj) and (
                    party := _object_party_tokens(obj, trig.lemma_.lower() in _TRANSFER) or _owner(obj)):
                targets = party  # "ratified an agreement with the EU"
            elif not _actor_like_tokens(obj) and trig.lemma_.lower() in _TRANSFER:
                targets = []  # the goods: the recipient is on a preposition ("for Moldova")
    if not targets:
        for prep in (*sorted(entry.preps), *_TARGET_PREPS):
            if passive and prep == "by":
                continue
            p = _pobj_tokens(trig, prep)
            if p is None and (o := _child_tokens(trig, ("dobj", "obj", "nsubjpass"))) is not None:
                p = _pobj_tokens(o, prep) if prep in entry.preps or o.lemma_.lower() in entry.extras else None
                p = p if p is not None and _actor_like_tokens(p) else None  # not "a plan for a truce"
            if p is not None:  # "mobilized its reserves for a conflict with Guyana": the conflict's party
                targets = _conjuncts(p) if _actor_like_tokens(p) else (_object_party_tokens(p) or _conjuncts(p))
                break
    if not targets and (o := _child_tokens(trig, ("dobj", "obj"))) is not None and o.lemma_.lower() in entry.extras:
        for c in o.children:
            if c.dep_ in ("advcl", "acl", "relcl", "ccomp") and (s := _child_tokens(c, _SUBJ)) is not None:
                targets = _conjuncts(s)
                break
        targets = targets or _owner(o)
    if not targets and not passive and _child_tokens(trig, ("dobj", "obj")) is None:
        targets = _shared_object(trig)  # "attacked and burned the village"
    if not targets:
        dat = _child_tokens(trig, ("dative",))
        if dat is not None:
            targets = _conjuncts(dat)
    if not targets and entry.plover.type in _SPEECH_ACTS:
        targets = _demanded_party(trig)
    elif not targets and entry.plover.type == "THREATEN":  # "warned that Chad would pay": Chad
        targets = [t for t in _demanded_party(trig) if _actor_like_tokens(t)]
    x = _child_tokens(trig, ("xcomp",))
    if x is None and ("ctl" in entry.flags or trig.lemma_.lower() in _SELF_INTENT):
        x = next((c for c in trig.children if c.dep_ == "advcl" and _infinitive_tokens(c)), None)  # "threatened today to"
    if not targets and x is not None:  # "offered to hand the suspect over to Spain"
        o = _child_tokens(x, ("dobj", "dative"))
        if o is None and (cc := _child_tokens(x, ("ccomp",))) is not None:
            o = _child_tokens(cc, _SUBJ)  # "refused to let Red Cross convoys pass"
        if o is not None and _actor_like_tokens(o) and not _given_tokens(x, o):
            targets = _conjuncts(o)
        else:
            for prep in ("to", "with", "on", "against", "for", "from"):
                p = _pobj_tokens(x, prep)
                if p is not None and _actor_like_tokens(p):
                    targets = _conjuncts(p)
                    break
                if p is not None and prep == "to" and (party := _owner(p)):
                    targets = party  # "refused to answer a request from the Polish premier"
                    break
        if not targets and o is not None and not _actor_like_tokens(o):
            targets = _object_party_tokens(o)  # "threatened to cut ties with Peru"
    if entry.plover.type == "ACCUSE" and (about := _complained_of(trig)):
        targets = about  # "complained to the EU about Turkish naval drills": Turkey, not the EU
    if entry.plover.type == "PROTEST" and not any(map(_actor_like_tokens, targets)):
        targets = _complained_of(trig) or targets  # "stopped work over a decree issued by the minister"
    if entry.plover.type == "PROTEST" and not any(map(_actor_like_tokens, targets)):
        targets = _protested(trig) or targets  # "occupied squares in defiance of Chilean police"
    if not targets and entry.plover.type == "THREATEN":
        targets = _conditioned_party(trig, x)
    if not targets and entry.plover.type in _FORCE:
        targets = _purpose_object(trig)
    if not any(map(_actor_like_tokens, targets)) and entry.plover.type in _FORCE:
        targets = _struck(trig) or targets  # "shelled the town, killing nine villagers"
    if not any(map(_actor_like_tokens, targets)) and trig.dep_ == "advcl" and _infinitive_tokens(trig) \
            and (o := _child_tokens(trig.head, ("dobj",))) is not None and _actor_like_tokens(o) and not _given_tokens(trig.head, o):
        targets = _conjuncts(o)  # "summoned Uganda's ambassador to complain": whom it was done to
    if "rev" in entry.flags:  # "Ukraine received weapons from the US": the giver is the source
        obj = _child_tokens(trig, ("dobj", "obj"))
        giver = _pobj_tokens(trig, "from") or (_pobj_tokens(obj, "from") if obj is not None else None)
        if giver is not None:
            return _conjuncts(giver), sources
    return sources, targets


_VERB_KINDS = [("ASSAULT", "", ""), ("PROTEST", "", ""), ("THREATEN", "", "ctl"), ("ACCUSE", "about", ""),
               ("REQUEST", "", ""), ("CONSULT", "with", ""), ("AID", "tie to", "rev"), ("COERCE", "decree", "")]
_NOUN_KINDS = [("ASSAULT", "", ""), ("PROTEST", "", ""), ("CONSULT", "with", "sym"), ("RETREAT", "", ""),
               ("REQUEST", "", ""), ("AID", "to", ""), ("COERCE", "on", "sym")]


def _entries(lemma: str, pos: str = "verb") -> list[LexEntry]:
    """Entries of several kinds (type, pattern words, flags) for one head word: each branch of
    the rule is taken by some."""
    return [LexEntry(pos, lemma, frozenset(extras.split()), lemma, "000", Plover(kind, None, None),
                     frozenset(flags.split()))
            for kind, extras, flags in (_VERB_KINDS if pos == "verb" else _NOUN_KINDS)]


def _same_verb_args(doc: Doc) -> None:
    for tok in doc:
        for entry in _entries(tok.lemma_.lower()):
            want = _verb_args_tokens(tok, entry)
            got = _verb_args(tok, entry)
            assert [[t.i for t in side] for side in got] == [[t.i for t in side] for side in want], \
                (tok.i, entry.plover.type)


def test_verb_args_match_the_token_walk_on_the_hand_built_parse():
    _same_verb_args(_doc())


@pytest.mark.model
def test_verb_args_match_the_token_walk_on_parsed_texts(nlp):
    for doc in nlp.pipe(_TEXTS):
        _same_verb_args(doc)


# ----------------------------------------------------------------- _noun_args as it walked Tokens


def _undergoer_tokens(noun, gov):
    lemma = gov.lemma_.lower()
    direct = noun.dep_ in ("dobj", "obj") and noun.head.i == gov.i and lemma in _UNDERGO
    under = noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.i == gov.i and lemma in _UNDER
    if not (direct or under):
        return []
    s, passive = _clause_subject_tokens(gov)
    return _conjuncts_tokens(s) if s is not None and not passive else []


def _governing_verb_tokens(tok):
    h = tok
    for _ in range(6):
        if h.head.i == h.i:
            return h if h.pos_ in ("VERB", "AUX") else None
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return h
    return None


def _noun_args_tokens(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token], Token | None]:
    of_is_source = entry.plover.type in ("CONSULT", "PROTEST", "MOBILIZE", "AID", "SUPPORT")
    sources: list[Token] = []
    targets: list[Token] = []
    for c in trig.children:
        if c.dep_ == "poss":
            sources = _conjuncts(c)
        elif c.dep_ in ("compound", "amod", "nmod") and not sources and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (c.lower_ in _AGENT_NOUNS and c.pos_ != "ADJ")):
            sources = [c]
    # "a demand from Moscow" comes from Moscow; "a withdrawal from Kidal" leaves it
    by = _pobj_tokens(trig, "by") or (_pobj_tokens(trig, "from") if entry.plover.type != "RETREAT" else None)
    if by is not None:
        sources = _conjuncts(by)
    of = _pobj_tokens(trig, "of")
    if of is not None:
        if of_is_source and not sources:
            sources = _conjuncts(of)
        elif not of_is_source:  # "a halt of rail links with Chad": the links' party
            targets = _conjuncts(of) if _actor_like_tokens(of) else (_object_party_tokens(of) or _conjuncts(of))
    if entry.plover.type == "PROTEST":  # "a sit-in in Lima in protest against ...": whom, not where
        targets = _protested(trig) or (_protested(trig.head) if trig.dep_ in ("dobj", "obj") else []) or targets
    if not targets:
        targets = _looked_into(trig)  # "an inquiry into Chile's arms sales"
    if not targets:
        for prep in (*sorted(entry.preps), "against", "on", "with", "between", "to", "at", "over", "for", "in"):
            if "sym" in entry.flags and prep in ("on", "over", "for", "at"):
                continue  # "talks on X": X is the topic
            p = _pobj_tokens(trig, prep)
            if p is not None and (prep != "in" or (p.ent_type_ == "GPE" and entry.plover.type == "PROTEST")):
                targets = _conjuncts(p)
                break
    if not targets:
        for c in trig.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _OBJ_VERBS:
                o = _child_tokens(c, ("dobj",))
                if o is not None:
                    targets = _conjuncts(o)
    if not targets:  # "the refusal to acknowledge Biden", "a threat to attack Iran"
        for c in trig.children:
            if c.dep_ == "acl" and c.tag_ == "VB" and (o := _child_tokens(c, ("dobj",))) is not None and _actor_like_tokens(o):
                targets = _conjuncts(o)
                break
    gov = _governing_verb_tokens(trig)
    # "undertook a mediation mission between X and Y": the compound's head stands in for it
    arg = trig.head if trig.dep_ == "compound" and trig.head.pos_ == "NOUN" else trig
    if arg.i != trig.i and not targets:
        for prep in ("between", "with", "against", "on", "to"):
            if (p := _pobj_tokens(arg, prep)) is not None:
                targets = _conjuncts(p)
                break
    if sources and sources[0].pos_ == "PRON" and sources[0].dep_ == "poss":
        sources = []  # "kept up their sit-in": the clause subject says who
    carrier = arg  # "began two weeks of drills", "staged a wave of protests"
    while carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and carrier.head.head.pos_ == "NOUN":
        carrier = carrier.head.head
    governing = gov
    if gov is not None and (undergoer := _undergoer_tokens(carrier, gov)):
        targets = targets or undergoer  # "the convoy came under attack", "Chile faces sanctions"
        gov = None  # its subject suffers the act: it does not do it
    if gov is not None:
        light = (carrier.dep_ in ("dobj", "obj") and carrier.head.i == gov.i) or arg.dep_ in ("dobj", "obj") or (
            arg.dep_ == "pobj" and arg.head.lower_ in ("in", "into") and arg.head.head.i == gov.i)
        # "staged a protest", "is in negotiations with"; not "a farmer who saw the raid"
        if not sources and light and gov.lemma_.lower() not in _ONLOOKERS:
            s, passive = _clause_subject_tokens(gov)
            if s is not None and (not passive or gov.lemma_.lower() == "engage"):
                sources = _conjuncts(s)
        if not targets and light and trig.dep_ == "pobj" and (o := _child_tokens(gov, ("dobj",))) is not None:
            targets = _conjuncts(o)  # "engaged Kenyan patrols in a gun battle"
        if not targets and light:
            for prep in ("on", "against", "with", "to", "for"):
                if "sym" in entry.flags and prep in ("on", "for"):
                    continue  # "resumed negotiations over a border deal": the topic
                p = _pobj_tokens(gov, prep)
                if p is not None:
                    targets = _conjuncts(p)
                    break
        if not targets and light:
            targets = _looked_into(gov, trig)  # "opened their inquiry into Chile's arms sales"
        if not any(map(_actor_like_tokens, targets)) and light and entry.plover.type in _FORCE:
            targets = _struck(gov) or targets  # "launched raids on the town, killing nine villagers"
        if not targets and light and entry.plover.type in _SPEECH_ACTS:
            targets = _demanded_party(gov)  # "repeated its demand that Chile lift the tariff"
        if not targets and trig.dep_ in _SUBJ and gov.lemma_.lower() in _OBJ_VERBS:
            o = _child_tokens(gov, ("dobj",))
            if o is not None:
                targets = _conjuncts(o)
    if not sources:  # "a Ruritanian-led offensive", "claimed responsibility for the raid"
        sources = _led_by(trig) or _done_by(trig) or _claimed_by(trig)
    if not sources and gov is not None and entry.plover.type in _ADJUNCT_TYPES:
        sources = _adjunct_subject(trig, gov)  # "spoke during her visit to Lima": the speaker visits
    if not sources:  # "provocations by the US ..., most recently the assassination of ..."
        sources = _agent_above(trig)
    if not sources and "sym" in entry.flags and len(targets) >= 2 and _pobj_tokens(arg, "between") is not None:
        sources, targets = targets, []  # "clashes between Ruritanians and Borduvians"
    return sources, targets, governing


def _same_noun_args(doc: Doc) -> None:
    for tok in doc:
        for entry in _entries(tok.lemma_.lower(), "noun"):
            want = _noun_args_tokens(tok, entry)
            got = _noun_args(tok, entry)
            assert [[t.i for t in side] for side in got[:2]] == [[t.i for t in side] for side in want[:2]], \
                (tok.i, entry.plover.type)
            assert _index(got[2]) == _index(want[2])


def test_noun_args_match_the_token_walk_on_the_hand_built_parse():
    _same_noun_args(_doc())


@pytest.mark.model
def test_noun_args_match_the_token_walk_on_parsed_texts(nlp):
    for doc in nlp.pipe(_TEXTS):
        _same_noun_args(doc)
