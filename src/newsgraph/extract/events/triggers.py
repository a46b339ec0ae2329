"""Finding triggers: a verb with its particles, prepositions and objects ("crack down on",
"impose sanctions"), or a noun with its modifiers ("air strike"), matched against the lexicon."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .countries import _OBJ, _PASS_SUBJ
from .lexicon import LexEntry, Lexicon
from .syntax import _actor_like, _headline_verb

# --------------------------------------------------------------------------- triggers


def _verb_context(tok: Token) -> tuple[set[str], list[Token]]:
    """Words a verb pattern may name, and the object tokens a match would consume."""
    words: set[str] = set()
    objs: list[Token] = []
    for c in tok.children:
        dep = c.dep_
        if dep == "prt":
            words.add(c.lower_)
        elif dep in ("prep", "agent"):
            words.add(c.lower_)
            for p in c.children:
                if p.dep_ == "pobj":
                    words.add(p.lemma_.lower())
                    objs.append(p)
        elif dep in _OBJ or dep in _PASS_SUBJ or dep == "xcomp":
            words.add(c.lemma_.lower())
            if dep != "xcomp":
                objs.append(c)
            for g in c.children:
                if g.dep_ in ("compound", "amod", "prt"):
                    words.add(g.lemma_.lower())
                elif g.dep_ == "prep":
                    words.add(g.lower_)
                    words.update(p.lemma_.lower() for p in g.children if p.dep_ == "pobj")
                elif g.dep_ == "aux" and dep == "xcomp":
                    words.add(g.lower_)
        if (dep in _OBJ or dep in _PASS_SUBJ) and _actor_like(c, owner=False):
            words.add("@actor")  # the object is a party, not something a party owns ("welcomed Reagan's statement")
    return words, objs


def _noun_context(tok: Token) -> set[str]:
    words = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            words.add(c.lemma_.lower())
        elif c.dep_ == "prep":
            words.add(c.lower_)
    return words


def _find_triggers(doc: Doc, lex: Lexicon) -> list[tuple[Token, LexEntry, list[Token]]]:
    """(trigger token, entry, consumed object tokens) in token order, one per token.
    The dependency context is only built for words the lexicon has entries for."""
    found: list[tuple[Token, LexEntry, list[Token]]] = []
    consumed: set[int] = set()
    for tok in doc:
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        if pos in ("VERB", "AUX") or (pos == "NOUN" and tok.tag_.startswith("VB")):
            if pos == "AUX" and tok.dep_ in ("aux", "auxpass"):
                continue
            head = lemma if lex.candidates("verb", lemma) else tok.lower_
            cands = lex.candidates("verb", head)
            if not cands:
                continue
            if not cands[0].extras:  # only bare patterns (most specific first): no context to read
                found.append((tok, cands[0], []))
                continue
            words, objs = _verb_context(tok)
            entry = lex.match("verb", head, words)
            if entry:
                used = [o for o in objs if o.lemma_.lower() in entry.extras]
                consumed.update(o.i for o in used)
                found.append((tok, entry, used))
        elif pos == "NOUN" and tok.tag_ == "NNS" and lex.candidates("verb", lemma) and _headline_verb(tok) \
                and (entry := lex.match("verb", lemma, set())):
            found.append((tok, entry, []))
        elif pos in ("NOUN", "PROPN") and tok.i not in consumed and not (pos == "PROPN" and tok.ent_type_):
            head = lemma if lex.candidates("noun", lemma) else tok.lower_
            if lex.candidates("noun", head) and (entry := lex.match("noun", head, _noun_context(tok))):
                found.append((tok, entry, []))
    # "off" rows name readings that are no event ("a trade war"): they win by being specific
    return [f for f in found if f[0].i not in consumed and "off" not in f[1].flags]
