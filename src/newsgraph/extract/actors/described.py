"""A person's country from the common noun that describes them: "the Ruritanian detainee, Ana
Ruiz", "a Ruritanian farmer named Ana Ruiz", "Ana Ruiz of the Ruritanian farmers' union".

The noun is no title (a detainee, a farmer, a victim), so the title reading leaves it; its
nationality word is the person's (or their employer's) all the same. Read only from the noun
the name is bound to by the parse (a reverse apposition, "named"/"called", an "of"/"from"
employer phrase), never from the sentence around: a story about several countries names them
all, and the sentence's countries were measured wrong for people (session 19).
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from .countries import not_nationality
from .knowledge import Knowledge, _role, country_of
from .state import _entity_text

_NAMING = frozenset({"name", "call"})
_EMPLOYER = frozenset({"of", "from"})


def _nationality(tok: Token) -> str | None:
    """The country of a nationality or country word modifying a noun, not one joined by a
    hyphen to another word ("Anglo-Ruritanian": a body of two) nor a cause ("pro-Ruritania")."""
    if tok.dep_ not in ("amod", "compound", "nmod") or not tok.text[:1].isupper() or not_nationality(tok):
        return None
    doc = tok.doc
    if (tok.i > 0 and doc[tok.i - 1].text == "-") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"):
        return None
    if tok.ent_type_ in ("NORP", "GPE"):
        return country_of(_entity_text(tok))
    return country_of(tok.text) if tok.ent_type_ in ("", "ORG") else None


def _noun_country(kb: Knowledge, noun: Token) -> str | None:
    """The one country the modifiers of a describing noun give; not a named thing ("an Acme
    Newspaper": capitalised inside a sentence) nor a body noun (a paper, a party: its own actor)."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or ((role := _role(kb, noun)) is not None and role[0] != "person"):
        return None
    words = [t for m in noun.lefts for t in ([m, *m.lefts] if m.dep_ in ("poss", "compound") else [m])]
    found = {c for t in words if (c := _nationality(t))}  # "the X farmers' union": one word down
    return found.pop() if len(found) == 1 else None


def _described_noun(span: TokSpan) -> Token | None:
    """The common noun a name is bound to: the head of a reverse apposition ("the X detainee, Ana
    Ruiz") or the noun a "named"/"called" clause describes ("a X farmer named Ana Ruiz")."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        return root.head
    verb = root.head
    if root.dep_ in ("oprd", "dobj", "attr", "xcomp") and verb.lemma_.lower() in _NAMING and verb.dep_ == "acl":
        return verb.head
    return None


def _employer_noun(span: TokSpan) -> Token | None:
    """"Ana Ruiz of the X farmers' union", "Ana Ruiz, from a X charity": the employer's noun."""
    for prep in span.root.rights:
        if prep.dep_ == "prep" and prep.lower_ in _EMPLOYER and prep.i <= span.end + 1:
            return next((c for c in prep.rights if c.dep_ == "pobj"), None)
    return None


def described_country(kb: Knowledge, span: TokSpan) -> str | None:
    """The country the describing noun of a person's name gives, else None."""
    for noun in (_described_noun(span), _employer_noun(span)):
        if noun is not None and (code := _noun_country(kb, noun)):
            return code
    return None
