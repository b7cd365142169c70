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
* A pattern line ``- pre * post (PREP noun) [code] # VERB`` refines every verb of its
  block (PETRARCH's reading: a block is a set of synonyms with respect to its patterns).
  We keep patterns without pre-verb words (our predicates carry no subject) and reduce
  the post-verb part to (particle, object): a leading bare particle (``* OUT``), else the
  preposition of a leading ``(PREP ...)`` group; the object is the first noun, the last
  word of a ``{multi word}`` phrase, or a ``&SET``.  Anything beyond that is a constraint
  we cannot check; it counts against the pattern when patterns compete for one key.
* Codes ``A:B`` keep the active part ``A``; ``[:B]`` (the subject is the target) and
  ``[---]`` give no event.  ``~`` transformation lines need whole clauses and are skipped.

Which code wins
---------------
* Bare verb: its own code, else the default of the first block (file order) with a
  non-null default, else, for verbs listed only in null-default blocks, the majority type
  of the block's patterns written for that verb (the ``# VERB`` comment), if there are at
  least 3 and 60 % agree.  Then our VERB_OVERRIDES.
* A pattern key (block, particle, object): fewest unchecked constraints, then the
  majority type, then file order.

The output has one row per verb entry (with its blocks), per block pattern, per set
member, per event noun and per light verb; see the header written into the file.
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

# Our decisions for bare verbs (lemma, particle) where the dictionary's answer is too
# broad or empty for a verb that plainly names an event; "" means no event.  Patterns
# with an object still apply on top.  Every entry is listed in NOTICE.md.
VERB_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    # the verb names the PLOVER class; CAMEO files it under 050 "diplomatic cooperation"
    ("agree", ""): ("AGREE", "agree names the class; CAMEO 050 would give SUPPORT"),
    ("cooperate", ""): ("COOPERATE", "names the class; CAMEO 050 would give SUPPORT"),
    ("collaborate", ""): ("COOPERATE", "names the class; CAMEO 050 would give SUPPORT"),
    ("sign", ""): ("AGREE", "null-default block; signing is agreeing"),
    # CAMEO 060 "material cooperation"; as bare verbs in news these are giving aid (07)
    ("aid", ""): ("AID", "CAMEO 060 would give COOPERATE"),
    ("assist", ""): ("AID", "CAMEO 060 would give COOPERATE"),
    ("provide", ""): ("AID", "CAMEO 060 would give COOPERATE"),
    ("supply", ""): ("AID", "CAMEO 060 would give COOPERATE"),
    ("ease", ""): ("CONCEDE", "CAMEO 060 would give COOPERATE; ease X is mostly 08"),
    # null-default REFUSE block: its patterns are mostly 12 (and 016 for deny)
    ("deny", ""): ("REJECT", "null-default block; patterns split 016/12"),
    ("resist", ""): ("REJECT", "null-default block"),
    # in the dictionary only as pattern comments, not as verbs; their patterns are 02
    ("urge", ""): ("REQUEST", "only in pattern comments (02x)"),
    ("seek", ""): ("REQUEST", "CAMEO gives 030 (intend); its patterns are 02x"),
    # listed under GO_SOMEWHERE [040] before RETREAT [080]
    ("pull", "out"): ("RETREAT", "first block GO_SOMEWHERE would give CONSULT"),
    # too general to carry an event without an object
    ("take", ""): ("", "APPREHEND [171] would code every 'take'"),
    ("give", ""): ("", "GRANT [060] would code every 'give'"),
    ("serve", ""): ("", "AID [060] would code every 'serve'"),
    ("benefit", ""): ("", "AID [060]"),
    ("issue", ""): ("", "GRANT [060] would code 'issue a statement'"),
    ("match", ""): ("", "PHYSICAL_CONFLICT [190]"),
    ("hit", ""): ("", "PHYSICAL_CONFLICT [190]; mostly 'hit by' economics/weather"),
    ("fire", ""): ("", "EXPLOSIVE_DESTRUCTION [190]; also 'dismiss'"),
    ("face", ""): ("", "MEET_PEOPLE [040]; 'face charges' is passive"),
    ("meet", ""): ("CONSULT", "MEET_PEOPLE [040]"),
    ("remove", ""): ("", "DEPORT [174] would code every 'remove'"),
    ("beef", "up"): ("MOBILIZE", "own code [174] looks like a slip for 15x"),
    ("contain", ""): ("", "CONFINE [170]"),
    ("hold", ""): ("", "own code [---]; kept explicit"),
}

# Blocks whose name is the PLOVER class while their code is the unspecific 080 ("yield").
BLOCK_EVENT_OVERRIDES = {"RETREAT": "RETREAT"}

# Speech verbs are attribution, not events (kg.relations handles them): no rows at all.
SPEECH_VERBS = frozenset(
    """say tell add claim announce state report note explain comment stress reply write
    insist declare""".split()
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
    ("order", ""),
    ("perform", ""),
    ("resume", ""),
    ("stage", ""),
    ("start", ""),
    ("step", "up"),
    ("undertake", ""),
    ("wage", ""),
)

# Event nouns: our hand-written table (lemma → type).  Derived rows from the dictionary
# come first; these take precedence.  "strike" follows CAMEO 195 (aerial) → FIGHT.
EVENT_NOUNS = {
    # conventional military force (CAMEO 19/20 → FIGHT)
    "airstrike": "FIGHT",
    "attack": "FIGHT",
    "battle": "FIGHT",
    "bombardment": "FIGHT",
    "clash": "FIGHT",
    "combat": "FIGHT",
    "fighting": "FIGHT",
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
    # coercion and sanctions
    "arrest": "COERCE",
    "crackdown": "COERCE",
    "detention": "COERCE",
    "deportation": "COERCE",
    "expulsion": "COERCE",
    "blockade": "SANCTION",
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
    "ceasefire": "AGREE",
    "truce": "AGREE",
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
    "exercise": "COOPERATE",
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
    "amnesty": "CONCEDE",
    "release": "CONCEDE",
    "withdrawal": "RETREAT",
    "retreat": "RETREAT",
    "pullout": "RETREAT",
    "surrender": "RETREAT",
    "investigation": "INVESTIGATE",
    "inquiry": "INVESTIGATE",
    "probe": "INVESTIGATE",
    "inspection": "INVESTIGATE",
    "protest": "PROTEST",
    "demonstration": "PROTEST",
    "rally": "PROTEST",
    "riot": "PROTEST",
    "sit-in": "PROTEST",
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
    particle: str
    object: str  # a noun lemma, "&SET", or ""
    extra: int
    code: str
    line: int
    comment_verbs: frozenset[str]


def strip_comment(line: str) -> tuple[str, str]:
    """Split a raw line into (content, comment); ';' is TABARI's legacy comment mark."""
    cut = min((line.index(m) for m in "#;" if m in line), default=len(line))
    return line[:cut].rstrip(), line[cut + 1 :].strip()


def singular(word: str) -> str:
    """A crude English singular; ``kg.events`` applies the same rule to its queries."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


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
    if not words or words[0] in AUXILIARIES or words[-1] in {"and", "or"}:
        return None
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
    """One noun token → (object, extra constraints); a set stays symbolic as ``&NAME``."""
    if token.startswith("{"):
        words = token.strip("{}").split()
        if not words:
            return None
        head = content_head(words[-1], synsets)
        return None if head is None else (head[0], head[1] + (len(words) > 1))
    if token.startswith("&"):
        name = token[1:].rstrip("_")
        return ("&" + name, 0) if name in synsets else None
    if re.fullmatch(r"[A-Z][A-Z'_.-]*", token) is None:
        return None  # alternatives "A/B", stems "X*", numbers
    return head_of(token), 0


def reduce_pattern(tokens: list[str], synsets: dict[str, list[str]]) -> tuple[str, str, int] | None:
    """Post-verb tokens → (particle, object, extra constraints); None if unusable."""
    rest = list(tokens)
    particle, obj, extra = "", "", 0
    if rest and rest[0][0] not in "({&" and rest[0].lower() in PARTICLES:
        particle = rest.pop(0).lower()
    while rest and rest[0].lower() in ARTICLES:
        rest.pop(0)
    if rest and not rest[0].startswith("("):
        head = content_head(rest.pop(0), synsets)
        if head is None:
            return None
        obj, extra = head[0], extra + head[1]
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
            obj, extra = head[0], extra + head[1]
    return particle, obj, extra + len(rest)


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


def choose(candidates: list[Reduced]) -> Reduced:
    """The pattern that speaks for one (block, particle, object) key."""
    fewest = min(c.extra for c in candidates)
    tier = sorted((c for c in candidates if c.extra == fewest), key=lambda c: c.line)
    votes = Counter(plover(c.code) for c in tier)
    best = max(votes.values())
    return next(c for c in tier if votes[plover(c.code)] == best)


def build(path: Path) -> list[tuple[str, ...]]:
    """All output rows: (kind, word, particle, object, cameo, event, blocks, source)."""
    synsets, blocks = parse(path)
    rows: list[tuple[str, ...]] = []

    # verb entries: key → [(block, own code)] in file order
    entries: dict[tuple[str, str, str], list[tuple[Block, str]]] = defaultdict(list)
    for block in blocks:
        for lemma, particle, obj, own in block.verbs:  # type: ignore[misc]
            if lemma not in SPEECH_VERBS:
                entries[(lemma, particle, obj)].append((block, own))

    # patterns: (block name, particle, object) → chosen code
    reduced: dict[tuple[str, str, str], list[Reduced]] = defaultdict(list)
    for block in blocks:
        for tokens, code, named, line in block.patterns:
            result = reduce_pattern(tokens, synsets)
            if result is not None:
                particle, obj, extra = result
                reduced[(block.name, particle, obj)].append(
                    Reduced(particle, obj, extra, code, line, frozenset(named))
                )
    used_blocks = {b.name for es in entries.values() for b, _ in es}
    chosen = {key: choose(cs) for key, cs in reduced.items() if key[0] in used_blocks}

    for key in sorted(entries):
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
                code = majority_code(key, block_list, chosen)
                source = "cameo-patterns" if code != "---" else "cameo"
        event = plover(code)
        first_block = block_list[0][0].name
        if not any(own for _, own in block_list) and first_block in BLOCK_EVENT_OVERRIDES:
            event, source = BLOCK_EVENT_OVERRIDES[first_block], "ours"
        if key[2] == "" and (key[0], key[1]) in VERB_OVERRIDES:
            event, source = VERB_OVERRIDES[(key[0], key[1])][0], "ours"
        names = ",".join(dict.fromkeys(b.name for b, _ in block_list))
        rows.append(("verb", *key, code, event, names, source))

    # verbs we add that the dictionary lists only in comments
    listed = {(lemma, particle) for lemma, particle, obj in entries if not obj}
    for (lemma, particle), (event, _) in sorted(VERB_OVERRIDES.items()):
        if (lemma, particle) not in listed:
            rows.append(("verb", lemma, particle, "", "", event, "", "ours"))

    for (name, particle, obj), c in sorted(chosen.items()):
        rows.append(("pattern", name, particle, obj, c.code, plover(c.code), "", "cameo"))

    used_sets = {obj[1:] for (_, _, obj) in chosen if obj.startswith("&")}
    for name in sorted(used_sets):
        for head in sorted({head_of(m) for m in synsets[name]} - {""}):
            rows.append(("set", name, "", head, "", "", "", "cameo"))

    for lemma, particle in LIGHT_VERBS:
        rows.append(("light", lemma, particle, "", "", "", "", "ours"))
    for noun in sorted(EVENT_NOUNS):
        rows.append(("noun", noun, "", "", "", EVENT_NOUNS[noun], "", "ours"))
    return rows


def majority_code(key, block_list, chosen) -> str:
    """A bare verb in null-default blocks only: the majority of its own patterns."""
    lemma, particle, obj = key
    lines: dict[int, str] = {}
    for block, _ in block_list:
        mine = {form for form, k in block.forms.items() if k == key}
        for tokens, code, named, line in block.patterns:
            if named & mine:
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
