"""The event lexicon: trigger patterns -> CAMEO code -> PLOVER type, mode and context.

The lexicon is data the project owns (``newsgraph/data/events.tsv``, plus the rows compiled
from PETRARCH2's CAMEO verb dictionary into ``events_cameo.tsv``), documented in
``docs/lexicon.md``; users extend or override it without touching code by pointing
``NEWSGRAPH_EVENT_LEXICON`` at extra files of the same format (``os.pathsep``-separated).
A later row with the same (pos, pattern) replaces an earlier one. PLOVER columns left
blank are filled from ``cameo2plover.tsv`` (the OEDA table, CC BY-SA 4.0).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ...errors import InputError

ENV_VAR = "NEWSGRAPH_EVENT_LEXICON"
CAMEO_FILE = "events_cameo.tsv"  # compiled from CAMEO.2.0.txt by .cameo
_PREPS = frozenset(
    "about against at by for from in into of on onto over to toward towards upon with".split()
)
_FLAGS = frozenset({"sym", "mut", "ctl", "neg", "rev", "off", "open"})


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class LexEntry:
    """One trigger pattern. ``extras`` must all be found around ``head`` in the parse."""

    pos: str
    head: str
    extras: frozenset[str]
    pattern: str
    cameo: str
    plover: Plover
    flags: frozenset[str] = frozenset()

    @property
    def preps(self) -> frozenset[str]:
        """Prepositions named in the pattern: their objects are the preferred targets."""
        return self.extras & _PREPS


@dataclass
class Lexicon:
    """Entries indexed by (pos, head lemma), most specific first."""

    entries: dict[tuple[str, str], LexEntry] = field(default_factory=dict)
    _index: dict[tuple[str, str], list[LexEntry]] = field(default_factory=dict)

    def add(self, entry: LexEntry) -> None:
        self.entries[(entry.pos, entry.pattern)] = entry
        self._index = {}

    def candidates(self, pos: str, head: str) -> list[LexEntry]:
        if not self._index:
            for e in self.entries.values():
                self._index.setdefault((e.pos, e.head), []).append(e)
            for lst in self._index.values():
                # more words first; among equals a literal word beats a class ("meet demand" before
                # "meet @thing"), and a noun beats a preposition: what is acted on says more than
                # where from ("withdraw ambassador" before "withdraw from")
                lst.sort(key=lambda e: (-len(e.extras), sum(w.startswith("@") for w in e.extras),
                                        sum(w in _PREPOSITIONS for w in e.extras)))
        return self._index.get((pos, head), [])

    def match(self, pos: str, head: str, context: set[str]) -> LexEntry | None:
        """The most specific entry for ``head`` whose extra words are all in ``context``."""
        for e in self.candidates(pos, head):
            if e.extras <= context:
                return e
        return None

    def __len__(self) -> int:
        return len(self.entries)


_PREPOSITIONS = frozenset({"about", "against", "at", "by", "for", "from", "in", "into", "of", "off", "on", "out",
                           "over", "to", "toward", "towards", "under", "up", "with", "without"})


def _data(name: str) -> Path:
    return Path(str(resources.files("newsgraph.data").joinpath(name)))


def load_cameo2plover(path: Path | None = None) -> dict[str, Plover]:
    """CAMEO code -> PLOVER (type, mode, context) from the adapted OEDA table."""
    table: dict[str, Plover] = {}
    for line in (path or _data("cameo2plover.tsv")).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, plover, mode, context, *_ = (line.split("\t") + [""] * 4)[:5]
        table[code.strip()] = Plover(plover.strip(), mode.strip() or None, context.strip() or None)
    return table


def plover_for(code: str, table: dict[str, Plover]) -> Plover | None:
    """The PLOVER coding of a CAMEO code, falling back to its parents (0831 -> 083 -> 08)."""
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _split_pattern(pos: str, pattern: str) -> tuple[str, frozenset[str]]:
    words = pattern.lower().split()
    if pos == "verb":
        return words[0], frozenset(words[1:])
    # noun: the head is the last word before the first preposition ("call for", "air strike")
    idx = next((i for i, w in enumerate(words) if w in _PREPS and i > 0), len(words))
    head = words[idx - 1]
    return head, frozenset(words[: idx - 1] + words[idx:])


def parse_rows(text: str, table: dict[str, Plover], origin: str = "<lexicon>") -> list[LexEntry]:
    """Parse lexicon rows (see the header of events.tsv); errors name file and line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * 8
        pos, pattern, cameo, ptype, mode, context, flags = cols[:7]
        where = f"{origin}:{n}"
        if pos not in ("verb", "noun") or not pattern or not cameo.isdigit():
            raise InputError(f"{where}: expected 'verb|noun<TAB>pattern<TAB>CAMEO code ...', got {line!r}")
        base = plover_for(cameo, table)
        if not ptype and base is None:
            raise InputError(f"{where}: CAMEO {cameo} has no PLOVER mapping; give the type in column 4")
        plover = Plover(
            ptype or base.type,  # type: ignore[union-attr]
            mode or (base.mode if base and not ptype else None),
            context or (base.context if base and not ptype else None),
        )
        flagset = frozenset(flags.split())
        if flagset - _FLAGS:
            raise InputError(f"{where}: unknown flags {sorted(flagset - _FLAGS)}; use {sorted(_FLAGS)}")
        head, extras = _split_pattern(pos, pattern)
        out.append(LexEntry(pos, head, extras, " ".join(pattern.lower().split()), cameo, plover, flagset))
    return out


def load_lexicon(extra: str | os.PathLike | None = None) -> Lexicon:
    """The packaged lexicon, merged with ``extra`` and then $NEWSGRAPH_EVENT_LEXICON files.

    The rows compiled from CAMEO's verb dictionary come first, but only for heads the hand
    lexicon (``events.tsv``) does not have: the hand rows decide their heads entirely."""
    table = load_cameo2plover()
    lex = Lexicon()
    hand = parse_rows(_data("events.tsv").read_text(encoding="utf-8"), table, "events.tsv")
    # a hand head with an "open" row keeps the compiled rows that name its object ("offer @thing"
    # is no event, but CAMEO's "offer asylum" or "offer mediation" are)
    opened = {(e.pos, e.head) for e in hand if "open" in e.flags}
    own = {(e.pos, e.head) for e in hand} - opened
    nouns = {e.head for e in hand if e.pos == "noun" and not e.extras}
    # most compiled rows are for heads the hand lexicon has: blank them before parsing (line numbers kept)
    compiled = "\n".join("" if ln.startswith("verb\t") and ("verb", ln.split("\t", 2)[1].split(" ", 1)[0]) in own
                         else ln for ln in _data(CAMEO_FILE).read_text(encoding="utf-8").splitlines())
    for entry in parse_rows(compiled, table, CAMEO_FILE):
        # the hand lexicon decides its own heads, and a noun it codes is not swallowed as the
        # object of a compiled verb pattern ("stepped up attacks" stays an attack)
        if (entry.pos, entry.head) in opened and not entry.extras:
            continue  # an opened head's bare reading is the hand lexicon's
        if (entry.pos, entry.head) not in own and not entry.extras & nouns:
            lex.add(entry)
    for entry in hand:
        lex.add(entry)
    paths: list[Path] = []
    if extra:
        paths.append(Path(extra))
    env = os.environ.get(ENV_VAR)
    if env:
        paths.extend(Path(p) for p in env.split(os.pathsep) if p)
    for path in paths:
        if not path.is_file():
            raise InputError(f"event lexicon {path} not found (check ${ENV_VAR})")
        for entry in parse_rows(path.read_text(encoding="utf-8"), table, str(path)):
            lex.add(entry)
    return lex
