"""``newsgraph eval TASK``: score an extractor on the gold data in ../shared/eval."""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from typing import Annotated

import typer

from .output import err

TASKS = {
    "times": "time expressions on TempEval-3 (TimeBank + AQUAINT)",
    "quotes": "quotations and attributions on PolNeAR",
    "events": "event coding on PETRARCH2's GSR and PLOVER sentences",
    "geo": "geoparsing on GeoWebNews and GeoVirus",
    "html": "HTML main-text extraction",
}


def run_task(task: str, *, limit: int | None = None, split: str | None = None) -> dict:
    """Run one evaluation module's ``evaluate`` and return its metrics."""
    module = importlib.import_module(f"newsgraph.eval.{task}")
    kwargs = {"limit": limit}
    if split and task == "quotes":
        kwargs["split"] = split
    return module.evaluate(**kwargs)


def available_tasks() -> list[str]:
    return [t for t in TASKS if importlib.util.find_spec(f"newsgraph.eval.{t}") is not None]


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        task: Annotated[str, typer.Argument(help=f"One of {', '.join(TASKS)}, or all.")],
        limit: Annotated[int | None, typer.Option(help="Only the first N documents (quick check).")] = None,
        split: Annotated[str | None, typer.Option(help="Data split where the set has one (quotes: train|dev).")] = None,
        json_: Annotated[bool, typer.Option("--json", help="Print metrics as JSON.")] = False,
    ) -> None:
        """Score extraction against gold data (../shared/eval or $NEWSGRAPH_SHARED); prints a Markdown report."""

        tasks = available_tasks() if task == "all" else [task]
        if task != "all" and task not in TASKS:
            raise typer.BadParameter(f"unknown task {task!r}; choose from {', '.join(TASKS)} or all")
        results = {}
        for t in tasks:
            err.print(f"evaluating {t}: {TASKS[t]} …")
            metrics = run_task(t, limit=limit, split=split)
            results[t] = metrics
            if not json_:
                module = importlib.import_module(f"newsgraph.eval.{t}")
                sys.stdout.write(module.report(metrics) + "\n\n")
        if json_:
            sys.stdout.write(json.dumps(results, indent=2, default=str) + "\n")
