"""A nationality of several words ("North Korean", "South Sudanese") names its own country, not
the country of its last word, and stays whole in the group's name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _groups(analyze, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sector) for a in analyze(text).actors}


@pytest.mark.parametrize("text, name, country", [
    ("The North Korean army fired two shells into the sea.", "North Korean army", "PRK"),
    ("South Sudanese police detained four traders in the market.", "South Sudanese police", "SSD"),
    ("Northern Irish police questioned two men after the riot.", "Northern Irish police", "GBR"),
    ("Irish police questioned two men after the riot.", "Irish police", "IRL"),
])
def test_a_nationality_of_several_words_places_the_group(analyze, text, name, country):
    assert _groups(analyze, text)[name][0] == country


def test_the_whole_nationality_names_a_group_that_owns_something(analyze):
    groups = _groups(analyze, "The South Korean farmers' union blocked the highway to Seoul.")
    assert "South Korean farmers" in groups and groups["South Korean farmers"][0] == "KOR"
    assert not [n for n in groups if n.count("South") > 1]
