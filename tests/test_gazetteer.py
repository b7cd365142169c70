"""Surface phrase → canonical entity: one row per phrase, then the table and its generator."""
from __future__ import annotations

import functools
import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from kg.gazetteer import DATA_PATH, ENTITY_TYPES, Gazetteer, case_allows, clean_surface, phrase_key

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT.parent / "shared" / "data" / "actors"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


# (phrase as written, expected id, expected type)
ROWS = [
    # Russia: names, possessives with both apostrophes, demonym and its plural, metonymy
    ("Russia", "Russia", "Country"),
    ("Russia’s", "Russia", "Country"),
    ("Russia's", "Russia", "Country"),
    ("Russian Federation", "Russia", "Country"),
    ("Russian", "Russia", "Country"),
    ("Russians", "Russia", "Country"),
    ("Moscow", "Russia", "Country"),
    ("Kremlin", "Russia", "Country"),
    ("the Kremlin's", "Russia", "Country"),
    ("RUSSIA", "Russia", "Country"),
    # United States: initialisms only in capitals, the capital, the demonym
    ("U.S.", "United States", "Country"),
    ("US", "United States", "Country"),
    ("USA", "United States", "Country"),
    ("the U.S.", "United States", "Country"),
    ("Washington", "United States", "Country"),
    ("United States", "United States", "Country"),
    ("United States of America", "United States", "Country"),
    ("American", "United States", "Country"),
    ("Americans", "United States", "Country"),
    ("Pentagon", "United States", "Country"),
    ("White House", "United States", "Country"),
    # Islamic State: its names, "the", the news-style "group" after the name
    ("IS", "Islamic State", "ArmedGroup"),
    ("ISIS", "Islamic State", "ArmedGroup"),
    ("ISIL", "Islamic State", "ArmedGroup"),
    ("Isis", "Islamic State", "ArmedGroup"),
    ("Daesh", "Islamic State", "ArmedGroup"),
    ("Islamic State", "Islamic State", "ArmedGroup"),
    ("Islamic State group", "Islamic State", "ArmedGroup"),
    ("the Islamic State", "Islamic State", "ArmedGroup"),
    ("the Islamic State group", "Islamic State", "ArmedGroup"),
    ("RIA", "RIA Novosti", "Organization"),
    ("European Community", "European Union", "Organization"),
    ("Kurdish", "Kurds", "Group"),
    ("Islamic State of Iraq and the Levant", "Islamic State", "ArmedGroup"),
    # the Middle East
    ("Syria", "Syria", "Country"),
    ("Syria’s", "Syria", "Country"),
    ("Syrian", "Syria", "Country"),
    ("Syrians", "Syria", "Country"),
    ("Damascus", "Syria", "Country"),
    # a city other than the capital is a place of its own (affiliated with its country)
    ("Aleppo", "Aleppo", "Location"),
    ("Osaka", "Osaka", "Location"),
    ("Indiana", "Indiana", "Location"),
    ("New York", "New York", "Location"),
    ("Washington", "United States", "Country"),
    ("Moscow", "Russia", "Country"),
    # a body of the state is an organisation of its own
    ("FBI", "FBI", "Organization"),
    ("Senate", "Senate", "Organization"),
    ("Federal Reserve", "Federal Reserve", "Organization"),
    ("Pentagon", "United States", "Country"),
    ("Kremlin", "Russia", "Country"),
    ("White House", "United States", "Country"),
    ("Iraq", "Iraq", "Country"),
    ("Iraqi", "Iraq", "Country"),
    ("Iraqis", "Iraq", "Country"),
    ("Baghdad", "Iraq", "Country"),
    ("Iran", "Iran", "Country"),
    ("Iranian", "Iran", "Country"),
    ("Tehran", "Iran", "Country"),
    ("Turkey", "Turkey", "Country"),
    ("Turkish", "Turkey", "Country"),
    ("Turks", "Turkey", "Country"),
    ("Ankara", "Turkey", "Country"),
    ("Israeli", "Israel", "Country"),
    ("Palestinians", "Palestine", "Country"),
    ("Saudi", "Saudi Arabia", "Country"),
    ("Jordan", "Jordan", "Country"),
    # elsewhere: short labels, names that are also English words, old and disputed states
    ("Britain", "United Kingdom", "Country"),
    ("British", "United Kingdom", "Country"),
    ("UK", "United Kingdom", "Country"),
    ("Polish", "Poland", "Country"),
    ("China", "China", "Country"),
    ("Beijing", "China", "Country"),
    ("Chad", "Chad", "Country"),
    ("Georgia", "Georgia", "Country"),
    ("Kiev", "Ukraine", "Country"),
    ("North Korea", "North Korea", "Country"),
    ("DPRK", "North Korea", "Country"),
    ("Korea, Republic of", "South Korea", "Country"),
    ("Côte d’Ivoire", "Côte d'Ivoire", "Country"),
    ("East Timor", "Timor-Leste", "Country"),
    ("Kosovo", "Kosovo", "Country"),
    ("Soviet Union", "Soviet Union", "Country"),
    ("USSR", "Soviet Union", "Country"),
    ("American Samoa", "American Samoa", "Country"),
    ("Gaza", "Gaza", "Location"),
    # organisations
    ("NATO", "NATO", "Organization"),
    ("Nato", "NATO", "Organization"),
    ("North Atlantic Treaty Organisation", "NATO", "Organization"),
    ("North Atlantic Treaty Organization", "NATO", "Organization"),
    ("United Nations", "United Nations", "Organization"),
    ("U.N.", "United Nations", "Organization"),
    ("UN Security Council", "United Nations", "Organization"),
    ("European Union", "European Union", "Organization"),
    ("EU", "European Union", "Organization"),
    ("IMF", "International Monetary Fund", "Organization"),
    ("Red Cross", "International Committee of the Red Cross", "Organization"),
    ("Amnesty International", "Amnesty International", "Organization"),
    # armed groups
    ("al-Qaeda", "al-Qaeda", "ArmedGroup"),
    ("Al Qaeda", "al-Qaeda", "ArmedGroup"),
    ("Taliban", "Taliban", "ArmedGroup"),
    ("Hezbollah", "Hezbollah", "ArmedGroup"),
    ("Hamas", "Hamas", "ArmedGroup"),
    ("Boko Haram", "Boko Haram", "ArmedGroup"),
    ("al-Shabaab", "al-Shabaab", "ArmedGroup"),
    ("Nusra Front", "al-Nusra Front", "ArmedGroup"),
    ("Free Syrian Army", "Free Syrian Army", "ArmedGroup"),
    ("PKK", "PKK", "ArmedGroup"),
    ("Ku Klux Klan", "Ku Klux Klan", "ArmedGroup"),
    ("KKK", "Ku Klux Klan", "ArmedGroup"),
    # people: full names, surnames, titles
    ("Bashar al-Assad", "Bashar al-Assad", "Person"),
    ("Bashar Assad", "Bashar al-Assad", "Person"),
    ("Assad", "Bashar al-Assad", "Person"),
    ("Vladimir Putin", "Vladimir Putin", "Person"),
    ("Putin", "Vladimir Putin", "Person"),
    ("Putin’s", "Vladimir Putin", "Person"),
    ("President Putin", "Vladimir Putin", "Person"),
    ("Barack Obama", "Barack Obama", "Person"),
    ("Erdogan", "Recep Tayyip Erdoğan", "Person"),
    ("Sergey Lavrov", "Sergey Lavrov", "Person"),
    ("Lavrov", "Sergey Lavrov", "Person"),
    ("Kofi Annan", "Kofi Annan", "Person"),
    ("Osama bin Laden", "Osama bin Laden", "Person"),
    # a person named in the Islamic State entry is a person, not the group
    ("Abu Bakr al-Baghdadi", "Abu Bakr al-Baghdadi", "Person"),
    ("Baghdadi", "Abu Bakr al-Baghdadi", "Person"),
    # a country and a state agent noun: the country acting through its part
    ("Russian troops", "Russia", "Country"),
    ("Iraq's foreign ministry", "Foreign Ministry of Iraq", "Organization"),
    ("Assad regime", "Syria", "Country"),
]


@pytest.mark.parametrize("phrase, entity_id, entity_type", ROWS)
def test_lookup(gazetteer, phrase, entity_id, entity_type):
    entity = gazetteer.lookup(phrase)
    assert entity is not None, phrase
    assert (entity.id, entity.type) == (entity_id, entity_type)


NEGATIVE = [
    # English words that are aliases in the dictionaries, in the case where they are words
    "us", "is", "Us", "Is", "the", "group", "said", "state", "The", "",
    "polish", "turkey", "china", "islamic state", "red line",
    # a given name is no city ("VLADIMIR" is a Russian city), an adjective no capital (Malé)
    "Vladimir", "Male", "Hussein",
    # a lone surname next to a person in an organisation entry is not the organisation
    "Zarqawi",
    # rebels are not the state
    "Syrian rebels",
    # alpha-3 codes that are English words
    "CAN", "GUY",
    # the "group" rule is for armed groups only
    "Russia group",
]


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_not_an_entity(gazetteer, phrase):
    assert gazetteer.lookup(phrase) is None


# (phrase, entity id, CAMEO role named by the phrase)
ROLES = [
    ("Moscow", "Russia", None),
    ("Kremlin", "Russia", "GOV"),
    ("Pentagon", "United States", "MIL"),
    ("Russian troops", "Russia", "MIL"),
    ("Assad regime", "Syria", "GOV"),
    ("Peshmerga", "Iraq", "MIL"),
]


@pytest.mark.parametrize("phrase, entity_id, role", ROLES)
def test_role(gazetteer, phrase, entity_id, role):
    match = gazetteer.resolve(phrase)
    assert match is not None
    assert (match.entity.id, match.role) == (entity_id, role)


# (phrase, the body or place it names, its affiliation, its CAMEO code)
AFFILIATED = [
    ("FBI", "FBI", "United States", "USACOP"),
    ("the Senate", "Senate", "United States", "USAGOVLEG"),
    ("Iraq's foreign ministry", "Foreign Ministry of Iraq", "Iraq", "IRQGOV"),
    ("Alabama", "Alabama", "United States", "USA"),
    ("Osaka", "Osaka", "Japan", "JPN"),
]


@pytest.mark.parametrize("phrase, entity_id, affiliation, code", AFFILIATED)
def test_affiliated(gazetteer, phrase, entity_id, affiliation, code):
    entity = gazetteer.lookup(phrase)
    assert (entity.id, entity.affiliation, entity.code) == (entity_id, affiliation, code)


# (phrase, code, wikidata)
CODES = [
    ("Russia", "RUS", "Q159"),
    ("United States", "USA", "Q30"),
    ("Syria", "SYR", "Q858"),
    ("Iraq", "IRQ", "Q796"),
    ("Islamic State", "IMGMUSISI", "Q2429253"),
    ("NATO", "IGOWSTNAT", "Q7184"),
    ("Vladimir Putin", "RUSGOV", "Q7747"),
    ("Timor-Leste", "TMP", None),  # CAMEO's code, not ISO's TLS
    ("American Samoa", "USAASM", None),
    ("Kofi Annan", "IGOUNO", None),  # his post, not the bare role ELI he has after it
]


@pytest.mark.parametrize("phrase, code, wikidata", CODES)
def test_codes(gazetteer, phrase, code, wikidata):
    entity = gazetteer.lookup(phrase)
    assert (entity.code, entity.wikidata) == (code, wikidata)


@pytest.mark.parametrize("word, country", [("Russian", "Russia"), ("Russians", "Russia"), ("Turk", "Turkey"),
                                           ("American", "United States"), ("Russia", None), ("Moscow", None)])
def test_demonym(gazetteer, word, country):
    entity = gazetteer.demonym(word)
    assert (entity.id if entity else None) == country


# The demonym table of make_gazetteer.py (ours), checked country by country.
def demonyms() -> dict[str, tuple[str, ...]]:
    return _make_gazetteer().DEMONYMS


def country_entity(gazetteer, code: str):
    """Our entity of an ISO alpha-3 code (or KSV), found by the country's own name."""
    country = pycountry.countries.get(alpha_3=code)
    return gazetteer.lookup(country.name if country else "Kosovo")


def test_demonym_table_covers_the_countries():
    table = demonyms()
    assert len(table) >= 150
    assert set(table) <= {c.alpha_3 for c in pycountry.countries} | {"KSV"}


# Regular plurals: a noun demonym takes "s" ("Greeks", "Serbs", "Afghans"); adjectives in
# -ese, -ish, -ch, -ss and the like do not ("the Chinese", "the Dutch", "the Swiss").
UNINFLECTED = ("ese", "ish", "ch", "ss", "sh", "men", "women")


def test_every_demonym_and_its_plural_resolves_to_its_country(gazetteer):
    wrong = []
    for code, forms in sorted(demonyms().items()):
        country = country_entity(gazetteer, code)
        assert country is not None and country.type == "Country", code
        for form in forms:
            if gazetteer.lookup(form) != country or gazetteer.demonym(form) != country:
                wrong.append(form)
            if not form.endswith(UNINFLECTED) and gazetteer.lookup(form + "s") != country:
                wrong.append(form + "s")
    assert not wrong


@pytest.mark.parametrize("word, country", [
    ("Greek", "Greece"), ("Greeks", "Greece"), ("Argentine", "Argentina"), ("Serbs", "Serbia"), ("Croats", "Croatia"),
    ("Filipinos", "Philippines"), ("Britons", "United Kingdom"), ("English", "United Kingdom"), ("Frenchmen", "France"),
    ("Danes", "Denmark"), ("Poles", "Poland"), ("Swiss", "Switzerland"),
    ("Korean", None),  # North or South: left out on purpose
    ("polish", None),  # the verb, not the demonym
])
def test_common_demonyms(gazetteer, word, country):
    entity = gazetteer.lookup(word)
    assert (entity.id if entity else None) == country


@pytest.mark.skipif(not (ACTORS / "actors.jsonl").exists(), reason="needs the shared actor dictionaries")
def test_demonyms_agree_with_the_dictionaries():
    """Where a Phoenix country entry lists one of our demonyms, it is the same country's."""
    import json

    listed: dict[str, set[str]] = defaultdict(set)
    with open(ACTORS / "actors.jsonl", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            codes = {c["code"] for c in entry["codes"] if len(c["code"]) == 3}
            if entry["source_file"] == "Phoenix.Countries.actors.txt":
                for name in (entry["name"], *entry["aliases"]):
                    listed[name].update(codes)
    cameo = {"TLS": "TMP"}  # Timor-Leste: ISO and CAMEO differ
    checked = 0
    for code, forms in demonyms().items():
        for form in forms:
            codes = listed.get(form.upper().replace(" ", "_"))
            if codes:
                checked += 1
                assert cameo.get(code, code) in codes, (form, code, codes)
    assert checked >= 150


def test_kurds_are_a_group_of_their_own(gazetteer):
    for word in ("Kurds", "Kurdish", "Kurd"):
        entity = gazetteer.lookup(word)
        assert (entity.id, entity.type, entity.code) == ("Kurds", "Group", None)


@pytest.mark.parametrize("phrase", ["European Community", "EC", "European Economic Community", "EEC"])
def test_european_community_is_the_european_union(gazetteer, phrase):
    assert gazetteer.lookup(phrase).id == "European Union"


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda c: c.alpha_3)
def test_every_pycountry_country_resolves_by_its_names(gazetteer, country):
    names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}
    entities = {gazetteer.lookup(name) for name in names if name}
    assert len(entities) == 1
    (entity,) = entities
    assert entity is not None and entity.type == "Country"


def test_pycountry_countries_are_distinct_entities(gazetteer):
    ids = [gazetteer.lookup(country.name).id for country in pycountry.countries]
    assert len(set(ids)) == len(ids)


def _entity_lines() -> list[list[str]]:
    lines = DATA_PATH.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1:] for line in lines if line.startswith("E\t")]


def test_ids_are_unique():
    ids = [fields[0] for fields in _entity_lines()]
    assert len(ids) == len(set(ids))


def test_one_id_per_country_code_and_per_code_of_ours(gazetteer):
    # countries, and the organisations whose whole CAMEO code is theirs, are keyed by code
    # (their people carry the code too: Abu Bakr al-Baghdadi is IMGMUSISI)
    by_code: dict[str, set[str]] = defaultdict(set)
    for entity in gazetteer.entities():
        if entity.type == "Country" or (entity.code in ("IMGMUSISI", "IGOWSTNAT", "IGOUNO") and entity.type != "Person"):
            by_code[entity.code].add(entity.id)
    assert by_code["RUS"] == {"Russia"} and by_code["IMGMUSISI"] == {"Islamic State"}
    assert all(len(ids) == 1 for ids in by_code.values()), {c: i for c, i in by_code.items() if len(i) > 1}


def test_entity_fields(gazetteer):
    entities = list(gazetteer.entities())
    assert len(entities) > 20_000
    for entity in entities:
        assert entity.type in ENTITY_TYPES
        assert entity.label and entity.id.startswith(entity.label)
        assert entity.wikidata is None or re.fullmatch(r"Q\d+", entity.wikidata)
        assert entity.code is None or re.fullmatch(r"[A-Z0-9]{3,}|---", entity.code), entity


def test_every_phrase_resolves_as_written(gazetteer):
    # what a PhraseMatcher finds from phrases() must pass lookup's case rules
    unresolved = [phrase for phrase in gazetteer.phrases() if gazetteer.lookup(phrase) is None]
    assert unresolved == []


def test_phrases_are_written_as_in_text(gazetteer):
    phrases = set(gazetteer.phrases())
    assert {"Islamic State", "U.S.", "Russian", "Russians", "Kremlin", "Bashar al-Assad"} <= phrases
    assert "us" not in phrases and "ISLAMIC_STATE" not in phrases


def test_default_is_loaded_once():
    assert Gazetteer.default() is Gazetteer.default()


@pytest.mark.parametrize("text, key", [
    ("the U.S.", "us"),
    ("U.S.", "us"),
    ("Russia’s", "russia"),
    ("Côte d’Ivoire", "cote divoire"),
    ("al-Qaeda", "al qaeda"),
    ("  Islamic   State ", "islamic state"),
    ("The Hague", "hague"),
])
def test_phrase_key(text, key):
    assert phrase_key(text) == key


@pytest.mark.parametrize("text, surface", [("the Kremlin's", "Kremlin"), ("Russians’", "Russians"), ("Sana'a", "Sana'a")])
def test_clean_surface(text, surface):
    assert clean_surface(text) == surface


@pytest.mark.parametrize("flags, surface, allowed", [
    ("u", "US", True), ("u", "us", False), ("u", "Us", False),
    ("c", "Polish", True), ("c", "polish", False), ("c", "al-Qaeda", True),
    ("i", "bashar al-assad", True), ("cd", "RUSSIAN", True),
])
def test_case_allows(flags, surface, allowed):
    assert case_allows(flags, surface) is allowed


# -- the generator -------------------------------------------------------------------------


@functools.cache
def _make_gazetteer():
    path = ROOT / "kg" / "data" / "make_gazetteer.py"
    spec = importlib.util.spec_from_file_location("make_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, written", [
    ("BASHAR_AL-ASSAD", "Bashar al-Assad"),
    ("ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT", "Islamic State of Iraq and the Levant"),
    ("THE_ISLAMIC_STATE", "Islamic State"),
    ("U.S.", "U.S."),
    ("SUDAN_PEOPLE'S_LIBERATION_MOVEMENT", "Sudan People's Liberation Movement"),
    ("JOHN_MCCAIN", "John McCain"),
    ("ULSTER_DEFENCE_ASSOCIATION/ULSTER_FREEDOM_FIGHTERS", "Ulster Defence Association/Ulster Freedom Fighters"),
])
def test_display_phrase(name, written):
    assert _make_gazetteer().display_phrase(name) == written


@pytest.mark.parametrize("name, letters", [
    ("NORTH_ATLANTIC_TREATY_ORGANIZATION", "NATO"),
    ("ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT", "ISIL"),
    ("AL-QAEDA_IN_THE_ARABIAN_PENINSULA", "AQAP"),
])
def test_initials(name, letters):
    assert _make_gazetteer().initials(name) == letters


def test_current_code_is_the_code_that_holds_at_the_reference_date():
    current_code = _make_gazetteer().current_code
    putin = [
        {"code": "RUSELI", "from": "1970-01-01", "to": "1999-08-09"},
        {"code": "RUSGOV", "from": "1999-12-31", "to": "2008-05-07"},
        {"code": "RUSGOV", "from": "2008-05-08", "to": None},
        {"code": "RUSELI", "from": None, "to": None},
    ]
    brezhnev = [
        {"code": "RUSELI", "from": "1924-01-01", "to": "1964-10-14"},
        {"code": "RUSGOV", "from": "1964-10-14", "to": "1982-11-10"},
    ]
    assert (current_code(putin), current_code(brezhnev)) == ("RUSGOV", "RUSGOV")


@pytest.mark.parametrize("name, person", [
    ("VLADIMIR_PUTIN", True),
    ("PRESIDENT_VLADIMIR_PUTIN", True),
    ("ANDREW_H._CARD,_JR.", True),
    ("FREE_SYRIAN_ARMY", False),
    ("SOUTH_SUDAN_(COUNTRY)", False),
    ("US_SECRETARY_OF_STATE", False),
])
def test_looks_like_person(name, person):
    assert _make_gazetteer().looks_like_person(name, frozenset()) is person


@pytest.mark.skipif(not (ACTORS / "actors.jsonl").exists(), reason="needs the shared actor dictionaries")
def test_shipped_file_is_what_the_generator_writes(tmp_path):
    output = tmp_path / "gazetteer.tsv"
    assert _make_gazetteer().main([str(ACTORS), "--out", str(output)]) == 0
    assert output.read_bytes() == DATA_PATH.read_bytes()


# -- a user's curation: kg build --aliases FILE --stop FILE ---------------------------------

def test_curation_aliases_and_stop_beat_the_shipped_gazetteer(tmp_path):
    from kg.gazetteer import Gazetteer, read_curation

    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# surface, canonical name, type, Wikidata id\n"
                       "The Donald\tDonald Trump\tPerson\tQ22686\n"
                       "Moscow\tMoscow\tLocation\n"
                       "Putin\tVladimir Putin\n", encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("Reuters\nIS\n", encoding="utf-8")
    curation = read_curation(aliases, stop)
    gazetteer = Gazetteer.curated(curation)
    donald = gazetteer.lookup("the Donald")
    assert (donald.id, donald.type, donald.wikidata) == ("Donald Trump", "Person", "Q22686")
    assert (gazetteer.lookup("Moscow").id, gazetteer.lookup("Moscow").type) == ("Moscow", "Location")
    assert gazetteer.lookup("Putin").id == "Vladimir Putin" and gazetteer.lookup("Putin").type == "Person"  # the shipped entity
    assert gazetteer.lookup("IS") is None and gazetteer.stopped("Reuters")
    assert Gazetteer.default().lookup("Moscow").id == "Russia"  # the shipped gazetteer is untouched
    assert read_curation(aliases, stop).digest == curation.digest
    assert read_curation(aliases, None).digest != curation.digest


@pytest.mark.parametrize("text, message", [
    ("only-one-column\n", "expected SURFACE<TAB>CANONICAL NAME"),
    ("Trump\tDonald Trump\tPresident\n", "unknown type 'President'"),
    ("Trump\tDonald Trump\tPerson\twd:22686\n", "no Wikidata id"),
])
def test_curation_errors_name_the_file_and_line(tmp_path, text, message):
    from kg.errors import InputError
    from kg.gazetteer import read_curation

    path = tmp_path / "aliases.tsv"
    path.write_text("# a comment\n" + text, encoding="utf-8")
    with pytest.raises(InputError, match=f"{path}:2: .*{message}" if message != "no Wikidata id" else "aliases.tsv:2: .*no Wikidata id"):
        read_curation(path, None)


def test_curation_file_missing_is_an_input_error(tmp_path):
    from kg.errors import InputError
    from kg.gazetteer import read_curation

    with pytest.raises(InputError, match="cannot read --stop file"):
        read_curation(None, tmp_path / "missing.txt")


def test_given_names_have_a_gender(gazetteer):
    assert (gazetteer.gender("Hillary"), gazetteer.gender("donald"), gazetteer.gender("Zzyzx")) == ("f", "m", None)


@pytest.mark.parametrize("phrase, capital", [
    ("Paris", True), ("Moscow's", True), ("Washington", True),  # a state's capital (its metonym)
    ("France", False), ("Toronto", False), ("Kremlin", False),  # a state, another city, a seat of government
])
def test_is_capital(phrase, capital):
    from kg.gazetteer import is_capital

    assert is_capital(phrase) is capital


@pytest.mark.model
def test_curation_names_the_headlines_words_too():
    # A user's alias is a name in an all-capitals headline as in the body: the headline is
    # truecased with the build's gazetteer, so "GRANITE PEAK" is the company, not a mountain.
    from kg.extraction import extract_documents
    from kg.gazetteer import Curation
    from kg.types import Document

    document = Document(id="x", title="HARVEST SUES GRANITE PEAK OVER MILL DEAL",
                        text="The food company said on Monday it had sued its rival over a deal for a mill.")
    curation = Curation(aliases=(("Granite Peak", ("Granite Peak Mining", "Organization", None)),), digest="test")

    def title_facts(curation):
        [(_, statements)] = extract_documents([document], curation=curation)
        return [(s.subject.entity.id, s.predicate.lemma, s.object.entity.id) for s in statements if s.from_title]

    assert title_facts(curation) == [("harvest", "sue", "Granite Peak Mining")]
    assert title_facts(None) == []  # the shipped gazetteer knows no Granite Peak: "granite peak" stays lower case
