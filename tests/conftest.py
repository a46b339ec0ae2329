"""Shared fixtures. Model-dependent tests use ``nlp`` and are marked ``model``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# the shared data folder as newsgraph.eval.common finds it: $NEWSGRAPH_SHARED, else beside the clone
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")
SEED = SHARED / "seed" / "belarus-2020-11-30.txt"


@pytest.fixture(scope="session")
def nlp():
    """The full newsgraph pipeline on en_core_web_md, loaded once per test session."""
    from newsgraph.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyze(nlp):
    """analyze(text, published=..., plain=True) -> Record, on the shared pipeline."""
    from newsgraph.pipeline import analyze_text

    def run(text: str, published: str | None = "2020-11-30", plain: bool = True, **meta):
        return analyze_text(text, nlp, published=published, plain=plain, **meta)

    return run
