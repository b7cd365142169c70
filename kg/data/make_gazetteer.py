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
from kg.gazetteer import ANY_CASE, CAPITALISED, DEMONYM, UPPER_ONLY, case_allows, phrase_key  # noqa: E402

logger = logging.getLogger("make_gazetteer")

OUT = Path(__file__).resolve().parent / "gazetteer.tsv"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"

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


# Demonyms (ours): how English news names a country's people and things, by ISO alpha-3
# (KSV for Kosovo, as the dictionaries code it).  Adjectives and the singular noun where it
# differs; the regular plural ("Greeks", "Serbs") resolves from the singular, irregular
# plurals are listed ("Frenchmen").  Ambiguous ones are left out on purpose: "Korean" (North
# or South), "Congolese" for the Republic of the Congo (the dictionaries give it to the
# Democratic Republic), "Dominican" for Dominica, "Persian", "Khmer".  The dictionaries
# list most of these as aliases too, but drop or mis-spell some ("GREEK" is filtered as an
# English adjective); this table makes them dependable.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan",), "ALB": ("Albanian",), "DZA": ("Algerian",), "AND": ("Andorran",), "AGO": ("Angolan",),
    "ATG": ("Antiguan",), "ARG": ("Argentine", "Argentinian", "Argentinean"), "ARM": ("Armenian",),
    "AUS": ("Australian",), "AUT": ("Austrian",), "AZE": ("Azerbaijani", "Azeri"), "BHS": ("Bahamian",),
    "BHR": ("Bahraini",), "BGD": ("Bangladeshi",), "BRB": ("Barbadian",),
    "BLR": ("Belarusian", "Belarussian", "Byelorussian"), "BEL": ("Belgian",), "BLZ": ("Belizean",),
    "BEN": ("Beninese",), "BTN": ("Bhutanese",), "BOL": ("Bolivian",), "BIH": ("Bosnian", "Herzegovinian"),
    "BWA": ("Botswanan",), "BRA": ("Brazilian",), "BRN": ("Bruneian",), "BGR": ("Bulgarian",),
    "BFA": ("Burkinabe",), "BDI": ("Burundian",), "CPV": ("Cape Verdean",), "KHM": ("Cambodian",),
    "CMR": ("Cameroonian",), "CAN": ("Canadian",), "CAF": ("Central African",), "TCD": ("Chadian",),
    "CHL": ("Chilean",), "CHN": ("Chinese",), "COL": ("Colombian",), "COM": ("Comoran", "Comorian"),
    "COD": ("Congolese",), "CRI": ("Costa Rican",), "CIV": ("Ivorian",), "HRV": ("Croatian", "Croat"),
    "CUB": ("Cuban",), "CYP": ("Cypriot",), "CZE": ("Czech",), "DNK": ("Danish", "Dane"), "DJI": ("Djiboutian",),
    "DOM": ("Dominican",), "ECU": ("Ecuadorian", "Ecuadoran"), "EGY": ("Egyptian",),
    "SLV": ("Salvadoran", "Salvadorean"), "GNQ": ("Equatorial Guinean", "Equatoguinean"), "ERI": ("Eritrean",),
    "EST": ("Estonian",), "SWZ": ("Swazi",), "ETH": ("Ethiopian",), "FJI": ("Fijian",), "FIN": ("Finnish", "Finn"),
    "FRA": ("French", "Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"), "GAB": ("Gabonese",),
    "GMB": ("Gambian",), "GEO": ("Georgian",), "DEU": ("German",), "GHA": ("Ghanaian",), "GRC": ("Greek", "Hellenic"),
    "GRD": ("Grenadian",), "GTM": ("Guatemalan",), "GIN": ("Guinean",), "GNB": ("Bissau-Guinean",),
    "GUY": ("Guyanese",), "HTI": ("Haitian",), "HND": ("Honduran",), "HUN": ("Hungarian",),
    "ISL": ("Icelandic", "Icelander"), "IND": ("Indian",), "IDN": ("Indonesian",), "IRN": ("Iranian",),
    "IRQ": ("Iraqi",), "IRL": ("Irish", "Irishman", "Irishmen"), "ISR": ("Israeli",), "ITA": ("Italian",),
    "JAM": ("Jamaican",), "JPN": ("Japanese",), "JOR": ("Jordanian",), "KAZ": ("Kazakh", "Kazakhstani"),
    "KEN": ("Kenyan",), "PRK": ("North Korean",), "KOR": ("South Korean",), "KWT": ("Kuwaiti",),
    "KGZ": ("Kyrgyz", "Kirghiz", "Kyrgyzstani"), "LAO": ("Laotian", "Lao"), "LVA": ("Latvian",),
    "LBN": ("Lebanese",), "LBR": ("Liberian",), "LBY": ("Libyan",), "LIE": ("Liechtensteiner",),
    "LTU": ("Lithuanian",), "LUX": ("Luxembourgish", "Luxembourger"), "MDG": ("Malagasy",), "MWI": ("Malawian",),
    "MYS": ("Malaysian",), "MDV": ("Maldivian",), "MLI": ("Malian",), "MLT": ("Maltese",), "MHL": ("Marshallese",),
    "MRT": ("Mauritanian",), "MUS": ("Mauritian",), "MEX": ("Mexican",), "FSM": ("Micronesian",),
    "MDA": ("Moldovan",), "MCO": ("Monegasque",), "MNG": ("Mongolian",), "MNE": ("Montenegrin",),
    "MAR": ("Moroccan",), "MOZ": ("Mozambican",), "MMR": ("Burmese",), "NAM": ("Namibian",), "NRU": ("Nauruan",),
    "NPL": ("Nepali", "Nepalese"), "NLD": ("Dutch", "Dutchman", "Dutchmen"), "NZL": ("New Zealander",),
    "NIC": ("Nicaraguan",), "NER": ("Nigerien",), "NGA": ("Nigerian",), "MKD": ("Macedonian",),
    "NOR": ("Norwegian",), "OMN": ("Omani",), "PAK": ("Pakistani",), "PLW": ("Palauan",), "PSE": ("Palestinian",),
    "PAN": ("Panamanian",), "PNG": ("Papua New Guinean",), "PRY": ("Paraguayan",), "PER": ("Peruvian",),
    "PHL": ("Filipino", "Filipina", "Philippine"), "POL": ("Polish", "Pole"), "PRT": ("Portuguese",),
    "QAT": ("Qatari",), "ROU": ("Romanian", "Rumanian"), "RUS": ("Russian",), "RWA": ("Rwandan", "Rwandese"),
    "LCA": ("Saint Lucian",), "VCT": ("Vincentian",), "WSM": ("Samoan",), "SMR": ("Sammarinese",),
    "SAU": ("Saudi", "Saudi Arabian"), "SEN": ("Senegalese",), "SRB": ("Serbian", "Serb"), "SYC": ("Seychellois",),
    "SLE": ("Sierra Leonean",), "SGP": ("Singaporean",), "SVK": ("Slovak", "Slovakian"),
    "SVN": ("Slovenian", "Slovene"), "SLB": ("Solomon Islander",), "SOM": ("Somali", "Somalian"),
    "ZAF": ("South African",), "SSD": ("South Sudanese",), "ESP": ("Spanish", "Spaniard"), "LKA": ("Sri Lankan",),
    "SDN": ("Sudanese",), "SUR": ("Surinamese",), "SWE": ("Swedish", "Swede"), "CHE": ("Swiss",),
    "SYR": ("Syrian",), "TWN": ("Taiwanese",), "TJK": ("Tajik", "Tajikistani"), "TZA": ("Tanzanian",),
    "THA": ("Thai",), "TLS": ("Timorese", "East Timorese"), "TGO": ("Togolese",), "TON": ("Tongan",),
    "TTO": ("Trinidadian", "Tobagonian"), "TUN": ("Tunisian",), "TUR": ("Turkish", "Turk"), "TKM": ("Turkmen",),
    "TUV": ("Tuvaluan",), "UGA": ("Ugandan",), "UKR": ("Ukrainian",), "ARE": ("Emirati",),
    "GBR": ("British", "Briton", "English", "Englishman", "Englishmen", "Scottish", "Scot", "Welsh"),
    "USA": ("American",), "URY": ("Uruguayan",), "UZB": ("Uzbek", "Uzbekistani"), "VEN": ("Venezuelan",),
    "VNM": ("Vietnamese",), "YEM": ("Yemeni", "Yemenite"), "ZMB": ("Zambian",), "ZWE": ("Zimbabwean",),
    "KSV": ("Kosovar",), "HKG": ("Hong Konger",), "PRI": ("Puerto Rican",),
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
    demonyms: tuple[str, ...] = ()  # phrases whose plural names members ("Kurd", "Kurds")


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
            ("European Union", "EU", "E.U.", "European Community", "European Communities", "EC", "E.C.",
             "European Economic Community", "EEC")),
    # Russian state news agencies, often the speaker of a report ("the RIA source said")
    Curated("RIA Novosti", "Organization", "RUSMED", None, (), ("RIA Novosti", "RIA")),
    Curated("TASS", "Organization", "RUSMED", None, (), ("TASS", "Tass", "ITAR-TASS")),
    # an ethnic group of four states, not a state or an armed group: "Kurdish", "the Kurds"
    Curated("Kurds", "Group", "", None, (), ("Kurds", "Kurdish"), demonyms=("Kurd",)),
    Curated("African Union", "Organization", "IGOAFRAFU", "Q7159", (), ("African Union",), whole_code=True),
    Curated("Arab League", "Organization", "IGOMEAARL", "Q7172", ("ARAB_LEAGUE",), ("Arab League",)),
    Curated("ASEAN", "Organization", "IGOSEAASN", "Q7768", ("ASEAN",), ("ASEAN",)),
    Curated("OPEC", "Organization", "IGOOPC", "Q7795", ("ORGANIZATION_OF_PETROLEUM_EXPORTING_COUNTRIES",),
            ("OPEC", "Opec")),
    Curated("World Bank", "Organization", "IGOUNODEVWBK", "Q7164", ("WORLD_BANK",), ("World Bank",),
            whole_code=True),
    Curated("International Monetary Fund", "Organization", "IGOBUSIMF", "Q7804", ("IMF",),
            ("International Monetary Fund", "IMF"), whole_code=True),
    Curated("World Trade Organization", "Organization", "IGOBUSWTO", "Q7825", (),
            ("World Trade Organization", "WTO"), whole_code=True),
    Curated("World Health Organization", "Organization", "IGOUNOHLHWHO", "Q7817", ("WORLD_HEALTH_ORGANIZATION",),
            ("World Health Organization", "WHO"), whole_code=True),
    Curated("Interpol", "Organization", "IGOCOPITP", None, ("INTERPOL",), ("Interpol",), whole_code=True),
    Curated("International Committee of the Red Cross", "Organization", "NGOHLHIRC", None,
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
    GEN GEN. GENERAL GRAND HOJATOLESLAM HOJATOLISLAM HOJJATOLESLAM IMAM KING MAJOR MR MR. MRS
    MRS. MS MS. MULLAH PREMIER PRESIDENT PRIME PRINCE QUEEN SAYED SAYYED SAYYID SECRETARY
    SECRETARY-GENERAL SENATOR SHEIKH SHEIK SULTAN VICE
""".split())

# Generational suffixes of names ("ANDREW_H._CARD,_JR.") and abbreviated titles, written
# "Jr.", "Mr." rather than as initialisms.
SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV"})
ABBREVIATIONS = frozenset({"JR", "SR", "MR", "MRS", "MS", "DR", "ST", "MT", "FT", "LT", "GEN", "COL", "SGT", "GOV", "SEN"})

# Words of a person's alias that make it about the person's government ("ASSAD_REGIME"):
# such aliases go to the country with the role GOV.
GOVERNMENT_WORDS = frozenset({"GOVERNMENT", "REGIME", "ADMINISTRATION", "CABINET"})

# Name particles written in lower case inside a name ("Bashar al-Assad", "Islamic State of Iraq").
PARTICLES = frozenset("""
    a al an and as at bin bint d da das de del della der des di do dos du e el fi for ibn in
    la le les of on or the to und van von wa wal y
""".split())

# Particles inside personal names; English function words are not among them.
NAME_PARTICLES = frozenset("al bin bint d da das de del della der des di do dos du e el ibn la le van von y".split())

# Endings of English demonyms: adjectives ("Russian", "Polish", "Swiss", "Soviet") and
# nouns ("Turk", "Pole", "Finn", "Briton"); see is_demonym.
ADJECTIVE_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ss", "ot", "et", "ol", "que", "ois")
NOUN_DEMONYM_ENDINGS = ("k", "e", "n", "er", "ot")

# Text that is no name (README caveats): a source note, mis-encoded or control characters,
# editorial notes ("ANTHONY_CROSLAND,_THEN_DAVID_OWEN").
NOT_A_NAME = re.compile(r"[:\ufffd\x00-\x1f]|\bthen\b", re.IGNORECASE)

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
            synonyms = [
                uncoded
                for uncoded in pending
                if uncoded["source_file"] == record["source_file"] and words & set(uncoded["name"].split("_"))
            ]
            folded = [name for uncoded in synonyms for name in [uncoded["name"], *uncoded["aliases"]]]
            first_line = synonyms[0]["line"] if synonyms else record["line"]
            pending = []
            generated = record["source_file"] == COUNTRIES_FILE and "CountryInfo" in (
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
    """Whether a phrase has the shape of a personal name: two to six name words (letters,
    dots, hyphens, apostrophes; "JR." and a comma before it allowed), none of them an
    organisation word, a demonym or an English function word."""
    words = [word.rstrip(",") for word in personal_name(name) if word.rstrip(",.") not in SUFFIXES]
    if not 2 <= len(words) <= 6:
        return False
    for word in words:
        if not re.fullmatch(r"[^\W\d_][^\W\d_.'`-]*(?:[.'`-][^\W\d_]*)*\.?", word) or word != word.upper():
            return False
        if word in ORG_WORDS or word in demonyms:
            return False
        if word.lower() in STOP_WORDS and word.lower() not in NAME_PARTICLES:
            return False  # "JOHNSON_AND_JOHNSON", "WILLIAMS_OF_MOSTYN"
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
    "AQAP": first letters of the words and of the parts of hyphenated words, English
    function words left out."""
    parts = [part for word in name_words(name) for part in word.split("-")]
    return "".join(part[0] for part in parts if part[:1].isalpha() and part.lower() not in STOP_WORDS)


def is_acronym_word(word: str, acronyms: frozenset[str]) -> bool:
    """NATO, IAEA (the initials of a name in the dictionaries), U.S. (dotted letters), PKK
    (a short word without a vowel)."""
    letters = re.sub(r"[^A-Z]", "", word)
    if not letters or letters != re.sub(r"[^A-Za-z]", "", word) or letters in ABBREVIATIONS:
        return False
    if word in acronyms or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word):
        return True
    return len(letters) <= 5 and not re.search(r"[AEIOUY]", letters)


def initialisms(names: Iterable[str]) -> frozenset[str]:
    """Every initialism of the given names and its starts of three letters or more:
    "UNITED_NATIONS_EDUCATIONAL,_SCIENTIFIC_AND_CULTURAL_ORGANIZATION" gives UNESCO, UNE…"""
    found = set()
    for name in names:
        letters = initials(name)
        if len(letters) >= 3 and "_" in name:
            found.update(letters[:end] for end in range(3, len(letters) + 1))
    return frozenset(found)


def display_word(word: str, first: bool, acronyms: frozenset[str]) -> str:
    """One dictionary word as it is usually written."""
    inner = word.strip("()")
    if inner != word:  # "(ETA)": a short word in brackets after a name is its initialism
        return word if len(inner) <= 5 and inner.isalpha() else word.replace(inner, display_word(inner, first, acronyms))
    if "/" in word:  # "ASSOCIATION/ULSTER"
        return "/".join(display_word(part, first, acronyms) for part in word.split("/"))
    if is_acronym_word(word, acronyms):
        return word
    parts = word.split("-")
    written = []
    for index, part in enumerate(parts):
        lower = part.lower()
        if lower in PARTICLES and not (first and index == 0) and (index < len(parts) - 1 or len(parts) == 1):
            written.append(lower)  # "Bashar al-Assad", "Islamic State of Iraq"
        elif part.startswith("MC") and len(part) > 3:
            written.append("Mc" + part[2:].capitalize())  # McCain
        elif re.fullmatch(r"[A-Z]'[A-Z]{2,}", part):
            written.append(part[:2] + part[2:].capitalize())  # O'Brien
        else:
            written.append(re.sub(r"[^\W\d_]", lambda m: m.group().upper(), part.lower(), count=1))  # "People's", "4Esko"
    return "-".join(written)


def display_phrase(name: str, acronyms: frozenset[str] = frozenset()) -> str:
    """A dictionary phrase as it is usually written: "BASHAR_AL-ASSAD" → "Bashar al-Assad"."""
    words = name_words(name)
    return " ".join(display_word(word, index == 0, acronyms) for index, word in enumerate(words))


def case_flags(surface: str, known_acronym: bool, english_words: frozenset[str]) -> str:
    """The case rule of a surface phrase (NOTICE.md, "Case rules"): short initialisms and
    English function words in capitals only ("US", "IS"); one word, or words that are all
    English words ("Red Line", "Islamic State"), with a capital somewhere; other names of
    several words in any case ("Bashar al-Assad")."""
    key = phrase_key(surface)
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) <= 4 and surface == surface.upper():
        vowels = any(ch in "AEIOUY" for ch in letters)
        if known_acronym or key in STOP_WORDS or "." in surface or not vowels:
            return UPPER_ONLY
    words = key.split()
    if len(words) == 1 or all(word in english_words or word in STOP_WORDS for word in words):
        return CAPITALISED
    return ANY_CASE


def most_permissive(flags: Iterable[str]) -> str:
    """The widest case rule among several forms of one key ("NATO" and "Nato")."""
    flags = list(flags)
    case = next(rule for rule in (ANY_CASE, CAPITALISED, UPPER_ONLY) if any(rule in f for f in flags))
    return case + (DEMONYM if any(DEMONYM in f for f in flags) else "")


def bracket_variants(name: str) -> Iterator[str]:
    """"KU_KLUX_KLAN_(KKK)" → "KU_KLUX_KLAN" and "KKK"; "GEORGIA_(COUNTRY)" → "GEORGIA"."""
    found = re.fullmatch(r"(.+?)_\(([^()]+)\)", name)
    if not found:
        return
    yield found.group(1)
    inner = found.group(2)
    if "_" not in inner and 3 <= len(inner) <= 6 and initials(found.group(1)).startswith(inner):
        yield inner


# ---------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------


@dataclass
class Node:
    """An entity being built; its phrases are collected as Candidates."""

    label: str
    type: str
    code: str | None
    wikidata: str | None = None
    curated: bool = False
    id: str = ""
    names: set[str] = field(default_factory=set)  # keys of its own names (demonym test)


@dataclass(frozen=True)
class Candidate:
    node: int
    surface: str
    role: str | None
    tier: int
    flags: str


@dataclass(frozen=True)
class English:
    """English words by part of speech, from the WordNet-derived index of spaCy's English
    lemmatizer (in the pinned model): only used to tell common words from names."""

    adjectives: frozenset[str]
    nouns: frozenset[str]
    words: frozenset[str]

    @classmethod
    def load(cls) -> English:
        import spacy

        from kg.nlp import MODEL

        nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner"])
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        adjectives = frozenset(index["adj"]) | frozenset(index["adv"])
        nouns = frozenset(index["noun"])
        return cls(adjectives, nouns, adjectives | nouns | frozenset(index["verb"]))


def is_demonym(name: str, node: Node, english: English) -> bool:
    """"RUSSIAN" of Russia, "TURK" of Turkey: an English word (so not one of the many
    misspellings in the dictionary), not a name of the country, that shares its first
    letters (three for an adjective; four, or all but the last, for a noun) with a word of
    the country's names and ends like an English demonym; a noun demonym is short ("Pole",
    not "Britain")."""
    words = name_words(name)
    if len(words) != 1 or not words[0].isalpha() or len(words[0]) < 4:
        return False
    word = words[0].lower()
    name_parts = {part for whole in node.names for part in whole.split()}
    if word in node.names or (word in name_parts and word not in english.adjectives):
        return False  # "Russia"; "Britain" (a word of "United Kingdom of Great Britain …")
    if word in english.adjectives:  # "Polish" shares "pol" with "Poland"
        return word.endswith(ADJECTIVE_DEMONYM_ENDINGS) and any(part.startswith(word[:3]) for part in name_parts)
    prefix = word[: min(4, len(word) - 1)]  # "Turk" shares "tur" with "Turkey"
    return (
        word in english.nouns and len(word) <= 6 and word.endswith(NOUN_DEMONYM_ENDINGS)
        and any(part.startswith(prefix) for part in name_parts)
    )


def is_common_word(name: str, position: int, english: English) -> bool:
    """A one-word name of an organisation that is also an English word: any alias
    ("FOUNDATION" of El Rukn, "ORGANIZATION" of Tanzim, "YOUTH") and a head that is an
    inflected noun ("TIGERS"); a head in its base form may be a name ("GUARDIAN")."""
    words = name_words(name)
    if len(words) != 1 or not words[0].isalpha():
        return False
    word = words[0].lower()
    if position:
        return word in english.words
    return word.endswith("s") and word[:-1] in english.nouns


def is_common_adjective(name: str, english: English) -> bool:
    """A one-word place alias that is an English adjective or adverb and does not end like
    a demonym: "MALE" (Malé), "NATAL", "LIEGE", "MESHED"."""
    words = name_words(name)
    word = words[0].lower() if len(words) == 1 else ""
    return word in english.adjectives and not word.endswith(ADJECTIVE_DEMONYM_ENDINGS)


class Builder:
    """Collects entities and their phrases from pycountry, our tables and the dictionaries."""

    def __init__(self, entries: list[Entry], agents: list[tuple[str, str]], english: English):
        self.entries = entries
        self.agents = agents
        self.english = english
        self.nodes: list[Node] = []
        self.candidates: list[Candidate] = []
        self.country_by_code: dict[str, int] = {}
        self.territory_by_code: dict[str, int] = {}
        self.curated_by_anchor: dict[str, int] = {}
        self.curated_by_code: dict[str, int] = {}
        self.iso_codes = frozenset(country.alpha_3 for country in pycountry.countries)
        self.acronyms = initialisms(name for entry in entries for name in entry.names)
        # one- to three-letter names of the dictionaries (US, UN, FBI), written in capitals
        # inside longer names ("US Secretary of State"); not three-letter places (FEZ, GOA)
        self.short_names = frozenset(
            name
            for entry in entries
            for name in entry.names
            if name.isalpha() and len(name) <= 3
            and (name in self.iso_codes or not (len(name) == 3 and len(entry.code) == 3 and re.search(r"[AEIOU]", name)))
        )
        self.org_by_head: dict[tuple[str, str], int] = {}
        self.anchored: set[str] = set()
        self.stats: collections.Counter[str] = collections.Counter()

    def add_node(self, node: Node) -> int:
        self.nodes.append(node)
        return len(self.nodes) - 1

    def add_phrase(self, node: int, surface: str, tier: int, role: str | None = None, *,
                   known_acronym: bool = False, demonym: bool = False) -> None:
        surface = surface.strip()
        key = phrase_key(surface)
        letters = sum(ch.isalpha() for ch in surface)
        if not key or letters < 2 or NOT_A_NAME.search(surface) or len(key.split()) > MAX_WORDS:
            self.stats["dropped: not a name"] += 1
            return
        if surface.count("(") != surface.count(")"):
            self.stats["dropped: broken brackets"] += 1  # STANKO_TODOROV_(ACTING
            return
        if letters > 4 and all(word in STOP_WORDS for word in key.split()):
            self.stats["dropped: English function words"] += 1
            return
        flags = case_flags(surface, known_acronym, self.english.words) + (DEMONYM if demonym else "")
        self.candidates.append(Candidate(node, surface, role, tier, flags))

    # -- countries and our own entities -----------------------------------------------------

    def build_countries(self, codes_in_use: set[str]) -> None:
        """A Country per pycountry country, and per historic state the dictionaries use."""
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
            label, wikidata = COUNTRIES.get(country.alpha_3, (None, None))
            common = getattr(country, "common_name", None)
            label = label or common or country.name
            index = self.add_node(Node(label, "Country", country.alpha_3, wikidata, curated=True))
            self.country_by_code[country.alpha_3] = index
            names = {label, country.name, common, getattr(country, "official_name", None)}
            for name in sorted(n for n in names if n):
                self.add_phrase(index, name, TIER_PYCOUNTRY)
                self.nodes[index].names.add(phrase_key(name))
            code = country.alpha_3.lower()
            if code not in STOP_WORDS and code not in self.english.words:  # not CAN, ARM, GUY
                self.add_phrase(index, country.alpha_3, TIER_PYCOUNTRY, known_acronym=True)
        historic = {country.alpha_3: country for country in pycountry.historic_countries}
        for code, (label, wikidata) in sorted(COUNTRIES.items()):
            if code in self.country_by_code or code not in codes_in_use:
                continue
            label = label or historic[code].name
            index = self.add_node(Node(label, "Country", code, wikidata, curated=True))
            self.country_by_code[code] = index
            self.add_phrase(index, label, TIER_OURS)
            self.nodes[index].names.add(phrase_key(label))

    def build_curated(self) -> None:
        for curated in CURATED:
            index = self.add_node(Node(curated.label, curated.type, curated.code or None, curated.wikidata, curated=True))
            for anchor in curated.anchors:
                self.curated_by_anchor[phrase_key(anchor)] = index
            if curated.whole_code:
                self.curated_by_code[curated.code] = index
            for surface in curated.phrases:
                self.add_phrase(index, surface, TIER_OURS, known_acronym=surface.isupper())
            for surface in curated.demonyms:
                self.add_phrase(index, surface, TIER_OURS, demonym=True)

    def build_demonyms(self) -> None:
        """Our demonym table (``DEMONYMS``), at the priority of our own phrases."""
        for code, forms in sorted(DEMONYMS.items()):
            index = self.country_by_code.get(code)
            if index is None:
                logger.warning("no country %s for the demonyms %s", code, ", ".join(forms))
                continue
            for surface in forms:
                self.add_phrase(index, surface, TIER_OURS, demonym=True)

    def curated_for(self, entry: Entry) -> int | None:
        """Our entity whose anchor is this entry's head, if any."""
        index = self.curated_by_anchor.get(phrase_key(entry.head))
        if index is not None:
            self.anchored.add(phrase_key(entry.head))
        return index

    def country_of(self, entry: Entry) -> int | None:
        """The Country a country-file entry belongs to, by code, else by name (TIMOR_LESTE
        is TMP in CAMEO and TLS in ISO 3166)."""
        base = entry.code[:3]
        if base in self.country_by_code:
            return self.country_by_code[base]
        if len(entry.code) != 3:
            return None
        keys = {phrase_key(name) for name in entry.names}
        for index in self.country_by_code.values():
            if self.nodes[index].names & keys:
                self.country_by_code[base] = index
                self.nodes[index].code = entry.code
                return index
        return None

    # -- dictionary entries -----------------------------------------------------------------

    def build_entries(self) -> None:
        demonyms = self.find_country_entries()
        persons = PersonIndex(self, demonyms, given_names(self.entries))
        for entry in self.entries:
            self.add_entry(entry, persons, demonyms)
        persons.finish()
        for anchor in sorted(set(self.curated_by_anchor) - self.anchored):
            logger.warning("no dictionary entry is headed %r (an anchor in CURATED)", anchor)

    def find_country_entries(self) -> frozenset[str]:
        """First pass over the country and territory entries: their names join the Country,
        so that demonyms can be told from the names."""
        entries = [e for e in self.entries if e.source == COUNTRIES_FILE and len(e.code) == 3]
        for entry in entries:
            index = self.country_of(entry)
            if index is not None:
                self.nodes[index].names.add(phrase_key(entry.head))
        for entry in self.entries:
            block = entry.code[3:]
            if entry.source != COUNTRIES_FILE or len(block) != 3 or block in CAMEO_ROLES:
                continue
            if entry.code[:3] not in self.country_by_code or entry.code in self.territory_by_code:
                continue
            # a territory: AMERICAN_SAMOA [USAASM], ISLE_OF_MAN [GBRIMY] (IMN in ISO), GAZA [PSEGZA]
            keys = {phrase_key(name) for name in entry.names}
            index = self.country_by_code.get(block)
            if index is None:
                index = next((i for i in self.country_by_code.values() if self.nodes[i].names & keys), None)
            if index is None:
                index = self.add_node(Node("", "Location", entry.code))
            elif len(self.nodes[index].code or "") == 3:
                self.nodes[index].code = entry.code  # the CAMEO code of the territory
            self.territory_by_code[entry.code] = index
        demonyms = set()
        for entry in entries:
            index = self.country_of(entry)
            if index is not None:
                demonyms.update(n for n in entry.names[1:] if is_demonym(n, self.nodes[index], self.english))
        return frozenset(demonyms)

    def actor_of(self, entry: Entry) -> tuple[int | None, str]:
        """The Country or territory a code names and the role blocks after it: RUSGOV →
        (Russia, "GOV"), USAASMGOV → (American Samoa, "GOV"), USRTKM → (Turkmenistan, "")."""
        code = entry.code
        if code[:6] in self.territory_by_code:
            return self.territory_by_code[code[:6]], code[6:]
        if code[:3] in self.country_by_code:
            return self.country_by_code[code[:3]], code[3:]
        if code[3:6] in self.country_by_code and code[3:6] not in CAMEO_ROLES:
            return self.country_by_code[code[3:6]], code[6:]  # a Soviet republic before 1991
        return None, code[3:]

    def classify(self, entry: Entry) -> tuple[int | None, str | None]:
        """The node an entry's phrases belong to (a new one for most organisations) and the
        role they name (GOV for the Kremlin), or (None, None) to skip the entry."""
        if entry.code in self.curated_by_code:
            return self.curated_by_code[entry.code], None
        if entry.code[:3] in ("IGO", "NGO", "MNC") or entry.code == "MED":
            return self.new_node(entry, "Organization"), None
        if entry.code[:3] == "IMG" or entry.source == "Phoenix.MilNonState.actors.txt":
            return self.new_node(entry, "ArmedGroup"), None
        country, roles = self.actor_of(entry) if entry.source == COUNTRIES_FILE else (None, entry.code[3:])
        role = roles[:3]
        if country is None and len(entry.code) == 3 and entry.code not in CAMEO_ROLES:
            self.stats[f"skipped: a country code that is no country ({entry.code})"] += 1  # KINAKUTA [KNT]
            return None, None
        if country is not None and (not role or role in COUNTRY_STATES):
            return country, None  # RUSSIAN_FEDERATION; IRAQ [IRQOCC]; GAZA [PSEGZA]
        if country is not None and role in STATE_ROLES:
            return country, roles  # KREMLIN [RUSGOV]
        if country is not None and role not in CAMEO_ROLES:
            return self.new_node(entry, "Location"), None
        # a party, rebels, a newspaper of a country or region: SYRREB, MEAREB, ISRMED, BAH
        return self.new_node(entry, "ArmedGroup" if role in ARMED_ROLES else "Organization"), None

    def new_node(self, entry: Entry, kind: str) -> int:
        """A node for an organisation entry, shared with earlier entries of the same name
        and kind (the International file lists many organisations twice)."""
        key = (phrase_key(entry.head), kind)
        if key not in self.org_by_head:
            self.org_by_head[key] = self.add_node(Node("", kind, entry.code))  # labelled in add_entry
        return self.org_by_head[key]

    def add_entry(self, entry: Entry, persons: PersonIndex, demonyms: frozenset[str]) -> None:
        if entry.code == "---":
            self.stats["skipped: null code"] += 1
            return
        curated = self.curated_for(entry)
        if curated is not None and self.nodes[curated].type == "Person":
            persons.add(entry, curated)
            return
        if curated is None and persons.is_person(entry):
            persons.add(entry, None)
            return
        if entry.generated_person and len(personal_name(entry.head)) == 1:
            self.stats["skipped: a generated office holder named by one given name"] += 1  # HUSSEIN [JORGOV]
            return
        index, role = (curated, None) if curated is not None else self.classify(entry)
        if index is None:
            return
        node = self.nodes[index]
        own_acronyms = frozenset(i for i in map(initials, entry.names) if len(i) >= 3) | self.short_names
        country_entry = node.type == "Country" and role is None
        organisation = node.type in ("Organization", "ArmedGroup")
        surnames: set[str] = set()
        for name in entry.names:
            if not country_entry and persons.is_person_alias(name):
                persons.carve(name, node.code or entry.code)  # ABU_BAKR_AL-BAGHDADI in ISIL
                surname = personal_name(name)[-1]
                surnames.update({surname, surname.split("-", 1)[-1]})
        for position, name in enumerate(entry.names):
            if not country_entry and persons.is_person_alias(name):
                continue
            words = name_words(name)
            # A one-word organisation name may be any initialism of the dictionaries (IAEA); a
            # place, or a word inside a longer name, only one of this entry's (so DOHA stays
            # Doha and BAN_KI-MOON is not "BAN Ki-Moon").
            acronyms = own_acronyms | self.acronyms if len(words) == 1 and organisation else own_acronyms
            acronym = is_acronym_word(name, acronyms)
            reason = self.unwanted(name, position, node, country_entry, acronym, surnames, persons.given, demonyms)
            if reason:
                self.stats["dropped: " + reason] += 1
                continue
            surface = display_phrase(name, acronyms)
            if not node.label:  # the head, without a bracketed initialism: "Ku Klux Klan"
                node.label = display_phrase(next(bracket_variants(name), name), acronyms)
            tier = TIER_HEAD if position == 0 else TIER_ALIAS
            demonym = country_entry and name in demonyms
            self.add_phrase(index, surface, tier, role, known_acronym=acronym, demonym=demonym)
            for number, variant in enumerate(bracket_variants(name)):
                inner = number == 1  # "KKK" of "KU_KLUX_KLAN_(KKK)"
                self.add_phrase(index, variant if inner else display_phrase(variant, acronyms), TIER_ALIAS, role,
                                known_acronym=inner)

    def unwanted(self, name: str, position: int, node: Node, country_entry: bool, acronym: bool,
                 surnames: set[str], given: frozenset[str], demonyms: frozenset[str]) -> str | None:
        """Why a dictionary phrase is left out (NOTICE.md, "What is left out"), or None."""
        words = name_words(name)
        if len(words) != 1 or name in demonyms or phrase_key(name) in node.names:
            return None
        word = words[0]
        if word in surnames or word.split("-", 1)[-1] in surnames:
            return "a surname in an organisation entry"  # ZARQAWI in the Islamic State entry
        if position and word in given:
            return "a given name as an alias"  # VLADIMIR (a city) → Russia
        if country_entry and position and is_common_adjective(name, self.english):
            return "an English adjective as a place alias"  # MALE (Malé) → Maldives
        if node.type in ("Organization", "ArmedGroup") and not node.curated and not acronym and (
            is_common_word(name, position, self.english)
        ):
            return "an English word as an organisation's name"  # FOUNDATION → El Rukn
        return None

    # -- output -----------------------------------------------------------------------------

    def resolve(self) -> dict[int, list[Candidate]]:
        """One entity per key: the lowest tier wins, our own entities before others at one
        tier; a tie between different entities drops the key as ambiguous.  All the
        winner's ways of writing the key are kept ("US" and "U.S." tokenize differently)."""
        by_key: dict[str, list[Candidate]] = collections.defaultdict(list)
        for candidate in self.candidates:
            by_key[phrase_key(candidate.surface)].append(candidate)
        chosen: dict[int, list[Candidate]] = collections.defaultdict(list)
        for key, candidates in by_key.items():
            def rank(candidate: Candidate) -> tuple[int, bool]:
                return candidate.tier, not self.nodes[candidate.node].curated

            best = min(map(rank, candidates))
            if len({c.node for c in candidates if rank(c) == best}) > 1:
                self.stats["dropped: a phrase of two entities at one priority"] += 1
                continue
            winner = min((c for c in candidates if rank(c) == best), key=lambda c: c.role is not None)
            own = [c for c in candidates if c.node == winner.node]
            # the case rule of the forms at the winning priority ("NATO" and "Nato" of ours);
            # demonym from any form of the winner
            flags = most_permissive(c.flags for c in candidates if rank(c) == best)
            if key in STOP_WORDS:  # "US", and "THE_US" written "Us": capitals only all the same
                flags = UPPER_ONLY + flags[1:]
            if any(DEMONYM in c.flags for c in own) and DEMONYM not in flags:
                flags += DEMONYM
            surfaces = dict.fromkeys(
                c.surface for c in sorted(own, key=lambda c: (c.tier, c.role is not None)) if case_allows(flags, c.surface)
            )
            for surface in surfaces:
                chosen[winner.node].append(Candidate(winner.node, surface, winner.role, winner.tier, flags))
        return chosen

    def assign_ids(self, chosen: dict[int, list[Candidate]]) -> list[int]:
        """Readable unique ids: the label, or "label (code)" when another entity has the label."""
        kept = [index for index in range(len(self.nodes)) if chosen.get(index)]
        taken: set[str] = set()
        for index in sorted(kept, key=lambda i: (not self.nodes[i].curated, self.nodes[i].type == "Person", i)):
            node = self.nodes[index]
            node.label = node.label or min(chosen[index], key=lambda c: c.tier).surface
            node.id, number = node.label, 1
            while node.id in taken:
                number += 1
                node.id = f"{node.label} ({node.code})" if number == 2 else f"{node.label} ({node.code} {number})"
            taken.add(node.id)
        return kept

    def lines(self) -> Iterator[str]:
        chosen = self.resolve()
        kept = self.assign_ids(chosen)
        yield "# kg gazetteer, generated by kg/data/make_gazetteer.py: do not edit. Sources and licence: NOTICE.md"
        yield "# (Phoenix/CAMEO actor dictionaries, MIT, Copyright (c) 2014 Open Event Data Alliance; pycountry)."
        yield "# E id label type code wikidata | P surface case-flags role | A agent-noun role"
        for index in kept:
            node = self.nodes[index]
            yield "\t".join(["E", node.id, node.label, node.type, node.code or "", node.wikidata or ""])
            for candidate in sorted(chosen[index], key=lambda c: (c.tier, phrase_key(c.surface), c.surface)):
                yield "\t".join(["P", candidate.surface, candidate.flags, candidate.role or ""])
        seen = set()
        for form, code in self.agents:
            surface = " ".join(name_words(form)).lower()
            if phrase_key(surface) in seen or phrase_key(surface) in STOP_WORDS:
                continue
            seen.add(phrase_key(surface))
            yield "\t".join(["A", surface, code])
        types = collections.Counter(self.nodes[i].type for i in kept)
        logger.info("%d entities %s, %d phrases, %d agent nouns", len(kept), dict(sorted(types.items())),
                    sum(map(len, chosen.values())), len(seen))


class PersonIndex:
    """People: which entries are persons, which entries are one person, and the people
    named inside organisation entries."""

    def __init__(self, builder: Builder, demonyms: frozenset[str], given: frozenset[str]):
        self.builder = builder
        self.demonyms = demonyms
        self.given = given
        self.groups: list[PersonGroup] = []
        self.by_name: dict[str, PersonGroup] = {}
        self.name_parts = collections.Counter(
            part
            for entry in builder.entries
            if entry.generated_person
            for word in personal_name(entry.head)
            for part in word.split("-")
        )

    def is_person(self, entry: Entry) -> bool:
        """A name-shaped head with a role code (not a country or territory code) and some
        evidence: a generated office-holder line, a dated code (a tenure) or a given name."""
        country, roles = self.builder.actor_of(entry)
        if country is not None and (not roles or roles[:3] in COUNTRY_STATES):
            return False  # SOUTH_SUDAN [SSD], AMERICAN_SAMOA [USAASM]: name-shaped, dated
        words = personal_name(entry.head)
        if len(words) == 1 and (entry.generated_person or entry.dated):  # SUHARTO, HAMMARSKJOLD
            return words[0].isalpha() and words[0] not in self.given  # not HUSSEIN, a given name
        # a generated office holder may be called German (GERMAN_GREF)
        if not looks_like_person(entry.head, frozenset() if entry.generated_person else self.demonyms):
            return False
        return entry.generated_person or entry.dated or words[0] in self.given

    def is_person_alias(self, name: str) -> bool:
        """An alias of an organisation that names a person: name-shaped, and a given name
        first or only words that occur in office holders' names ("HAITHAM_AL-BADRI")."""
        if not looks_like_person(name, self.demonyms):
            return False
        words = personal_name(name)
        return words[0] in self.given or all(
            self.name_parts[part] >= 2 for word in words for part in word.split("-") if part.lower() not in PARTICLES
        )

    def add(self, entry: Entry, curated: int | None) -> None:
        full_names = [phrase_key(" ".join(personal_name(n))) for n in entry.names if len(personal_name(n)) >= 2]
        group = None
        if curated is not None:
            group = next((g for g in self.groups if g.node == curated), None)
        if group is None:
            for key in full_names:
                other = self.by_name.get(key)
                if other is not None and other.same_person(entry):
                    group = other
                    break
        if group is None:
            group = PersonGroup(node=curated)
            self.groups.append(group)
        group.entries.append(entry)
        for key in full_names:
            self.by_name.setdefault(key, group)

    def carve(self, name: str, code: str) -> None:
        """A person named as an alias of an organisation becomes a Person of their own,
        with the organisation's code."""
        self.builder.stats["people taken out of organisation entries"] += 1
        curated = self.builder.curated_by_anchor.get(phrase_key(name))
        if curated is not None and self.builder.nodes[curated].type != "Person":
            curated = None
        elif curated is not None:
            self.builder.anchored.add(phrase_key(name))
        entry = Entry([name], [{"code": code, "from": None, "to": None}], "", 0, False, code)
        self.add(entry, curated)

    def surnames(self) -> dict[str, int]:
        """How many people have each last name ("ASSAD" of BASHAR_AL-ASSAD, HAFEZ_AL-ASSAD…)."""
        counts: collections.Counter[str] = collections.Counter()
        for group in self.groups:
            counts.update({
                personal[-1].split("-")[-1]
                for entry in group.entries
                for name in entry.names
                if len(personal := personal_name(name)) >= 2
            })
        return counts

    def finish(self) -> None:
        builder = self.builder
        surnames = self.surnames()
        for group in self.groups:
            index = group.node
            if index is None:
                # a bare role (KOFI_ANNAN: IGOUNO until 2006, then ELI) says less than the post
                codes = [c for entry in group.entries for c in entry.codes]
                code = current_code([c for c in codes if c["code"] not in CAMEO_ROLES] or codes)
                label = display_phrase("_".join(personal_name(group.entries[0].head)))
                index = builder.add_node(Node(label, "Person", code))
            node = builder.nodes[index]
            for name in dict.fromkeys(name for entry in group.entries for name in entry.names):
                words, personal = name_words(name), personal_name(name)
                if set(words) & GOVERNMENT_WORDS:
                    country = builder.country_by_code.get((node.code or "")[:3])
                    if country is not None:  # "ASSAD_REGIME" → Syria, role GOV
                        builder.add_phrase(country, display_phrase(name), TIER_ALIAS, "GOV")
                    continue
                if len(personal) == 1 and personal[0] in self.given:
                    builder.stats["dropped: a given name alone as a person's alias"] += 1  # HUSSEIN
                    continue
                if len(personal) == 1:
                    own = any(personal[0] == p[-1].split("-")[-1] for e in group.entries for n in e.names
                              if len(p := personal_name(n)) >= 2)
                    if surnames[personal[0].split("-")[-1]] > int(own):
                        builder.stats["dropped: a surname alone that other people have"] += 1  # JOHNSON
                        continue
                tier = TIER_PERSON_WORD if len(words) == 1 else TIER_PERSON
                builder.add_phrase(index, display_phrase(name), tier)


@dataclass
class PersonGroup:
    node: int | None = None
    entries: list[Entry] = field(default_factory=list)

    def same_person(self, entry: Entry) -> bool:
        # Entries sharing a full name are one person when they belong to one country, or
        # one is an international post (Javier Solana: ESP, IGOWSTNAT, IGOEUREEC).
        bases = {e.code[:3] for e in self.entries} | {entry.code[:3]}
        return len(bases - {"IGO", "NGO", "IMG", "MNC"}) <= 1


def atomic_write(path: Path, lines: Iterable[str]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        os.chmod(temporary, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as output:
            for line in lines:
                if "\n" in line or line.count("\t") not in (0, 2, 3, 5):
                    raise ValueError(f"malformed output line {line!r}")
                output.write(line + "\n")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def build(actors: Path, out: Path) -> None:
    entries = read_entries(actors)
    builder = Builder(entries, read_agents(actors), English.load())
    builder.build_countries({code for entry in entries for code in (c["code"] for c in entry.codes)})
    builder.build_curated()
    builder.build_demonyms()
    builder.build_entries()
    atomic_write(out, builder.lines())
    for reason, count in sorted(builder.stats.items()):
        logger.info("  %s: %d", reason, count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Regenerate kg/data/gazetteer.tsv from the Phoenix/CAMEO actor dictionaries and pycountry.",
        epilog="example: python kg/data/make_gazetteer.py /work/shared/data/actors",
    )
    parser.add_argument("actors", type=Path, help="the actors folder (actors.jsonl, agents.jsonl, raw/)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default: {OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.actors, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
