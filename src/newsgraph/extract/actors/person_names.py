"""People's names as the actor layer reads them: one name the tagger cut in two is joined, and
each mention maps to the full name of the person it names (:mod:`.persons` builds the actors)."""

from __future__ import annotations

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from .knowledge import Knowledge, _role
from .ranks import rank_stop
from .titles import HONORIFICS


def _joined_names(kb: Knowledge, spans: list[TokSpan]) -> list[TokSpan]:
    """One name the tagger cut into two people ("Ana Maria" + "Ruiz Lopez", "Omar Khalid" +
    "al-Harbi"): two person spans one space apart, every word a capitalised name word or a
    particle, with no possessive, title or acronym between, are one person. Only the actor layer's
    copy is joined: places and quotes read the tagger's entities as they are."""
    out: list[TokSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and _touching_names(kb, prev, s):
            out[-1] = TokSpan(s.doc, prev.start, s.end, label="PERSON")
        else:
            out.append(s)
    return out


def _touching_names(kb: Knowledge, a: TokSpan, b: TokSpan) -> bool:
    """Do two spans read as the two halves of one person's name?"""
    if a.label_ != "PERSON" or b.label_ != "PERSON" or b.start != a.end or a.doc[a.end - 1].whitespace_ != " ":
        return False
    start = a.start
    while start < a.end - 1 and (r := _role(kb, a.doc[start])) is not None and r[0] == "person":
        start += 1  # "President Ana Maria": the title before the name stays out of the test
    words = [t for t in a.doc[start:b.end] if t.text not in _NAME_JOINERS]
    return len(words) <= 6 and all(_name_word(kb, t) for t in words)


def _name_word(kb: Knowledge, t: Token) -> bool:
    """A capitalised word that is no title, acronym or possessive ("Ruiz", "Chun"), or a
    lower-case particle ("da", "al" of "al-Harbi")."""
    text = t.text
    if text in _NAME_PARTICLES or (t.i > 0 and t.doc[t.i - 1].text == "-" and text.isalpha()):
        return True  # "da", "al" of "al-Harbi", "fang" of "Chun-fang"
    return text[:1].isupper() and text[1:2].islower() and text.replace("'", "").replace("’", "").isalpha() \
        and t.lower_ not in HONORIFICS and _role(kb, t) is None


_NAME_JOINERS = frozenset({"-"})
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "la",
                             "le", "du", "bin", "ibn", "bint", "al", "el", "ul", "ud"})


def _person_groups(kb: Knowledge, spans: list[TokSpan]) -> dict[int, str]:
    """Map each person span (by start token) to a canonical full name:
    a surname alone joins the full name ending with it, nearest before
    first, else the first after; a surname with a title before it ("Cpl. Ruiz") prefers a
    full name with one ("Corporal Ana Ruiz", not her father "Luis Ruiz")."""
    texts = [s.text for s in spans]  # built from the tokens on each access: once each
    titled = {s.start for s in spans if _titled(kb, s)}
    full = [(s.start, text) for s, text in zip(spans, texts) if " " in text]
    out: dict[int, str] = {}
    longer = {text: _longer_name(full, s.start, text) for s, text in zip(spans, texts) if " " in text}
    for s, text in zip(spans, texts):
        if " " in text:
            out[s.start] = longer[text]
            continue
        low = " " + text.lower()  # "Al-Hamdi" opening a sentence is "al-Hamdi"
        matches = [(i, n) for i, n in full if n.endswith(" " + text)] or \
            [(i, n) for i, n in full if n.startswith(text + " ")] or \
            [(i, n) for i, n in full if n.lower().endswith(low) and "-" in text] or \
            [(i, n) for i, n in full if _bare_surname(n) == text] or \
            [(i, n) for i, n in full if n.count(" ") >= 3 and f" {text} " in f" {n} "]  # "Lula" of a joined name
        if s.start in titled and len({n for _, n in matches}) > 1:
            matches = [m for m in matches if m[0] in titled] or matches
        name = _nearest(matches, s.start) or s.text
        out[s.start] = longer.get(name, name)
    return out


def _nearest(matches: list[tuple[int, str]], start: int) -> str | None:
    """The name of the match nearest before ``start``, else of the first after; None without one."""
    before = [m for m in matches if m[0] < start]
    return (before[-1] if before else matches[0])[1] if matches else None


def _longer_name(full: list[tuple[int, str]], start: int, text: str) -> str:
    """The longer full name a name of two words or more ends ("Ruiz Lopez" of "Ana Maria Ruiz Lopez",
    once a split name is joined), nearest before first, else the first after; else the name itself."""
    return _nearest([(i, n) for i, n in full if n.endswith(" " + text)], start) or text


def _bare_surname(name: str) -> str | None:
    """The surname a story uses alone for a full name whose last word opens with a short
    particle and a hyphen: "Hamdi" for "Tariq al-Hamdi", "Badawi" for "Samir el-Badawi". A
    hyphenated family name ("Ana Lopez-Garcia") has no such particle and keeps its full form."""
    last = name.rsplit(" ", 1)[-1]
    particle, _, rest = last.partition("-")
    if rest and len(particle) <= 3 and particle.isalpha() and rest[:1].isupper() and "-" not in rest:
        return rest
    return None


def _titled(kb: Knowledge, span: TokSpan) -> bool:
    """Is the word before a name (over a rank's full stop) a person's title ("Cpl. Ruiz")?"""
    i = span.start - 1
    if i > 0 and rank_stop(kb, span.doc[i]):
        i -= 1
    return i >= 0 and (role := _role(kb, span.doc[i])) is not None and role[0] == "person"


def shortened(name: str, mention: str) -> bool:
    """Is the mention a shortened form of the name other than its last word ("bin Haddad" of
    "Omar bin Haddad", "Hamdi" of "Tariq al-Hamdi")? :func:`_person_groups` joins such forms to
    the full name; the sentences they are in tell of the person's later deeds, not of where
    the story introduced them, so they do not keep the story's country off the person (:mod:`.story`)."""
    last = name.split()[-1]
    return mention != name and mention != last and len(name.split()) > 1 and name.endswith(mention)
