"""Accusations and praise made by a statement, with no verb of accusing or praising: the
speaker accuses (or praises) the party the statement is about.

"The Borduvian army has violated the truce," the Ruritanian minister said; the minister said
the Borduvian camps were illegal; "the illegitimate government is seizing our assets," the
party said: none has a verb of accusing, yet each is the speaker's accusation (CAMEO 112) or
criticism (111) of the party its clause names (PLOVER ACCUSE). Three constructions, each in
the content of a quote whose speaker the quote layer found (``doc._.quotes``) or in the
complement of a reporting verb:

* *wrongdoing*: a verb of ``data/statements.tsv`` kind ``wrong`` ("violated", "tried to
  sabotage", "lied") whose subject names another party;
* *verdict*: a copular predicate that condemns its subject (a ``fault`` word of
  ``data/faults.tsv`` or kind ``verdict``: "X's offer is insufficient"); the party is the
  subject, or the party the subject noun names (possessor, national modifier, "by" agent);
  a verdict on what names no party ("the sale was illegal", "this is a disgraceful day") is
  still the speaker's criticism, with no target;
* *a condemned party*: a party noun with an adjective of kind ``label`` ("the illegal regime";
  not every fault word: a "criminal court" is no criticism).

The same statements praise when their predicate commends (kind ``praise``: "the minister said
the Borduvian army is the most disciplined in the region", "called the Borduvian envoy a
reliable partner", kind ``describe`` for the verb): SUPPORT (CAMEO 051) from the speaker, or
the subject of "called"/"described", to the party named as the subject or object itself (not
its owner: "X's resignation was a good opportunity" praises no one), another actor than the
speaker, not the speaker's own country ("Borduvia is a reliable partner," the Borduvian
minister said), one's own leader or army included; never a praise of what names no party.

A statement the speaker does not assert (negated, with a modal, conditional, a question,
another's claim or an aim: "rejected the suggestion that X was ...", "asked if X was ...",
"work to ensure that X remains ...") accuses or praises no one; nor does an accusation about
the speaker's own party, nor either about a pronoun (it may be the speaker's side). An ACCUSE
(SUPPORT) already coded between the same countries in the sentence wins."""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import data_rows, ext
from ..tokens import sentence_chars, token_view
from .coded import CodedEvent, construction_entry, construction_event
from .lexicon import LexEntry
from .modality import _REPORT
from .nominal import _nominal_agent
from .resolve import _resolve
from .syntax import Arg, _actor_like, _child, _conjuncts
from .triggers import _fault_table

_SUBJ = ("nsubj", "nsubjpass")
_COPULAS = {"be", "become", "remain", "seem", "appear"}
_MODALS = {"would", "could", "might", "may", "will", "should", "must", "can", "shall", "'d", "'ll"}
_CONDITIONS = {"if", "unless", "whether"}
_NEGATIONS = {"not", "n't", "never", "no"}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_UNCLAIMED = {"notion", "warning", "idea", "question", "possibility", "speculation"}  # besides faults.tsv "claim"


@lru_cache(maxsize=1)
def statement_words() -> dict[str, dict[str, str]]:
    """kind -> lemma -> CAMEO code (or ""), from ``data/statements.tsv``."""
    out: dict[str, dict[str, str]] = {}
    for kind, lemma, *code in data_rows("statements.tsv"):
        out.setdefault(kind, {})[lemma] = code[0] if code else ""
    return out


def _condemning(word: Token, of_claim: bool = False) -> bool:
    """A predicate that condemns what it is said of: a verdict or a word of faults.tsv of kind
    "fault" ("an illegal act"); as the predicate itself (not a modifier of it: "a regrettable
    toll", "false negatives"), also kind "epithet" ("the raid was a mistake") and kind "falsity"
    said of what is no claim ("the inquiry was a sham"; of a claim it denies it: "the charges
    are baseless")."""
    lemma = word.lemma_.lower()
    kind = _fault_table().get(lemma)
    if kind == "fault" or lemma in statement_words()["verdict"]:
        return True
    return word.dep_ != "amod" and (kind == "epithet" or (kind == "falsity" and not of_claim))


@lru_cache(maxsize=4)
def _entry(code: str) -> LexEntry:
    return construction_entry(code, "ACCUSE", "verb", "statement", "<X did wrong / is good, said Y>")


def _asserted(verb: Token) -> bool:
    """Does the clause of ``verb`` state something as so: no negation or modal, not a
    condition or a question ("if Chile violates ...", "will X undermine ...?")."""
    chain = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    for v in chain:
        for c in v.children:
            if c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ == "advmod"):
                return False
            if c.dep_ == "aux" and c.lower_ in _MODALS:
                return False
            if c.dep_ == "mark" and c.lower_ in _CONDITIONS:
                return False
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children):
                return False  # "if it failed ..., then X violated ...": a condition, not a claim
    for a in verb.ancestors:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in a.children):
            return False  # "if X violates ...", "asked if he thought X was ..."
        if a.pos_ == "NOUN" and (_fault_table().get(a.lemma_.lower()) == "claim" or a.lemma_.lower() in _UNCLAIMED):
            return False  # "rejected the suggestion that X was ...", "warnings that X was ...": another's claim
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):
            return False  # "work to ensure that X remains ...": an aim, not a claim
        if a.lemma_.lower() in _REPORT:
            break  # the clause of saying: what is above it is not this statement's
    if any(o.dep_ in ("dobj", "obj") and any(d.lower_ == "no" for d in o.children) for o in verb.children):
        return False  # "violated no rule"
    sent = verb.sent
    return not sent.text.rstrip(' "\'”’').endswith("?")


def _speaker_of(doc: Doc, tok: Token, places: list) -> Arg | None:
    """Who says the clause of ``tok``: the speaker of the quote it is in, else the subject
    of the reporting verb (``_REPORT`` or kind ``report`` of ``data/statements.tsv``: "argued",
    "complained") whose complement it is."""
    for q in ext(doc, "quotes") or ():
        if q.start <= tok.idx < q.end and q.speaker and q.speaker_span is not None:
            span = doc.char_span(q.speaker_span.start, q.speaker_span.end, alignment_mode="expand")
            said = _resolve(doc, span.root, places) if span is not None else None
            if said is not None and (said.country or said.sector):
                return said
            actor = next((a for a in ext(doc, "actors") or () if a.id == q.speaker), None)  # "she": the quote layer's
            if actor is not None and (actor.country or actor.sector):
                return Arg(q.speaker_span.start, q.speaker_span.end, q.speaker_text or actor.name, actor.id,
                           actor.country, False, actor.sector)
            if said is not None and said.actor:
                return said
    for a in (tok, *tok.ancestors):
        if a.dep_ in ("ccomp", "parataxis"):  # the nearest clause that embeds it: its verb says it, or none
            if a.head.lemma_.lower() not in _REPORT and a.head.lemma_.lower() not in statement_words()["report"]:
                return None
            subj = _child(a.head, ("nsubj",))
            return None if subj is None else _resolve(doc, subj, places)
    return None


def _party(doc: Doc, tok: Token | None, places: list, owner: bool = True) -> list[Arg]:
    """The parties a phrase names (its conjuncts), not pronouns; with ``owner``, also the
    possessor of a thing ("Borduvia's offer")."""
    if tok is None or tok.pos_ == "PRON" or not _actor_like(tok, owner=owner):
        return []
    out = []
    for c in _conjuncts(tok):
        a = _resolve(doc, c, places)
        if a is not None and (a.country or a.sector or a.actor) and not a.fallback:
            out.append(a)
    return out


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it completes ("X tried to sabotage ...")."""
    subj = _child(verb, _SUBJ)
    if subj is None and verb.dep_ == "xcomp":
        subj = _child(verb.head, _SUBJ)
    return subj


def _wrongdoers(doc: Doc, verb: Token, places: list) -> list[Arg]:
    """Parties a wrongdoing verb says did wrong ("Borduvia has violated the truce", "the
    Borduvian convoy violated the rules")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in statement_words()["wrong"]:
        return []
    subj = _subject(verb)
    return _party(doc, subj, places) or _owner(doc, subj, places)


def _owner(doc: Doc, noun: Token | None, places: list) -> list[Arg]:
    """The party a noun names as its owner or doer ("Borduvia's offer", "the Borduvian
    camps", "a raid by X"), when it has a country."""
    if noun is None or noun.pos_ != "NOUN":
        return []
    doers = [d for d in _nominal_agent(noun) if d.pos_ != "PRON"]
    doer = _resolve(doc, doers[0], places) if doers else None
    return [doer] if doer is not None and doer.country else []


def _condemned(doc: Doc, verb: Token, places: list) -> tuple[Token | None, list[Arg]]:
    """The condemning predicate of a copular clause and the parties it condemns: the subject
    ("Borduvia is irresponsible"), or the party the subject noun names ("Borduvia's offer is
    insufficient", "the Borduvian camps are illegal")."""
    subj = _child(verb, ("nsubj", "csubj"))
    of_claim = subj is None or subj.pos_ == "PRON" or _fault_table().get(subj.lemma_.lower()) == "claim"
    return _judged(doc, verb, places, lambda t: _condemning(t, of_claim), aimless=True)


def _praised(doc: Doc, verb: Token, places: list) -> tuple[Token | None, list[Arg]]:
    """The commending predicate of a copular clause and the parties it praises ("Borduvia is
    a reliable partner", "the Borduvian army is the most disciplined"); praise of what names
    no party ("the harvest was good") is no one's endorsement."""
    return _judged(doc, verb, places, _praising, aimless=False)


def _praising(word: Token) -> bool:
    """A word of praise, not of benefit ("X has been good for the economy" judges effects)."""
    return word.lemma_.lower() in statement_words()["praise"] and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in word.children)


def _graded(preds: list[Token], judge) -> Token | None:
    """The word among predicates ``preds`` that ``judge`` accepts: one of them, a conjunct
    ("bizarre and disgusting"), or an adjective of one ("an illegal act", "one of the most
    respected judges")."""
    preds = preds + [g for c in preds for g in c.children if g.dep_ in ("conj", "appos")]
    preds += [o for c in preds if c.pos_ == "NUM" for p in c.children if p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # "one of the most respected judges"
    mods = [g for c in preds for g in c.children if g.dep_ == "amod"]
    mods += [g for m in mods for g in m.children if g.dep_ == "conj"]  # "the most disciplined and honest army"
    return next((c for c in preds + mods if judge(c) and not _denied(c)), None)


def _denied(word: Token) -> bool:
    """Is a predicate word negated in its own phrase ("described X as not very reliable")?"""
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in word.children)


def _judged(doc: Doc, verb: Token, places: list, judge, aimless: bool) -> tuple[Token | None, list[Arg]]:
    """The predicate of a copular clause that ``judge`` accepts, and the parties it is said
    of: the subject, or the party the subject noun names; with ``aimless``, a verdict on a
    demonstrative or on what names no party is kept with no target (``[None]``)."""
    if verb.lemma_.lower() not in _COPULAS:
        return None, []
    pred = _graded([c for c in verb.children if c.dep_ in ("acomp", "attr")], judge)
    subj = _child(verb, ("nsubj", "csubj"))
    if pred is None or subj is None:
        return None, []
    if subj.pos_ == "PRON":  # "this is unacceptable", "it is shameful that ...", "it was an outrage": no party named
        aimed = subj.lower_ in _DEMONSTRATIVES or (subj.lower_ == "it" and (
            pred.pos_ == "NOUN" or any(c.dep_ == "ccomp" for c in verb.children)))
        return (pred, [None]) if aimed and aimless else (None, [])
    if not aimless:  # praise names its party: "X's resignation was a good opportunity" praises no one
        parties = _party(doc, subj, places, owner=False)
        return (pred, parties) if parties else (None, [])
    return pred, _party(doc, subj, places) or _owner(doc, subj, places) or [None]


def _described(doc: Doc, verb: Token, places: list) -> tuple[Token | None, list[Arg], Arg | None]:
    """"Y called X a reliable partner", "Y described X as courageous": the praising word, the
    party X names and the speaker Y (the subject of the verb of describing)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in statement_words()["describe"]:
        return None, [], None
    obj = _child(verb, ("dobj",))
    if obj is None:
        return None, [], None
    preds = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")] + [
        c for c in obj.children if c.dep_ == "appos"]
    preds += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("as", "of") for g in p.children]
    # "of": 'called X one "of the most ..."', the quote mark splitting the phrase from "one"
    pred = _graded(preds, _praising)
    parties = _party(doc, obj, places, owner=False) if pred is not None else []
    speaker = _subject(verb)
    return pred, parties, (_resolve(doc, speaker, places) if parties and speaker is not None else None)


def _labelled(doc: Doc, noun: Token, places: list) -> tuple[Token | None, list[Arg]]:
    """A party noun with a fault adjective ("the illegal regime"): the party it condemns."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in _SUBJ + ("dobj", "pobj"):
        return None, []
    fault = next((c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in statement_words()["label"]),
                 None)
    if fault is None or not _actor_like(noun, owner=False):
        return None, []
    return fault, _party(doc, noun, places)


def _other_party(speaker: Arg, target: Arg) -> bool:
    """Is the target a party other than the speaker's own? Across countries (or an
    international body's statement), or within one country between different sectors."""
    if target.actor is not None and target.actor == speaker.actor:
        return False
    if not (speaker.country or speaker.sector == "IGO"):
        return False
    if speaker.country and target.country and speaker.country != target.country:
        return True
    if (speaker.sector == "IGO") != (target.sector == "IGO"):
        return True  # an international body and a state's party
    if speaker.country and target.country and speaker.country != target.country:
        return True
    # one country (or a country the story gives later): different sides, both known; a
    # government, its army and its police are one side
    return bool(speaker.sector and target.sector and _side(speaker.sector) != _side(target.sector))


def _side(sector: str) -> str:
    return "state" if sector in _STATE else sector


_STATE = {"GOV", "MIL", "COP"}


@lru_cache(maxsize=1)
def _cue_lemmas() -> frozenset[int]:
    """Lemma hashes of the words a statement is found by (wrongdoing verbs, condemning and
    praising predicates, labels, verbs of describing), so that only the tokens near one are read."""
    words = {w for kind in ("wrong", "verdict", "label", "praise", "describe") for w in statement_words()[kind]}
    words |= {w for w, kind in _fault_table().items() if kind in ("fault", "epithet", "falsity")}
    return frozenset(get_string_id(w) for w in words)


def _candidates(doc: Doc) -> list[Token]:
    """The tokens a statement may hang on, in order: a cue word, the copula its predicate
    hangs on ("is illegal", "is an illegal act"), the noun it labels."""
    found: set[int] = set()
    for i in token_view(doc).where("lemma", _cue_lemmas()):
        tok = doc[i]
        found.update((i, tok.head.i, tok.head.head.i, tok.head.head.head.i))
    return [doc[i] for i in sorted(found)]


def _statements(doc: Doc, places: list):
    """(clause token, trigger token, CAMEO code, parties, speaker or None for the clause's)
    for each accusing or praising statement in ``doc``."""
    for tok in _candidates(doc):
        if tok.pos_ in ("VERB", "AUX"):
            if (parties := _wrongdoers(doc, tok, places)) and _asserted(tok):
                yield tok, tok, statement_words()["wrong"][tok.lemma_.lower()], parties, None
                continue
            for judged, code in ((_condemned, "111"), (_praised, "051")):
                pred, parties = judged(doc, tok, places)
                if pred is not None and parties and _asserted(tok):
                    yield tok, pred, code, parties, None
            pred, parties, speaker = _described(doc, tok, places)
            if pred is not None and speaker is not None and _asserted(tok):
                yield tok, pred, "051", parties, speaker
        elif tok.pos_ in ("NOUN", "PROPN"):
            fault, parties = _labelled(doc, tok, places)
            if fault is not None and parties:
                yield tok, fault, "111", parties, None


def _praisable(doc: Doc, speaker: Arg, target: Arg | None) -> bool:
    """May the speaker praise the target? A party other than the speaker, and not the
    speaker's own country named as a whole ("Borduvia is a reliable partner," the Borduvian
    minister said: self-praise); one's own party's leader or army may be praised."""
    if target is None or not (speaker.country or speaker.sector):
        return False
    if target.actor is not None and target.actor == speaker.actor:
        return False
    if target.country != speaker.country:
        return True
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    return span is None or span.root.ent_type_ != "GPE"


def stated_accusations(doc: Doc, coded: list[CodedEvent], places: list) -> list[CodedEvent]:
    """ACCUSE from the speaker to each party a statement accuses, SUPPORT to each it praises
    (module docstring)."""
    out: list[CodedEvent] = []
    done = {(c.event.type, c.source.country if c.source else None, c.target.country if c.target else None,
             c.event.sentence.start) for c in coded if c.event.type in ("ACCUSE", "SUPPORT")}
    for clause, trig, code, parties, said_by in _statements(doc, places):
        speaker = said_by or _speaker_of(doc, clause, places)
        if speaker is None:
            continue
        sent = sentence_chars(doc, trig.i)
        entry = _entry(code)
        for target in parties:
            key = (entry.plover.type, speaker.country, target.country if target else None, sent[0])
            if key in done or not _aimed(doc, entry.plover.type, speaker, target):
                continue
            done.add(key)
            out.append(construction_event(doc, entry, speaker, target, trig, clause.i, False))
    return out


def _aimed(doc: Doc, kind: str, speaker: Arg, target: Arg | None) -> bool:
    """Is a statement of ``kind`` from ``speaker`` about ``target`` one to code?"""
    if kind == "SUPPORT":
        return _praisable(doc, speaker, target)
    return _other_party(speaker, target) if target else bool(speaker.country or speaker.sector)
