"""Compile PETRARCH2's Phoenix actor and agent dictionaries into ``phoenix.sqlite``.

    python -m newsgraph.knowledge.build SRC_DIR [OUT]

SRC_DIR holds ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (TABARI format, MIT licence,
Open Event Data Alliance; see docs/knowledge.md). OUT defaults to the ``phoenix.sqlite`` next
to this module, the file shipped in the package.

Actor files: an entry is a name line (``BARACK_OBAMA``, maybe with an inline ``[USAGOV]``),
its synonyms (``+OBAMA``) and its codes, one per line (``[USAGOV 090120-170120]``,
``[IGOUNO >20070101]``, ``[USAELI]``: a range, from, until, or the default). Agents: ``NOUN
[~COP]``, with ``!PERSON!``-style substitutions declared as ``!PERSON! = MAN, WOMAN``.

Tables: ``names(name, entry)`` (the lookup key, ``newsgraph.knowledge.name_key``: "AL-RASHID"
and "AL_RASHID" are both "al rashid"), ``roles(entry, code, start, end)`` (ISO dates, '' when open) and
``agents(noun, code)`` (lower case, spaces).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

from . import name_key

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
DEFAULT_OUT = Path(__file__).with_name("phoenix.sqlite")
CODE_RE = re.compile(r"\[([^\]]*)\]")


def normalise(name: str) -> str:
    """Dictionary form to lookup form: "MR._OBAMA_" -> "mr. obama"."""
    return re.sub(r"\s+", " ", name.replace("_", " ")).strip().lower()


def _date(text: str) -> str:
    """TABARI dates: YYMMDD (19xx from 50 up) or YYYYMMDD -> ISO; anything else -> ''."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        yy = int(digits[:2])
        return f"{1900 + yy if yy >= 50 else 2000 + yy}-{digits[2:4]}-{digits[4:6]}"
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return ""


def parse_code(body: str) -> tuple[str, str, str] | None:
    """"USAGOV 090120-170120" -> ("USAGOV", "2009-01-20", "2017-01-20"); ">20070101" opens, "<..." closes."""
    parts = body.split()
    if not parts or not re.fullmatch(r"~?[A-Z]{3,}", parts[0]):
        return None
    code, start, end = parts[0], "", ""
    if len(parts) > 1:
        when = parts[1]
        if when.startswith(">"):
            start = _date(when[1:])
        elif when.startswith("<"):
            end = _date(when[1:])
        elif "-" in when:
            a, b = when.split("-", 1)
            start, end = _date(a), _date(b)
    return code, start, end


def parse_actors(text: str) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    """Entries of a TABARI actor file as (names, codes)."""
    entries: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":  # a code line of the current entry
            if entries:
                entries[-1][1].extend(c for body in CODE_RE.findall(line) if (c := parse_code(body)))
            continue
        codes = [c for body in CODE_RE.findall(line) if (c := parse_code(body))]
        name = normalise(CODE_RE.sub(" ", line).lstrip("+"))
        if line.startswith("+") and entries:
            entries[-1][0].extend(n for n in (normalise(p) for p in CODE_RE.sub(" ", line).split("+")) if n)
            entries[-1][1].extend(codes)
        elif name:
            entries.append(([name], codes))
    return [e for e in entries if e[1]]


def parse_agents(text: str) -> dict[str, str]:
    """Agent nouns -> code ("police" -> "~COP"), substitutions expanded, first listing wins."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line):
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = CODE_RE.findall(line)
        if not codes or not codes[0].split():
            continue
        noun = re.sub(r"\{[^}]*\}", " ", CODE_RE.sub(" ", line)).strip()
        forms = [noun]
        for key, values in subs.items():
            forms = [f.replace(key, v) for f in forms for v in values] if any(key in f for f in forms) else forms
        for form in forms:
            out.setdefault(normalise(form), codes[0].split()[0])
    return out


def build(src: Path, out: Path = DEFAULT_OUT) -> dict[str, int]:
    """Write the index; returns row counts."""
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("CREATE TABLE entries(entry INTEGER PRIMARY KEY, name TEXT, file TEXT);"
                     "CREATE TABLE names(name TEXT, entry INTEGER, PRIMARY KEY (name, entry)) WITHOUT ROWID;"
                     "CREATE TABLE roles(entry INTEGER, code TEXT, start TEXT, end TEXT,"
                     " PRIMARY KEY (entry, code, start, end)) WITHOUT ROWID;"
                     "CREATE TABLE agents(noun TEXT PRIMARY KEY, code TEXT) WITHOUT ROWID;")
    entry = 0
    for fname in ACTOR_FILES:
        for names, codes in parse_actors((src / fname).read_text("utf-8", errors="replace")):
            entry += 1
            db.execute("INSERT INTO entries VALUES (?, ?, ?)", (entry, names[0], fname))
            db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", [(k, entry) for n in names if (k := name_key(n))])
            db.executemany("INSERT OR IGNORE INTO roles VALUES (?, ?, ?, ?)", [(entry, *c) for c in codes])
    agents = parse_agents((src / AGENT_FILE).read_text("utf-8", errors="replace"))
    db.executemany("INSERT INTO agents VALUES (?, ?)", sorted(agents.items()))
    db.commit()
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("entries", "names", "roles", "agents")}
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)
    return counts


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not Path(argv[1]).is_dir():
        print("usage: python -m newsgraph.knowledge.build SRC_DIR [OUT]\n"
              "SRC_DIR: the folder of PETRARCH2's Phoenix.*.txt dictionaries", file=sys.stderr)
        return 2
    missing = [f for f in (*ACTOR_FILES, AGENT_FILE) if not (Path(argv[1]) / f).is_file()]
    if missing:
        print(f"{argv[1]} lacks {', '.join(missing)}: point SRC_DIR at PETRARCH2's dictionaries", file=sys.stderr)
        return 2
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    counts = build(Path(argv[1]), out)
    print(f"wrote {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
