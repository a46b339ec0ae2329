"""Shared fixtures. Model-dependent tests use ``nlp`` and are marked ``model``."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
