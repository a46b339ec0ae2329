"""Where and when an event happened, and who reports it: the date, place and attribution
read from the trigger's clause."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Doc, Token

from .. import ext, kept_per_doc
from ..tokens import sentence_bounds
from .modality import _REPORT
from .resolve import _PLACE_HEADS, _resolve
from .syntax import Arg, _child, _clause_subject, counted

# --------------------------------------------------------------------------- dates, places, claims


def _attach_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of a char span, or None if it does not align."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attach_node(root: Token) -> Token:
    """What a time or place phrase modifies: its head, skipping prepositions and adverbs
    ("back in September" -> the verb)."""
    n = root.head
    while n.pos_ in ("ADP", "ADV") and n.head.i != n.i:
        n = n.head
    return n


def _right_after(trig: Token, time_root: Token) -> bool:
    """A time right after a nominal's phrase, attached higher up by the parser ("a visit by
    Lavrov to Minsk on Thursday" with "on Thursday" on the main verb): it dates the noun."""
    right = trig.right_edge.i
    first = time_root.left_edge.i
    return first in (right + 1, right + 2) and not any(t.pos_ == "VERB" for t in trig.doc[right + 1:first])


def _clause_chain(anchor: Token) -> list[Token]:
    """The anchor and the clauses it is coordinated with or a complement of."""
    chain = [anchor]
    a = anchor
    while a.head.i != a.i and a.dep_ in ("conj", "xcomp", "ccomp", "advcl"):
        a = a.head
        chain.append(a)
    return chain


def _pick_date(times: list[tuple[Token, Token, str]], trig: Token, anchor: Token,
               nominal: bool, hypothetical: bool) -> str | None:
    """The date of the time attached to the trigger (or inside / right after a nominal
    trigger's phrase), else to its clause or an enclosing clause. A hypothetical event
    reported by a dated statement takes the statement's date (the intent is what is coded)."""
    start, end = sentence_bounds(trig.doc, trig.i)  # not trig.sent, which walks the sentence
    local = [(r, n, v) for r, n, v in times if start <= r.i < end]
    if not local:
        return None
    if nominal:
        for r, n, v in local:
            if trig.is_ancestor(r) or r.i == trig.i or _right_after(trig, r):
                return v
    chain = _clause_chain(anchor)
    if trig not in chain:
        chain.insert(0, trig)
    found = [(k, v) for k, node in enumerate(chain) for r, n, v in local if n.i == node.i]
    if not found:
        return None
    if hypothetical:
        for k, v in found:
            if k > 0 and chain[k].lemma_.lower() in _REPORT:
                return v
    return found[0][1]


def _pick_place(places: list[tuple[Token, Token, int]], nodes: set[int]) -> int | None:
    """A place in a prepositional phrase attached to the trigger, its clause verb or object."""
    for r, n, idx in places:  # the node first: most places are attached elsewhere (no label decoded)
        if n.i in nodes and r.dep_ == "pobj" \
                and r.head.lower_ in ("in", "to", "at", "near", "into", "inside", "outside"):
            return idx
    return None


_LOCATIVE = ("in", "to", "at", "into", "inside", "across", "throughout", "near")
_CLAUSE_EDGES = {"ccomp", "advcl", "pcomp", "parataxis"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "outside", "inside", "near"}


def _clause_place(places: list[tuple[Token, Token, int]], anchor: Token, src: Arg | None,
                  triggers: Collection[int] = ()) -> int | None:
    """A locative place anywhere in the event's own clause, not in a clause below it or in
    the source's phrase ("the curfew imposed in Uganda", "a research centre in Tokyo"): where
    an untargeted act happens, for its target only (the event's place stays as attached).

    The walk up from a place does not depend on the event, so it is done once per document
    (:func:`_clause_place_index`) and each event looks its anchor up."""
    global _CLAUSE_PLACES
    if _CLAUSE_PLACES[0] is not places or _CLAUSE_PLACES[1] is not triggers:
        _CLAUSE_PLACES = (places, triggers, _clause_place_index(places, triggers))
    for r, idx in _CLAUSE_PLACES[2].get(anchor.i, ()):
        if src is not None and src.start <= r.idx < src.end:
            continue
        return idx
    return None


_CLAUSE_PLACES: tuple[object, object, dict[int, list[tuple[Token, int]]]] = (None, None, {})
kept_per_doc(__name__, "_CLAUSE_PLACES", lambda: (None, None, {}))


def _clause_place_index(places: list[tuple[Token, Token, int]],
                        triggers: Collection[int]) -> dict[int, list[tuple[Token, int]]]:
    """Each locative place, in order, under every token its clause reaches: from the place up
    its heads, stopping at the root, a clause edge or another event's conjoined trigger."""
    index: dict[int, list[tuple[Token, int]]] = {}
    for r, _, idx in places:
        if r.dep_ in ("appos", "poss", "compound") and r.head.dep_ == "pobj":
            r = r.head  # "in Ruritania's capital Strelsau"
        if r.dep_ != "pobj" or not (r.head.lower_ in _LOCATIVE or (
                r.head.lower_ == "of" and r.head.head.lower_ in _DIRECTIONS | _PLACE_HEADS)):
            continue  # "in Strelsau", "east of Zenda", "in the southern town of Zenda"
        a = r
        index.setdefault(a.i, []).append((r, idx))
        while a.head.i != a.i and a.dep_ not in _CLAUSE_EDGES \
                and not (a.dep_ == "conj" and a.i in triggers):  # another event's clause
            a = a.head
            index.setdefault(a.i, []).append((r, idx))
    return index


def _group_country(tok: Token, arg: Arg | None, place_at: list, places: list, anchor: Token,
                   triggers: Collection[int]) -> Arg | None:
    """A group named by a plain plural noun ("students", "prisoners", "demonstrators") with no
    country of its own is of the country its act takes place in ("demonstrators protesting
    in Monrovia"), as CAMEO coders read it; named people and organisations are not. So is a
    government that acts "in" a country ("the military government declared martial law in
    Guinea"), but not one acting "at" or "to" a place."""
    tok = counted(tok)
    government = tok.lower_ in _GOVERNMENTS
    if arg is None or arg.country or arg.sector == "IGO" or (tok.tag_ not in ("NNS", "NNPS") and not government) \
            or tok.ent_type_ not in ("", "NORP"):  # "ethnic Albanians" (NORP) have no country of their own
        return arg
    if any(c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper() and c.lower_ != "ethnic"
           for c in tok.lefts):
        return arg  # "South American leaders met in Lima", "Western diplomats in Kyiv": not locals
    where = _clause_place(place_at, anchor, arg, triggers)
    if where is not None and government and not any(i == where and "in" in (r.head.lower_, r.head.head.lower_)
                                                    for r, _, i in place_at):
        return arg  # "in Chad", "in Chad's capital N'Djamena"; not "sent troops to Chad"
    country = getattr(places[where], "country", None) if where is not None else None
    return replace(arg, country=country) if country else arg


_GOVERNMENTS = {"government", "regime", "junta", "administration", "cabinet", "authorities"}


def _claim_source(doc: Doc, trig: Token) -> str | None:
    for cl in ext(doc, "claims") or ():
        if cl.start <= trig.idx < cl.end and cl.source:
            return cl.source
    for q in ext(doc, "quotes") or ():
        if q.start <= trig.idx < q.end and q.speaker and q.kind != "direct":
            return q.speaker
    return None


def _report_source(doc: Doc, anchor: Token, places: list) -> tuple[str | None, Arg | None]:
    """Fallback attribution: the subject of a reporting verb the clause is a complement of."""
    v = anchor
    for _ in range(4):
        if v.head.i == v.i:
            break
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in _REPORT:
            subj, _ = _clause_subject(v.head)
            arg = _resolve(doc, subj, places)
            return (arg.actor if arg else None), arg
        v = v.head
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            p = _child(_child(c, ("prep",)) or c, ("pobj",))
            arg = _resolve(doc, p, places)
            return (arg.actor if arg else None), arg
    return None, None
