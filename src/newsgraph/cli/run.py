"""``newsgraph run``: analyse inputs on a Dask cluster into a Parquet dataset (docs/scale.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from .output import err

_SHOWN_SKIPS = 20


def _reporter():
    """Progress on stderr: a rich line on a terminal, one plain line per shard otherwise."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("run"), BarColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                   console=err, disable=not err.is_terminal, transient=True)
    task = bar.add_task("starting the cluster", total=None)
    counts = {"shards": 0, "articles": 0, "skipped": 0, "failed": 0}

    def tick(event: str, info: dict[str, Any]) -> None:
        if event == "start":
            line = f"{info['workers']} workers"
        elif event == "corpus":
            line = f"corpus step: {info['step']}"
        else:
            counts["shards"] += 1
            counts["articles"] += info.get("articles", 0) if event != "failed" else 0
            counts["skipped"] += info.get("skipped", 0)
            counts["failed"] += event == "failed"
            state = "done" if event == "shard" else "FAILED"
            line = (f"shard {info['key']} {state}: {counts['shards']} shards, {counts['articles']} articles, "
                    f"{counts['skipped']} skipped" + (f", {counts['failed']} failed" if counts["failed"] else ""))
        bar.update(task, description=line)
        if not err.is_terminal:
            err.print(line, markup=False, soft_wrap=True)

    return bar, tick


def _print_summary(summary, out: Path) -> None:
    from ..run.dataset import read_table

    kinds = ", ".join(f"{k} {v}" for k, v in sorted(summary.skipped.items()))
    n_skipped = sum(summary.skipped.values())
    err.print(f"{out}: {summary.articles} articles ({summary.analysed_now} analysed by this run), "
              f"{n_skipped} skipped{f' ({kinds})' if kinds else ''}, {summary.repeated} repeated; "
              f"{summary.already} inputs already in the dataset; {summary.shards} shards ({len(summary.failed)} failed) "
              f"on {summary.workers} workers; {summary.seconds:.1f} s ({summary.startup:.1f} s to start), "
              f"{summary.rate:.2f} articles/s ({summary.steady_rate:.2f} once started)",
              markup=False, soft_wrap=True)
    if n_skipped:
        rows = read_table(out, "skipped", ["source", "kind", "reason"]).to_pylist()
        for row in rows[:_SHOWN_SKIPS]:
            err.print(f"  skipped {row['source']} [{row['kind']}]: {row['reason']}", markup=False, soft_wrap=True)
        if len(rows) > _SHOWN_SKIPS:
            err.print(f"  … and {len(rows) - _SHOWN_SKIPS} more: see {out / 'skipped'}", markup=False, soft_wrap=True)
    for failed in summary.failed:
        err.print(f"  shard {failed['shard']}: {failed['reason']}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``newsgraph run`` to the app."""

    @app.command("run")
    def run_(
        paths: Annotated[list[str], typer.Argument(help="The inputs `ingest` reads: files, directories, .jsonl[.gz], feeds, WARC files.")],
        out: Annotated[Path, typer.Option("--out", help="Dataset directory (created; a rerun resumes it).")],
        scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler, e.g. tcp://host:8786 (default: a local cluster).")] = None,
        workers: Annotated[int | None, typer.Option(min=1, help="Worker processes of the local cluster [default: the cores].")] = None,
        partition_size: Annotated[int, typer.Option(min=1, help="Articles per shard (one task each).")] = 1000,
        partition_by: Annotated[str, typer.Option(help="Publication-date partitions: year, month or day.")] = "month",
        model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path [env: NEWSGRAPH_MODEL].")] = None,
        timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for the scheduler before giving up (exit 6).")] = 10.0,
        corpus: Annotated[bool, typer.Option("--corpus/--no-corpus", help="Compute near-duplicates and corpus actors.")] = True,
        json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    ) -> int:
        """Analyse articles on a Dask cluster into a Parquet dataset; resumable, idempotent."""
        if scheduler is None:  # before anything else: the workers' forkserver loads the pipeline meanwhile
            from ..run.local import start_forkserver

            start_forkserver(model)
        from ..run.cluster import run

        bar, tick = _reporter()
        with bar:
            summary = run(paths, out, scheduler=scheduler, workers=workers, partition_size=partition_size,
                          partition_by=partition_by, model=model, timeout=timeout, corpus=corpus, progress=tick)
        _print_summary(summary, out)
        if json_:
            sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
        if not summary.articles and summary.skipped and not summary.failed:
            raise InputError(f"none of the {sum(summary.skipped.values())} inputs could be analysed (reasons above)")
        return 0 if summary.ok else 1
