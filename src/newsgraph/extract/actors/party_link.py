"""A person's party, read from the parse: the tie that gives a party's people its standing.

The text ties a person to a party in a few set ways: a party and an office before the name
("Liberal leader Ana Ruiz", "Labour MP Tom Hale", "Conservative Sam Lee", "Labour's Sam Lee"),
an apposition whose head is such an office or the party's member word ("Ana Ruiz, a
Conservative", "Tom Hale, leader of the Liberal Party", "Sam Lee, the Labour health spokesman"),
the same before the name ("the Liberal leader, Ana Ruiz"), the party after the name ("Ana Ruiz
of the Labour Party") and a bracket ("Tom Hale (Labour)", "Sam Lee (D-Ohio)"). The party is one
of ``governing_parties.tsv``'s names; the head word that makes the tie, and what it makes the
person, are ``party_offices.tsv``'s. Read only within the name's own phrase: a party named
deeper ("a critic of the Labour government") ties no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokSpan

from ...records import Actor
from .. import data_rows
from .knowledge import country_of, load_knowledge, noun_sector

_EDGE = frozenset({"the", "a", "an"})
_APPOS_PREPS = frozenset({"of", "for", "from"})  # "leader of", "spokesman for", "a senator from" the party
STATE_SECTORS = frozenset({"GOV", "JUD", "MIL", "COP", "IGO"})  # offices of the state, not of a party
_BRACKET = re.compile(r"([A-Z])(?:\s*-\s*[A-Z][\w. ]*)?")


@dataclass(frozen=True)
class PartyTie:
    """A party the text ties a person to: its name as written, the (country, party) pairs of
    the table so named ("Liberal": Canada's and Australia's), and the kind of tie (``office``,
    ``legislator``, or ``bare``: the party word alone, "Conservative Sam Lee", "Tom Hale (Labour)")."""
    name: str
    parties: frozenset[tuple[str, str]]
    kind: str

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(c for c, _ in self.parties)


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, tuple[str, ...]]]:
    """kind -> word -> the rest of its row (``party_offices.tsv``)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind, word, *rest in data_rows("party_offices.tsv"):
        out.setdefault(kind, {})[word if kind == "bracket" else word.lower()] = tuple(rest)
    return out


@lru_cache(maxsize=1)
def party_rows() -> tuple[tuple[str, str, frozenset[str], tuple[str, ...]], ...]:
    """``governing_parties.tsv``'s rows, read once for this module and :mod:`.governing`: the
    country, the party, the names it goes by (its own and its aliases) and the rest of the row
    (sector, from, to, note)."""
    return tuple((country, party, frozenset({party, *filter(None, aliases.split("|"))}), tuple(rest))
                 for country, party, aliases, *rest in data_rows("governing_parties.tsv")
                 if country != "country")  # not the header


@lru_cache(maxsize=1)
def party_names() -> dict[str, frozenset[tuple[str, str]]]:
    """A party's name or alias as written -> the (country, party) pairs of
    ``governing_parties.tsv`` so named ("Liberal": Canada's and Australia's Liberal Party)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for country, party, names, _ in party_rows():
        for name in names:
            out.setdefault(name, set()).add((country, party))
    return {k: frozenset(v) for k, v in out.items()}


def _party_in(tokens: list[Token]) -> tuple[str, int, int] | None:
    """The one party named by consecutive tokens among these (its name, first and last index in
    the list), a suffix word ("party") included; None when none or two different ones."""
    names, suffixes = party_names(), _words().get("suffix", {})
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        for n in (4, 3, 2, 1):
            run = tokens[i:i + n]
            if len(run) < n or any(b.i != a.i + 1 for a, b in zip(run, run[1:])):
                continue
            text = "".join(t.text_with_ws for t in run).strip()
            if text in names and not _regional(tokens[i - 1] if i else None, run[0]):
                end = i + n - 1
                if end + 1 < len(tokens) and tokens[end + 1].lower_ in suffixes \
                        and tokens[end + 1].i == tokens[end].i + 1:
                    end += 1  # "the Labour party"
                found.append((text, i, end))
                i = end
                break
        i += 1
    return found[0] if len({f[0] for f in found}) == 1 else None


def _regional(before: Token | None, first: Token) -> bool:
    """"the Ontario Liberal leader", "Texas Democrats", "the Progressive Conservative candidate":
    a capitalised word right before a party's name that is no country's (and no chamber's) makes
    it another party, a province's or a state's, which the national rows do not code."""
    if before is None or before.i != first.i - 1:
        return False
    if before.i > 0 and country_of(before.doc[before.i - 1:before.i + 1].text) is not None:
        return False  # "the New Zealand Labour leader": a country of two words
    return _other_party_word(before.text) and (not before.is_sent_start or _place_word(before.text))


def _kind(head: Token, tokens: list[Token]) -> str | None:
    """What a head word makes a person tied to a party: ``legislator`` for a seat ("MP", or a
    party office in a chamber: "Senate Democratic leader"), ``office``, ``state`` for an office of
    the state ("minister", "district attorney": its own sector stands), else None."""
    words = _words()
    for kind in ("legislator", "office"):
        if head.lower_ in words.get(kind, {}) or head.lemma_.lower() in words.get(kind, {}):
            chamber = any(t.lower_ in words.get("chamber", {}) for t in tokens if t.i != head.i)
            return "legislator" if chamber else kind
    sector = noun_sector(load_knowledge(), head)
    return "legislator" if sector == "LEG" else "state" if sector in STATE_SECTORS else None


def _past(tokens: list[Token]) -> bool:
    past = load_knowledge().descriptors.get("past_words", frozenset())
    return any(t.lower_.strip("-") in past for t in tokens)


def _tie(tokens: list[Token], head: Token) -> PartyTie | None:
    """The tie these phrase tokens make when ``head`` is their head word: the party must be
    named in them, and the head be an office, a legislator's seat, or the party's own name."""
    if not tokens or _past(tokens) or any(t.ent_type_ == "PERSON" for t in tokens):
        return None
    hit = _party_in(tokens)
    if hit is None:
        return None
    name, first, last = hit
    if tokens[first].i <= head.i <= tokens[last].i:
        kind = "bare"  # "a Conservative", "Conservative Sam Lee"
    elif (kind := _kind(head, tokens)) is None:
        return None  # "a Labour government adviser": no tie of the person's own
    return PartyTie(name, party_names()[name], kind)


def own_office(span: TokSpan) -> str | None:
    """``state`` or ``legislator`` when the words before the name or its apposition give such
    an office whatever the party ("the Democratic district attorney X", "X, the Labour minister":
    GOV, JUD; "Delegate X, a Democrat": LEG), else None."""
    doc, root = span.doc, span.root
    heads = _appositions(span)
    if span.start > 0 and (before := doc[span.start - 1]).pos_ in ("NOUN", "PROPN"):
        if _under(before, root):
            heads.append(before)
        elif before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.i < before.i:
            heads.append(before.head.head)  # "Speaker of the House X"
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)  # "the chairman of the Senate committee, Democrat X"
    kinds = {_kind(h, _phrase(h)) for h in heads if h.ent_type_ != "PERSON"}
    return "state" if "state" in kinds else "legislator" if "legislator" in kinds else None


def _premodifier(span: TokSpan) -> PartyTie | None:
    """"Liberal leader Ana Ruiz", "Labour MP Tom Hale", "Conservative Sam Lee", "Labour's Sam
    Lee": the words before the name that the parse attaches to it."""
    doc, root = span.doc, span.root
    toks: list[Token] = []
    i = span.start - 1
    while i >= 0 and (not doc[i].is_punct or doc[i].tag_ == "POS"):
        t = doc[i]
        if t.lower_ in _EDGE or not _under(t, root):
            break
        toks.insert(0, t)
        i -= 1
    toks = [t for t in toks if t.tag_ != "POS"]
    return _tie(toks, toks[-1]) if toks else None


def _under(tok: Token, root: Token) -> bool:
    """Whether the parse attaches ``tok`` to ``root`` through modifiers only."""
    while tok.i != root.i:
        if tok.dep_ not in ("compound", "amod", "nmod", "poss", "case") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _phrase(head: Token) -> list[Token]:
    """A noun's own phrase: its left modifiers, itself, and the party of an "of"/"for"/"from"
    phrase on it ("leader of the Liberal Party"), not a clause or a second noun phrase."""
    toks = [t for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss") for t in c.subtree]
    toks.append(head)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in _APPOS_PREPS:
            for obj in prep.rights:
                if obj.dep_ == "pobj":
                    toks += [t for c in obj.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
                    toks.append(obj)
                    toks += [c for c in obj.rights if c.lower_ in _words().get("suffix", {})]
    return sorted({t.i: t for t in toks if t.lower_ not in _EDGE}.values(), key=lambda t: t.i)


def _apposition(span: TokSpan) -> PartyTie | None:
    """"Ana Ruiz, a Conservative", "Tom Hale, leader of the Liberal Party", and the same before
    the name ("the Liberal leader, Ana Ruiz"), whose head the name is the apposition of."""
    root = span.root
    for head in _appositions(span):
        if (tie := _tie(_phrase(head), head)) is not None:
            return tie
    head = root.head
    if root.dep_ != "appos" or not _titled_before(span, head):
        return None
    tie = _tie(_phrase(head), head)
    return tie if tie is not None and tie.kind != "bare" else None  # not "the Christian Democrats (CDU)"


def _appositions(span: TokSpan) -> list[Token]:
    """The heads of appositions after the name, not one in brackets ("X (NDP, 1979-1982)": the
    bracket is read as such, ``_after``)."""
    doc = span.doc
    return [c for c in span.root.rights if c.dep_ == "appos" and c.i >= span.end
            and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(") and doc[span.end].text != "("]


def _titled_before(span: TokSpan, head: Token) -> bool:
    """"the Liberal leader, Ana Ruiz": one office noun, its phrase ending at the comma right
    before the name (not a list: "Liberal members, Ana Ruiz, ...")."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and head.tag_ in ("NN", "NNP") \
        and _phrase(head)[-1].i == span.start - 2


def _after(span: TokSpan) -> PartyTie | None:
    """"Ana Ruiz of the Labour Party", "Tom Hale (Labour)", "Sam Lee (D-Ohio)"."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 7, len(doc))) if doc[k].text == ")"), None)
        if close is None:
            return None
        inner = doc[end + 1:close]
        if inner.text in party_names():
            return PartyTie(inner.text, party_names()[inner.text], "bare")
        if (m := _BRACKET.fullmatch(inner.text)) and (row := _words().get("bracket", {}).get(m.group(1))):
            return PartyTie(row[0], frozenset({(row[1], row[0])}), "legislator")
        return None
    for prep in span.root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == end:
            for obj in prep.rights:
                if obj.dep_ == "pobj" and (hit := _party_in(_phrase(obj))) is not None:
                    return PartyTie(hit[0], party_names()[hit[0]], "bare")
    return None


def party_tie(doc: Doc, actor: Actor) -> PartyTie | None:
    """The party the text ties this person to, read at each mention; None when no mention ties
    them or two mentions name different parties."""
    found: PartyTie | None = None
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not any(t.pos_ == "PROPN" for t in span):
            continue  # a pronoun ("he is a Democrat himself" may be another man's) or an unnamed "leader"
        if (office := own_office(span)) == "state":
            return None  # "Democratic district attorney X": the office decides
        tie = next((t for read in (_premodifier, _apposition, _after) if (t := read(span)) is not None), None)
        if tie is None:
            continue
        if tie.kind == "state":
            return None
        if office == "legislator":
            tie = PartyTie(tie.name, tie.parties, "legislator")  # "Delegate X, a Democrat"
        if found is not None and not found.parties & tie.parties:
            return None  # two parties
        if found is None or tie.kind == "legislator":
            found = tie  # a seat wins: "Labour MP X ... X, a Labour candidate"
    return found


def office_words() -> frozenset[str]:
    """Words for a party's office that tie its holder to the party (``office`` rows)."""
    return frozenset(_words().get("office", {}))


def suffix_words() -> frozenset[str]:
    """Words after a party's name that still name the party ("party", "caucus")."""
    return frozenset(_words().get("suffix", {}))


def chamber_words() -> frozenset[str]:
    """Words naming a chamber of the legislature (``party_offices.tsv``)."""
    return frozenset(_words().get("chamber", {}))


def regional_title(title: str, at: int) -> bool:
    """A title naming a province's or state's party: a place that is no country right before
    the party's name at ``at`` ("Ontario Liberal leader", "Texas Democratic chairman")."""
    words = title[:at].split()
    return bool(words) and _other_party_word(words[-1])


def _other_party_word(word: str) -> bool:
    return word[:1].isupper() and country_of(word) is None and word.lower() not in chamber_words()


def _place_word(word: str) -> bool:
    """A capitalised place the gazetteer knows that is no country ("Ontario", "Texas")."""
    from .persons import _place_country  # the gazetteer's places, read only here

    return word[:1].isupper() and country_of(word) is None and _place_country(word) is not None
