"""Whether a person or body is at home in the story: the tests an actor passes before the story
pass (:mod:`.story`) or the acting pass (:mod:`.acting`) gives it the story's country.

A name the knowledge base codes with no country stays stateless; a foreign word ("international
forces") or a visitor's word ("a tourist") keeps the story's country off; a person tied to a
body ("Ana Ruiz of Acme"), named in a credit line, or named in sentences that name another
country is not the story's to place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ...knowledge import lookup
from .. import doc_ents, ext
from ..tokens import lower_of, text_of, token_view
from .knowledge import country_of, load_knowledge
from .titles import HONORIFICS


def story_words() -> tuple[frozenset[str], frozenset[str]]:
    """(home sectors, visitor words) of the ``story_country`` section of the knowledge file."""
    lists = load_knowledge().story_lists
    return lists.get("home_sectors", frozenset()), lists.get("visitor_words", frozenset())


def _stateless(name: str, when) -> bool:
    """Does the knowledge base code this actor with no country ("Islamic State", "al-Qaeda",
    an international body's official)? Then no story gives it one."""
    info = load_knowledge().entities.get(name)
    if info is not None:
        return info.get("country") is None
    hit = lookup(name, when)
    return hit is not None and hit[0] is None


def _visitor(words) -> bool:
    """Does one of these words (lemmas or forms) say its person may be a visitor where the story is set?"""
    visitors = story_words()[1]
    return any(w in visitors for w in words)


_FOREIGN = re.compile(r"\b(?:international|foreign|western|european|global|world|regional|allied|coalition|"
                      r"multinational|overseas|african union|un|u\.n\.)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _foreign_word(name: str) -> bool:
    """"international forces", "foreign troops": a group the story's country does not own."""
    return bool(_FOREIGN.search(name))


EMPLOYER_PREPS = frozenset({"of", "from", "at", "with", "for"})


def _home_sentences(spans, sents):
    """The sentences that must not name another country before a person takes the story's: all
    of them for a person named up to twice, else the earlier half of them (and the first), so
    one aside on a foreign trip does not make a politician named in ten sentences a foreigner."""
    if len(sents) <= 2:
        return sents
    first = spans[0].sent
    return {first} | set(sorted(sents, key=lambda s: s.start)[:len(sents) // 2])


def _honoured(span) -> bool:
    """Is the name right after an honorific or a peer's title ("Mr Ruiz", "Lord Fenwick"), or does
    its mention start with one (a mention covers the title before a name: :mod:`.spans`)?"""
    peers = load_knowledge().story_lists.get("peer_titles", frozenset())
    words = [span.doc[i].lower_.rstrip(".") for i in range(max(span.start - 1, 0), span.end - 1)]
    return any(word in HONORIFICS or word in peers for word in words)


def _visitor_in(doc: Doc, sent) -> bool:
    """:func:`_visitor` of each word of the sentence, its lemma or its form, read from the
    token view (a Token and two decoded strings per word otherwise)."""
    view, visitors = token_view(doc), story_words()[1]
    lemma, lower = view.lemma, view.lower
    return any(lower_of(doc, lemma[i]) in visitors or text_of(doc, lower[i]) in visitors
               for i in range(sent.start, sent.end))


def _credit(sent) -> bool:
    """A credit line ("Ana Ruiz contributed additional reporting") names a journalist, not a
    party: a ``credit_verbs`` verb with a ``credit_nouns`` word in its phrase (the verbs found
    on the token view's lemmas; a Token only for one of them)."""
    lists = load_knowledge().story_lists
    verbs, nouns = lists.get("credit_verbs", frozenset()), lists.get("credit_nouns", frozenset())
    doc = sent.doc
    lemma = token_view(doc).lemma
    return any(text_of(doc, lemma[i]) in verbs and any(c.lemma_.lower() in nouns for c in doc[i].subtree)
               for i in range(sent.start, sent.end))


def _employed(span) -> bool:
    """"Ana Ruiz of the Andean Foundation", "Li Wei, from Acme", "the Red Crescent's Omar Diab": a
    body the person belongs to, whose country is not the story's to give."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS" and doc[span.start - 2].ent_type_ in ("ORG", "NORP", "GPE"):
        return True
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if i + 1 >= len(doc) or doc[i].lower_ not in EMPLOYER_PREPS:
        return False
    nxt = doc[i + 1] if doc[i + 1].lower_ != "the" or i + 2 >= len(doc) else doc[i + 2]
    return nxt.text[:1].isupper() or nxt.ent_type_ in ("ORG", "NORP", "GPE")


def _names_another_country(doc: Doc, sents, country: str) -> bool:
    """Does one of these sentences name a country other than the story's (a place, a nationality)?"""
    bounds = [(s.start_char, s.end_char) for s in sents]

    def inside(char: int) -> bool:
        return any(a <= char < b for a, b in bounds)

    if any(p.country and p.country != country and inside(p.start) for p in ext(doc, "places") or ()):
        return True
    return any(e.label_ in ("NORP", "GPE") and inside(e.start_char) and (c := country_of(e.text)) and c != country
               for e in doc_ents(doc))
