"""The actor knowledge base: the compiled Phoenix index, the hand-written rows, dates."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from conftest import SHARED

from newsgraph import knowledge
from newsgraph.errors import InputError
from newsgraph.knowledge import Role, build, decode, lookup, on_date

PHOENIX = SHARED / "eval" / "petrarch" / "dictionaries" / "petrarch2"
SHIPPED = Path(knowledge.__file__).with_name("phoenix.sqlite")


def test_decode_cameo_codes():
    assert decode("USAGOV") == ("USA", "GOV")
    assert decode("IGOUNO") == (None, "IGO")
    assert decode("USAELI") == ("USA", None)  # a former official: the country, no sector
    assert decode("~COP") == (None, "COP")
    assert decode("CHNGOVLEG") == ("CHN", "LEG")  # a state body's branch is its sector
    assert decode("MNCJPN") == ("JPN", "BUS")  # a multinational and its home country
    assert decode("MNCFRAMED") == ("FRA", "BUS")
    assert decode("TMPGOV") == ("TLS", "GOV")  # CAMEO's own code for a country


def test_roles_by_date():
    roles = [Role("ABC", "GOV", "2010-03-01", "2014-03-01"), Role("ABC", "OPP", "2014-03-01", "")]
    assert on_date(roles, dt.date(2012, 1, 1)) == ("ABC", "GOV")
    assert on_date(roles, dt.date(2020, 1, 1)) == ("ABC", "OPP")
    assert on_date(roles, dt.date(2001, 1, 1)) == ("ABC", None)  # before any role: the country only
    assert on_date([Role("ABC", "GOV", "", ""), Role("ABC", "MIL", "2001-01-01", "2002-01-01")],
                   dt.date(2005, 1, 1)) == ("ABC", "GOV")  # the undated default


def test_a_person_is_looked_up_by_the_article_date():
    assert lookup("Barack Obama", dt.date(2012, 6, 1)) == ("USA", "GOV")
    assert lookup("Barack Obama", dt.date(2019, 6, 1)) == ("USA", None)
    assert lookup("Obama", dt.date(2019, 6, 1)) == ("USA", None)  # a hand-written alias
    assert lookup("Nobody Inparticular", dt.date(2019, 6, 1)) is None


def test_phoenix_groups_and_bodies():
    assert lookup("Hezbollah") == ("LBN", "REB")
    country, sector = lookup("Abu Nidal Organization")
    assert (country, sector) == (None, "REB")  # an international militarised group


def test_user_rows_come_first(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("name\taliases\tcountry\tsector\tfrom\tto\tnote\n"
                     "Barack Obama\t\tKEN\tEDU\t2018-01-01\t\ta test row\n", "utf-8")
    monkeypatch.setenv(knowledge.ACTORS_ENV, str(extra))
    assert lookup("Barack Obama", dt.date(2019, 1, 1)) == ("KEN", "EDU")


def test_a_malformed_user_file_is_a_clear_error(tmp_path, monkeypatch):
    extra = tmp_path / "bad.tsv"
    extra.write_text("Only One Column\n", "utf-8")
    monkeypatch.setenv(knowledge.ACTORS_ENV, str(extra))
    with pytest.raises(InputError, match="columns"):
        lookup("Anyone At All")


def test_name_keys_fold_spellings():
    assert knowledge.name_key("Zoë  Márquez-Oyelaran") == "zoe marquez oyelaran"
    assert knowledge.name_key("Tariq al-Ruzayqi") == knowledge.name_key("TARIQ AL RUZAYQI")
    assert knowledge.name_key("J.Q. O’Faolain") == knowledge.name_key("j. q. ofaolain") == "j q ofaolain"
    assert knowledge.name_key("Ayşe Yıldız Øberg") == "ayse yildiz oberg"


def test_spellings_meet_in_one_lookup(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("name\taliases\tcountry\tsector\tfrom\tto\tnote\n"
                     "Tariq al-Ruzayqi\tZoë Márquez\tESP\tGOV\t\t\ta test row\n", "utf-8")
    monkeypatch.setenv(knowledge.ACTORS_ENV, str(extra))
    assert lookup("Tariq al Ruzayqi") == lookup("TARIQ AL-RUZAYQI") == ("ESP", "GOV")
    assert lookup("Zoe Marquez") == ("ESP", "GOV")


def test_the_index_knows_hyphenated_and_accented_names():
    assert lookup("Tariq al-Hashimi", dt.date(2007, 6, 1)) == ("IRQ", "GOV")  # Phoenix: TARIQ_AL_HASHIMI_
    assert lookup("Traian Băsescu", dt.date(2007, 6, 1)) == ("ROU", "GOV")  # Phoenix: TRAIAN_BASESCU_
    assert lookup("- Turkey") is None and lookup("Tariq al-Hashimi -") is None  # a dash alone: no name
    assert lookup("Al-Hashimi") is None  # one word is no Phoenix name, though its key has two


def test_parse_actor_entries():
    text = ("# comment\nALPHA_BETA_  # note\n+MR._BETA_\n+BETA\n\t[XYZGOV 090120-170120]\n\t[XYZELI]\n"
            "GAMMA_FRONT_ [XYZREB] # inline\n+GF_\n")
    entries = build.parse_actors(text)
    assert entries == [(["alpha beta", "mr. beta", "beta"], [("XYZGOV", "2009-01-20", "2017-01-20"),
                                                             ("XYZELI", "", "")]),
                       (["gamma front", "gf"], [("XYZREB", "", "")])]


def test_parse_agents_expands_substitutions():
    agents = build.parse_agents("!PERSON! = MAN, WOMAN\nPOLICE [~COP]\nFISHER!PERSON! [~AGR]\nARMED_POLICE {} [~COP]\n")
    assert agents == {"police": "~COP", "fisherman": "~AGR", "fisherwoman": "~AGR", "armed police": "~COP"}


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="needs PETRARCH2's dictionaries in ../shared")
def test_shipped_index_round_trips_its_sources(tmp_path):
    """The committed index is what the build step makes of the sources, and a sample of
    source entries reads back with its codes."""
    out = tmp_path / "phoenix.sqlite"
    counts = build.build(PHOENIX, out)
    shipped = sqlite3.connect(SHIPPED)
    for table, n in counts.items():
        assert shipped.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n
    entries = build.parse_actors((PHOENIX / "Phoenix.MilNonState.actors.txt").read_text("utf-8", errors="replace"))
    entries += build.parse_actors((PHOENIX / "Phoenix.Countries.actors.txt").read_text("utf-8", errors="replace"))
    for names, codes in random.Random(10).sample(entries, 200):
        rows = shipped.execute("SELECT r.code, r.start, r.end FROM names n JOIN roles r USING (entry)"
                               " WHERE n.name = ?", (knowledge.name_key(names[0]),)).fetchall()
        assert set(codes) <= set(rows), names[0]


# --------------------------------------------------------------------------- in the pipeline

@pytest.mark.model
def test_the_pipeline_reads_people_by_date(analyze):
    text = "Barack Obama said on Tuesday that the talks would go on."
    then = next(a for a in analyze(text, published="2012-05-02").actors if a.name == "Barack Obama")
    later = next(a for a in analyze(text, published="2019-05-02").actors if a.name == "Barack Obama")
    assert (then.country, then.sector) == ("USA", "GOV")
    assert (later.country, later.sector) == ("USA", None)


@pytest.mark.model
def test_a_title_in_the_text_beats_the_knowledge_base(analyze):
    rec = analyze("Kenyan Trade Minister Barack Obama said on Tuesday that the talks would go on.",
                  published="2012-05-02")
    person = next(a for a in rec.actors if a.name == "Barack Obama")
    assert person.country == "KEN"


def test_agent_nouns_map_to_sectors_and_curated_roles_win():
    agents = knowledge.agent_sectors()
    assert agents["warship"] == "MIL" and agents["passenger"] == "CVL"
    assert "bandit" not in agents, "a code naming no sector (CRM) gives no sector"
    from newsgraph.extract.actors import load_knowledge

    kb = load_knowledge()
    assert "police" not in kb.agents and kb.roles["police"] == ("group", "COP")
    assert kb.agents["warship"] == "MIL"


@pytest.mark.model
def test_an_agent_noun_with_a_country_word_is_a_group(analyze):
    rec = analyze("Chilean warships entered the disputed strait on Monday, and Peruvian settlers "
                  "blocked the road. Hospitals were full. Ana Ruiz's lawyers appealed.")
    found = {a.name: (a.kind, a.country, a.sector) for a in rec.actors}
    assert found["Chilean warships"] == ("group", "CHL", "MIL")
    assert found["Peruvian settlers"] == ("group", "PER", "CVL")
    assert not any("Hospitals" in n or "lawyers" in n for n in found), "no country word: no actor"


def _knowledge_in_child(queue) -> None:
    import os

    conn = knowledge._db()
    queue.put((knowledge._conn[0] == os.getpid(), conn.execute("SELECT count(*) FROM agents").fetchone()[0]))


def test_a_forked_worker_reads_the_index_through_a_connection_of_its_own():
    import multiprocessing as mp

    parent = knowledge._db()
    n = parent.execute("SELECT count(*) FROM agents").fetchone()[0]
    queue = mp.get_context("fork").Queue()
    child = mp.get_context("fork").Process(target=_knowledge_in_child, args=(queue,))
    child.start()
    own, found = queue.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0 and own and found == n > 0
    assert knowledge._db() is parent  # the parent keeps its own


def test_outlets_and_bodies_named_bare_have_rows():
    """Organisations the news names bare ("the Guardian", "the Fed", "Ofcom") are coded by their
    home, not by the story; a shorter name does not capture a longer body of another country."""
    assert lookup("Guardian") == ("GBR", "MED")
    assert lookup("AFP news agency") == ("FRA", "MED")
    assert lookup("AFP") is None  # also two countries' police and armed forces
    assert lookup("Fed") == ("USA", "GOV")
    assert lookup("Ofcom") == ("GBR", "GOV")
    assert lookup("New Zealand Press Association") == ("NZL", "MED")
    assert lookup("Times") is None  # several papers share it


def test_regional_and_specialised_bodies_are_international():
    """Regional blocs and agencies the Phoenix dictionaries lack were organisations with no
    sector ("CARICOM", "the Arctic Council") or no actor at all ("IGAD"): they are IGOs."""
    for name in ("IGAD", "Intergovernmental Authority on Development", "CARICOM", "UNASUR", "SAARC",
                 "Pacific Islands Forum", "Arctic Council", "IOM", "OPCW", "Frontex", "Europol", "Mercosur"):
        assert lookup(name) == (None, "IGO"), name


def test_peacekeeping_and_multinational_missions_are_international():
    """Missions the Phoenix dictionaries lack were no actor or an organisation with no sector
    (session 22); the events guideline codes international bodies IGO with no country."""
    for name in ("KFOR", "ISAF", "UNIFIL", "MONUSCO", "AMISOM", "UNAMID", "MINUSMA", "EUFOR", "UNMIK",
                 "African Union Mission in Somalia"):
        assert lookup(name) == (None, "IGO"), name


@pytest.mark.model
@pytest.mark.parametrize("text, name, coded", [
    ("Brazil asked Mercosur to suspend Venezuela from the bloc.", "Mercosur", (None, "IGO")),
    ("Gazprom cut gas supplies to Ukraine on Monday.", "Gazprom", ("RUS", "BUS")),
])
def test_a_known_body_the_tagger_calls_a_place_or_a_nationality(analyze, text, name, coded):
    """"Mercosur" tagged as a place was a state with no country; "Gazprom" tagged as a
    nationality was no actor. The knowledge base knows them as a bloc and a company (session 22)."""
    actor = next(a for a in analyze(text, published="2015-06-01").actors if a.name == name)
    assert (actor.kind, actor.country, actor.sector) == ("organization", *coded)


@pytest.mark.model
def test_a_foreign_outlet_keeps_its_home_in_a_story_set_elsewhere(analyze):
    text = ("Norway's government approved the new fishing quotas on Monday. "
            "Minister Kari Dahl told the Guardian that Norwegian fleets would comply.")
    outlet = next(a for a in analyze(text, published="2006-03-02").actors if a.name == "Guardian")
    assert (outlet.country, outlet.sector) == ("GBR", "MED")


@pytest.mark.model
def test_a_nationality_in_an_organisations_own_phrase_beats_its_row(analyze):
    """The index places a company by its parent's or tax home; the text's word wins."""
    for text in ("The Chilean supermarket chain Siemens cut prices on Monday.",
                 "Shares in Siemens, a Chilean supermarket chain, fell on Monday."):
        firm = next(a for a in analyze(text, published="2006-03-02").actors if a.name == "Siemens")
        assert firm.country == "CHL", text
    for text in ("Siemens cut prices in Chile on Monday.",
                 "The Anglo-Chilean supermarket chain Siemens cut prices on Monday."):
        firm = next(a for a in analyze(text, published="2006-03-02").actors if a.name == "Siemens")
        assert firm.country == "DEU", text  # no nationality of its own, or two joined: the index's


@pytest.mark.model
def test_a_city_read_as_a_person_takes_no_country_from_the_index(analyze):
    text = "Demonstrators marched through São Paulo on Sunday, and São Paulo said the march was peaceful."
    for actor in analyze(text, published="2006-03-02").actors:
        if actor.kind == "person" and actor.name == "São Paulo":
            assert actor.country is None


@pytest.mark.model
@pytest.mark.parametrize("text, name, country", [
    ("The Kenyan Red Cross said forty people had died in the floods.", "Kenyan Red Cross", "KEN"),
    ("Turkish Red Crescent trucks crossed the border on Monday.", "Turkish Red Crescent", "TUR"),
])
def test_a_stateless_bodys_national_branch_takes_its_nationality(analyze, text, name, country):
    """The knowledge base's row for a movement has no country; its national society's name
    gives one (session 22)."""
    actor = next(a for a in analyze(text, published="2020-05-01").actors if a.name == name)
    assert (actor.country, actor.sector) == (country, "NGO")


def test_an_acronym_is_looked_up_in_the_index_but_not_a_one_word_name():
    """Phoenix's one-word entries are mostly short forms of bodies, read when the text writes the
    word in capitals; the same word in other case, and one-word surnames, are no Phoenix name."""
    assert lookup("ETA") == ("ESP", "REB")  # Phoenix: ETA [ESPREB]
    assert lookup("Eta") is None and lookup("eta") is None
    assert lookup("MERKELS") is None and lookup("AB") is None  # unknown; too short to be one
