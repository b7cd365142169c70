"""One node per actor for the whole build: a pass over entity keys after extraction and
before RDF.

Each document is resolved on its own (``kg.entities``): "Trump" in one article and "Donald
Trump" in another, or "Donald J. Trump" and "Donald Trump", come out as different ids.
This pass reads only the entity keys of the build's statements (id, label, type, the text
that named it), decides which ids are one actor, and rewrites the statement lines; it parses
nothing again and holds one small record per distinct id.

What merges (each rule a function below):

* **compatible full names**: same first and last word, the other words initials or absent
  ("Donald J. Trump", "Donald Trump"): to the commonest form;
* **a bare surname** that one person of the build carries ("Sanders" → "Bernie Sanders"),
  when some article used that word for that person, or the bare name is typed a person; a
  surname two people share stays apart, unless one of them has ten times the mentions of
  the others ("Trump" beside "Donald Trump Jr");
* **a surname NER missed**, a concept written as one capitalised word ("Trump" → concept
  "trump"), goes to the build's person of that surname by the rule above;
* **ids that differ only by case** between actors ("ObamaCare", "Obamacare"): to the
  commonest writing.

Nothing here imports spaCy; the build's own process runs it.

>>> index = KeyIndex()
>>> index.add_line('{"doc": "a", "subject": {"text": "Bernie Sanders", "id": "Bernie Sanders", "label": "Bernie Sanders", "type": "Person"}, "object": {"text": "Trump", "id": "Trump", "label": "Trump", "type": "Organization"}}')
>>> index.add_line('{"doc": "b", "subject": {"text": "Sanders", "id": "Sanders", "label": "Sanders", "type": "Person"}, "object": {"text": "Trump", "id": "Donald Trump", "label": "Donald Trump", "type": "Person"}}')
>>> sorted(index.merges().items())
[('Sanders', 'Bernie Sanders'), ('Trump', 'Donald Trump')]
"""
from __future__ import annotations

import collections
import functools
import json
import pickle
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.gazetteer import TITLE_WORDS

ROLES = ("subject", "object", "attributed_to")
ACTOR_TYPES = {"Person", "Organization", "Country", "ArmedGroup", "Group", "Location"}
# Types NER gives a bare surname by mistake: such an id may be a person's surname.
SURNAME_TYPES = {"Person", "Organization", "Location"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
TEXTS = 50  # single-word texts kept per actor id


# A word written after a word, a comma or a closing mark and a space (:meth:`KeyIndex._add_concept`),
# compiled once per word: re's own cache is too small for a build's words.
@functools.lru_cache(maxsize=4096)
def written_inside(word: str) -> re.Pattern:
    return re.compile(r"(?<=[\w,;:”\"’)] )" + re.escape(word) + r"\b")


@dataclass
class _Key:
    types: collections.Counter = field(default_factory=collections.Counter)
    texts: dict[str, None] = field(default_factory=dict)  # single words that named it, first seen first
    known: bool = False  # carries a code or a Wikidata id: the gazetteer's, not to be renamed
    titled: bool = False  # some text put a title or an honorific before it ("Vice President Pence")
    record: dict[str, Any] = field(default_factory=dict)  # its commonest argument record, for rewriting


class KeyIndex:
    """The entity keys of a build, added one statement line at a time."""

    def __init__(self) -> None:
        self.keys: dict[str, _Key] = {}

    def add_line(self, line: str) -> None:
        record = json.loads(line)
        for role in ROLES:
            part = record.get(role)
            if not part or not part.get("id"):
                continue
            if part.get("type") not in ACTOR_TYPES:
                self._add_concept(part, record.get("sentence", ""))
                continue
            key = self.keys.setdefault(part["id"], _Key())
            key.types[part["type"]] += 1
            key.known = key.known or bool(part.get("code") or part.get("wikidata"))
            text = " ".join(part.get("text", "").split())
            if text and " " not in text and len(key.texts) < TEXTS:
                key.texts[text] = None
            if not key.record:
                key.record = {k: v for k, v in part.items() if k not in ("text",)}
            first = text.split(" ", 1)[0].lower().rstrip(".")
            key.titled = key.titled or first in TITLE_WORDS and " " in text

    def _add_concept(self, part: dict, sentence: str) -> None:
        # a surname NER missed is a concept named by its lemma ("trump"): kept only when
        # written as a name, one word with a capital ("Trump") inside a sentence somewhere,
        # not only at its start ("Price rose" is no Tom Price); after a closing quotation mark or
        # a colon it is inside one too ("“… back,” Trump tweeted", "Scenario 3: Sanders wins")
        text = part.get("text", "")
        if part.get("type") == "Concept" and " " not in text and text[:1].isupper() and text.lower() == part["id"]:
            key = self.keys.setdefault(part["id"], _Key())
            key.types["Concept"] += 1
            if written_inside(text).search(sentence):
                key.texts[text] = None
            key.record = key.record or {k: v for k, v in part.items() if k != "text"}

    def update(self, other: KeyIndex) -> None:
        """Add the keys of statements that come after this index's (a reduce over the
        partitions of a build, in order): the same index as their lines added one by one."""
        for entity_id, theirs in other.keys.items():
            key = self.keys.get(entity_id)
            if key is None:
                self.keys[entity_id] = _Key(collections.Counter(theirs.types), dict(theirs.texts), theirs.known,
                                            theirs.titled, theirs.record)
                continue
            actor = any(kind != "Concept" for kind in theirs.types)
            key.types.update(theirs.types)
            for text in theirs.texts:  # an actor's capped at TEXTS, as add_line does
                if not actor or len(key.texts) < TEXTS:
                    key.texts[text] = None
            key.known = key.known or theirs.known
            key.titled = key.titled or theirs.titled
            key.record = key.record or theirs.record

    def type_of(self, entity_id: str) -> str:
        return self.keys[entity_id].types.most_common(1)[0][0]

    def merges(self) -> dict[str, str]:
        """Old id → the id of the node it merges into (never a chain)."""
        merged: dict[str, str] = {}
        merged.update(full_name_merges(self))
        merged.update({old: merged.get(new, new) for old, new in surname_merges(self, merged).items()})
        merged.update({old: merged.get(new, new) for old, new in case_merges(self, merged).items() if old not in merged})
        return {old: new for old, new in merged.items() if old != new}

    def replacements(self, merges: dict[str, str]) -> dict[str, dict[str, str]]:
        """Old id → what its argument records take from the node it merges into (id, label,
        type, and its code and Wikidata id): all :func:`rewrite` needs, small enough to send
        to the workers that write part files."""
        found = {}
        for old, target in merges.items():
            base = self.keys[target].record
            found[old] = {"id": target, "label": base.get("label", target), "type": self.type_of(target),
                          **{extra: base[extra] for extra in ("code", "wikidata") if base.get(extra)}}
        return found

    def rewrite(self, line: str, merges: dict[str, str]) -> str:
        """A statement line with merged ids (and the target's label and type)."""
        return rewrite(line, self.replacements(merges)) if merges else line


def rewrite(line: str, replacements: dict[str, dict[str, str]]) -> str:
    """A statement line with merged ids: each argument whose id merges takes the target's id,
    label and type, and its code and Wikidata id where it has none.  The same line when
    nothing changes."""
    if not replacements:
        return line
    record = json.loads(line)
    changed = False
    for role in ROLES:
        part = record.get(role)
        if part and part.get("id") in replacements:
            target = replacements[part["id"]]
            part.update({"id": target["id"], "label": target["label"], "type": target["type"]})
            for extra in ("code", "wikidata"):
                if target.get(extra) and not part.get(extra):
                    part[extra] = target[extra]
            changed = True
    return json.dumps(record, ensure_ascii=False) + "\n" if changed else line


# Name suffixes that are not the surname ("Donald Trump Jr").  A two-word id opening with a
# title (kg.gazetteer.TITLE_WORDS) is no full name: "Mrs Trump" is not Donald Trump's namesake.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A surname two people of the build carry goes to one of them only when that one has this
# many times the mentions of the others together ("Trump": Donald Trump, not Donald Trump Jr).
DOMINANCE = 10


def surname(entity_id: str) -> str | None:
    """The surname of a full name, lower case, or None: "Donald Trump Jr" → "trump"; None
    for "Mrs Trump" or one word."""
    words = [w.strip(".,").lower() for w in entity_id.split()]
    while words and words[-1] in SUFFIXES:
        words.pop()
    if len(words) < 2 or len(words) > 4 or words[0] in TITLE_WORDS:
        return None  # one word, an honorific and surname, or a phrase NER took for a name
    return words[-1]


def _person_ids(index: KeyIndex) -> list[str]:
    return [i for i, key in index.keys.items()
            if key.types.get("Person", 0) * 2 >= sum(key.types.values()) and surname(i) is not None]


def full_name_merges(index: KeyIndex) -> dict[str, str]:
    """Compatible full names: "Donald J. Trump" and "Donald Trump" (same first and last
    word, the words between initials) are the commonest of them."""
    groups: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for entity_id in _person_ids(index):
        words = entity_id.split()
        if all(_INITIAL.match(w) for w in words[1:-1]):
            groups[(words[0].lower(), words[-1].lower())].append(entity_id)
    merges = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        best = max(ids, key=lambda i: (index.keys[i].known, sum(index.keys[i].types.values()), -len(i), i))
        merges.update({i: best for i in ids if i != best})
    return merges


def surname_merges(index: KeyIndex, merged: dict[str, str]) -> dict[str, str]:
    """A bare surname that one person of the build carries: "Sanders" → "Bernie Sanders".
    It merges when the bare id is typed a person, or when some article named that person
    by the word; two people with the surname keep it apart."""
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for entity_id in _person_ids(index):
        owners[surname(entity_id)].add(merged.get(entity_id, entity_id))
    merges = {}
    for entity_id, key in index.keys.items():
        if " " in entity_id or key.known or entity_id in merged:
            continue
        if index.type_of(entity_id) not in SURNAME_TYPES and not (index.type_of(entity_id) == "Concept" and key.texts):
            continue
        people = sorted(owners.get(entity_id.lower(), set()), key=lambda i: -sum(index.keys[i].types.values()))
        if not people:
            continue
        mentions = [sum(index.keys[i].types.values()) for i in people]
        if len(people) > 1 and mentions[0] < DOMINANCE * sum(mentions[1:]):
            continue  # a surname two people share
        person = people[0]
        used = entity_id in index.keys[person].texts or entity_id.title() in index.keys[person].texts
        if index.type_of(entity_id) == "Person" or key.titled or used:
            merges[entity_id] = person
    return merges


def case_merges(index: KeyIndex, merged: dict[str, str]) -> dict[str, str]:
    """Actor ids that differ only by case: the commonest writing, then the one not all in
    capitals."""
    groups: dict[str, list[str]] = collections.defaultdict(list)
    for entity_id in index.keys:
        if entity_id not in merged:
            groups[entity_id.casefold()].append(entity_id)
    merges = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        best = max(ids, key=lambda i: (index.type_of(i) != "Concept", index.keys[i].known,
                                       sum(index.keys[i].types.values()), not i.isupper(), i))
        if index.type_of(best) != "Concept":  # a concept's id never becomes an actor's home
            merges.update({i: best for i in ids if i != best})
    return merges


def merged_across_documents(items: Iterable[tuple[Any, list[str]]], spool: Path) -> Iterator[tuple[Any, list[str], bool]]:
    """(document, lines, unchanged) with the build's merges applied: every item is first
    written to ``spool`` (a file of the build folder, removed at the end) while the keys are
    indexed, then read back and rewritten.  ``unchanged`` says the lines are as given."""
    index = KeyIndex()
    with open(spool, "wb") as out:
        for document, lines in items:
            for line in lines:
                index.add_line(line)
            pickle.dump((document, lines), out, protocol=pickle.HIGHEST_PROTOCOL)
    replacements = index.replacements(index.merges())
    try:
        with open(spool, "rb") as spooled:
            while True:
                try:
                    document, lines = pickle.load(spooled)
                except EOFError:
                    break
                rewritten = [rewrite(line, replacements) for line in lines]
                yield document, rewritten, rewritten == lines
    finally:
        spool.unlink(missing_ok=True)
