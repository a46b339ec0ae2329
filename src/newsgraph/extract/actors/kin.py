"""A person named as a relative of a placed person takes that person's country: "Pedro Ruiz,
the father of Ana Ruiz", "Ana Ruiz's father Pedro Ruiz", "Maria Lopez, Ruiz's widow".

CAMEO codes a private person by their country; a detainee's father, a victim's widow or a
leader's son who speaks for the family is, unless the text says otherwise, of the relative's
country. The story passes cannot place them when the story names two countries (a detainee
held abroad, a family suing a foreign state), and a kin noun is no title that places. Only the
relative the person's own phrase names (the kin noun in apposition to the name, its possessor
or its "of" object), a person with a country; never a nationality the text gives the person
(the described noun, read earlier), not a stateless name, nor a lower-case "name" (a misread
phrase). The relative's country is taken as the passes before gave it, right or wrong.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import ext
from .home import _stateless
from .knowledge import load_knowledge


def _kin_noun(tok: Token) -> bool:
    kin = load_knowledge().kin_nouns
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in kin or tok.lower_ in kin)


def _relatives(name: Token) -> list[Token]:
    """The tokens naming whose relative the person is: the possessor or "of" object of a kin noun
    in apposition to the name, either way round ("X, the son of Y"; "Y's son X", "Y's son, X")."""
    nouns = [c for c in name.children if c.dep_ == "appos" and _kin_noun(c)]
    if name.dep_ == "appos" and _kin_noun(name.head):
        nouns.append(name.head)
    out: list[Token] = []
    for noun in nouns:
        out += [c for c in noun.children if c.dep_ == "poss"]
        out += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]
    return out


def place_kin(doc: Doc, actors: list[Actor]) -> None:
    """Give a person with no country the one country of the placed people their kin phrase names."""
    people = [(m.start, m.end, a) for a in actors if a.kind == "person" and a.country and a.sector != "IGO"
              for m in a.mentions]
    if not people:
        return
    for actor in actors:
        if actor.kind != "person" or actor.country or actor.sector == "IGO" or not actor.name[:1].isupper():
            continue  # a lower-case "name" is a phrase the tagger misread, not a person
        found: set[str] = set()
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for tok in _relatives(span.root):
                found.update(a.country for s, e, a in people if a is not actor and s <= tok.idx < e)
        if len(found) == 1 and not _stateless(actor.name, ext(doc, "published")):
            actor.country = found.pop()
