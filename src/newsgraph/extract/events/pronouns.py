"""A pronoun that opens a sentence continues the subject of the sentence before.

"The union rejected the offer. It also threatened to strike." — a news sentence whose subject
is "it" or "they", with no party named before the pronoun in its own sentence, almost always
goes on about the party the previous sentence was about: that sentence's subject. The coder
reads the pronoun as the act's source but has no actor for it (the actor layer links a
pronoun only to a speaker it names nearby; :mod:`.resolve` reads a pronoun in a reported
clause as its reporter). This pass gives such a source the actor of the previous sentence's
subject, when

* the pronoun is the subject of the act's own clause and stands outside any quotation (in a
  quote, "they" is whoever the speaker means) — or opens its sentence and an indirect report
  whose reporter follows ("They burned the depot, a witness said"), which tells of whom the
  story was about as the writer would; an "it" that is the subject of "be" is no party ("it
  is hard to negotiate");
* nothing in its sentence before it names a party, nor is a noun argument ("asked 800
  adults whether they ...": the adults);
* the previous sentence reports no other party's words ("X should go, the committee said":
  "they" may be either);
* the previous sentence's subject (active, or passive: "Troops were sent in. They ...") is an
  actor that is not a person, and agrees in number ("it": a singular noun; "they": a plural
  noun, a counted one as in "thousands of farmers" or "hundreds of Chileans" whatever its tag,
  or coordinated subjects; a named organisation is "they" as well as "it"). A pronoun
  subject there that this pass resolved passes its actor on. The subject's actor is the one whose mention covers it, else the one the coder read for
  it as an argument of an event in that sentence ("thousands of Chileans" read as Chile).

A "they" after a party in its own sentence is that party when it is the sentence's one
plural party named before the pronoun and the subject of a clause the pronoun's clause hangs
under ("The rebels told reporters that they had taken the town"); there, a reported clause
(an indirect quotation) is no bar.

A filled source is marked ``CodedEvent.extra["source_from_pronoun"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...records import Actor
from .. import ext
from .coded import CodedEvent
from .countries import _COUNTS, _PASS_SUBJ, _SUBJ
from .syntax import Arg, _child, _names_party, counted

_SINGULAR = {"it"}
_PLURAL = {"they"}


def fill_pronoun_sources(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act whose source is an unresolved "it"/"they" the actor of the previous
    sentence's subject (see the module docstring). Runs on settled actors."""
    actors = list(ext(doc, "actors") or ())
    quotes = [(q.start, q.end, q.kind) for q in ext(doc, "quotes") or ()]
    resolved: dict[int, Actor] = {}  # pronoun token -> actor, so that "it ... It ..." chains
    for c in coded:
        arg = c.source
        if c.event.source is not None or arg is None or arg.actor:
            continue
        pron = _pronoun(doc, arg)
        if pron is None or any(s <= pron.idx < e and k != "indirect" for s, e, k in quotes):
            continue
        if _named_before(actors, pron) or _argument_before(pron):
            actor = _in_sentence(pron, actors, coded)
        elif any(s <= pron.idx < e for s, e, _ in quotes) and not _opens_report(pron, quotes):
            continue
        else:
            actor = resolved.get(pron.i) or _antecedent(doc, pron, actors, resolved, coded)
        if actor is None:
            continue
        resolved[pron.i] = actor
        c.source = Arg(arg.start, arg.end, arg.text, actor.id, actor.country, False, actor.sector)
        c.event.source = actor.id
        c.extra["source_from_pronoun"] = True


def _opens_report(pron: Token, quotes: list[tuple[int, int, str]]) -> bool:
    """Does the pronoun open its sentence and an indirect report whose reporter follows ("They
    burned the depot, a witness said")? The reporter tells of whom the story was about, as the
    writer would: the previous sentence's subject."""
    first = next((t for t in pron.sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.i == pron.i and any(
        s <= pron.idx < e and k == "indirect" for s, e, k in quotes)


def _pronoun(doc: Doc, arg: Arg) -> Token | None:
    """The argument's token if it is a third-person subject pronoun of its clause."""
    span = doc.char_span(arg.start, arg.end)
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.lower_ not in _SINGULAR | _PLURAL or tok.dep_ not in _SUBJ:
        return None
    if tok.lower_ in _SINGULAR and tok.head.lemma_ == "be":
        return None  # "it is easy to agree", "it's all very well criticising": no party
    return tok


def _named_before(actors: list[Actor], pron: Token) -> bool:
    """Does the pronoun's sentence name a party before it ("After talks with X, they ...")?"""
    lo = pron.sent.start_char
    return any(lo <= m.start < pron.idx for a in actors for m in a.mentions)


def _argument_before(pron: Token) -> bool:
    """Does its sentence have a noun argument before the pronoun ("asked 800 adults if they
    ...")? Then the pronoun may be about it, not about the sentence before."""
    return any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME")
               and (t.dep_ in _ARGS or (t.dep_ == "pobj" and t.tag_ in ("NNS", "NNPS")))
               for t in pron.sent if t.i < pron.i)


_ARGS = _SUBJ | _PASS_SUBJ | {"dobj", "dative"}


def _previous(doc: Doc, sent: Span) -> Span | None:
    """The sentence before ``sent``, over blank lines."""
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent if i >= 0 else None


def _antecedent(doc: Doc, pron: Token, actors: list[Actor], resolved: dict[int, Actor],
                coded: list[CodedEvent]) -> Actor | None:
    prev = _previous(doc, pron.sent)
    subj = _child(prev.root, _SUBJ | _PASS_SUBJ) if prev is not None else None
    if subj is None:
        return None
    if subj.i in resolved:
        actor = resolved[subj.i]
        return actor if subj.lower_ == pron.lower_ else None
    if subj.pos_ == "PRON" or _reported_by_other(doc, prev, subj):
        return None
    head = counted(subj)  # "thousands of farmers": the farmers, a plural whatever its tag
    plural = head is not subj or head.tag_ in ("NNS", "NNPS") or any(ch.dep_ == "conj" for ch in head.children)
    actor = _actor_at(head.idx, actors) or _read_actor(head, coded, actors)
    if actor is None or actor.kind == "person":
        return None
    if plural != (pron.lower_ in _PLURAL) and not (pron.lower_ in _PLURAL and actor.kind == "organization"):
        return None  # a named organisation is "they" too ("The Alliance agreed ... They will ...")
    return actor


def _reported_by_other(doc: Doc, sent: Span, subj: Token) -> bool:
    """Does the sentence report another party's words ("Courts should be the last resort, the
    committee said")? Then a "they" after it may be the speaker as well as the subject."""
    for q in ext(doc, "quotes") or ():
        cue, who = q.cue_span, q.speaker_span
        if cue is not None and who is not None and sent.start_char <= cue.start < sent.end_char \
                and not who.start <= subj.idx < who.end:
            return True
    return False


def _in_sentence(pron: Token, actors: list[Actor], coded: list[CodedEvent]) -> Actor | None:
    """"The rebels told reporters that they had taken the town", "troops were attacked after
    they tried to ...": a "they" in a clause under another whose subject is the one plural
    party the sentence names before the pronoun is that party. An "it" is the body that is
    the subject of the clause above it or of a clause before it that hangs on its own
    (:func:`_singular_in_sentence`)."""
    if pron.lower_ in _SINGULAR:
        return _singular_in_sentence(pron, actors, coded)
    if pron.lower_ not in _PLURAL:
        return None
    parties = [t for t in pron.sent if t.i < pron.i and _plural_party(t, actors)]
    if len(parties) != 1:
        return None
    for verb in pron.head.ancestors:
        subj = _child(verb, _SUBJ | _PASS_SUBJ)
        if subj is None:
            continue
        if counted(subj).i != parties[0].i:
            return None
        actor = _actor_at(parties[0].idx, actors) or _read_actor(parties[0], coded, actors)
        return actor if actor is not None and actor.kind != "person" else None
    return None


def _singular_in_sentence(pron: Token, actors: list[Actor], coded: list[CodedEvent]) -> Actor | None:
    """"The agency said on Monday that it was leaving", "Although the league has no army, it
    has rejected the plan": an "it" whose clause hangs under a verb with a subject, or whose
    verb has an adverbial clause before the pronoun with a subject, is that subject when it
    is a singular noun naming a body (not a person: a person is "he" or "she"; not a thing the
    parse reads as no actor)."""
    subj, verb = None, pron.head
    while subj is None and verb.dep_ in _CLAUSE_ABOVE and verb.head.i != verb.i:
        verb = verb.head  # not through a relative clause: "the soldiers it captured" is not the UN's
        subj = _child(verb, _SUBJ | _PASS_SUBJ)
    if subj is None:
        before = (c for c in pron.head.children if c.dep_ == "advcl" and c.i < pron.i)
        subj = next((s for c in before if (s := _child(c, _SUBJ | _PASS_SUBJ)) is not None and s.i < pron.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.tag_ in ("NNS", "NNPS") \
            or any(c.dep_ == "conj" for c in subj.children):
        return None
    actor = _actor_at(subj.idx, actors) or _read_actor(subj, coded, actors)
    return actor if actor is not None and actor.kind != "person" else None


_CLAUSE_ABOVE = {"ccomp", "xcomp", "advcl", "conj"}


def _plural_party(tok: Token, actors: list[Actor]) -> bool:
    """A plural noun that names a party ("the rebels", "thousands of farmers")."""
    counted_ = tok.head.lower_ == "of" and tok.head.head.lower_ in _COUNTS  # "thousands of Chileans"
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.tag_ not in ("NNS", "NNPS") and not counted_):
        return False
    return _names_party(tok) or _actor_at(tok.idx, actors) is not None


def _actor_at(at: int, actors: list[Actor]) -> Actor | None:
    return next((a for a in actors if any(m.start <= at < m.end for m in a.mentions)), None)


def _read_actor(head: Token, coded: list[CodedEvent], actors: list[Actor]) -> Actor | None:
    """The actor the coder gave a phrase it read as an event's party, when no actor mention
    covers the phrase (the coder reads countries the actor layer does not)."""
    by_id = {a.id: a for a in actors}
    for c in coded:
        for arg in (c.source, c.target):
            if arg is not None and arg.actor and arg.start <= head.idx < arg.end:
                return by_id.get(arg.actor)
    return None
