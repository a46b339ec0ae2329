"""``newsgraph analyze``: one article or a batch, to a summary, JSON, or GDELT-like TSV."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Annotated

import typer

from typing import TYPE_CHECKING

from ..errors import InputError
from ..ingest.skipped import Skipped
from .output import err, json_text, out, tsv_cell

if TYPE_CHECKING:
    from ..records import Article, Record

EVENT_COLUMNS = [
    "EventId", "Date", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Name",
    "Actor2CountryCode", "Actor2Type1Code", "EventCode", "EventRootCode", "PloverType", "PloverMode",
    "IsNegated", "IsHypothetical", "AttributedTo", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "Confidence", "ArticleId", "SourceUrl", "Trigger", "Sentence",
]


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def prepared_articles(paths: Iterable[str], skipped: list[Skipped], *, plain: bool,
                      published: str | None) -> Iterator[Article]:
    """Prepared articles from the inputs; every skipped input is appended to ``skipped``."""
    from ..ingest.article import prepare
    from ..ingest.sources import iter_inputs

    for item in iter_inputs(paths, plain=plain, published=published):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        if not item.text.strip():
            skipped.append(Skipped(item.source or "?", "empty", "no text to analyse; check the input"))
            continue
        for warning in item.warnings:
            err.print(f"warning: {item.source}: {warning}", markup=False, soft_wrap=True)
        yield prepare(item)


def event_rows(rec: Record) -> Iterator[dict]:
    """GDELT-like rows for the events of one record (for people with GDELT tooling)."""
    actors = {a.id: a for a in rec.actors}
    text = rec.article.text
    for e in rec.events:
        a1, a2 = actors.get(e.source), actors.get(e.target)
        place = rec.places[e.place] if e.place is not None and e.place < len(rec.places) else None
        yield {
            "EventId": f"{rec.article.id}-{e.id}",
            "Date": e.date or "",
            "Actor1Name": a1.name if a1 else "", "Actor1CountryCode": (a1.country or "") if a1 else "",
            "Actor1Type1Code": (a1.sector or "") if a1 else "",
            "Actor2Name": a2.name if a2 else "", "Actor2CountryCode": (a2.country or "") if a2 else "",
            "Actor2Type1Code": (a2.sector or "") if a2 else "",
            "EventCode": e.cameo or "", "EventRootCode": (e.cameo or "")[:2],
            "PloverType": e.type, "PloverMode": e.mode or "",
            "IsNegated": int(e.negated), "IsHypothetical": int(e.hypothetical),
            "AttributedTo": actors[e.attributed_to].name if e.attributed_to in actors else "",
            "ActionGeo_FullName": place.name if place else "",
            "ActionGeo_CountryCode": (place.country or "") if place else "",
            "ActionGeo_Lat": place.lat if place and place.lat is not None else "",
            "ActionGeo_Long": place.lon if place and place.lon is not None else "",
            "Confidence": round(e.confidence, 3), "ArticleId": rec.article.id,
            "SourceUrl": rec.article.url or "", "Trigger": e.trigger.text,
            "Sentence": " ".join(text[e.sentence.start:e.sentence.end].split()),
        }


def filter_events(rec: Record, min_confidence: float) -> Record:
    if min_confidence <= 0:
        return rec
    return rec.model_copy(update={"events": [e for e in rec.events if e.confidence >= min_confidence]})


# What each output format prints for one record. With --processes the workers call these (``render`` of
# ``analyze_many``) and send the finished text, so the parent only writes it.

def jsonl_line(rec: Record, min_confidence: float) -> str:
    return json_text(filter_events(rec, min_confidence).to_json()) + "\n"


def json_document(rec: Record, min_confidence: float) -> str:
    return filter_events(rec, min_confidence).to_json(indent=2)


def tsv_lines(rec: Record, min_confidence: float) -> str:
    return "".join("\t".join(tsv_cell(row[c]) for c in EVENT_COLUMNS) + "\n"
                   for row in event_rows(filter_events(rec, min_confidence)))


def _renderer(json_: bool, jsonl: bool, events_tsv: bool, min_confidence: float):
    """The per-record function for the chosen output (the summary renders records, in the parent)."""
    fn = jsonl_line if jsonl else tsv_lines if events_tsv else json_document if json_ else filter_events
    return functools.partial(fn, min_confidence=min_confidence)


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(
        paths: Annotated[list[str], typer.Argument(help="Article files (text, Markdown, HTML), directories, .jsonl[.gz] files, or - for stdin.")],
        json_: Annotated[bool, typer.Option("--json", help="Print the newsgraph/1 record as JSON (a list when there are several).")] = False,
        jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one newsgraph/1 record per line.")] = False,
        events_tsv: Annotated[bool, typer.Option("--events-tsv", help="Print the events as GDELT-like tab-separated rows.")] = False,
        published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (sets or overrides the article's).")] = None,
        plain: Annotated[bool, typer.Option("--plain", help="Treat input as body text exactly as given: no headline/byline detection; offsets match the input.")] = False,
        model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path [env: NEWSGRAPH_MODEL; default en_core_web_md].")] = None,
        processes: Annotated[int, typer.Option(min=1, help="Analyse a batch on N processes.")] = 1,
        min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Drop events below this confidence.")] = 0.0,
    ) -> int:
        """Analyse articles into newsgraph/1 records: actors, events, quotes, claims, figures, dates, places."""
        from ..pipeline import analyze_many, resolve_model, shared_pipeline

        published = _check_date(published)
        if sum((json_, jsonl, events_tsv)) > 1:
            raise typer.BadParameter("choose one of --json, --jsonl, --events-tsv")
        skipped: list[Skipped] = []
        articles = prepared_articles(paths, skipped, plain=plain, published=published)
        nlp = None if processes > 1 else shared_pipeline(resolve_model(model))
        documents: list[str] = []
        count = 0
        batch = len(paths) > 1 or any(Path(p).is_dir() or ".json" in p for p in paths)
        render = _renderer(json_, jsonl, events_tsv, min_confidence)
        with ExitStack() as stack:  # closing(): an interruption stops the workers at once
            tick = stack.enter_context(_progress(enabled=batch, paths=paths))
            results = analyze_many(articles, nlp, model=model, n_process=processes, render=render)
            for item in stack.enter_context(closing(results)):
                count += 1
                tick()
                if jsonl:
                    sys.stdout.write(item)
                elif events_tsv:
                    if count == 1:
                        sys.stdout.write("\t".join(EVENT_COLUMNS) + "\n")
                    sys.stdout.write(item)
                elif json_:
                    documents.append(item)
                else:
                    from .summary import render as render_summary

                    if count > 1:
                        out.print("\n" + "─" * 60 + "\n")
                    render_summary(item, out)
        if json_:
            if len(documents) == 1:
                sys.stdout.write(documents[0] + "\n")
            else:
                sys.stdout.write("[" + ",\n".join(documents) + "]\n")
        return _finish(count, skipped)


def _finish(count: int, skipped: list[Skipped]) -> int:
    """Exit code: 0 all fine; 1 some skipped; 2 (via InputError) nothing could be analysed."""
    if skipped and not count:
        if len(skipped) == 1:
            raise InputError(skipped[0].reason, source=skipped[0].source)
        raise InputError(f"none of the {len(skipped)} inputs could be analysed (reasons above)")
    if skipped:
        err.print(f"analysed {count}, skipped {len(skipped)}:")
        for s in skipped:
            err.print(f"  {s.source}: {s.kind}: {s.reason}")
        return 1
    return 0


class _progress:
    """A progress bar on stderr for batches, only on a terminal."""

    def __init__(self, enabled: bool, paths: list[str]) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.paths = paths

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        from ..ingest.sources import count_inputs

        self._p = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           TextColumn("ETA"), TimeRemainingColumn(), console=err, transient=True,
                           redirect_stdout=False, redirect_stderr=False)
        self._p.start()
        task = self._p.add_task("analyse", total=count_inputs(self.paths))
        return lambda: self._p.advance(task)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._p.stop()
