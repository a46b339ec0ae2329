"""Armed groups the knowledge base leaves without a country, placed by their own name.

CAMEO and the event guideline code a non-state armed group by the country it operates in ("the
Ruritanian Liberation Front" fighting in Ruritania is RUR REB). Phoenix codes many such groups
as international or regional ("IMG...", "MEA..."), which gives no country; but a group whose own
name names one country ("the Islamic State of Ruritania", "Front for the Liberation of
Ruritania") says where it fights. ``place_armed`` gives an organisation with sector REB or INS
and no country that one country. Nothing when the name names several countries or none.

Not done, measured (docs/history/evaluation-log.md, "Session 11 — actors"): giving such a group the story's
country; a transnational group named in passing ("links to X", "the regional arm of X") is no
party of the story's country.
"""

from __future__ import annotations

from ...records import Actor
from .knowledge import country_of

ARMED_SECTORS = frozenset({"REB", "INS"})


def name_country(name: str) -> str | None:
    """The one country a name's words name ("Front for the Liberation of Ruritania"), else None."""
    words = name.replace("'s", " ").split()
    found = {c for n in (3, 2, 1) for i in range(len(words) - n + 1)
             if (c := country_of(" ".join(words[i:i + n])))}
    return found.pop() if len(found) == 1 else None


def place_armed(actors: list[Actor]) -> None:
    """Give each armed group with no country the one country its name names; a person is left
    alone (a fighter may be a foreigner)."""
    for actor in actors:
        if actor.kind == "organization" and not actor.country and actor.sector in ARMED_SECTORS:
            actor.country = name_country(actor.name)
