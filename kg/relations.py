"""Dependency patterns → statements, with negation, modality and attribution kept.

One generator per construction, in the spirit of "one rule, one comment": each yields
:class:`Candidate` tuples (subject head, predicate tokens, object head) that
:func:`statements_from_sentence` turns into :class:`~kg.types.Statement` records.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.attribution import FIRST_PERSON, is_allegation_source, speech_subject  # noqa: F401 (re-exported)
from kg.clauses import SUBJECTS, auxiliaries, is_purpose, own_subjects  # noqa: F401 (re-exported)
from kg.entities import CONCEPT, EntityResolver, agent_nouns, partitive_of, phrase_tokens
from kg.events import event_type, is_known_verb, noun_event_type, specific_event
from kg.modality import (  # noqa: F401 (re-exported: negation, modality and attribution live in their own stages)
    CONDITIONAL_MARKS, GOVERNING_EVENTS, GOVERNOR_MODALITY, MODAL_AUX, SPEECH_VERBS, governor, is_negated, noun_hedge,
    own_modality, polarity_and_modality, reported_in_past,
)
from kg.types import Argument, Entity, Predicate, Statement

OBJECTS = {"dobj", "attr", "oprd", "dative"}
# Governors of a clause that is asked for: "demanded that Hamas renounce …" makes Hamas the
# one the demand is addressed to.
REQUEST_VERBS = {"demand", "ask", "urge", "request", "insist", "press", "appeal", "call"}
# Verbs whose clausal complement's subject is their own object: "allowed Ouattara to run",
# parsed as a clause "Ouattara to run" under "allowed".
RAISING_VERBS = REQUEST_VERBS | {"allow", "permit", "force", "order", "enable", "let", "compel", "oblige"}
# Passive participles that state a stance of their subject: "Israel is opposed to French mediation".
STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote"}
# Nouns of a statement or decision whose "-ing" clause speaks for the one who issued it:
# "issued a declaration demanding that …".
COMMUNICATION_NOUNS = {"declaration", "statement", "resolution", "letter", "communique", "appeal", "decree",
                       "order", "ultimatum", "message", "note", "motion", "report"}
NEGATIONS = {"not", "n't", "never", "no"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
# Prepositions that introduce time, manner or place rather than a participant.
NON_PARTICIPANT_PREPS = {"since", "until", "during", "after", "before", "despite", "because", "like", "as", "than", "of", "in", "about", "by"}
# Prepositions after a predicative adjective that do not name what it is about.
NON_ADJECTIVE_PREPS = NON_PARTICIPANT_PREPS - {"of", "about"}
# Predicative adjectives that express a stance towards someone (ours): "have been critical of Russia".
ADJECTIVE_EVENTS = {
    "critical": "DISAPPROVE", "hostile": "DISAPPROVE", "dismissive": "DISAPPROVE", "angry": "DISAPPROVE",
    "supportive": "SUPPORT", "grateful": "SUPPORT", "thankful": "SUPPORT", "sympathetic": "SUPPORT",
    "opposed": "DISAPPROVE",
}
EVENT_NOUN_PREPS = {"on", "against", "with", "at", "to", "for", "upon", "by", "in"}
# Prepositions inside an object that name who the act is aimed at or comes from:
# "imposed sanctions on the Taliban", "rejected calls by Kofi Annan".
NESTED_PREPS = {"on", "against", "with", "to", "toward", "towards", "at", "upon", "from", "by", "of", "into", "over"}
# Modifiers inside an object that name an actor: "rejected a U.S. request", "North Korea's demand".
NESTED_MODIFIERS = {"poss", "amod", "compound", "nmod"}

# How often a statement of each pattern codes its sentence's gold event and source on the
# PLOVER dev set (bench/events.py; direct 0.66, prep 0.68, nested 0.84 of 43, raised 4 of 5),
# shrunk towards 0.6 where the counts are small.  Factors below: pronoun arguments 0.48
# against 0.71, a thing as an argument 0.66 against 0.74; inherited subjects did no worse.
BASE_CONFIDENCE = {"direct": 0.7, "passive": 0.7, "prep": 0.68, "copula": 0.55, "nominal": 0.55, "raised": 0.65, "nested": 0.65}


@dataclass
class Candidate:
    """A statement before its arguments are resolved."""

    subject: Token
    object: Token
    verb: Token
    words: list[Token]
    lemma: str
    kind: str
    inherited_subject: bool = False
    event: str | None = None
    extra: list[Token] = field(default_factory=list)
    object_lemma: str | None = None  # the noun that carries the event: "launched rockets at IS" → rocket
    container: Token | None = None  # for "nested": the thing acted on that names the actor


# -- clause structure ---------------------------------------------------------------------


def with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it: "Shoigu and Putin" → [Shoigu, Putin]."""
    heads = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ == token.pos_ or conj.i > token.i and conj.pos_ in ("NOUN", "PROPN"):
            heads.append(conj)
    return heads


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """The subject heads of a verb, and whether they were inherited from another clause."""
    found = own_subjects(verb)
    if found and verb.dep_ == "relcl" and all(s.lower_ in RELATIVE_PRONOUNS for s in found):
        # relative clause: "rockets which hit their targets" → the rockets hit
        return [verb.head], True
    if found:
        return [s for head in found for s in with_conjuncts(head)], False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # coordinated verbs share a subject: "destroyed all targets and did not launch any strikes"
        inherited, _ = subjects(verb.head)
        return inherited, True
    if verb.dep_ == "xcomp":
        # control: the object of "ask Russia to launch" or else the subject of "wants to fight"
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objects:
            return objects, True
        if verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("AUX", "VERB"):
            inherited, _ = subjects(verb.head.head)  # "is ready to meet"
            return inherited, True
        passive = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if passive and not any(c.dep_ == "agent" for c in verb.head.children):
            return passive, True  # "Iraq will be forced to ask …": Iraq asks
        inherited, _ = subjects(verb.head)
        return inherited, True
    if is_purpose(verb):
        # a purpose clause shares the subject: "staged a hunger strike to protest the arrests"
        inherited, _ = subjects(verb.head)
        return inherited, True
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.lemma_.lower() in COMMUNICATION_NOUNS and noun.dep_ == "dobj":
            # "the PKK issued a declaration demanding …": the declaration speaks for its issuer
            inherited, _ = subjects(noun.head)
            return inherited, True
        # relative clause: "rockets which hit their targets", "warplanes flying over Syria"
        # (an "-ing" clause only on an actor: "settlements fearing an offensive" is a misparse)
        actor = noun._.kg_mention is not None or noun.lower_ in agent_nouns() or noun.lemma_.lower() in agent_nouns()
        if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBG" and actor:
            return [noun], True
    return [], False


# -- constructions ------------------------------------------------------------------------


def predicate_words(verb: Token) -> list[Token]:
    """Auxiliaries, negation, the verb and its particle: "may also request", "will not cooperate"."""
    words = [verb, *auxiliaries(verb)]
    words += [c for c in verb.children if c.dep_ == "prt"]
    if words[1:]:
        first = min(w.i for w in words)
        words += [c for c in verb.children if c.dep_ == "advmod" and first < c.i < verb.i]
    return sorted(words, key=lambda t: t.i)


def verb_lemma(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([base_form(verb), *particles])


def base_form(verb: Token) -> str:
    """The verb's lemma, repaired where the model's lemmatizer strips one letter too many
    ("staged" → "stag"): the form without the final "d" wins when only it is a known verb."""
    lemma = verb.lemma_.lower()
    word = verb.lower_
    if verb.tag_ in ("VBD", "VBN") and word.endswith("ed") and not is_known_verb(lemma) and is_known_verb(word[:-1]):
        return word[:-1]
    return lemma


def clause_candidates(verb: Token) -> Iterator[Candidate]:
    subject_heads, inherited = subjects(verb)
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    words = predicate_words(verb)
    lemma = verb_lemma(verb)
    if passive_subjects:
        # passive: "IS was struck by Russia" → Russia – struck – IS
        agents = [pobj for agent in verb.children if agent.dep_ == "agent" for pobj in agent.children if pobj.dep_ == "pobj"]
        causes = [] if agents else [
            # "were killed in a suicide bombing": the event that did it stands in for the agent
            (prep, pobj) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "by")
            for pobj in prep.children if pobj.dep_ == "pobj" and noun_event_type(concept_words(pobj)) is not None]
        for pobj in agents:
            for subject in with_conjuncts(pobj):
                for obj in (o for head in passive_subjects for o in with_conjuncts(head)):
                    yield Candidate(subject, obj, verb, words + [pobj.head], lemma, "passive")
        for prep, pobj in causes:
            for obj in (o for head in passive_subjects for o in with_conjuncts(head)):
                yield Candidate(pobj, obj, verb, words + [prep], lemma, "passive", event=noun_event_type(concept_words(pobj)))
        if not agents and base_form(verb) in STANCE_PARTICIPLES:
            # a stance, not a passive act: "Israel is opposed to French mediation"
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ not in NON_PARTICIPANT_PREPS):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for subject in (s for head in passive_subjects for s in with_conjuncts(head)):
                        for obj in with_conjuncts(pobj):
                            yield Candidate(subject, obj, verb, words + [prep], f"{lemma} {prep.lower_}", "prep")
        return
    if not subject_heads:
        return
    direct = [c for c in verb.children if c.dep_ in OBJECTS]
    for adjective in (c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"):
        # predicative adjective: "US officials have been critical of Russia's entrance"
        for prep in (c for c in adjective.children if c.dep_ == "prep" and c.lower_ not in NON_ADJECTIVE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for subject in subject_heads:
                    for obj in with_conjuncts(pobj):
                        name = f"{adjective.lemma_.lower()} {prep.lower_}"
                        event = ADJECTIVE_EVENTS.get(adjective.lemma_.lower())
                        yield Candidate(subject, obj, verb, words + [adjective, prep], name, "copula", inherited, event=event)
                        yield from nested_candidates(subject, obj, verb, words + [adjective, prep], name, inherited, event=event)
    raised = [] if direct or verb.lemma_.lower() not in RAISING_VERBS else [
        # "demanded that Hamas renounce its armed struggle": the demand is made of Hamas
        s for clause in verb.children if clause.dep_ == "ccomp" for s in own_subjects(clause)]
    for subject in subject_heads:
        for head in raised:
            for obj in with_conjuncts(head):
                yield Candidate(subject, obj, verb, words, lemma, "raised", inherited)
        for head in direct:
            for obj in with_conjuncts(head):
                # copular: "X is the gateway" → X – is – gateway
                kind = "copula" if head.dep_ == "attr" else "direct"
                if kind == "copula" and subject.pos_ == "PRON":
                    continue  # "it is the most intense fighting": an expletive, not an actor
                yield Candidate(subject, obj, verb, words, lemma, kind, inherited)
                if kind == "direct":
                    yield from nested_candidates(subject, obj, verb, words, lemma, inherited)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ not in NON_PARTICIPANT_PREPS):
            # prepositional object: "launched rockets at IS" → object IS, "cooperate with Russia"
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for obj in with_conjuncts(pobj):
                    extra = [t for head in direct[:1] for t in _phrase(head)]
                    yield Candidate(subject, obj, verb, words, f"{lemma} {prep.lower_}", "prep", inherited, extra=extra + [prep],
                                    object_lemma=concept_words(direct[0]) if direct else None)
                    # "set fire to the offices of the Palestinian administrators"
                    yield from nested_candidates(subject, obj, verb, [*words, *extra, prep], f"{lemma} {prep.lower_}", inherited)


def nested_candidates(subject: Token, container: Token, verb: Token, words: list[Token], lemma: str,
                      inherited: bool, event: str | None = None) -> Iterator[Candidate]:
    """Actors inside a thing that is acted on: "rejected a U.S. request" → the United States,
    "imposed sanctions on the Taliban" → the Taliban (only kept when the thing itself is no
    actor and the inner word is one)."""
    head_words = [c for c in container.lefts if c.dep_ == "compound" and c._.kg_mention is None] + [container]
    object_lemma = concept_words(container)
    for child in container.children:
        if child.dep_ in NESTED_MODIFIERS and child.i < container.i and child._.kg_mention is not None:
            yield Candidate(subject, child, verb, words, lemma, "nested", inherited, extra=head_words,
                            object_lemma=object_lemma, container=container, event=event)
        elif child.dep_ == "prep" and child.lower_ in NESTED_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for obj in with_conjuncts(pobj):
                    yield Candidate(subject, obj, verb, words, f"{lemma} {child.lower_}", "nested", inherited,
                                    extra=[*head_words, child], object_lemma=object_lemma, container=container, event=event)


def concept_words(noun: Token) -> str:
    """An object noun with its compounds, for event lookup: "hunger strike", "air strike";
    a partitive stands for its "of" noun ("part of a stronghold")."""
    inner = partitive_of(noun)
    if inner is not None and inner is not noun:
        return concept_words(inner)
    words = [c.lemma_.lower() for c in noun.lefts if c.dep_ == "compound" and c._.kg_mention is None and c.is_alpha]
    adjectives = [c for c in noun.lefts if c.dep_ == "amod" and c.i == noun.i - 1]
    if not words and adjectives and noun_event_type(f"{adjectives[0].lower_} {noun.lemma_.lower()}") != noun_event_type(noun.lemma_.lower()):
        words = [adjectives[0].lower_]  # an adjective that makes a compound event noun: "general strike"
    return " ".join([*words, noun.lemma_.lower()])


def nominal_candidates(noun: Token) -> Iterator[Candidate]:
    """Nominal events: "Russia's strikes on IS", "Russian air strikes against IS facilities"."""
    event = noun_event_type(concept_words(noun))
    if event is None:
        return
    actors = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c._.kg_mention is not None]
    if not actors:
        return
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c._.kg_mention is None]
    words = sorted([*compounds, noun], key=lambda t: t.i)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in EVENT_NOUN_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for obj in with_conjuncts(pobj):
                yield Candidate(actors[0], obj, noun, words, f"{noun.lemma_.lower()} {prep.lower_}", "nominal", event=event, extra=[prep])
    for clause in (c for c in noun.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"):
        # "Washington's refusal to share intelligence" → US – refusal – share intelligence
        yield Candidate(actors[0], clause, noun, words, noun.lemma_.lower(), "nominal", event=event)


def nominal_polarity(noun: Token) -> tuple[bool, str | None, None]:
    """(negated, modality, None) of an event noun from the verb it is the object of: the
    strikes of "Iraq may request Russian strikes" are requested, not done."""
    hedge = noun_hedge(noun)  # "the alleged attack", "possible air strikes"
    node = noun
    while node.dep_ in ("dobj", "pobj", "prep", "conj", "appos") and node.head is not node:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            negated, modality, _ = polarity_and_modality(node)
            return negated, hedge or GOVERNOR_MODALITY.get(node.lemma_.lower()) or modality, None
    return False, hedge, None


def _phrase(head: Token) -> list[Token]:
    return phrase_tokens(head, keep_prep=False)


# -- statements ---------------------------------------------------------------------------


def statements_from_sentence(sentence: Span, resolver: EntityResolver, *, doc_id: str, offset: int = 0,
                             quoted_by: Argument | None = None) -> Iterator[Statement]:
    """Every statement of one parsed sentence; ``offset`` places its paragraph in the document;
    ``quoted_by`` is the speaker of a quotation the sentence belongs to without naming him
    (:class:`kg.attribution.QuoteSpeakers`)."""
    start = offset + sentence.start_char
    end = offset + sentence.end_char
    seen: set[tuple] = set()
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            if token.lemma_ in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in token.children):
                continue  # the speech act itself is attribution, kept on the reported statements
            candidates = clause_candidates(token)
        elif token.pos_ == "NOUN":
            candidates = nominal_candidates(token)
        else:
            continue
        for candidate in candidates:
            statement = _statement(candidate, sentence, resolver, doc_id=doc_id, start=start, end=end, offset=offset,
                                   quoted_by=quoted_by)
            if statement is not None and statement.id not in seen:
                seen.add(statement.id)
                yield statement


def _statement(candidate: Candidate, sentence: Span, resolver: EntityResolver, *, doc_id: str, start: int, end: int, offset: int,
               quoted_by: Argument | None = None) -> Statement | None:
    subject = resolver.argument(candidate.subject, offset)
    obj = _object_argument(candidate, resolver, offset)
    if subject is None or obj is None:
        return None
    if subject.entity.type == CONCEPT and obj.entity.type == CONCEPT:
        return None  # a relation between two things, not actors: left to Open IE output
    if candidate.kind == "nested":
        container = resolver.argument(candidate.container, offset)
        if obj.entity.type == CONCEPT or container is None or container.entity.type != CONCEPT:
            return None  # only an actor inside a thing: "a U.S. request", not "a request for talks"
    if subject.entity.id == obj.entity.id and (_same_words(subject, obj) or candidate.kind == "nested"):
        return None  # one actor twice, not a relation; "Ugandan President … Ugandan opposition" stays
    if candidate.kind == "nominal":
        negated, modality, refusal = nominal_polarity(candidate.verb)
    else:
        negated, modality, refusal = polarity_and_modality(candidate.verb)
    words = list(candidate.words)
    lemma = candidate.lemma
    event = candidate.event
    if refusal is not None:
        # "refused to share intelligence": the refusal is the predicate; so is a threat
        words = sorted({*predicate_words(refusal), *words, *(c for c in candidate.verb.children if c.dep_ == "aux" and c.lower_ == "to")}, key=lambda t: t.i)
        lemma = refusal.lemma_.lower()
        event = GOVERNING_EVENTS[lemma]
    text = " ".join(t.text for t in sorted({*words, *candidate.extra}, key=lambda t: t.i))
    if event is None:
        verb_part = lemma.split()
        object_lemma = candidate.object_lemma or concept_words(candidate.object)
        event = specific_event(verb_part[0], verb_part[1] if len(verb_part) > 1 else None, object_lemma)
        if event is None and refusal is None:
            # a pattern on another argument of the same verb decides for all of them:
            # "defended Iraq against criticism" is support (CAMEO 052) for Iraq too
            event = clause_event(candidate.verb)
        if event is None:
            event = event_type(verb_part[0], verb_part[1] if len(verb_part) > 1 else None, object_lemma)
    speaker = speech_subject(sentence, candidate.verb)
    attributed = resolver.argument(speaker, offset) if speaker is not None else quoted_by
    if modality is None and is_allegation_source(speaker):
        modality = "claimed"  # "according to the suit, Brown …": an allegation, not a finding
    if attributed is not None and attributed.entity.id == subject.entity.id and speaker is candidate.subject:
        attributed = None
    return Statement(
        doc=doc_id,
        sentence=sentence.text,
        start=start,
        end=end,
        subject=subject,
        predicate=Predicate(text=text, lemma=lemma, event=event),
        object=obj,
        negated=negated,
        modality=modality,
        attributed_to=attributed,
        confidence=_confidence(candidate, subject, obj, sentence, governed=refusal is not None),
    )


def clause_event(verb: Token) -> str | None:
    """The event a dictionary pattern gives to one of a verb's objects, if any does."""
    lemma = verb_lemma(verb).split()
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or child.dep_ == "prep" and child.lower_ not in NON_PARTICIPANT_PREPS:
            heads = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            particle = child.lower_ if child.dep_ == "prep" else (lemma[1] if len(lemma) > 1 else None)
            for head in heads:
                event = specific_event(lemma[0], particle, concept_words(head))
                if event is not None:
                    return event
    return None


def _same_words(a: Argument, b: Argument) -> bool:
    return a.text.lower().removeprefix("the ") == b.text.lower().removeprefix("the ")


def _object_argument(candidate: Candidate, resolver: EntityResolver, offset: int) -> Argument | None:
    head = candidate.object
    if head.pos_ == "VERB":
        # a clause as object: "refusal to share intelligence" → "share intelligence"
        objects = [c for c in head.children if c.dep_ == "dobj"]
        words = [head, *(t for o in objects[:1] for t in _phrase(o))]
        text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        name = " ".join([head.lemma_.lower(), *(o.lemma_.lower() for o in objects[:1])])
        return Argument(text, Entity(id=name, label=name, type=CONCEPT))
    return resolver.argument(head, offset)


def _confidence(candidate: Candidate, subject: Argument, obj: Argument, sentence: Span, *, governed: bool = False) -> float:
    """How reliable the pattern is (calibrated on PLOVER dev, see ``BASE_CONFIDENCE``)."""
    score = BASE_CONFIDENCE[candidate.kind]
    if candidate.inherited_subject and not governed:  # "refused to share": the refuser's own subject
        score *= 0.95
    if is_purpose(candidate.verb):
        score *= 0.85  # "… to protest the arrests": the aim beside the act, read less reliably
    if subject.entity.type == CONCEPT or obj.entity.type == CONCEPT:
        score *= 0.9
    if candidate.subject.pos_ == "PRON" or candidate.object.pos_ == "PRON":
        score *= 0.7
    if len(sentence) > 40:
        score *= 0.9
    if subject.entity.id == obj.entity.id:
        score *= 0.8  # "Ugandan President … banned Ugandan opposition candidates": real, but rarer
    return round(score, 3)
