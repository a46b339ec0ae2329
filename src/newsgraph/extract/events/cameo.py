"""Build step: compile PETRARCH2's CAMEO verb dictionary into lexicon rows (package data).

``python -m newsgraph.extract.events.cameo CAMEO.2.0.txt > src/newsgraph/data/events_cameo.tsv``
(``... CAMEO.2.0.txt --coverage`` reports the share of CAMEO's verbs the lexicon codes)

CAMEO.2.0.txt (Open Event Data Alliance, MIT) groups verbs in synonym blocks; a block, a verb
or a pattern carries a CAMEO code in brackets. Each block is read as:

- a verb with its own code, or in a block with a code, becomes a bare verb row (``storm 190``);
- a pattern ``- * OBJECT [code]`` or ``- * (PREP OBJECT) [code]`` becomes a row for the verbs
  its comment says it was found with (``hack computer 176``), or for every verb of the block
  when the comment names none, with the object lemmatised and ``&SETS`` expanded. Spreading
  every pattern over the whole synonym block, as PETRARCH2 does, made "need", "lead" and
  "look" code events in ordinary prose on events_dev;
- patterns with a subject side, a ``$``/``^`` slot or more than two content words are left out
  (the lexicon matcher reads objects and prepositions, not word order).

General verbs that would fire everywhere ("come", "think", "pass"), listed with their reasons in
``data/cameo_skip.tsv`` (a verb, ``block:NAME`` for a whole synonym block, or ``&SET`` for the
patterns that use a synonym set), get no rows:
their patterns ("want talks", "need help") fired on ordinary prose as well. CAMEO 01 (statements) is
not coded (PLOVER drops it); 02 (appeals) is REQUEST, as in the hand lexicon. The hand
lexicon (``events.tsv``) keeps priority: :func:`.lexicon.load_lexicon` drops compiled rows
for any head the hand lexicon has.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HEADER = """\
# newsgraph event lexicon compiled from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt,
# LAST UPDATE 30 April 2015), by `python -m newsgraph.extract.events.cameo CAMEO.2.0.txt`.
# Do not edit by hand: add or override rows in events.tsv, which keeps priority.
#
# Source: PETRARCH2 dictionaries, Copyright (c) 2015 Open Event Data Alliance, MIT License:
# Permission is hereby granted, free of charge, to any person obtaining a copy of this
# software and associated documentation files (the "Software"), to deal in the Software
# without restriction, including without limitation the rights to use, copy, modify, merge,
# publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
# to whom the Software is furnished to do so, subject to the following conditions: The above
# copyright notice and this permission notice shall be included in all copies or substantial
# portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
#
# Columns as in events.tsv; the note names the CAMEO block the row comes from.
#pos	pattern	cameo	plover	mode	context	flags	note
"""

_CODE = re.compile(r"\[([^\]]*)\]")
_PREPS = {"about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "over",
          "to", "toward", "towards", "upon", "with", "off", "out", "up", "down", "away", "back"}
_FUNCTION = {"a", "an", "the", "its", "his", "her", "their", "own", "himself", "herself",
             "themselves", "itself"}


@dataclass
class Block:
    name: str
    code: str | None
    verbs: dict[str, str | None] = field(default_factory=dict)  # lemma phrase -> own code
    # (pattern text, code, the verbs its comment says it was found with)
    patterns: list[tuple[str, str, set[str]]] = field(default_factory=list)


def _code(text: str) -> str | None:
    """The event code in ``[..]``: the first of a ``source:target`` pair; None for ``---``."""
    m = _CODE.search(text)
    if not m:
        return None
    code = m.group(1).split(":")[0].strip() or m.group(1).split(":")[-1].strip()
    return code if code.isdigit() else None


def read_dictionary(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (``&NAME`` -> words) and verb blocks of a PETRARCH2 verb dictionary."""
    sets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_verbs = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                sets[current_set] = []
            elif line.startswith("+") and current_set:
                sets[current_set].append(line[1:].strip().replace("_", " ").lower())
            continue
        if line.startswith("---"):
            name = line.strip("- ").split("[")[0].strip()
            blocks.append(Block(name, _code(line)))
        elif not blocks:
            continue
        elif line.startswith("-"):
            code = _code(line)
            if code:
                origin = raw.split("#", 1)[1] if "#" in raw else ""
                verbs = {w.lower() for w in re.findall(r"[A-Z][A-Z_]+", origin)}
                blocks[-1].patterns.append((_CODE.sub("", line[1:]).strip(), code, verbs))
        else:
            word = line.split("{")[0].split("[")[0].strip().lstrip("+")
            if word and re.fullmatch(r"[A-Z][A-Z_\-]*", word):
                blocks[-1].verbs[word.replace("_", " ").lower()] = _code(line)
    return sets, blocks


def _words(pattern: str, sets: dict[str, list[str]]) -> list[list[str]] | None:
    """The content words of an object pattern, each a list of alternatives; None when the
    pattern has a subject side or a slot the lexicon cannot express."""
    if "*" not in pattern or pattern.split("*")[0].strip() or "$" in pattern or "^" in pattern \
            or "%" in pattern or "+" in pattern:
        return None
    rest = pattern.split("*", 1)[1]
    rest = re.sub(r"[(){}]", " ", rest)
    out: list[list[str]] = []
    for w in rest.split():
        if w.lower() in _FUNCTION:
            continue
        if w.startswith("&"):
            # an alternative of several words ("armed forces") is matched word by word: the
            # modifiers of the object are pattern words too
            alts = [a.strip() for a in sets.get(w.rstrip("_"), []) if re.fullmatch(r"[a-z\- ]+", a.strip())]
            if not alts:
                return None
            out.append(alts)
        elif re.fullmatch(r"[A-Za-z\-]+", w):
            out.append([w.lower()])
        else:
            return None
    return out if 0 < len(out) <= 2 else None


def _lemmatizer():
    """A noun lemmatiser from the project's spaCy model (objects are matched by lemma)."""
    from spacy.tokens import Doc

    from ...pipeline import load_spacy

    nlp = load_spacy()
    lem = nlp.get_pipe("lemmatizer")
    cache: dict[str, str] = {}

    def noun(word: str) -> str:
        if word in _PREPS:
            return word
        if word not in cache:
            doc = Doc(nlp.vocab, words=[word])
            doc[0].pos_ = "NOUN"
            doc[0].tag_ = "NNS" if word.endswith("s") and not word.endswith("ss") else "NN"
            cache[word] = lem(doc)[0].lemma_.lower()
        return cache[word]

    return noun


def _plover_ok(code: str) -> str | None:
    """The code as a lexicon row codes it: 01 dropped, 02 read as REQUEST."""
    if code.startswith("01"):
        return None
    return code


def compile_rows(text: str, skip: set[str], lemma=None) -> Iterator[tuple[str, str, str, str]]:
    """(pos, pattern, cameo, note) rows, deduplicated by pattern (the first code wins, as
    PETRARCH2 reads its dictionary top down)."""
    sets, blocks = read_dictionary(text)
    lemma = lemma or (lambda w: w)
    seen: set[str] = set()
    for b in blocks:
        for verb, own in b.verbs.items():
            code = own or b.code
            if code is None or verb in skip or f"block:{b.name}" in skip or verb.split()[0] in skip:
                continue
            if (code := _plover_ok(code)) and verb not in seen:
                seen.add(verb)
                yield "verb", verb, code, b.name
        for pat, code, origin in b.patterns:
            words = _words(pat, sets)
            if words is None or not (code := _plover_ok(code)) \
                    or any(s.rstrip("_") in skip for s in re.findall(r"&[A-Z_]+", pat)):
                continue
            for verb in [v for v in b.verbs if v in origin] or list(b.verbs):
                if verb in skip or f"block:{b.name}" in skip or verb.split()[0] in skip:
                    continue
                for combo in _combos(words):
                    content = [lemma(w) for alt in combo for w in alt.split()]
                    if len(content) > 3:
                        continue
                    pattern = " ".join([verb, *content])
                    if pattern not in seen:
                        seen.add(pattern)
                        yield "verb", pattern, code, b.name


def _combos(words: list[list[str]]) -> Iterator[list[str]]:
    if not words:
        yield []
        return
    for w in words[0]:
        for rest in _combos(words[1:]):
            yield [w, *rest]


def load_skip(path: Path) -> set[str]:
    return {ln.split("\t")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or len(argv) == 3 and argv[2] != "--coverage":
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    from .lexicon import _data, load_cameo2plover, load_lexicon, plover_for

    if len(argv) == 3:  # report, do not build
        print(coverage(Path(argv[1]).read_text(encoding="latin-1"), load_lexicon()))
        return 0

    table = load_cameo2plover()
    skip = load_skip(_data("cameo_skip.tsv"))
    out = [HEADER.rstrip("\n")]
    lemma = _lemmatizer()
    for pos, pattern, code, note in compile_rows(Path(argv[1]).read_text(encoding="latin-1"), skip, lemma):
        if code.startswith("02"):
            out.append(f"{pos}\t{pattern}\t{code}\tREQUEST\t\t\t\t{note}")
        elif plover_for(code, table) is not None:
            out.append(f"{pos}\t{pattern}\t{code}\t\t\t\t\t{note}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0



def coverage(text: str, lex) -> dict:
    """How much of CAMEO's verb vocabulary the lexicon codes: of the synonyms CAMEO itself
    gives a code (their own, their block's, or through a pattern), the share the lexicon has
    a verb row for (bare or with an object)."""
    _, blocks = read_dictionary(text)
    coded: set[str] = set()
    for b in blocks:
        for verb, own in b.verbs.items():
            if own or b.code or any(not origin or verb in origin for _, _, origin in b.patterns):
                coded.add(verb.split()[0])
    have = {v for v in coded if lex.candidates("verb", v)}
    return {"cameo_verbs": len(coded), "coded": len(have), "share": round(len(have) / len(coded), 3)}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
