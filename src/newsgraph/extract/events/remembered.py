"""Acts named as what is remembered or mourned: background, not new events (session 14).

A story names a past act as the reason for a ceremony or as what made someone a victim: "a
vigil will mark the anniversary of the bombing", "the commemoration of the massacre will be
held on Sunday", "a vigil for those hurt in the raid", "the widows of soldiers who were
killed". The act is not the story's news; coded, it also took the future of the verb over
the ceremony (the nominal's anchor, :func:`.nominal._nominal_anchor`) and became a threat. The
words are data (``remembering`` and ``bereaved`` in ``events_background.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .background import _words
from .coded import CodedEvent


def _first(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "the attack and other bombings"
    return tok


def _remembering_noun(noun: Token) -> Token | None:
    """The noun of remembrance or bereavement ``noun`` is the "of"/"for" complement or the
    possessor of: "anniversary of [the bombing]", "victims of [the raid]", "[the raid]'s victims"."""
    noun = _first(noun)
    if noun.dep_ == "poss":
        head = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("of", "for") and noun.head.dep_ == "prep":
        head = noun.head.head
    else:
        return None
    if head.dep_ in ("attr", "oprd"):
        return None  # "he was the victim of a beating": what happened to him, the news
    lem = head.lemma_.lower()
    return head if head.pos_ == "NOUN" and lem in _words("remembering") | _words("bereaved") else None


def remembered_act(doc: Doc, c: CodedEvent) -> bool:
    """A nominal act remembered or mourned ("the anniversary of the massacre", "a vigil for
    those hurt in the shelling"), or an act told of the dead whose kin or victims are named
    ("the families of soldiers who were killed", "mothers of murdered villagers"): background.
    A dated verb ("relatives of men who were shot on Monday") may be the news and stays."""
    tok = doc[c.trigger_i]
    if c.nominal:
        return _remembering_noun(tok) is not None
    # the construction first: most verbs are no participle, and a date is read off the whole subtree
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.i < tok.head.i:  # "murdered villagers"
        person = tok.head
    elif tok.dep_ in ("relcl", "acl") and tok.tag_ == "VBN":  # "soldiers (who were) killed"
        person = tok.head
    else:
        return False
    if c.event.date or any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False  # "men who were shot on Monday": the news, whether or not the date resolved
    head = _remembering_noun(person)
    return head is not None and head.lemma_.lower() in _words("bereaved")
