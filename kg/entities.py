"""Mentions → canonical entities: gazetteer, named entities, metonymy and coreference.

One :class:`EntityResolver` follows one document, so "he", "the group" and a bare surname
resolve to what the same document mentioned before.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
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
# Offices news uses that the Phoenix agent file lacks (ours), with the role they imply.
EXTRA_OFFICES = {
    "leader": "GOV", "leaders": "GOV", "secretary general": "GOV", "vice president": "GOV", "coordinator": "GOV",
    "chairman": "GOV", "chairwoman": "GOV", "chief": "GOV", "head": "GOV", "secretary": "GOV", "commissioner": "GOV",
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "general": "MIL",
}
EXTRA_AGENTS = {
    "official", "officials", "force", "forces", "jet", "jets", "aircraft", "spokesperson", "source", "sources",
    "helicopter", "helicopters", "tank", "tanks", "bulldozer", "bulldozers", "warplane", "warplanes", "plane", "planes",
    "vessel", "vessels", "network", "wing", "faction", "factions", "inhabitants", "youths", "party", "parties",
    "hackers", "elders", "demonstrators", "protesters", "students", "peacekeepers", "servicemen", "soldier",
}
# Prepositions that tie an agent or asset to its actor: "rebels in the Ivory Coast",
# "positions of the Palestinian security forces".
OWNER_PREPS = {"in", "of", "from"}
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
# Role codes of offices held by people (not "troops" or "ministry"): an apposition with
# one of them makes a name a person's.
OFFICE_CODES = {"GOV", "GOVMIL", "MIL", "JUD", "LEG", "OPP", "MED", "REB", "UAF", "REL", "ELI", "GOVDIP", "COP"}
# CAMEO role blocks of the state: an office holder of a country gets its code + the role.
STATE_ROLE_CODES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
# Heads that count or portion out what their "of" phrase names: "a group of Moroccan
# diplomats", "members of the Association", "70 million dollars of aid", "one of its gunboats".
PARTITIVE_NOUNS = {
    "group", "groups", "number", "member", "members", "part", "parts", "some", "many", "most", "all", "any",
    "none", "each", "several", "majority", "minority", "rest", "dozen", "dozens", "hundreds", "thousands",
    "millions", "tens", "scores", "handful", "batch", "patch", "contingent", "team", "delegation", "lot",
    "lots", "ton", "tons", "tonne", "tonnes", "dollar", "dollars", "euros", "pounds", "kind", "type",
}
PARTITIVE_LABELS = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT", "DATE"}
# NER labels whose span gives way to a gazetteer name inside it when the span itself is
# unknown: "Radical French" (NORP) is the French, "Afghan Taliban" the Taliban.
YIELDING_LABELS = {"NORP", "GPE", "LOC", "FAC"}
# Words of a person's title that are no part of the role: "former", "newly appointed".
TITLE_NOISE = {"former", "late", "then", "new", "newly", "appointed", "acting", "deputy-elect", "incoming",
               "outgoing", "interim", "leading", "senior", "top", "chief"}

if not Token.has_extension("kg_mention"):
    Token.set_extension("kg_mention", default=None)


@dataclass(frozen=True)
class Mention:
    start: int  # token indices in the paragraph Doc
    end: int
    entity: Entity


@functools.cache
def agent_codes() -> dict[str, str]:
    """Lower-case agent nouns and offices → Phoenix role code ("warships" MIL, "foreign
    minister" GOV), derived from Phoenix, plus offices it lacks (``EXTRA_OFFICES``)."""
    text = resources.files("kg.data").joinpath("agents.tsv").read_text(encoding="utf-8")
    codes = dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {**EXTRA_OFFICES, **codes}


@functools.cache
def agent_nouns() -> frozenset[str]:
    """Lower-case agent nouns ("warships", "ministry", "foreign minister"), derived from Phoenix."""
    return frozenset(agent_codes()) | EXTRA_AGENTS


def agent_role(title: str) -> str | None:
    """The role code of an office, from its longest known ending: "Foreign Minister" → GOV,
    "Emergency Relief Coordinator" → that of "coordinator"."""
    words = re.sub(r"[-‐–]", " ", title.lower()).split()
    codes = agent_codes()
    for start in range(len(words)):
        code = codes.get(" ".join(words[start:]))
        if code is not None:
            return code
    return None


class PhraseIndex:
    """Finds gazetteer phrases in a parsed text, case-insensitively, by their first word.

    It finds what spaCy's ``PhraseMatcher(attr="LOWER")`` finds: each phrase is split into
    words the way the tokenizer splits it, and a match is the same lower-case words in a
    row.  It is ours because it builds in a tenth of the time: the matcher wants a Doc per
    phrase, and creating the lexemes of 35,000 phrases took 2.8 s of every process start.
    A phrase of plain words is split at its spaces (the tokenizer splits nothing else in
    it unless a word is one of its special cases: "cannot", "gonna"); the rest (initials,
    hyphens, digits, apostrophes) go through the tokenizer.
    """

    PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")

    def __init__(self, nlp: Language, phrases: Iterable[str]) -> None:
        special = nlp.tokenizer.rules or {}
        split, other = set(), []
        for phrase in phrases:
            if self.PLAIN.fullmatch(phrase) and not any(word in special for word in phrase.split()):
                split.add(tuple(phrase.lower().split()))
            else:
                other.append(phrase)
        split.update(tuple(token.lower_ for token in doc) for doc in nlp.tokenizer.pipe(other))
        # Words as their string ids, as Doc.to_array gives them: no Token object per word.
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for words in sorted(split, key=lambda words: (len(words), words)):
            if words:
                ids = tuple(map(get_string_id, words))
                by_first.setdefault(ids[0], []).append(ids)
        self.by_first = {word: tuple(found) for word, found in by_first.items()}

    def __call__(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """(start, end) of every phrase in ``doc``, overlapping ones included, by start."""
        words = doc.to_array(LOWER).tolist()
        for start, word in enumerate(words):
            for phrase in self.by_first.get(word, ()):
                end = start + len(phrase)
                if tuple(words[start:end]) == phrase:
                    yield start, end


_indexes: dict[int, PhraseIndex] = {}


def phrase_index(nlp: Language, gazetteer: Gazetteer) -> PhraseIndex:
    """The index of every gazetteer phrase for this model's tokenizer, built once per model."""
    key = id(nlp.vocab)
    if key not in _indexes:
        _indexes[key] = PhraseIndex(nlp, gazetteer.phrases())
    return _indexes[key]


def canonical_name(text: str) -> str:
    """A readable id for a name the gazetteer does not know: no leading "the", no possessive."""
    text = re.sub(r"[’']s$", "", " ".join(text.split()))
    return re.sub(r"^(?:the|The)\s+", "", text).strip(" .,;:\"'“”")


class EntityResolver:
    """Resolves the mentions of one document, in reading order."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.phrases = phrase_index(nlp, self.gazetteer)
        self.history: list[tuple[int, Entity]] = []  # (document offset, entity), in order
        self.surnames: dict[str, Entity] = {}

    # -- annotation ------------------------------------------------------------------------

    def annotate(self, doc: Doc, offset: int = 0) -> list[Mention]:
        """Find the entity mentions of a parsed paragraph and set ``token._.kg_mention``."""
        mentions = [m for m in self._mentions(doc) if m is not None]
        for mention in mentions:
            self._mark(doc, mention)
        # Titles and names of bodies need the neighbouring mentions: "German Foreign Minister
        # Oskar Fischer" belongs to Germany, "Montenegro Municipality Association" too.
        mentions = [self._affiliated(doc, mention) for mention in mentions]
        for mention in mentions:
            self._mark(doc, mention)
            self.history.append((offset + doc[mention.start].idx, mention.entity))
        return mentions

    @staticmethod
    def _mark(doc: Doc, mention: Mention) -> None:
        for token in doc[mention.start : mention.end]:
            token._.kg_mention = mention

    def _affiliated(self, doc: Doc, mention: Mention) -> Mention:
        entity = mention.entity
        if entity.type == "Person":
            entity = self._titled_person(doc, mention)
        elif entity.code is None and entity.type in ("Organization", "ArmedGroup", "Group"):
            # an unknown body named after a country: "Kenya Anti-Corruption Commission"
            country = next((t._.kg_mention.entity for t in doc[mention.start : mention.end]
                            if t._.kg_mention is not None and t._.kg_mention is not mention), None)
            country = country or self._inner_country(doc[mention.start : mention.end])
            root = doc[mention.start : mention.end].root
            # "The Ivory Coast's Supreme Court": the possessor names the country
            country = country or next((c._.kg_mention.entity for c in root.children
                                       if c.dep_ == "poss" and c._.kg_mention is not None), None)
            if country is not None and country.type == "Country" and country.code:
                entity = replace(entity, code=country.code, affiliation=country.id)
        if entity is mention.entity:
            return mention
        if entity.type == "Person":
            words = canonical_name(doc[mention.start : mention.end].text).split()
            if len(words) > 1 and self.surnames.get(words[-1], entity).id == entity.id:
                self.surnames[words[-1]] = entity
        return Mention(mention.start, mention.end, entity)

    def _inner_country(self, span: Span) -> Entity | None:
        """A country named by one word of a span ("Montenegro" in "Montenegro Assembly")."""
        for token in span:
            if token.is_title or token.is_upper:
                entity = self.gazetteer.lookup(token.text)
                if entity is not None and entity.type == "Country":
                    return entity
        return None

    def _titled_person(self, doc: Doc, mention: Mention) -> Entity:
        """A person with the role and affiliation their title gives: "U.S. Defense Secretary
        Ash Carter" → role "Defense Secretary", affiliated with the United States."""
        entity = mention.entity
        title, affiliation = title_of(doc[mention.start : mention.end])
        role_code = agent_role(title) if title else None
        if title and role_code is None:
            title = None  # "Observatory director": no office of a state or body we know
        if title is None and affiliation is None:
            return entity
        code = entity.code
        if affiliation is not None and affiliation.code and (code or "")[:3] != affiliation.code[:3]:
            # the text's own title beats the dictionary's code (offices change hands):
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator" acts for the UN
            state_role = (role_code or "")[:3]
            code = affiliation.code + state_role if affiliation.type == "Country" and state_role in STATE_ROLE_CODES else affiliation.code
        return replace(entity, role=entity.role or title, affiliation=entity.affiliation or (affiliation.id if affiliation else None), code=code)

    def _mentions(self, doc: Doc) -> Iterable[Mention | None]:
        # Person names beat gazetteer words inside them ("Jordan Peterson" is not Jordan).
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        known = []
        for start, end in self.phrases(doc):
            span = doc[start:end]
            entity = self.gazetteer.lookup(span.text)
            if entity is not None:
                known.append(Span(doc, start, end, label=entity.type))
        known = [s for s in known if not any(p.start <= s.start and s.end <= p.end and p.text != s.text for p in people)]
        named = [e for e in doc.ents if e.label_ in NER_TYPES and not self._yields(e, known)]
        spans = filter_spans(known + named)
        for span in sorted(spans, key=lambda s: s.start):
            yield self._mention(span)

    def _yields(self, span: Span, known: list[Span]) -> bool:
        """Whether an unknown named-entity span gives way to a gazetteer name inside it:
        "Radical French" is the French; "the United Nations Emergency Relief Coordinator"
        is an office of the United Nations, not an organisation of its own."""
        if span.label_ == "PERSON" or self.gazetteer.lookup(span.text) is not None:
            return False
        inside = [k for k in known if span.start <= k.start and k.end <= span.end]
        if not inside:
            return False
        if span.label_ in YIELDING_LABELS or agent_role(span[-1].text) is not None:
            return True
        last = inside[-1]
        return last.end == span.end and self.gazetteer.demonym(last.text) is not None

    def _mention(self, span: Span) -> Mention | None:
        entity = self.gazetteer.lookup(span.text)
        if entity is None:
            if canonical_name(span.text).lower() in agent_nouns():
                return None  # "the Navy", "Air Force": a role, resolved by metonymy from its modifier
            name = canonical_name(span.text)
            if not name or not any(c.isalpha() for c in name):
                return None
            kind = NER_TYPES[span.label_]
            if kind != "Person" and has_office_apposition(span):
                kind = "Person"  # "Aleksandr Grushko, Russia's envoy to NATO": a person, whatever NER said
            entity = Entity(id=name, label=name, type=kind)
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
        inner = partitive_of(head)
        if inner is not None:
            # "a group of Moroccan diplomats" are Moroccan diplomats; "70 million dollars of aid" is aid
            found = self.argument(inner, offset)
            return Argument(text, found.entity) if found is not None else None
        if head.ent_type_ in NON_ACTOR_LABELS or head.like_num:
            return None
        lower = head.lower_
        if head.pos_ == "PRON":
            entity = self._antecedent(lower, offset + head.idx)
            return Argument(text, entity) if entity else None
        if lower in ASSET_NOUNS or lower in agent_nouns() or head.lemma_.lower() in agent_nouns() or _compound_text(head) in agent_nouns():
            # metonymy: "Russian warships", "the Syrian army", "Russia's Air Force" act for their state
            owner = self._owner(head, offset)
            if owner is not None:
                return Argument(text, owner)
        det = [c.lower_ for c in head.children if c.dep_ == "det"]
        if det == ["the"] and lower in DEFINITE_DESCRIPTIONS:
            entity = self._antecedent_of_types(DEFINITE_DESCRIPTIONS[lower], offset + head.idx)
            if entity is not None:
                return Argument(text, entity)
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
            return None
        concept = concept_name(head)
        return Argument(text, Entity(id=concept, label=concept, type=CONCEPT))

    def _owner(self, head: Token, offset: int, depth: int = 0) -> Entity | None:
        """The actor an agent noun or asset belongs to, from its modifiers."""
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        for child in modifiers:
            if child._.kg_mention is not None:
                return child._.kg_mention.entity
        for child in modifiers:
            # "its troops", "their positions": the owner the pronoun refers to
            if child.dep_ == "poss" and child.pos_ == "PRON":
                entity = self._antecedent(child.lower_, offset + child.idx)
                if entity is not None:
                    return entity
        if depth > 2:
            return None
        for child in modifiers:
            # "Israeli army bulldozers": the army's owner
            if child.lower_ in agent_nouns() or child.lemma_.lower() in agent_nouns():
                entity = self._owner(child, offset, depth + 1)
                if entity is not None:
                    return entity
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS):
            # "rebels in the Ivory Coast", "positions of the Palestinian security forces"
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj._.kg_mention is not None and pobj._.kg_mention.entity.type != "Person":
                    return pobj._.kg_mention.entity
                if pobj.lower_ in agent_nouns() or pobj.lemma_.lower() in agent_nouns():
                    entity = self._owner(pobj, offset, depth + 1)
                    if entity is not None:
                        return entity
        return None

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
OUTSIDE_PHRASE = {"conj", "cc", "relcl", "appos", "advcl", "parataxis", "punct", "acl", "prep", "preconj", "case"}


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


def partitive_of(head: Token) -> Token | None:
    """The noun a partitive or quantity head stands for: "group of diplomats" → diplomats."""
    if not (head.lower_ in PARTITIVE_NOUNS or head.ent_type_ in PARTITIVE_LABELS or head.like_num or head.pos_ == "NUM"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def title_of(span: Span) -> tuple[str | None, Entity | None]:
    """The title words before a name and the entity they affiliate it with.

    "U.S. Defense Secretary Ash Carter" → ("Defense Secretary", United States); "Kenzo
    Oshima, the United Nations Emergency Relief Coordinator" → (…, United Nations); "King
    Hassan of Morocco" → ("King", Morocco).
    """
    root = span.root
    # a dictionary name may hold the title ("Defense Secretary Ash Carter"): start at the name
    name_start = next((e.start for e in span.doc.ents if e.label_ == "PERSON" and span.start <= e.start < span.end), span.start)
    words: list[Token] = []
    for token in reversed(span.doc[min(root.left_edge.i, name_start) : name_start]):
        if token.dep_ in ("det", "punct", "case") or token.lower_ in TITLE_NOISE:
            continue
        if name_start <= token.head.i < span.end or token.head in words:
            words.insert(0, token)
    # a title written after the name: an apposition, or "of Morocco"
    extra = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    affiliation = None
    title = _title_words(words, span)
    if title is None and extra:
        appos = extra[0]
        words = [t for t in appos.subtree if t.i <= appos.i and t.dep_ not in ("det", "punct", "case") and t.lower_ not in TITLE_NOISE]
        title = _title_words(words, span)
    for token in words:
        if token._.kg_mention is not None and token._.kg_mention.entity.type != "Person" and not span.start <= token.i < span.end:
            affiliation = token._.kg_mention.entity
            break
    if affiliation is None:
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end):
            for pobj in prep.children:
                if pobj._.kg_mention is not None and pobj._.kg_mention.entity.type != "Person":
                    affiliation = pobj._.kg_mention.entity
    return title, affiliation


def has_office_apposition(span: Span) -> bool:
    """Whether a name is followed by an apposition naming an office: "X, Russia's envoy"."""
    return any(c.dep_ == "appos" and c.i >= span.end and agent_role(c.text) in OFFICE_CODES
               for c in span.root.children)


def _title_words(words: list[Token], name: Span) -> str | None:
    """The office among title words: those after the last name of a body ("Defense Secretary")."""
    tail: list[Token] = []
    for token in reversed(words):
        named = token._.kg_mention is not None and not name.start <= token.i < name.end
        if named or token.pos_ not in ("NOUN", "PROPN") and not token.is_title:
            break
        tail.insert(0, token)
    return " ".join(t.text for t in tail) or None


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
