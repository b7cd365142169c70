"""Build ``verbs.tsv`` (predicate → event type) from the CAMEO 2.0 verb dictionary.

Usage::

    python kg/data/make_verbs.py /work/shared/data/actors/raw/CAMEO.2.0.txt
    python kg/data/make_verbs.py CAMEO.2.0.txt --output kg/data/verbs.tsv

The input is PETRARCH2's ``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance).  Standard
library only; the output is deterministic (sorted rows, no timestamps).

How the dictionary is read
--------------------------
* ``&NAME`` synonym sets: ``+`` members, phrases joined by ``_``; we keep each member's
  head noun (last word, or the word before "of").
* ``--- NAME [code] ---`` starts a verb block; ``[code]`` is the block default.
* A verb line ``VERB {forms} [code]`` adds a verb; its own code beats the block default.
  ``+VERB_PARTICLE`` lines are phrasal verbs: the first word is the lemma, a following
  particle or preposition is the ``particle``, a following noun the ``object``.
* A pattern line ``- pre * post (PREP noun) [code] # VERB`` refines the verb(s) its
  comment names: the file header says the comment gives "the verb[s] where the pattern
  was originally found".  (PETRARCH applies every pattern to the whole block, which
  lets TAKE's "take part" code "capture part".)  Uncommented patterns refine the whole
  block.  We keep patterns without pre-verb words (our predicates carry no subject) and
  reduce the post-verb part to (particle, object): a leading bare particle (``* OUT``),
  else the preposition of a leading ``(PREP ...)`` group; the object is the first noun,
  the head of a ``{multi word}`` phrase, or a ``&SET`` (kept symbolic, members listed).
* Codes ``A:B`` keep the active part ``A``; ``[:B]`` (the subject is the target) and
  ``[---]`` give no event.  ``~`` transformation lines need whole clauses and are skipped.

Which code wins
---------------
* Bare verb: its own code, else the default of the first block (file order) with a
  non-null default, else, for verbs listed only in null-default blocks, the majority type
  of the patterns written for that verb, if there are at least 3 and 60 % agree.  Then
  our VERB_OVERRIDES / NO_EVENT_VERBS / BLOCK_EVENT_OVERRIDES (see NOTICE.md).
* A pattern key (lemma, particle, object): patterns that need more words after the
  object ("* ATTACK (ON POLICY)") cannot speak for it; plain objects beat modified ones
  ("{VERBAL ATTACK}"), and modified ones alone must agree; then majority, then file order.

CAMEO codes become PLOVER 0.5b1 types by root (``plover``), with 02 → REQUEST, 080 →
CONCEDE and 057 (sign formal agreement) → AGREE as our decisions.  The output has one
row per verb entry, verb pattern, set member, support ("light") verb and event noun; the
header written into the file describes the columns.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.events import singular  # one rule for the table and its lookups

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "verbs.tsv"

# CAMEO root → PLOVER 0.5b1 type, after the PLOVER README mapping.  02 (appeal) is our
# REQUEST (PLOVER later renamed DEMAND to REQUEST); CAMEO 10 stays DEMAND.
ROOT_TO_PLOVER = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "FIGHT",
}

# Our decisions for bare verbs (lemma, particle) where the dictionary's answer is
# mis-filed or empty for a verb that plainly names an event.  Patterns with an object
# still apply on top.  Every entry is listed in NOTICE.md.
VERB_OVERRIDES: dict[tuple[str, str], str] = {
    # the verb names the class; CAMEO files it under 050 "diplomatic cooperation" (SUPPORT)
    ("agree", ""): "AGREE",
    ("cooperate", ""): "COOPERATE",
    ("collaborate", ""): "COOPERATE",
    # CAMEO 060 "material cooperation" (COOPERATE); as bare verbs in news: giving aid
    ("aid", ""): "AID",
    ("assist", ""): "AID",
    ("provide", ""): "AID",
    ("supply", ""): "AID",
    # CAMEO 060 (FACILITATE block); "ease restrictions/sanctions" is 08x
    ("ease", ""): "CONCEDE",
    # COMPROMISE block [080]; CAMEO 046 is "engage in negotiation"
    ("negotiate", ""): "CONSULT",
    # null-default blocks (SIGN, REFUSE): no code for the bare verb
    ("sign", ""): "AGREE",
    ("deny", ""): "REJECT",
    ("resist", ""): "REJECT",
    # EXCLUDE block [170] (COERCE); CAMEO 163 is "impose embargo, boycott or sanctions"
    ("embargo", ""): "SANCTION",
    ("veto", ""): "REJECT",
    # not verbs in the dictionary (only in pattern comments, or absent)
    ("urge", ""): "REQUEST",
    ("sanction", ""): "SANCTION",
    # SEARCH block gives 030 (intend); its own patterns are 02x
    ("seek", ""): "REQUEST",
    # listed first under GO_SOMEWHERE [040] (CONSULT), then under RETREAT
    ("pull", "out"): "RETREAT",
    # not in the dictionary; "turned down the offer"
    ("turn", "down"): "REJECT",
    # own code [174] (expel) looks like a slip; CAMEO 154 is "increase mobilization"
    ("beef", "up"): "MOBILIZE",
    # KILL is filed under 19x (FIGHT); the PLOVER 0.5 gold codes killings of people as
    # ASSAULT (CAMEO 18x) more often than as FIGHT (dev: 4 to 2; bench/README.md)
    ("kill", ""): "ASSAULT",
    ("murder", ""): "ASSAULT",
    # null-default SHARE block; CAMEO 064 is "share intelligence or information"
    ("share", ""): "COOPERATE",
    # null-default REVOKE block; going back on a commitment is refusing it (CAMEO 12)
    ("renege", ""): "REJECT",
    ("renege", "on"): "REJECT",
}

# PLOVER 0.6 splits CAMEO 08 (yield) into verbal CONCEDE and material RETREAT, and RETREAT
# "also covers resignations of government officials", surrender and "disarming": the verbs
# of those acts are RETREAT whatever their CAMEO code (YIELD block 080, DESTROY block 190).
VERB_OVERRIDES.update({
    ("resign", ""): "RETREAT",
    ("step", "down"): "RETREAT",
    ("abdicate", ""): "RETREAT",
    ("surrender", ""): "RETREAT",
    ("capitulate", ""): "RETREAT",
    ("disarm", ""): "RETREAT",
    ("demobilize", ""): "RETREAT",
    ("demobilise", ""): "RETREAT",
    ("free", ""): "RETREAT",
    # PLOVER DISAPPROVE: "Sue, file civil or criminal lawsuit"; CAMEO files SUE under 173
    ("sue", ""): "DISAPPROVE",
    # "Clinton beats Trump in the polls": winning, not PLOVER's "beat: physically assault",
    # which English says with "beat up" (kg.events.force_event handles "beat" with an object)
    ("beat", "up"): "ASSAULT",
    # "hung out with their neighbours": spending time, not hanging anyone (EXECUTE block)
    ("hang", "out"): "",
    # not in the dictionary, which has VANDALISE [1712] "destroy property" (17, COERCE)
    ("deface", ""): "COERCE",
    # spurning or rebuffing is refusing (CAMEO 12), not criticising
    ("spurn", ""): "REJECT",
    ("rebuff", ""): "REJECT",
})

# Our object-class patterns: each verb of a class with each noun of a class gives one event
# (PLOVER 0.6 definitions quoted), so that "strengthened its forces" is coded like CAMEO's
# "boost presence" and "blocked streets" like its "block road".  Used only where CAMEO has
# no pattern for the same (verb, particle, object).
FORCE_NOUNS = ("army battalion brigade deployment division force garrison military navy personnel police "
               "presence reinforcement soldier tank troop unit warship").split()
PASSAGE_NOUNS = "access bridge crossing entrance highway motorway railway road route street traffic".split()
PROPOSAL_NOUNS = ("appeal call demand initiative invitation mediation offer overture plan proposal "
                  "request settlement ultimatum").split()
DEMAND_NOUNS = "condition demand term ultimatum".split()
PROTEST_NOUNS = "demonstration march protest rally sit-in strike vigil walkout".split()
PUBLICATION_NOUNS = ("album book data detail figure film footage image photo photograph picture poll record "
                     "recording report result statement study survey transcript video").split()
# Verbs of stopping or cutting a flow (CAMEO 16: the STOP, SUSPEND, CUT blocks).
STOP_VERBS = (("suspend", ""), ("halt", ""), ("stop", ""), ("cut", ""), ("cut", "off"), ("cut", "back"),
              ("reduce", ""), ("freeze", ""), ("cancel", ""), ("curtail", ""), ("scale", "back"),
              ("slash", ""), ("terminate", ""), ("discontinue", ""), ("withhold", ""), ("withdraw", ""))
HELP_NOUNS = ("aid assistance credit delivery funding grant loan relief shipment supply").split()
TALK_NOUNS = "contact mediation negotiation talk".split()
MONITOR_NOUNS = "inspector monitor observer peacekeeper".split()
# Verbs of taking a place (CAMEO 192 patterns of SEIZE, CAPTURE, OCCUPY) and the places.
TAKE_VERBS = (("capture", ""), ("seize", ""), ("take", ""), ("take", "over"), ("overrun", ""), ("occupy", ""),
              ("retake", ""), ("recapture", ""), ("storm", ""), ("conquer", ""))
TERRITORY_NOUNS = ("airfield airport base capital city district garrison hill outpost province stronghold "
                   "territory town village").split()
CLASS_PATTERNS: tuple[tuple[tuple[tuple[str, str], ...], tuple[str, ...], str], ...] = (
    # MOBILIZE: "all military or police moves that fall short of the actual use of force"
    ((("strengthen", ""), ("reinforce", ""), ("boost", ""), ("bolster", ""), ("increase", ""), ("build", "up"),
      ("beef", "up"), ("step", "up"), ("mass", ""), ("deploy", ""), ("mobilize", ""), ("mobilise", ""),
      ("muster", ""), ("station", "")), tuple(FORCE_NOUNS), "MOBILIZE"),
    # PROTEST: "rally, gather to protest"; a crowd that gathers for a rally protests
    ((("converge", "for"), ("gather", "for"), ("assemble", "for"), ("turn", "out"), ("march", "in"),
      ("take", "part"), ("join", "")), tuple(PROTEST_NOUNS), "PROTEST"),
    # RETREAT: "immediate … material consequences, such as … allowing the entry of observers,
    # peacekeepers, or humanitarian workers": opening a border or a crossing
    ((("open", ""), ("reopen", ""), ("open", "up")), tuple(PASSAGE_NOUNS + ["airspace", "border", "port"]), "RETREAT"),
    # PROTEST mode "obstruct: obstruct passage (from CAMEO 144x)"
    ((("block", ""), ("barricade", ""), ("blockade", ""), ("obstruct", "")), tuple(PASSAGE_NOUNS), "PROTEST"),
    # REJECT: "reject a proposal or request", "refuse to meet … including … mediation initiatives"
    ((("dismiss", ""), ("reject", ""), ("rebuff", ""), ("spurn", ""), ("brush", "aside"), ("brush", "off"),
      ("turn", "down"), ("ignore", ""), ("oppose", ""), ("oppose", "to"), ("refuse", ""), ("decline", ""),
      ("veto", "")), tuple(PROPOSAL_NOUNS), "REJECT"),
    # CONCEDE: verbal yielding, CAMEO 083 "accede to demands"
    ((("accept", ""), ("meet", ""), ("accede", "to"), ("bow", "to"), ("give", "in"), ("yield", "to"),
      ("agree", "to")), tuple(DEMAND_NOUNS), "CONCEDE"),
    # no event: publishing footage or figures is not releasing prisoners (RETREAT) nor
    # sharing intelligence (CAMEO 064)
    ((("release", ""), ("publish", ""), ("post", ""), ("air", ""), ("show", "")), tuple(PUBLICATION_NOUNS), ""),
    # SANCTION, CAMEO 162 "reduce or stop aid", 164 "halt negotiations", 165 "halt mediation":
    # stopping or cutting a flow of help or a channel of talks ("suspended aid deliveries",
    # "reduced food supplies to the camp", "may halt mediation efforts")
    (STOP_VERBS, tuple(HELP_NOUNS + TALK_NOUNS), "SANCTION"),
    # SANCTION, CAMEO 1661/1662 "expel or withdraw peacekeepers, inspectors, observers"
    ((("withdraw", ""), ("pull", "out"), ("expel", ""), ("evacuate", ""), ("recall", ""), ("ship", "out")),
     tuple(MONITOR_NOUNS), "SANCTION"),
    # AID, CAMEO 072 "provide military aid": handing over weapons ("continued to send arms")
    ((("send", ""), ("ship", ""), ("deliver", ""), ("airlift", ""), ("give", ""), ("provide", ""),
      ("donate", ""), ("supply", "")), ("arm", "weapon", "ammunition", "munition"), "AID"),
    # FIGHT, CAMEO 192 "occupy territory": taking a place by force ("captured part of a
    # guerrilla stronghold", "overran the town")
    (TAKE_VERBS, tuple(TERRITORY_NOUNS), "FIGHT"),
    # FIGHT, CAMEO 196 "violate ceasefire"
    ((("violate", ""), ("breach", ""), ("break", "")), ("ceasefire", "truce", "armistice"), "FIGHT"),
    # MOBILIZE, CAMEO 151/152 "increase police/military alert status" ("remained on alert",
    # "put its troops on alert")
    ((("remain", "on"), ("stay", "on"), ("be", "on"), ("go", "on"), ("put", "on"), ("place", "on"),
      ("keep", "on")), ("alert",), "MOBILIZE"),
    # CONSULT, CAMEO 043 "host a visit": "gave a warm welcome to the visiting president"
    ((("give", ""), ("extend", ""), ("accord", "")), ("welcome", "reception"), "CONSULT"),
)

# Very common verbs whose block default would code nearly every use wrongly ("according
# to" → accord → COOPERATE; "go" → CONSULT; "cut" → SANCTION, where news cuts rates, costs
# and jobs far more often than ties or aid); intention and modality verbs (want, plan,
# expect: kg.relations records those as modality of the embedded verb); verbs whose
# subject is the victim (die).  As bare verbs they give no event; patterns still apply
# ("reach agreement", "call for").
NO_EVENT_VERBS = frozenset(
    """accord admit affect aim amass approve benefit bind bother build call close combine compete
    compound conclude cut conduct confront connect consider constitute contain control cry
    deal decide determine die direct dominate enable end enlarge ensure establish
    exaggerate exclude expand expect expose express face fail fill fire found gather give go
    govern handle head hear hit hope impact improve increase indicate influence insert
    inspire intend interfere introduce issue join lead learn leave manage master match
    mean need pass pay place plague plan prepare publish pull rag reach recover relate
    remove render retire reveal ring risk rule serve signal spark speculate struggle
    suggest swear sweep take tend think train unite unveil upset vote walk want weigh""".split()
)

# Blocks whose name is the PLOVER class while their code is the unspecific 080 ("yield").
BLOCK_EVENT_OVERRIDES = {"RETREAT": "RETREAT"}

# Speech verbs are attribution, not events (kg.relations handles them): no rows at all.
SPEECH_VERBS = frozenset(
    "say tell add claim announce state report note explain comment stress reply write".split()
)

# Support verbs whose event is their object noun ("launched an offensive").
LIGHT_VERBS = (
    ("begin", ""),
    ("carry", "out"),
    ("conduct", ""),
    ("continue", ""),
    ("escalate", ""),
    ("hold", ""),
    ("intensify", ""),
    ("launch", ""),
    ("make", ""),
    ("mount", ""),
    ("open", ""),
    ("order", ""),
    ("organise", ""),
    ("organize", ""),
    ("perform", ""),
    ("resume", ""),
    ("stage", ""),
    ("start", ""),
    ("step", "up"),
    # verbs of pace and completion: "speeded up the withdrawal", "completed the pullout"
    ("speed", "up"),
    ("accelerate", ""),
    ("hasten", ""),
    ("expedite", ""),
    ("complete", ""),
    ("undertake", ""),
    ("wage", ""),
)

# Event nouns ("Russia's strikes on IS"): our own hand-written table, lemma → type.  Each
# type is the one the dictionary gives the matching verb or support-verb pattern
# ("launch offensive" 190, "carry out {AIR STRIKE}" 195, "sign &CEASEFIRE" 0871,
# "impose sanctions" 163).  "strike" is read in its military sense; the dictionary's
# "stage/hold strike" patterns (143, labour strike → PROTEST) still win for those verbs.
EVENT_NOUNS = {
    # conventional military force (CAMEO 19/20 → FIGHT)
    "airstrike": "FIGHT",
    "ambush": "FIGHT",
    "attack": "FIGHT",
    "battle": "FIGHT",
    "bombardment": "FIGHT",
    "clash": "FIGHT",
    "combat": "FIGHT",
    "fighting": "FIGHT",
    "incursion": "FIGHT",
    "invasion": "FIGHT",
    "offensive": "FIGHT",
    "raid": "FIGHT",
    "shelling": "FIGHT",
    "siege": "FIGHT",
    "strike": "FIGHT",
    "war": "FIGHT",
    "massacre": "FIGHT",
    # unconventional violence (CAMEO 18 → ASSAULT)
    "abduction": "ASSAULT",
    "assassination": "ASSAULT",
    "bombing": "ASSAULT",
    "kidnapping": "ASSAULT",
    "torture": "ASSAULT",
    "explosion": "ASSAULT",
    "blast": "ASSAULT",
    "killing": "ASSAULT",
    # coercion and sanctions
    "arrest": "COERCE",
    "crackdown": "COERCE",
    "detention": "COERCE",
    "deportation": "COERCE",
    "blockade": "COERCE",
    "expulsion": "COERCE",
    "boycott": "SANCTION",
    "embargo": "SANCTION",
    "sanction": "SANCTION",
    # verbal conflict
    "accusation": "DISAPPROVE",
    "condemnation": "DISAPPROVE",
    "criticism": "DISAPPROVE",
    "denunciation": "DISAPPROVE",
    "demand": "DEMAND",
    "ultimatum": "THREATEN",
    "threat": "THREATEN",
    "warning": "THREATEN",
    "denial": "REJECT",
    "rejection": "REJECT",
    "refusal": "REJECT",
    "veto": "REJECT",
    # cooperation
    "agreement": "AGREE",
    "accord": "AGREE",
    "deal": "AGREE",
    "pact": "AGREE",
    "treaty": "AGREE",
    "promise": "AGREE",
    "pledge": "AGREE",
    "aid": "AID",
    "assistance": "AID",
    "relief": "AID",
    "asylum": "AID",
    "cooperation": "COOPERATE",
    "collaboration": "COOPERATE",
    "partnership": "COOPERATE",
    "alliance": "COOPERATE",
    "support": "SUPPORT",
    "endorsement": "SUPPORT",
    "praise": "SUPPORT",
    "apology": "SUPPORT",
    "talk": "CONSULT",
    "meeting": "CONSULT",
    "negotiation": "CONSULT",
    "summit": "CONSULT",
    "visit": "CONSULT",
    "consultation": "CONSULT",
    "mediation": "CONSULT",
    "request": "REQUEST",
    "appeal": "REQUEST",
    "plea": "REQUEST",
    "call": "REQUEST",
    "concession": "CONCEDE",
    "ceasefire": "RETREAT",
    "truce": "RETREAT",
    "release": "RETREAT",
    "withdrawal": "RETREAT",
    "retreat": "RETREAT",
    "pullout": "RETREAT",
    "surrender": "RETREAT",
    "investigation": "INVESTIGATE",
    "inquiry": "INVESTIGATE",
    "probe": "INVESTIGATE",
    "inspection": "INVESTIGATE",
    "hearing": "INVESTIGATE",
    "protest": "PROTEST",
    "demonstration": "PROTEST",
    "rally": "PROTEST",
    "riot": "PROTEST",
    "sit-in": "PROTEST",
    # compounds read as a whole before their head ("a hunger strike" is no air strike)
    "hunger strike": "PROTEST",
    "general strike": "PROTEST",
    "mobilization": "MOBILIZE",
    "mobilisation": "MOBILIZE",
    "deployment": "MOBILIZE",
    "buildup": "MOBILIZE",
}

PARTICLES = frozenset(
    """about across after against ahead along apart around aside at away back behind by
    down for forth forward from in into off on onto out over through to together toward
    towards under up upon with within without""".split()
)
ARTICLES = frozenset("a an the".split())
AUXILIARIES = frozenset("is was were are am be been has had have will would".split())
ACTOR_SLOTS = frozenset("$ + ^ % **".split())


@dataclass
class Block:
    name: str
    default: str
    line: int
    verbs: list[tuple[str, str, str]] = field(default_factory=list)
    # (tokens after "*", code, verb spellings named in the comment, line)
    patterns: list[tuple[list[str], str, set[str], int]] = field(default_factory=list)
    forms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # spelling → key


@dataclass(frozen=True)
class Reduced:
    """A pattern reduced to our key, with what the reduction left unchecked."""

    particle: str
    object: str  # a noun lemma, "&SET", or ""
    hard: int  # words or phrases after the object ("* ATTACK (ON POLICY)")
    soft: int  # modifiers of a {multi word} object ("* {AIR STRIKE}" → strike)
    code: str
    line: int


def strip_comment(line: str) -> tuple[str, str]:
    """Split a raw line into (content, comment); ';' is TABARI's legacy comment mark."""
    cut = min((line.index(m) for m in "#;" if m in line), default=len(line))
    return line[:cut].rstrip(), line[cut + 1 :].strip()


def words_of(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", phrase.lower().strip("_ ")) if w]


def head_of(phrase: str) -> str:
    """Head noun of a dictionary phrase: the last word, or the word before "of"."""
    words = words_of(phrase)
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return singular(words[-1]) if words else ""


def active_code(code: str) -> str:
    """``042:043`` → ``042``; ``:110`` → ``---``; strips stray marks like ``080!``."""
    digits = re.sub(r"[^0-9]", "", code.split(":")[0])
    return digits or "---"


def plover(code: str) -> str:
    """CAMEO event code → PLOVER type, or "" for no event."""
    code = active_code(code)
    if len(code) < 2:
        return ""
    if code.startswith("057"):
        return "AGREE"  # "sign formal agreement": our decision, see NOTICE.md
    if code.startswith("08"):
        return "RETREAT" if code[:3] in {"084", "085", "086", "087"} else "CONCEDE"
    return ROOT_TO_PLOVER.get(code[:2], "")


def verb_key(spelling: str) -> tuple[str, str, str] | None:
    """``CARRY_OUT`` → (carry, out, ""); ``WAGE_WAR`` → (wage, "", war); fragments → None."""
    words = words_of(spelling)
    if not words or words[0] in AUXILIARIES or {"and", "or"} & set(words):
        return None  # auxiliaries ("IS_DETERMINED"), clause fragments ("KILLED_AND")
    if len(words) > 1 and words[0].endswith("ed") and words[1] in PARTICLES:
        return None  # past-participle entries like ANGERED_BY
    lemma, rest = words[0], words[1:]
    particle = rest.pop(0) if rest and rest[0] in PARTICLES else ""
    while rest and rest[0] in ARTICLES:
        rest.pop(0)
    return lemma, particle, singular(rest[0]) if rest else ""


def inflections(spelling: str, irregular: str) -> set[str]:
    """Spellings a pattern comment may use for a verb: ATTACK, ATTACKED, PULLED_OUT …"""
    words = spelling.split("_")
    base, tail = words[0], "_".join(words[1:])
    stems = {base, base[:-1] if base.endswith("E") else base}
    if base.endswith("Y"):
        stems.add(base[:-1] + "I")
    forms = {s + e for s in stems for e in ("", "S", "ES", "ED", "D", "ING")}
    forms |= {base + base[-1] + e for e in ("ED", "ING")}
    forms |= {w.lstrip("+") for w in irregular.strip("{}").replace(",", " ").split()}
    if tail:
        forms = {f if f.endswith("_" + tail) else f + "_" + tail for f in forms}
    return forms | {spelling}


def tokenize_pattern(text: str) -> list[str]:
    """Pattern text after ``*`` → tokens; ``{...}`` and ``(...)`` groups stay whole."""
    return [t for t in re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text) if t not in ACTOR_SLOTS]


def content_head(token: str, synsets: dict[str, list[str]]) -> tuple[str, int] | None:
    """One noun token → (object, modifiers dropped); a set stays symbolic as ``&NAME``."""
    if token.startswith("{"):
        words = token.strip("{}").split()
        if not words:
            return None
        head = content_head(words[-1], synsets)
        return None if head is None else (head[0], head[1] + len(words) - 1)
    if token.startswith("&"):
        name = token[1:].rstrip("_")
        return ("&" + name, 0) if name in synsets else None
    if re.fullmatch(r"[A-Z][A-Z'_.-]*", token) is None:
        return None  # alternatives "A/B", stems "X*", numbers
    return head_of(token), 0


def reduce_pattern(tokens: list[str], synsets: dict[str, list[str]]) -> tuple[str, str, int, int] | None:
    """Post-verb tokens → (particle, object, hard, soft); None if unusable.

    ``* OUT`` → ("out", "", 0, 0); ``* (FOR &CEASEFIRE)`` → ("for", "&CEASEFIRE", 0, 0);
    ``* {AIR STRIKE}`` → ("", "strike", 0, 1); ``* ATTACK (ON PLAN)`` → ("", "attack", 1, 0).
    """
    rest = list(tokens)
    particle, obj, soft = "", "", 0
    if rest and rest[0][0] not in "({&" and rest[0].lower() in PARTICLES:
        particle = rest.pop(0).lower()
    while rest and rest[0].lower() in ARTICLES:
        rest.pop(0)
    if rest and not rest[0].startswith("("):
        head = content_head(rest.pop(0), synsets)
        if head is None:
            return None
        obj, soft = head
    elif rest and not particle:
        group = [w for w in rest.pop(0).strip("()").split() if w not in ACTOR_SLOTS]
        if not group or "/" in group[0]:
            return None
        particle = group[0].lower()
        group = [w for w in group[1:] if w.lower() not in ARTICLES]
        if group:
            head = content_head("{" + " ".join(group) + "}", synsets)
            if head is None:
                return None
            obj, soft = head
    # a trailing "(AGAINST)" or "(FROM ^)" only introduces an actor: no constraint
    hard = [t for t in rest if not (t.startswith("(") and len(set(t.strip("()").split()) - ACTOR_SLOTS) <= 1)]
    return particle, obj, len(hard), soft


def parse(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    """Read the dictionary into synsets and verb blocks, in file order."""
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    for number, raw in enumerate(lines, start=1):
        text, comment = strip_comment(raw)
        if not text.strip():
            continue
        if text.startswith("&"):
            current_set = text[1:].strip().rstrip("_")
            synsets[current_set] = []
            continue
        if text.startswith("+") and current_set is not None:
            synsets[current_set].append(text[1:].strip())
            continue
        current_set = None
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", text)
        if header:
            blocks.append(Block(header.group(1), header.group(2).strip() or "---", number))
            continue
        if not blocks or text.startswith("~"):
            continue  # before the first block, or a transformation line
        block = blocks[-1]
        if text.startswith("-"):
            match = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if match and "*" in match.group(1):
                pre, _, post = match.group(1).partition("*")
                if not pre.strip():  # pre-verb words constrain the subject, which we lack
                    named = set(re.findall(r"[A-Z][A-Z_-]+", comment))
                    block.patterns.append((tokenize_pattern(post), match.group(2).strip(), named, number))
            continue
        match = re.match(r"^\+?([A-Za-z][A-Za-z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", text)
        if not match:
            continue
        spelling = match.group(1).upper()
        key = verb_key(spelling)
        if key is None:
            continue
        own = match.group(3).strip("[]").strip() if match.group(3) else ""
        block.verbs.append(key + (own,))  # type: ignore[arg-type]
        for form in inflections(spelling, match.group(2) or ""):
            block.forms.setdefault(form, key)
    return synsets, blocks


def choose(candidates: list[Reduced]) -> Reduced | None:
    """The pattern that speaks for one (block, particle, object) key, if any can.

    Patterns that need words after the object cannot speak for the bare key.  Plain
    patterns beat those whose object had modifiers; when only modified objects remain
    ("{HUNGER STRIKE}", "{AIR STRIKE}"), they must agree.  Then majority, then file order.
    """
    usable = [c for c in candidates if c.hard == 0]
    if not usable:
        return None
    plain = [c for c in usable if c.soft == 0]
    tier = sorted(plain or usable, key=lambda c: c.line)
    votes = Counter(plover(c.code) for c in tier)
    if not plain and len(votes) > 1:
        return None
    best = max(votes.values())
    return next(c for c in tier if votes[plover(c.code)] == best)


def pattern_owners(block: Block, named: set[str]) -> list[tuple[str, str, str]]:
    """The verbs a pattern refines: those its comment names, else the whole block.

    The dictionary header says the comment gives "the verb[s] where the pattern was
    originally found"; PETRARCH applies every pattern to the whole block, which lets
    "take part" code "capture part".  A named verb that is not in the block (URGE in
    the DEMAND block) gets the pattern for itself if it looks like a base form.
    """
    owners = {block.forms[name] for name in named if name in block.forms}
    if not owners:
        owners = {
            (name.lower(), "", "")
            for name in named
            if name.isalpha() and not name.endswith(("ED", "ING")) and len(name) > 2
        }
    if not owners:
        owners = {key for key in block.forms.values()}
    return sorted(owners)


def collect_patterns(blocks: list[Block], synsets: dict[str, list[str]]) -> dict[tuple[str, str, str], list[Reduced]]:
    """(lemma, particle, object) → the reduced patterns that speak for it."""
    found: dict[tuple[str, str, str], list[Reduced]] = defaultdict(list)
    for block in blocks:
        for tokens, code, named, line in block.patterns:
            result = reduce_pattern(tokens, synsets)
            if result is None:
                continue
            particle, obj, hard, soft = result
            for lemma, verb_particle, verb_object in pattern_owners(block, named):
                if verb_object:
                    continue  # "WAGE_WAR" + another object: nothing we can key
                key_particle = particle
                if verb_particle:
                    # "PULLED_OUT (OF BASES)": the phrasal particle stays, the
                    # preposition only introduces the object
                    key_particle, hard = verb_particle, hard + (bool(particle) and not obj)
                found[(lemma, key_particle, obj)].append(Reduced(key_particle, obj, hard, soft, code, line))
    return found


def build(path: Path) -> list[tuple[str, ...]]:
    """All output rows: (kind, word, particle, object, cameo, event, blocks, source)."""
    synsets, blocks = parse(path)
    rows: list[tuple[str, ...]] = []

    # verb entries: key → [(block, own code)] in file order
    entries: dict[tuple[str, str, str], list[tuple[Block, str]]] = defaultdict(list)
    for block in blocks:
        for lemma, particle, obj, own in block.verbs:  # type: ignore[misc]
            entries[(lemma, particle, obj)].append((block, own))

    for key in sorted(entries):
        if key[0] in SPEECH_VERBS:
            continue
        block_list = entries[key]
        code, source = "---", "cameo"
        for block, own in block_list:
            if own:
                code = own
                break
        else:
            for block, _ in block_list:
                if active_code(block.default) != "---":
                    code = block.default
                    break
            else:
                code = majority_code(key, block_list)
                source = "cameo-patterns" if code != "---" else "cameo"
        event = plover(code)
        first_block = block_list[0][0].name
        if not any(own for _, own in block_list) and first_block in BLOCK_EVENT_OVERRIDES:
            event, source = BLOCK_EVENT_OVERRIDES[first_block], "ours"
        if key[2] == "" and (key[0], key[1]) in VERB_OVERRIDES:
            event, source = VERB_OVERRIDES[(key[0], key[1])], "ours"
        elif key[1:] == ("", "") and key[0] in NO_EVENT_VERBS:
            event, source = "", "ours"
        names = ",".join(dict.fromkeys(b.name for b, _ in block_list))
        rows.append(("verb", *key, code, event, names, source))

    # verbs of ours that the dictionary lacks (or has only in pattern comments)
    listed = {(lemma, particle) for lemma, particle, obj in entries if not obj}
    for (lemma, particle), event in sorted(VERB_OVERRIDES.items()):
        if (lemma, particle) not in listed:
            rows.append(("verb", lemma, particle, "", "", event, "", "ours"))

    used_sets: set[str] = set()
    for key, candidates in sorted(collect_patterns(blocks, synsets).items()):
        pattern = choose(candidates)
        if pattern is None or key[0] in SPEECH_VERBS:
            continue
        rows.append(("pattern", *key, pattern.code, plover(pattern.code), "", "cameo"))
        if key[2].startswith("&"):
            used_sets.add(key[2][1:])

    for name in sorted(used_sets):
        for head in sorted({head_of(m) for m in synsets[name]} - {""}):
            rows.append(("set", name, "", head, "", "", "", "cameo"))

    # a dictionary pattern stands, except the unspecific 080 ("yield"), which PLOVER splits
    # into verbal CONCEDE and material RETREAT: there our class decides ("open border")
    listed_patterns = {tuple(r[1:4]): i for i, r in enumerate(rows) if r[0] == "pattern"}
    for verbs, nouns, event in CLASS_PATTERNS:
        for lemma, particle in verbs:
            for noun in nouns:
                at = listed_patterns.get((lemma, particle, noun))
                if at is None:
                    rows.append(("pattern", lemma, particle, noun, "", event, "", "ours"))
                elif active_code(rows[at][4]) == "080":
                    rows[at] = ("pattern", lemma, particle, noun, rows[at][4], event, "", "ours")

    for lemma, particle in LIGHT_VERBS:
        rows.append(("light", lemma, particle, "", "", "", "", "ours"))
    for noun in sorted(EVENT_NOUNS):
        rows.append(("noun", noun, "", "", "", EVENT_NOUNS[noun], "", "ours"))
    return rows


def majority_code(key: tuple[str, str, str], block_list: list[tuple[Block, str]]) -> str:
    """A verb listed only in null-default blocks: the majority type of its own patterns."""
    lines: dict[int, str] = {}
    for block, _ in block_list:
        for tokens, code, named, line in block.patterns:
            if any(block.forms.get(name) == key for name in named):
                lines[line] = code
    if len(lines) < 3:
        return "---"
    votes = Counter(plover(code) for code in lines.values())
    event, count = votes.most_common(1)[0]
    if not event or count / len(lines) < 0.6:
        return "---"
    return next(code for _, code in sorted(lines.items()) if plover(code) == event)


HEADER = """\
# verbs.tsv: predicate -> PLOVER event type, for kg.events.  Generated by make_verbs.py
# from CAMEO.2.0.txt (PETRARCH2 verb dictionary; MIT, Copyright (c) 2015 Open Event Data
# Alliance) plus our own tables (source=ours).  Do not edit by hand: edit make_verbs.py.
# kind=verb:    word=lemma, particle, object (phrasal entries), cameo, event, blocks
# kind=pattern: word=BLOCK, particle, object (a noun lemma or &SET), cameo, event
# kind=set:     word=SET, object=member head noun
# kind=light:   word=lemma, particle: support verb whose object noun carries the event
# kind=noun:    word=event noun lemma, event
# event "" means no event.
"""
COLUMNS = ("kind", "word", "particle", "object", "cameo", "event", "blocks", "source")


def write_tsv(rows: list[tuple[str, ...]], output: Path) -> None:
    """Write atomically: a temporary file in the same folder, then ``os.replace``."""
    text = HEADER + "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=output.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cameo", type=Path, help="path to CAMEO.2.0.txt")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    rows = build(args.cameo)
    write_tsv(rows, args.output)
    counts = Counter(r[0] for r in rows)
    print(f"{args.output}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
