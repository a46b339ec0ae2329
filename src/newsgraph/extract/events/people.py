"""People named by a common noun as an event's side ("attackers abducted two schoolchildren",
"a passerby refused to shake his hand"): the argument reader takes names and a short list of
agent words as parties, and the actor layer makes actors of the curated role nouns; a subject or
object headed by another word for people was left with no side. ``data/people.tsv`` lists such
words with their CAMEO sector; :func:`people_sector` reads one off a phrase head, so that the
argument becomes a group actor (``settle``) that, when domestic, takes the story's country.
Not a generic use ("any passerby"), nor one in a clause a modal or "if" makes unreal
("families will welcome it"), nor a crowd that only moves ("the crowd dispersed").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .. import data_rows
from ..actors import load_knowledge

_GENERIC = frozenset({"any", "no", "every", "each", "whichever", "whatever"})
_UNREAL = frozenset({"if", "unless", "whether"})
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


@lru_cache(maxsize=1)
def people_nouns() -> tuple[dict[str, str], frozenset[str]]:
    """(noun lemma or "compound head" -> CAMEO sector, the gathering nouns), from ``data/people.tsv``."""
    rows = data_rows("people.tsv")
    return ({r[0].lower(): r[1] for r in rows},
            frozenset(r[0].lower() for r in rows if len(r) > 2 and r[2].startswith("gathering")))


def people_sector(tok: Token) -> str | None:
    """The sector of the people a noun phrase head names ("attackers" REB, "a suicide bomber"
    INS, "the crowd" CVL), or None: not a listed noun, a name, or a use that names no one."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in _NAMES:
        return None
    nouns, gatherings = people_nouns()
    lemma = tok.lemma_.lower()
    before = [c for c in tok.children if c.i < tok.i]
    sector = next((s for c in before if c.dep_ == "compound" and (s := nouns.get(f"{c.lower_} {lemma}"))), None)
    sector = sector or nouns.get(lemma) or nouns.get(tok.lower_) or _private(tok)
    if sector is None or any(c.lower_ in _GENERIC for c in before) or _unreal(tok):
        return None
    if lemma in gatherings and _only_moves(tok):
        return None  # "the crowd dispersed": it moves, it does not act on anyone
    return sector


def _only_moves(tok: Token) -> bool:
    """Is a crowd word the subject of a verb with no object ("most of the crowd dispersed",
    "crowds that flocked to the event"), not of one acting on someone ("a mob beat him")?"""
    arg = tok
    while arg.dep_ in ("pobj", "prep") and arg.head is not arg:
        arg = arg.head  # "most of the crowd"
    verbs = [arg.head] if arg.dep_ == "nsubj" else []
    verbs += [c for c in tok.children if c.dep_ == "relcl"]
    return any(not any(c.dep_ in ("dobj", "obj") for c in v.children) for v in verbs)


def _private(tok: Token) -> str | None:
    """CVL for a private person's noun of the curated roles ("a shopkeeper", "a witness"): the
    actor layer makes a group of the plural, but leaves the singular, a person it cannot name."""
    kb = load_knowledge()
    role = kb.roles.get(tok.lemma_.lower()) or kb.roles.get(tok.lower_)
    return "CVL" if role == ("person", "CVL") else None


def _unreal(tok: Token) -> bool:
    """Is the noun's clause, or one of the two above it, made unreal by a modal ("will welcome",
    "can support") or opened by "if"/"unless"?"""
    verb = tok.head
    for _ in range(3):
        if any((c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "mark" and c.lower_ in _UNREAL)
               for c in verb.children):
            return True
        if verb.head is verb:
            break
        verb = verb.head
    return False
