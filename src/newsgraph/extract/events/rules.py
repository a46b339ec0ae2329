"""Acts a law states, not acts done: the content of a standing rule (session 19).

A story quotes what a law, a constitution or a statute says: "the law requires that every
candidate must file ...", "the constitution bars the president from seeking a third term",
"legislation that calls for building a wall", "a statute that allows guards to fire on
intruders". The verb and the acts in its complements were coded as events — a demand with the
law or its state as the source, a ban, a permission, a shooting — but they describe a rule, not
an occurrence, and the events_dev guideline does not code generic descriptions. The act of
passing, signing or striking down the law is told with the law as object or passive subject
("parliament passed the law", "the law was struck down") and stays. The nouns are data
(``rule`` in ``events_background.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .background import _words
from .coded import CodedEvent

#: Dependencies a rule's content hangs on below its verb: "says [they] must [file]", "bars X
#: from [seeking]", "calls for [building]", "allows guards to [fire]", and their conjuncts.
_CONTENT = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "conj"}
_RELATIVE = {"that", "which"}
_CLIMB = 4  # heads climbed from the trigger to the rule's verb


def _subject(verb: Token) -> Token | None:
    """The verb's active subject, a relative pronoun standing for the noun it modifies ("a law
    that bans ...": the law). A named subject beside the pronoun wins ("a law which critics
    allege curtails ...": the critics allege)."""
    subjs = [ch for ch in verb.children if ch.dep_ == "nsubj"]
    named = [s for s in subjs if s.lower_ not in _RELATIVE]
    if named:
        return named[0] if len(named) == 1 else None  # two subjects: a misparse, trust neither
    if subjs and verb.dep_ == "relcl":
        return verb.head
    return None


def _is_rule(noun: Token | None) -> bool:
    """A noun of a standing rule (``rule`` in the data), not a person named Law."""
    return noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.ent_type_ != "PERSON" \
        and noun.lemma_.lower() in _words("rule")


def _done_by_others(doc: Doc, c: CodedEvent, verb: Token) -> bool:
    """Is the act's source named in a "from" or "by" phrase of the rule's verb ("the charter
    came under fire from the unions"): what others do to the law, not what it says?"""
    src = c.source
    if src is None:
        return False
    return any(a.dep_ == "pobj" and a.head.lower_ in ("from", "by") and a.head.head.i == verb.i
               for t in verb.sent if src.start <= t.idx < src.end
               for a in (t, *t.ancestors))  # "from [Buddhist] monks": the modifier's head


def rule_content(doc: Doc, c: CodedEvent) -> bool:
    """Is ``c``'s trigger a verb whose subject is a rule, or an act in such a verb's
    complements (module docstring)? Verbs only: a noun under the rule's verb is often what
    others do to the law ("the charter drew protests")."""
    tok = doc[c.trigger_i]
    if c.nominal or tok.pos_ not in ("VERB", "AUX"):
        return False  # "the law faced criticism", "came under attack": what others do to it
    for _ in range(_CLIMB + 1):
        if tok.pos_ in ("VERB", "AUX") and _is_rule(_subject(tok)):
            return not _done_by_others(doc, c, tok)
        if tok.dep_ not in _CONTENT or not tok.head.i < tok.i:
            return False  # a rule's content follows its verb; "X condemned ...; the law bars" does not
        if tok.dep_ == "conj" and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children):
            return False  # "the law took effect and police arrested ...": a clause of its own
        tok = tok.head
    return False
