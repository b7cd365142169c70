"""Mentions → canonical entities: gazetteer, named entities, metonymy and coreference.

One :class:`EntityResolver` follows one document, so "he", "the group" and a bare surname
resolve to what the same document mentioned before.
"""
from __future__ import annotations

import bisect
import collections
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

from kg.events import news_setting
from kg.gazetteer import BODY_WORDS, HONORIFICS, NAME_TITLES, OFFICE_WORDS, Curation, Gazetteer, seats_international_bodies
from kg.quotes import inside_quotes, quote_marks
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
    "club", "clubs",
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
# Pronouns and the gender (m, f) or number (it: one thing; they: a group) they agree with.
PRONOUN_AGREEMENT = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
                     "it": "it", "its": "it", "they": "they", "them": "they", "their": "they", "theirs": "they"}
# Reflexives name their own clause's subject: never a second actor ("Trump defended himself").
REFLEXIVE_PRONOUNS = {"himself", "herself", "itself", "themselves", "themself"}
# What "it" and "they" may stand for: a state, a body, a place, an armed group ("it");
# a group, an armed group, or a body named in the plural ("they": "the Democrats").
IT_TYPES = ("Country", "Organization", "ArmedGroup", "Location")
THEY_TYPES = ("Group", "ArmedGroup")
# Dependencies of an object pronoun: it never names its own clause's subject ("Obama said he
# would not meet him": "him" is not "he").
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "obj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Verbs that report speech: "X said it earned …": the reported subject pronoun is X.
REPORTING_VERBS = {"say", "tell", "add", "announce", "state", "claim", "insist", "warn", "report", "note",
                   "explain", "argue", "deny", "confirm", "predict", "believe", "think", "write", "declare",
                   "promise", "vow", "pledge", "acknowledge", "admit", "suggest", "indicate", "complain"}
# How far back a pronoun looks for its antecedent, in characters of the article.
PRONOUN_REACH = 1_500
# Words that make a name a company's or a body's, whatever NER said ("Baker International Corp").
ORG_SUFFIXES = {"corp", "corporation", "inc", "co", "company", "ltd", "plc", "llc", "group", "bank", "holdings",
                "association", "institute", "university", "college", "council", "committee", "party", "fund",
                "foundation", "agency", "department", "ministry", "commission", "network", "news", "times",
                "post", "journal", "airlines", "motors", "partners", "capital", "securities", "industries"}
# The legal form closing a company's name ("Hughes Tool Co"): no short name of it, unlike
# "Times" for "The New York Times" or "Patriots" for "New England Patriots".
COMPANY_FORMS = {"corp", "corporation", "inc", "co", "company", "ltd", "plc", "llc", "holdings", "sa", "ag", "nv", "gmbh"}
# Words before a name in a span that are no part of it: determiners, "ex-", quantifiers.
NOT_NAME_WORDS = {"a", "an", "the", "this", "that", "these", "those", "ex", "former", "late", "every", "each",
                  "some", "any", "no", "another", "our", "their", "his", "her", "its", "my", "your"}
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
# Definite descriptions of a kind of body and the last words of the names of that kind they
# refer back to: "Hughes Tool Co said … The company said …" → Hughes Tool Co, "the bank" → the
# last "… Bank" named (a name of another kind is no antecedent: "the company" is not the
# Justice Department named in between).
COMPANY_SUFFIXES = {"co", "corp", "corporation", "inc", "company", "ltd", "plc", "llc", "holdings", "industries",
                    "motors", "airlines", "ag", "sa", "nv", "group"}
# CAMEO actor codes of businesses: multinational corporations and business
COMPANY_CODES = ("MNC", "BUS")
KIND_DESCRIPTIONS = {
    "company": COMPANY_SUFFIXES, "firm": COMPANY_SUFFIXES, "corporation": COMPANY_SUFFIXES,
    **{kind: {kind} for kind in ("bank", "court", "ministry", "agency", "party", "union", "fund", "commission",
                                  "council", "committee", "department", "institute", "executive", "authority")},
}
ACTOR_TYPES = ("Country", "Organization", "ArmedGroup", "Group", "Location")
# Role codes of offices held by people (not "troops" or "ministry"): an apposition with
# one of them makes a name a person's.
OFFICE_CODES = {"GOV", "GOVMIL", "MIL", "JUD", "LEG", "OPP", "MED", "REB", "UAF", "REL", "ELI", "GOVDIP", "COP"}
# CAMEO role blocks of the state: an office holder of a country gets its code + the role.
STATE_ROLE_CODES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
# Phoenix sectors of people who act on their own account, not for the state of their place:
# rebels, opposition, criminals, unidentified armed forces, civilians, farmers, labour, students,
# business, health, religion, refugees, media, radicals, people, ethnic and religious groups, NGOs.
NON_STATE_SECTORS = frozenset("REB OPP CRM UAF CVL AGR LAB EDU BUS HLH REL REF MED RAD PPL MUS CHR JEW HIN BUD ENV HRI "
                              "NGO".split())
# ... of whom these bear arms (an ArmedGroup node; the rest are a Group).
NON_STATE_ARMED = frozenset({"REB", "UAF", "RAD"})
# Heads that count or portion out what their "of" phrase names: "a group of Moroccan
# diplomats", "members of the Association", "70 million dollars of aid", "one of its gunboats".
PARTITIVE_NOUNS = {
    "group", "groups", "number", "member", "members", "part", "parts", "some", "many", "most", "all", "any",
    "none", "each", "several", "majority", "minority", "rest", "dozen", "dozens", "hundreds", "thousands",
    "millions", "tens", "scores", "handful", "batch", "patch", "contingent", "team", "delegation", "lot",
    "lots", "ton", "tons", "tonne", "tonnes", "dollar", "dollars", "euros", "pounds", "kind", "type", "worth",
}
PARTITIVE_LABELS = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT", "DATE"}
# NER labels whose span gives way to a gazetteer name inside it when the span itself is
# unknown: "Radical French" (NORP) is the French, "Afghan Taliban" the Taliban.
YIELDING_LABELS = {"NORP", "GPE", "LOC", "FAC"}
# Words of origin that make a demonym after them a people of its own: "Latin Americans".
ORIGIN_WORDS = {"latin", "native", "hispanic", "african", "asian", "arab", "jewish", "muslim", "pacific", "central"}
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


# "pro-Russian rebels", "anti-American militias": they act for or against the state they are
# named by, never as it.
STANCE_PREFIXES = frozenset({"pro", "anti"})


def for_or_against(token: Token) -> bool:
    """Whether a modifier is hyphenated to "pro" or "anti" ("pro-Russian", "anti-American")."""
    if token.lower_.split("-")[0] in STANCE_PREFIXES and "-" in token.lower_:
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in STANCE_PREFIXES


def is_agent_word(token: Token) -> bool:
    """A word, as written or by its lemma, that is an agent noun: "soldiers", "police"."""
    return token.lower_ in agent_nouns() or token.lemma_.lower() in agent_nouns()


def private_individual(head: Token) -> bool:
    """One private person named by an indefinite agent noun: "a Saudi student opened fire" is
    a student, not Saudi Arabia.  The state's own agents still stand for it ("a Russian
    soldier", "an Iranian diplomat"), and so do plurals and definites ("Saudi students")."""
    if [c.lower_ for c in head.children if c.dep_ == "det"] not in (["a"], ["an"]):
        return False
    if head.tag_ in ("NNS", "NNPS") or head.lemma_ and head.lemma_.lower() != head.lower_:
        return False  # "an estimated 3,000 fighters": many, not one
    code = agent_codes().get(head.lower_) or agent_codes().get(_compound_text(head))
    return code is not None and code[:3] not in STATE_ROLE_CODES | {"GOV"}


def place_group(head: Token, place: Entity) -> Entity | None:
    """The people of a place who act on their own account, as one group node: "Somali pirates",
    "Iraqi protesters", "the gang in El Salvador" are pirate (Somalia), protester (Iraq),
    gang (El Salvador), not the state, which the state's own agents stand for ("Russian troops",
    "Iraqi police").  The group carries the place's code with its sector (SOMCRM, as CAMEO
    codes it) and the place as its affiliation; None for an agent of the state.

    >>> from types import SimpleNamespace as T
    >>> somalia = Entity("Somalia", "Somalia", "Country", "SOM")
    >>> group = place_group(T(text="pirates", lower_="pirates", lemma_="pirate", pos_="NOUN", is_title=False, lefts=[]), somalia)
    >>> group.id, group.type, group.code, group.affiliation
    ('pirate (Somalia)', 'Group', 'SOMCRM', 'Somalia')
    >>> place_group(T(text="troops", lower_="troops", lemma_="troop", pos_="NOUN", is_title=False, lefts=[]), somalia) is None
    True
    """
    name_part = head.pos_ == "PROPN" and head.is_title and any(
        c.dep_ in ("compound", "amod") and c.is_title for c in head.lefts)
    if place.type not in ("Country", "Location") or head.lower_ in ROLE_NOUNS or name_part:
        return None  # an office names a person ("China's foreign ministry spokesman"); "British Airways" a name
    codes = agent_codes()
    # the noun with its compounds, but not the ones that name the place ("Ugandan rebels", "U.S. intelligence community")
    compounds = [c.lower_ for c in head.lefts if c.dep_ == "compound" and c._.kg_mention is None]
    sector = (agent_role(" ".join([*compounds, head.lower_])) or codes.get(head.lemma_.lower()) or "")[:3]
    if sector not in NON_STATE_SECTORS:
        return None
    # singular ("pirates" → pirate, "rebel groups" → rebel group), unless the lemma is no agent ("media")
    noun = head.lower_ if head.lower_ in codes and head.lemma_.lower() not in codes else head.lemma_.lower()
    acronym = head.text[:-1] if head.text.endswith("s") else head.text
    noun = acronym if len(acronym) > 1 and acronym.isupper() else noun  # "CEOs" → CEO, "NGOs" → NGO
    noun = head.text if head.pos_ == "PROPN" and head.is_title else noun  # "50 Muslims in Christchurch"
    words = [*compounds, noun]
    name = f"{' '.join(words)} ({place.label})"
    return Entity(name, name, "ArmedGroup" if sector in NON_STATE_ARMED else "Group",
                  place.code[:3] + sector if place.code else None, affiliation=place.id)


# Words that count people: "many Iraqis", "several Americans" (numbers too: "four Americans").
COUNTING_WORDS = frozenset("many several some few more most other dozens hundreds thousands millions scores".split())


def counted_people(head: Token, entity: Entity) -> Entity | None:
    """People of a country counted by their demonym, not its state: "the attack killed six Saudis",
    "many Iraqis" are people (Saudi Arabia), people (Iraq), with the country's code and the
    country as affiliation ("the Russians said" stays the state).  None otherwise.

    >>> from types import SimpleNamespace as T
    >>> saudis = T(lower_="saudis", tag_="NNPS", children=[T(dep_="nummod", lower_="six", like_num=True)])
    >>> counted_people(saudis, Entity("Saudi Arabia", "Saudi Arabia", "Country", "SAU")).id
    'people (Saudi Arabia)'
    >>> counted_people(T(lower_="russians", tag_="NNPS", children=[T(dep_="det", lower_="the", like_num=False)]),
    ...                Entity("Russia", "Russia", "Country", "RUS")) is None
    True
    """
    if entity.type != "Country" or head.tag_ not in ("NNS", "NNPS") or not head.lower_.endswith("s"):
        return None
    if not any(c.dep_ == "nummod" and c.like_num or c.dep_ in ("amod", "det", "nummod") and c.lower_ in COUNTING_WORDS
               for c in head.children):
        return None
    name = f"people ({entity.label})"
    return Entity(name, name, "Group", entity.code[:3] if entity.code else None, affiliation=entity.id)


# Kin: someone's children or mother are theirs, they do not act for them.
KIN_NOUNS = {"child", "children", "son", "daughter", "mother", "father", "parent", "wife", "husband", "brother", "sister",
             "kid", "family", "grandchild", "grandson", "granddaughter"}


def owned_kin(head: Token) -> bool:
    """Someone's kin, who do not stand for their owner as troops stand for their state:
    "Christian parents may discourage their children" (the children, not whom "their" is)."""
    return head.lemma_.lower() in KIN_NOUNS and any(c.dep_ == "poss" for c in head.children)


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


_indexes: dict[tuple[int, int], PhraseIndex] = {}


def phrase_index(nlp: Language, gazetteer: Gazetteer) -> PhraseIndex:
    """The index of every gazetteer phrase for this model's tokenizer, built once per model."""
    key = (id(nlp.vocab), id(gazetteer))  # a user's aliases add phrases (kg build --aliases)
    if key not in _indexes:
        _indexes[key] = PhraseIndex(nlp, gazetteer.phrases())
    return _indexes[key]


_POSSESSIVE_END = re.compile(r"[’']s$")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


def canonical_name(text: str) -> str:
    """A readable id for a name the gazetteer does not know: no leading "the", no possessive."""
    text = _POSSESSIVE_END.sub("", " ".join(text.split()))
    return _LEADING_THE.sub("", text).strip(" .,;:\"'“”")


# Demonyms whose adjective form, after "the", names the whole people: "the Irish", "the French",
# "the Chinese" (one person is "an Irishman", "a Briton", "the Scot").
COLLECTIVE_DEMONYM_ENDINGS = ("ish", "ese")
COLLECTIVE_DEMONYMS = {"french", "dutch", "swiss", "welsh"}


def collective_demonym(word: str) -> bool:
    """A demonym that after "the" names the people, never one person: "Early Americans looked
    down at the Irish", "The French refused to help" (not the article's topic person)."""
    lower = word.lower()
    return lower.endswith(COLLECTIVE_DEMONYM_ENDINGS) or lower in COLLECTIVE_DEMONYMS


# Modifiers that rank one of a kind: "the first African American awarded the Medal", "the only
# Briton in the final", "the youngest senator".
RANKING_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "only", "next", "sole", "lone"}


def ranked_description(token: Token) -> bool:
    """An epithet ranked among its kind ("the first African American awarded the Medal of Honor")
    picks out whoever the rest of the sentence says, not the article's topic person."""
    return any(c.dep_ == "amod" and (c.lower_ in RANKING_WORDS or c.tag_ == "JJS") for c in token.children)


class EntityResolver:
    """Resolves the mentions of one document, in reading order."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None, curation: Curation | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.curated(curation)
        self.phrases = phrase_index(nlp, self.gazetteer)
        self.history: list[tuple[int, Entity]] = []  # (document offset, entity), in order
        # every mention of the document so far, for :meth:`settle`: (doc, mention, offset)
        self.mentions: list[tuple[Doc, Mention, int]] = []
        self.subjects: set[int] = set()  # document offsets of mentions that are a clause's subject
        self.main_subjects: set[int] = set()  # … of those that are the subject of their sentence's main clause
        self.sentences: dict[int, int] = {}  # document offset of a mention → of its sentence
        self.sentence_starts: list[int] = []  # document offsets of every sentence so far, in order
        self.sentence_spans: list[tuple[Span, int]] = []  # … each sentence and its paragraph's offset, in that order
        self.genders: dict[str, str] = {}  # person id → "m" or "f", from honorifics and given names
        self.people_by_surname: dict[str, Entity] = {}  # after settle(): surname → the article's one person
        self.setting = ""  # after settle(): the contest the article reports, kg.events.news_setting
        self.lowercase_words: set[str] = set()  # words the article writes in lower case ("price", "levy")
        self.offices: dict[str, tuple[int, int]] = {}  # "minister" → offsets of its first definite mention and sentence
        self.mention_counts: collections.Counter[str] = collections.Counter()  # after settle(): names per entity id
        self.companies: set[str] = set()  # after settle(): bodies the article names as companies
        self.role_places: dict[tuple[int, str], str] = {}  # after settle(): the place of a place's office
        self.plural_names: set[str] = set()  # after settle(): bodies the article names in the plural ("the Rangers")
        self.parts: list[tuple[Doc, int]] = []  # every annotated paragraph and its offset, for settle()
        self.roles: list[tuple[int, str, Entity]] = []  # after settle(): (offset, office word, person) of titled names
        self.shares: list[tuple[int, Token]] = []  # (offset, group noun) of every "20% of registered Democrats"
        self.resolving: set[int] = set()  # document offsets of the pronouns being resolved (no cycles)
        # the last tag "…, he said" whose reported clause named others: (where, the speaker, the names)
        self.tag_speaker: tuple[int, Entity, set[str]] | None = None
        self.governments: list[tuple[int, Token]] = []  # (offset, "government" noun) of each government named with its state

    # -- annotation ------------------------------------------------------------------------

    def annotate(self, doc: Doc, offset: int = 0) -> list[Mention]:
        """Find the entity mentions of a parsed paragraph and set ``token._.kg_mention``."""
        mentions = [m for m in self._mentions(doc) if m is not None]
        self.parts.append((doc, offset))
        for sentence in doc.sents:
            where = offset + sentence.start_char
            at = bisect.bisect_left(self.sentence_starts, where)
            if at == len(self.sentence_starts) or self.sentence_starts[at] != where:
                self.sentence_starts.insert(at, where)
                self.sentence_spans.insert(at, (sentence, offset))
        self.lowercase_words.update(token.text for token in doc if token.is_lower)
        for token in doc:
            if token.lower_ in HELD_OFFICES and _definite(token):
                self.offices.setdefault(token.lower_, (offset + token.idx, offset + token.sent.start_char))
        for mention in mentions:
            self._mark(doc, mention)
        # Titles and names of bodies need the neighbouring mentions: "German Foreign Minister
        # Oskar Fischer" belongs to Germany, "Montenegro Municipality Association" too.
        mentions = [self._affiliated(doc, mention) for mention in mentions]
        for mention in mentions:
            self._mark(doc, mention)
            where = offset + doc[mention.start].idx
            self.history.append((where, mention.entity))
            self.mentions.append((doc, mention, offset))
            root = doc[mention.start : mention.end].root
            if (root.dep_ in SUBJECT_DEPS or root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS or root.dep_ == "ROOT") \
                    and not is_dateline(doc[mention.start : mention.end]):
                self.subjects.add(where)  # "Shoigu and Putin said": both; a verbless headline's name too
                if main_clause_subject(root):
                    self.main_subjects.add(where)
            self.sentences[where] = offset + doc[mention.start].sent.start_char
            gender = mention_gender(doc[mention.start : mention.end], self.gazetteer)
            if mention.entity.type == "Person" and gender:
                self.genders.setdefault(mention.entity.id, gender)
        self.shares.extend((offset + token.idx, group) for token in doc for group in [share_group(token)] if group is not None)
        self.governments.extend((offset + token.idx, token) for token in doc if government_state(token) is not None)
        return mentions

    # -- the whole article -----------------------------------------------------------------

    def settle(self) -> None:
        """After every paragraph is annotated: one node per person and one type per name.

        A surname, a title and surname ("Mrs Clinton", "President Trump") or a given name
        alone becomes the person's longest full name in the article, whatever NER typed it
        (NER often calls a bare surname an organisation or a place); a name's type is then
        voted over all its mentions, with name evidence (an honorific, a census given name,
        a company word) counting double.
        """
        self.setting = news_setting(token.lower_ for doc, _ in self.parts for token in doc)
        if not self.mentions:
            return
        merged, companies = merge_people([(doc[m.start : m.end], m.entity) for doc, m, _ in self.mentions], self.gazetteer)
        votes: dict[str, collections.Counter] = {}
        for (doc, mention, _), entity in zip(self.mentions, merged):
            span = doc[mention.start : mention.end]
            counter = votes.setdefault(entity.id, collections.Counter())
            counter[entity.type] += 1
            evidence = type_evidence(span, self.gazetteer)
            if evidence:
                counter[evidence] += 2.5  # name evidence counts double, and wins a tie
        settled = []
        for (doc, mention, offset), entity in zip(self.mentions, merged):
            kind = "Organization" if entity.id in companies else votes[entity.id].most_common(1)[0][0]
            if kind != entity.type and self.gazetteer.get(entity.id) is not entity and entity.code is None:
                entity = replace(entity, type=kind)
            if entity is not mention.entity:
                mention = Mention(mention.start, mention.end, entity)
                self._mark(doc, mention)
            settled.append((doc, mention, offset))
        self.mentions = settled
        # the people a bare surname names in this article: for a surname NER did not mark
        # (one person by id: "WikiLeaks founder Julian Assange" carries a role the other mentions lack)
        owners: dict[str, dict[str, Entity]] = collections.defaultdict(dict)
        for doc, mention, _ in settled:
            words = mention.entity.id.split()
            if mention.entity.type == "Person" and len(words) > 1:
                owners[words[-1].lower()].setdefault(mention.entity.id, mention.entity)
        self.people_by_surname = {name: next(iter(found.values())) for name, found in owners.items() if len(found) == 1}
        self.history = [(offset + doc[m.start].idx, m.entity) for doc, m, offset in settled]
        for doc, mention, _ in settled:
            span = doc[mention.start : mention.end]
            gender = mention_gender(span, self.gazetteer) or reported_gender(span) or kin_gender(span)
            if mention.entity.type == "Person" and gender:
                self.genders.setdefault(mention.entity.id, gender)
        named_in_full = {m.entity.id for _, m, _ in settled if m.end - m.start > 1}
        for _, mention, _ in settled:
            # the given name of the full name a bare surname resolved to: "Obama" is Barack Obama,
            # a man (only for a name the article never writes in full: "Ash Carter" is no Ashton)
            entity = mention.entity
            words = entity.id.split()
            if entity.type == "Person" and entity.id not in self.genders and entity.id not in named_in_full and len(words) > 1:
                given = self.gazetteer.gender(words[0])
                if given in ("m", "f"):
                    self.genders[entity.id] = given
        self.mention_counts = collections.Counter(m.entity.id for _, m, _ in settled)
        self.companies = {m.entity.id for doc, m, _ in settled
                          if m.entity.type == "Organization" and named_as_company(doc[m.start : m.end])}
        self.plural_names = {m.entity.id for doc, m, _ in settled if named_in_plural(doc[m.start : m.end])}
        # offices of people named by their given name too, or known to the gazetteer, or by the
        # one name the article ever gives them: a bare "President Trump" merged into the
        # article's one full name "Melania Trump" holds none, but "President Trump … the
        # president" of an article that never writes a full name is Trump
        named = [(doc, m, offset) for doc, m, offset in settled
                 if m.entity.type == "Person" and (len(person_words(doc[m.start : m.end])[0]) > 1
                                                   or self.gazetteer.get(m.entity.id) is not None
                                                   or sole_name(doc[m.start : m.end], m.entity))]
        self.roles = sorted((offset + doc[m.start].idx, office, m.entity) for doc, m, offset in named
                            for office in [office_of(doc[m.start : m.end])] if office)
        # a place's office: "Kentucky Gov. Matt Bevin … the governor" (held where the title says)
        placed = [(offset + doc[m.start].idx, found, m.entity) for doc, m, offset in named
                  for found in [place_office_of(doc[m.start : m.end])] if found]
        self.role_places = {(where, person.id): place.id for where, (_, place), person in placed}
        self.roles = sorted(self.roles + [(where, office, person) for where, (office, _), person in placed])
        self._mark_role_descriptions()

    def _mark_role_descriptions(self) -> None:
        """Definite descriptions of an office as mentions of the person who holds it in this
        article: "Gov. Chris Christie … the governor", "Pete Buttigieg, the former mayor of South
        Bend … the mayor"; the latest holder named before the description.  They enter the
        history like names, so that a pronoun after them finds them ("The governor will do his
        duty": his is the governor's)."""
        added = []
        for doc, offset in self.parts:
            for token in doc:
                noun = token.pos_ in ("NOUN", "PROPN")
                if not noun and token.tag_ not in ("NN", "NNP"):
                    continue  # neither a description (a noun) nor a demonym (NN, NNP): most words
                named = token._.kg_mention is not None
                demonym = named and self._demonym_person(token)
                if named and not demonym or not named and not noun:
                    continue
                holder = self._role_holder(token, offset) or self._kind_referent(token, offset) or \
                    self._epithet_person(token, offset, demonym)
                if demonym:
                    # "the 31-year-old Scot" is a person, never the state: out of the history
                    where = offset + token.idx
                    self.history = [(w, e) for w, e in self.history if w != where]
                    token._.kg_mention = None
                if holder is None:
                    continue
                mention = Mention(token.i, token.i + 1, holder)
                self._mark(doc, mention)
                where = offset + token.idx
                added.append((where, holder))
                if token.dep_ in SUBJECT_DEPS:
                    self.subjects.add(where)
                    if main_clause_subject(token):
                        self.main_subjects.add(where)
                self.sentences[where] = offset + token.sent.start_char
        if added:
            self.history = sorted(self.history + added, key=lambda item: item[0])

    def _demonym_person(self, token: Token) -> bool:
        """A definite demonym noun names a person of that nationality, not the state: "the
        31-year-old Scot was suspended", "the Briton", "the American" (a single-word mention)."""
        mention = token._.kg_mention
        if mention.end - mention.start != 1 or mention.entity.type != "Country" or \
                self.gazetteer.demonym(token.text) is None:
            return False
        return token.tag_ in ("NN", "NNP") and token.dep_ not in ("amod", "compound", "nmod") and \
            [c.lower_ for c in token.children if c.dep_ == "det"] == ["the"] and not collective_demonym(token.text)

    def _epithet_person(self, token: Token, offset: int, demonym: bool) -> Entity | None:
        """The person an epithet names: a demonym ("the 31-year-old Scot") or an office noun with a
        place modifier ("the Kentucky senator") is the article's topic person, its most named
        person so far (the latest on a tie), when no holder of the office is titled."""
        if not demonym and token.lower_ not in ROLE_NOUNS or ranked_description(token):
            return None
        if not demonym:
            if description_office(token) is None or \
                    not any(c.dep_ in ("compound", "amod") and c._.kg_mention is not None and
                            c._.kg_mention.entity.type in ("Location", "Country") for c in token.children):
                return None
        position = offset + token.idx
        people = [(where, entity) for where, entity in self.history if where < position and entity.type == "Person"]
        people = [person for _, person in self._of_described_state(token, people)]
        if not people:
            return None
        return max(reversed(people), key=lambda person: self.mention_counts[person.id])

    def _role_holder(self, token: Token, offset: int) -> Entity | None:
        """The person a definite office description names: the latest holder of the office
        before it whose title has the description's own modifiers ("the foreign minister" is
        no "Defense Minister")."""
        office = description_office(token)
        if office is None:
            return None
        position = offset + token.idx
        modifiers = description_modifiers(token)
        holders = [(where, person) for where, held, person in self.roles
                   if where < position and held == office and modifiers <= set(person_title_words(person))
                   and self._gender_agrees(token, person) and self._place_agrees(token, where, person)]
        holders = self._of_described_state(token, holders)
        if not holders and not office.startswith("former "):
            holders = self._past_holder_in_focus(f"former {office}", modifiers, position)
        if not holders:
            return None
        # one named in this sentence is the one meant ("An aide to Sen. James Exon
        # said the senator …"); else the article's most prominent holder ("the president" of a
        # piece on Trump's trade policy, after a mention of President Xi), the latest on a tie
        recent = [person for where, person in holders if where >= offset + token.sent.start_char]
        if recent:
            return recent[-1]
        distinct = list({person.id: person for _, person in holders}.values())
        if len(distinct) > 1:
            return self._home_holder(distinct)
        return max(reversed([person for _, person in holders]), key=lambda person: self.mention_counts[person.id])

    # a holder of a place's office is named by a bare description or one of that place: "Kentucky
    # Gov. Matt Bevin" is no "Ohio governor"
    def _place_agrees(self, token: Token, where: int, person: Entity) -> bool:
        """Whether a description's place modifiers allow a holder titled with a place."""
        place = self.role_places.get((where, person.id))
        places = {c._.kg_mention.entity.id for c in token.lefts
                  if c.dep_ in ("compound", "amod", "nmod") and c._.kg_mention is not None}
        return place is None or (not places or places == {place}) and not rival_before(token, person)

    # an office word with a gender names no holder of the other: "Rep. Tom Reed … Rep. Ann Kloss
    # … the congresswoman" is Kloss
    def _gender_agrees(self, token: Token, person: Entity) -> bool:
        """Whether a holder's known gender is the one the description's office word gives."""
        gender = OFFICE_GENDERS.get(token.lower_)
        return gender is None or self.genders.get(person.id) in (None, gender)

    # an office description with a state: "the U.S. president" is no person a title or the
    # gazetteer ties to another state ("South Korean President Moon Jae-in … The U.S. president warned")
    def _of_described_state(self, token: Token, holders: list[tuple[int, Entity]]) -> list[tuple[int, Entity]]:
        """The holders a description's state modifier allows: those tied to that state or to none."""
        states = {self._state_code(c._.kg_mention.entity) for c in token.lefts
                  if c.dep_ in ("compound", "amod", "nmod") and c._.kg_mention is not None and c._.kg_mention.entity.type == "Country"}
        states.discard(None)
        if not states:
            return holders
        return [(where, person) for where, person in holders if self._person_country(person) in states | {None}]

    def _state_code(self, state: Entity) -> str | None:
        known = self.gazetteer.get(state.id)
        code = (known.code if known is not None else None) or state.code
        return code[:3] if code and len(code) >= 3 else None

    def _past_holder_in_focus(self, office: str, modifiers: set[str], position: int) -> list[tuple[int, Entity]]:
        """A past holder the story is about keeps the bare title when no present holder is named:
        "Pete Buttigieg, the former mayor … the mayor"; one named in passing does not ("a top
        adviser to then-President Richard Nixon … the president" is not Nixon)."""
        counts = sorted({entity.id: self.mention_counts[entity.id] for where, entity in self.history
                         if where < position and entity.type == "Person"}.items(), key=lambda item: -item[1])
        # the story's one person, or the one named more often than any other
        if not counts or len(counts) > 1 and counts[0][1] == counts[1][1]:
            return []
        return [(where, person) for where, held, person in self.roles
                if where < position and held == office and person.id == counts[0][0] and modifiers <= set(person_title_words(person))]

    def _home_holder(self, holders: list[Entity]) -> Entity | None:
        """Of several people named with one title ("President Trump … Russian President Vladimir
        Putin"), the one a bare "the president" means: the article's own, whom it never titles with
        a state as it titles a foreign one, the most named; else the holder of the office of the
        country the article names most; None when that leaves no single holder."""
        foreign = {entity.id for _, mention, _ in self.mentions for entity in [mention.entity]
                   if entity.type == "Person" and (entity.affiliation and self._is_state(entity.affiliation) or
                                                   any(self._is_state(word) for word in (entity.role or "").split()))}
        plain = [person for person in holders if person.id not in foreign]
        if plain:
            return max(reversed(plain), key=lambda person: self.mention_counts[person.id])
        counts = collections.Counter(entity.code[:3] for _, entity in self.history if entity.type == "Country" and entity.code)
        ranked = counts.most_common(2)
        # the country the article names most, when it names one more than any other
        home = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        at_home = [person for person in holders if home is not None and self._person_country(person) == home]
        return at_home[0] if len(at_home) == 1 else None

    def _is_state(self, name: str) -> bool:
        """Whether a name or a title's word names a state: "Russia", "Russian", "U.S."."""
        known = self.gazetteer.get(name) or self.gazetteer.lookup(name) if name[:1].isupper() else None
        return known is not None and known.type == "Country"

    def _person_country(self, person: Entity) -> str | None:
        """The state a person's known code or title ties them to: "RUS" for Vladimir Putin."""
        known = self.gazetteer.get(person.id)
        code = (known.code if known is not None else None) or person.code
        if code and len(code) >= 3 and code[:3].isupper():
            return code[:3]
        affiliation = self.gazetteer.get(person.affiliation) if person.affiliation else None
        return affiliation.code[:3] if affiliation is not None and affiliation.type == "Country" and affiliation.code else None

    def _coordinated_pair(self, head: Token, offset: int, kinds: tuple[str, ...]) -> list[Entity]:
        """Two actors coordinated before "the two" or "both", in its sentence or the one before:
        "As Booker married Celeiro and Salerno, the two held each other", "Manchin and Tester are
        up for reelection in states where Trump is popular, and both serve …" (not Trump)."""
        spans = [(head.sent, offset)]
        before = self._sentence_before(offset + head.sent.start_char)
        if before is not None:
            spans.append(before)
        for span, _ in spans:
            for token in reversed(span):
                if span is head.sent and token.i >= head.i or token._.kg_mention is None:
                    continue
                first = token._.kg_mention.entity
                for conj in (c for c in token.children if c.dep_ == "conj" and c._.kg_mention is not None):
                    second = conj._.kg_mention.entity
                    if first.id != second.id and first.type in kinds and second.type in kinds:
                        return [first, second]
        return []

    def _kind_referent(self, token: Token, offset: int) -> Entity | None:
        """The body "the company", "the bank", "the committee" refers back to
        (``KIND_DESCRIPTIONS``), so that a pronoun after it may find it: "Kukowski defended the
        committee, saying that it has to make hard choices"."""
        lower = token.lower_
        if lower not in KIND_DESCRIPTIONS or token.pos_ != "NOUN" or _has_modifier(token) or \
                [c.lower_ for c in token.children if c.dep_ == "det"] != ["the"]:
            return None
        return speakers_body(token) or self._antecedent_of_kind(KIND_DESCRIPTIONS[lower], offset + token.idx)

    def _share_group(self, head: Token, offset: int) -> Entity | None:
        """The group a bare share stands for: "20% of registered Democrats said … Another 19%
        supported Biden, 12% said …" (the latest "N% of GROUP" before it)."""
        if head.dep_ not in SUBJECT_DEPS or not is_bare_share(head):
            return None
        position = offset + head.idx
        for where, group in reversed(self.shares):
            if position - PRONOUN_REACH <= where < position:
                return group._.kg_mention.entity if group._.kg_mention is not None else None
        return None

    def group_members(self, head: Token, offset: int = 0) -> list[Entity]:
        """The two actors "the two" (or "both", "the two men", "the two countries") stands for:
        the last two named before it, of one kind, in its sentence or the two before."""
        kinds = pair_kinds(head)
        if kinds is None:
            return []
        pair = self._coordinated_pair(head, offset, kinds)
        if pair:
            return pair
        position = offset + head.idx
        sentence = offset + head.sent.start_char
        earlier = self.sentence_starts[:bisect.bisect_left(self.sentence_starts, sentence)]
        since = earlier[-2] if len(earlier) >= 2 else (earlier[0] if earlier else sentence)
        found: list[Entity] = []
        for where, entity in reversed(self.history):
            if where >= position:
                continue
            if where < since:
                break
            if entity.type not in kinds or any(e.id == entity.id for e in found):
                continue
            if found and found[0].type != entity.type:
                continue
            found.append(entity)
            if len(found) == 2:
                return found[::-1]
        return []

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
        named = [part for e in doc.ents if e.label_ in NER_TYPES and not self._yields(e, known)
                 for part in parenthesised_parts(e)]
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
        if self._compound_demonym(span, inside[-1]):
            return False
        if span.label_ in YIELDING_LABELS or agent_role(span[-1].text) is not None:
            return True
        last = inside[-1]
        return last.end == span.end and self.gazetteer.demonym(last.text) is not None

    # a people named by two origins, not the state of the second: "Latin Americans", "African
    # Americans", "Iranian Americans", "Native Americans" (while "Radical French" are the French)
    def _compound_demonym(self, span: Span, last: Span) -> bool:
        if last.end != span.end or last.start == span.start or not self._people_of_a_state(last.text):
            return False
        before = span.doc[last.start - 1]
        return before.lower_ in ORIGIN_WORDS or before.is_title and self._people_of_a_state(before.text)

    def _people_of_a_state(self, word: str) -> bool:
        """A demonym ("Americans", "Iranian"), not the state's own name."""
        if self.gazetteer.demonym(word) is not None:
            return True
        entity = self.gazetteer.lookup(word)
        return entity is not None and entity.type == "Country" and word.endswith(("ans", "ians", "an", "ian", "ese", "ish", "is"))

    def _mention(self, span: Span) -> Mention | None:
        if span.label_ in NER_TYPES:  # a named-entity span: its name words only
            span = name_span(span)
            if span is None or self.gazetteer.stopped(span.text):
                return None
        entity = self.gazetteer.lookup(span.text)
        if entity is None and span.label_ in ("GPE", "LOC", "FAC"):
            entity = self.gazetteer.place(span.text)  # a city the dictionaries lack: its country too
        if entity is None:
            if canonical_name(span.text).lower() in agent_nouns():
                return None  # "the Navy", "Air Force": a role, resolved by metonymy from its modifier
            name = display_name(canonical_name(span.text))
            if not name or not any(c.isalpha() for c in name) or names_a_date(span) or names_a_text(name) or \
                    kind_of_thing(span) or \
                    is_code(name) and not (span.start > 0 and span.doc[span.start - 1].text == "("):
                return None
            kind = NER_TYPES[span.label_]
            if kind != "Person" and has_office_apposition(span):
                kind = "Person"  # "Aleksandr Grushko, Russia's envoy to NATO": a person, whatever NER said
            entity = Entity(id=name, label=name, type=kind)
        if entity.type == "Person":
            entity = self._person(span, entity)
        return Mention(span.start, span.end, entity)

    def _person(self, span: Span, entity: Entity) -> Entity:
        # A bare surname is merged with the full name by settle(), over the whole article.
        return entity

    # -- arguments -------------------------------------------------------------------------

    def argument(self, head: Token, offset: int = 0) -> Argument | None:
        """The argument whose syntactic head is ``head``, or None when it is no actor or thing."""
        text = phrase_text(head)
        mention = head._.kg_mention
        member = member_appositive(head)
        if member is not None:
            # "the committee's top Democrat, Adam Schiff": the member named, not the party
            return Argument(text, member._.kg_mention.entity)
        if mention is not None:
            return Argument(text, counted_people(head, mention.entity) or mention.entity)
        named = partitive_appositive(head)
        if named is not None:
            # one of a group, named: "the fifth member of the court, Menis Ketchum", "one of the
            # suspects, Ahmed Ali" (the member named, not the court nor the suspects)
            return Argument(text, named._.kg_mention.entity)
        inner = partitive_of(head)
        if inner is not None:
            # "a group of Moroccan diplomats" are Moroccan diplomats; "70 million dollars of aid" is aid
            found = self.argument(inner, offset)
            return Argument(text, found.entity) if found is not None else None
        share = self._share_group(head, offset)
        if share is not None:
            return Argument(text, share)
        if head.ent_type_ in NON_ACTOR_LABELS or head.like_num:
            return None
        named = appositive_name(head)
        if named is not None:
            # a description with the name beside it: "their immediate past president, George W. Bush"
            return Argument(text, named._.kg_mention.entity)
        lower = head.lower_
        if head.pos_ == "PRON":
            entity = self.pronoun_antecedent(head, offset)
            return Argument(text, entity) if entity else None
        holder = self._office_holder(head, offset) if lower in HELD_OFFICES else None
        if holder is not None:
            return Argument(text, holder)
        state = self._personal_government(head, offset)
        if state is not None:
            return Argument(text, state)
        speakers = speakers_body(head) if not _has_modifier(head) else None
        if speakers is not None:
            return Argument(text, speakers)
        if (lower in ASSET_NOUNS or lower in agent_nouns() or head.lemma_.lower() in agent_nouns() or _compound_text(head) in agent_nouns()) \
                and not private_individual(head) and not owned_kin(head):
            # metonymy: "Russian warships", "the Syrian army", "Russia's Air Force" act for their state
            owner = self._owner(head, offset)
            if owner is not None and not member_body(head, owner) and not (lower in ROLE_NOUNS and owner.type == "Location" and any(
                    c.dep_ in ("compound", "amod") and c._.kg_mention is not None and c._.kg_mention.entity.id == owner.id
                    for c in head.children)):
                # "the Kentucky senator" is no act of Kentucky (its office noun names a person)
                return Argument(text, place_group(head, owner) or owner)
        det = [c.lower_ for c in head.children if c.dep_ == "det"]
        if det == ["the"] and national_government(head):
            entity = self._government_of(offset + head.idx)
            if entity is not None:
                return Argument(text, entity)
        if det == ["the"] and lower in DEFINITE_DESCRIPTIONS:
            entity = self._antecedent_of_types(DEFINITE_DESCRIPTIONS[lower], offset + head.idx)
            if entity is not None:
                return Argument(text, entity)
        if det == ["the"] and lower in KIND_DESCRIPTIONS and not _has_modifier(head):
            entity = self._antecedent_of_kind(KIND_DESCRIPTIONS[lower], offset + head.idx)
            if entity is not None:
                return Argument(text, entity)
        if head.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
            return None
        if head.is_title and not head.ent_type_ and lower in self.people_by_surname and \
                (head.pos_ == "PROPN" or head.pos_ == "NOUN" and lower not in self.lowercase_words):
            # a surname NER missed ("Trump" in a headline), or one the tagger took for a noun at a
            # sentence's start ("Centner said"), unless the article writes it as a word ("price")
            return Argument(text, self.people_by_surname[lower])
        concept = concept_name(head)
        return Argument(text, Entity(id=concept, label=concept, type=CONCEPT))

    def _government_of(self, position: int) -> Entity | None:
        """The state a bare "the government" stands for: one just named as a government, in its
        sentence or the two before ("the Japanese government", "Japan's government", "the
        government of Japan": :func:`government_state`); else the article's own country, the
        one it names more often than any other so far; else the last named as a government, or
        the last state named.  Not merely a country of the sentence before: "… a similar
        escalation in Iraq … allow the government to grow" in an article on Afghanistan is the
        Afghan government."""
        at = bisect.bisect_right(self.sentence_starts, position)
        recent = self.sentence_starts[max(0, at - 3)] if at else 0
        named = [(where, state) for where, token in self.governments if where < position
                 for state in [government_state(token)] if state is not None]
        if named and named[-1][0] >= recent:
            return named[-1][1]
        states = [e for where, e in self.history if where < position and e.type == "Country"]
        ranked = collections.Counter(e.id for e in states).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return next(e for e in states if e.id == ranked[0][0])
        return named[-1][1] if named else states[-1] if states else None

    def _personal_government(self, head: Token, offset: int) -> Entity | None:
        """A person's government is the state's they serve, not the person: "Finance Minister
        Beshir Omer said his government rejected …" (Sudan's), "Abe's government".  The state is
        the person's own (affiliation or country code) when the article names it; else the
        state a bare "the government" would be (:meth:`_government_of`).  "his administration"
        is no such word: it acts for the person."""
        if head.lower_ != "government" or government_state(head) is not None:
            return None
        owners = [c for c in head.children if c.dep_ == "poss"]
        if len(owners) != 1:
            return None
        owner = owners[0]
        person = owner._.kg_mention.entity if owner._.kg_mention is not None else (
            self.pronoun_antecedent(owner, offset) if owner.pos_ == "PRON" else None)
        if person is None or person.type != "Person":
            return None
        if person.affiliation or person.code:
            return next((e for _, e in reversed(self.history) if e.type == "Country" and (
                e.id == person.affiliation or person.code and e.code == person.code[:3])), None)
        return self._government_of(offset + head.idx)

    def _office_holder(self, head: Token, offset: int) -> Entity | None:
        """The person a definite office names when the article names its holder only after it:
        "Scotland's justice minister has warned … \n Cathy Jamieson said …" (a lead that
        identifies its subject in the next sentence); the same office later is that person
        ("the minister said").  The holder is the first person named after the office's first
        definite mention, the subject of a clause in the same or the next sentence, and
        nobody is named before it."""
        if not _definite(head):
            return None  # "a minister", "ministers": nobody in particular
        first = self.offices.get(head.lower_)
        if first is None:
            return None
        position, sentence = first
        if any(where < position and entity.type == "Person" for where, entity in self.history):
            return None
        later = self.sentence_starts[bisect.bisect_right(self.sentence_starts, sentence):]
        until = later[1] if len(later) > 1 else float("inf")
        holder = next(((where, entity) for where, entity in self.history if where > position and entity.type == "Person"), None)
        if holder is None or holder[0] >= until or holder[0] not in self.subjects:
            return None
        return holder[1] if offset + head.idx == position or offset + head.idx > holder[0] else None

    def _owner(self, head: Token, offset: int, depth: int = 0) -> Entity | None:
        """The actor an agent noun or asset belongs to, from its modifiers."""
        # the nearest modifier first: "Yemen's Houthi rebels" are the Houthis', not Yemen's
        modifiers = sorted((c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")),
                           key=lambda c: abs(head.i - c.i))
        for child in modifiers:
            if child._.kg_mention is not None and not for_or_against(child):
                return child._.kg_mention.entity
        for child in modifiers:
            # "its troops", "their positions": the owner the pronoun refers to
            if child.dep_ == "poss" and child.pos_ == "PRON":
                entity = self.pronoun_antecedent(child, offset)
                if entity is not None:
                    return entity
        if depth > 2:
            return None
        for child in modifiers:
            # "Israeli army bulldozers": the army's owner
            if is_agent_word(child):
                entity = self._owner(child, offset, depth + 1)
                if entity is not None:
                    return entity
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS):
            # "rebels in the Ivory Coast", "positions of the Palestinian security forces"; "bases
            # in Iraq" are where, not whose
            if prep.lower_ == "in" and head.lower_ in ASSET_NOUNS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = pobj._.kg_mention
                if mention is not None and prep.lower_ == "in" and seats_international_bodies(
                        pobj.doc[mention.start : mention.end].text):
                    continue  # "diplomats in Brussels": where they are, not whom they act for
                if mention is not None and mention.entity.type != "Person":
                    return mention.entity
                if is_agent_word(pobj):
                    entity = self._owner(pobj, offset, depth + 1)
                    if entity is not None:
                        return entity
        return None

    def pronoun_antecedent(self, pronoun: Token, offset: int = 0) -> Entity | None:
        """The actor a pronoun refers to, or None.

        Agreement first: "he" a person not known to be a woman, "she" one not known to be a
        man, "it" a state, body, place or armed group, "they" a group.  Then, in order:
        a subject pronoun of a reported clause is the reporter when they agree ("Obama said
        he …", "Hartford said it earned …"); else the nearest sentence before it with an
        agreeing mention gives it, its subject first.  An object pronoun is never its own
        clause's subject ("he would not meet him"), and a reflexive is no second actor.
        """
        position = offset + pronoun.idx
        if position in self.resolving:
            return None  # asked again while resolving it: "their leaders … they" through the leaders' owner
        self.resolving.add(position)
        try:
            found = self._pronoun_antecedent(pronoun, offset, position)
        finally:
            self.resolving.discard(position)
        named = reported_names(pronoun)
        if found is not None and named:
            self.tag_speaker = (position, found, named)
        return found

    def _pronoun_antecedent(self, pronoun: Token, offset: int, position: int) -> Entity | None:
        lower = pronoun.lower_
        if lower in REFLEXIVE_PRONOUNS:
            return None
        agreement = PRONOUN_AGREEMENT.get(lower)
        if agreement is None or dummy_it(pronoun) or content_it(pronoun) or idiom_it(pronoun):
            return None  # "It's not just policy shortcomings", "he said it again"
        excluded: set[str] = quoted_names(pronoun) | reported_names(pronoun)
        earlier = fronted_clause_pronoun(pronoun)
        if earlier is not None:
            return self.pronoun_antecedent(earlier, offset)  # "If he fired Mueller, he would …": the first "he"
        if pronoun.dep_ in OBJECT_DEPS or pronoun.dep_ == "poss" and lower in ("him", "them"):
            subject = clause_subject(pronoun)
            if subject is not None and subject.i != pronoun.i:
                for token in (subject, *subject_conjuncts(subject)):
                    found = token._.kg_mention.entity if token._.kg_mention is not None else (
                        self.pronoun_antecedent(token, offset) if token.pos_ == "PRON" and token.i != pronoun.i else None)
                    if found is not None:
                        excluded.add(found.id)
        excluded |= {t._.kg_mention.entity.id for t in own_clause_objects(pronoun) if t._.kg_mention is not None}
        first = coordinated_owner(pronoun)
        if first is not None:
            found = self.argument(first, offset)
            if found is not None and found.entity.type != CONCEPT and self._agrees(found.entity, agreement):
                return found.entity  # "the president and his company": the president's
            if agreement in ("m", "f") and (is_person_noun(first) or first.lower_ in ROLE_NOUNS):
                return None  # the person described owns it, whoever that is, not the last one named
        speaker = quoting_speaker(pronoun)
        if speaker is not None:
            found = speaker._.kg_mention.entity if speaker._.kg_mention is not None else (
                self.pronoun_antecedent(speaker, offset) if speaker.pos_ == "PRON" else None)
            if found is not None:
                excluded.add(found.id)
        reporter = reporting_subject(pronoun)
        if reporter is not None:
            found = reporter._.kg_mention.entity if reporter._.kg_mention is not None else None
            if found is not None and self._agrees(found, agreement) and found.id not in excluded:
                return found
            found = self._plural_reporter(reporter, agreement, offset) or self._described_reporter(reporter, agreement, offset)
            if found is not None and found.id not in excluded:
                return found
        if agreement != "it":
            found = self._reported_subject(pronoun, agreement, excluded)
            if found is not None:
                return found
        if agreement == "it":
            # "it" names a thing far more often than an actor ("raising it to $15", "called
            # it racist"): an actor only when it is the subject of this or the last sentence
            # (a state or a place); a body that was a subject further back may still be the
            # topic ("The International Finance Corporation … It announced …")
            sentence = offset + pronoun.sent.start_char
            description = governing_description(pronoun)
            if description is not None:
                # "the company must implement measures to ensure it has …": the company, whoever it is
                found = self.argument(description, offset)
                return found.entity if found is not None and found.entity.id not in excluded and \
                    self._agrees(found.entity, "it") else None
            found = self._body_in_sentence(pronoun, offset, excluded) or self._owner_in_sentence(pronoun, excluded) or \
                self._salient_subject(agreement, position, sentence, excluded)
            if found is None and pronoun.dep_ in SUBJECT_DEPS and self._thing_subject_before(sentence):
                return self._body_named_by(reporter, position, excluded)  # "Elsinore said it …": Elsinore Corp
            found = found or self._nearest_agreeing("body", position, excluded, subjects_only=True)
            if found is not None and lower == "it" and self._thing_since(pronoun, offset, self._last_position(found, position)):
                return None  # "The campaign was controversial and veterans criticised it": the campaign
            return found
        if lower == "them" and plural_thing_before(pronoun):
            return None  # "he had seen Trump's tax returns, but had not gone through them"
        found = self._nearest_agreeing(agreement, position, excluded)
        found = self._speaker_goes_on(pronoun, found, position, agreement) or found
        since = self._last_position(found, position) if found is not None else -1
        # an unnamed person or people between the name and the pronoun, in any role; a nearer
        # subject of the kinds below still goes before it, so it moves their ``since`` on
        unnamed = self._unnamed_people_since(pronoun, offset, since) if found is not None else None
        if unnamed is not None:
            since = unnamed[1] + unnamed[0].idx
        if found is not None and agreement in ("m", "f") and \
                self._unnamed_person_since(pronoun, offset, since, agreement):
            return None  # "A security official said … He spoke to the AP": the official, named nowhere
        if found is not None and agreement in ("m", "f") and pronoun.dep_ in SUBJECT_DEPS:
            office = self._office_subject_since(pronoun, offset, since, agreement)
            if office is not None:
                # "The prime minister said … But he rejected …": the office's holder, or nobody known
                described = self.argument(*office)
                return described.entity if described is not None and described.entity.type == "Person" and \
                    described.entity.id not in excluded and self._agrees(described.entity, agreement) else None
        if agreement == "they":
            group = self._plural_noun_subject(pronoun, offset)
            if group is not None and (found is None or group[0] > since):
                # "conservative leaders signed a statement … they are prepared": the nearer plural
                # subject, an actor only through its owner ("Palestinian leaders"), is whom "they" names
                head = group[1]
                agent = is_agent_word(head)
                return self._owner(head, group[2]) if agent else None
        if unnamed is not None:
            # "a gunman's conviction … before he killed": the gunman, whom only his state or body may
            # stand for ("Russian soldiers"), not a person he works for ("a Trump aide … he", "Obama's
            # advisers … they": the aide, the advisers)
            described = self.argument(*unnamed)
            return described.entity if described is not None and described.entity.type not in (CONCEPT, "Person") and \
                described.entity.id not in excluded else None
        return found

    def _speaker_goes_on(self, pronoun: Token, found: Entity | None, position: int, agreement: str) -> Entity | None:
        """The speaker of the last tag ("…, he said"), for a subject "he"/"she" whose nearest
        agreeing name was named only inside that tag's reported clause: "Besides Baker's remarks,
        tensions hurt the dollar, he said. / But he expressed optimism …" (the speaker again,
        not Baker)."""
        if found is None or self.tag_speaker is None or pronoun.dep_ not in SUBJECT_DEPS:
            return None
        where, speaker, named = self.tag_speaker
        if found.id not in named or self._last_position(found, position) > where or speaker.id == found.id:
            return None
        return speaker if self._agrees(speaker, agreement) else None

    def _reported_subject(self, pronoun: Token, agreement: str, excluded: set[str]) -> Entity | None:
        """A pronoun inside the clause a speaker reports, in the same sentence, continues that
        clause's own subject, not the speaker: "Ruddock says Grewcock needs to review his actions
        after he kicked Peel" (his, he: Grewcock)."""
        clause = reported_clause(pronoun)
        if clause is None:
            return None
        for token in reversed(reported_subject_names(clause)):
            if token.i < pronoun.i and token._.kg_mention is not None:
                entity = token._.kg_mention.entity
                if entity.id not in excluded and self._agrees(entity, agreement):
                    return entity
        return None

    def _thing_since(self, pronoun: Token, offset: int, since: int) -> bool:
        """Whether a thing named after the actor's last mention (at ``since``), in the pronoun's
        sentence or the one before, is what "it" goes on with (:func:`thing_topic`): "Rudd
        defended the programme. It provides …", "the campaign was controversial from the moment
        it kicked off and many veterans criticised it" (not the body named before the thing)."""
        position = offset + pronoun.idx
        spans = [(pronoun.sent, offset)]
        before = self._sentence_before(offset + pronoun.sent.start_char)
        if before is not None:
            spans.insert(0, before)
        return any(since < at + token.idx < position and thing_topic(token) for span, at in spans for token in span)

    # an unnamed person as the nearer subject: "A woman in a black robe clutched a man … “Nader,”
    # she wailed" (the woman, not a name further back or in the quotation); "A security official
    # said … the official said. He spoke to the AP on condition of anonymity"
    def _unnamed_person_since(self, pronoun: Token, offset: int, since: int, agreement: str) -> bool:
        """Whether a subject that is a person named by no name — introduced by "a" ("a woman",
        "a Lebanese security official") or a definite description of one so introduced before
        ("the official") — of the pronoun's gender stands after ``since`` (the antecedent's last
        mention) in the pronoun's sentence or the one before, before the pronoun."""
        position = offset + pronoun.idx
        own = clause_subject(pronoun) if pronoun.dep_ not in SUBJECT_DEPS else None
        spans = [(pronoun.sent, offset)]
        before = self._sentence_before(offset + pronoun.sent.start_char)
        if before is not None:
            spans.insert(0, before)
        for span, at in spans:
            for token in span:
                if not since < at + token.idx < position or not unnamed_person_subject(token, agreement):
                    continue
                if own is not None and token.doc is pronoun.doc and token.i == own.i:
                    continue  # "an official asked him": never the clause's own subject
                if trailing_tag_subject(token):
                    continue  # "Ivanka Trump did not meet them, a U.S. official said. She met Moon": not the official
                if indefinite(token) or self._introduced_unnamed(token.lemma_.lower(), at + token.idx):
                    return True
        return False

    # an unnamed person or people in any role between the antecedent's last mention and the
    # pronoun, in the pronoun's sentence: "The Air Force failed to flag a gunman's conviction
    # before he killed 26 people" (the gunman), "Police hunt three gunmen who killed 12 people
    # when they opened fire" (the gunmen), "She criticised the prosecutors for the way they
    # arrested him" (the prosecutors), not the name further back
    def _unnamed_people_since(self, pronoun: Token, offset: int, since: int) -> tuple[Token, int] | None:
        """(head, paragraph offset) of the last noun before ``pronoun`` in its sentence, after
        ``since``, that names a person or people the pronoun agrees with and no name
        (:func:`unnamed_people_noun`) — not its own clause's subject or objects, nor a noun
        that stands beside a subject the pronoun goes on with (:meth:`_continued_subject`).
        The pronoun's sentence only: the sentence before too ("Police held a man. He …") changed
        two pronouns on 100 corpus articles, one of them wrongly."""
        agreement = PRONOUN_AGREEMENT.get(pronoun.lower_)
        if agreement not in ("m", "f", "they"):
            return None
        own = clause_subject(pronoun) if pronoun.dep_ in OBJECT_DEPS or pronoun.lower_ in ("him", "them") else None
        coarguments = {t.i for t in (own, *(subject_conjuncts(own) if own is not None else ())) if t is not None}
        coarguments |= {t.i for t in own_clause_objects(pronoun)}
        relative = pronoun.head if pronoun.dep_ in SUBJECT_DEPS else None
        if relative is not None and relative.dep_ == "relcl":
            coarguments.add(relative.head.i)  # "a server she kept", "the man she met": not the noun her clause is about
        before = pronoun.sent[: pronoun.i - pronoun.sent.start]
        continued = self._continued_subject(pronoun, agreement) if pronoun.dep_ not in OBJECT_DEPS else None
        marks = quote_marks(pronoun.sent)
        found = None
        for token in before:
            if offset + token.idx <= since or token.i in coarguments or not unnamed_people_noun(token, agreement):
                continue
            if marks and inside_quotes(token, marks):
                continue  # "“People are angry,” he said … they": no generic plural of a quotation
            if any(c.dep_ == "poss" and self._agreeing_subject(c, agreement) is not None for c in token.children):
                continue  # "His spokesman said he would …": he is as likely the owner, who stays
            if pronoun.dep_ in SUBJECT_DEPS and (verb := governing_verb(token)) is not None and verb.i == pronoun.head.i:
                continue  # "For a man without a medical degree, he seems confident": its own clause describes him
            if agreement != "they" and not (indefinite(token) or self._introduced_unnamed(token.lemma_.lower(), offset + token.idx)):
                continue  # "the suspect" may be the man named before; "a suspect" is someone else
            if continued is not None and token.i != continued.i and (token.dep_ not in SUBJECT_DEPS or token.i < continued.i):
                continue  # "Obama met a student before he left": he goes on with the subject, Obama
            found = (token, offset)
        return found

    def _continued_subject(self, pronoun: Token, agreement: str) -> Token | None:
        """The subject the pronoun goes on with, when it agrees with it (a name or pronoun that may
        be meant, or an unnamed person or people): that of the nearest clause around the
        pronoun's own (its own, for a possessive) that has one — a relative pronoun standing for
        its noun ("gunmen who killed 12 people when they opened fire"), a participle's noun its
        subject ("gunmen believed to have killed 12 people when they opened fire") — else the
        last subject before it in a clause in front ("After Obama met a student, he left")."""
        walked = pronoun.head if pronoun.dep_ == "poss" else pronoun.head.head if pronoun.head.i != pronoun.head.head.i else None
        while walked is not None:
            subject = next((c for c in walked.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i), None)
            if subject is None and walked.dep_ in ("acl", "relcl") and walked.head.pos_ in ("NOUN", "PROPN"):
                subject = walked.head  # a participle's or relative clause's noun is its subject
            if subject is not None:
                return self._agreeing_subject(subject, agreement)
            walked = walked.head if walked.head.i != walked.i else None
        for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
            if token.dep_ in SUBJECT_DEPS:
                return self._agreeing_subject(token, agreement)
        return None

    def _agreeing_subject(self, subject: Token, agreement: str) -> Token | None:
        """The subject (a relative pronoun's noun for it), or an owner, when it agrees with the pronoun."""
        if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head
        mention = subject._.kg_mention
        # "they" goes on with any plural subject: "illegal aliens harm citizens as they enjoy …"
        agrees = mention is not None and self._agrees(mention.entity, agreement) or \
            subject.pos_ == "PRON" and PRONOUN_AGREEMENT.get(subject.lower_) == agreement or unnamed_people_noun(subject, agreement) or \
            agreement == "they" and subject.pos_ == "NOUN" and subject.tag_ in ("NNS", "NNPS")
        return subject if agrees else None

    # an office as the main subject since the antecedent's last mention: "The prime minister on
    # Sunday said immigration would be toughened up. But he rejected …" (the prime minister, not
    # the home secretary named the sentence before)
    def _office_subject_since(self, pronoun: Token, offset: int, since: int, agreement: str) -> tuple[Token, int] | None:
        """(head, paragraph offset) of the last definite office noun that is the main-clause subject
        of the pronoun's sentence (before it) or the one before, after ``since``."""
        position = offset + pronoun.idx
        spans = [(pronoun.sent, offset)]
        before = self._sentence_before(offset + pronoun.sent.start_char)
        if before is not None:
            spans.insert(0, before)
        found = None
        for span, at in spans:
            for token in span:
                if (since < at + token.idx < position and token.lemma_.lower() in ROLE_NOUNS
                        and unnamed_person_subject(token, agreement) and main_clause_subject(token)
                        and [c.lower_ for c in token.children if c.dep_ == "det"] == ["the"] and not trailing_tag_subject(token)):
                    found = (token, at)
        return found

    def _introduced_unnamed(self, lemma: str, position: int) -> bool:
        """Whether an earlier sentence introduced an unnamed person by ``lemma`` ("a … official")."""
        return any(at + token.idx < position and token.lemma_.lower() == lemma and indefinite(token) and token._.kg_mention is None
                   for span, at in self.sentence_spans if at + span.start_char < position for token in span)

    def _plural_noun_subject(self, pronoun: Token, offset: int) -> tuple[int, Token, int] | None:
        """(position, head, paragraph offset) of the nearest subject before ``pronoun`` that is a
        plural common noun, in its sentence or the one before: "the groups", "conservative leaders"."""
        sentence = pronoun.sent
        spans = [(sentence, offset)]
        before = self._sentence_before(offset + sentence.start_char)
        if before is not None:
            spans.insert(0, before)
        own = clause_subject(pronoun) if pronoun.dep_ in OBJECT_DEPS else None  # "Officials met them": not the officials
        found = None
        for span, at in spans:
            for token in span:
                if span is sentence and token.i >= pronoun.i:
                    break
                if own is not None and token.doc is own.doc and token.i == own.i:
                    continue
                if token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN" and token.tag_ == "NNS" and token._.kg_mention is None:
                    found = (at + token.idx, token, at)
        return found

    def _sentence_before(self, start: int) -> tuple[Span, int] | None:
        """The sentence (and its paragraph's offset) before the one starting at ``start``."""
        at = bisect.bisect_left(self.sentence_starts, start)
        return self.sentence_spans[at - 1] if at else None

    def _last_position(self, entity: Entity, position: int) -> int:
        return max((where for where, e in self.history if e.id == entity.id and where < position), default=-1)

    def antecedent_distance(self, head: Token, entity: Entity, offset: int = 0) -> tuple[int, int, bool, bool]:
        """How sure the node of a word that does not name it is ("he", "the company"), for the
        learned gate: how many sentences back the node was last mentioned (-1 when never before);
        how many other actors that could be meant were mentioned in that sentence, the two before
        it and the word's own (of the pronoun's agreement, or of the node's type); whether that last
        mention was a clause's subject; and whether the node is named in the article more often than
        each of those others."""
        position = offset + head.idx
        last = self._last_position(entity, position)
        here = bisect.bisect_right(self.sentence_starts, position)
        back = -1 if last < 0 else here - bisect.bisect_right(self.sentence_starts, last)
        agreement = PRONOUN_AGREEMENT.get(head.lower_)
        since = self.sentence_starts[max(0, here - 3)] if here else 0
        rivals = {e.id for where, e in self.history if since <= where < position and e.id != entity.id
                  and (self._agrees(e, agreement) if agreement is not None else e.type == entity.type)}
        topic = all(self.mention_counts[entity.id] > self.mention_counts[other] for other in rivals)
        return back, len(rivals), last in self.subjects, topic

    def _plural_reporter(self, reporter: Token, agreement: str, offset: int) -> Entity | None:
        """A reporter named by a plural common noun, for "they" of its reported clause:
        "Palestinian leaders said they would boycott …" — they are the leaders, who act for
        the actor the noun's modifier names (its metonymy owner, whatever its type)."""
        if agreement != "they" or reporter._.kg_mention is not None or reporter.tag_ not in ("NNS", "NNPS"):
            return None
        if is_agent_word(reporter):
            return self._owner(reporter, offset)
        return None

    def _described_reporter(self, reporter: Token, agreement: str, offset: int) -> Entity | None:
        """A reporter named by a description of a body, for "it" of its reported clause:
        "Israel's military said it struck two rocket launchers" (the military acts for Israel),
        "the company said it …" (the company named before)."""
        if agreement != "it" or reporter._.kg_mention is not None or reporter.pos_ != "NOUN" or reporter.tag_ != "NN":
            return None
        found = self.argument(reporter, offset)
        return found.entity if found is not None and self._agrees(found.entity, "it") else None

    def _body_in_sentence(self, pronoun: Token, offset: int, excluded: set[str]) -> Entity | None:
        """A body named earlier in the pronoun's own sentence, the nearest, when no other thing is
        a subject between them: "Kukowski defended the committee, saying that it has to make hard
        choices" (a person there cannot be "it"; a state or a place too often stands beside a
        thing "it"), not "… of the Pacific Fleet said the Navy will send its ships"."""
        position, sentence = offset + pronoun.idx, offset + pronoun.sent.start_char
        for where, entity in reversed(self.history):
            if where >= position:
                continue
            if self.sentences.get(where, -1) != sentence:
                break
            if entity.id not in excluded and self._agrees(entity, "body"):
                between = pronoun.doc.char_span(where - offset, pronoun.idx, alignment_mode="expand")
                if between is not None and any(t.dep_ in SUBJECT_DEPS and t.tag_ in ("NN", "NNP") and t._.kg_mention is None
                                               for t in between):
                    return None  # "the Navy will be sending its …": the nearer subject is its owner
                return entity
        return None

    def _owner_in_sentence(self, pronoun: Token, excluded: set[str]) -> Entity | None:
        """An owner "its" whose nearest agreeing actor before it, in its own sentence, is an owner
        too: "China's prospects are good, with its application supported by …" (China), "Russia's
        economy shrank as its exports fell" (a possessive continues a possessive)."""
        if pronoun.lower_ != "its" or pronoun.dep_ != "poss":
            return None
        for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
            mention = token._.kg_mention
            if mention is None or not self._agrees(mention.entity, "it"):
                continue
            if token.dep_ == "poss" and mention.entity.id not in excluded:
                return mention.entity
            return None
        return None

    def _body_named_by(self, reporter: Token | None, position: int, excluded: set[str]) -> Entity | None:
        """The last body before ``position`` that the reporter's word names without its legal
        form, when NER left the reporter unmarked: "Elsinore said it has guaranteed …" →
        Elsinore Corp (not its Elsinore Finance Corp)."""
        if reporter is None or reporter._.kg_mention is not None or not reporter.is_title:
            return None
        for where, entity in reversed(self.history):
            words = entity.label.replace(".", "").lower().split()
            while len(words) > 1 and words[-1] in COMPANY_FORMS:
                words.pop()
            if where < position and entity.id not in excluded and self._agrees(entity, "body") and words == [reporter.lower_]:
                return entity
        return None

    def _thing_subject_before(self, sentence: int) -> bool:
        """Whether the sentence before the one starting at ``sentence`` has, as the subject of its
        main clause, a definite singular noun that names no actor: a subject "it" continues it, not
        a body named further back ("The Democratic establishment managed the nearly impossible. …
        it cut off Bernie Sanders": not the GOP of the headline)."""
        before = self._sentence_before(sentence)
        if before is None:
            return False
        root = before[0].root
        return any(c.dep_ == "nsubj" and c.tag_ == "NN" and c._.kg_mention is None
                   and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children) for c in root.children)

    def _salient_subject(self, agreement: str, position: int, sentence: int, excluded: set[str]) -> Entity | None:
        """The latest agreeing subject before ``position`` in its sentence or the one before."""
        at = bisect.bisect_left(self.sentence_starts, sentence)
        since = self.sentence_starts[at - 1] if at else sentence
        for where, entity in reversed(self.history):
            if where >= position:
                continue
            if self.sentences.get(where, -1) < since:
                break
            if where in self.subjects and entity.id not in excluded and self._agrees(entity, agreement):
                return entity
        return None

    def _agrees(self, entity: Entity, agreement: str) -> bool:
        if agreement in ("m", "f"):
            return entity.type == "Person" and self.genders.get(entity.id, agreement) == agreement
        if agreement == "it":
            return entity.type in IT_TYPES
        if agreement == "body":
            return entity.type in ("Organization", "ArmedGroup")
        # a body named in the plural ("the Rangers", "United Nations"), not one whose name ends
        # in "s" ("Reuters", "NBC Nightly News")
        return entity.type in THEY_TYPES or entity.type == "Organization" and entity.id in self.plural_names

    def _nearest_agreeing(self, agreement: str, position: int, excluded: set[str], subjects_only: bool = False) -> Entity | None:
        """The latest agreeing mention before ``position``, a subject preferred within the
        sentence it is in."""
        best: tuple[int, Entity] | None = None
        for where, entity in reversed(self.history):
            if where >= position:
                continue
            if where < position - PRONOUN_REACH:
                break
            if entity.id in excluded or not self._agrees(entity, agreement) or subjects_only and where not in self.subjects:
                continue
            if best is None:
                best = (where, entity)
                if where in self.subjects and not self._earlier_main_subject(where, position, agreement, excluded):
                    return entity
                continue
            if self.sentences.get(where) != self.sentences.get(best[0]):
                break
            if where in self.subjects and (where in self.main_subjects or
                                           not self._earlier_main_subject(where, position, agreement, excluded)):
                return entity  # the subject of the sentence the nearest candidate is in
        return best[1] if best else None

    def _earlier_main_subject(self, where: int, position: int, agreement: str, excluded: set[str]) -> bool:
        """Whether an agreeing subject of the main clause comes before the embedded subject at
        ``where``, in an earlier sentence than the pronoun: the speaker or topic of a sentence
        outranks a subject of what they said ("Sanders said Biden was wrong. He added …": he is
        Sanders; "Trump attacked Cruz, saying Cruz lied. He also …": Trump)."""
        sentence = self.sentences.get(where)
        if where in self.main_subjects or sentence is None or sentence == self._sentence_of(position):
            return False
        return any(self.sentences.get(other) == sentence and other in self.main_subjects and entity.id not in excluded
                   and self._agrees(entity, agreement) for other, entity in self.history if other < where)

    def _sentence_of(self, position: int) -> int | None:
        at = bisect.bisect_right(self.sentence_starts, position)
        return self.sentence_starts[at - 1] if at else None

    def _antecedent_of_kind(self, suffixes: set[str], position: int) -> Entity | None:
        """The last organisation before ``position`` whose name ends in one of ``suffixes``; for
        "the company", else the company the article is about (``_company_in_focus``)."""
        for where, entity in reversed(self.history):
            words = kind_words(entity.label)
            if where < position and entity.type == "Organization" and (words and words[-1] in suffixes or
                                                                       suffixes is COMPANY_SUFFIXES and entity.id in self.companies):
                return entity
        return self._company_in_focus(position) if suffixes is COMPANY_SUFFIXES else None

    # "the company" of an article about a company the gazetteer knows, named without a company
    # word: "Google chief legal officer David Drummond said … On Tuesday the company pushed back"
    def _company_in_focus(self, position: int) -> Entity | None:
        """The article's most named organisation, when it is a known company named before
        ``position`` and no other organisation is named as often."""
        counts = collections.Counter({entity.id: self.mention_counts[entity.id] for where, entity in self.history
                                      if where < position and entity.type == "Organization"})
        ranked = counts.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            return None
        top = next(entity for _, entity in self.history if entity.id == ranked[0][0])
        return top if self._known_company(top) else None

    def _known_company(self, entity: Entity) -> bool:
        """Whether the gazetteer codes an organisation as a business (CAMEO MNC, BUS)."""
        known = self.gazetteer.get(entity.id)
        code = (known.code if known is not None else None) or entity.code or ""
        return code.startswith(COMPANY_CODES)

    def _antecedent_of_types(self, types: tuple[str, ...], position: int) -> Entity | None:
        for where, entity in reversed(self.history):
            if where < position and entity.type in types:
                return entity
        return None


def government_state(token: Token) -> Entity | None:
    """The state a "government" noun names as its own: "the Japanese government", "Japan's
    government", "the government of Japan" (Japan); None for a bare "the government"."""
    if token.lower_ != "government" or token.pos_ not in ("NOUN", "PROPN"):
        return None
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    owners += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
    for owner in owners:
        mention = owner._.kg_mention
        if mention is not None and mention.entity.type == "Country":
            return mention.entity
    return None


# Governments below the state's: "the local government", "the state government".
LOCAL_GOVERNMENT_WORDS = {"local", "provincial", "regional", "municipal", "city", "county", "state", "town", "district"}


def national_government(head: Token) -> bool:
    """A "government" that names no state of its own: "the government", "the federal
    government" (not "the Japanese government", nor a local one: "the state government")."""
    return (head.lower_ == "government" and government_state(head) is None
            and not any(c.dep_ in ("compound", "poss", "nmod") or c.lower_ in LOCAL_GOVERNMENT_WORDS for c in head.children)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


# Nouns of a body that act as one, never a thing "it" goes on with: "its board", "the unit".
BODY_NOUNS = {"board", "team", "unit", "subsidiary", "management", "panel", "parent", "bidder", "buyer", "seller",
              "newspaper", "paper", "network", "station", "exchange", "regulator", "watchdog", "firm", "group"}


def thing_topic(token: Token) -> bool:
    """A thing that a following "it" stands for rather than a body named before it: a singular
    common noun, the subject or direct object of its sentence's main clause (the topics a
    pronoun goes on with, not a noun of a relative or adverbial clause: "The IFC, whose role is
    to provide financing, … it has set up three funds"), that names no actor ("the programme",
    "a law", "the campaign", "the deal"; not "the company", "its board", "the military", a
    name, a date or an amount)."""
    lower = token.lower_
    verb = token.head
    main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
    return (main and token.dep_ in SUBJECT_DEPS | {"dobj"} and token.pos_ == "NOUN" and token.tag_ == "NN"
            and token._.kg_mention is None and not token.ent_type_ and not token.like_num
            and lower not in agent_nouns() and token.lemma_.lower() not in agent_nouns() and lower not in BODY_NOUNS
            and lower not in DEFINITE_DESCRIPTIONS and lower not in KIND_DESCRIPTIONS)


# Lower-case words inside people's names ("Charles de Gaulle", "Osama bin Laden").
NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "la", "le",
                  "dos", "das", "y", "ben", "ter", "zu"}

# Last words of the names of texts: laws, treaties, clauses.
TEXT_WORDS = {"act", "acts", "clause", "amendment", "bill", "treaty", "accord", "accords", "charter", "constitution",
              "directive", "statute", "protocol"}

# Offices one person holds, which a lead may name before the person ("Scotland's justice minister").
HELD_OFFICES = {"president", "secretary", "minister", "director", "ambassador", "chairman", "chairwoman", "envoy",
                "chancellor", "governor", "mayor", "premier", "commissioner"}

# Endings of English nouns for people ("trainer", "journalist", "employee", "migrant").
PERSON_ENDINGS = ("er", "or", "ist", "ee", "ian", "ant")
# Common nouns with those endings that name no person.
NOT_PERSONS = frozenset("""border chamber character corner disaster error factor filter finger flavor floor
    letter manner matter meter number order paper power quarter register semester shelter summer
    tower water weather winter center computer chapter river cancer dinner container trailer sector motor reactor
    mirror danger anger hunger murder cluster charter banner barrier trigger theater headquarter harbor corridor
    interior behavior favor labor honor rumor tumor humor color terror horror tremor""".split())


def names_a_person(lemma: str) -> bool:
    """A common noun that names a person by its ending: "trainer", "journalist", "migrant"."""
    return len(lemma) > 5 and lemma.endswith(PERSON_ENDINGS) and lemma not in NOT_PERSONS


# Common nouns for people that no ending gives away ("individuals with connections to …").
HUMAN_NOUNS = {"individual", "person", "people", "man", "woman", "men", "women", "child", "children", "family", "resident",
               "citizen", "friend", "relative", "associate", "aide", "staff", "crew", "official", "diplomat", "executive",
               "representative", "analyst", "expert", "candidate", "student", "troops", "police", "victim", "suspect",
               # kin, ages and stations of people that no ending gives away
               "boy", "girl", "baby", "kid", "teen", "teenager", "youth", "adult", "mother", "father", "son", "daughter",
               "husband", "wife", "spouse", "brother", "sister", "parent", "guard", "cop", "nurse", "hostage", "inmate",
               "patient", "guest", "colleague", "opponent", "enemy", "ally", "rival", "king", "queen", "priest", "monk",
               "nun", "pilgrim"}


# Person nouns of one sex, which "he" or "she" cannot stand for.
FEMALE_NOUNS = {"woman", "mother", "girl", "wife", "daughter", "sister", "grandmother", "widow", "lady", "actress", "aunt"}
MALE_NOUNS = {"man", "father", "boy", "husband", "son", "brother", "grandfather", "widower", "actor", "uncle"}


def unnamed_person_subject(token: Token, agreement: str) -> bool:
    """A singular subject that names a person by a common noun alone, of the gender given ("m"
    or "f"): "a woman", "the official" (not "the official, John Smith", nor a name)."""
    if token.dep_ not in SUBJECT_DEPS or token.tag_ != "NN" or token._.kg_mention is not None or not is_person_noun(token):
        return False
    if any(c.dep_ == "appos" and c._.kg_mention is not None for c in token.children):
        return False
    lemma = token.lemma_.lower()
    return not (agreement == "m" and lemma in FEMALE_NOUNS or agreement == "f" and lemma in MALE_NOUNS)


# Plural nouns too general to be whom a later "they" means: "people say …", "Americans and people".
GENERIC_PEOPLE = {"people", "folk", "folks"}
# Singular nouns for several people, which "he" or "she" cannot stand for.
COLLECTIVE_PEOPLE = {"police", "staff", "crew", "family", "troops", "people", "men", "women", "children", "public"}


def unnamed_people_noun(token: Token, agreement: str) -> bool:
    """A common noun, in any role, that names a person ("he"/"she": singular, of no other sex)
    or people ("they": a plural person or agent noun) and no one named: "a gunman's", "three
    masked gunmen", "the prosecutors"; not a name's description ("the official, John Smith",
    "Smith, a lawyer", "Smith is a lawyer"), one of a pair with a name ("Trump and his
    children"), someone's kin, a reporting tag's speaker ("…, an official said"), the source of
    "according to", nor "people"."""
    if token._.kg_mention is not None or token.pos_ != "NOUN" or token.lemma_.lower() in GENERIC_PEOPLE:
        return False
    if token.dep_ == "compound":
        return False  # "detention center officials": a noun that says what kind, no one by itself
    if agreement == "they":
        if not (token.tag_ in ("NNS", "NNPS") or token.lower_ == "police") or not (is_person_noun(token) or is_agent_word(token)):
            return False
    elif agreement in ("m", "f"):
        lemma = token.lemma_.lower()
        if lemma in COLLECTIVE_PEOPLE:
            return False  # "police said Wednesday. He …": no one person
        # an agent noun for one man or woman ("a gunman", "a policewoman") names a person too
        if token.tag_ != "NN" or not (is_person_noun(token) or lemma.endswith(("man", "woman")) and is_agent_word(token)):
            return False
        if agreement == "m" and lemma in FEMALE_NOUNS or agreement == "f" and lemma in MALE_NOUNS:
            return False
    else:
        return False
    return not (describes_a_name(token) or owned_kin(token) or trailing_tag_subject(token) or according_to(token))


def describes_a_name(noun: Token) -> bool:
    """Whether a common noun describes someone named beside it: in apposition ("the official, John
    Smith"; "Smith, a lawyer"), in a name's title ("official John Smith"), as a predicate ("Smith
    is a lawyer", "Smith, as a lawyer"), or coordinated with a name ("Trump and his children")."""
    def is_name(token: Token) -> bool:
        return token._.kg_mention is not None or token.pos_ == "PROPN"  # also a surname NER missed: "Aguirre, an immigrant"

    if any(c.dep_ == "appos" and is_name(c) for c in noun.children):
        return True
    if noun.dep_ in ("appos", "compound", "conj") and is_name(noun.head):
        return True
    if any(is_name(c) for c in noun.conjuncts):
        return True
    if noun.dep_ == "attr" or noun.dep_ == "pobj" and noun.head.lower_ == "as":
        return True
    return False


def according_to(noun: Token) -> bool:
    """The source of "according to": "according to two officials" (whom the news is from)."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according"


def trailing_tag_subject(token: Token) -> bool:
    """The speaker of a tag after what it reports ("…, a U.S. official said"): the news goes on
    with who was reported on, not with the source."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_.lower() in REPORTING_VERBS and any(
        c.dep_ in ("ccomp", "parataxis") and c.i < token.i for c in verb.children)


def indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def is_person_noun(noun: Token) -> bool:
    """A noun that names a person or people: a Person entity, "individuals", "sailors"."""
    mention = noun._.kg_mention
    if mention is not None and mention.entity.type == "Person" or noun.ent_type_ == "PERSON":
        return True
    if noun.pos_ == "PROPN":
        return False  # a name of anything else: "the Russian government", "Iran"
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in HUMAN_NOUNS or noun.lower_ in HUMAN_NOUNS or names_a_person(lemma))


# "who" stands for a person, though the parse may hang its clause on the thing after a
# preposition: "individuals with connections to the Russian government who provided WikiLeaks
# with emails" (the individuals provided them)
def who_of_thing(verb: Token) -> Token | None:
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in verb.children):
        return None
    noun = verb.head
    if is_person_noun(noun):
        return None
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
        if is_person_noun(noun):
            return noun
    return None


# Dependents that are not part of a noun phrase's own words.
OUTSIDE_PHRASE = {"conj", "cc", "relcl", "appos", "advcl", "parataxis", "punct", "acl", "prep", "preconj", "case"}


# Conjunctions of an adverbial clause: "including when he chaired the commission".
ADVERBIAL_CONJUNCTIONS = {"when", "while", "after", "before", "because", "if", "since", "until", "as"}


def is_clause(token: Token) -> bool:
    """A clause beside a phrase's meaning: a non-restrictive relative or adverbial clause, set
    off by a comma or a dash ("Harvard, which he never attended"; not "a case that was being
    heard by the Supreme Court", which says which case), or an adverbial clause after a
    preposition ("including when he chaired …"); not a content clause, which is what the noun
    says ("the prospect of Cruz being the nominee", "a question about whether he offered …")."""
    if token.dep_ == "relcl" and who_of_thing(token) is not None:
        return True  # "individuals with connections to the government who provided …": about the individuals
    if token.dep_ in ("relcl", "advcl"):
        left = token.left_edge.i
        return left > 0 and token.doc[left - 1].text in (",", "—", "–", "-", "--", "(")
    return token.dep_ == "pcomp" and any(c.dep_ in ("advmod", "mark") and c.lower_ in ADVERBIAL_CONJUNCTIONS for c in token.children)


# a clause inside a prepositional phrase of an argument is no part of the argument: "institutions
# like Harvard University, which he never attended" → "institutions like Harvard University",
# "two federal jobs, including when he chaired the commission" → "two federal jobs"
def without_clauses(prep: Token) -> list[Token]:
    cut: set[int] = set()
    for token in prep.subtree:
        if token is not prep and is_clause(token):
            top = token.head if token.dep_ == "pcomp" and token.head.dep_ == "prep" else token
            if top is prep:
                return []  # the preposition introduces nothing but the clause
            cut.update(t.i for t in top.subtree)
    return [t for t in prep.subtree if t.i not in cut]


def phrase_tokens(head: Token, keep_prep: bool = True) -> list[Token]:
    """The tokens of the phrase headed by ``head``: its subtree without clauses and conjuncts."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in OUTSIDE_PHRASE and not (keep_prep and child.dep_ == "prep" and child.i > head.i):
            continue
        if child.dep_ == "neg" and any(c.dep_ == "appos" and c.i > child.i for c in head.children):
            continue  # the "not" of a name set against this one: "Hillary Clinton, not Trump,"
        tokens.extend(without_clauses(child) if child.dep_ == "prep" else child.subtree)
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
    """A concept's id: its compound words and head lemma, lower case ("air strike", "cooperation");
    a hyphenated compound whole ("assault-style rifle"), an amount before the noun left out ("a £2m
    deal" → deal, :func:`amount_word`), unless the noun is the amount's own unit ("260.75bn roubles")."""
    unit = head.lower_ in AMOUNT_UNITS or head.ent_type_ in AMOUNT_LABELS
    parts = [c for c in head.lefts if c.dep_ == "compound" and c._.kg_mention is None and (unit or not amount_word(c))]
    name = ""
    for part, word in [*((c, compound_words(c)) for c in parts), (head, head.lemma_.lower() or head.lower_)]:
        # "co-founder": the hyphen between a compound and the next word keeps them one word
        start = head.i if part == head else part.left_edge.i
        hyphened = start > 0 and part.doc[start - 1].tag_ == "HYPH"
        name += word if not name else ("-" if hyphened else " ") + word
    return name


# Units and magnitudes of amounts, as news writes them before a noun: "a £2m deal", "18.5 mln
# dlrs arrears", "a 20 pct stake".
AMOUNT_UNITS = {"m", "bn", "k", "mln", "bln", "billion", "million", "thousand", "trillion", "dlrs", "dlr", "dollars",
                "dollar", "pct", "percent", "stg", "yen", "cts", "pence", "euros", "pounds", "marks", "francs",
                "rouble", "roubles", "ruble", "rubles", "rupees", "pesos", "yuan", "lire", "dinars"}
# NER labels of amounts: a noun inside one is the amount's unit.
AMOUNT_LABELS = {"MONEY", "QUANTITY", "PERCENT"}


def amount_word(token: Token) -> bool:
    """A word of an amount before a noun, no part of the thing's name: a number, or a unit
    counted by one ("£2m deal": "m" counts 2; "18.5 mln dlrs arrears": "dlrs" after "mln"),
    not a unit that classifies ("dollar bonds")."""
    if token.like_num or token.pos_ == "NUM":
        return True
    if token.lower_ not in AMOUNT_UNITS:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return any(c.dep_ == "nummod" for c in token.children) or before is not None and (
        before.like_num or before.lower_ in AMOUNT_UNITS)


# Dependents that make one word of the name with the compound they modify: "gun background check
# bill", "crude oil output", "black market dollars", "assault-style rifles", "three-year amnesties".
COMPOUND_PART_DEPS = {"compound", "amod", "nummod", "punct"}


def compound_words(compound: Token) -> str:
    """A compound before a concept's head with its own modifiers, which make one word with it
    ("background check" of "gun background check bill", "crude oil" of "crude oil output"); a
    hyphenated one whole ("assault-style", "three-year"); names, numbers of an amount and
    anything else (a clause, a possessive) left out, keeping the compound alone."""
    doc = compound.doc
    parts = list(doc[compound.left_edge.i: compound.i + 1])
    if any(t.dep_ not in COMPOUND_PART_DEPS or t.dep_ == "punct" and t.tag_ != "HYPH" for t in parts[:-1]):
        return compound.lemma_.lower()
    hyphened = {t.i for t in parts if t.tag_ == "HYPH"} | {t.i - 1 for t in parts if t.tag_ == "HYPH"} | \
        {t.i + 1 for t in parts if t.tag_ == "HYPH"}
    words = [t for t in parts[:-1] if t.tag_ != "HYPH" and t._.kg_mention is None
             and (t.i in hyphened or not amount_word(t))]
    text = ""
    for t in [*words, compound]:
        word = t.lemma_.lower() if t == compound else t.lower_
        text += word if not text else ("-" if doc[t.i - 1].tag_ == "HYPH" else " ") + word
    return text


def name_span(span: Span) -> Span | None:
    """The words of a named-entity span that belong to the name: no determiner, possessive,
    dash or quote ("a White House", "'s Donald Trump", "— Donald J. Trump", "ex-FBI"), no
    leading verb or headline function word ("Removing Trump", "Can Merkel"); None if
    nothing is left."""
    doc, start, end = span.doc, span.start, span.end
    # an owner before the name: "Politico's Byron Tau", "Fox's Kimberly Guilfoyle" name the person
    owner = next((t.i for t in doc[start : end - 1] if t.tag_ == "POS" or t.lower_ in ("'s", "’s")), None)
    if owner is not None and owner > start:
        start = owner + 1
    if span.label_ in ("PERSON", "ORG"):
        start, end = _person_piece(doc, start, end, span.root.i, bodies=span.label_ == "ORG")
    while start < end and _outside_name(doc[start], first=True):
        start += 1
    while end > start and _outside_name(doc[end - 1], first=False):
        end -= 1
    # a wire's stock ticker after a company's name: "Ford Motor Co F", "Chrysler Corp C"
    if end - start > 2 and doc[end - 1].is_upper and len(doc[end - 1]) <= 5 and \
            doc[end - 2].lower_.rstrip(".") in ORG_SUFFIXES:
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def parenthesised_parts(span: Span) -> list[Span]:
    """A named-entity span that runs over a parenthesis, as its two names: "the Federal
    Bureau of Investigation (FBI)" names the bureau and defines its short form."""
    opening = next((t.i for t in span if t.text == "("), None)
    if opening is None:
        return [span]
    closing = next((t.i for t in span.doc[opening + 1 : span.end] if t.text == ")"), span.end)
    # a name NER glued on after the parenthesis (a missing full stop): "… Services (Apacs) Apacs chose"
    pieces = ((span.start, opening), (opening + 1, closing), (closing + 1, span.end))
    parts = [Span(span.doc, start, end, label=span.label_) for start, end in pieces if start < end]
    return [part for part in parts if len(part)]


def kind_words(label: str) -> list[str]:
    """The lower-case words of a body's name that tell its kind, without a stock ticker glued on
    after it: "Hillsdown Holdings Plc HLDN.L" → [..., "plc"]."""
    words = label.split()
    if len(words) > 1 and is_ticker(words[-1]):
        words = words[:-1]
    return [word.lower().replace(".", "") for word in words]


def is_ticker(word: str) -> bool:
    """A Reuters stock ticker: "HLDN.L", "CMK.TO", "UIS" (capitals, with an exchange suffix or short)."""
    letters = word.replace(".", "")
    return letters.isalpha() and letters.isupper() and letters.lower() not in COMPANY_SUFFIXES and \
        ("." in word[1:-1] or len(letters) <= 4)


# a body the article names as a company: with a company word NER left outside the name ("Tenneco
# Inc" marked as "Tenneco"), or a company noun in apposition ("Tenneco, a company that …")
def named_as_company(span: Span) -> bool:
    """Whether a mention of a body says that it is a company."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_.rstrip(".") in COMPANY_SUFFIXES - {"group", "company"} \
            and doc[span.end].text[:1].isupper():
        return True
    words = kind_words(span.text)
    if len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in ("company", "firm", "corporation") for c in span.root.children)


def is_code(name: str) -> bool:
    """Whether an unknown one-word name is a code rather than an actor: letters and digits
    joined by a dash or three digits (a product, model or visa: "HB-1", "F-16", "AL721"; not
    "G20" or "3M"), or two capitals alone, which name too many things to be taken for a body
    (a ticker, an abbreviation: "NR", "PR"), unless the article defines them in parentheses."""
    if " " in name:
        return False
    if re.search(r"[A-Za-z]-\d|\d-[A-Za-z]|\d{3}", name):
        return True
    return len(name) == 2 and name.isalpha() and name.isupper()


def names_a_text(name: str) -> bool:
    """Whether a name is a law's, treaty's or clause's, a text rather than an actor: "the
    Excessive Fines Clause", "the Affordable Care Act", "the Paris Accord"."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in TEXT_WORDS


def kind_of_thing(span: Span) -> bool:
    """Whether an organisation's name heads a phrase with "a" or "an": one of the things it
    makes or sells, not the actor ("a $42,000 Land Rover"; a person stays: "a contrite Brown")."""
    return span.label_ == "ORG" and any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < span.start for c in span.root.children)


def names_a_date(span: Span) -> bool:
    """Whether a name is the first word of a named day: "Super Tuesday", "Black Friday"
    (NER marks "Super" a place and "Tuesday" a date)."""
    head = span.root.head
    return span.root.dep_ == "compound" and head.i >= span.end and head.ent_type_ in ("DATE", "TIME", "EVENT")


def _person_piece(doc: Doc, start: int, end: int, root: int, bodies: bool = False) -> tuple[int, int]:
    """The piece of a name span that holds its head, when NER ran a name over a comma or a
    lower-case preposition: "Politico, Woodward", "Trump after Pence", "Kilkenny of West
    Virginia" (name particles such as "de", "van", "bin" are part of the name; so are "of"
    and "for" in a body's: "Friends of Assange", "Center for Public Integrity")."""
    particles = NAME_PARTICLES | {"of", "for"} if bodies else NAME_PARTICLES
    head = doc[root].lower_.rstrip(".")
    # "Bank of America", "Minister of Finance": a body's or an office's name, not a person's
    named = head not in ORG_SUFFIXES and head not in BODY_WORDS and head not in OFFICE_WORDS and head not in NAME_TITLES
    for token in doc[start:end]:
        if token.text == "," and token.i < root:
            start = token.i + 1  # "Politico, Woodward"
        elif token.i > root and named and (token.text == "," or token.pos_ == "ADP" and token.is_lower
                                            and token.lower_ not in particles):
            end = token.i  # "Trump after Pence", "Kilkenny of West Virginia"
            break
    return start, end


def _outside_name(token: Token, *, first: bool) -> bool:
    if token.is_punct or token.tag_ == "POS" or token.lower_ in ("'s", "’s", "-", "—", "–"):
        return True
    if not first:
        return False
    if token.lower_ in NOT_NAME_WORDS:
        return True
    # a verb or function word that a headline capitalised: "Can Merkel Hold On", "Removing Trump"
    return (token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON", "DET", "ADV") or token.is_stop) \
        and token.lower_ not in HONORIFICS and token.lower_.rstrip(".") not in NAME_TITLES


def display_name(name: str) -> str:
    """A name as it is written in running text: a headline's or dateline's capitals
    lowered ("DONALD TRUMP" → "Donald Trump", "NEW YORK" → "New York"); initialisms of up
    to five letters kept ("FBI", "NATO")."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    if " " not in name and len(letters) <= 5:
        return name
    return " ".join(word.capitalize() if word.isalpha() else word.title() for word in name.split())


def person_words(span: Span) -> tuple[list[str], str | None]:
    """A person's name words without honorifics and titles, and the gender an honorific
    gives: "Mrs Clinton" → (["Clinton"], "f"), "President Donald J. Trump" → (["Donald",
    "J.", "Trump"], None)."""
    words = display_name(canonical_name(span.text)).split()
    gender = None
    while len(words) > 1:
        lower = words[0].lower().rstrip(".")
        if lower in HONORIFICS:
            gender = gender or HONORIFICS[lower]
        elif lower not in NAME_TITLES:
            break
        words = words[1:]
    if span.start > 0 and gender is None:
        before = span.doc[span.start - 1].lower_.rstrip(".")
        gender = HONORIFICS.get(before)
    return words, gender


# a titled surname that is the person's whole name in the article: "President Trump" where no
# "Donald Trump" or "Melania Trump" is written, so the surname was merged into no other name
def sole_name(span: Span, entity: Entity) -> bool:
    """Whether a person's mention gives the whole of the name the article settled on."""
    return person_words(span)[0] == entity.id.split()


def mention_gender(span: Span, gazetteer: Gazetteer) -> str | None:
    """"m" or "f" from an honorific ("Mrs Clinton") or a given name the census lists give one
    gender ("Hillary Clinton"), else None."""
    words, gender = person_words(span)
    if gender:
        return gender
    # the given name: the first word of the person's name proper, not of a title before it
    # ("German Chancellor Angela Merkel": Angela)
    person = next((e for e in span.doc.ents if e.label_ == "PERSON" and span.start <= e.start < span.end), None)
    given = name_span(person)[0].text if person is not None and name_span(person) is not None else None
    if given is None and len(words) > 1 and all(t.pos_ == "PROPN" for t in span if t.is_alpha):
        given = words[0]
    if given is None or (person is not None and len(person) < 2):
        return None
    found = gazetteer.gender(given)
    return found if found in ("m", "f") else None


def type_evidence(span: Span, gazetteer: Gazetteer) -> str | None:
    """The type a name's own words give: a company word makes it an Organization ("Baker
    International Corp"), an honorific or title before it or a census given name first
    makes it a Person ("Mr Tapper", "Jake Tapper")."""
    words = [w.lower().rstrip(".,") for w in span.text.split()]
    if any(w in ORG_SUFFIXES for w in words[1:]) or "&" in words:
        return "Organization"
    after = [t.lower_.rstrip(".") for t in span.doc[span.end : span.end + 2]]
    if len(after) == 2 and after[0] in ("and", "&") and after[1] in ("co", "company", "sons", "partners"):
        return "Organization"  # a firm named after its founders: "J.P. Morgan and Co."
    stripped, gender = person_words(span)
    if gender is not None or len(stripped) < len(display_name(canonical_name(span.text)).split()):
        return "Person"
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    if before in NAME_TITLES and before not in ("former", "first", "vice", "leader"):
        return "Person"
    if 2 <= len(stripped) <= 4 and gazetteer.gender(stripped[0]) is not None and stripped[-1][:1].isupper() \
            and gazetteer.lookup(" ".join(stripped)) is None and all(w.lower() not in ORG_SUFFIXES for w in stripped):
        return "Person"
    return None


def merge_people(mentions: list[tuple[Span, Entity]], gazetteer: Gazetteer) -> tuple[list[Entity], set[str]]:
    """Each mention's entity after merging the people of one article, and the ids found to
    be companies (their type is settled, not voted).  A surname, a title
    and surname or a given name alone that one full name of the article covers becomes
    that person ("Sanders" → "Bernie Sanders", "Mrs Clinton" → "Hillary Clinton"); a full
    name becomes the longest full name with the same first and last words ("Donald Trump"
    → "Donald J. Trump"), or the gazetteer's person.  A surname two full names share stays
    as it is.  Places named "the …" and phrases that name no person in the gazetteer's
    sense stay themselves ("The Hague" beside "William Hague")."""
    # companies named with a company word ("Hughes Tool Co", "Baker International Corp"):
    # news shortens them to their first word ("Hughes", "Baker"), which is no surname then
    companies: dict[str, set[str]] = collections.defaultdict(set)
    company_entities: dict[str, Entity] = {}
    stems: dict[str, Entity] = {}
    for span, entity in mentions:
        if entity.type != "Country" and len(span) > 1 and type_evidence(span, gazetteer) == "Organization":
            first = span[0].text.lower()
            company = replace(entity, type="Organization") if entity.type != "Organization" else entity
            companies[first].add(company.id)
            company_entities[company.id] = company
            # its name without the company word and ticker: "Baker Hughes Inc" → "baker hughes"
            stem = [t.text for t in span]
            while len(stem) > 1 and (stem[-1].lower().rstrip(".") in ORG_SUFFIXES or stem[-1].isupper()):
                stem.pop()
            stems.setdefault(" ".join(stem).lower(), company)
    people: dict[tuple[str, str], Entity] = {}  # (first, last) → the longest full name's entity
    for span, entity in mentions:
        if entity.type != "Person":
            continue
        if canonical_name(span.text).lower() in stems or span[0].text.lower() in companies:
            continue  # a company's name without its company word: "Baker Hughes"
        words, _ = person_words(span)
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        if len(words) > 5 or any(t.pos_ in ("VERB", "AUX", "PRON", "DET") for t in span):
            continue  # a headline NER took for a name: "Trump Has Destroyed Our Democracy"
        key = (words[0].lower(), words[-1].lower())
        current = people.get(key)
        known = gazetteer.get(entity.id) is not None
        if current is None or known and gazetteer.get(current.id) is None or \
                not (gazetteer.get(current.id) is not None) and len(entity.id) > len(current.id):
            people[key] = entity
    for key in [key for key in people if glued_name(key, people)]:
        del people[key]
    by_surname: dict[str, set[str]] = collections.defaultdict(set)
    by_given: dict[str, set[str]] = collections.defaultdict(set)
    targets: dict[str, Entity] = {}
    for (first, last), entity in people.items():
        by_surname[last].add(entity.id)
        by_given[first].add(entity.id)
        targets[entity.id] = entity
    # bodies of several words: their initials ("ADB" for "Asian Development Bank") and their
    # last word ("Patriots" for "New England Patriots") name them again later
    initials: dict[str, set[str]] = collections.defaultdict(set)
    last_words: dict[str, set[str]] = collections.defaultdict(set)
    bodies: dict[str, Entity] = {}
    for span, entity in mentions:
        words = canonical_name(span.text).split()
        if entity.type in ("Organization", "ArmedGroup") and len(words) > 1:
            content = [w for w in words if w.lower() not in ("of", "and", "the", "for", "&")]
            initials["".join(w[0] for w in content).upper()].add(entity.id)
            if words[-1][:1].isupper() and words[-1].lower().rstrip(".") not in COMPANY_FORMS:
                last_words[words[-1].lower()].add(entity.id)
            bodies.setdefault(entity.id, entity)
    defined = defined_short_forms(mentions)
    heads = head_short_forms(mentions)
    named_people = {span.text.lower() for span, entity in mentions if entity.type == "Person"}
    merged, decided = [], set()
    for index, (span, entity) in enumerate(mentions):
        words, _ = person_words(span)
        target = None
        if len(words) >= 2 and entity.type == "Person":
            # a name with words glued before it ("House Nancy Pelosi"): the full name it ends with
            starts = (k for k in range(1, len(words) - 1) if (words[k].lower(), words[-1].lower()) in people)
            found = next((people[(words[k].lower(), words[-1].lower())] for k in starts), None)
            found = found or people.get((words[0].lower(), words[-1].lower()))
            target = found if found is not None and found.id != entity.id else None
        elif len(words) == 1 and (entity.type == "Person" or not _after_the(span)):
            word = words[0].lower()
            # a given name alone is the person's, when NER typed it a person, or a place no gazetteer
            # knows that the census knows as a given name ("Elton plays …" beside "Sir Elton John")
            given = entity.type == "Person" or entity.type == "Location" and gazetteer.get(entity.id) is None \
                and gazetteer.gender(words[0].capitalize()) is not None
            ids = by_surname.get(word) or (by_given.get(word) if given else None)
            if ids and len(ids) == 1 and (entity.type != "Country" or span.text[:1].isupper()):
                target = targets[next(iter(ids))]
        if target is not None and gazetteer.get(entity.id) is entity and entity.type != "Person" and entity.type != "Location":
            target = None  # a state or a body the gazetteer knows by this word is not a surname
        if target is None and len(words) == 1 and words[0] in defined and defined[words[0]].id != entity.id:
            target = defined[words[0]]  # "Federal Bureau of Investigation (FBI)": the short form so defined
        if target is None and index in heads:
            target = heads[index]  # "the Commission", "EC Commission" after "European Community Commission"
        if target is None and len(words) == 1 and " " not in entity.id and gazetteer.get(entity.id) is None and entity.type != "Person" \
                and words[0].lower() not in by_surname and words[0].lower() not in by_given and span.text.lower() not in named_people:
            target = first_word_of_body(words[0], bodies, entity, _after_the(span))  # "McDonnell" beside "McDonnell Douglas"
        if target is None and len(words) == 1 and entity.type in ("Organization", "ArmedGroup"):
            word = words[0]
            found = initials.get(word) if word.isupper() and len(word) > 1 else last_words.get(word.lower())
            # a short form: "the Fed" after "the Federal Reserve Board"
            found = found or {b for b in bodies if _clipped(word, b)}
            body = bodies[next(iter(found))] if found and len(found) == 1 else None
            # a state's or body's short form the gazetteer knows stays itself, unless it is
            # the same body ("FBI" beside "Federal Bureau of Investigation": one code)
            if body is not None and body.id != entity.id and \
                    (gazetteer.get(entity.id) is not entity or entity.code is not None and body.code == entity.code):
                target = body  # "ADB" after "Asian Development Bank", "Patriots"
        first = words[0].lower() if words else ""
        stem = stems.get(canonical_name(span.text).lower())
        if stem is not None and entity.id != stem.id and gazetteer.get(entity.id) is not entity:
            target = stem  # "Baker Hughes" beside "Baker Hughes Inc"
            decided.add(stem.id)
        elif len(companies.get(first, ())) == 1 and gazetteer.get(entity.id) is not entity:
            company = company_entities[next(iter(companies[first]))]
            if len(words) == 1:
                if not names_its_own_thing(words[0], span, entity):
                    target = company  # "Hughes" after "Hughes Tool Co"
            elif entity.type == "Person" and entity.id != company.id:
                target = replace(entity, type="Organization")  # "Baker Hughes", a company of company names
            if target is not None:
                decided.add(target.id)
        elif len(words) == 1 and first in companies and entity.type == "Person" and gazetteer.get(entity.id) is not entity:
            target = replace(entity, type="Organization")  # "Baker" beside two Baker companies: a company still
            decided.add(target.id)
        if target is not None and (target.id != entity.id or target.type != entity.type):
            entity = replace(target, role=target.role or entity.role, affiliation=target.affiliation or entity.affiliation)
        merged.append(entity)
    return merged, decided


# Names NER glued together from a list or a run of names are no one's full name: "Biden
# Sanders" ("Biden, Sanders"), "Trump Donald", "Trump Trump", "Vladimir Putin-Donald Trump" —
# its first word is another full name's surname and its last another's name, or it ends with
# another full name; kept, such a "person" makes the bare surname "Sanders" ambiguous.
def glued_name(key: tuple[str, str], people: dict[tuple[str, str], Entity]) -> bool:
    first, last = key
    others = [other for other in people if other != key]
    if first == last:
        return True
    if any(first == o_last for _, o_last in others) and any(last in other for other in others):
        return True
    words = re.split(r"[\s-]+", people[key].id.lower())
    return any(len(words) > 2 and words[-2:] == [o_first, o_last] and o_first != first for o_first, o_last in others)


# a body's first word alone names it: "McDonnell said" after "McDonnell Douglas said" (one body of
# the article begins with the word, which is no common word's capital: not "New", "First")
def first_word_of_body(word: str, bodies: dict[str, Entity], entity: Entity, after_the: bool = False) -> Entity | None:
    if not word[:1].isupper() or word.lower() in FIRST_WORDS_OF_MANY or after_the or \
            entity.type in ("Location", "Country"):
        return None  # see names_its_own_thing
    found = [body for body in bodies.values() if body.id != entity.id and body.id.split()[0].lower() == word.lower()]
    return found[0] if len(found) == 1 else None


# Capitalised first words of many bodies' names: alone they name none of them ("House" and
# "Senate" begin the names of their many committees).
FIRST_WORDS_OF_MANY = frozenset("""new first national american united general federal international royal central
    the north south east west great british european world state bank air house senate""".split())


def names_its_own_thing(word: str, span: Span, entity: Entity) -> bool:
    """Whether a body's first word, alone, still names a thing of its own, not that body: the
    place the body is named after ("Louisville" beside the "Louisville Courier-Journal",
    "Kentucky" beside the "Kentucky BOE"), a word written with "the" ("the House" beside the
    "House Intelligence Committee": a clipped company is never "the McDonnell"), or the first
    word of many bodies' names."""
    # "the" of the word itself, not of the noun it modifies ("the Oversight committee")
    own_the = _after_the(span) and span.root.dep_ not in ("compound", "amod")
    return entity.type in ("Location", "Country") or own_the or word.lower() in FIRST_WORDS_OF_MANY


def defined_short_forms(mentions: list[tuple[Span, Entity]]) -> dict[str, Entity]:
    """Short forms an article defines in parentheses after a body's name: "the Federal
    Bureau of Investigation (FBI)", "Securities Industry Association (SIA)" → the body."""
    defined: dict[str, Entity] = {}
    for span, entity in mentions:
        doc = span.doc
        if entity.type == "Person" or len(span) < 2 or span.end + 2 >= len(doc) or doc[span.end].text != "(":
            continue
        closing = next((t.i for t in doc[span.end + 1 : span.end + 4] if t.text == ")"), None)
        if closing is not None and closing > span.end + 1:
            defined.setdefault(doc[span.end + 1 : closing].text, entity)
    return defined


def named_in_plural(span: Span) -> bool:
    """Whether a body's name is a plural noun phrase, which "they" may refer to: "the Rangers",
    "United Nations"; not "Association for Payment Clearing Services" (its head is singular)."""
    root = span.root
    return root.tag_ in ("NNPS", "NNS") if root.tag_ else span[-1].tag_ in ("NNPS", "NNS")


def _shortens(short: list[str], long: list[str]) -> bool:
    """Whether a body's name is a shorter form of another with the same head word: each word
    before the head is one of the longer name's words or the initials of a run of them ("EC
    Commission" for "European Community Commission", "Commission" alone)."""
    if len(short) >= len(long) or short[-1].lower() != long[-1].lower():
        return False
    words = [w.lower() for w in long[:-1] if w.lower() not in ("of", "and", "the", "for", "&")]
    runs = {"".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return all(w.lower() in words or w.isupper() and w.lower() in runs for w in short[:-1])


def head_short_forms(mentions: list[tuple[Span, Entity]]) -> dict[int, Entity]:
    """A body's short form that is the head of a longer body's name in the same article is that
    body: "European Community Commission … the Commission … EC Commission" (by index into
    ``mentions``).  Of several such longer names, the latest before the short form (else the
    first after) is meant: "the Commission" of a piece that later names the "U.S. International
    Trade Commission" is the one named in its lead."""
    bodies = [(i, canonical_name(span.text).split(), entity) for i, (span, entity) in enumerate(mentions)
              if entity.type in ("Organization", "ArmedGroup")]
    found: dict[int, Entity] = {}
    for index, words, entity in sorted(bodies, key=lambda body: -len(body[1])):  # the longest names first
        if not words or not words[-1][:1].isupper() or words[-1].lower().rstrip(".") in COMPANY_FORMS:
            continue
        longer = [(i, e) for i, w, e in bodies if e.id != entity.id and _shortens(words, w)]
        # a longer name that is itself a short form of another stands for that one
        longer = [(i, found.get(i, e)) for i, e in longer]
        before = [e for i, e in longer if i < index]
        target = before[-1] if before else (longer[0][1] if longer else None)
        if target is not None:
            found[index] = target
    return found


def _clipped(word: str, body: str) -> bool:
    """Whether a capitalised word is a body's first word cut short: "Fed" for "Federal
    Reserve Board"."""
    first = body.split()[0]
    return len(word) >= 3 and word[:1].isupper() and not word.isupper() and len(first) > len(word) \
        and first.lower().startswith(word.lower())


def _definite(noun: Token) -> bool:
    """Whether a noun names one thing in particular: "the minister", "Scotland's minister"."""
    return any(c.dep_ == "poss" for c in noun.children) or [c.lower_ for c in noun.children if c.dep_ == "det"] == ["the"]


def is_dateline(span: Span) -> bool:
    """Whether a name is a wire dateline's place ("WASHINGTON, March 23 -"): where the story
    was filed, never the topic a pronoun refers to."""
    doc = span.doc
    return span.start <= 1 and span.text.isupper() and span.end < len(doc) and doc[span.end].text == ","


def _after_the(span: Span) -> bool:
    """Whether a name is written with "the" ("The Hague", "the Hague"): a place or a body, no surname."""
    return span.text.lower().startswith("the ") or span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause a word belongs to: "he" for "him" in "he would not meet him"."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ not in ("ROOT",) and verb.head is not verb:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    return subject


def reported_gender(span: Span) -> str | None:
    """The gender a person's own reported clause gives them: "Sanders said he would …" → m."""
    root = span.root
    if root.dep_ not in SUBJECT_DEPS or root.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    for clause in root.head.children:
        if clause.dep_ == "ccomp":
            pronoun = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she")), None)
            if pronoun is not None:
                return PRONOUN_AGREEMENT[pronoun.lower_]
    return None


# Kin nouns that give a person's gender.
KIN_GENDERS = {"son": "m", "father": "m", "husband": "m", "brother": "m", "nephew": "m", "grandson": "m", "uncle": "m",
               "daughter": "f", "mother": "f", "wife": "f", "sister": "f", "niece": "f", "granddaughter": "f", "aunt": "f"}


# A name in apposition with a kin noun has its gender: "whose son, Antwon Rose, was killed"
# (she is not Antwon Rose), "his wife, Anne Holton", "Anne Holton, Kaine's wife".
def kin_gender(span: Span) -> str | None:
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in KIN_GENDERS:
        return KIN_GENDERS[root.head.lemma_.lower()]
    nouns = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in KIN_GENDERS]
    return KIN_GENDERS[nouns[0].lemma_.lower()] if nouns else None


# Offices one person holds, as a definite description refers to them ("the governor"); and
# the abbreviations of titles before a name ("Gov. Chris Christie", "Sen. Warren").
ROLE_NOUNS = HELD_OFFICES | {"senator", "congressman", "congresswoman", "representative", "speaker", "chancellor", "king",
                             "queen", "pope", "judge", "general", "spokesman", "spokeswoman", "chairman", "chairwoman",
                             "prosecutor", "attorney", "sheriff"}
TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president", "gen": "general",
                       "sec": "secretary", "amb": "ambassador", "supt": "superintendent"}
# Words that make an office another one: the vice president is not the president.
OFFICE_PREFIXES = {"vice", "prime", "deputy", "assistant", "lieutenant", "under", "attorney", "shadow"}


def _office_word(words: list[str]) -> str | None:
    """The office a title's words name, by its last word: "New York City Mayor" → mayor,
    "Gov." → governor, "Vice President" → vice president (another office)."""
    words = [TITLE_ABBREVIATIONS.get(w.lower().strip("."), w.lower().strip(".")) for w in words if w.strip(".-")]
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    if len(words) > 1 and words[-2] in OFFICE_PREFIXES:
        return f"{words[-2]} {words[-1]}"
    return OFFICE_SYNONYMS.get(words[-1], words[-1])


# Office words that name one office: "Rep. Diana DeGette … the congresswoman"
OFFICE_SYNONYMS = {"congressman": "representative", "congresswoman": "representative"}
# Office words with a gender: "the congresswoman" is none of the men who hold the office
OFFICE_GENDERS = {"congressman": "m", "congresswoman": "f", "chairwoman": "f", "spokesman": "m", "spokeswoman": "f"}


# Words that make a title a past one: "former President Bill Clinton", "then-President Richard
# Nixon", "the late King Hussein", "ex-chairman".
PAST_TITLE_WORDS = frozenset({"former", "then", "late", "ex", "erstwhile", "onetime", "one-time"})


def past_office(office: str | None, title_tokens: Iterable[Token]) -> str | None:
    """A past holder's office is another office than the present one: "former president" is
    what "then-President Richard Nixon" held, which a bare "the president" does not name
    ("the former president" does)."""
    if office is None or not any(t.lower_.strip("-") in PAST_TITLE_WORDS for t in title_tokens):
        return office
    return f"former {office}"


def office_of(span: Span) -> str | None:
    """The office a person's mention gives them, when it is no office of a body or place the
    title names: a title before the name ("Gov. Chris Christie", "President Donald Trump"), an
    apposition after it ("Jo Smith, the governor"), or a description the name is in apposition
    to ("the president, George W. Bush").  "Family Research Council President Tony Perkins",
    "Chinese President Xi Jinping", "Pete Buttigieg, the former mayor of South Bend" hold an
    office of another's, which a bare "the president" or "the mayor" does not name."""
    title, affiliation = title_of(span)
    root = span.root
    if title:
        written = [w for w in title.replace("-", " ").split() if w.lower() not in TITLE_NOISE]
        words = without_chamber(written)
        office = _office_word(words)
        if len(words) < len(written) or office == "speaker" and affiliation is not None and is_chamber(affiliation.label):
            affiliation = None  # the speaker's own chamber
        if office:
            name_start = next((e.start for e in span.doc.ents if e.label_ == "PERSON" and span.start <= e.start < span.end), span.start)
            before = [t for t in root.subtree if t.i < name_start] + \
                [t for c in root.children if c.dep_ == "appos" and c.i >= span.end for t in c.lefts]
            return past_office(office, before) if affiliation is None and len(words) == len(office.split()) else None
    for appos in (c for c in root.children if c.dep_ == "appos" and c.i >= span.end):
        office = _office_word([t.text for t in appos.lefts if t.dep_ in ("compound", "amod") and t.lower_ in OFFICE_PREFIXES] + [appos.text])
        if office:
            return None if _affiliated_description(appos) else past_office(office, appos.lefts)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        office = _office_word([t.text for t in root.head.lefts if t.dep_ in ("compound", "amod") and t.lower_ in OFFICE_PREFIXES] + [root.head.text])
        return None if _affiliated_description(root.head) else past_office(office, root.head.lefts)
    return None


# Offices held for a place below a state, whose title names the place: "Kentucky Gov. Matt
# Bevin", "New York City Mayor Bill de Blasio", "Ohio Sen. Jane Roe" (unlike "Chinese President
# Xi Jinping", whose state sets him apart from the article's own president)
PLACE_OFFICES = {"governor", "lieutenant governor", "mayor", "senator", "representative", "sheriff"}


# a person named before a description in its sentence, not as a subject, may be the one meant:
# "a renewed attack on McCain, in a tweet … in which the senator promised" (not "Maine senator
# Susan Collins" named further back); a subject is not ("Josh Trosper blasted the governor")
def rival_before(token: Token, holder: Entity) -> bool:
    """Whether another person is named in the description's sentence before it, not as a subject."""
    return any(t._.kg_mention is not None and t._.kg_mention.entity.type == "Person" and t._.kg_mention.entity.id != holder.id
               and t.dep_ not in SUBJECT_DEPS and t.dep_ in ("pobj", "dobj", "dative", "appos", "conj", "poss")
               for t in token.sent if t.i < token.i)


def place_office_of(span: Span) -> tuple[str, Entity] | None:
    """The office and place of a title that names where its office is held (a Location, no
    state): "Former Kentucky Gov. Matt Bevin" → ("former governor", Kentucky)."""
    title, place = title_of(span)
    if not title or place is None or place.type != "Location":
        return None
    written = [w for w in title.replace("-", " ").split() if w.lower() not in TITLE_NOISE]
    words = [w for w in written if w.strip(".") not in place.label.replace(".", "").split()]
    office = _office_word(words)
    if office not in PLACE_OFFICES or len(words) != len(office.split()):
        return None
    name_start = next((e.start for e in span.doc.ents if e.label_ == "PERSON" and span.start <= e.start < span.end), span.start)
    return past_office(office, [t for t in span.root.subtree if t.i < name_start]), place


# Chambers whose presiding officer is "the speaker": "House Speaker John Boehner … The speaker said".
CHAMBER_WORDS = {"house", "assembly", "parliament", "commons", "senate", "chamber"}


def without_chamber(words: list[str]) -> list[str]:
    """A speaker's title without the chamber he presides over, which is part of the office and
    no body of another's: "House Speaker" is the speaker ("Family Research Council President"
    stays an office of a body)."""
    if len(words) == 2 and words[0].lower() in CHAMBER_WORDS and words[1].lower() == "speaker":
        return words[1:]
    return words


def is_chamber(name: str) -> bool:
    """A legislative chamber's name: "House", "the House of Representatives", "Assembly"."""
    words = name.lower().split()
    return bool(words) and (words[0] in CHAMBER_WORDS or words[0] == "the" and len(words) > 1 and words[1] in CHAMBER_WORDS)


def _affiliated_description(noun: Token) -> bool:
    """Whether a description of an office names whose it is: "the mayor of South Bend", "their
    president", "the Ohio governor"."""
    return any(c.dep_ in ("poss", "nmod") or c.dep_ == "prep" and c.lower_ == "of" or
               c.dep_ in ("compound", "amod") and c.lower_ not in OFFICE_PREFIXES and c.lower_ not in TITLE_NOISE
               for c in noun.children)


def description_office(token: Token) -> str | None:
    """The office a definite description names: "the governor", "the Republican governor",
    "the vice president"; not "a senator", "senators", "Ohio's governor" (another's), "the
    governor's" own office as a title before a name ("the Governor Andrew Cuomo")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS") or token.dep_ in ("compound", "appos"):
        return None
    if [c.lower_ for c in token.children if c.dep_ == "det"] != ["the"]:
        return None
    if any(c.dep_ in ("poss", "appos", "nmod") or c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "the governor of Ohio", "the president, Joe Biden": another one, or named
    prefixes = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.lower_ in OFFICE_PREFIXES]
    return past_office(_office_word([*prefixes[-1:], token.text]), token.lefts)


def description_modifiers(token: Token) -> set[str]:
    """Modifiers of an office description that narrow it to one holder's title ("the foreign
    minister"): not a party or a nationality ("the Republican governor"), nor "former", "new"."""
    return {c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.lower_ not in OFFICE_PREFIXES
            and c.lower_ not in TITLE_NOISE and c.ent_type_ != "NORP" and c._.kg_mention is None and c.is_alpha}


def person_title_words(person: Entity) -> list[str]:
    return (person.role or "").lower().replace("-", " ").split()


def share_group(token: Token) -> Token | None:
    """The group of a share: "Democrats" in "20% of registered Democrats" (a percentage
    followed by the group it counts)."""
    if token.ent_type_ != "PERCENT" or token.pos_ not in ("NOUN", "NUM"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj._.kg_mention is not None and pobj._.kg_mention.entity.type in ("Group", "Country", "Organization"):
                return pobj
    return None


def is_bare_share(token: Token) -> bool:
    """A share that names no group of its own: "Another 19%", "12%" (elliptical for the group
    an earlier share counted)."""
    return token.ent_type_ == "PERCENT" and token.pos_ in ("NOUN", "NUM") and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


# Plural nouns of "the two …" and the kinds of actor they stand for.
PAIR_NOUNS = {
    **{w: ("Person",) for w in ("men", "women", "leaders", "candidates", "rivals", "senators", "politicians", "presidents",
                                "ministers", "officials", "players", "brothers", "sisters", "sides")},
    **{w: ("Country",) for w in ("countries", "nations", "states", "governments", "neighbours", "neighbors", "allies")},
    **{w: ("Organization",) for w in ("companies", "firms", "banks", "groups", "parties", "organizations", "organisations")},
}


def pair_kinds(head: Token) -> tuple[str, ...] | None:
    """The kinds of actor "the two" stands for, when ``head`` is such a description: "the two"
    (any one kind), "both" as a subject, "the two men", "the two countries"."""
    det = [c.lower_ for c in head.children if c.dep_ == "det"]
    if head.lower_ == "two" and det == ["the"]:
        return ("Person", "Country", "Organization", "Group")
    if head.lower_ == "both" and head.dep_ in SUBJECT_DEPS and not list(head.children):
        return ("Person", "Country", "Organization", "Group")
    if head.lower_ in PAIR_NOUNS and det == ["the"] and any(c.dep_ == "nummod" and c.lower_ == "two" for c in head.children):
        return PAIR_NOUNS[head.lower_]
    return None


# Nouns that describe one actor by a role or a tie, which an apposition may name: "their
# immediate past president, George W. Bush", "his rival, Ted Cruz", "its parent, Hughes Tool Co".
DESCRIPTION_NOUNS = ROLE_NOUNS | {
    "rival", "ally", "opponent", "challenger", "successor", "predecessor", "wife", "husband", "son", "daughter", "father",
    "mother", "brother", "sister", "friend", "partner", "aide", "adviser", "advisor", "lawyer", "founder", "owner", "boss",
    "deputy", "colleague", "critic", "supporter", "nominee", "candidate", "lawmaker", "parent", "subsidiary", "unit",
    "affiliate", "company", "firm", "bank", "group", "party", "country", "neighbour", "neighbor", "leader", "head", "chief"}


def appositive_name(head: Token) -> Token | None:
    """The one name in apposition to a singular description of an actor: "their immediate past
    president, George W. Bush", "his rival, Ted Cruz" (not a list: "networks (ABC, CBS and
    NBC)", nor a thing: "his signature initiative, Obamacare"); or the name a noun classifies,
    written right after it with no comma (:func:`close_appositive`): "Taiwan's state oil
    refiner CPC", "the tanker Front Altair"."""
    if head.pos_ != "NOUN" or head.tag_ not in ("NN", "") or head._.kg_mention is not None:
        return None
    close = close_appositive(head)
    if close is not None:
        return close
    if head.lower_ not in DESCRIPTION_NOUNS and head.lower_ not in agent_nouns():
        return None
    for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
        if appos._.kg_mention is not None and appos._.kg_mention.entity.type != CONCEPT and not appos.conjuncts:
            return appos
    return None


def close_appositive(head: Token) -> Token | None:
    """The name in close apposition to a common noun, the noun only saying what kind of thing the
    name is: "state oil refiner CPC", "the tanker Front Altair", "his lawyer Michael Cohen" (the
    name's words follow the noun at once, with no comma or parenthesis between; one name, not a
    list)."""
    for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
        if appos.left_edge.i != head.i + 1 or appos.conjuncts:
            continue
        mention = appos._.kg_mention
        if mention is not None and mention.entity.type != CONCEPT and all(t.pos_ == "PROPN" for t in appos.subtree):
            return appos
    return None


# Heads that pick one out of a group: "the fifth member of the court", "one of the suspects".
SINGLE_PARTITIVES = {"member", "one"}


def partitive_appositive(head: Token) -> Token | None:
    """The one name in apposition to a singular partitive head, which names the one picked out
    of the group its "of" phrase names: "the fifth member of the court, Menis Ketchum", "one of
    the suspects, Ahmed Ali" (not a list: "two of them, Ali and Omar")."""
    if head.lower_ not in SINGLE_PARTITIVES or partitive_of(head) is None:
        return None
    found = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and c._.kg_mention is not None
             and c._.kg_mention.entity.type != CONCEPT and not c.conjuncts]
    return found[0] if len(found) == 1 else None


# Bodies a person belongs to, which do not act for the person as an administration does:
# "Sen. Bill Cassidy said his chamber plans to …" (the Senate plans it, not Cassidy), and the
# people under a person, who act as themselves: "has been picked up by Trump's lieutenants".
MEMBER_BODIES = frozenset({"party", "parties", "club", "clubs", "faction", "factions", "union", "unions",
                           "chamber", "chambers", "caucus", "caucuses", "delegation", "delegations", "deputy", "deputies"})
# People beside or under someone, who are never that someone, whoever the owner (NER may call a
# person's name an organisation: "Trump's lieutenants").
PEER_NOUNS = frozenset({"colleague", "colleagues", "lieutenant", "lieutenants", "ally", "allies"})


# Nouns that describe a body an "it" later in the sentence goes on with.
DESCRIBED_BODIES = frozenset({
    "company", "firm", "bank", "agency", "group", "corporation", "business", "organization", "organisation",
    "committee", "board", "council", "government", "administration", "ministry", "department", "court", "union",
    "network", "newspaper", "paper", "station", "university", "hospital", "carrier", "airline", "retailer", "insurer",
    "lender", "utility", "automaker", "manufacturer", "maker", "producer", "charity", "club", "league", "army", "party",
})
# Clauses that go on with their governing clause's subject.
CONTINUING_CLAUSES = {"ccomp", "xcomp", "advcl", "conj"}


# "it" as the subject of a clause under one whose subject is a described body: "the company must
# also implement measures to ensure it has adequate systems" (the company, not a body named in the
# sentence before)
def governing_description(pronoun: Token) -> Token | None:
    """The singular description of a body that is the subject of the clause governing the clause
    ``pronoun`` ("it") is the subject of, through complement, purpose or coordinated clauses."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    while True:
        if clause.dep_ in CONTINUING_CLAUSES and clause.head.pos_ in ("VERB", "AUX") and clause.head is not clause:
            governor = clause.head
        elif object_purpose(clause):
            governor = clause.head.head  # "implement measures to ensure it …", parsed on the noun
        else:
            return None
        if governor.lemma_.lower() in REPORTING_VERBS:
            return None  # a reported clause: the reporter's rules say who "it" is ("sued the firm, saying it …")
        clause = governor
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            head = subjects[0]
            if (head.pos_ == "NOUN" and head.tag_ == "NN" and head._.kg_mention is None
                    and head.lemma_.lower() in DESCRIBED_BODIES and any(c.dep_ in ("det", "poss") for c in head.children)):
                return head
            return None


# an infinitive on a verb's direct object: "implement measures to ensure …"
def object_purpose(clause: Token) -> bool:
    return (clause.dep_ in ("relcl", "acl") and clause.head.dep_ == "dobj" and clause.head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def member_body(head: Token, owner: Entity) -> bool:
    """A person's party or club is a body the person is one of: "Adam Schiff … warned his party
    would relaunch the probe" is no act of Schiff's (while "his administration" acts for him)."""
    return owner.type == "Person" and head.lower_ in MEMBER_BODIES or head.lower_ in PEER_NOUNS


def member_appositive(head: Token) -> Token | None:
    """The one person named beside a singular party or group member word: "the House
    Intelligence Committee's top Democrat, Adam Schiff, warned", "a Republican, Jo Walden,
    said" (one member, named; the group's word alone stands for the group)."""
    mention = head._.kg_mention
    if mention is None or mention.entity.type != "Group" or head.tag_ not in ("NNP", "NN") or head.pos_ not in ("PROPN", "NOUN"):
        return None
    found = [c for c in head.children if c.dep_ == "appos" and c.i > head.i and c._.kg_mention is not None
             and c._.kg_mention.entity.type == "Person" and not c.conjuncts]
    return found[0] if len(found) == 1 else None


def main_clause_subject(token: Token) -> bool:
    """Whether a subject (or a conjunct of one) is the subject of its sentence's main clause
    (or of a verb coordinated with it): "Sanders" in "Sanders said Biden was wrong", not "Biden"."""
    if token.dep_ == "conj" and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return token.dep_ == "ROOT"
    verb = token.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


# an object "them" after a plural thing of its own or a coordinated clause: "Cohen said he had
# seen Trump's tax returns, but had not gone through them" (the returns, not the Democrats named
# before)
def plural_thing_before(pronoun: Token) -> bool:
    """Whether the nearest plural noun before ``pronoun``, in the pronoun's clause or one
    coordinated with it, names things (no name, no person or agent noun)."""
    verb = governing_verb(pronoun)
    if verb is None:
        return False
    clauses = {verb.i, *(c.i for c in verb.conjuncts)}
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.tag_ in ("NNS", "NNPS") and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "attr"):
            own = governing_verb(token)
            if own is None or own.i not in clauses:
                return False
            return token._.kg_mention is None and token.pos_ == "NOUN" and not is_person_noun(token) and not is_agent_word(token)
        if token._.kg_mention is not None and token.dep_ not in ("poss", "compound", "amod"):
            return False  # a name nearer than any plural noun
    return False


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause ``token`` is an argument of (through prepositions and conjuncts)."""
    head = token.head
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.head is head:
            return None
        head = head.head
    return None


def coordinated_owner(pronoun: Token) -> Token | None:
    """The conjunct before a noun a possessive pronoun owns: "tax returns from the president and
    his company", "Trump and his family" (the first conjunct owns the second)."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN") or noun.head.i > pronoun.i:
        return None
    return noun.head


def quoted_names(pronoun: Token) -> set[str]:
    """The names inside the quotation marks of a sentence whose speech verb, outside them, has
    ``pronoun`` as its subject: whoever a quotation mentions is not who says it ("“… the way
    Republicans were during Obama's term …,” he said": he is not Obama), also of a verb of
    any sound the parse hangs the quotation on ("“Nader,” she wailed": she is not Nader)."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS:
        return set()
    marks = quote_marks(pronoun.sent)
    if not marks or inside_quotes(pronoun, marks):
        return set()
    if verb.lemma_.lower() not in REPORTING_VERBS and not any(inside_quotes(c, marks) for c in verb.children if not c.is_punct):
        return set()
    return {t._.kg_mention.entity.id for t in pronoun.sent if t._.kg_mention is not None and inside_quotes(t, marks)}


def reported_names(pronoun: Token) -> set[str]:
    """The names inside a reported clause set before its tag, when ``pronoun`` is the tag's
    subject: whoever a speaker's words mention is not the speaker ("Besides Baker's statements,
    trade tensions had caused the dollar's fall, he said": he is not Baker)."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in REPORTING_VERBS or abs(pronoun.i - verb.i) > 2:
        return set()
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < pronoun.i]
    named = [t for c in clauses for t in c.subtree if t._.kg_mention is not None and t.i < pronoun.i and t.pos_ == "PROPN"]
    speakers = {t._.kg_mention.entity.id for t in named if t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in REPORTING_VERBS}
    return {t._.kg_mention.entity.id for t in named} - speakers  # an earlier speaker may speak again


# Verbs whose direct object is what is said, thought or done, never the one it is said to:
# "he said it again", "they might as well do it sooner", "as Carusone described it".
CONTENT_VERBS = {"say", "add", "announce", "state", "claim", "report", "note", "explain", "argue", "deny", "confirm",
                 "predict", "believe", "think", "write", "declare", "acknowledge", "admit", "suggest", "repeat",
                 "mention", "discuss", "describe", "do", "doubt", "know", "understand"}


def content_it(pronoun: Token) -> bool:
    """An object "it" of a verb of saying, thinking or doing: what was said or done, no actor
    ("And he said it again on Friday" is the remark, not CNN)."""
    return pronoun.lower_ == "it" and pronoun.dep_ == "dobj" and pronoun.head.lemma_.lower() in CONTENT_VERBS


def dummy_it(pronoun: Token) -> bool:
    """An "it" that stands for no actor: the subject of "be" with a plural complement ("It's
    not just policy shortcomings": no body is several things), or with a finite clause put
    after it ("it was unclear whether …", "it is likely that …").  (With an infinitive after
    it the one who would act is left to the reader: "If GATT accepted China, it would be hard
    not to accept the Soviet Union" — GATT, read through the "it".)"""
    verb = pronoun.head
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    return (any(c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS") for c in complements)
            or any(finite_clause(c) and c.i > verb.i for node in (verb, *complements) for c in node.children
                   if c.dep_ in ("ccomp", "csubj")))


def idiom_it(pronoun: Token) -> bool:
    """The "it" of a verb with "out" after it, which stands for the contest or the trouble and
    no actor: "will battle it out for the award", "fight it out", "tough it out", "ride it out"."""
    if pronoun.lower_ != "it" or pronoun.dep_ != "dobj":
        return False
    following = pronoun.doc[pronoun.i + 1] if pronoun.i + 1 < len(pronoun.doc) else None
    return following is not None and following.lower_ == "out" and following.head == pronoun.head and \
        following.dep_ in ("prt", "advmod")


def finite_clause(verb: Token) -> bool:
    """A clause with a subject or a subordinating word of its own, not a bare infinitive."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in verb.children)


def reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports a pronoun's clause: "Obama" for "he" in "Obama
    said he would not go", "Hartford" for "it" in "Hartford said it earned …"."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "conj") or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.pos_ == "PRON":
        subject = relative_antecedent(subject)
    return subject


# A relative pronoun stands for the noun its clause modifies: "Giuliani, who has said he was
# working …" (also a second "and who …" the parser hung on the main verb: the first one's noun).
def relative_antecedent(pronoun: Token) -> Token | None:
    if pronoun.lower_ not in ("who", "which", "that"):
        return None
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    earlier = [t for t in pronoun.sent[: pronoun.i - pronoun.sent.start]
               if t.lower_ == pronoun.lower_ and t.dep_ in SUBJECT_DEPS and t.head.dep_ == "relcl"]
    return earlier[-1].head.head if earlier and pronoun.i > 0 and pronoun.doc[pronoun.i - 1].lower_ == "and" else None


# The subject's coordinated names, also through an apposition: "Max Rose, Democrat of New
# York, and Dean Phillips … were seen confronting him" (him is neither of them).
def subject_conjuncts(subject: Token) -> list[Token]:
    found, todo = [], [subject]
    while todo:
        node = todo.pop()
        for child in node.children:
            if child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                found.append(child)
                todo.append(child)
    return found


# A subject pronoun is not the object of its own clause: "If he were to fire Mueller" (he is
# not Mueller), "she met Smith", "she campaigned with Clinton"; the objects of its verb and of the
# infinitives it governs, and the names after their prepositions.
def own_clause_objects(pronoun: Token) -> list[Token]:
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in PRONOUN_AGREEMENT:
        return []
    objects, verbs = [], [pronoun.head]
    while verbs:
        verb = verbs.pop()
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj"):
                objects.append(child)
            elif child.dep_ == "xcomp":
                verbs.append(child)
            elif child.dep_ in ("prep", "agent"):
                # a name after the verb's preposition: "She has campaigned with Clinton" (she is not Clinton)
                objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


# A main clause's subject pronoun goes on with the same pronoun as the subject of the
# adverbial clause before it: "If he were to fire Mueller, he would endanger …", "When she
# arrived, she said …" (one person, whoever the first one is).
def fronted_clause_pronoun(pronoun: Token) -> Token | None:
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in ("he", "she", "they", "it"):
        return None
    for clause in pronoun.head.children:
        if clause.dep_ == "advcl" and clause.i < pronoun.i:
            earlier = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if earlier is not None and earlier.lower_ == pronoun.lower_ and earlier.i < pronoun.i:
                return earlier
    return None


# Whoever speaks a quotation is not a third person inside it: "“He lied to us,” Smith said"
# (he is not Smith, who would have said "I"): the speech verb's subject outside the marks.
# Only a whole quotation, opening its sentence or after a colon or comma, not the writer's
# partial quote "Taylor says Brown “began … near her”" (her is Taylor).
def quoting_speaker(pronoun: Token) -> Token | None:
    if pronoun.lower_ not in ("he", "him", "his", "she", "her"):
        return None
    marks = quote_marks(pronoun.sent)
    if not marks or not inside_quotes(pronoun, marks):
        return None
    opening = [m for m in marks if m.i < pronoun.i]
    if opening and opening[-1].i > pronoun.sent.start and pronoun.doc[opening[-1].i - 1].text not in (":", ","):
        return None
    for verb in pronoun.sent:
        if verb.lemma_.lower() in REPORTING_VERBS and not inside_quotes(verb, marks):
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside_quotes(c, marks)), None)
            if subject is not None and subject.i != pronoun.i:
                return subject
    return None


# A speaker's own body, for "the company" or "the group" of what they say: "Mikael Dolsten,
# Pfizer's chief scientific officer, told CNBC that the company expects …", "Marjorie
# Dannenfelser, president of the Susan B. Anthony List, said the group is pleased" (the body
# named in the speaker's apposition or title, not the last one the article named).
def speakers_body(head: Token) -> Entity | None:
    lower = head.lower_
    types = ("Organization",) if lower in KIND_DESCRIPTIONS else DEFINITE_DESCRIPTIONS.get(lower)
    if types is None or head.dep_ not in SUBJECT_DEPS or [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
        return None
    clause = head.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
    if speaker is None or speaker._.kg_mention is None or speaker._.kg_mention.entity.type != "Person":
        return None
    bodies = {t._.kg_mention.entity.id: t._.kg_mention.entity for t in speaker_phrase(speaker)
              if t._.kg_mention is not None and t._.kg_mention.entity.type in types}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def speaker_phrase(speaker: Token) -> list[Token]:
    """A speaker's name with its title and apposition, not the clauses hung on it."""
    found, todo = [], [speaker]
    while todo:
        node = todo.pop()
        found.append(node)
        todo.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj", "cc"))
    return found


def reported_clause(token: Token) -> Token | None:
    """The verb of the clause a reporting verb of the same sentence reports, when ``token`` is
    inside it but is not its subject: "needs" for "he" in "Ruddock says Grewcock needs to review
    his actions after he kicked Peel"."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING_VERBS:
            return None if token.head.i == node.i and token.dep_ in SUBJECT_DEPS else node
        node = node.head
    return None


# Dependencies that lead out of a subject's own name: "the decision by Jones", "Obama's aide".
OFF_NAME_DEPS = {"prep", "pobj", "poss", "relcl", "acl", "advcl", "ccomp", "conj", "appos"}


def reported_subject_names(clause: Token) -> list[Token]:
    """The tokens that name a reported clause's subject, in order: its subject and the words of
    its own phrase (also a name the parser hung on a misread subject: "England lock Danny
    Grewcock needs …" read "lock" as a verb), not a name inside a modifier ("the decision by Jones")."""
    names = []
    for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
        for token in subject.subtree:
            node = token
            while node.i != subject.i and node.dep_ not in OFF_NAME_DEPS:
                node = node.head
            if node.i == subject.i:
                names.append(token)
    return sorted(names, key=lambda t: t.i)


def _has_modifier(head: Token) -> bool:
    """A description narrowed by a modifier names another body: "the state Supreme Court",
    "the central bank", "the company's board" is not "the company"."""
    return any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children)
