"""Documents → statements: parse, resolve entities, read relations, in this process.

What a worker process runs (:func:`extract_lines`), and the one-text API
(``kg.extract``).  This is the module that imports spaCy; the build's own process imports
it only when it parses itself (small inputs), so a build whose workers parse never does.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import json
import logging
from collections.abc import Iterable, Iterator

from kg import force_gate
from kg.attribution import (
    ClaimDenials, QuoteSpeakers, denied_claim, ends_open, speaks_on, speech_subject, starts_quoted, turn_speaker_name,
)
from kg.cleaning import turn_labels
from kg.dates import article_date, sentence_dates, statement_date
from kg.documents import MAX_DOCUMENT_CHARS, clean, headline
from kg.entities import CONCEPT, EntityResolver, names_a_person
from kg.errors import InputError, KGError
from kg.gate import PRONOUNS, gated
from kg.gazetteer import Curation, Gazetteer
from kg.headlines import repeats_body, title_span
from kg.nlp import ParsedDocument, load_model, parse
from kg.relations import plural_for_body, statements_from_sentence
from kg.types import Argument, Document, Entity, Statement

log = logging.getLogger(__name__)


def statements_from_parsed(parsed: ParsedDocument, resolver: EntityResolver) -> Iterator[Statement]:
    """All statements of one parsed document, headline first, then paragraphs and sentences in
    reading order, each through the precision gate and with its date (:mod:`kg.dates`)."""
    base = article_date(parsed.document.date)
    # Every paragraph's names first, so that a surname merges with a full name written
    # after it ("Can Merkel Hold On" … "Angela Merkel") and a name's type is voted over
    # the whole article.  The headline's names count too, but are placed after the text:
    # a pronoun or an office of the body ("Scotland's justice minister … Cathy Jamieson
    # said") is resolved within the body, as if there were no headline.
    title_offset = len(parsed.document.text) + 1
    for offset, doc in parsed.parts:
        resolver.annotate(doc, offset)
    if parsed.title is not None:
        resolver.annotate(parsed.title, title_offset)
    resolver.settle()
    quotes: QuoteSpeakers[Argument] = QuoteSpeakers()
    claims: ClaimDenials[Argument] = ClaimDenials()
    body: list[Statement] = []
    turns = TurnSpeakers(parsed.document.text, resolver)
    for offset, doc in parsed.parts:
        sentences = list(doc.sents)
        speakers = quotes.paragraph(sentences, quote_speaker_resolver(resolver, offset),
                                    new_paragraph=starts_paragraph(parsed.document.text, offset))
        voices = turn_voices(sentences, turns.speaker(offset, sentences), speakers)
        for sentence, (speaker, turn), previous, survey in zip(sentences, voices, quotes.previous, quotes.surveys):
            found = list(statements_from_sentence(sentence, resolver, doc_id=parsed.document.id, offset=offset,
                                                  quoted_by=speaker, last_speaker=previous, survey=survey, turn=turn))
            found += denials_in_sentence(sentence, claims, resolver, offset, speaker)
            claims.add(found)
            body += _dated(found, sentence, base)
    if parsed.title is not None:
        yield from title_statements(parsed, resolver, title_offset, body, base)
    yield from body


def quote_speaker_resolver(resolver: EntityResolver, offset: int):
    """How the speakers of quotations are resolved: as any argument, but a "they" that
    resolved to one body or person is nobody (``"…," they wrote`` are people, not the armed
    group named before: :func:`kg.relations.plural_for_body`)."""
    def resolve(token):
        found = resolver.argument(token, offset)
        return None if found is not None and plural_for_body(token, found) else found
    return resolve


def starts_paragraph(text: str, offset: int) -> bool:
    """Whether the part at ``offset`` opens a paragraph (not a piece of a long one cut, nor the
    words after a transcript's speaker label)."""
    return text[:offset].rstrip(" \t").endswith("\n") or not text[:offset].strip()


# Kinds of actor whose words a transcript's label may introduce besides people.
SPEAKING_BODIES = {"Organization", "ArmedGroup", "Group"}


class TurnSpeakers:
    """The speakers of the turns of one document's transcripts: the part of a paragraph after a
    speaker label ("Trump: I have to look at the group.", "KASICH: …") is that speaker's word
    (the label itself is not parsed: :func:`kg.cleaning.turn_pieces`), and so are the paragraphs
    after it that speak on in the first or second person.  Each label resolved is a mention of
    its speaker for the pronouns after it, as if it had been parsed."""

    def __init__(self, text: str, resolver: EntityResolver) -> None:
        self.resolver = resolver
        self.speakers: list[Entity] = []  # the people the labels so far named
        self.labels: dict[int, Argument | None] = {}  # speech start → the speaker its label names
        for label_start, speech_start, label in turn_labels(text, 0, len(text)):
            name = turn_speaker_name(label)
            found = self._person(label, name) if name is not None else None
            self.labels[speech_start] = found
            if found is not None:
                bisect.insort(resolver.history, (label_start, found.entity), key=lambda item: item[0])
        self.current: Argument | None = None  # the speaker of the turn going on

    def speaker(self, offset: int, sentences: list) -> Argument | None:
        """The speaker of the part of a paragraph at ``offset``: the one its label names, or the
        one of the turn before when it speaks on in that voice (:func:`kg.attribution.speaks_on`)."""
        if offset in self.labels:
            self.current = self.labels[offset]
        elif self.current is not None and not speaks_on(sentences, self.current.entity.id.split()[-1].lower()):
            self.current = None
        return self.current

    def _person(self, label: str, name: str) -> Argument | None:
        """The person a label names: one the article names with that surname ("TAPPER" is Jake
        Tapper) or given name alone ("HILLARY"), one whose initials it is ("HH" after "HUGH
        HEWITT:"), a full name of a known given name ("AMY GOODMAN"), or a body the dictionaries
        know ("CNN"); None for anything else ("LEFT:", "POLL:", "REPORTER:")."""
        surname = name.split()[-1].lower()
        people = [e for _, e in self.resolver.history if e.type == "Person"] + self.speakers
        entity = self.resolver.people_by_surname.get(surname) or next(
            (e for e in people if e.id.split()[-1].lower() == surname), None)
        if entity is None and " " not in name:
            called = {e.id: e for e in people if len(e.id.split()) > 1 and e.id.split()[0].lower() == surname}
            entity = next(iter(called.values())) if len(called) == 1 else None
        if entity is None and label.isupper() and 2 <= len(label) <= 3 and label.isalpha():
            # initials stand for a name whatever type NER gave it ("Reince Priebus" read as an organisation)
            named = [e for _, e in self.resolver.history if e.type != CONCEPT and " " in e.id] + self.speakers
            entity = next((e for e in reversed(named) if initials(e.id) == label), None)
        if entity is None:
            known = self.resolver.gazetteer.lookup(label)
            entity = known if known is not None and known.type in SPEAKING_BODIES else None
        if entity is None and 2 <= len(name.split()) <= 3 and self.resolver.gazetteer.gender(name.split()[0]) is not None:
            entity = Entity(id=name, label=name, type="Person")  # a transcript's speaker named nowhere else
        if entity is not None:
            self.speakers.append(entity)
        return Argument(label, entity) if entity is not None else None


def turn_voices(sentences: list, turn: Argument | None, carried: list) -> list[tuple]:
    """(quotation speaker, turn speaker) of each sentence of a part.  In a turn, every sentence
    is the speaker's, and a quotation in it keeps the speaker it names or carries; a turn that
    opens with a quotation is that quotation only, the speaker's own words ("TRUMP: “We have to
    open up our country.” — conference call with governors Tuesday": a fact check's quoted
    claim, then the writer's note of its source)."""
    if turn is None or not sentences:
        return [(speaker, None) for speaker in carried]
    if not starts_quoted(sentences[0], False):
        return [(speaker, turn) for speaker in carried]
    voices, was_open = [], False
    for sentence in sentences:
        voices.append((turn, turn) if starts_quoted(sentence, was_open) else (None, None))
        was_open = ends_open(sentence, was_open)
    return voices


def initials(name: str) -> str:
    """ "HH" for Hugh Hewitt."""
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()


def title_statements(parsed: ParsedDocument, resolver: EntityResolver, offset: int, body: list[Statement],
                     base) -> Iterator[Statement]:
    """The statements of the headline, marked ``from_title``: the headline as written is their
    sentence, and its place in the text their offsets (0 and 0 when the text does not hold it:
    a .jsonl record's title).  A fact the body states too is the body's (one statement per fact)."""
    document = parsed.document
    start, end = title_span(document.text, document.title) or (0, 0)
    person = lede_person(parsed, resolver)
    for sentence in parsed.title.sents:
        # a pronoun in a headline points at a kicker left out or at nothing ("North Korea's
        # Latest Threat: It Will Restart …"): such a statement is not read
        found = (dataclasses.replace(statement, subject=headline_subject(statement.subject, person), sentence=document.title,
                                     start=start, end=end, from_title=True, id="")
                 for statement in statements_from_sentence(sentence, resolver, doc_id=document.id, offset=offset)
                 if not any(argument is not None and _is_pronoun(argument.text) for argument in (statement.subject, statement.object)))
        yield from (statement for statement in _dated(found, sentence, base) if not repeats_body(statement, body))


# Nouns of one person's office or part that no person-like ending gives away.
PERSON_ROLES = frozenset({"president", "host", "chief", "head", "secretary", "candidate", "envoy", "aide", "judge", "mayor",
                          "boss", "executive", "exec", "nominee", "premier", "general", "commander", "diplomat", "official"})


def lede_person(parsed: ParsedDocument, resolver: EntityResolver) -> Entity | None:
    """The person the article's first sentence is about: the first person named as a clause's
    subject in it ("Bank of Zambia general manager Michael Mwape has accused the IMF …")."""
    if not parsed.parts:
        return None
    offset, doc = parsed.parts[0]
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    until = offset + first.end_char
    return next((entity for where, entity in sorted(resolver.history, key=lambda item: item[0])
                 if offset <= where < until and where in resolver.subjects and entity.type == "Person"), None)


def headline_subject(subject: Argument, person: Entity | None) -> Argument:
    """A headline's subject named by a role alone stands for the person the lede names:
    "ZAMBIAN CENTRAL BANKER CRITICISES IMF POLICIES" over "Bank of Zambia general manager
    Michael Mwape has accused …" (one person, a singular noun for people: "banker", "host",
    "congressman"; not "bankers", not a thing)."""
    if person is None or subject.entity.type != CONCEPT:
        return subject
    noun = subject.entity.id.split()[-1] if subject.entity.id else ""
    words = subject.text.split()
    # a common noun (lower case once the headline is truecased: not "Supreme Court") for one person
    if not words or words[-1] != noun or not (names_a_person(noun) or noun.endswith(("man", "woman")) or noun in PERSON_ROLES):
        return subject
    return Argument(subject.text, person)


def _is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def _dated(statements: Iterable[Statement], sentence, base) -> list[Statement]:
    """Each statement through the precision gate (marked, never dropped: kg/gate.py) and the force gate
    (a likely wrong force class held back: kg/force_gate.py), with its date."""
    dates = None
    out = []
    for statement in statements:
        if dates is None:
            dates = sentence_dates(sentence, base)
        day, source, words = statement_date(sentence, dates, statement.predicate.text, base,
                                            ahead=statement.modality in ("future", "intended"))
        checked = force_gate.checked(gated(statement, sentence))  # the precision gate, then the force gate
        out.append(dataclasses.replace(checked, date=day, date_source=source, date_text=words))
    return out


def denials_in_sentence(sentence, claims: ClaimDenials[Argument], resolver: EntityResolver, offset: int,
                        quoted_by: Argument | None) -> list[Statement]:
    """The claims a sentence denies, restated negated in the denier's (or reporter's) word:
    "Sanders disputes that claim" after "Warren has accused him of telling her …"."""
    denial = denied_claim(sentence)
    if denial is None:
        return []
    denier_token, verb, every = denial
    denier = resolver.argument(denier_token, offset)
    if denier is None:
        return []
    reporter = speech_subject(sentence, verb)
    source = (resolver.argument(reporter, offset) if reporter is not None else None) or quoted_by or denier
    start, end = offset + sentence.start_char, offset + sentence.end_char
    # the arguments by their names: the claim's own words ("him", "her") belong to its sentence
    named = lambda argument: argument if argument is None else Argument(argument.entity.label or argument.entity.id, argument.entity)  # noqa: E731
    return [dataclasses.replace(claim, id="", sentence=sentence.text, start=start, end=end, negated=True, modality=None,
                                subject=named(claim.subject), object=named(claim.object), attributed_to=source, gated=None,
                                date=None, date_source=None, date_text=None)
            for claim in claims.denials(denier, every, lambda a, b: a.entity.id == b.entity.id)]


def extract_documents(documents: Iterable[Document], *, curation: Curation | None = None) -> Iterator[tuple[Document, list[Statement]]]:
    """(document, its statements) for each document, streaming, in this process; worker
    processes run it too (see :func:`extract_lines`)."""
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return  # nothing to parse: do not load the model at all
    nlp, gazetteer = load_model(), Gazetteer.curated(curation)
    for parsed in parse(itertools.chain([first], documents), nlp=nlp, gazetteer=gazetteer):
        yield parsed.document, _statements_or_none(parsed, EntityResolver(nlp, gazetteer))


def _statements_or_none(parsed: ParsedDocument, resolver: EntityResolver) -> list[Statement]:
    """The statements of one document; none, and a warning naming it, when a rule fails on it:
    one document the rules cannot read must not stop a build of thousands (the next build
    with a changed extractor reads it again)."""
    try:
        return list(statements_from_parsed(parsed, resolver))
    except (RecursionError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        log.warning("%s: no statements read: the extractor failed on it (%s: %s)", parsed.document.id,
                    type(error).__name__, error)
        return []


def statement_line(statement: Statement) -> str:
    """A statement as its line of statements.jsonl."""
    return json.dumps(statement.to_record(), ensure_ascii=False) + "\n"


def extract_lines(documents: Iterable[Document], *, curation: Curation | None = None) -> Iterator[tuple[Document, list[str]]]:
    """(document, its statements.jsonl lines): what worker processes run and send back.
    Lines cross between processes far cheaper than Statement objects, and are made in
    the workers, in parallel, rather than in the process writing the outputs."""
    for document, statements in extract_documents(documents, curation=curation):
        yield document, [statement_line(statement) for statement in statements]


def extract(text: str, *, doc_id: str = "text") -> list[Statement]:
    """The statements of one text, e.g. ``kg.extract("Russia struck IS targets in Syria.")``."""
    if not isinstance(text, str):
        raise KGError("extract() takes a string of text")
    text = clean(text)
    if not text.strip():
        return []
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"text too long ({len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,}): split it")
    document = Document(id=doc_id, text=text, title=headline(text))
    return [s for _, statements in extract_documents([document]) for s in statements]
