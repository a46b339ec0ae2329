"""Titles the sentence gives a name outside the parser's apposition: a loose apposition and a
predicate.

"Ana Ruiz, the Prime Minister of Ruritania condemned the vote" (the closing comma missing, so the
parser makes "Minister" the subject) and "..., Ana Ruiz, Premier of Ruritania, said" (the
apposition hung on an earlier noun) give her an office the apposition reader never sees; so do
"Ruiz will continue as prime minister", "Ruiz became interior minister" and "Ruiz, who was
elected president in May, ...". Both return the title's tokens, cut like an apposition's, for
:func:`.titles._title_parts`; :mod:`.persons` reads them only when no apposition or copula did.
"""

from __future__ import annotations

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge, _role
from .titles import _TITLE_EDGE, _kin

_OPENING_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "ROOT"})  # a name that opens its clause
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART"})
_PHRASE_ADPS = frozenset({"of"})  # "Premier of X"; not "for", "in", "at" (as an apposition is cut)
_PUNCT_IN_PHRASE = frozenset({"-", "'s", "’s"})
_PRESENT_OR_FUTURE = frozenset({"VBZ", "VBP", "VB", "VBG"})
MAX_PHRASE = 14


def loose_appositive(kb: Knowledge, span: TokSpan) -> list[Token]:
    """"Ana Ruiz, the Prime Minister of Ruritania condemned ...": the title phrase after a name and
    a comma, read over the tokens up to the next verb or comma, when its head (the last word
    before "of") is a person title of the curated roles. Only a name that opens its clause (a
    subject, or itself an apposition): after "a letter to Ana Ruiz," the phrase is the next
    clause's subject. Not a list of names or places, nor "X, son of Y" (Y's title)."""
    doc = span.doc
    end = span.end
    if span.root.dep_ not in _OPENING_DEPS or end + 2 >= len(doc) or doc[end].text != ",":
        return []
    toks: list[Token] = []
    for t in doc[end + 1:min(len(doc), end + 1 + MAX_PHRASE)]:
        if t.pos_ not in _PHRASE_POS and t.text not in _PUNCT_IN_PHRASE:
            break
        if t.pos_ == "ADP" and t.lower_ not in _PHRASE_ADPS:
            break
        if t.ent_type_ == "PERSON" and not _role(kb, t):
            return []  # "Ana Ruiz, Tom Reyes and ...": a list of names
        toks.append(t)
    stop = end + 1 + len(toks)
    if stop >= len(doc) or not (doc[stop].text == "," or doc[stop].pos_ in ("VERB", "AUX")):
        return []  # "Ana Ruiz, the president and the minister": not one phrase
    while toks and toks[0].lower_ in _TITLE_EDGE:
        toks.pop(0)
    if not toks or _kin(toks[0]):
        return []
    of_at = title_head_end(toks)
    if of_at == 0 or not _person_title(kb, toks[of_at - 1]):
        return []  # "Ana Ruiz, a minister's daughter"; "Ana Ruiz, Ruritania": no title head
    return toks


def title_head_end(toks: list[Token]) -> int:
    """Where a title's own words end: at its "of" ("leader | of the Labor party"). The
    words after it name a body or a place that may be an actor of its own."""
    return next((k for k, t in enumerate(toks) if t.lower_ in _PHRASE_ADPS), len(toks))


def predicate_title(kb: Knowledge, span: TokSpan) -> tuple[list[Token], list[Token]]:
    """"Ruiz will continue as prime minister", "Ruiz became interior minister", "Ruiz was elected
    president", "Ruiz, who became chief executive of X": the office a clause gives the name as
    taken or kept (the ``office_verbs``, ``office_passive_verbs`` and ``office_keep_verbs`` of the
    knowledge file's ``descriptors``), cut like an apposition, and the whole phrase (for the
    bodies named in it). Taking one counts only when done ("X would become CEO", "X becomes the
    next president" are hopes) and, for "elect", "appoint", "name", in the passive ("X named Y
    chairman" is Y's office); keeping one ("continue as", "serve as") only in the present or
    future: "X served as premier" is past."""
    passive = kb.descriptors.get("office_passive_verbs", frozenset())
    verbs = kb.descriptors.get("office_verbs", frozenset()) | passive
    keep = kb.descriptors.get("office_keep_verbs", frozenset())
    root = span.root
    clauses = [c for c in root.rights if c.dep_ == "relcl"
               and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("who", "that") for w in c.lefts)]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        clauses.append(root.head)
    for verb in clauses:
        lemma = verb.lemma_.lower()
        if lemma not in verbs and lemma not in keep:
            continue
        if any(c.dep_ in ("dobj", "dative") for c in verb.children) or (
                lemma in passive and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
            continue  # "Ruiz named Reyes chairman", "Ruiz appointed him as minister": the object's office
        if (lemma in keep and not _present_or_future(verb)) or (lemma in verbs and not _realised(verb)):
            continue
        if (head := _office_noun(kb, verb)) is not None:
            return _title_tokens(kb, head), list(head.subtree)
    return [], []


def _office_noun(kb: Knowledge, verb: Token) -> Token | None:
    """The title noun a verb of taking or keeping an office names: its attribute or object
    predicate ("became minister", "was elected president") or the object of its "as"."""
    past = kb.descriptors.get("past_words", frozenset())
    future = kb.descriptors.get("future_words", frozenset())  # "X becomes the next president": a hope
    for c in verb.rights:
        head = c if c.dep_ in ("attr", "oprd") else None
        if c.dep_ == "prep" and c.lower_ == "as":
            head = next((g for g in c.children if g.dep_ == "pobj"), None)
        if head is None:
            continue
        if any(t.ent_type_ == "PERSON" and not _role(kb, t) for c in head.lefts for t in c.subtree):
            return None  # "Ruiz named Ana Reyes chairman" read as one noun: the title is the name's
        if _person_title(kb, head) and not any(t.lower_ in past or t.lower_ in future for t in head.lefts):
            return head
        return None
    return None


def _title_tokens(kb: Knowledge, head: Token) -> list[Token]:
    """A title noun with its modifiers and its "of" phrase, as an apposition is cut."""
    toks = [t for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "poss") for t in c.subtree]
    toks += [head] + [t for p in head.rights if p.dep_ == "prep" and p.lower_ in _PHRASE_ADPS for t in p.subtree]
    ordered = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    return [t for t in ordered if (t.lower_ not in _TITLE_EDGE or t.lower_ == "of")
            and not (t.pos_ == "ADJ" and _person_title(kb, t))]  # "official trial observer": an adjective


def _realised(verb: Token) -> bool:
    """Has the office been taken: not "X would become CEO", "X could be elected president", "X is
    expected to become premier" (a modal, or a clause under another verb's "to")."""
    return verb.dep_ != "xcomp" and not any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to")
                                            for c in verb.lefts)


def _present_or_future(verb: Token) -> bool:
    """"X will continue as premier", "X remains president"; not "X served as premier"."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.lefts):
        return True
    return verb.tag_ in _PRESENT_OR_FUTURE and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.lefts)


def _person_title(kb: Knowledge, tok: Token) -> bool:
    role = _role(kb, tok)
    return role is not None and role[0] == "person"
