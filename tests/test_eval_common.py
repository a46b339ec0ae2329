"""Shared evaluation plumbing: finding gold data, and failing the same way when it is absent."""

from __future__ import annotations

import importlib

import pytest

from newsgraph.eval.common import read_jsonl, write_jsonl


@pytest.mark.parametrize("task", ["times", "geo", "quotes", "events", "html"])
def test_missing_gold_data_is_one_line_and_exit_5(task, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("NEWSGRAPH_SHARED", str(tmp_path / "absent"))
    code = importlib.import_module(f"newsgraph.eval.{task}").main(["--limit", "1"])
    err = capsys.readouterr().err
    assert code == 5
    assert err.startswith("error: ") and "NEWSGRAPH_SHARED" in err and "Traceback" not in err


def test_jsonl_helpers_round_trip_with_limit(tmp_path):
    rows = [{"doc": i, "text": "“Zürich” ’90s"} for i in range(5)]
    write_jsonl(tmp_path / "x.jsonl", rows)
    assert read_jsonl(tmp_path / "x.jsonl") == rows
    assert read_jsonl(tmp_path / "x.jsonl", limit=2) == rows[:2]
