"""The command line as a person runs it: a real pseudo-terminal on stderr (and stdout where it matters).

Data goes to stdout whatever is a terminal; progress and messages go to stderr.
"""

from __future__ import annotations

import json

import pytest
from pty_cli import run_cli

ARTICLES = [
    {"id": "a1", "title": "Talks in Geneva", "date": "2020-11-30", "source": "Example Wire",
     "text": "Russia imposed sanctions on Ukraine on Monday. The minister said talks would resume."},
    {"id": "a2", "title": "Protest in Minsk", "date": "2020-12-01", "source": "Example Wire",
     "text": "Police arrested 12 protesters in Minsk on Sunday, the interior ministry said."},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return path


@pytest.mark.model
@pytest.mark.parametrize("flag", ["--jsonl", "--events-tsv"])
def test_analyze_batch_records_reach_redirected_stdout_while_stderr_is_a_terminal(corpus, flag):
    """The progress display used to capture stdout: 0 lines reached the file, records went to the screen."""
    res = run_cli("analyze", flag, str(corpus))
    assert res.code == 0, res.terminal
    lines = res.stdout.splitlines()
    if flag == "--jsonl":
        assert [json.loads(x)["article"]["id"] for x in lines] == ["a1", "a2"]
    else:
        assert lines[0].startswith("EventId\t") and len(lines) > 1
    assert "a1" not in res.terminal and "EventId" not in res.terminal
    assert "0/2" in res.terminal and "/?" not in res.terminal  # the progress bar knows the total


@pytest.fixture
def store_db(tmp_path):
    """A small store written from hand-made records (no model needed)."""
    from newsgraph.store import Store
    from test_query import _article

    db = tmp_path / "s.db"
    with Store(db) as s:
        s.write(_article("a1", "2005-02-10", "Putin and Lukashenko met in Sochi.", "CONSULT", outlet="TASS",
                         quote="met in Sochi"))
        s.write(_article("a2", "2004-06-15", "Putin Lukashenko criticised over the protests.", "ACCUSE",
                         date="2004-06-14"))
    return db


def test_export_to_stdout_and_refusals_under_a_terminal(store_db, tmp_path):
    res = run_cli("export", "--format", "jsonl", "--out", "-", "--db", str(store_db))
    assert res.code == 0, res.terminal
    assert [json.loads(x)["article"]["id"] for x in res.stdout.splitlines()] == ["a1", "a2"]
    before = store_db.read_bytes()
    res = run_cli("export", "--format", "graphml", "--out", str(store_db), "--db", str(store_db), stdout_tty=True)
    assert res.code == 2 and "store being exported" in res.terminal and "Traceback" not in res.terminal
    assert store_db.read_bytes() == before
    res = run_cli("export", "--format", "csv", "--out", str(tmp_path / "new" / "csv"), "--db", str(store_db),
                  stdout_tty=True)
    assert res.code == 0 and (tmp_path / "new" / "csv" / "events.csv").exists()
    res = run_cli("export", "--format", "csv", "--out", str(tmp_path / "new" / "csv"), "--db", str(store_db),
                  stdout_tty=True)
    assert res.code == 2 and "--force" in res.terminal


@pytest.mark.model
def test_ingest_directory_reports_every_file_and_warns_on_dates(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "articles.json").write_text(json.dumps([ARTICLES[0], {**ARTICLES[1], "date": "01/03/2021"}]))
    (src / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (src / "notes.csv").write_text("a,b\n")
    db = tmp_path / "s.db"
    res = run_cli("ingest", str(src), "--db", str(db), "--json")
    assert res.code == 1, res.terminal
    summary = json.loads(res.stdout)
    assert summary["ingested"] == 2
    assert {(s["source"].rsplit("/", 1)[-1], s["kind"]) for s in summary["skipped"]} == {
        ("photo.png", "binary"), ("notes.csv", "unknown_type")}
    assert "photo.png" in res.terminal and "notes.csv" in res.terminal
    assert "articles.json[1]" in res.terminal and "01/03/2021" in res.terminal
    assert "0/4" in res.terminal and "/?" not in res.terminal and "ETA" in res.terminal  # a total, not 200/?
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert {r[0].rsplit("/", 1)[-1] for r in conn.execute("SELECT source FROM skipped")} == {"photo.png", "notes.csv"}


HOSTILE = "Putin and [ceasefire] talks [/b] [bold red]loud[/] \x1b[2Jcleared\x1b]0;pwned\x07 now."


@pytest.fixture
def hostile_db(tmp_path):
    """A store holding article text with rich markup and terminal escapes (as an older store could)."""
    from newsgraph.store import Store
    from test_query import _article

    db = tmp_path / "h.db"
    rec = _article("h1", "2005-02-10", HOSTILE, "CONSULT", quote="[/b] [bold red]loud[/]")
    rec = rec.model_copy(update={"article": rec.article.model_copy(update={"title": "Title \x1b]0;pwned\x07 [x]"})})
    with Store(db) as s:
        s.write(rec)
        for n in range(3):
            s.write(_article(f"o{n}", f"2004-01-0{n + 1}", "Putin Lukashenko consulted.", "CONSULT"))
    return db


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["search", "ceasefire"], ["timeline"],
                                     ["actors"], ["stats"], ["actor", "Putin"]])
def test_query_tables_print_article_text_literally(hostile_db, command):
    """Stored text was read as rich markup ("[ceasefire]" vanished, "[/b]" crashed with MarkupError)
    and escape sequences reached the terminal."""
    res = run_cli(*command, "--db", str(hostile_db), stdout_tty=True)
    assert res.code == 0, res.terminal
    assert "Traceback" not in res.terminal and "MarkupError" not in res.terminal
    assert "\x1b]0;" not in res.terminal and "\x1b[2J" not in res.terminal
    if command[0] in ("events", "search"):
        assert "[ceasefire]" in res.terminal
    if command[0] == "quotes":
        assert "[/b] [bold red]loud[/]" in res.terminal


def test_piped_tsv_is_one_row_per_line_and_csv_keeps_its_header(hostile_db):
    res = run_cli("quotes", "--db", str(hostile_db))  # stdout a pipe: TSV; stderr the terminal
    lines = res.stdout.splitlines()
    assert res.code == 0 and len(lines) == 2 and lines[0].split("\t")[0] == "speaker"
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)
    res = run_cli("events", "--db", str(hostile_db), "--type", "ASSAULT", "--csv")
    assert res.code == 0 and res.stdout.startswith("event_id,day,date,type")
    res = run_cli("actor", "Putin", "--db", str(hostile_db), "--json")
    assert json.loads(res.stdout)["name"] == "Vladimir Putin"


def test_query_errors_and_limits_under_a_terminal(hostile_db):
    res = run_cli("events", "--since", "banana", "--db", str(hostile_db), stdout_tty=True)
    assert res.code == 2 and "--since" in res.terminal and "Traceback" not in res.terminal
    res = run_cli("search", "Putin", "--until", "2005-13", "--db", str(hostile_db), stdout_tty=True)
    assert res.code == 2 and "--until" in res.terminal and "Traceback" not in res.terminal
    res = run_cli("events", "--limit", "2", "--db", str(hostile_db), "--csv")
    assert res.code == 0 and len(res.stdout.splitlines()) == 3
    assert "2 of 4 rows; use --limit 0 for all" in res.stderr
    res = run_cli("events", "--since", "2004", "--until", "2004", "--country", "russia", "--db", str(hostile_db),
                  "--jsonl")
    assert res.code == 0 and len(res.stdout.splitlines()) == 3


def _damage(db):
    """Overwrite the pages of the article, event and quote tables with noise (the schema still reads)."""
    import random
    import sqlite3

    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE name IN "
                                            "('articles', 'events', 'quotes', 'corpus_actors')")]
    data = bytearray(db.read_bytes())
    rng = random.Random(7)
    for page in pages:
        for i in range((page - 1) * size, page * size):
            data[i] = rng.randrange(256)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("command", [["stats"], ["events"], ["export", "--format", "jsonl", "--out", "x.jsonl"],
                                     ["ingest", "in.txt"]])
def test_a_damaged_store_is_a_store_error(store_db, tmp_path, command):
    """A corrupted file gave sqlite3.DatabaseError tracebacks."""
    _damage(store_db)
    (tmp_path / "in.txt").write_text("Police detained 12 protesters in Minsk on Sunday.")
    res = run_cli(*command, "--db", str(store_db), cwd=tmp_path, stdout_tty=True)
    assert res.code == 4, res.terminal
    assert "Traceback" not in res.terminal and "damaged" in res.terminal and str(store_db) in res.terminal


@pytest.fixture
def immutable_store(store_db):
    """The store file and its folder made immutable (as root: chattr +i), like a read-only mount."""
    import subprocess

    made = [p for p in (store_db, store_db.parent)
            if subprocess.run(["chattr", "+i", str(p)], capture_output=True).returncode == 0]
    if len(made) < 2:
        for p in made:
            subprocess.run(["chattr", "-i", str(p)])
        pytest.skip("cannot make files immutable here (needs root and chattr)")
    yield store_db
    for p in made:
        subprocess.run(["chattr", "-i", str(p)])


def test_a_read_only_store_can_be_queried_and_refuses_ingest_clearly(immutable_store, tmp_path_factory):
    res = run_cli("stats", "--db", str(immutable_store), "--csv")
    assert res.code == 0, res.terminal
    assert "total,articles,2" in res.stdout
    res = run_cli("search", "Sochi", "--db", str(immutable_store), "--csv")
    assert res.code == 0 and "a1" in res.stdout
    src = tmp_path_factory.mktemp("in") / "a.txt"
    src.write_text("Police detained 12 protesters in Minsk on Sunday.")
    res = run_cli("ingest", str(src), "--db", str(immutable_store), stdout_tty=True)
    assert res.code == 4 and "read-only" in res.terminal and "Traceback" not in res.terminal


def test_version_and_short_help():
    res = run_cli("--version", stdout_tty=True)
    assert res.code == 0 and res.stdout.strip().startswith("newsgraph ") and res.stdout.split()[1][0].isdigit()
    for args in (["-h"], ["stats", "-h"], ["export", "-h"]):
        res = run_cli(*args, stdout_tty=True)
        assert res.code == 0 and "Usage: newsgraph" in res.stdout and "--db" in res.stdout or args == ["-h"]


@pytest.mark.parametrize("args", [["stats"], ["search", "Sochi"], ["events"], ["--help"], ["--version"],
                                  ["export", "--format", "jsonl", "--out", "-"]])
def test_query_commands_do_not_import_spacy(store_db, args):
    """`newsgraph stats` imported spaCy (0.9 s of a 1.3 s start); benchmarks/cli_startup.py times it.
    The queries also start without the record models' pydantic (0.3 s: typer 0.29 validated every
    option with it, and ``ingest``'s package loaded the models); an export builds records."""
    import subprocess
    import sys

    db = [] if args[0].startswith("--") else ["--db", str(store_db)]
    heavy = ("spacy", "thinc", "torch", "trafilatura", "pyarrow", "networkx") + (("pydantic",) if args[0] != "export" else ())
    code = ("import sys\nfrom newsgraph.cli import main\ncode = main(sys.argv[1:])\n"
            f"heavy = [m for m in {heavy!r} if m in sys.modules]\n"
            "sys.stderr.write(f'HEAVY={heavy}\\n')\nsys.exit(code)")
    res = subprocess.run([sys.executable, "-c", code, *args, *db], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().splitlines()[-1] == "HEAVY=[]"


@pytest.mark.parametrize("command", [["analyze", "--jsonl"], ["ingest", "--db", "s.db"]])
def test_missing_model_on_several_processes_names_it(corpus, tmp_path, command):
    """With --processes 2 the workers died on the missing model: a BrokenProcessPool traceback."""
    res = run_cli(*command, "--model", "xx_no_such_pipeline", "--processes", "2", str(corpus), cwd=tmp_path)
    assert res.code == 3, res.terminal
    assert "'xx_no_such_pipeline' is not installed" in res.stderr and "Traceback" not in res.stderr
