"""Names the entity tagger labels wrongly: people it calls organisations, organisations it
calls people (used by :mod:`.persons` to sort the candidate spans).

* a word after an organisation noun ("the newspaper Novaya Gazeta") names the organisation;
* the last word of a full name the tagger labels a person is that person's surname, even where
  the tagger calls the word alone an organisation ("Ruiz said"), and "Senator Ruiz" tagged an
  organisation is the titled person;
* a name set off by a comma before "the <title> of ..." ("Ana Ruiz, the president of the
  tribunal, said") is a person.
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge, _role


def _org_noun_before(kb: Knowledge, span: TokSpan) -> bool:
    """A "person" right after an organisation noun is the organisation's name."""
    if span.start == 0:
        return False
    role = _role(kb, span.doc[span.start - 1])
    return role is not None and role[0] == "org"


def _tagged_surnames(kb: Knowledge, spans: list[TokSpan], labels: list[str], texts: list[str]) -> set[str]:
    """Last words of the full names the tagger labels as people ("Ana Ruiz"): the same word
    alone is her surname even where the tagger calls it an organisation elsewhere, unlike a
    newspaper's name it once took for a person."""
    return {text.rsplit(" ", 1)[-1] for s, label, text in zip(spans, labels, texts)
            if label == "PERSON" and " " in text and not _org_noun_before(kb, s)}


def _untitled(kb: Knowledge, span: TokSpan) -> TokSpan:
    """The span less the person titles it opens with ("Senator Ruiz" -> "Ruiz"); the span
    itself when it opens with none."""
    start = span.start
    while start < span.end - 1 and (r := _role(kb, span.doc[start])) is not None and r[0] == "person":
        start += 1
    return span if start == span.start else TokSpan(span.doc, start, span.end, label=span.label_)


APPOS_DETS = frozenset({"the", "a", "an"})


def _titled_apposition(kb: Knowledge, span: TokSpan) -> bool:
    """"Ana Ruiz, the president of the tribunal, said": a name of two or more words, none of them
    an organisation's keyword, set off by a comma before a person's title whose "of" names what
    they lead, is a person the tagger took for an organisation."""
    doc, end = span.doc, span.end
    if len(span) < 2 or span.text.isupper() or any(t.text in kb.org_keywords or not t.is_title for t in span):
        return False
    if end + 3 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in APPOS_DETS:
        return False
    for k in range(end + 2, min(len(doc) - 1, end + 5)):
        if (role := _role(kb, doc[k])) is not None and role[0] == "person" and doc[k + 1].lower_ == "of":
            return True
        if doc[k].is_punct:
            return False
    return False
