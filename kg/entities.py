"""Mentions → canonical entities: gazetteer, named entities, metonymy and coreference.

One :class:`EntityResolver` follows one document, so "he", "the group" and a bare surname
resolve to what the same document mentioned before.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.gazetteer import Gazetteer
from kg.types import Argument, Entity

CONCEPT = "Concept"
# spaCy NER labels → our entity types, for names the gazetteer does not know.
NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location", "NORP": "Group"}
# Labels that are never arguments of a relation between actors.
NON_ACTOR_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
# Agent nouns missing from the Phoenix agent file that news uses for a state's people.
EXTRA_AGENTS = {"official", "officials", "force", "forces", "jet", "jets", "aircraft", "spokesperson", "source", "sources"}
# Things that belong to an actor and stand for it as targets: "Islamic State positions".
ASSET_NOUNS = {"position", "positions", "facility", "facilities", "base", "bases", "stronghold", "strongholds",
               "camp", "camps", "target", "targets", "installation", "installations", "territory", "embassy"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
# Definite descriptions and the entity types they refer back to ("the group" → last armed group).
DEFINITE_DESCRIPTIONS = {
    "group": ("ArmedGroup", "Organization"),
    "militants": ("ArmedGroup",),
    "organisation": ("Organization", "ArmedGroup"),
    "organization": ("Organization", "ArmedGroup"),
    "country": ("Country",),
    "nation": ("Country",),
    "government": ("Country",),
    "alliance": ("Organization",),
}
ACTOR_TYPES = ("Country", "Organization", "ArmedGroup", "Group", "Location")

if not Token.has_extension("kg_mention"):
    Token.set_extension("kg_mention", default=None)


@dataclass(frozen=True)
class Mention:
    start: int  # token indices in the paragraph Doc
    end: int
    entity: Entity


@functools.cache
def agent_nouns() -> frozenset[str]:
    """Lower-case agent nouns ("warships", "ministry", "foreign minister"), derived from Phoenix."""
    text = resources.files("kg.data").joinpath("agents.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line) | EXTRA_AGENTS


_matchers: dict[int, PhraseMatcher] = {}


def phrase_matcher(nlp: Language, gazetteer: Gazetteer) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher over every gazetteer phrase, built once per model."""
    key = id(nlp.vocab)
    if key not in _matchers:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = sorted(set(gazetteer.phrases()))
        matcher.add("GAZETTEER", list(nlp.tokenizer.pipe(phrases)))
        _matchers[key] = matcher
    return _matchers[key]


def canonical_name(text: str) -> str:
    """A readable id for a name the gazetteer does not know: no leading "the", no possessive."""
    text = re.sub(r"[’']s$", "", " ".join(text.split()))
    return re.sub(r"^(?:the|The)\s+", "", text).strip(" .,;:\"'“”")


class EntityResolver:
    """Resolves the mentions of one document, in reading order."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.matcher = phrase_matcher(nlp, self.gazetteer)
        self.history: list[tuple[int, Entity]] = []  # (document offset, entity), in order
        self.surnames: dict[str, Entity] = {}

    # -- annotation ------------------------------------------------------------------------

    def annotate(self, doc: Doc, offset: int = 0) -> list[Mention]:
        """Find the entity mentions of a parsed paragraph and set ``token._.kg_mention``."""
        mentions = [m for m in self._mentions(doc) if m is not None]
        for mention in mentions:
            for token in doc[mention.start : mention.end]:
                token._.kg_mention = mention
            self.history.append((offset + doc[mention.start].idx, mention.entity))
        return mentions

    def _mentions(self, doc: Doc) -> Iterable[Mention | None]:
        # Person names beat gazetteer words inside them ("Jordan Peterson" is not Jordan).
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        known = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            entity = self.gazetteer.lookup(span.text)
            if entity is not None:
                known.append(Span(doc, start, end, label=entity.type))
        known = [s for s in known if not any(p.start <= s.start and s.end <= p.end and p.text != s.text for p in people)]
        spans = filter_spans(known + [e for e in doc.ents if e.label_ in NER_TYPES])
        for span in sorted(spans, key=lambda s: s.start):
            yield self._mention(span)

    def _mention(self, span: Span) -> Mention | None:
        entity = self.gazetteer.lookup(span.text)
        if entity is None:
            if canonical_name(span.text).lower() in agent_nouns():
                return None  # "the Navy", "Air Force": a role, resolved by metonymy from its modifier
            name = canonical_name(span.text)
            if not name or not any(c.isalpha() for c in name):
                return None
            entity = Entity(id=name, label=name, type=NER_TYPES[span.label_])
        if entity.type == "Person":
            entity = self._person(span, entity)
        return Mention(span.start, span.end, entity)

    def _person(self, span: Span, entity: Entity) -> Entity:
        # A bare surname after the full name is the same person ("Ash Carter" ... "Carter").
        words = canonical_name(span.text).split()
        if len(words) == 1 and words[0] in self.surnames:
            return self.surnames[words[0]]
        if len(words) > 1:
            self.surnames.setdefault(words[-1], entity)
        return entity

    # -- arguments -------------------------------------------------------------------------

    def argument(self, head: Token, offset: int = 0) -> Argument | None:
        """The argument whose syntactic head is ``head``, or None when it is no actor or thing."""
        text = phrase_text(head)
        mention = head._.kg_mention
        if mention is not None:
            return Argument(text, mention.entity)
        if head.ent_type_ in NON_ACTOR_LABELS or head.like_num:
            return None
        lower = head.lower_
        if head.pos_ == "PRON":
            entity = self._antecedent(lower, offset + head.idx)
            return Argument(text, entity) if entity else None
        if lower in ASSET_NOUNS or lower in agent_nouns() or head.lemma_.lower() in agent_nouns() or _compound_text(head) in agent_nouns():
            # metonymy: "Russian warships", "the Syrian army", "Russia's Air Force" act for their state
            for child in head.children:
                if child.dep_ in ("amod", "compound", "poss", "nmod") and child._.kg_mention is not None:
                    return Argument(text, child._.kg_mention.entity)
        det = [c.lower_ for c in head.children if c.dep_ == "det"]
        if det == ["the"] and lower in DEFINITE_DESCRIPTIONS:
            entity = self._antecedent_of_types(DEFINITE_DESCRIPTIONS[lower], offset + head.idx)
            if entity is not None:
                return Argument(text, entity)
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
            return None
        concept = concept_name(head)
        return Argument(text, Entity(id=concept, label=concept, type=CONCEPT))

    def _antecedent(self, pronoun: str, position: int) -> Entity | None:
        if pronoun in PERSON_PRONOUNS:
            return self._antecedent_of_types(("Person",), position)
        if pronoun in THING_PRONOUNS:
            return self._antecedent_of_types(("Country", "Organization", "ArmedGroup"), position)
        if pronoun in GROUP_PRONOUNS:
            return self._antecedent_of_types(("Country", "Organization", "ArmedGroup", "Group"), position)
        return None

    def _antecedent_of_types(self, types: tuple[str, ...], position: int) -> Entity | None:
        for where, entity in reversed(self.history):
            if where < position and entity.type in types:
                return entity
        return None


# Dependents that are not part of a noun phrase's own words.
OUTSIDE_PHRASE = {"conj", "cc", "relcl", "appos", "advcl", "parataxis", "punct", "acl", "prep", "preconj"}


def phrase_tokens(head: Token, keep_prep: bool = True) -> list[Token]:
    """The tokens of the phrase headed by ``head``: its subtree without clauses and conjuncts."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in OUTSIDE_PHRASE and not (keep_prep and child.dep_ == "prep" and child.i > head.i):
            continue
        tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # Stop at punctuation that would make the phrase discontinuous.
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens or [head]


def phrase_text(head: Token) -> str:
    tokens = phrase_tokens(head)
    doc = head.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _compound_text(head: Token) -> str:
    words = [c.lower_ for c in head.lefts if c.dep_ == "compound"] + [head.lower_]
    return " ".join(words)


def concept_name(head: Token) -> str:
    """A concept's id: its compound words and head lemma, lower case ("air strike", "cooperation")."""
    words = [c.lemma_.lower() for c in head.lefts if c.dep_ == "compound" and c._.kg_mention is None]
    return " ".join([*words, head.lemma_.lower() or head.lower_])
