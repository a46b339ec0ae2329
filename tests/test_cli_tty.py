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
