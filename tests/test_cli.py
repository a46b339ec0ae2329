"""The command line: exit codes, messages, output formats, documented commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import app, main
from newsgraph.records import json_schema

REPO = Path(__file__).resolve().parents[1]
from conftest import SHARED


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_schema_file_is_current(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json_schema()
    assert json.loads((REPO / "schema.json").read_text()) == json_schema(), "regenerate: newsgraph schema > schema.json"


def test_missing_file_is_one_clear_error(capsys):
    code, out, err = run(capsys, "analyze", "/no/such/article.txt")
    assert code == 2
    assert "/no/such/article.txt" in err and "no such file" in err
    assert "Traceback" not in err and out == ""


def test_bad_date_is_a_usage_error(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text.")
    code, _, err = run(capsys, "analyze", "--published", "30/11/2020", str(f))
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_unknown_model_says_what_to_install(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text.")
    code, _, err = run(capsys, "analyze", "--model", "xx_no_such_pipeline", str(f))
    assert code == 3
    assert "xx_no_such_pipeline" in err and "pip install" in err


def test_every_command_is_documented():
    doc = (REPO / "docs" / "cli.md").read_text()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names
    for name in names:
        assert f"newsgraph {name}" in doc, f"docs/cli.md lacks `newsgraph {name}`: run python docs/gen_cli.py"


@pytest.mark.model
def test_batch_reports_skips_and_exits_nonzero(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Police arrested 12 people in Minsk on Sunday.")
    code, out, err = run(capsys, "analyze", "--jsonl", "--plain", str(good), str(tmp_path / "missing.txt"))
    assert code == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 1 and lines[0]["article"]["text"] == good.read_text()
    assert "missing.txt" in err and "skipped 1" in err


@pytest.mark.model
def test_plain_json_keeps_offsets_on_input(capsys, tmp_path):
    text = "  Leading spaces stay.\nThe minister said on Friday that 300 people were detained in Minsk.\n"
    f = tmp_path / "a.txt"
    f.write_text(text)
    code, out, _ = run(capsys, "analyze", "--json", "--plain", "--published", "2020-11-30", str(f))
    assert code == 0
    rec = json.loads(out)
    assert rec["schema"] == "newsgraph/1"
    assert rec["article"]["text"] == text
    assert rec["article"]["published"] == "2020-11-30"


@pytest.mark.model
def test_events_tsv_has_gdelt_like_header(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia imposed sanctions on Ukraine on Monday.")
    code, out, _ = run(capsys, "analyze", "--events-tsv", "--plain", str(f))
    assert code == 0
    header = out.splitlines()[0].split("\t")
    assert header[:3] == ["EventId", "Date", "Actor1Name"] and "EventCode" in header


def _items(rec: dict):
    for key in ("times", "quantities", "places", "quotes", "claims"):
        for item in rec[key]:
            yield key, item
    for e in rec["events"]:
        yield "events.trigger", e["trigger"]


@pytest.mark.model
@pytest.mark.parametrize("path", sorted((REPO / "examples").glob("*.txt")) + [SHARED / "seed" / "belarus-2020-11-30.txt"],
                         ids=lambda p: Path(p).name)
def test_every_item_points_at_its_evidence(capsys, path):
    """The core promise: text == article.text[start:end] for every item, and mentions are in range."""
    if not Path(path).exists():
        pytest.skip(f"{path} not present")
    code, out, _ = run(capsys, "analyze", "--json", str(path))
    assert code == 0
    rec = json.loads(out)
    text = rec["article"]["text"]
    for key, item in _items(rec):
        assert text[item["start"]:item["end"]] == item["text"], (key, item)
    ids = {a["id"] for a in rec["actors"]}
    assert len(ids) == len(rec["actors"]), "actor ids are unique"
    for a in rec["actors"]:
        for m in a["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
    for e in rec["events"]:
        assert e["source"] is None or e["source"] in ids
        assert e["target"] is None or e["target"] in ids
        assert e["place"] is None or 0 <= e["place"] < len(rec["places"])


@pytest.mark.model
def test_ids_are_stable_across_runs(capsys):
    seed = SHARED / "seed" / "belarus-2020-11-30.txt"
    if not seed.exists():
        pytest.skip("shared seed article not present")
    first = json.loads(run(capsys, "analyze", "--json", str(seed))[1])
    second = json.loads(run(capsys, "analyze", "--json", str(seed))[1])
    assert first["article"]["id"] == second["article"]["id"]
    assert [a["id"] for a in first["actors"]] == [a["id"] for a in second["actors"]]
    assert [e["id"] for e in first["events"]] == [e["id"] for e in second["events"]]


def test_cli_reference_states_the_behaviour():
    """docs/cli.md carries the behaviour section (date periods, overwriting, exit codes)."""
    doc = (REPO / "docs" / "cli.md").read_text()
    behaviour = (REPO / "docs" / "cli_behaviour.md").read_text().strip()
    assert behaviour in doc, "regenerate: python docs/gen_cli.py"
    for phrase in ("--until 2005` ends on 2005-12-31", "--force", "| 4 | store error", "| 143 |"):
        assert phrase in doc


def test_analyze_summary_counts_what_it_lists_and_prints_text_literally():
    """"Places (3)" listed one place (names are listed once); article text was read as markup."""
    import io

    from rich.console import Console

    from newsgraph.cli.summary import render
    from newsgraph.records import Article, Place, Record

    text = "[bold red]Minsk[/] and [/b] Minsk, Minsk \x1b]0;pwned\x07 and Brest."
    places = [Place(start=i, end=i + 5, text="Minsk", name="Minsk", country="BLR") for i in (11, 27, 34)]
    places.append(Place(start=59, end=64, text="Brest", name="Brest", country="BLR"))
    rec = Record(article=Article(id="x", title="[bold red]Talks[/] [/b]", text=text), places=places)
    buf = io.StringIO()
    render(rec, Console(file=buf, width=200, force_terminal=False))
    shown = buf.getvalue()
    assert "Places (2)" in shown
    assert [line.split()[0] for line in shown.split("Places (2)")[1].strip().splitlines()] == ["Minsk", "Brest"]
    assert "[bold red]Talks[/] [/b]" in shown


def test_analyze_summary_says_an_unnamed_party_is_not_named_in_the_text():
    """The story country's unnamed party (events.unnamed) has no mentions: no "×0", and it says why."""
    import io

    from rich.console import Console

    from newsgraph.cli.summary import render
    from newsgraph.records import Actor, Article, Record

    rec = Record(article=Article(id="x", title="t", text="Police detained dozens."),
                 actors=[Actor(id="per-unnamed", name="PER (not named)", kind="unnamed", country="PER")])
    buf = io.StringIO()
    render(rec, Console(file=buf, width=200, force_terminal=False))
    line = next(ln for ln in buf.getvalue().splitlines() if "PER (not named)" in ln)
    assert "×" not in line and "does not name" in line
