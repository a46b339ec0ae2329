"""What the article calls an organisation: the noun phrase about its name gives its sector.

A party, movement or armed group the knowledge base does not know is still described by the
text: "the ruling Green Dawn party", "the main opposition party's KDP", "Vanguard Front, a
separatist group", "the KNU (the governing party)", "the Front is a militant organisation". A
phrase whose head is a body noun (the ``heads`` of the knowledge file's ``descriptors``) and
whose modifiers say what kind of body (``modifiers``: ruling -> GOV, opposition -> OPP, rebel ->
REB, militant -> INS) gives the organisation that sector; a party with no such word is LEG
(``party_heads``: newsgraph codes parties LEG). A sector the domestic pass knows, it then also
takes the story's country (:mod:`.story`).

The phrases read, all within a few words of one mention: the words right before the name (over
a possessive "'s"), a body noun right after it ("the X party"), an apposition on either side, a
parenthesis right after it, and the predicate of "X is a ..." with the name as subject.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from .. import data_rows
from .knowledge import Knowledge, noun_sector

MAX_BEFORE = 5  # words of a descriptor before a name ("the main opposition party's")
MAX_PAREN = 8  # words of a parenthesis after a name ("(the ruling political party)")
_DESCRIPTOR_POS = frozenset({"ADJ", "NOUN", "VERB"})  # "ruling" may be tagged a verb


def described_sector(kb: Knowledge, span: TokSpan) -> tuple[str | None, list[Token]]:
    """(sector, the words that gave it) from the first phrase describing the name as a body of
    one kind; (None, []) when no phrase does."""
    for phrase in _phrases(kb, span):
        sector, words = _sector_of(kb, phrase)
        if sector is not None:
            return sector, words
    return None, []


@lru_cache(maxsize=1)
def _body_words() -> dict[str, dict[str, str]]:
    """kind (``noun``, ``tail``) -> word or phrase -> sector (``body_nouns.tsv``)."""
    out: dict[str, dict[str, str]] = {}
    for kind, word, sector, *_ in data_rows("body_nouns.tsv"):
        out.setdefault(kind, {})[word.lower()] = sector
    return out


def body_sector(kb: Knowledge, span: TokSpan) -> str | None:
    """The sector of the common noun the nearest describing phrase is headed by ("Kestrel Herald, a
    major Ruritanian newspaper": MED; "Acme is a mining company": BUS; "the charity Hope Aid":
    NGO), read in the same phrases as :func:`described_sector`; None when none names a body of
    one kind (``body_nouns.tsv``)."""
    for phrase in _phrases(kb, span):
        head = _phrase_head(phrase, span)
        if head is None or head.pos_ != "NOUN" or head.tag_ not in ("NN", "NNS") or _owner_or_part(head, span):
            continue
        if sector := noun_body_sector(head):
            return sector
    return None


def _phrase_head(phrase: list[Token], span: TokSpan) -> Token | None:
    """The first word of a phrase the parse hangs outside it: "an Internet research company
    that tracks web traffic" is a company; a word modifying another than the name is no head
    ("the school-based drama", cut at the hyphen: "school" modifies "based"), one modifying the
    name is ("mining company Acme")."""
    ids = {t.i for t in phrase}
    outside = [t for t in phrase if t.head.i not in ids or t.head.i == t.i]
    head = outside[0] if outside else None
    if head is None or (head.dep_ in ("compound", "amod", "nmod", "npadvmod")
                        and not span.start <= head.head.i < span.end):
        return None
    return head


def noun_body_sector(head: Token) -> str | None:
    """The sector ``body_nouns.tsv`` gives a common noun naming a body, with the word right
    before it when that modifies it ("radio station")."""
    nouns, doc = _body_words().get("noun", {}), head.doc
    prev = doc[head.i - 1] if head.i and doc[head.i - 1].head.i == head.i else None
    pair = f"{prev.lower_} {head.lemma_.lower()}" if prev is not None else ""
    return nouns.get(pair) or nouns.get(head.lemma_.lower()) or nouns.get(head.lower_)


def _owner_or_part(head: Token, span: TokSpan) -> bool:
    """"the company's X": X is what the body owns (a product, a brand), not the body; right
    after the name, "the X bank of the river" (a part of something) and "the X website" (a
    thing the body has, ``owned`` in ``body_nouns.tsv``) say nothing of what X is."""
    doc = head.doc
    if head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "POS":
        return True
    if head.i != span.end:
        return False
    if head.tag_ != "NN":
        return True  # "products by X companies": companies of X's kind
    owned = head.lemma_.lower() in _body_words().get("owned", {}) and "." not in span.text
    return owned or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)


def name_tail_sector(name: str) -> str | None:
    """The sector the last words of an organisation's name give ("the Ruritanian Defence
    Force": MIL; "the Ruritanian Food Safety Commission": GOV), from ``body_nouns.tsv``'s
    ``tail`` rows. A one-word tail needs a word before it: a bare "Commission" is one named
    earlier, read elsewhere."""
    tails, words = _body_words().get("tail", {}), [w for w in name.lower().split() if w != "the"]
    return next((tails[t] for n in (3, 2, 1) if len(words) > max(n - 1, 1)
                 and (t := " ".join(words[-n:])) in tails), None)


def _phrases(kb: Knowledge, span: TokSpan) -> list[list[Token]]:
    """Candidate descriptor phrases around a name, nearest first."""
    doc, root = span.doc, span.root
    out: list[list[Token]] = []
    before = _words_before(span)
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN":  # "the ruling Green Dawn party"
        out.append([*before, doc[span.end]])
    modifies_next = root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end
    if len(span) > 1 and (span[-1].pos_ == "NOUN" or (_named_head(kb, span[-1]) and not modifies_next)):
        out.append([*before, span[-1]])  # "the ruling X Party"; not "the incumbent X Party government"
    if before and not (root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end
                       and noun_sector(kb, root.head) is not None):
        out.append(before)  # not "the party's Treasury spokesman": the words there describe the spokesman
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.ent_type_ != "PERSON":
            out.append(_with_modifiers(child))  # "X, a separatist group"
    if root.dep_ == "appos" and root.head.i < span.start and root.head.ent_type_ == "":
        out.append(_with_modifiers(root.head))  # "the governing party, X"
    if span.end + 1 < len(doc) and doc[span.end].text in ("(", ",") and doc[span.end + 1].pos_ == "DET":
        closer = ")" if doc[span.end].text == "(" else None  # "X (the ruling party)", "X, the ruling party,"
        inside = []
        for t in doc[span.end + 1:min(len(doc), span.end + 1 + MAX_PAREN)]:
            if t.text == closer or (closer is None and t.is_punct) or t.pos_ == "ADP":
                break  # "X, the ruling party in the north,": the phrase ends at its head
            inside.append(t)
        out.append(inside)  # the parser may hang it elsewhere ("supporters of X, the ruling party")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":  # "X is a militant group"
        out += [_with_modifiers(c) for c in root.head.children if c.dep_ == "attr"]
    return out


def _words_before(span: TokSpan) -> list[Token]:
    """The adjectives and common nouns right before a name, over a possessive ("the main
    opposition party's KDP"), stopping at a determiner, a name or punctuation."""
    doc = span.doc
    words: list[Token] = []
    i = span.start - 1
    if i >= 1 and doc[i].tag_ == "POS":
        i -= 1
    while i >= 0 and span.start - i <= MAX_BEFORE and doc[i].pos_ in _DESCRIPTOR_POS and not doc[i].ent_type_:
        words.append(doc[i])
        i -= 1
    words.reverse()
    return words


def _named_head(kb: Knowledge, tok: Token) -> bool:
    """A body noun that closes a name, which the tagger calls a proper noun ("the ruling
    Progress Party"): a party's own name says it is a party."""
    return tok.pos_ == "PROPN" and tok.lower_ in kb.descriptors.get("party_heads", frozenset())


def _with_modifiers(head: Token) -> list[Token]:
    """A noun and the adjectives and nouns that modify it from the left."""
    mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
    return [*mods, head]


def _sector_of(kb: Knowledge, phrase: list[Token]) -> tuple[str | None, list[Token]]:
    """The sector a descriptor phrase gives: its last word, a body noun, is the head; a modifier
    before it decides, else a party is LEG."""
    table = kb.descriptors
    heads, parties = table.get("heads", frozenset()), table.get("party_heads", frozenset())
    modifiers = table.get("modifiers", {})
    if not phrase or not (phrase[-1].pos_ == "NOUN" or _named_head(kb, phrase[-1])) \
            or phrase[-1].lemma_.lower() not in heads:
        return None, []
    at = len(phrase) - 1
    head = phrase[at]
    past = table.get("past_words", frozenset())
    mods = [t for k, t in enumerate(phrase[:at]) if (t.lower_ in modifiers or t.lemma_.lower() in modifiers)
            and not (k and phrase[k - 1].lower_ in past)]  # not "the former ruling party"
    if mods:
        first = mods[0]
        return modifiers.get(first.lower_) or modifiers[first.lemma_.lower()], [*mods, head]
    if head.lemma_.lower() in parties:
        return "LEG", [head]
    return None, []
