"""Extractors: one spaCy component per module, each filling one Doc extension.

The contract every extractor follows:

* it is registered with ``@Language.factory("newsgraph_<name>")`` in its own
  module and added after spaCy's own components;
* it reads the parse (``doc.sents``, ``token.dep_``, ``doc.ents``), the
  publication date ``doc._.published`` (a ``datetime.date`` or None) and the
  output of the extractors before it;
* it writes a list of typed records (:mod:`newsgraph.records`) to its own
  extension, with character offsets into ``doc.text``.

Order (``COMPONENTS``): actors first (everyone else links to actor ids),
then times, quantities, places, quotes (quotes and claims), events last
(events read actors, times, places and claims; they also set
``Quantity.event``).
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc

#: (component name, Doc extension it fills), in pipeline order.
COMPONENTS: list[tuple[str, str]] = [
    ("newsgraph_actors", "actors"),
    ("newsgraph_times", "times"),
    ("newsgraph_quantities", "quantities"),
    ("newsgraph_places", "places"),
    ("newsgraph_quotes", "quotes"),  # also fills doc._.claims
    ("newsgraph_events", "events"),
]

_EXTENSIONS = ["published", "actors", "times", "quantities", "places", "quotes", "claims", "events"]


def register_extensions() -> None:
    """Declare the Doc extensions (idempotent). Lists default to None so that
    a missing component is distinguishable from one that found nothing."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def data_rows(name: str) -> list[list[str]]:
    """The rows of the tab-separated table ``newsgraph/data/<name>``, cells stripped; blank
    lines and ``#`` comment lines skipped. Every word list of the extractors is read this way."""
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=16)
def kind_words(name: str, lower: bool = True) -> dict[str, frozenset[str]]:
    """kind -> words, from a data table whose first two columns are a kind and a word (the
    word lists of ``events_background.tsv``, ``events_senses.tsv``, ``crowds.tsv``,
    ``implicit.tsv``); ``lower``: words lower-cased."""
    out: dict[str, set[str]] = {}
    for kind, word, *_ in data_rows(name):
        out.setdefault(kind, set()).add(word.lower() if lower else word)
    return {k: frozenset(v) for k, v in out.items()}


def ext(doc: Doc, name: str):
    """``getattr(doc._, name)`` for the extensions declared here, read from ``doc.user_data``
    where spaCy keeps them: every ``doc._`` builds an Underscore object (~2 µs a read, some
    90 reads per article). They are plain values with a None default (no getter), so this is
    what spaCy's own read gives (tested); any other name is read through ``doc._``, and so is
    every name of an object without spaCy's ``user_data`` (a test's stand-in Doc)."""
    if name in _PLAIN:
        try:
            data = doc.user_data
        except AttributeError:
            return getattr(doc._, name)
        return data.get(("._.", name, None, None))
    return getattr(doc._, name)


_PLAIN = frozenset(_EXTENSIONS)

#: Module globals in which an extractor keeps its last Doc's state (its token view, entities,
#: Spans, Tokens, per-token memos): (module, name, value before any Doc). See ``kept_per_doc``.
_LAST_DOC: list[tuple[str, str, Callable[[], object]]] = []


def kept_per_doc(module: str, name: str, empty: Callable[[], object]) -> None:
    """Declare the module global ``module.name`` as holding the last Doc's state, ``empty()``
    being its value before any Doc. Each such global checks its Doc by identity and is rebuilt
    for another, so setting it back changes no output; :func:`forget_last_doc` does so once a
    batch's memory zone has freed the words its Spans and Tokens point at."""
    _LAST_DOC.append((module, name, empty))


def forget_last_doc() -> None:
    """Set every global declared with :func:`kept_per_doc` back to its value before any Doc
    (spaCy: no Doc of a memory zone may be used after it; and until the next Doc came they kept
    the last article's arrays alive)."""
    for module, name, empty in _LAST_DOC:
        setattr(sys.modules[module], name, empty())


_TEXT_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per Doc: spaCy rebuilds it on every access from a Token
    object per token (~0.4 ms on a 2,000-character article), and several extractors
    read it. Kept in ``doc.user_data`` (the pipeline puts the article text there when it
    makes the Doc); a Doc's text never changes, and the token count and the end of the
    last token check that a kept text belongs to this Doc."""
    global _CHECKED
    kept = doc.user_data.get(_TEXT_KEY)
    if kept is not None and kept[0] == len(doc):
        if _CHECKED[0] is doc and _CHECKED[1] is kept:  # checked already (the extractors ask ~40 times)
            return kept[1]
        last = doc[-1] if len(doc) else None
        if len(kept[1]) == (last.idx + len(last.text_with_ws) if last is not None else 0):
            _CHECKED = (doc, kept)
            return kept[1]
    text = doc.text
    keep_text(doc, text)
    return text


_CHECKED: tuple[object, object] = (None, None)  # the last Doc and the kept text found to belong to it
kept_per_doc(__name__, "_CHECKED", lambda: (None, None))


def keep_text(doc: Doc, text: str) -> None:
    """Record ``text`` (which must be ``doc.text``) for :func:`doc_text`."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)


_ENTS: tuple[object, bytes, tuple] = (None, b"", ())
kept_per_doc(__name__, "_ENTS", lambda: (None, b"", ()))


def doc_ents(doc: Doc) -> tuple:
    """``doc.ents``, built once per Doc: spaCy makes a new Span for every entity on each
    access, and the extractors read them a dozen times per article. The last Doc's are kept,
    checked against the tokens' entity annotation (so a Doc whose entities were set anew
    gets new ones). Callers must not change the Spans."""
    global _ENTS
    key = doc.to_array([ENT_IOB, ENT_TYPE]).tobytes() if len(doc) else b""
    if _ENTS[0] is not doc or _ENTS[1] != key:
        _ENTS = (doc, key, doc.ents)
    return _ENTS[2]


_MENTIONS: tuple[object, int, list[tuple[int, int, int, str]], list[int], int] = (None, 0, [], [], 0)
kept_per_doc(__name__, "_MENTIONS", lambda: (None, 0, [], [], 0))


def actor_for_span(doc: Doc, start: int, end: int) -> str | None:
    """The id of the actor with a mention overlapping chars ``[start, end)``.

    Prefers the mention that overlaps most (the first of equals); None if no actor
    mention overlaps. Quotes use it for speakers, events for sources and targets.
    The mentions are kept flat for the last actor list asked about (a quote asks
    several times), sorted by start, so that only those that can reach the span are
    looked at (the list order, kept with each, breaks ties); the list is re-read when it
    is replaced or a mention is added.
    """
    global _MENTIONS
    actors = ext(doc, "actors") or ()
    count = sum([len(a.mentions) for a in actors])  # a list: ~2x cheaper than a generator here
    if _MENTIONS[0] is not actors or _MENTIONS[1] != count:
        flat = sorted((m.start, n, m.end, a.id) for n, (a, m) in enumerate((a, m) for a in actors for m in a.mentions))
        _MENTIONS = (actors, count, flat, [f[0] for f in flat], max((me - ms for ms, _, me, _ in flat), default=0))
    flat, starts, longest = _MENTIONS[2], _MENTIONS[3], _MENTIONS[4]
    best, best_overlap, best_n = None, 0, -1
    for ms, n, me, aid in flat[bisect_right(starts, start - longest):bisect_left(starts, end)]:
        if me > start:
            overlap = min(end, me) - max(start, ms)
            if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and n < best_n):
                best, best_overlap, best_n = aid, overlap, n
    return best
