"""Regenerate ``kg/data/gazetteer.tsv`` from the Phoenix/CAMEO actor dictionaries and pycountry.

    python kg/data/make_gazetteer.py /work/shared/data/actors [--out kg/data/gazetteer.tsv]

The actor folder is the one described in its README.md: ``actors.jsonl``, ``agents.jsonl``
and ``raw/`` (the raw Countries file is read only to see which head lines carry the
``# CountryInfo.txt`` mark of generated office holders).  The output is deterministic for
given inputs, pycountry version and spaCy version.  NOTICE.md says what comes from where
and documents every rule applied below; the runtime (``kg/gazetteer.py``) reads only the
output file.
"""
from __future__ import annotations

import argparse
import collections
import json
import logging
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from kg.gazetteer import ANY_CASE, CAPITALISED, DEMONYM, UPPER_ONLY, phrase_key  # noqa: E402

logger = logging.getLogger("make_gazetteer")

OUT = Path(__file__).resolve().parent / "gazetteer.tsv"

# The date at which "the current code" of an entry is read: the date of the dictionary
# commit, so the output does not depend on the day the script runs.
REFERENCE_DATE = "2019-03-18"

# ---------------------------------------------------------------------------------------
# Our own facts and word lists (see NOTICE.md, "What is ours").
# ---------------------------------------------------------------------------------------

# Preferred short labels and Wikidata ids of countries, by CAMEO code.  Labels are only
# given where pycountry's name is not the one news uses.
COUNTRIES: dict[str, tuple[str | None, str | None]] = {
    "USA": ("United States", "Q30"),
    "RUS": ("Russia", "Q159"),
    "CHN": ("China", "Q148"),
    "GBR": ("United Kingdom", "Q145"),
    "FRA": (None, "Q142"),
    "DEU": (None, "Q183"),
    "JPN": (None, "Q17"),
    "IND": (None, "Q668"),
    "PAK": (None, "Q843"),
    "AFG": (None, "Q889"),
    "IRN": ("Iran", "Q794"),
    "IRQ": (None, "Q796"),
    "SYR": ("Syria", "Q858"),
    "TUR": ("Turkey", "Q43"),
    "ISR": (None, "Q801"),
    "PSE": ("Palestine", "Q219060"),
    "LBN": (None, "Q822"),
    "JOR": (None, "Q810"),
    "SAU": (None, "Q851"),
    "EGY": (None, "Q79"),
    "LBY": (None, "Q1016"),
    "YEM": (None, "Q805"),
    "UKR": (None, "Q212"),
    "PRK": ("North Korea", "Q423"),
    "KOR": ("South Korea", "Q884"),
    "CAN": (None, "Q16"),
    "AUS": (None, "Q408"),
    "ITA": (None, "Q38"),
    "ESP": (None, "Q29"),
    "POL": (None, "Q36"),
    "QAT": (None, "Q846"),
    "ARE": (None, "Q878"),
    "KWT": (None, "Q817"),
    "BHR": (None, "Q398"),
    "OMN": (None, "Q842"),
    "SOM": (None, "Q1045"),
    "NGA": (None, "Q1033"),
    "MLI": (None, "Q912"),
    "SDN": (None, "Q1049"),
    "SSD": (None, "Q958"),
    "ETH": (None, "Q115"),
    "KEN": (None, "Q114"),
    "DZA": (None, "Q262"),
    "TUN": (None, "Q948"),
    "MAR": (None, "Q1028"),
    "BRA": (None, "Q155"),
    "MEX": (None, "Q96"),
    "VEN": ("Venezuela", "Q717"),
    "CUB": (None, "Q241"),
    "COL": (None, "Q739"),
    "BLR": (None, "Q184"),
    "GEO": (None, "Q230"),
    "ARM": (None, "Q399"),
    "AZE": (None, "Q227"),
    "KAZ": (None, "Q232"),
    "IDN": (None, "Q252"),
    "PHL": (None, "Q928"),
    "MMR": (None, "Q836"),
    "VNM": ("Vietnam", "Q881"),
    "TWN": ("Taiwan", "Q865"),
    "GRC": (None, "Q41"),
    "NLD": (None, "Q55"),
    "BEL": (None, "Q31"),
    "SWE": (None, "Q34"),
    "NOR": (None, "Q20"),
    "FIN": (None, "Q33"),
    "DNK": (None, "Q35"),
    "CHE": (None, "Q39"),
    "AUT": (None, "Q40"),
    "HUN": (None, "Q28"),
    "ROU": (None, "Q218"),
    "SRB": (None, "Q403"),
    "IRL": (None, "Q27"),
    "PRT": (None, "Q45"),
    "CZE": (None, "Q213"),
    "LTU": (None, "Q37"),
    "LVA": (None, "Q211"),
    "EST": (None, "Q191"),
    "MDA": ("Moldova", "Q217"),
    "CYP": (None, "Q229"),
    "KSV": ("Kosovo", "Q1246"),
    "SUN": ("Soviet Union", "Q15180"),
    "DDR": ("East Germany", None),
    "CSK": ("Czechoslovakia", None),
    "SCG": ("Serbia and Montenegro", None),
    "LAO": ("Laos", None),
    "BRN": ("Brunei", None),
    "BOL": ("Bolivia", None),
    "TZA": ("Tanzania", None),
    "COD": ("Democratic Republic of the Congo", None),
    "COG": ("Republic of the Congo", None),
    "FSM": ("Micronesia", None),
    "VGB": ("British Virgin Islands", None),
    "VIR": ("United States Virgin Islands", None),
    "SHN": ("Saint Helena", None),
    "BES": ("Caribbean Netherlands", None),
}


@dataclass(frozen=True)
class Curated:
    """An organisation, group or person we name ourselves.  ``anchors`` are dictionary
    phrases: every entry holding one of them belongs to this entity; with ``whole_code``
    every non-person entry whose current code is ``code`` does too.  ``phrases`` are
    surface forms we add (written as in text; they also set the display form)."""

    label: str
    type: str
    code: str
    wikidata: str | None
    anchors: tuple[str, ...]
    phrases: tuple[str, ...] = ()
    whole_code: bool = False


CURATED: tuple[Curated, ...] = (
    Curated("Islamic State", "ArmedGroup", "IMGMUSISI", "Q2429253",
            ("THE_ISLAMIC_STATE", "ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT"),
            ("Islamic State", "IS", "ISIS", "ISIL", "Isis", "Isil", "Daesh", "Daish",
             "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant",
             "Islamic State of Iraq and al-Sham"), whole_code=True),
    Curated("al-Qaeda", "ArmedGroup", "IMGMUSALQ", "Q34490", ("AL_QA'IDA",),
            ("al-Qaeda", "al-Qaida", "al Qaeda", "Al Qaeda")),
    Curated("Taliban", "ArmedGroup", "AFGREB", "Q42418", ("TALIBAN",), ("Taliban", "Taleban")),
    Curated("Hamas", "ArmedGroup", "PSEREBHMS", "Q38799", ("HAMAS",), ("Hamas",)),
    Curated("Hezbollah", "ArmedGroup", "LBNREB", "Q41053", ("HEZBOLLAH",), ("Hezbollah", "Hizbollah")),
    Curated("Boko Haram", "ArmedGroup", "NGAREB", None, ("BOKO_HARAM",), ("Boko Haram",)),
    Curated("al-Shabaab", "ArmedGroup", "SOMREB", None, ("AL-SHABAAB",), ("al-Shabaab", "al-Shabab")),
    Curated("al-Nusra Front", "ArmedGroup", "SYRREBMUS", None, ("JABHAT_AL_NUSRA",),
            ("al-Nusra Front", "Nusra Front", "Jabhat al-Nusra")),
    Curated("Free Syrian Army", "ArmedGroup", "SYRREB", None, ("FREE_SYRIAN_ARMY",), ("Free Syrian Army",)),
    Curated("PKK", "ArmedGroup", "TURREB", None, ("PKK", "KURDISTAN_WORKERS'_PARTY"),
            ("PKK", "Kurdistan Workers' Party")),
    Curated("NATO", "Organization", "IGOWSTNAT", "Q7184", ("NATO",),
            ("NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
            whole_code=True),
    Curated("United Nations", "Organization", "IGOUNO", "Q1065", ("THE_UNITED_NATIONS", "UNITED_NATIONS"),
            ("United Nations", "UN", "U.N."), whole_code=True),
    Curated("European Union", "Organization", "IGOEUREEC", "Q458", ("THE_EUROPEAN_UNION",),
            ("European Union", "EU", "E.U.")),
    Curated("African Union", "Organization", "IGOAFRAFU", "Q7159", ("AFRICAN_UNION",), ("African Union",)),
    Curated("Arab League", "Organization", "IGOMEAARL", "Q7172", ("ARAB_LEAGUE",), ("Arab League",)),
    Curated("ASEAN", "Organization", "IGOSEAASN", "Q7768", ("ASEAN",), ("ASEAN",)),
    Curated("OPEC", "Organization", "IGOOPC", "Q7795", ("OPEC",), ("OPEC", "Opec")),
    Curated("World Bank", "Organization", "IGOUNODEVWBK", "Q7164", ("WORLD_BANK",), ("World Bank",),
            whole_code=True),
    Curated("International Monetary Fund", "Organization", "IGOBUSIMF", "Q7804", ("IMF",),
            ("International Monetary Fund", "IMF"), whole_code=True),
    Curated("World Trade Organization", "Organization", "IGOBUSWTO", "Q7825", ("WORLD_TRADE_ORGANIZATION",),
            ("World Trade Organization", "WTO"), whole_code=True),
    Curated("World Health Organization", "Organization", "IGOUNOHLHWHO", "Q7817", ("WORLD_HEALTH_ORGANIZATION",),
            ("World Health Organization", "WHO"), whole_code=True),
    Curated("Interpol", "Organization", "IGOCOPITP", "Q8140", ("INTERPOL",), ("Interpol",), whole_code=True),
    Curated("International Committee of the Red Cross", "Organization", "NGOHLHIRC", "Q71068",
            ("INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS",),
            ("International Committee of the Red Cross", "ICRC"), whole_code=True),
    Curated("Amnesty International", "Organization", "NGOHRIAMN", "Q42970", ("AMNESTY_INTERNATIONAL",),
            ("Amnesty International",), whole_code=True),
    Curated("Human Rights Watch", "Organization", "NGOHRI", None, ("HUMAN_RIGHTS_WATCH",), ("Human Rights Watch",)),
    Curated("Vladimir Putin", "Person", "RUSGOV", "Q7747", ("VLADIMIR_PUTIN",), ("Vladimir Putin", "Putin")),
    Curated("Bashar al-Assad", "Person", "SYRGOV", "Q44329", ("BASHAR_AL-ASSAD", "BASHAR_AL_ASSAD"),
            ("Bashar al-Assad", "Bashar Assad", "Assad")),
    Curated("Barack Obama", "Person", "USAGOV", "Q76", ("BARACK_OBAMA",), ("Barack Obama", "Obama")),
    Curated("Osama bin Laden", "Person", "IMGMUSALQ", "Q1317", ("OSAMA_BIN_LADEN",), ("Osama bin Laden",)),
    Curated("Angela Merkel", "Person", "DEUGOV", "Q567", ("ANGELA_MERKEL",), ("Angela Merkel", "Merkel")),
    Curated("Xi Jinping", "Person", "CHNGOV", "Q15031", ("XI_JINPING",), ("Xi Jinping",)),
    Curated("Recep Tayyip Erdoğan", "Person", "TURGOV", "Q39259", ("RECEP_TAYYIP_ERDOGAN",),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Erdoğan", "Erdogan")),
    Curated("Benjamin Netanyahu", "Person", "ISRGOV", "Q43723", ("BENJAMIN_NETANYAHU",),
            ("Benjamin Netanyahu", "Netanyahu")),
    Curated("Saddam Hussein", "Person", "IRQGOV", "Q1316", ("SADDAM_HUSSEIN",), ("Saddam Hussein", "Saddam")),
    Curated("Abu Bakr al-Baghdadi", "Person", "IMGMUSISI", None, ("ABU_BAKR_AL-BAGHDADI", "ABU_BAKR_AL_BAGHDADI"),
            ("Abu Bakr al-Baghdadi", "Baghdadi")),
)

# CAMEO role blocks for parts of the state: an entry coded country+one of these (RUSGOV,
# the Kremlin; USAMIL, the Pentagon) denotes the country (metonymy).  OCC and UNR mark
# occupied and not yet recognised states, which are still the country.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
COUNTRY_STATES = frozenset({"OCC", "UNR"})
# Role blocks of non-state armed actors: rebels, insurgents, separatists, unidentified
# armed forces, international militarised groups.
ARMED_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})
# Every CAMEO role block, so a role is never mistaken for an ISO code (MUS is Mauritius).
CAMEO_ROLES = STATE_ROLES | COUNTRY_STATES | ARMED_ROLES | frozenset({
    "OPP", "PTY", "MED", "BUS", "EDU", "ELI", "LAB", "CVL", "HRI", "NGO", "IGO", "MNC", "REL",
    "HLH", "REF", "AGR", "ENV", "DEV", "CRM", "MOD", "RAD", "MUS", "CHR", "JEW", "HIN", "BUD",
    "PPL", "UNO", "SPY",
})

# Words that never occur in a person's name: kinds of organisation and office.
ORG_WORDS = frozenset("""
    ACADEMY ADMINISTRATION AFFAIRS AGENCY ALLIANCE ARMED ARMY ASSEMBLY ASSOCIATION AUTHORITY
    BANK BATTALION BATTALIONS BOARD BRIGADE BRIGADES BUREAU CABINET CELL CELLS CENTER CENTRE
    CHAMBER CHIEF CHURCH CITY CLUB COALITION COLLEGE COMMAND COMMANDOS COMMISSION COMMITTEE
    COMMUNITY COMPANY CONFEDERATION CONFERENCE CONGRESS CORP CORPORATION CORPS COUNCIL COURT
    DEPARTMENT DIRECTORATE DIVISION EMBASSY FACTION FEDERATION FIGHTERS FORCE FORCES FOUNDATION
    FRONT FUND GOVERNMENT GROUP GROUPS GUARD GUARDS HOLDINGS INC INSTITUTE INTERNATIONAL ISLAMIC
    JAISH JAMAAT JAYSH JEMAAH JIHAD KATAIB LASHKAR LEADERS LEAGUE LIBERATION LIMITED LIWA LIWAA
    LTD MARTYRS MEMBERS MILITANTS MILITARY MILITIA MINISTER MINISTERS MINISTRY MOVEMENT
    MUJAHIDEEN MUJAHIDIN NATIONAL NATIONS NAVY NETWORK NEWS OFFICE OFFICIALS ORGANIZATION
    ORGANISATION PARLIAMENT PARTY PEOPLE PEOPLES POLICE PRESS PROVINCE REBELS REGIME REGION
    REPUBLIC REVOLUTION REVOLUTIONARY SCHOOL SECRETARIAT SENATE SERVICE SERVICES SOCIETY
    SOLDIERS SQUAD STATE STATES SUPPORTERS TEAM TIMES TRIBE TROOPS UNION UNIT UNITED UNIVERSITY
""".split())

# Titles before a name ("PRESIDENT_PUTIN"): skipped when deciding whether a name is a person's.
TITLE_WORDS = frozenset("""
    ACTING AMBASSADOR AYATOLLAH BISHOP CAPTAIN CHANCELLOR COLONEL COMMANDER DR DR. EMIR FORMER
    GEN GEN. GENERAL KING MAJOR MR MR. MRS MRS. MS MS. MULLAH PREMIER PRESIDENT PRIME PRINCE
    QUEEN SECRETARY SECRETARY-GENERAL SENATOR SHEIKH SHEIK SULTAN VICE
""".split())

# Words of a person's alias that make it about the person's government ("ASSAD_REGIME"):
# such aliases go to the country with the role GOV.
GOVERNMENT_WORDS = frozenset({"GOVERNMENT", "REGIME", "ADMINISTRATION", "CABINET"})

# Name particles written in lower case inside a name ("Bashar al-Assad", "Islamic State of Iraq").
PARTICLES = frozenset("""
    a al an and as at bin bint d da das de del della der des di do dos du e el fi for ibn in
    la le les of on or the to und van von wa wal y
""".split())

# English demonym endings, for telling "Russian" (a demonym) from "Moscow" (a city).
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ss", "ot", "er", "k", "e", "n")

# Dictionary lines whose text is not a name (README caveats): a source note.
NOT_A_NAME = re.compile(r"[:\ufffd\x00-\x1f]")

MAX_WORDS = 12

# Priority of a phrase's origin when two entities claim the same key (lower wins).
TIER_OURS, TIER_PYCOUNTRY, TIER_HEAD, TIER_ALIAS, TIER_PERSON, TIER_PERSON_WORD = range(6)


# ---------------------------------------------------------------------------------------
# Reading the dictionaries
# ---------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One actor entry, after uncoded synonym lines are folded into the entry they precede."""

    names: list[str]
    codes: list[dict]
    source: str
    line: int
    generated_person: bool
    code: str = ""

    @property
    def head(self) -> str:
        return self.names[0]

    @property
    def dated(self) -> bool:
        return any(c["from"] or c["to"] for c in self.codes)


def read_entries(actors: Path) -> list[Entry]:
    """actors.jsonl as Entries, with each entry's current code set."""
    raw_countries = (actors / "raw" / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8").split("\n")
    entries: list[Entry] = []
    pending: list[dict] = []
    with open(actors / "actors.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record["codes"]:
                pending.append(record)
                continue
            names = [record["name"], *record["aliases"]]
            # An uncoded head line directly before an entry is a synonym that lacks its '+'
            # (README caveats) when it shares a word with that entry ("LEONID_BREZHNEV" before
            # "COMMUNIST_LEADER_LEONID_BREZHNEV"); the others ("U.N.", a source note) are dropped.
            words = {word for name in names for word in name.split("_") if len(word) >= 4}
            folded = [
                name
                for uncoded in pending
                if uncoded["source_file"] == record["source_file"]
                for name in [uncoded["name"], *uncoded["aliases"]]
                if words & set(uncoded["name"].split("_"))
            ]
            first_line = pending[0]["line"] if folded else record["line"]
            pending = []
            generated = record["source_file"] == "Phoenix.Countries.actors.txt" and "CountryInfo" in (
                raw_countries[first_line - 1]
            )
            entry = Entry(folded + names, record["codes"], record["source_file"], record["line"], generated)
            entry.code = current_code(entry.codes)
            entries.append(entry)
    return entries


def current_code(codes: list[dict]) -> str:
    """The code PETRARCH2 would give a story dated REFERENCE_DATE: the first code in file
    order whose date range holds then; if none holds, the one that ended last."""
    for code in codes:
        if (code["from"] or "") <= REFERENCE_DATE and (code["to"] is None or REFERENCE_DATE <= code["to"]):
            return code["code"]
    return max(codes, key=lambda code: code["to"] or "")["code"]


def read_agents(actors: Path) -> list[tuple[str, str]]:
    """(form, code) for agent nouns of the state ("TROOPS", "MIL"), in file order."""
    agents = []
    with open(actors / "agents.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["attach"] == "suffix" and record["code"][:3] in STATE_ROLES:
                agents.extend((form, record["code"]) for form in record["forms"])
    return agents


# ---------------------------------------------------------------------------------------
# Names: persons, display forms, case rules
# ---------------------------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """The words of a dictionary phrase, a leading "THE" dropped."""
    words = [word for word in name.split("_") if word]
    return words[1:] if len(words) > 1 and words[0] == "THE" else words


def personal_name(name: str) -> list[str]:
    """The words of a name with leading titles removed: "PRESIDENT_VLADIMIR_PUTIN" → VLADIMIR PUTIN."""
    words = name_words(name)
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return words


def looks_like_person(name: str, demonyms: frozenset[str]) -> bool:
    """Whether a phrase has the shape of a personal name: two to six name words, none of
    them an organisation word, a demonym or an English function word."""
    words = personal_name(name)
    if not 2 <= len(words) <= 6:
        return False
    for word in words:
        if not re.fullmatch(r"[A-Z][A-Z.'`-]*", word) or word in ORG_WORDS or word in demonyms:
            return False
        if word.lower() in STOP_WORDS and word.lower() not in PARTICLES:
            return False
    return True


def given_names(entries: Iterable[Entry]) -> frozenset[str]:
    """First words that begin at least three generated office-holder names: given names."""
    counts = collections.Counter(
        words[0]
        for entry in entries
        if entry.generated_person
        for words in [personal_name(entry.head)]
        if len(words) >= 2 and words[0].lower() not in PARTICLES and words[0] not in ORG_WORDS
    )
    return frozenset(word for word, count in counts.items() if count >= 3)


def initials(name: str) -> str:
    """"NORTH_ATLANTIC_TREATY_ORGANIZATION" → "NATO", "AL-QAEDA_IN_THE_ARABIAN_PENINSULA" →
    "AQAP": first letters of the content words and of the parts of hyphenated words."""
    parts = [part for word in name_words(name) for part in word.split("-")]
    return "".join(part[0] for part in parts if part and part[0].isalpha() and part.lower() not in PARTICLES[1:])


def is_acronym_word(word: str, acronyms: frozenset[str]) -> bool:
    letters = re.sub(r"[^A-Z]", "", word)
    if not letters:
        return False
    if word in acronyms or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word):  # NATO; U.S., D.C.
        return True
    return len(letters) <= 5 and not re.search(r"[AEIOUY]", letters)  # PKK, FSB


def display_word(word: str, first: bool, acronyms: frozenset[str]) -> str:
    """One dictionary word as it is usually written."""
    inner = word.strip("()")
    if inner != word:
        return f"({display_word(inner, first, acronyms)})"
    if is_acronym_word(word, acronyms):
        return word
    parts = word.split("-")
    written = []
    for index, part in enumerate(parts):
        lower = part.lower()
        if lower in PARTICLES and (index or not first) and index < len(parts) - 1 or (
            lower in PARTICLES and not first and len(parts) == 1
        ):
            written.append(lower)  # "al-Assad", "Islamic State of Iraq"
        elif part.startswith("MC") and len(part) > 3:
            written.append("Mc" + part[2:].capitalize())  # McCain
        elif re.fullmatch(r"[A-Z]'[A-Z]{2,}", part):
            written.append(part[:2] + part[2:].capitalize())  # O'Brien
        else:
            written.append(part.capitalize())  # "People's" (capitalize lowers the rest)
    return "-".join(written)


def display_phrase(name: str, acronyms: frozenset[str]) -> str:
    """A dictionary phrase as it is usually written: "BASHAR_AL-ASSAD" → "Bashar al-Assad"."""
    words = name_words(name)
    return " ".join(display_word(word, index == 0, acronyms) for index, word in enumerate(words))


def case_flags(surface: str, known_acronym: bool) -> str:
    """The case rule of a surface phrase (NOTICE.md, "Case rules")."""
    key = phrase_key(surface)
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) <= 4 and surface == surface.upper():
        vowels = any(ch in "AEIOUY" for ch in letters)
        if known_acronym or key in STOP_WORDS or "." in surface or not vowels:
            return UPPER_ONLY
    return CAPITALISED if " " not in key else ANY_CASE


# ---------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------


@dataclass
class Node:
    """An entity being built: its phrases are collected as Candidates."""

    label: str
    type: str
    code: str | None
    wikidata: str | None = None
    curated: bool = False
    id: str = ""
    name_words: set[str] = field(default_factory=set)  # words of its own names (demonym test)


@dataclass(frozen=True)
class Candidate:
    node_index: int
    surface: str
    role: str | None
    tier: int
    flags: str


class Builder:
    def __init__(self, entries: list[Entry], agents: list[tuple[str, str]]):
        self.entries = entries
        self.agents = agents
        self.nodes: list[Node] = []
        self.candidates: list[Candidate] = []
        self.country_by_code: dict[str, int] = {}
        self.curated_by_anchor: dict[str, int] = {}
        self.curated_by_code: dict[str, int] = {}
        self.codes = {code for entry in entries for code in (c["code"] for c in entry.codes)}
        self.stats: collections.Counter[str] = collections.Counter()

    # -- nodes ------------------------------------------------------------------------------

    def add_node(self, node: Node) -> int:
        self.nodes.append(node)
        return len(self.nodes) - 1

    def add_phrase(self, index: int, surface: str, tier: int, role: str | None = None, *,
                   known_acronym: bool = False, flags: str | None = None) -> None:
        surface = surface.strip()
        key = phrase_key(surface)
        letters = sum(ch.isalpha() for ch in surface)
        if not key or letters < 2 or NOT_A_NAME.search(surface) or len(key.split()) > MAX_WORDS:
            self.stats["dropped: not a name"] += 1
            return
        if surface.count("(") != surface.count(")"):
            self.stats["dropped: broken brackets"] += 1
            return
        if all(word in STOP_WORDS for word in key.split()) and letters > 4:
            self.stats["dropped: English function words"] += 1
            return
        if flags is None:
            flags = case_flags(surface, known_acronym)
        self.candidates.append(Candidate(index, surface, role, tier, flags))

    def build_countries(self) -> None:
        """One Country node per pycountry country (and per historic state the dictionaries use)."""
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            label, wikidata = COUNTRIES.get(country.alpha_3, (None, None))
            common = getattr(country, "common_name", None)
            label = label or common or country.name
            index = self.add_node(Node(label, "Country", country.alpha_3, wikidata, curated=True))
            self.country_by_code[country.alpha_3] = index
            names = {label, country.name, common, getattr(country, "official_name", None)}
            for name in sorted(n for n in names if n):
                self.add_phrase(index, name, TIER_PYCOUNTRY)
                self.nodes[index].name_words |= set(phrase_key(name).split())
            if phrase_key(country.alpha_3) not in STOP_WORDS:
                self.add_phrase(index, country.alpha_3, TIER_PYCOUNTRY, known_acronym=True)
        historic = {country.alpha_3: country for country in pycountry.historic_countries}
        for code, (label, wikidata) in sorted(COUNTRIES.items()):
            if code in self.country_by_code or not (code in historic or code in self.codes):
                continue
            label = label or historic[code].name
            index = self.add_node(Node(label, "Country", code, wikidata, curated=True))
            self.country_by_code[code] = index
            self.add_phrase(index, label, TIER_OURS)
            self.nodes[index].name_words |= set(phrase_key(label).split())

    def build_curated(self) -> None:
        for curated in CURATED:
            index = self.add_node(Node(curated.label, curated.type, curated.code, curated.wikidata, curated=True))
            for anchor in curated.anchors:
                self.curated_by_anchor[phrase_key(anchor)] = index
            if curated.whole_code:
                self.curated_by_code[curated.code] = index
            for surface in curated.phrases:
                self.add_phrase(index, surface, TIER_OURS, known_acronym=surface.isupper())

    def country_of(self, entry: Entry) -> int | None:
        """The Country node a country-file entry names, joining by code and then by name."""
        base = entry.code[:3]
        if base in self.country_by_code:
            return self.country_by_code[base]
        for name in entry.names:  # TIMOR_LESTE is TMP in CAMEO and TLS in ISO 3166
            for index in self.country_by_code.values():
                node = self.nodes[index]
                if phrase_key(name) == phrase_key(node.label):
                    self.country_by_code[base] = index
                    return index
        return None

    # -- entries ----------------------------------------------------------------------------

    def build_entries(self) -> None:
        demonyms = self.find_country_entries()
        given = given_names(self.entries)
        persons = PersonIndex(self, demonyms, given)
        for entry in self.entries:
            self.add_entry(entry, persons, demonyms, given)
        persons.finish()

    def find_country_entries(self) -> frozenset[str]:
        """First pass: attach country entries to Country nodes, so their demonyms are known."""
        demonyms = set()
        for entry in self.entries:
            if entry.source != "Phoenix.Countries.actors.txt" or len(entry.code) != 3:
                continue
            index = self.country_of(entry)
            if index is None:
                continue
            node = self.nodes[index]
            node.name_words |= set(phrase_key(entry.head).split())
            if node.code == entry.code[:3] or node.code not in {c["code"] for c in entry.codes}:
                node.code = entry.code  # the CAMEO code, where it differs from ISO (TMP)
            for name in entry.names[1:]:
                if is_demonym(name, node):
                    demonyms.add(name)
        return frozenset(demonyms)

    def add_entry(self, entry: Entry, persons: PersonIndex, demonyms: frozenset[str], given: frozenset[str]) -> None:
        keys = [phrase_key(name) for name in entry.names]
        curated = next((self.curated_by_anchor[key] for key in keys if key in self.curated_by_anchor), None)
        if curated is not None and self.nodes[curated].type == "Person":
            persons.add(entry, curated)
            return
        if curated is None and persons.is_person(entry):
            persons.add(entry, None)
            return
        if curated is None and entry.code in self.curated_by_code:
            curated = self.curated_by_code[entry.code]
        base, role = entry.code[:3], entry.code[3:6]
        if entry.code == "---":
            self.stats["skipped: null code"] += 1
            return
        if curated is not None:
            index, role_code = curated, None
        elif base in ("IGO", "NGO", "MNC") or entry.code == "MED":
            index, role_code = self.org_node(entry, "Organization"), None
        elif base == "IMG" or entry.source == "Phoenix.MilNonState.actors.txt":
            index, role_code = self.org_node(entry, "ArmedGroup"), None
        elif entry.source == "Phoenix.Countries.actors.txt" and (country := self.country_of(entry)) is not None:
            if not role or role in COUNTRY_STATES:
                index, role_code = country, None
            elif role in STATE_ROLES:
                index, role_code = country, entry.code[3:]
            elif role in pycountry_codes() and role not in CAMEO_ROLES and len(entry.code) == 6:
                index, role_code = self.country_by_code[role], None  # a territory: USAASM
                if self.nodes[index].code == role:
                    self.nodes[index].code = entry.code
            elif role in ARMED_ROLES:
                index, role_code = self.org_node(entry, "ArmedGroup"), None
            elif role in CAMEO_ROLES:
                index, role_code = self.org_node(entry, "Organization"), None
            else:
                index, role_code = self.org_node(entry, "Location"), None  # GAZA [PSEGZA]
        elif base in pycountry_codes() or len(entry.code) == 3:
            self.stats["skipped: unknown country " + entry.code] += 1
            return
        else:  # regional codes: MEAREB, SASREB, INTREB
            kind = "ArmedGroup" if role in ARMED_ROLES else "Organization"
            index, role_code = self.org_node(entry, kind), None
        self.add_entry_phrases(entry, index, role_code, persons, demonyms, given)

    def org_node(self, entry: Entry, kind: str) -> int:
        return self.add_node(Node("", kind, entry.code, name_words=set()))  # label set in finish()

    def add_entry_phrases(self, entry: Entry, index: int, role: str | None, persons: PersonIndex,
                          demonyms: frozenset[str], given: frozenset[str]) -> None:
        node = self.nodes[index]
        acronyms = frozenset(
            word for name in entry.names for word in name_words(name) if word in {initials(n) for n in entry.names}
        ) | frozenset(self.codes_3) | frozenset(node.code and [node.code] or [])
        is_country_entry = node.type == "Country" and role is None
        person_names = [name for name in entry.names if node.type != "Country" and looks_like_person(name, demonyms)
                        and personal_name(name)[0] in given]
        surnames = {personal_name(name)[-1] for name in person_names}
        surnames |= {surname.split("-", 1)[1] for surname in surnames if surname[:3] in ("AL-", "EL-")}
        for position, name in enumerate(entry.names):
            if name in person_names:
                persons.carve(name, entry, node)  # "ABU_BAKR_AL-BAGHDADI" in the Islamic State entry
                continue
            words = name_words(name)
            if len(words) == 1 and (words[0] in surnames or words[0].removeprefix("AL-") in surnames):
                self.stats["dropped: surname in an organisation entry"] += 1  # ZARQAWI
                continue
            head = position == 0 or (not is_country_entry and position < len(entry.names) and name == entry.head)
            if len(words) == 1 and not head and name in given and name not in demonyms:
                self.stats["dropped: given name as a place alias"] += 1  # VLADIMIR (a city) → Russia
                continue
            surface = display_phrase(name, acronyms)
            flags = None
            if name in demonyms and node.type == "Country":
                flags = case_flags(surface, False) + DEMONYM
            if not node.label and position == 0:
                node.label = surface
            self.add_phrase(index, surface, TIER_HEAD if position == 0 else TIER_ALIAS, role,
                            known_acronym=is_acronym_word(name, acronyms), flags=flags)
            for variant in bracket_variants(name):
                self.add_phrase(index, display_phrase(variant, acronyms), TIER_ALIAS, role,
                                known_acronym=variant.isupper() and len(variant) <= 5 and "_" not in variant)

    @property
    def codes_3(self) -> set[str]:
        return {code for code in self.codes if len(code) == 3} | pycountry_codes()

    # -- output -----------------------------------------------------------------------------

    def resolve(self) -> tuple[dict[int, list[Candidate]], list[Candidate]]:
        """One entity per key: the lowest tier wins, curated entities before others; a tie
        between different entities drops the key as ambiguous."""
        by_key: dict[str, list[Candidate]] = collections.defaultdict(list)
        for candidate in self.candidates:
            by_key[phrase_key(candidate.surface)].append(candidate)
        chosen: dict[int, list[Candidate]] = collections.defaultdict(list)
        dropped = []
        for key, candidates in by_key.items():
            rank = min((c.tier, not self.nodes[c.node_index].curated) for c in candidates)
            best = [c for c in candidates if (c.tier, not self.nodes[c.node_index].curated) == rank]
            if len({c.node_index for c in best}) > 1:
                dropped.extend(best)
                self.stats["dropped: ambiguous key"] += 1
                continue
            # of the winner's own forms: ours first, then the role-less one, then file order
            winner = min(
                (c for c in candidates if c.node_index == best[0].node_index),
                key=lambda c: (c.tier, c.role is not None),
            )
            flags = winner.flags
            if any(DEMONYM in c.flags for c in candidates if c.node_index == winner.node_index):
                flags = flags.replace(DEMONYM, "") + DEMONYM
            chosen[winner.node_index].append(Candidate(winner.node_index, winner.surface, winner.role, winner.tier, flags))
        return chosen, dropped

    def assign_ids(self, chosen: dict[int, list[Candidate]]) -> list[int]:
        """Readable unique ids: the label, or "label (code)" when two entities share a label."""
        kept = [index for index in range(len(self.nodes)) if chosen.get(index)]
        taken: set[str] = set()
        order = sorted(kept, key=lambda i: (not self.nodes[i].curated, self.nodes[i].type == "Person", i))
        for index in order:
            node = self.nodes[index]
            if not node.label:
                node.label = chosen[index][0].surface
            candidate = node.label
            if candidate in taken:
                candidate = f"{node.label} ({node.code})"
            number = 2
            while candidate in taken:
                candidate = f"{node.label} ({node.code}, {number})"
                number += 1
            node.id = candidate
            taken.add(candidate)
        return kept

    def write(self, out: Path) -> None:
        chosen, dropped = self.resolve()
        kept = self.assign_ids(chosen)
        lines = [
            "# kg gazetteer: generated by kg/data/make_gazetteer.py; do not edit. See NOTICE.md:",
            "# derived from the Phoenix/CAMEO actor dictionaries (MIT, (c) 2014 Open Event Data Alliance) and pycountry.",
            "# E id label type code wikidata | P surface flags role | A agent-noun role",
        ]
        for index in kept:
            node = self.nodes[index]
            lines.append("\t".join(["E", node.id, node.label, node.type, node.code or "", node.wikidata or ""]))
            for candidate in sorted(chosen[index], key=lambda c: (c.tier, c.surface)):
                lines.append("\t".join(["P", candidate.surface, candidate.flags, candidate.role or ""]))
        seen = set()
        for form, code in self.agents:
            surface = " ".join(name_words(form)).lower()
            key = phrase_key(surface)
            if key in seen or key in STOP_WORDS:
                continue
            seen.add(key)
            lines.append("\t".join(["A", surface, code]))
        for line in lines:
            if line.count("\t") not in (0, 2, 3, 5) or "\n" in line:
                raise ValueError(f"malformed output line {line!r}")
        atomic_write(out, "\n".join(lines) + "\n")
        types = collections.Counter(self.nodes[i].type for i in kept)
        logger.info("wrote %s: %d entities %s, %d phrases", out, len(kept), dict(types),
                    sum(len(c) for c in chosen.values()))
        for reason, count in sorted(self.stats.items()):
            logger.info("  %s: %d", reason, count)


class PersonIndex:
    """Office holders and other people: detection, merging of entries that share a full
    name, and the people named inside organisation entries."""

    def __init__(self, builder: Builder, demonyms: frozenset[str], given: frozenset[str]):
        self.builder = builder
        self.demonyms = demonyms
        self.given = given
        self.groups: list[dict] = []  # {"entries": [...], "names": [...], "node": int|None}
        self.by_key: dict[str, int] = {}

    def is_person(self, entry: Entry) -> bool:
        """A person: a name-shaped head and some evidence — a generated office-holder line,
        a dated code (tenure) or a given name first."""
        if not looks_like_person(entry.head, self.demonyms):
            return False
        return entry.generated_person or entry.dated or personal_name(entry.head)[0] in self.given

    def add(self, entry: Entry, curated: int | None) -> None:
        full_names = [name for name in entry.names if len(personal_name(name)) >= 2]
        group_index = None
        if curated is not None:
            group_index = next((i for i, g in enumerate(self.groups) if g["node"] == curated), None)
        if group_index is None:
            for name in full_names:
                key = phrase_key(" ".join(personal_name(name)))
                other = self.by_key.get(key)
                if other is not None and self.same_person(self.groups[other], entry):
                    group_index = other
                    break
        if group_index is None:
            self.groups.append({"entries": [], "names": [], "node": curated, "codes": []})
            group_index = len(self.groups) - 1
        group = self.groups[group_index]
        group["entries"].append(entry)
        group["names"].extend(entry.names)
        group["codes"].append(entry.code)
        for name in full_names:
            self.by_key.setdefault(phrase_key(" ".join(personal_name(name))), group_index)

    def same_person(self, group: dict, entry: Entry) -> bool:
        # Two entries with one full name are one person when they belong to one country, or
        # one of them holds an international post (Javier Solana: ESP, IGOWSTNAT, IGOEUREEC).
        bases = {code[:3] for code in group["codes"]} | {entry.code[:3]}
        international = {"IGO", "NGO", "IMG", "MNC"}
        return len(bases - international) <= 1

    def carve(self, name: str, entry: Entry, owner: Node) -> None:
        """A person named as an alias of an organisation becomes a Person of its own."""
        carved = Entry([name], [{"code": owner.code or entry.code, "from": None, "to": None}], entry.source,
                       entry.line, False, owner.code or entry.code)
        self.builder.stats["people taken out of organisation entries"] += 1
        self.add(carved, None)

    def finish(self) -> None:
        builder = self.builder
        for group in self.groups:
            entries = group["entries"]
            index = group["node"]
            if index is None:
                first = entries[0]
                code = max((e for e in entries), key=lambda e: (e.code[:3] not in ("IGO", "NGO", "MNC", "IMG"), e.dated))
                label = display_phrase("_".join(personal_name(first.head)), frozenset())
                index = builder.add_node(Node(label, "Person", code.code))
            node = builder.nodes[index]
            for name in dict.fromkeys(group["names"]):
                words = name_words(name)
                if set(words) & GOVERNMENT_WORDS:
                    country = builder.country_by_code.get(node.code[:3]) if node.code else None
                    if country is not None:  # "ASSAD_REGIME" → Syria, role GOV
                        builder.add_phrase(country, display_phrase(name, frozenset()), TIER_ALIAS, "GOV")
                    continue
                single = len(personal_name(name)) == 1
                if single and (personal_name(name)[0] in self.given or len(words) > 1):
                    builder.stats["dropped: a given name or a title with one name"] += 1
                    continue  # "HUSSEIN", "PRESIDENT_YELTSIN" is kept (two words of which one a title)
                builder.add_phrase(index, display_phrase(name, frozenset()),
                                   TIER_PERSON_WORD if single else TIER_PERSON)


def bracket_variants(name: str) -> Iterator[str]:
    """"KU_KLUX_KLAN_(KKK)" → "KU_KLUX_KLAN" and "KKK"; a bracket that qualifies a name
    ("GEORGIA_(COUNTRY)") gives the bare name."""
    found = re.fullmatch(r"(.+?)_\(([^()]+)\)", name)
    if not found:
        return
    yield found.group(1)
    inner = found.group(2)
    if "_" not in inner and 3 <= len(inner) <= 6 and inner == initials(found.group(1))[: len(inner)]:
        yield inner


def is_demonym(name: str, node: Node) -> bool:
    """"RUSSIAN" of Russia: one word, not itself a name of the country, sharing its start
    with a word of the country's names and ending like an English demonym."""
    words = name_words(name)
    if len(words) != 1 or not words[0].isalpha():
        return False
    word = words[0].lower()
    if word in node.name_words:
        return False
    prefix = min(4, len(word) - 1)
    return word.endswith(DEMONYM_ENDINGS) and any(
        name_word[:prefix] == word[:prefix] and len(name_word) >= prefix for name_word in node.name_words
    )


def pycountry_codes() -> set[str]:
    return {country.alpha_3 for country in pycountry.countries}


def atomic_write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as output:
            output.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def build(actors: Path, out: Path) -> None:
    entries = read_entries(actors)
    builder = Builder(entries, read_agents(actors))
    builder.build_countries()
    builder.build_curated()
    builder.build_entries()
    builder.write(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python kg/data/make_gazetteer.py /work/shared/data/actors")
    parser.add_argument("actors", type=Path, help="the Phoenix/CAMEO actors folder (actors.jsonl, agents.jsonl, raw/)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default: {OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.actors, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
