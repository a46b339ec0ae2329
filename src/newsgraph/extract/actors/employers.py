"""Employers in a person's title: the research body an analyst or professor works at.

"Ana Ruiz, an analyst at the Lima Institute of Policy Studies" is NGO (a think tank), "Tom
Reyes, a lecturer at the University of Cork" EDU, whatever the title word's own sector
("researcher" alone is EDU, "executive director" BUS). The body is read only where a person's
title names it (``research_bodies`` in the knowledge file): a bare "Institute" or "Center"
elsewhere is as often a state agency, so the organisation is not coded from its name alone.
"""

from __future__ import annotations

import re

from .state import _Entity, _State

TEACHING = frozenset({"professor", "lecturer"})  # "a professor at the Institute of Technology": a teacher


def research_body(st: _State, ent: _Entity) -> None:
    """Give a person titled an analyst, researcher, professor ... of a research body that body's
    sector (NGO; EDU for a university, or any body of a teaching title), and the body too when
    it has none. A body the text codes otherwise ("the White House Economic Office", GOV) is no
    research body."""
    title = (ent.title or "").lower()
    words = set(re.split(r"[\s-]+", title)) | {title}
    if ent.kind != "person" or not words & st.kb.research_titles:
        return
    bodies = []
    for name in st.title_orgs.get(ent.key, ()):
        org = st.entities.get("org:" + name)
        sector = _body_sector(st.kb.research_words, name)
        if sector is not None and (org is None or org.sector in (None, "NGO", "EDU")):
            bodies.append((org, sector))
    if not bodies:
        return
    # "chairman of the Centre for X at the University of Y": the university decides
    sector = "EDU" if words & TEACHING or any(s == "EDU" for _, s in bodies) else "NGO"
    ent.sector = sector
    for org, _ in bodies:
        if org is not None and org.sector is None:
            org.sector = sector  # "the Centre for X at the University of Y" is the university's


def _body_sector(research_words: dict[str, str], name: str) -> str | None:
    """NGO/EDU by the words of a body's name ("Institute", "University"); EDU wins."""
    found = {sector for word, sector in research_words.items() if re.search(rf"\b{re.escape(word)}\b", name)}
    return "EDU" if "EDU" in found else next(iter(found), None)
