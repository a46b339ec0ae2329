"""A refusal told with a negated verb of accepting, or with a verb of disregarding, is a REJECT.

CAMEO 12 codes rejecting, refusing, defying and ignoring a demand: "Ruritania does not
recognize the council", "the opposition does not accept the election results", "the rebels will
not comply with the ruling", "we do not want Borduria's mediation", "the cabinet ignored the
union's demands". The verbs and the nouns of what a party asks, decides or proposes are in
``data/refusals.tsv``. A ``negated`` verb ("not", "never", "no longer"; not under "if",
"unless" or "could"/"may"/"might"/"should") whose object is a party or such a noun is its
subject's rejection of that party, or of the noun's author (possessor, national modifier,
"by"/"from"/"of" party); a ``defying`` verb with such a noun rejects it without a negation.
The negated event the lexicon read on the same verb (a negated recognition, SUPPORT; a
negated acceptance, AGREE) is replaced: CAMEO codes the refusal, not a recognition that did
not happen. Negated acts outside the class stay negated events ("did not attend the talks",
"has not congratulated X"): nobody is refused. The code is the lexicon event's reject code
(:func:`.modality.reject_code`) or the row's."""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import data_rows
from ..tokens import token_view
from .args import _verb_args
from .coded import CodedEvent, construction_entry, construction_event
from .denials import negated
from .lexicon import LexEntry
from .modality import reject_code
from .nominal import _nominal_agent
from .resolve import _resolve
from .statements import _speaker_of
from .syntax import Arg, _actor_like, _conjuncts, _pobj

_HEDGES = {"could", "may", "might", "should", "if", "unless", "whether"}
_FIRST_PERSON = {"we", "i"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, str, str, bool]], frozenset[str]]:
    """verb lemma -> (kind, cameo, preposition, author needed); and the object nouns."""
    verbs: dict[str, tuple[str, str, str, bool]] = {}
    nouns: set[str] = set()
    for word, kind, *rest in data_rows("refusals.tsv"):
        if kind == "object":
            nouns.add(word)
        else:
            rest += [""] * (3 - len(rest))
            verbs[word] = (kind, rest[0] or "120", rest[1], rest[2] == "author")
    return verbs, frozenset(nouns)


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[int]:
    """Lemma hashes of the table's verbs: the tokens the module reads."""
    return frozenset(get_string_id(w) for w in _table()[0])


@lru_cache(maxsize=16)
def _entry(code: str) -> LexEntry:
    return construction_entry(code, "REJECT", "verb", "refusal", "<does not recognize X>")


def _negated(verb: Token) -> bool:
    """ "does not accept", "never recognised" (:func:`.denials.negated`), "no longer recognizes"."""
    return negated(verb) or any(c.dep_ == "advmod" and c.lower_ == "longer"
                                and any(g.lower_ == "no" for g in c.children) for c in verb.children)


def _hedged(verb: Token) -> bool:
    """A condition, a question or a possibility, not a refusal: "if they do not accept"; nor an
    infinitive, an act asked for or advised ("urged X not to accept the offer")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        if any(c.dep_ in ("aux", "mark") and c.lower_ in _HEDGES for c in v.children):
            return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def _object(verb: Token, prep: str) -> Token | None:
    """What is refused: the direct object or passive subject ("was not recognised by X"), the
    row's preposition's object ("comply with"), or for "want" the subject of its complement
    ("do not want the mediation continuing")."""
    if prep and (p := _pobj(verb, prep)) is not None:
        return p
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if obj is None and verb.lemma_.lower() == "want":
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        obj = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
    return obj


def _refused_party(verb: Token, obj: Token, nouns: frozenset[str], party: bool) -> tuple[bool, list[Token]]:
    """Is ``obj`` refusable, and the tokens of the party refused: the author of a demand,
    plan or decision noun (its "by" phrase may hang on the verb: "ignored demands by X to
    ..."), or, when ``party``, the party the object names."""
    if obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() in nouns:
        authors = _nominal_agent(obj)
        if not authors:
            authors = [p for t, q in ((obj, "from"), (obj, "of"), (verb, "by"), (verb, "from"))
                       if (p := _pobj(t, q)) is not None and _actor_like(p, owner=False)][:1]
        return True, [a for a in authors if a.pos_ != "PRON"][:1]
    if party and obj.pos_ != "PRON" and _actor_like(obj, owner=False):
        return True, _conjuncts(obj)[:1]
    return False, []


def _refusals(doc: Doc, places: list):
    """(verb, object, cameo, sources, target) for each refusal the module docstring describes."""
    verbs, nouns = _table()
    for i in token_view(doc).where("lemma", _verb_lemmas()):  # a few tokens per document
        tok = doc[i]
        row = verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if row is None:
            continue
        kind, code, prep, author = row
        if (kind != "defying") != _negated(tok) or _hedged(tok):
            continue
        obj = _object(tok, prep)
        if obj is None:
            continue
        ok, party = _refused_party(tok, obj, nouns, kind == "negated")
        if not ok or (author and not party):
            continue
        subjects = _verb_args(tok, _entry(code))[0]
        sources = [a for a in (_resolve(doc, s, places) for s in subjects) if a is not None]
        if not sources and any(s.lower_ in _FIRST_PERSON for s in subjects):  # "we do not accept it," X said
            sources = [a for a in (_speaker_of(doc, tok, places),) if a is not None]
        if not sources:
            continue
        target = _resolve(doc, party[0], places) if party else None
        yield tok, obj, code, sources, target


def _same(a: Arg, b: Arg | None) -> bool:
    return b is not None and ((a.actor is not None and a.actor == b.actor) or (a.start, a.end) == (b.start, b.end))


def _answered(asked: list[CodedEvent], sources: list[Arg], author: Arg | None, dropped: set[int]) -> None:
    """The demand or proposal a refusal answers was made of the refuser: it is its target. Read
    with the refuser as its maker ("X ignored demands by Y": the demand is Y's), it takes the
    author as source, or is dropped when no author is named."""
    for c in asked:
        if c.source is not None and any(_same(s, c.source) for s in sources):
            if author is None:
                dropped.add(c.trigger_i)
                continue
            c.source, c.event.source = author, author.actor
        elif c.target is not None:
            continue
        c.target, c.event.target = sources[0], sources[0].actor


def stated_refusals(doc: Doc, coded: list[CodedEvent], places: list) -> list[CodedEvent]:
    """``coded`` with each refusal (module docstring) added as a REJECT and the event the
    lexicon read on its verb dropped."""
    on_trigger = {}
    for c in coded:
        on_trigger.setdefault(c.trigger_i, []).append(c)
    replaced: set[int] = set()
    added: list[CodedEvent] = []
    for verb, obj, code, sources, target in _refusals(doc, places):
        before = on_trigger.get(verb.i, [])
        if any(c.event.type == "REJECT" and not c.event.negated for c in before):
            continue  # "would not accept": read as a refusal already (.modality)
        if before:
            code = reject_code(before[0].entry.cameo) or code
        replaced.add(verb.i)
        _answered(on_trigger.get(obj.i, []), sources, target, replaced)
        for src in sources:
            tgt = None if target is None or _same(src, target) else target
            added.append(construction_event(doc, _entry(code), src, tgt, verb, verb.i, False))
    return [c for c in coded if c.trigger_i not in replaced] + added
