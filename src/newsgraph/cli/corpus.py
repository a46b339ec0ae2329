"""Corpus commands: ingest, search, events, actors, actor, quotes, timeline, stats, export.

Each parses its options, opens the store and calls one library function
(``newsgraph.corpus``, ``newsgraph.query``, ``newsgraph.export``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from ..store import Store, default_db
from .output import emit, err, json_text, pick_format

Db = Annotated[Path | None, typer.Option("--db", help="Store file [env: NEWSGRAPH_DB; default ./newsgraph.db].")]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
Jsonl = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")]
Csv = Annotated[bool, typer.Option("--csv", help="Print CSV with a header.")]
Since = Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD: from the start of that period).")]
Until = Annotated[str | None, typer.Option(help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD: to the end of that period, so --until 2005 includes all of 2005).")]
Limit = Annotated[int, typer.Option(min=0, help="At most N rows (0: all).")]


@contextmanager
def _open(db: Path | None) -> Iterator[Store]:
    """An existing store, opened read-only (a query never creates or changes a file); SQLite errors
    while using it become ``StoreError``s that say what to do."""
    import sqlite3

    from ..store.sqlite import store_error

    path = db or default_db()
    with Store(path, create=False, readonly=True) as store:
        try:
            yield store
        except sqlite3.Error as exc:
            raise store_error(exc, path) from None


def _emit(rows: list[dict], json_: bool, jsonl: bool, csv_: bool, columns: list[str] | None = None,
          title: str | None = None) -> int:
    emit(rows, pick_format(json_, jsonl, csv_), columns, title=title)
    return 0


def _note_cut(rows: list, limit: int, total: Callable[[], int]) -> None:
    """Say on stderr when ``--limit`` cut the result, and how to get everything."""
    if limit and len(rows) >= limit:
        n = total()
        if n > len(rows):
            err.print(f"{len(rows):,} of {n:,} rows; use --limit 0 for all", markup=False, soft_wrap=True)


def _progress(enabled: bool):
    """A rich progress display on stderr; a no-op when stderr is not a terminal."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    return Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err, disable=not enabled, transient=True,
                    redirect_stdout=False, redirect_stderr=False)  # data on stdout stays on stdout


def _print_summary(summary: Any, db: Path) -> None:
    err.print(f"{db}: {summary.ingested} ingested, {summary.unchanged} unchanged, "
              f"{summary.duplicates} near-duplicates, {len(summary.skipped)} skipped", soft_wrap=True)
    for s in summary.skipped:
        err.print(f"  skipped {s.source} [{s.kind}]: {s.reason}", markup=False, soft_wrap=True)
    for source, warning in summary.warnings:
        err.print(f"  warning {source}: {warning}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``newsgraph`` app."""

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Article files, directories, .jsonl[.gz] (articles or exported newsgraph/1 records), RSS/Atom feeds, WARC files, or - for stdin.")],
        db: Db = None,
        model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path [env: NEWSGRAPH_MODEL].")] = None,
        processes: Annotated[int, typer.Option(min=1, help="Analyse on N processes.")] = 1,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-analyse articles already in the store.")] = False,
        json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    ) -> int:
        """Analyse articles into a SQLite store; resumable, idempotent, near-duplicates linked."""
        from ..corpus import ingest as run

        path = db or default_db()
        counts = {"ingested": 0, "duplicate": 0, "unchanged": 0, "skipped": 0}
        with _progress(err.is_terminal) as bar:
            from ..ingest.sources import count_inputs

            task = bar.add_task("", total=count_inputs(paths) if err.is_terminal else None)

            def tick(status: str, source: str) -> None:
                counts[status] = counts.get(status, 0) + 1
                bar.update(task, advance=1, description=", ".join(f"{v} {k}" for k, v in counts.items() if v))

            summary = run(paths, path, model=model, processes=processes, rebuild=rebuild, progress=tick)
        _print_summary(summary, path)
        if json_:
            sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0 if summary.ok else 1

    @app.command()
    def search(
        query: Annotated[str, typer.Argument(help="FTS5 query: words, \"a phrase\", AND/OR/NOT, prefix*.")],
        since: Since = None, until: Until = None,
        outlet: Annotated[str | None, typer.Option(help="Only this outlet (any case).")] = None,
        limit: Limit = 20, db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
    ) -> int:
        """Full-text search of article text, newest first, with snippets."""
        from .. import query as q

        with _open(db) as store:
            rows = q.search(store, query, since=since, until=until, outlet=outlet, limit=limit or 10**9)
            _note_cut(rows, limit, lambda: q.count_search(store, query, since=since, until=until, outlet=outlet))
        return _emit(rows, json_, jsonl, csv_, ["published", "outlet", "title", "snippet", "id"]
                     if pick_format(json_, jsonl, csv_) is None else None)

    @app.command()
    def events(
        actor: Annotated[str | None, typer.Option(help="Events with this actor on either side.")] = None,
        source: Annotated[str | None, typer.Option(help="Events by this actor.")] = None,
        target: Annotated[str | None, typer.Option(help="Events on this actor.")] = None,
        country: Annotated[str | None, typer.Option(help="Source or target country: ISO alpha-3 or alpha-2 code or English name, any case.")] = None,
        type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT (any case).")] = None,
        since: Since = None, until: Until = None,
        min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Only events at least this confident.")] = None,
        include_negated: Annotated[bool, typer.Option("--include-negated", help="Also events the text negates.")] = False,
        limit: Limit = 100, db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
    ) -> int:
        """Events with their evidence (article and sentence), newest first."""
        from .. import query as q

        with _open(db) as store:
            filters = dict(actor=actor, source=source, target=target, country=country, type=type_,
                           since=since, until=until, min_confidence=min_confidence,
                           include_negated=include_negated)
            rows = q.events(store, **filters, limit=limit or None)
            _note_cut(rows, limit, lambda: q.count_events(store, **filters))
        table = ["day", "type", "source", "target", "confidence", "sentence", "title", "article_id"]
        return _emit(rows, json_, jsonl, csv_, table if pick_format(json_, jsonl, csv_) is None else None)

    @app.command()
    def actors(
        country: Annotated[str | None, typer.Option(help="Only this country: ISO alpha-3 or alpha-2 code or English name, any case.")] = None,
        sector: Annotated[str | None, typer.Option(help="Only this sector (GOV, MIL, IGO …).")] = None,
        kind: Annotated[str | None, typer.Option(help="person, organization, state, group or unnamed (a party of a country the text implies but does not name).")] = None,
        limit: Limit = 100, db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
    ) -> int:
        """Corpus actors with article, mention and event counts, most mentioned first."""
        from .. import query as q

        with _open(db) as store:
            rows = q.actors(store, country=country, sector=sector, kind=kind, limit=limit or None)
            _note_cut(rows, limit, lambda: q.count_actors(store, country=country, sector=sector, kind=kind))
        return _emit(rows, json_, jsonl, csv_)

    @app.command()
    def actor(
        name: Annotated[str, typer.Argument(help="A name, a variant or a surname.")],
        db: Db = None,
        json_: Annotated[bool, typer.Option("--json", help="Print the whole profile as one JSON object.")] = False,
        jsonl: Annotated[bool, typer.Option("--jsonl", help="Print the whole profile as one line of JSON.")] = False,
        csv_: Annotated[bool, typer.Option("--csv", help="Print its relations (direction, actor, type, count) as CSV with a header.")] = False,
    ) -> int:
        """One actor's profile: names and titles seen, who it acts on and who acts on it, its quotations.

        On a terminal: the profile and two tables. Piped without a flag: the relations as TSV.
        """
        from .. import query as q

        with _open(db) as store:
            prof = q.actor_profile(store, name)
        fmt = pick_format(json_, jsonl, csv_)
        if fmt in ("json", "jsonl"):
            text = json.dumps(prof, ensure_ascii=False, indent=2 if fmt == "json" else None)
            sys.stdout.write(json_text(text) + "\n")
            return 0
        columns = ["direction", "actor", "type", "count"]
        relations = ([{"direction": "acts on", "actor": r["target"], "type": r["type"], "count": r["count"]}
                      for r in prof["acts_on"]]
                     + [{"direction": "acted on by", "actor": r["source"], "type": r["type"], "count": r["count"]}
                        for r in prof["acted_on_by"]])
        if fmt is None and sys.stdout.isatty():
            err.print(f"{prof['name']} ({prof['kind']}, {prof['country'] or '-'}/{prof['sector'] or '-'}): "
                      f"{prof['articles']} articles, {prof['mentions']} mentions; also called "
                      f"{', '.join(prof['names']) or '-'}; titles {', '.join(t['title'] for t in prof['titles']) or '-'}",
                      soft_wrap=True)
            emit(relations, None, columns, title="events")
            emit(prof["quotes"], None, ["published", "text", "title"], title="quotations")
            return 0
        emit(relations, fmt, columns)
        return 0

    @app.command()
    def quotes(
        speaker: Annotated[str | None, typer.Option(help="Only quotations by this actor.")] = None,
        text: Annotated[str | None, typer.Option("--search", help="Full-text query on the quoted words (FTS5).")] = None,
        limit: Limit = 100, db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
    ) -> int:
        """Quotations with speaker, cue and article, newest first."""
        from .. import query as q

        with _open(db) as store:
            rows = q.quotes(store, speaker=speaker, text=text, limit=limit or None)
            _note_cut(rows, limit, lambda: q.count_quotes(store, speaker=speaker, text=text))
        return _emit(rows, json_, jsonl, csv_)

    @app.command()
    def timeline(
        actor: Annotated[str | None, typer.Option(help="Only this actor's events and its articles' dates.")] = None,
        since: Since = None, until: Until = None,
        limit: Limit = 500, db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False,
    ) -> int:
        """Events and dated items in date order."""
        from .. import query as q

        with _open(db) as store:
            rows = q.timeline(store, actor=actor, since=since, until=until, limit=limit or None)
            _note_cut(rows, limit, lambda: len(q.timeline(store, actor=actor, since=since, until=until, limit=None)))
        return _emit(rows, json_, jsonl, csv_)

    @app.command()
    def stats(db: Db = None, json_: Json = False, jsonl: Jsonl = False, csv_: Csv = False) -> int:
        """Totals, and counts by day, outlet and event type (near-duplicates left out)."""
        from .. import query as q

        with _open(db) as store:
            rows = q.stats(store)
        return _emit(rows, json_, jsonl, csv_)

    @app.command()
    def export(
        format_: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet | graphml | gexf")],
        out: Annotated[str, typer.Option("--out", help="Output file (jsonl, graphml, gexf; - for stdout) or directory (csv, parquet: one file per table). Missing folders are created; the store and existing files are never overwritten without --force.")],
        force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files (never the store).")] = False,
        db: Db = None,
    ) -> int:
        """Export the store: newsgraph/1 records, tables, or the actor network."""
        from ..export import export as run

        with _open(db) as store:
            paths = run(store, format_, out, force=force)
        if out != "-":
            err.print(f"wrote {len(paths)} file(s) to {out}", markup=False, soft_wrap=True)
        return 0
