"""Dependency patterns → statements, with negation, modality and attribution kept.

One generator per construction, in the spirit of "one rule, one comment": each yields
:class:`Candidate` tuples (subject head, predicate tokens, object head) that
:func:`statements_from_sentence` turns into :class:`~kg.types.Statement` records.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from kg.attribution import (  # noqa: F401 (re-exported)
    FIRST_PERSON, FIRST_PERSON_PLURAL, first_person_voice, inverted_report, inverted_speech_subject, speakers_second_act, is_allegation_source, outside_the_quotation, speaker_body, outer_source, own_account, named_survey, pronoun_speaker, respondents, speech_subject, survey_of,
)
from kg.clauses import (  # noqa: F401 (re-exported)
    OBJECT_CONTROL, OBJECT_GERUND_PREPS, OBJECT_GERUND_VERBS, SUBJECTS, accusation, auxiliaries, gerund_governor, is_passive,
    is_purpose, noun_read_as_verb, own_subjects, pseudo_coordinated, purpose_after_thing,
)
from kg.entities import CONCEPT, HUMAN_NOUNS, PRONOUN_AGREEMENT, EntityResolver, agent_nouns, agent_role, is_agent_word, names_a_person, partitive_of, phrase_text, phrase_tokens, who_of_thing
from kg.events import (ARMED, ARMED_SECTORS, BODY, DECISION_VERBS, FORCE_EVENTS, NEEDS_TARGET, PEOPLE, PERSON, PLACE, STATE, THING, demand_of_speaker, deployment, event_type, force_event, unrealised,
                       ALLEGING_VERBS, conditional, doer_named_nearby, personal_accusation, unasserting,
                       ACT_NOUNS, is_known_verb, is_weapon, launch_without_target, names_an_act, names_the_act, noun_event_type, performed_event, specific_event)
from kg import gate, learned_gate
from kg.gazetteer import TITLE_WORDS, is_capital
from kg.modality import (  # noqa: F401 (re-exported: negation, modality and attribution live in their own stages)
    CONDITIONAL_MARKS, GOVERNING_EVENTS, GOVERNOR_MODALITY, MODAL_AUX, governors_between, whether_or_not, SPEECH_VERBS, governor, is_negated, noun_hedge, not_yet_done,
    own_modality, polarity_and_modality, reported_in_past,
)
from kg.quotes import QUOTE_CHARACTERS
from kg.types import Argument, Entity, Predicate, Statement

OBJECTS = {"dobj", "attr", "oprd", "dative"}
# Governors of a clause that is asked for: "demanded that Hamas renounce …" makes Hamas the
# one the demand is addressed to.
REQUEST_VERBS = {"demand", "ask", "urge", "request", "insist", "press", "appeal", "call"}
# Verbs whose clausal complement's subject is their own object: "allowed Ouattara to run",
# parsed as a clause "Ouattara to run" under "allowed".
RAISING_VERBS = REQUEST_VERBS | {"allow", "permit", "force", "order", "enable", "let", "compel", "oblige", "help"}
# Verbs of wanting whose clausal complement's subject is whom the want is aimed at: "the
# association wants Congress to undertake a study", "Trump will need Congress to repeal …".
WANTING_VERBS = {"want", "need"}
# Passive participles that state a stance of their subject: "Israel is opposed to French mediation".
STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote",
                      # … or a tie to someone: "Warren, who is aligned with Sanders", "is married to"
                      "align", "ally", "link", "affiliate", "associate", "tie", "marry", "connect"}
# Nouns of a statement or decision whose "-ing" clause speaks for the one who issued it:
# "issued a declaration demanding that …".
COMMUNICATION_NOUNS = {"declaration", "statement", "resolution", "letter", "communique", "appeal", "decree",
                       "order", "ultimatum", "message", "note", "motion", "report"}
NEGATIONS = {"not", "n't", "never", "no"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
# Prepositions that introduce time, manner or place rather than a participant.
NON_PARTICIPANT_PREPS = {"since", "until", "during", "after", "before", "despite", "because", "like", "as", "than", "of", "in", "about", "by",
                         # a cause: "will step down due to term limits", "owing to the strike"
                         "due", "owing"}
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
BASE_CONFIDENCE = {"direct": 0.7, "passive": 0.7, "prep": 0.68, "copula": 0.55, "nominal": 0.55, "raised": 0.65, "nested": 0.65,
                   "measured": 0.6, "intransitive": 0.6, "change": 0.6, "obligation": 0.55, "judgement": 0.5}
# Kinds of candidate that may have no object: an event ("workers demonstrated") and a change
# whose amount is not given ("sales eased", "Ford and Chrysler both gained").
OBJECTLESS_KINDS = {"intransitive", "change", "obligation", "judgement"}
# Kinds of candidate that state a fact of a thing, no act of an actor: a change ("sales
# eased"), what must be done ("serious problems have to be tackled"), a judgement ("job losses
# of this scale are unprecedented", "the reduction should be friendly to the market").
THING_FACT_KINDS = {"change", "obligation", "judgement"}
# Verbs of a measured change, the facts of business news: "retail sales rose 4.77 billion dlrs".
CHANGE_VERBS = {
    "rise", "fall", "increase", "decrease", "decline", "drop", "gain", "climb", "jump", "slip", "ease", "edge", "grow",
    "shrink", "surge", "soar", "plunge", "plummet", "tumble", "slide", "dip", "advance", "lose", "total", "reach",
    "rebound", "recover", "sink", "slump", "expand", "contract", "widen", "narrow", "improve", "worsen", "rally", "retreat",
}
# Nouns of a measured change: "the 3.3% fall in car sales", "a rise of 2 pct in exports".
# (Not "loss": "reported a net loss" is a result, the object of "report".)
CHANGE_NOUNS = {"rise", "fall", "increase", "decrease", "decline", "drop", "gain", "climb", "jump", "slip", "dip", "growth",
                "surge", "plunge", "slump", "rebound"}
# Verbs that report a change their object names: "Ford and Chrysler both had gains", "posted a loss".
CHANGE_REPORTING_VERBS = {"have", "post", "report", "record", "show", "see", "suffer", "register", "log", "book"}
# Adverbs that make the copula a change: "sales were down 10 pct", "profits were up".
CHANGE_ADVERBS = {"up", "down", "off", "higher", "lower"}
# Units that make a number an amount ("12 pct", "3.4 mln dlrs", "20,000 tonnes").
AMOUNT_UNITS = {
    "pct", "percent", "%", "dlr", "dlrs", "dollar", "dollars", "cent", "cents", "point", "points", "yen", "stg", "marks",
    "francs", "euros", "pounds", "tonnes", "tons", "barrels", "bpd", "units", "shares", "billion", "million", "mln", "bln",
}
# Nouns a relative clause without pronoun describes as its manner, time, place or reason.
ADVERBIAL_HEADS = {"way", "time", "day", "year", "week", "month", "moment", "reason", "place", "night", "morning", "manner"}
# Nouns of a body that acts for its owner: "its board", "his group".
BODY_NOUNS = {"board", "group", "company", "firm", "unit", "subsidiary", "government", "administration", "party",
              "organization", "organisation", "association", "union", "council", "committee", "office", "ministry",
              "department", "bank", "team", "campaign", "staff", "lawyer", "spokesman", "spokeswoman"}
# Contracted forms of "be" ("he's", "they're").
CONTRACTED_BE = {"'s", "'re", "'m"}
# Prefixes of an adjective that names what one is for or against, not who acts: "the anti-Muslim birther".
STANCE_PREFIXES = ("anti-", "pro-", "non-", "ex-", "post-", "pre-")
# Verbs whose complement's subject is their own subject even after an object: "promised voters to cut taxes".
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "offer"}
# Nouns of an aim whose infinitive says what someone means to do: "in an effort to compete
# with Trump", "Obama's efforts to end K Street's influence".
AIM_NOUNS = {"effort", "bid", "attempt", "push", "drive", "quest", "campaign", "plan", "move"}
# Subjects of a copula that point ahead, not at anyone: "It was Ted Cruz who …".
EXPLETIVES = {"it", "there", "this", "that"}


@dataclass
class Candidate:
    """A statement before its arguments are resolved."""

    subject: Token
    object: Token | None  # None for an event without one ("workers demonstrated")
    verb: Token
    words: list[Token]
    lemma: str
    kind: str
    inherited_subject: bool = False
    event: str | None = None
    extra: list[Token] = field(default_factory=list)
    object_lemma: str | None = None  # the noun that carries the event: "launched rockets at IS" → rocket
    container: Token | None = None  # for "nested": the thing acted on that names the actor
    text: str | None = None  # the predicate as read, when not its words in order (a passive read actively)
    subject_entity: Entity | None = None  # the actor, when the subject word stands for several ("the two")
    object_entity: Entity | None = None  # the actor, when the object word stands for another ("each other")
    object_words: list[Token] | None = None  # an object phrase the parse split: "MP for Richmond"
    denied: bool = False  # the act denied of a whole group: "none of the networks covered it"
    modality: str | None = None  # the construction's own modality: "are expected 0.50 cent lower" is future


# -- clause structure ---------------------------------------------------------------------


# Titles that stand before a name: "Chairman and CEO Daniel O'Day".
NAME_TITLES = TITLE_WORDS | {"ceo", "chief", "founder", "cofounder", "co-founder", "owner", "publisher", "editor"}


# two titles of one person before the name: "Gilead Chairman and CEO Daniel O'Day" (the parse
# coordinates "Chairman" with the name: one person, not the company's chairman and O'Day)
def title_of_the_next_name(token: Token) -> Token | None:
    """The titled name a bare title is coordinated with, when both are titles of that name."""
    if token.lower_ not in NAME_TITLES or token._.kg_mention is not None or any(c.dep_ == "det" for c in token.children):
        return None
    for conj in token.conjuncts:
        if conj.i > token.i and conj.ent_type_ == "PERSON" and any(
                c.dep_ == "compound" and c.lower_ in NAME_TITLES and c.i < conj.i for c in conj.children):
            return conj
    return None


def with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it: "Shoigu and Putin" → [Shoigu, Putin]."""
    named = title_of_the_next_name(token)
    if named is not None:
        return [named]
    heads = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ == token.pos_ or conj.i > token.i and conj.pos_ in ("NOUN", "PROPN"):
            heads.append(conj)
    return heads


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """The subject heads of a verb, and whether they were inherited from another clause."""
    found = [s for s in own_subjects(verb) if not after_stranded_preposition(s) and inverted_speech_subject(s) is None]
    found = subjects_inside_the_dashes(verb, subjects_before_the_dashes(verb, found))
    focus = cleft_focus(verb)
    if focus is not None:
        return with_conjuncts(focus), True
    if found and verb.dep_ == "relcl" and all(s.lower_ in RELATIVE_PRONOUNS for s in found):
        # relative clause: "rockets which hit their targets" → the rockets hit
        return [relative_host(which_of_person(verb) or who_of_thing(verb) or low_relative_host(verb) or verb.head)], True
    if found:
        return [s for head in found for s in with_conjuncts(head)], False
    if passive_conjunct(verb) or gerund_after_infinitive(verb):
        return [], False
    named = for_subject(verb)
    if named is not None:
        return with_conjuncts(named), True
    gerund = gerund_subjects(verb)
    if gerund:
        return gerund, True
    aim = aim_subjects(verb)
    if aim:
        return aim, True
    if mismatched_conjunct(verb):
        return [], False
    coordinate = speakers_second_act(verb)
    if coordinate is not None:
        # "Boehner said talks are going nowhere and accused Obama of …": Boehner accused him
        inherited, _ = subjects(coordinate)
        return inherited, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # coordinated verbs share a subject: "destroyed all targets and did not launch any strikes"
        inherited, _ = subjects(verb.head)
        return inherited, True
    controller = prepositional_controller(verb)
    if controller is not None:
        return with_conjuncts(controller), True
    if verb.dep_ == "xcomp":
        # control: the object of "ask Russia to launch" or else the subject of "wants to fight"
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objects and verb.head.lemma_.lower() not in SUBJECT_CONTROL:
            if not purpose_after_thing(verb.head, objects[0]):
                return objects, True
            if any(t.pos_ == "VERB" for t in verb.doc[verb.head.i + 1 : verb.i]) or is_purpose(verb.head):
                # the infinitive may be the purpose of the verb between: "admitted that part of
                # applying pressure on banks to initiate the change" (the banks initiate it); a
                # purpose of a purpose is too far from its subject to trust the parse
                return [], False
        if verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("AUX", "VERB"):
            inherited, _ = subjects(verb.head.head)  # "is ready to meet"
            return inherited, True
        aim = copular_aim(verb)
        if aim is not None:
            return aim, True
        passive = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive, True  # "Iraq will be forced to ask …", "was urged by two men to resign": Iraq asks, X resigns
        inherited, _ = subjects(verb.head)
        return inherited, True
    controlled = advcl_controller(verb)
    if controlled is not None:
        return with_conjuncts(controlled), True
    if is_purpose(verb):
        # a purpose clause shares the subject: "staged a hunger strike to protest the arrests",
        # unless another clause comes between, where it may belong ("pointed to bills passed
        # by the House only to gather dust": the bills gather dust, not who pointed)
        if intervening_clause(verb.head, verb):
            return [], False
        inherited, _ = subjects(verb.head)
        return inherited, True
    if is_object_purpose(verb):
        # "Baker has an agreement to sell the business", "obtained loans to pay off its arrears":
        # the one who holds the object means to do it, unless the object has its owner
        # ("exposed Trump's plan to put a tariff on China": Trump's plan)
        owners = [c for c in verb.head.children if c.dep_ == "poss"] or object_holder(verb.head)
        if owners:
            return owners, True
        if reaction_to_anothers_act(verb.head):
            return [], False
        inherited, _ = subjects(verb.head.head)
        return inherited, True
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.lemma_.lower() in COMMUNICATION_NOUNS and noun.dep_ == "dobj":
            # "the PKK issued a declaration demanding …": the declaration speaks for its issuer
            inherited, _ = subjects(noun.head)
            return inherited, True
        # relative clause: "rockets which hit their targets", "warplanes flying over Syria"
        # (an "-ing" clause only on an actor: "settlements fearing an offensive" is a misparse)
        actor = noun._.kg_mention is not None or is_agent_word(noun)
        if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBG" and actor:
            return [noun], True
    stranded = stranded_subject(verb)
    if stranded is not None:
        return [stranded], False
    glued = glued_subject(verb)
    if glued is not None:
        return with_conjuncts(glued), False
    return [], False


# Nouns of an aim that a copula equates with an infinitive: "Our aim is to ensure …".
COPULAR_AIMS = {"aim", "goal", "plan", "intention", "objective", "purpose", "hope", "mission", "task", "job",
                "priority", "strategy", "idea", "ambition", "wish", "dream", "target", "focus", "challenge"}


# an aim equated with an infinitive: "Our aim is not to rewrite the rules" (we would rewrite
# them, not the aim); its owner does it, or nobody the sentence names ("The plan is to sell it")
def copular_aim(verb: Token) -> list[Token] | None:
    """The owners of the aim noun a copula's subject names, when ``verb`` is the copula's
    infinitive; None when the copula's subject is no aim."""
    copula = verb.head
    if verb.dep_ != "xcomp" or copula.lemma_ != "be" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    aims = [c for c in copula.children if c.dep_ == "nsubj" and c.lemma_.lower() in COPULAR_AIMS]
    if not aims:
        return None
    return [c for c in aims[0].children if c.dep_ == "poss"]


# Dashes that set off a clause inside another.
DASHES = {"—", "–", "--"}


# a clause set off by dashes inside another, parsed with the outer subject as a second one of its
# own: "Mr. Roe's decision to leave — he will speak in Denver, then travel to Dallas — angered
# Democrats" (he will speak; the decision angered them)
def subjects_inside_the_dashes(verb: Token, found: list[Token]) -> list[Token]:
    """The subjects of ``verb`` that stand on its side of a dash, when another stands beyond it."""
    if len(found) < 2:
        return found
    doc = verb.doc

    def across_dash(subject: Token) -> bool:
        low, high = sorted((subject.i, verb.i))
        return any(t.text in DASHES for t in doc[low + 1 : high])

    inside = [t for t in found if not across_dash(t)]
    return inside if inside and len(inside) < len(found) else found


# … and the other side of it: the verb after the closing dash, parsed with a noun inside the
# dashes as its subject ("… then travel to Phoenix; Austin, Tex.; and San Antonio — caused an
# uproar": the decision caused it, not Austin)
def subjects_before_the_dashes(verb: Token, found: list[Token]) -> list[Token]:
    """The subject before an opening dash that the parse gave to the clause inside the dashes,
    for a verb after the closing dash whose subject the parse found inside them."""
    doc = verb.doc
    kept = []
    for subject in found:
        dashes = [t.i for t in doc[verb.sent.start : verb.i] if t.text in DASHES]
        opening = [i for i in dashes if i < subject.left_edge.i]
        closing = [i for i in dashes if subject.i < i < verb.i]
        if not opening or not closing:
            kept.append(subject)
            continue
        start, end = opening[-1], closing[0]
        outer = [t for t in doc[verb.sent.start : start] if t.dep_ == "nsubj" and start < t.head.i < end]
        # (a subject added between dashes stays: "her duties — and the limits on her business — have left her")
        kept.append(outer[0] if outer and doc[start + 1].pos_ != "CCONJ" else subject)
    return kept


# Verbs whose prepositional object does what their infinitive says: "called on people to donate
# blood", "appealed to Congress to act", "relies on allies to defend it", "waited for Iran to respond".
PREPOSITIONAL_CONTROL = {"call": {"on", "upon"}, "appeal": {"to"}, "rely": {"on", "upon"}, "count": {"on", "upon"},
                         "depend": {"on", "upon"}, "wait": {"for"}, "look": {"to"}, "plead": {"with"}, "arrange": {"for"}}


# object control through a preposition: "The hospital called on people to donate blood" (the people
# donate, not the hospital)
def prepositional_controller(verb: Token) -> Token | None:
    """The prepositional object of the verb governing the infinitive ``verb`` that does what it says."""
    governor = verb.head
    preps = PREPOSITIONAL_CONTROL.get(governor.lemma_.lower())
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if not preps or any(c.dep_ == "dobj" for c in governor.children):
        return None
    for prep in (c for c in governor.children if c.dep_ == "prep" and c.lower_ in preps and c.i < verb.i):
        objects = [p for p in prep.children if p.dep_ == "pobj"]
        if objects:
            return objects[0]
    return None


# Verbs that judge, undo or meet an act someone else decided: their object's infinitive is
# not their subject's aim ("the Supreme Court overturned a decision to cut Texaco's bond": the
# court does not cut it; "welcomed the plan to open a bus link").
REACTION_VERBS = {
    "overturn", "reverse", "overrule", "annul", "void", "invalidate", "strike", "uphold", "review", "challenge",
    "question", "dispute", "contest", "reject", "oppose", "resist", "fight", "protest", "criticize", "criticise",
    "condemn", "denounce", "slam", "blast", "attack", "decry", "deplore", "welcome", "hail", "praise", "applaud",
    "commend", "endorse", "back", "support", "approve", "ratify", "block", "halt", "stop", "suspend", "delay",
    "freeze", "veto", "scrap", "cancel", "rescind", "revoke", "investigate", "probe", "examine", "scrutinize",
    "scrutinise", "ignore", "mock", "ridicule", "dismiss", "note", "report", "describe", "explain", "defend",
}


# Nouns of an act decided or put forward, whose infinitive says what is to be done.
DECIDED_ACTS = {
    "decision", "plan", "proposal", "move", "bid", "attempt", "effort", "push", "order", "request", "call", "offer",
    "deal", "agreement", "law", "bill", "measure", "rule", "regulation", "policy", "ruling", "vote", "motion", "scheme",
    "initiative", "program", "programme", "directive", "demand", "threat", "pledge", "promise", "commitment", "idea",
    "suggestion", "recommendation", "attempts", "efforts", "plans", "proposals", "moves", "decisions", "calls", "demands",
}


# the object's infinitive after a verb of reacting to it: "overturned a decision to cut the bond",
# "criticized the move to close the plant" (whose decision or move the sentence does not say)
def reaction_to_anothers_act(noun: Token) -> bool:
    """Whether ``noun``, a direct object with an infinitive, is a decided act its verb's subject
    reacts to rather than one it means to do (its own: "defended its decision to", read by the
    owner; not a thing acted on for a purpose: "is investigating the charges to find out …")."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in REACTION_VERBS and noun.lemma_.lower() in DECIDED_ACTS


# the subject of an infinitive introduced by "for": "subsidies for wealthy developers to build
# roads", "it is time for Congress to act" (the developers build, Congress acts)
def for_subject(verb: Token) -> Token | None:
    """The object of a "for" phrase right before the infinitive ``verb``, which is its subject
    (not a stretch of time: "stayed for a week to rest" is the stayer's)."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0 or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl", "ccomp"):
        return None
    before = verb.doc[to.i - 1]
    head = before
    while head.dep_ in ("conj", "cc") and head.head.i < head.i:
        head = head.head  # "for farmers and ranchers to …"
    if head.dep_ != "pobj" or head.head.lower_ != "for" or head.right_edge.i != to.i - 1:
        return None
    if head.pos_ not in ("NOUN", "PROPN", "PRON") or head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
        return None
    if head.lemma_.lower() in TIME_NOUNS or head.lemma_.lower() in ADVERBIAL_HEADS:
        return None
    return head


# object control read as a purpose: "Republicans pressured the State Department on Monday to
# remove him" (the parse hangs the infinitive on the verb as an adverbial clause; the
# department is to remove him)
def advcl_controller(verb: Token) -> Token | None:
    """The direct object of a verb of making or asking someone do something, when the infinitive
    after it was parsed as a purpose; not a thing used for a purpose ("built a wall to keep them out")."""
    if not is_purpose(verb):
        return None
    governor = verb.head
    if governor.lemma_.lower() not in OBJECT_CONTROL or governor.lemma_.lower() in SUBJECT_CONTROL:
        return None
    objects = [c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i]
    if len(objects) != 1 or purpose_after_thing(governor, objects[0]):
        return None
    obj = objects[0]
    personal = obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them", "us", "me", "you")
    if not (personal or obj.pos_ == "PROPN" or obj._.kg_mention is not None or is_agent_word(obj)
            or names_a_person(obj.lemma_.lower())):
        return None  # "sent aid to help them", "paying something like $8 billion to service the debt"
    return obj


# a past participle coordinated with a passive one shares its passive: "Asians were more likely
# to be stopped and searched" (they were searched; they did not search)
# (a participle the tagger took for a past tense too, after an infinitive or a modal, which no
# finite verb can be coordinated with: "to be stopped and searched")
def passive_conjunct(verb: Token) -> bool:
    head = verb.head
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and any(
        c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in head.children)
    return (verb.dep_ == "conj" and participle and is_passive(head) and not own_subjects(verb)
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children))


# an "-ing" verb the parse coordinates with an infinitive is not one of its acts: "By rubber
# stamping permits for corporations to build pipelines, gutting labor laws, …" (the gerund goes
# with "stamping"; an infinitive's conjunct is an infinitive: "to build roads and widen bridges")
def gerund_after_infinitive(verb: Token) -> bool:
    return (verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children) and not own_subjects(verb))


# Heads of a kind or a portion, whose "of" phrase names what a relative clause after it is about:
# "the sort of arguments that raged between Labour and the Tories".
PARTITIVE_HEADS = {"sort", "sorts", "kind", "kinds", "type", "types", "form", "forms", "variety", "series", "set",
                   "number", "part", "group", "lot", "lots", "range"}


def noun_of_people(noun: Token) -> bool:
    """A noun that names people ("senators", "Democrats"), whom a thing's "that" clause does not describe."""
    mention = noun._.kg_mention
    return (mention is not None and mention.entity.type in ("Person", "Group") or is_agent_word(noun)
            or names_a_person(noun.lemma_.lower()))


# a relative clause after a noun inside a prepositional phrase is about that noun, though the
# parse may hang it on the phrase's head: "senators from states that expanded Medicaid" (the
# states expanded it); "who" stays with whom the parse chose
def low_relative_host(verb: Token) -> Token | None:
    """The noun right before a "that" or "which" clause, object of a preposition on the noun
    the clause hangs from, unless the verb's number agrees with the head only."""
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("that", "which")), None)
    noun = verb.head
    if pronoun is None or pronoun.i == 0 or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    before = verb.doc[pronoun.i - 1]
    if before.dep_ != "pobj" or before.pos_ not in ("NOUN", "PROPN") or before.head.dep_ != "prep" or before.head.head != noun:
        return None
    mention = before._.kg_mention
    if mention is not None and mention.entity.type == "Person" or before.ent_type_ == "PERSON":
        return None  # "the death of Suleimani, which …" (:func:`which_of_person`)
    if not (noun.lower_ in PARTITIVE_HEADS or noun_of_people(noun)):
        return None  # "a sellout to white supremacy that poisoned …": the sellout did
    finite = next((t for t in (verb, *auxiliaries(verb)) if t.tag_ in ("VBZ", "VBP")), None)
    if finite is not None and (finite.tag_ == "VBZ") != (before.tag_ in ("NN", "NNP")):
        return None  # "members of the panel that meet …": the verb agrees with the members
    return before


# a gerund coordinated with a verb of another form: "trying to dissuade people from panic buying
# and hoarding a medicine" parsed as "dissuade … and hoarding"; the gerund is coordinated with
# the "-ing" noun before it ("buying"), not with "dissuade", and whoever dissuades does not hoard
# (not after an "-ing" clause of the verb's own: "protests swept the country demanding reforms
# and affirming …" share the protests)
def mismatched_conjunct(verb: Token) -> bool:
    head = verb.head
    if not (verb.dep_ == "conj" and verb.tag_ == "VBG" and head.pos_ == "VERB" and head.tag_ in ("VB", "VBD", "VBZ", "VBP")
            and not own_subjects(verb) and not auxiliaries(verb)):
        return False
    gerunds = [t for t in verb.doc[head.i + 1 : verb.i]
               if t.lower_.endswith("ing") and t.is_alpha and len(t) > 5 and t.pos_ in ("NOUN", "VERB") and not t.lower_.endswith("thing")]
    return bool(gerunds) and gerunds[-1].pos_ != "VERB"


# an opening "as" clause that swallowed the subject: "As Beinart points out in The Atlantic, Bush
# and his initiative weren't popular …" parsed with "Bush" as a conjunct of "The Atlantic"
def glued_subject(verb: Token) -> Token | None:
    """The subject the parser glued, after a comma, to the last noun of an opening adverbial
    clause ("As Beinart points out in The Atlantic, Bush …"), leaving the main verb without
    one: the first such conjunct whose phrase runs up to the verb is the verb's subject."""
    if verb.dep_ != "ROOT" or own_subjects(verb) or any(c.dep_ == "expl" for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.pos_ in ("VERB", "AUX")):
        if not any(m.dep_ == "mark" and m.i == clause.left_edge.i for m in clause.children):
            continue  # only a clause opened by its conjunction: "As …", "When …"
        for token in clause.subtree:
            if (token.dep_ == "conj" and token.pos_ == "PROPN" and token._.kg_mention is not None and token.i > clause.i
                    and token.head.dep_ == "pobj" and verb.doc[token.i - 1].lower_ == ","
                    and all(t.is_punct for t in verb.doc[token.head.right_edge.i + 1 : verb.i])):
                return token
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser gave to an opening participle phrase: "In fiscal 1986/87 ending
    June India will borrow …" parsed as "ending … India" with a subjectless "will borrow".  A
    finite verb with a modal or tensed auxiliary and no subject takes the name just before its
    auxiliary when that name is the object of a participle before it."""
    if verb.dep_ not in ("ROOT", "ccomp") or own_subjects(verb):
        return None
    helpers = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i and c.tag_ in ("MD", "VBZ", "VBP", "VBD")]
    if not helpers:
        return None
    first = min(helpers, key=lambda t: t.i)
    if first.i == 0:
        return None
    before = verb.doc[first.i - 1]
    participle = before.head
    if (before.pos_ != "PROPN" or before._.kg_mention is None or before.dep_ not in ("dobj", "pobj", "npadvmod")
            or participle.tag_ not in ("VBG", "VBN") or participle.dep_ not in ("acl", "advcl") or participle.i > before.i):
        return None
    return before


def cleft_focus(verb: Token) -> Token | None:
    """The focus of an it-cleft, who does its clause: "It was Ted Cruz who was the only
    alternative to Trump" → Cruz (the parser hangs "who was …" on the copula, as a relative
    or a complement clause)."""
    found = own_subjects(verb)
    if len(found) != 1 or found[0].lower_ not in ("who", "that") or verb.dep_ not in ("relcl", "ccomp"):
        return None
    copula = verb.head if verb.dep_ == "ccomp" else verb.head.head
    if copula.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
        return None
    focus = next((c for c in copula.children if c.dep_ == "attr" and c.i < verb.i), None)
    if focus is None or verb.dep_ == "relcl" and verb.head != focus or focus.pos_ not in ("PROPN", "NOUN"):
        return None
    return focus


def after_stranded_preposition(subject: Token) -> bool:
    """A "subject" right after a preposition left without its object: the parse of a fronted
    place, "in Lambertville, N.J., the marriage certificate … allowed …", made Lambertville
    the subject; it is the preposition's object, a place, not who acts."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return (before is not None and before.dep_ == "prep" and before.pos_ == "ADP"
            and not any(c.dep_ in ("pobj", "pcomp") for c in before.children))


def gerund_subjects(verb: Token) -> list[Token]:
    """Who does an "-ing" clause after a preposition: the object of "accused him of telling
    her" (or the passive subject of "was accused of …"), else the subject of the verb it hangs
    from: "Rangers have been involved in working with the executive", "the IFC could play a role
    by introducing them" (:func:`kg.clauses.gerund_governor` says which prepositions)."""
    gov = gerund_governor(verb)
    if gov is None:
        return []
    passive = [relative_antecedent(s) for p in gov.children if p.dep_ == "nsubjpass" for s in with_conjuncts(p)]
    if verb.head.lower_ in OBJECT_GERUND_PREPS and gov.lemma_.lower() in OBJECT_GERUND_VERBS:
        objects = [c for c in gov.children if c.dep_ == "dobj"]
        return with_conjuncts(objects[0]) if objects else passive
    judged = judged_act(verb, gov)
    if judged is not None:
        return judged
    heads, _ = subjects(gov)
    return heads or passive


# the act a verb of praise or blame is about, after "in": "praised the spirit of cooperation in
# achieving the breakthrough" (the cooperating sides achieved it, not who praised them)
def judged_act(verb: Token, gov: Token) -> list[Token] | None:
    """Who does the "-ing" clause of a judging verb's object: the object when it is an actor,
    else nobody the sentence names; None when ``gov`` judges nothing."""
    objects = [c for c in gov.children if c.dep_ == "dobj" and c.i < verb.i]
    if gov.lemma_.lower() not in OBJECT_GERUND_VERBS or not objects:
        return None
    obj = objects[0]
    actor = obj.pos_ in ("PROPN", "PRON") or obj._.kg_mention is not None or is_agent_word(obj) or names_a_person(obj.lemma_.lower())
    return with_conjuncts(obj) if actor else []


def aim_subjects(verb: Token) -> list[Token]:
    """Who means to do the infinitive of an aim: the owner of "Obama's efforts to end …", or
    the subject of the clause "in an effort to compete with Trump" belongs to."""
    noun = verb.head
    if (verb.dep_ != "acl" or noun.lemma_.lower() not in AIM_NOUNS or own_subjects(verb)
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "as") and noun.head.head.pos_ in ("VERB", "AUX"):
        heads, _ = subjects(noun.head.head)
        return heads
    return []


# "which" never stands for a person: "the death of Suleimani, which led the United States to
# suspend operations" (the death led it), though the parse hangs the clause on the person
def which_of_person(verb: Token) -> Token | None:
    """The noun a "which" clause on a person after "of" is about: the one the "of" hangs from."""
    noun = verb.head
    if not any(c.dep_ == "nsubj" and c.lower_ == "which" for c in verb.children) or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    mention = noun._.kg_mention
    person = mention.entity.type == "Person" if mention is not None else noun.ent_type_ == "PERSON"
    owner = noun.head.head
    return owner if person and owner.pos_ in ("NOUN", "PROPN") else None


def relative_host(noun: Token) -> Token:
    """Who a relative clause on a description is about: the one described, "He was the only
    candidate who embraced …" → he, "Booker (a Democrat who won …)" → Booker; a cleft keeps its
    name ("It was Ted Cruz who …"), and so does a negated copula ("He is not the one who …"); a
    name set against another ("it was Hillary Clinton, not Trump, who won") leaves it to the other."""
    contrasted = contrasted_appositive(noun)
    if contrasted is not None:
        return relative_host(contrasted)
    if (noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
            and not sums_up_clause(noun)):
        return noun.head  # only a description ("a Democrat"), not a second name or role ("Fauci, who heads …")
    if noun.dep_ == "attr" and noun.head.lemma_ == "be" and not is_negated(noun.head):
        heads = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if heads and heads[0].lower_ not in EXPLETIVES and heads[0].tag_ not in ("WDT", "WP"):
            return heads[0]
    return noun


# "X, not Y, who …": the parse hangs the relative clause on the name set against the one meant
# ("it was Democrat Hillary Clinton, not Trump, who won the popular vote": Clinton won)
def contrasted_appositive(noun: Token) -> Token | None:
    """The name a "not"-apposition is set against, or None."""
    if noun.dep_ != "appos" or noun.i == 0:
        return None
    before = noun.doc[noun.left_edge.i - 1]
    return noun.head if before.lower_ == "not" and before.head.i in (noun.i, noun.head.i) else None


# Nouns that sum up what the clause before them tells: "…, a move that surprised Republicans".
SUMMARY_NOUNS = {"move", "step", "decision", "development", "sign", "signal", "change", "shift", "reversal", "turn",
                 "departure", "blow", "boost", "setback", "gesture", "result", "outcome", "twist", "measure", "action",
                 "act", "response", "reaction", "victory", "defeat", "win", "loss", "first", "trip", "tactic", "strategy"}


# an appositive that sums up its clause: "he toured the South, a move that surprised other
# Republicans" (the move surprised them, not the South)
def sums_up_clause(noun: Token) -> bool:
    return noun.lemma_.lower() in SUMMARY_NOUNS and noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].is_punct


def intervening_clause(head: Token, verb: Token) -> bool:
    """Whether a clause of another verb lies between ``head`` and its dependent ``verb``."""
    return any(t.dep_ in ("acl", "relcl", "ccomp", "advcl", "xcomp") and t.pos_ in ("VERB", "AUX")
               for t in head.doc[min(head.i, verb.i) + 1 : verb.i])


# Verbs that hand their object to a recipient: "gave the unions a chance to appeal".
GIVING_VERBS = {"give", "grant", "offer", "hand", "afford", "award", "deny", "promise"}


def object_holder(noun: Token) -> list[Token]:
    """Who holds an object that an infinitive modifies, when it is not the clause's subject: the
    actor of its "of" phrase ("has reaffirmed the right of news organizations to safeguard
    sources": the organizations safeguard them) or the recipient of a verb of giving ("gives
    plaintiffs every right to try to spin a loss": the plaintiffs spin it)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            # the noun's agent: "welcomed the decision by India and Pakistan to open a bus link"
            agents = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if agents and (agents[0]._.kg_mention is not None or is_agent_word(agents[0])):
                return with_conjuncts(agents[0])
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            held = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if held and (held[0]._.kg_mention is not None or is_agent_word(held[0]) or held[0].tag_ in ("NNS", "NNPS")):
                return with_conjuncts(held[0])
    governor = noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in GIVING_VERBS:
        recipients = [c for c in governor.children if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if recipients:
            return with_conjuncts(recipients[0])
    return []


def is_object_purpose(verb: Token) -> bool:
    """An infinitive clause on a verb's direct object: "has an agreement to sell", "loans to pay off"
    (also when parsed as a relative clause, if it has an object of its own: "obtained enough loans
    to pay off its arrears"; without one the noun is its object: "a bill to sign")."""
    # (not under a denial: "been given no reason to doubt", "did not need to exhaust all the ways to …")
    governor = verb.head.head
    infinitive_relative = (verb.dep_ == "relcl" and any(c.dep_ == "dobj" for c in verb.children)
                           and not any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children)
                           and not is_negated(governor) and not (governor.dep_ == "xcomp" and is_negated(governor.head)))
    return ((verb.dep_ == "acl" or infinitive_relative) and verb.head.dep_ == "dobj" and verb.head.head.pos_ in ("VERB", "AUX")
            and not own_subjects(verb) and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


# -- constructions ------------------------------------------------------------------------


def predicate_words(verb: Token) -> list[Token]:
    """Auxiliaries, negation, the verb and its particle: "may also request", "will not cooperate"."""
    # (not the preposition "to" before "-ing", nor the "not" of "whether or not")
    words = [verb, *(a for a in auxiliaries(verb) if not preposition_read_as_to(a) and not whether_or_not(a))]
    words += [c for c in verb.children if c.dep_ == "prt" or particle_adverb(verb, c)]
    words += [t for c in verb.children if c.dep_ == "acomp" and c.lower_ in PLEAS for t in (c, *(n for n in c.children if n.dep_ == "neg"))]
    if words[1:] or len(words) < len(auxiliaries(verb)) + 1:
        first = min(w.i for w in [*words, *auxiliaries(verb)])
        # an adverb between auxiliary and verb, whole: "was at least temporarily halting" (not "was least")
        words += [t for c in verb.children if c.dep_ == "advmod" and first < c.i < verb.i for t in c.subtree if first < t.i < verb.i]
    return sorted(words, key=lambda t: t.i)


# Adverbs right after a verb that make one verb with it, as particles do: "the talks could
# fall apart" (not "fall"), "put the plan aside".
PARTICLE_ADVERBS = {"apart", "aside", "away", "together"}
# Pleas, which say what was pleaded: "The two pleaded not guilty" (no "pleaded" alone, and no negation).
PLEAS = {"guilty", "innocent"}


def particle_adverb(verb: Token, child: Token) -> bool:
    return child.dep_ == "advmod" and child.lower_ in PARTICLE_ADVERBS and child.i == verb.i + 1


def preposition_read_as_to(aux: Token) -> bool:
    """The preposition "to" before an "-ing" verb, which the small model hangs on the verb as an
    infinitive's "to": "confessed to sexually assaulting his sisters", "objected to paying" (the
    preposition belongs to the governing verb; the act is "sexually assaulting")."""
    verb = aux.head
    # ("appears to be keeping": the infinitive's "to" before a progressive)
    return aux.lower_ == "to" and verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def verb_lemma(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([base_form(verb), *particles])


def base_form(verb: Token) -> str:
    """The verb's lemma, repaired where the model's lemmatizer strips one letter too many
    ("staged" → "stag"): the form without the final "d" wins when only it is a known verb."""
    lemma = verb.lemma_.lower()
    word = verb.lower_
    if word.replace("\u2019", "'") in CONTRACTED_BE:
        return "be"  # "he’s a liberal plant": the model reads the curly contraction as a verb "’"
    if verb.tag_ in ("VBD", "VBN") and word.endswith("ed") and not is_known_verb(lemma) and is_known_verb(word[:-1]):
        return word[:-1]
    return lemma


@dataclass
class Clause:
    """What the constructions of one clause share: its verb, subjects and predicate words."""

    verb: Token
    subjects: list[Token]  # active subjects, conjuncts split
    inherited: bool
    passive_subjects: list[Token]  # what a passive verb is done to, conjuncts split
    words: list[Token]
    lemma: str


def clause_of(verb: Token) -> Clause:
    subject_heads, inherited = subjects(verb)
    passive = [relative_antecedent(s) for head in verb.children if head.dep_ == "nsubjpass" for s in with_conjuncts(head)]
    if (not passive and not subject_heads and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
            and not adverbial_host(verb.head)):
        passive = with_conjuncts(verb.head)  # reduced relative: "bills passed by the House"
    return Clause(verb, subject_heads, inherited, passive, predicate_words(verb), verb_lemma(verb))


# Verbs of judging or naming whose past participle, set off by commas after a noun, says how the
# noun is seen: "Ron Kind, considered one of the most centrist Democrats, said …".
JUDGING_PARTICIPLES = {"consider", "regard", "see", "view", "deem", "know", "dub", "think", "believe"}
# … and verbs of being put a question, whose participle aside has no object of its own: "Brennan,
# asked about the loans, said …" (he was asked; he asked nothing).
QUESTIONED_PARTICIPLES = {"ask", "question", "press", "quiz", "contact", "reach", "interview", "approach"}


def participle_aside(verb: Token) -> bool:
    """A passive participle between commas after a noun, which the small model reads as an
    active verb with the noun as its subject ("Smith, considered a moderate, voted …"): the noun
    is the one considered, and does no considering."""
    questioned = verb.lemma_.lower() in QUESTIONED_PARTICIPLES and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    if verb.lemma_.lower() not in JUDGING_PARTICIPLES and not questioned or verb.tag_ not in ("VBD", "VBN"):
        return False
    if auxiliaries(verb) or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if subjects and not all(max(t.i for t in c.subtree if t.i < verb.i - 1) == verb.i - 2 for c in subjects):
        return False  # the subject right before the comma ("Iran, he said, considered …" is no aside)
    return main_verb_after_aside(verb)


def main_verb_after_aside(verb: Token) -> bool:
    """The clause's own verb after the closing comma of the aside: "…, considered a moderate,
    voted" (the parse makes it the head or a conjunct with no "and"); "Cohen, D-Tenn., called the
    violence sad, retweeting a post" has none."""
    if verb.dep_ in ("acl", "advcl") and verb.head.i > verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.doc[verb.head.i - 1].text != "," or True
    return any(c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP") and verb.doc[c.i - 1].text == "," for c in verb.children)


# a participle after an adverbial noun is not about it: "prosecutors, at the time led by Mr.
# Acosta, …" (the parse hangs "led" on "time"; the prosecutors were led)
def adverbial_host(noun: Token) -> bool:
    return noun.lemma_.lower() in ADVERBIAL_HEADS | TIME_NOUNS and noun.dep_ == "pobj"


def relative_antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for: "bills which were passed" → bills."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return relative_host(token.head.head)
    return token


def relative_gap(verb: Token) -> bool:
    """A relative clause without a pronoun whose object is the noun it describes: "the sugar
    it has placed", "the bill the House passed" (not "the man he spoke to", nor a clause
    with an object or complement of its own)."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if inverted_report(verb):
        return False  # "Then, says Mr Kotamaraja, the world found out": what he says, not whom
    if verb.head.lemma_.lower() in ADVERBIAL_HEADS:
        return False  # "the way Mr. Obama has governed", "the day they met": how or when, not what
    if pied_piped_relative(verb):
        return False  # "the field in which Trump specialized": the noun is the preposition's
    if not any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "attr", "oprd", "ccomp", "xcomp", "acomp", "mark") or c.dep_ == "prep" and not any(
            p.dep_ == "pobj" for p in c.children) or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children):
        return False
    return verb.head.i < verb.i


# pied-piped relative: "the field in which Trump specialized", "the firm for whom he worked"
def pied_piped_relative(verb: Token) -> bool:
    """A relative clause opened by a preposition and its pronoun: the noun it describes is
    the preposition's object, never the verb's ("in which Trump specialized" says nothing
    Trump specialized)."""
    return any(c.dep_ == "prep" and any(p.dep_ == "pobj" and p.tag_ in ("WDT", "WP") for p in c.children)
               for c in verb.children)


def is_question_word(token: Token) -> bool:
    """An interrogative argument ("which to pursue", "what he said"), no participant."""
    return token.tag_ in ("WDT", "WP", "WP$", "WRB") and relative_antecedent(token) == token


def is_question_phrase(token: Token) -> bool:
    """A wh-phrase ("which route", "what"): the clause around it asks, it does not state."""
    return is_question_word(token) or any(c.dep_ == "det" and is_question_word(c) for c in token.children)


def active_voice_words(verb: Token) -> tuple[list[Token], str]:
    """A passive predicate as its active reading: "had been urged (by)" → "had urged",
    "will be attacked" → "will attack", so that "agent – predicate – patient" reads right."""
    kept = [w for w in predicate_words(verb) if w == verb or w.dep_ not in ("auxpass",) and w.lemma_.lower() != "be"]
    base = any(w.dep_ == "aux" and (w.lower_ in MODAL_AUX or w.lower_ in ("to", "do", "does", "did")) for w in kept) and not any(
        w.dep_ == "aux" and w.lemma_.lower() == "have" for w in kept)  # "will have been struck" → "will have struck"
    text = " ".join(verb.lemma_ if w == verb and base else w.text for w in kept)
    return kept, text


def clause_objects(verb: Token) -> list[Token]:
    """The direct objects of a verb, or those of the next coordinated verb when it has none of
    its own ("attacked and destroyed the base": the base of both)."""
    found = [relative_antecedent(c) for c in verb.children if c.dep_ in OBJECTS and not prepositional_dative(c)]
    if not found and relative_gap(verb):
        return [verb.head]  # "the sugar it has placed into intervention": it placed the sugar
    if found or any(c.dep_ in ("prep", "xcomp", "ccomp", "acomp", "dobj") and c.i > verb.i for c in verb.children):
        return found
    if pseudo_coordinated(verb) is not None:
        return []  # "try and stop him": the trying has no object, stopping him is what is tried
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i <= verb.i + 2 and not own_subjects(c)):
        return [relative_antecedent(c) for c in conj.children if c.dep_ == "dobj"]
    return []


# prepositional dative: "have given in to the Democrats", "sold arms to Iran" (the parser's
# "dative" on "to" is a preposition, whose object participant_preps reads; not a noun object)
def prepositional_dative(token: Token) -> bool:
    return token.dep_ == "dative" and token.pos_ == "ADP"


# Fixed prepositional phrases that are adverbs, no participant: "for example", "at least",
# "in time (for)", "on average" (a bare noun, no determiner or modifier of its own).
ADVERBIAL_PHRASES = {
    ("for", "example"), ("for", "instance"), ("for", "now"), ("for", "good"), ("for", "sure"), ("for", "once"),
    ("at", "least"), ("at", "most"), ("at", "all"), ("at", "once"), ("at", "times"), ("at", "first"), ("at", "last"),
    ("in", "fact"), ("in", "turn"), ("in", "time"), ("in", "part"), ("in", "general"), ("in", "particular"),
    ("in", "advance"), ("on", "average"), ("on", "balance"), ("on", "purpose"), ("on", "time"), ("on", "track"),
    ("by", "far"), ("to", "date"), ("of", "course"), ("on", "station"), ("on", "hold"), ("on", "alert"), ("on", "record"),
    ("at", "risk"), ("at", "stake"),
}
# … and those written with "the": "under the circumstances", "in the meantime", "on the contrary".
ADVERBIAL_THE_PHRASES = {("under", "circumstances"), ("in", "meantime"), ("on", "contrary"), ("for", "moment")}


# an adverb made of a preposition and a bare noun: "picking Sanders for example", "at least"
def adverbial_phrase(prep: Token, pobj: Token) -> bool:
    modifiers = [c for c in pobj.children if c.dep_ in ("det", "poss", "amod", "compound")]
    if (prep.lower_, pobj.lower_) in ADVERBIAL_THE_PHRASES:
        return [c.lower_ for c in modifiers] == ["the"]
    return (prep.lower_, pobj.lower_) in ADVERBIAL_PHRASES and not modifiers


# a preposition right after such an adverb belongs to it: "replaced in time for the election"
def after_adverbial_phrase(prep: Token) -> bool:
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    return before.dep_ == "pobj" and adverbial_phrase(before.head, before)


def participant_preps(verb: Token, excluded: set[str] = NON_PARTICIPANT_PREPS) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs after the verb: a phrase in front ("Under EC rules, …",
    "For most Americans, …") sets the scene and names no participant.  A recipient the parser
    calls a dative is one too: "providing weapons to Macedonia" ("to" a ``dative``)."""
    for prep in verb.children:
        if (prep.dep_ == "prep" or prep.dep_ == "dative" and prep.pos_ == "ADP") and prep.i > verb.i and prep.lower_ not in excluded:
            if after_adverbial_phrase(prep):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in ADVERBIAL_HEADS and not adverbial_phrase(prep, pobj):
                    yield prep, pobj  # not a time or manner: "on a normal day", "for the first time"


# passive with an agent: "IS was struck by Russia", "bills passed by the House" → Russia – struck – IS
def passive_agent(clause: Clause) -> Iterator[Candidate]:
    agents = [pobj for agent in clause.verb.children if agent.dep_ == "agent" for pobj in agent.children if pobj.dep_ == "pobj"]
    words, text = active_voice_words(clause.verb)
    for pobj in agents:
        for subject in with_conjuncts(pobj):
            for obj in clause.passive_subjects:
                yield Candidate(subject, obj, clause.verb, words, clause.lemma, "passive", text=text)


# a passive infinitive with its agent, its subject raised to the verb it hangs from:
# "standing does not appear to have been hurt by his confrontation with Warren", "Iraq seems
# to have been struck by Iran" → confrontation – hurt – standing (the one acted on is the
# governing verb's subject; without an agent the clause keeps its active reading)
def raised_passive_agent(clause: Clause) -> Iterator[Candidate]:
    verb = clause.verb
    if (verb.dep_ != "xcomp" or clause.passive_subjects or not has_agent(verb)
            or not any(c.dep_ == "auxpass" for c in verb.children)):
        return
    yield from passive_agent(replace(clause, passive_subjects=clause.subjects, subjects=[]))


# passive on a thing of an actor's: "its application supported by the United States", "China's
# bid was backed by Japan" → the United States – support – China, as the active "supported
# China's bid" names China (only an owner, never an adjective or a compound: "a U.S. plan
# approved by Congress" is no act on the United States; only a named agent and an act between
# actors: "its study will be chaired by Shinn", "Niger's programme, supported by a loan" are not)
def passive_owner(clause: Clause) -> Iterator[Candidate]:
    agents = [pobj for agent in clause.verb.children if agent.dep_ == "agent" for pobj in agent.children
              if pobj.dep_ == "pobj" and pobj._.kg_mention is not None]
    if not agents:
        return
    words, text = active_voice_words(clause.verb)
    for thing in (t for t in clause.passive_subjects if t._.kg_mention is None and t.pos_ == "NOUN"):
        if event_type(base_form(clause.verb), None, concept_words(thing)) is None:
            continue
        owners = [c for c in thing.children if c.dep_ == "poss" and (c._.kg_mention is not None or c.lower_ in THIRD_PERSON_POSSESSIVES)]
        for owner in owners:
            for pobj in agents:
                for subject in with_conjuncts(pobj):
                    yield Candidate(subject, owner, clause.verb, words, clause.lemma, "nested", object_lemma=concept_words(thing),
                                    container=thing, text=text)


# the subject of a wanted clause is whom the want is aimed at: "the association wants Congress to
# undertake a study" → association – want – Congress (the act itself is read from the clause)
def wanted_subject(clause: Clause) -> Iterator[Candidate]:
    if clause_objects(clause.verb) or clause.verb.lemma_.lower() not in WANTING_VERBS:
        return
    for complement in (c for c in clause.verb.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        for head in own_subjects(complement):
            for obj in with_conjuncts(head):
                for subject in clause.subjects:
                    yield Candidate(subject, obj, clause.verb, clause.words, clause.lemma, "raised", clause.inherited)


def has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


# passive with the event that did it: "were killed in a suicide bombing" → bombing – kill – them
def passive_cause(clause: Clause) -> Iterator[Candidate]:
    if has_agent(clause.verb):
        return
    words, text = active_voice_words(clause.verb)
    for prep, pobj in participant_preps(clause.verb, excluded=set()):
        if prep.lower_ in ("in", "by") and noun_event_type(concept_words(pobj)) is not None:
            for obj in clause.passive_subjects:
                yield Candidate(pobj, obj, clause.verb, words, clause.lemma, "passive", event=noun_event_type(concept_words(pobj)), text=text)


# a stance in the passive, not a passive act: "Israel is opposed to French mediation"
def passive_stance(clause: Clause) -> Iterator[Candidate]:
    if has_agent(clause.verb) or base_form(clause.verb) not in STANCE_PARTICIPLES:
        return
    for prep, pobj in participant_preps(clause.verb):
        for subject in clause.passive_subjects:
            for obj in with_conjuncts(pobj):
                yield Candidate(subject, obj, clause.verb, clause.words + [prep], f"{clause.lemma} {prep.lower_}", "prep")


# predicative adjective with its object: "US officials have been critical of Russia's entrance"
def predicative_adjective(clause: Clause) -> Iterator[Candidate]:
    for adjective in (c for c in clause.verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"):
        name = f"{adjective.lemma_.lower()}"
        for prep, pobj in participant_preps(adjective, excluded=NON_ADJECTIVE_PREPS):
            words = clause.words + [adjective, prep]
            lemma = f"{name} {prep.lower_}"
            event = ADJECTIVE_EVENTS.get(adjective.lemma_.lower())
            for subject in clause.subjects:
                for obj in with_conjuncts(pobj):
                    yield Candidate(subject, obj, clause.verb, words, lemma, "copula", clause.inherited, event=event)
                    yield from nested_candidates(subject, obj, clause.verb, words, lemma, clause.inherited, event=event)


# the subject of a demanded or allowed clause is whom it is asked of: "demanded that Hamas renounce …"
def raised_subject(clause: Clause) -> Iterator[Candidate]:
    if clause_objects(clause.verb) or clause.verb.lemma_.lower() not in RAISING_VERBS:
        return
    for complement in (c for c in clause.verb.children if c.dep_ == "ccomp" and not embedded_question(c)):
        for head in own_subjects(complement):
            for obj in with_conjuncts(head):
                for subject in clause.subjects:
                    yield Candidate(subject, obj, clause.verb, clause.words, clause.lemma, "raised", clause.inherited)


# Words that open a question reported inside a clause: "asked how Trump attempted to …".
QUESTION_OPENERS = {"how", "why", "whether", "if", "what", "when", "where", "who", "which"}


# an embedded question: "Ocasio-Cortez asked how Trump attempted to reduce his tax burden" asks
# about Trump, it does not ask Trump (the subject of the question is no raised object)
def embedded_question(complement: Token) -> bool:
    return any(c.dep_ in ("advmod", "mark", "nsubj", "dobj") and c.lower_ in QUESTION_OPENERS and c.i < complement.i
               for c in complement.children)


# direct object, also of a dative or an object predicate: "Russia attacked Syria", "gave Iraq arms"
def direct_object(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma == "be":
        return  # a copula's noun is an attribute ("it’s possible Obama …" parsed with an object)
    if any(is_question_phrase(o) for o in clause_objects(clause.verb)):
        return  # a free relative or question: "what he called at-risk homes", "which route to pursue"
    objects = clause_objects(clause.verb)
    for head in (o for o in objects if o.dep_ != "attr"):
        if head.dep_ == "oprd" and any(o.dep_ == "dobj" for o in objects):
            continue  # "called their results 'the Obama factor'": what the object is called
        if is_question_phrase(head) or is_stray_modifier(head):
            continue  # "which to pursue"; an adjective parsed as the object ("won regional elections")
        if is_time_object(head):
            continue  # "spent the fall promising …", "is facing one just 50 days into …": when, not what
        if is_amount(head) and base_form(clause.verb) in CHANGE_VERBS:
            continue  # "rose 4.77 billion dlrs": a measured change
        if officiated(clause.verb, head):
            continue  # "Booker married Gabriela Celeiro and Liz Salerno": he wed them to each other
        if reported_change(clause.verb, head):
            continue  # "had gains": a change of the subject (:func:`change_reported`)
        if given_thing(clause.verb, head) is not None:
            continue  # a recipient is read with the thing given (:func:`double_object`)
        for obj in with_conjuncts(head):
            for subject in clause.subjects:
                yield Candidate(subject, obj, clause.verb, clause.words, clause.lemma, "direct", clause.inherited)
                yield from nested_candidates(subject, obj, clause.verb, clause.words, clause.lemma, clause.inherited)


# Nouns of a stretch of time: as a verb's object they say when or how long, not what.
TIME_NOUNS = {"day", "week", "weekend", "month", "year", "decade", "century", "hour", "minute", "night", "morning",
              "afternoon", "evening", "season", "spring", "summer", "fall", "autumn", "winter", "quarter", "semester"}


# adverbial noun of time parsed as the object: "spent the fall promising …", "facing one 50 days into …"
def is_time_object(head: Token) -> bool:
    """(Not a stretch of something, "declared three days of mourning", nor one's own, "began
    his second term".)"""
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False
    return head.dep_ == "dobj" and not is_amount(head) and (
        head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in TIME_NOUNS)


def given_thing(verb: Token, recipient: Token) -> Token | None:
    """The direct object beside a recipient the parser calls a dative: "gives the ITC jurisdiction"."""
    if recipient.dep_ != "dative" or recipient.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > recipient.i), None)


# double object: the recipient with the thing given, "the bill gives the ITC jurisdiction over
# patent disputes" → bill – gives jurisdiction to – ITC (not "gives – the ITC", as if the ITC
# were what is given; the thing given is the direct object's own statement)
def double_object(clause: Clause) -> Iterator[Candidate]:
    for recipient in (c for c in clause.verb.children if c.dep_ == "dative"):
        thing = given_thing(clause.verb, recipient)
        if thing is None:
            continue
        words = sorted([*clause.words, thing], key=lambda t: t.i)
        text = " ".join(t.text for t in words) + " to"
        for obj in with_conjuncts(recipient):
            for subject in clause.subjects:
                yield Candidate(subject, obj, clause.verb, words, clause.lemma, "direct", clause.inherited,
                                object_lemma=concept_words(thing), text=text)


# Verbs that put forward an act for others to do: "recommended that shareholders approve the merger".
RECOMMENDING_VERBS = {"recommend", "propose", "suggest", "advise"}
# Longest reading of the recommended act kept as the predicate: "recommended that shareholders approve".
RECOMMENDED_SPAN = 6


# a recommended act: "its board recommended that shareholders approve the merger" → board –
# recommended that shareholders approve – merger (what the recommendation is about is the
# act's object; the ones asked to act are in the predicate). Not a clause with no object
# ("suggested that prices would rise"), nor one too far from the verb to read as one predicate.
def recommended_act(clause: Clause) -> Iterator[Candidate]:
    verb = clause.verb
    if base_form(verb) not in RECOMMENDING_VERBS or clause_objects(verb):
        return
    for act in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i - verb.i <= RECOMMENDED_SPAN):
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in act.children):
            continue  # "suggested that prices would rise": a forecast, not an act put forward
        text = verb.doc[min(w.i for w in clause.words) : act.i + 1].text
        for obj in (o for head in act.children if head.dep_ == "dobj" for o in with_conjuncts(head)):
            for subject in clause.subjects:
                yield Candidate(subject, obj, verb, [*clause.words, act], f"{clause.lemma} {base_form(act)}", "direct",
                                clause.inherited, object_lemma=concept_words(obj), text=text)


# Light verbs whose object noun of a stance carries the meaning ("had no position on", "voiced
# concern over"), and the prepositions after the noun that name what the stance is about.
LIGHT_NOUN_VERBS, STANCE_NOUNS, STANCE_NOUN_PREPS = gate.LIGHT_NOUN_VERBS, gate.STANCE_NOUNS, gate.STANCE_NOUN_PREPS


# a stance named by a light verb's noun: "the association had no position on nonbank banks" →
# association – have position on – nonbank banks (negated by "no"), "voiced concern over the
# merger", "takes a hard line on China" (not "had a clash on the bridge", "have company on the
# exchanges": a noun of no stance, the phrase a place)
def light_verb_noun(clause: Clause) -> Iterator[Candidate]:
    if base_form(clause.verb) not in LIGHT_NOUN_VERBS:
        return
    for noun in (c for c in clause.verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in STANCE_NOUNS):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in STANCE_NOUN_PREPS):
            lemma = f"{clause.lemma} {noun.lemma_.lower()} {prep.lower_}"
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for obj in with_conjuncts(pobj):
                    for subject in clause.subjects:
                        yield Candidate(subject, obj, clause.verb, [*clause.words, noun, prep], lemma, "direct", clause.inherited)


# Verbs that join two people to each other: with a pair as object, the subject officiates.
JOINING_VERBS = {"marry", "wed"}


def officiated(verb: Token, head: Token) -> bool:
    """A wedding officiated, not a marriage: "the mayor married Gabriela Celeiro and Liz
    Salerno" (one marries one spouse; a coordinated pair is married to each other)."""
    return base_form(verb) in JOINING_VERBS and len(with_conjuncts(head)) > 1


def is_stray_modifier(token: Token) -> bool:
    """A modifier parsed as an argument while its noun follows: "won regional elections"."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.pos_ in ("ADJ", "ADV", "DET") and following is not None and following.pos_ in ("NOUN", "PROPN")


# copula with a noun: "Turkey is an ally" → Turkey – be – ally
def copula_attribute(clause: Clause) -> Iterator[Candidate]:
    seats = {office_seat(prep) for prep in clause.verb.children if prep.dep_ == "prep"}
    for head in (c for c in clause.verb.children if c.dep_ == "attr" or c.dep_ == "dobj" and clause.lemma == "be"):
        if is_question_phrase(head) or is_stray_modifier(head) or head in seats:
            continue
        for obj in with_conjuncts(head):
            for subject in clause.subjects:
                if subject.pos_ == "PRON":
                    continue  # "it is the most intense fighting": an expletive, not an actor
                yield Candidate(subject, obj, clause.verb, clause.words, clause.lemma, "copula", clause.inherited)


# Prepositions that give an office its seat: "MP for Richmond", "mayor of Newark".
SEAT_PREPS = {"for", "of"}


def office_seat(prep: Token) -> Token | None:
    """The office noun whose seat a preposition names, when the parse hangs it on the verb:
    "hopes to remain MP for Richmond, North Yorks" (Richmond is the constituency, not a
    participant), "was elected mayor of Newark"; None unless the place is no state."""
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in SEAT_PREPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    offices = [c for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN") and c.i < prep.i]
    places = [c for c in prep.children if c.dep_ == "pobj" and is_place(c)]
    return offices[-1] if offices and places else None


def is_place(token: Token) -> bool:
    """A place that is not a state: a town, a county, a constituency ("Richmond")."""
    mention = token._.kg_mention
    if mention is not None:
        return mention.entity.type == "Location"
    return token.ent_type_ in ("GPE", "LOC")


# the office held for a place: "he hopes to remain MP for Richmond" → he – remain – MP for Richmond
def office_for_place(clause: Clause) -> Iterator[Candidate]:
    for prep in (c for c in clause.verb.children if c.dep_ == "prep"):
        office = office_seat(prep)
        if office is None:
            continue
        words = sorted({office, *(t for t in prep.subtree)}, key=lambda t: t.i)
        while words and words[-1].is_punct:
            words.pop()
        for subject in clause.subjects:
            yield Candidate(subject, office, clause.verb, clause.words, clause.lemma, "copula", clause.inherited,
                            object_words=words)


# Prepositions after a predicate noun that name whom the noun relates its subject to.
RELATIONAL_PREPS = {"to", "of", "for", "with", "against"}


# predicate noun with a preposition: "Cruz was the only alternative to Trump", "X is an ally of Y"
def predicate_noun_relation(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma != "be":
        return
    for head in (c for c in clause.verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in RELATIONAL_PREPS):
            for obj in (o for pobj in prep.children if pobj.dep_ == "pobj" for o in with_conjuncts(pobj)):
                for subject in clause.subjects:
                    if subject.lower_ in EXPLETIVES:
                        continue  # "it is the end of the war": no one is related
                    yield Candidate(subject, obj, clause.verb, clause.words, f"be {head.lemma_.lower()} {prep.lower_}", "copula",
                                    clause.inherited, extra=[head, prep], object_lemma=head.lemma_.lower())


# prepositional object: "launched rockets at IS" → object IS, "cooperate with Russia"
def prepositional_object(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma == "be":
        return  # "it's for the places", "is under fire": a bare copula relates nobody
    direct = [o for o in clause_objects(clause.verb) if o.head == clause.verb]
    if any(is_question_phrase(o) for o in direct):
        return  # an indirect question: "which route to pursue via the courts"
    extra = [t for head in direct[:1] if not is_time_object(head) for t in _phrase(head)]  # "to tender (April 14) for"
    object_lemma = concept_words(direct[0]) if direct else None
    for prep, pobj in participant_preps(clause.verb):
        if office_seat(prep) is not None:
            continue  # the seat of an office: "remain MP for Richmond" (office_for_place)
        if shifted_object(prep, direct) or after_time_object(prep, direct):
            continue
        if complex_preposition(prep, pobj) is not None:
            continue  # "jumped on top of them": the participant is the inner object (complex_preposition_object)
        lemma = f"{clause.lemma} {prep.lower_}"
        for obj in with_conjuncts(pobj):
            for subject in clause.subjects:
                yield Candidate(subject, obj, clause.verb, clause.words, lemma, "prep", clause.inherited,
                                extra=extra + [prep], object_lemma=object_lemma)
                # "set fire to the offices of the Palestinian administrators"
                # (inside a prepositional phrase only an owner names an actor: "at Russia's request",
                # not an adjective: "tied for the Democratic nomination")
                yield from nested_candidates(subject, obj, clause.verb, [*clause.words, *extra, prep], lemma, clause.inherited,
                                             modifiers={"poss"})


# Nouns that make a complex preposition with the preposition before them and "of" after:
# "on top of", "in front of", "in favor of", "in support of", "in defense of".
COMPLEX_PREPOSITIONS = {("on", "top"), ("in", "front"), ("in", "favor"), ("in", "favour"), ("in", "support"),
                        ("in", "defense"), ("in", "defence")}


def complex_preposition(prep: Token, noun: Token) -> Token | None:
    """The "of" of a complex preposition ("on top of them", "in favor of the bill"), or None."""
    if (prep.lower_, noun.lower_) not in COMPLEX_PREPOSITIONS or any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)


# complex preposition: "Judge jumped on top of them" → Judge – jump on top of – them,
# "the senators voted in favor of the bill" → senators – vote in favor of – bill
def complex_preposition_object(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma == "be":
        return
    for prep in (c for c in clause.verb.children if c.dep_ == "prep" and c.i > clause.verb.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            of = complex_preposition(prep, noun)
            if of is None:
                continue
            lemma = f"{clause.lemma} {prep.lower_} {noun.lower_} of"
            for obj in (o for pobj in of.children if pobj.dep_ == "pobj" for o in with_conjuncts(pobj)):
                for subject in clause.subjects:
                    yield Candidate(subject, obj, clause.verb, clause.words, lemma, "prep", clause.inherited, extra=[prep, noun, of])


# heavy object shifted after a phrase of the verb: "has brought to the surface the mobs",
# "took into account the views" (the phrase is part of the predicate, not a participant)
def shifted_object(prep: Token, direct: list[Token]) -> bool:
    objects = [o for o in direct if o.dep_ == "dobj"]
    return bool(objects) and all(prep.i < o.i for o in objects)  # not "posted a photo with the caption, “My mugshot”"


# Prepositions that measure a time from an event: "50 days into the new Congress", "two weeks after the vote".
TIME_SPAN_PREPS = {"into", "after", "before"}


# a preposition after an object of time that measures from it belongs to it: "is facing one 50
# days into the new Congress" (not "to tender April 14 for 55,000 tonnes": that is the verb's)
def after_time_object(prep: Token, direct: list[Token]) -> bool:
    return prep.lower_ in TIME_SPAN_PREPS and any(is_time_object(o) and prep.i == o.right_edge.i + 1 for o in direct)


# a preposition whose object is an "-ing" clause with its own subject: the subject is the
# participant, "disagrees with the court substituting its judgment" → governor – disagree with – court
def gerund_clause_subject(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma == "be":
        return
    for prep in (c for c in clause.verb.children if c.dep_ == "prep" and c.i > clause.verb.i and c.lower_ not in NON_PARTICIPANT_PREPS):
        for gerund in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            for head in (c for c in gerund.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")):
                for obj in with_conjuncts(head):
                    for subject in clause.subjects:
                        yield Candidate(subject, obj, clause.verb, clause.words, f"{clause.lemma} {prep.lower_}", "prep",
                                        clause.inherited, extra=[prep])


# a measured change: "retail sales rose 4.77 billion dlrs", "net income fell 12 pct to 3.4 mln dlrs"
def measured_change(clause: Clause) -> Iterator[Candidate]:
    if base_form(clause.verb) not in CHANGE_VERBS:
        return
    if any(c.dep_ == "dobj" and not is_amount(c) for c in clause.verb.children):
        return  # "will increase its reserves to 30 mln dlrs": the amount is the object's
    amounts = [(c, clause.lemma) for c in clause.verb.children if c.dep_ in ("dobj", "npadvmod", "attr") and is_amount(c)]
    amounts += [(pobj, f"{clause.lemma} {prep.lower_}") for prep, pobj in participant_preps(clause.verb, excluded=set())
                if prep.lower_ in ("to", "by") and is_amount(pobj)]
    for amount, lemma in amounts:
        for subject in clause.subjects:
            yield Candidate(subject, amount, clause.verb, clause.words, lemma, "measured", clause.inherited,
                            extra=[amount.head] if amount.head != clause.verb else [])


# a change without its amount: "retail sales eased in March", "Ford and Chrysler both gained"
# (not a phrasal verb or a verb of becoming: "dropped out of the race", "can fall flat", "grew tired")
def change_without_amount(clause: Clause) -> Iterator[Candidate]:
    verb = clause.verb
    if base_form(verb) not in CHANGE_VERBS or any(c.dep_ in OBJECTS or c.dep_ in ("xcomp", "ccomp", "prt", "acomp") or c.dep_ == "npadvmod" and is_amount(c)
                                                  for c in verb.children):
        return  # an object or an amount: a transitive verb or :func:`measured_change`
    if unrealised_clause(verb):
        return
    if any(prep.lower_ in ("to", "by") and is_amount(pobj) for prep, pobj in participant_preps(verb, excluded=set())):
        return  # "climbed to 25 pct": the amount is given
    if any(True for _ in participant_preps(verb)):
        return  # "questions grow over X", "the base fell to ISIS": the statement with its object says it
    for subject in clause.subjects:
        yield Candidate(subject, None, verb, clause.words, clause.lemma, "change", clause.inherited)


# the copula of a change: "GM's sales were down 10 pct", "US retail sales were up 0.3%", "Pontiac
# was off 10.8 pct" (not "up for a fight", "the gloves will be off": "off" only with its amount)
def copular_change(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma != "be" or unrealised_clause(clause.verb):
        return
    for adverb in (c for c in clause.verb.children if c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in CHANGE_ADVERBS and c.i > clause.verb.i):
        words, lemma = [*clause.words, adverb], f"be {adverb.lower_}"
        amounts = [c for c in adverb.children if c.dep_ in ("npadvmod", "dobj", "pobj") and is_amount(c)]
        amounts += [c for c in clause.verb.children if c.dep_ in ("npadvmod", "attr") and is_amount(c)]
        following = [c for c in adverb.children] + [c for c in clause.verb.children if c.i == adverb.i + 1]
        if any(prep.dep_ == "prep" and prep.lower_ in ("for", "to", "against", "on", "with") and not any(is_amount(p) for p in prep.children)
               for prep in following) or adverb.lower_ == "off" and not amounts:
            continue
        for subject in clause.subjects:
            if subject.lower_ in EXPLETIVES:
                continue
            if amounts:
                yield Candidate(subject, amounts[0], clause.verb, words, lemma, "measured", clause.inherited)
            else:
                yield Candidate(subject, None, clause.verb, words, lemma, "change", clause.inherited)


# Adverbs that, after "be", say an actor has returned: "Biden is back".
RETURN_ADVERBS = {"back"}


# a return told with the copula: "Biden is back", "the Taliban are back in power" (a named actor;
# not "back to normal", "back on track", where a state returns, nor "back from …", a trip)
def copular_return(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma != "be" or unrealised_clause(clause.verb):
        return
    for adverb in (c for c in clause.verb.children if c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in RETURN_ADVERBS
                   and c.i == clause.verb.i + 1 + sum(1 for t in clause.verb.children if t.dep_ == "neg")):
        if any(c.dep_ == "prep" and c.lower_ in ("to", "on", "from") for c in [*adverb.children, *clause.verb.children]):
            continue
        for subject in clause.subjects:
            if subject.pos_ == "PROPN" and subject.lower_ not in EXPLETIVES:
                yield Candidate(subject, None, clause.verb, [*clause.words, adverb], f"be {adverb.lower_}", "change", clause.inherited)


# Passive verbs of a forecast: "are expected 0.50 cent lower", "are called 0.20 lower", "is seen higher".
FORECAST_PASSIVES = {"expect", "call", "see", "forecast", "project", "predict", "estimate", "tip"}


# a forecast of a change: "pork bellies are expected 0.50 to 1.00 cent lower", "June cattle
# futures are called 0.20 to 0.50 cent lower" → bellies – are expected lower (future: not yet
# happened; whoever says so is its source). Not "are expected to rise" (an infinitive, whose
# own clause is the change) nor "was called a liar" (no direction).
def forecast_change(clause: Clause) -> Iterator[Candidate]:
    verb = clause.verb
    if base_form(verb) not in FORECAST_PASSIVES or has_agent(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return
    for direction in (t for t in verb.subtree if t.lower_ in CHANGE_ADVERBS and t.i > verb.i and forecast_path(t, verb)):
        for subject in clause.passive_subjects:
            if subject.lower_ in EXPLETIVES or subject.pos_ == "PRON":
                continue
            yield Candidate(subject, None, verb, [*predicate_words(verb), direction], f"{base_form(verb)} {direction.lower_}",
                            "change", modality="future")


# Links from a forecast's verb to its direction: "expected 0.50 cent lower" (oprd), "called
# 0.20 to 0.50 cent lower" (a range read as "to … lower").
FORECAST_LINKS = {"oprd", "acomp", "advmod", "prep", "pobj", "npadvmod"}


def forecast_path(direction: Token, verb: Token) -> bool:
    """Whether ``direction`` hangs from ``verb`` through an amount or a range only, not a clause."""
    token = direction
    while token != verb:
        if token.dep_ not in FORECAST_LINKS:
            return False
        token = token.head
    return True


# Verbs of a duty whose infinitive is what must be done: "have to be tackled", "need to be changed".
DUTY_VERBS = {"have", "need", "ought"}


def duty_in_clause(verb: Token) -> bool:
    """Whether the clause itself says its act must be done: a modal ("must", "should") or "have
    to", "need to" (not a duty read from a clause further up the parse)."""
    if own_modality(verb) == "obligated":
        return True
    return (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DUTY_VERBS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


# a passive of obligation with no agent: "serious problems have to be tackled", "the law must
# be changed" → problems – have to be tackled, and with whom or what it concerns: "Trump should
# be held to account", "the decision should be left up to the states" → decision – should be
# left up to – states (what must be done, no one named to do it). Not "were tackled", a report
# of an act whose doer is unnamed, nor "must be tackled by X", a passive with its agent, nor a
# relative clause, whose antecedent the parser often misplaces ("laws on the books that have to be …").
def obligated_passive(clause: Clause) -> Iterator[Candidate]:
    verb = clause.verb
    if verb.tag_ != "VBN" or has_agent(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return
    if any(c.dep_ in OBJECTS or c.dep_ in ("xcomp", "ccomp", "advcl", "oprd", "dep") for c in verb.children) or base_form(verb) == "get":
        return  # a complement ("should be held to account" parsed as a clause), a word the parser
        # could not place, or the idiom of "get" ("must be gotten “rid of”")
    if "relcl" in (verb.dep_, verb.head.dep_) or verb.i + 1 < len(verb.doc) and verb.nbor(1).text == "-":
        return  # a relative clause; a word split at its hyphen ("re-examined")
    if not duty_in_clause(verb):
        return
    words = predicate_words(verb)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        words = sorted({*predicate_words(verb.head), *words}, key=lambda t: t.i)  # "have to be tackled"
    lemma = verb_lemma(verb)
    targets = list(participant_preps(verb))
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if any(p.dep_ == "prep" and p.lower_ not in NON_PARTICIPANT_PREPS and p not in {prep for prep, _ in targets}
           for head in (verb, *particles) for p in head.children):
        return  # a phrase the predicate needs but no participant: "should be held to account", "left up to the states"
    for subject in clause.passive_subjects or (clause.subjects if verb.dep_ == "xcomp" else []):
        if subject.lower_ in EXPLETIVES or subject.pos_ == "PRON":
            continue  # "it must be said": no thing to be done
        if not targets:
            yield Candidate(subject, None, verb, words, lemma, "obligation", clause.inherited)
        for prep, pobj in targets:
            for obj in with_conjuncts(pobj):
                yield Candidate(subject, obj, verb, [*words, prep], f"{lemma} {prep.lower_}", "obligation", clause.inherited)


# Adjectives of a judgement that is itself news: "job losses of this scale are unprecedented",
# "the tax was unjustified", "the report is negative for futures", "should be friendly to the market".
JUDGEMENT_ADJECTIVES = gate.JUDGEMENT_ADJECTIVES  # one list, kept where the gate reads it too


# a judgement told with the copula: "job losses of this scale are unprecedented" → job losses –
# are unprecedented; with whom or what it concerns: "the reduction should be friendly to the
# market" → reduction – be friendly to – market (a thing may be judged: no actor needed). Not a
# pronoun or an expletive subject ("this was incorrect", "it is wrong to …": what they stand for
# is not in the clause), nor a clause the adjective governs ("it is unfair that …").
def judgement_adjective(clause: Clause) -> Iterator[Candidate]:
    if clause.lemma != "be":
        return
    for adjective in (c for c in clause.verb.children if c.dep_ == "acomp" and c.lemma_.lower() in JUDGEMENT_ADJECTIVES):
        if any(c.dep_ in ("xcomp", "ccomp") for c in adjective.children):
            continue
        subjects = [s for s in clause.subjects if s.lower_ not in EXPLETIVES and s.pos_ in ("NOUN", "PROPN")]
        targets = list(participant_preps(adjective, excluded=NON_ADJECTIVE_PREPS))
        for subject in subjects:
            if not targets:
                yield Candidate(subject, None, clause.verb, [*clause.words, adjective], f"be {adjective.lemma_.lower()}", "judgement",
                                clause.inherited)
            for prep, pobj in targets:
                for obj in with_conjuncts(pobj):
                    yield Candidate(subject, obj, clause.verb, [*clause.words, adjective, prep],
                                    f"be {adjective.lemma_.lower()} {prep.lower_}", "judgement", clause.inherited)


# Quantifiers that deny an act of every member of the group they are "of": "none of the networks".
DENYING_QUANTIFIERS = {"none", "neither"}


# a denying partitive subject: "none of the big three networks covered the story" → networks –
# covered – story, negated (the act denied of the group named; "none of them": the pronoun's group)
def denied_of_group(candidate: Candidate) -> Candidate:
    if candidate.subject.lower_ not in DENYING_QUANTIFIERS or candidate.subject_entity is not None:
        return candidate
    group = next((pobj for prep in candidate.subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for pobj in prep.children if pobj.dep_ == "pobj"), None)
    if group is None:
        return candidate
    return replace(candidate, subject=group, denied=not candidate.denied)


def reported_change(verb: Token, noun: Token) -> bool:
    """A change noun as the object of a verb that reports it, with nothing said to change
    ("had gains", "posted a 12 pct rise"; not "a rise in profits", which names what rose)."""
    return (base_form(verb) in CHANGE_REPORTING_VERBS and noun.lemma_.lower() in CHANGE_NOUNS and noun.pos_ == "NOUN"
            and not any(prep.dep_ == "prep" and prep.lower_ == "in" for prep in noun.children))


# a change reported by a light verb: "Ford and Chrysler both had gains", "Volvo posted a 3 pct loss"
def change_reported(clause: Clause) -> Iterator[Candidate]:
    for noun in (c for c in clause.verb.children if c.dep_ == "dobj" and reported_change(clause.verb, c)):
        amounts = noun_amounts(noun)
        for subject in clause.subjects:
            if amounts:
                yield Candidate(subject, amounts[0], clause.verb, [*clause.words, noun], noun.lemma_.lower(), "measured", clause.inherited)
            else:
                yield Candidate(subject, None, clause.verb, [*clause.words, noun], noun.lemma_.lower(), "change", clause.inherited)


def noun_amounts(noun: Token) -> list[Token]:
    """The amounts of a change noun, a unit before a bare number: "the 3.3% fall" → %,
    "a 12 pct gain" → pct, "a loss of 3 mln dlrs" → dlrs."""
    amounts = [c for c in noun.children if c.dep_ in ("compound", "nummod", "amod", "npadvmod", "quantmod") and c.i < noun.i
               and (is_amount(c) or c.lower_ in AMOUNT_UNITS and c.i > 0 and c.nbor(-1).like_num)]
    amounts += [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children if pobj.dep_ == "pobj" and is_amount(pobj)]
    return sorted(amounts, key=lambda t: t.like_num)


# Conjunctions of a clause that says what has not happened (yet): "until the job market improves".
UNREALISED_MARKS = {"until", "unless", "before", "lest", "till"}


def unrealised_clause(verb: Token) -> bool:
    """A clause of something not (yet) so: "… until the job market improves"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in UNREALISED_MARKS for c in verb.children)


# a change named by a noun: "the 3.3% fall in car sales" (one said to have happened: definite, with
# its amount, or the object of a verb that reports it: "showed a sharp rise in orders"; not
# "a strategy against increases in prices"), "a rise of 2 pct in exports"
def nominal_change(noun: Token) -> Iterator[Candidate]:
    if noun.lemma_.lower() not in CHANGE_NOUNS or noun.pos_ != "NOUN":
        return
    measured = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "in"
                for pobj in prep.children if pobj.dep_ == "pobj" and not is_amount(pobj) and pobj.lemma_.lower() not in ADVERBIAL_HEADS
                and pobj.pos_ in ("NOUN",) and pobj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")]  # not "a rise in Iowa", "in March"
    amounts = noun_amounts(noun)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "any", "some") for c in noun.children)
    reported = noun.dep_ == "dobj" and base_form(noun.head) in CHANGE_REPORTING_VERBS
    if not (amounts or definite or reported):
        return
    for head in measured:
        for subject in with_conjuncts(head):
            if amounts:
                yield Candidate(subject, amounts[0], noun, [noun], noun.lemma_.lower(), "measured")
            else:
                yield Candidate(subject, None, noun, [noun], noun.lemma_.lower(), "change")


def amount_text(head: Token) -> str:
    """An amount as written, its number, unit and sign: "4.77 billion dlrs", "0.3%", "$42,000"
    (not a phrase hanging from it: "25 pct of output" is "25 pct"); a unit takes the number
    before it that the parser hung elsewhere ("a 12 pct gain": 12 and pct both on "gain")."""
    inside = [head, *(t for child in head.children if child.dep_ != "prep" for t in child.subtree)]
    first, last = min(t.i for t in inside), max(t.i for t in inside)
    doc = head.doc
    while first > 0 and (doc[first - 1].like_num or doc[first - 1].text in ("$", "£", "€", "-")) and doc[first - 1].head.i in (head.i, head.head.i):
        first -= 1
    return doc[first : last + 1].text


def is_amount(token: Token) -> bool:
    """A quantity: "4.77 billion dlrs", "12 pct", "0.3%", "$42,000"."""
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or token.like_num:
        return True
    return token.lower_ in AMOUNT_UNITS and any(c.like_num or c.pos_ == "NUM" for c in token.subtree if c != token)


PASSIVE_CONSTRUCTIONS = (passive_agent, passive_owner, passive_cause, passive_stance, forecast_change, obligated_passive)
ACTIVE_CONSTRUCTIONS = (predicative_adjective, raised_subject, wanted_subject, direct_object, copula_attribute, predicate_noun_relation,
                        office_for_place, prepositional_object, complex_preposition_object, gerund_clause_subject, measured_change,
                        change_without_amount, copular_change, change_reported, copular_return, obligated_passive,
                        judgement_adjective, light_verb_noun, double_object, recommended_act, raised_passive_agent)


def clause_candidates(verb: Token) -> Iterator[Candidate]:
    """Every candidate of the clause headed by ``verb``, one English construction at a time."""
    clause = clause_of(verb)
    constructions = PASSIVE_CONSTRUCTIONS if clause.passive_subjects else ACTIVE_CONSTRUCTIONS if clause.subjects else ()
    for construction in constructions:
        yield from map(denied_of_group, construction(clause))


def intransitive_candidates(verb: Token) -> Iterator[Candidate]:
    """An event with no object: "workers demonstrated in the capital", "prisoners rioted",
    "the minister resigned", "X agreed to set up a centre" (the governor is the predicate).
    Only tried when the verb gave no statement with an object; :func:`_statement` keeps it
    only for an actor subject and a verb that names an event."""
    if any(c.dep_ in OBJECTS or c.dep_ in ("nsubjpass", "auxpass", "xcomp") for c in verb.children):
        return  # an object would make it transitive; a passive subject is the one acted on;
        # a governed clause ("agreed to set up") carries the statement itself
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in verb.head.children):
        return  # a passive shared with a conjunct: "were tasered or beaten"
    subject_heads, inherited = subjects(verb)
    for subject in subject_heads:
        if subject.lower_ == "it":
            continue  # "it exploded": too often a thing, whatever it resolves to
        yield Candidate(subject, None, verb, predicate_words(verb), verb_lemma(verb), "intransitive", inherited)


def nested_candidates(subject: Token, container: Token, verb: Token, words: list[Token], lemma: str,
                      inherited: bool, event: str | None = None, modifiers: set[str] = NESTED_MODIFIERS) -> Iterator[Candidate]:
    """Actors inside a thing that is acted on: "rejected a U.S. request" → the United States,
    "imposed sanctions on the Taliban" → the Taliban (only kept when the thing itself is no
    actor and the inner word is one)."""
    object_lemma = concept_words(container)
    # an adjective names who acts only on an act ("Russian strikes"); on people or things it
    # says where they are from ("repressed Iranian communists"); a name or owner always names
    # one ("five IMF programmes", "Russia's request")
    acted = noun_event_type(object_lemma) is not None
    for child in container.children:
        if (child.dep_ in modifiers and child.i < container.i and child._.kg_mention is not None
                and not child.lower_.startswith(STANCE_PREFIXES) and (acted or child.dep_ != "amod") and not capital_as_place(child)
                and (acted or not place_before_thing(child) and not place_beside_owner(child, container))):
            yield Candidate(subject, child, verb, words, lemma, "nested", inherited,
                            object_lemma=object_lemma, container=container, event=event)
        elif child.dep_ == "prep" and child.lower_ in NESTED_PREPS and not (
                child.lower_ == "with" and not acted and within_preposition(container, verb)):
            # a companion inside a phrase that is itself a preposition's is no participant unless
            # the phrase names an act: "punished Trump for his performance with Putin" is no act
            # on Putin ("act on the applications by Citicorp" still acts on Citicorp's)
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for obj in with_conjuncts(pobj):
                    yield Candidate(subject, obj, verb, words, f"{lemma} {child.lower_}", "nested", inherited,
                                    object_lemma=object_lemma, container=container, event=event)
                    if acted or child.lower_ == "against" or blamed_on(verb, child):
                        yield from (Candidate(subject, owner, verb, words, f"{lemma} {child.lower_}", "nested", inherited,
                                              object_lemma=object_lemma, container=container, event=event)
                                    for owner in owners_of_thing(obj))


# Verbs that lay blame "on" someone: "blamed the birther issue on Clinton", "pinned the loss on him".
BLAME_VERBS = {"blame", "pin"}


# blame laid "on" a thing falls on its owner, the one blamed: "blamed the entire birther issue on
# Hillary Clinton's 2008 campaign" → Clinton (as "restrictions against German goods" → Germany)
def blamed_on(verb: Token, prep: Token) -> bool:
    return prep.lower_ == "on" and base_form(verb) in BLAME_VERBS


# a state before the noun of a thing that a possessive already owns says where the thing is, not
# whose: "cut its U.S. exploration budget" (Exxon's, not the United States'), "sold its Canadian
# unit"; a body there is a party to it: "pay off its IMF arrears" (owed to the IMF)
def place_beside_owner(modifier: Token, container: Token) -> bool:
    mention = modifier._.kg_mention
    return (modifier.dep_ in ("compound", "amod", "nmod") and mention is not None and mention.entity.type in ("Country", "Location")
            and any(c.dep_ == "poss" and c != modifier for c in container.children))


# a capital before a noun says where a thing or an event is, not who acts: "plays a Paris charity
# concert", "the Baghdad bombing" (a capital stands for its state only as an actor, or as the owner:
# "Moscow's request")
def capital_as_place(modifier: Token) -> bool:
    mention = modifier._.kg_mention
    if modifier.dep_ not in ("compound", "amod", "nmod") or mention is None or mention.entity.type != "Country":
        return False
    return is_capital(modifier.doc[mention.start : mention.end].text)


# a city or a region before the noun of a thing says where the thing is: "opens a regional N.Y.
# office", "a Denver plant" (a place, not a party to the act; before an act it may be the
# actor: "the Texas lawsuit", left to the event noun)
def place_before_thing(modifier: Token) -> bool:
    mention = modifier._.kg_mention
    return modifier.dep_ in ("compound", "amod", "nmod") and mention is not None and mention.entity.type == "Location"


# An actor inside the thing acted on: the thing belongs to the predicate, so that the edge
# reads as the sentence does: "could impose new sanctions on" – Russia, "rejected request of" –
# United States (not "could impose" – Russia, "rejected" – United States).
def thing_of_actor(container: Token, actor: Token) -> str | None:
    """The words of the thing an actor sits in, as they go in the predicate: up to the
    preposition before the actor ("new sanctions on"); or the thing without its owner,
    followed by "by" for an act and "of" for a thing ("a U.S. request" → "request by",
    "an investigation into Clinton's e-mail practices" → "investigation into e-mail practices of"); None for an adjective or a
    name inside a deeper phrase, whose phrase stays the argument ("condemned Russian strikes",
    "talks on Aegean airspace")."""
    prep = next((t for t in (actor, *actor.ancestors) if t.head == container and t.dep_ == "prep"), None)
    named = actor
    while named.dep_ == "conj" and named.head != named:
        named = named.head
    if prep is not None and named.head == prep:
        words = [t for t in phrase_tokens(container) if t.i <= prep.i]  # "new sanctions on" – Russia
        owner = False
    elif prep is None and actor.dep_ != "amod" and actor.head == container or prep is not None and actor.dep_ == "poss":
        owner = True  # "a U.S. request", "an investigation into Clinton's practices": the thing without its owner
        inner = {t.i for t in actor.subtree}
        words = [t for t in phrase_tokens(container) if t.i not in inner and t.i <= actor.head.i]
    else:
        return None  # deeper inside: "talks on Aegean airspace" keeps its phrase
    while words and words[0].dep_ in ("det", "poss", "predet") and words[0] != container:
        words.pop(0)
    # as written where the words are side by side ("e-mail"), else one space apart
    text = "".join(t.text_with_ws if t.i + 1 == after.i else f"{t.text} " for t, after in zip(words, words[1:]))
    text += words[-1].text if words else ""
    if not owner:
        return text
    # the owner of an act is its doer ("a U.S. request" → "request by"), of a thing its owner
    return f"{text} by" if actor.head == container and noun_event_type(concept_words(container)) is not None else f"{text} of"


def within_preposition(container: Token, verb: Token) -> bool:
    """A thing in a prepositional phrase of the verb ("for his performance"), not its object."""
    return container.dep_ == "pobj" and container.head.head == verb


def is_reciprocal(token: Token) -> bool:
    """The reciprocal pronoun "each other" or "one another" (its head word)."""
    if token.lower_ not in ("other", "another"):
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before in ("each", "one") or any(c.lower_ in ("each", "one") for c in token.children)


# a group subject and a reciprocal object: "the two signed a deal" → each of the two signed it;
# "the two sniped at each other", "Sanders and Warren attacked one another" → each – verb – the other
def group_candidates(candidate: Candidate, resolver: EntityResolver, offset: int) -> Iterator[Candidate]:
    members = resolver.group_members(candidate.subject, offset)
    reciprocal = candidate.object is not None and is_reciprocal(candidate.object)
    if members:
        for member in members:
            if not reciprocal:
                yield replace(candidate, subject_entity=member)
                continue
            for other in members:
                if other.id != member.id:
                    yield replace(candidate, subject_entity=member, object_entity=other)
        return
    if reciprocal:
        # the partners are the subject's coordinated heads; with none, "each other" names nobody
        for partner in candidate.subject.conjuncts:
            yield replace(candidate, object=partner)
        return
    yield candidate


def owners_of_thing(noun: Token) -> list[Token]:
    """The actor named inside a thing an act is aimed at: "restrictions against German goods"
    → German, "sanctions on Iran's oil" → Iran (a thing of a country's is the country's); the
    caller asks only when the container names an act or is aimed "against" the thing."""
    if noun._.kg_mention is not None:
        return []
    return [c for c in noun.children if c.dep_ in NESTED_MODIFIERS and c.i < noun.i and c._.kg_mention is not None
            and not c.lower_.startswith(STANCE_PREFIXES)]


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


def noun_words(noun: Token) -> list[Token]:
    """An event or party noun's predicate words: its unnamed compounds and itself ("air strikes")."""
    return sorted([*(c for c in noun.lefts if c.dep_ == "compound" and c._.kg_mention is None), noun], key=lambda t: t.i)


def nominal_candidates(noun: Token) -> Iterator[Candidate]:
    """Nominal events: "Russia's strikes on IS", "Russian air strikes against IS facilities"."""
    event = noun_event_type(concept_words(noun))
    if event is None:
        return
    actors = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c._.kg_mention is not None]
    actors = actors or pronoun_owners(noun)
    if not actors:
        return
    words = noun_words(noun)
    for prep in (c for c in noun.children if c.dep_ == "prep" and (c.lower_ in EVENT_NOUN_PREPS or objective_of(noun, c, actors[0]))):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for obj in with_conjuncts(pobj):
                if prep.lower_ == "by" and actors[0].dep_ == "poss":
                    # the owner of an act done by someone suffers it: "Brown's killing by Officer Wilson"
                    yield Candidate(obj, actors[0], noun, words, noun.lemma_.lower(), "nominal", event=event)
                    continue
                yield Candidate(actors[0], obj, noun, words, f"{noun.lemma_.lower()} {prep.lower_}", "nominal", event=event, extra=[prep])
    for clause in (c for c in noun.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"):
        # "Washington's refusal to share intelligence" → US – refusal – share intelligence
        yield Candidate(actors[0], clause, noun, words, noun.lemma_.lower(), "nominal", event=event)


# Nouns of the result of a contest, won or lost somewhere: "Biden's South Carolina victory".
CONTEST_NOUNS = {"victory", "win", "triumph", "defeat", "loss", "landslide"}


def noun_owners(noun: Token) -> list[Token]:
    """The named owners of a noun: "Biden's victory" → Biden; also where the parser read a
    participle before the noun as a verb with the owner as its subject ("Biden's smashing …
    victory" parsed as "Biden smashing victory": the possessive marker shows the owner)."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c._.kg_mention is not None]
    if not owners and noun.dep_ == "dobj" and noun.head.tag_ == "VBG":
        owners = [c for c in noun.head.children if c.dep_ == "nsubj" and c._.kg_mention is not None
                  and any(m.tag_ == "POS" for m in c.children)]
    return owners


# the result of a contest where it was held: "Biden's South Carolina victory", "Trump's win in
# Iowa" → Biden – victory in – South Carolina (the place is the contest's; "Russia's victory
# over Napoleon" names a party, not a place: left to the party nouns)
def contest_result(noun: Token) -> Iterator[Candidate]:
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTEST_NOUNS:
        return
    places = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i and c._.kg_mention is not None]
    places += [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "in"
               for pobj in prep.children if pobj.dep_ == "pobj" and pobj._.kg_mention is not None]
    for owner in noun_owners(noun):
        for place in places:
            yield Candidate(owner, place, noun, [noun], f"{noun.lemma_.lower()} in", "nominal", text=f"{noun.text} in")


# the objective "of" after an event noun whose actor is named before it: "U.S. criticism of ADB
# lending", "Russia's invasion of Ukraine" (without one, "of" may name who acts: "the criticism of
# the senators"; a pronoun owner is too often a thing's: "its sale of bonds")
def objective_of(noun: Token, prep: Token, actor: Token) -> bool:
    return prep.lower_ == "of" and actor.i < noun.i and actor._.kg_mention is not None and actor.dep_ in ("poss", "compound")


# Prepositions after a noun of an actor's that name the other party of a relation or a clash.
PARTY_PREPS = {"with", "against"}
# Nouns whose meaning is a tie or a clash between two parties ("performance", "interview" are not).
PARTY_NOUNS = {
    "relationship", "relation", "relations", "tie", "ties", "alliance", "partnership", "friendship", "rivalry", "feud",
    "confrontation", "clash", "conflict", "dispute", "quarrel", "spat", "row", "standoff", "showdown", "fight", "battle",
    "war", "tension", "tensions", "affair", "marriage", "collaboration", "cooperation", "bond", "truce", "rapprochement",
}


def party_noun_candidates(noun: Token) -> Iterator[Candidate]:
    """A noun that ties its owner to another named actor, when it names no event of the
    dictionary: "his recent confrontation with Warren", "Obama's relationship with Netanyahu",
    "the U.S. alliance with Japan" (both ends must be named; the statement's predicate is the noun)."""
    if noun.lemma_.lower() not in PARTY_NOUNS and noun.lower_ not in PARTY_NOUNS:
        return
    if noun_event_type(concept_words(noun)) is not None or noun._.kg_mention is not None:
        return  # an event noun is read by nominal_candidates
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound") and c._.kg_mention is not None and c.i < noun.i]
    owners = owners or pronoun_owners(noun)
    if not owners:
        return
    words = noun_words(noun)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for obj in (o for o in with_conjuncts(pobj) if o._.kg_mention is not None):
                yield Candidate(owners[0], obj, noun, words, f"{noun.lemma_.lower()} {prep.lower_}", "nominal", extra=[prep])


# Possessive pronouns of the third person: whose act an event noun is ("his meeting with Putin").
THIRD_PERSON_POSSESSIVES = {"his", "her", "its", "their"}


def pronoun_owners(noun: Token) -> list[Token]:
    """A possessive pronoun that says whose the act is: "his meeting with Putin", "their attack
    on Syria" (resolved like any pronoun; "my", "our" belong to a quotation's speaker, left out)."""
    return [c for c in noun.children if c.dep_ == "poss" and c.lower_ in THIRD_PERSON_POSSESSIVES]


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
                             quoted_by: Argument | None = None, last_speaker: Argument | None = None,
                             survey: Argument | None = None, turn: Argument | None = None) -> Iterator[Statement]:
    """Every statement of one parsed sentence; ``offset`` places its paragraph in the document;
    ``quoted_by`` is the speaker of a quotation the sentence belongs to without naming him,
    ``last_speaker`` the last one named before it, for a "he said" with no antecedent found
    (:class:`kg.attribution.QuoteSpeakers`); ``turn`` the speaker of the transcript turn it is
    part of ("Trump: I don't know David Duke"), whose "I" and "me" are that speaker."""
    start = offset + sentence.start_char
    end = offset + sentence.end_char
    found: list[tuple[Candidate, Statement]] = []
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            if noun_read_as_verb(token):
                continue  # "England lock Danny Grewcock", "Clapton's 1991 hit Tears in Heaven"
            if participle_aside(token):
                continue  # "Ron Kind, considered one of the most centrist Democrats, said …": Kind considers nothing
            if token.lemma_ in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in token.children) and accusation(token) is None:
                continue  # the speech act itself is attribution, kept on the reported statements
            candidates = clause_candidates(token)
        elif token.pos_ == "NOUN":
            candidates = itertools.chain(nominal_candidates(token), nominal_change(token), party_noun_candidates(token),
                                         contest_result(token))
        else:
            continue
        made = False
        for candidate in (one for found_one in candidates for one in group_candidates(found_one, resolver, offset)):
            statement = _statement(candidate, sentence, resolver, doc_id=doc_id, start=start, end=end, offset=offset,
                                   quoted_by=quoted_by, last_speaker=last_speaker, survey=survey, turn=turn)
            if statement is not None:
                found.append((candidate, statement))
                made = True
        if not made and token.pos_ in ("VERB", "AUX"):
            # no statement with an object: an event without one ("workers demonstrated")
            for candidate in (one for found_one in intransitive_candidates(token) for one in group_candidates(found_one, resolver, offset)):
                statement = _statement(candidate, sentence, resolver, doc_id=doc_id, start=start, end=end, offset=offset,
                                       quoted_by=quoted_by, turn=turn)
                if statement is not None:
                    found.append((candidate, statement))
    seen: set[str] = set()
    for statement in one_per_fact(found):
        demand = demand_of_speaker(statement)  # "X said Y must …" is X's demand of Y
        for one in (statement, demand):
            if one is not None and one.id not in seen:
                seen.add(one.id)
                yield one


def one_per_fact(found: list[tuple[Candidate, Statement]]) -> list[Statement]:
    """The statements of one sentence, one per fact: of those with the same subject and verb
    and the same object, or an object and the actor it is "of" ("struck the port of Izmail"
    → port, Izmail), only the best is kept, an actor before a thing.  Two roles of one verb
    stay two facts: "launched rockets at IS" → rockets, IS."""
    ranked = sorted(range(len(found)), key=lambda k: _rank(*found[k]), reverse=True)
    kept: list[int] = []
    for k in ranked:
        if not any(_same_fact(found[j], found[k]) for j in kept):
            kept.append(k)
    return [found[k][1] for k in sorted(kept)]


def _rank(candidate: Candidate, statement: Statement) -> tuple:
    return (statement.object is not None and statement.object.entity.type != CONCEPT, statement.confidence, candidate.kind == "direct")


def _same_fact(a: tuple[Candidate, Statement], b: tuple[Candidate, Statement]) -> bool:
    (ca, sa), (cb, sb) = a, b
    if sa.subject.entity.id != sb.subject.entity.id or ca.verb.i != cb.verb.i:
        return False
    if sa.object is None or sb.object is None:
        return sa.object is sb.object  # an event without an object is one fact of its verb
    if sa.object.entity.id == sb.object.entity.id or ca.object.i == cb.object.i:
        return True
    return _of_inside(ca, cb) or _of_inside(cb, ca)


def _of_inside(inner: Candidate, outer: Candidate) -> bool:
    """Whether ``inner`` names the actor an "of" phrase gives to ``outer``'s object."""
    return (inner.kind == "nested" and inner.container is not None and outer.object is not None
            and inner.container.i == outer.object.i and inner.lemma.endswith(" of"))


def _statement(candidate: Candidate, sentence: Span, resolver: EntityResolver, *, doc_id: str, start: int, end: int, offset: int,
               quoted_by: Argument | None = None, last_speaker: Argument | None = None,
               survey: Argument | None = None, turn: Argument | None = None) -> Statement | None:
    subject = resolver.argument(candidate.subject, offset) if candidate.subject_entity is None else \
        Argument(phrase_text(candidate.subject), candidate.subject_entity)
    obj = None if candidate.object is None else _object_argument(candidate, resolver, offset)
    speaker = speech_subject(sentence, candidate.verb)  # whom the sentence gives the clause to: its voice, its source
    # "I" and "me" in a quotation are its speaker ("“I never met him,” Trump said"), in a turn the turn's
    voices = {"quote": speaker_voice(speaker, resolver, offset, quoted_by), "turn": turn}
    if candidate.subject_entity is None:
        subject = first_person(candidate.subject, sentence, voices, resolver) or subject
    if candidate.object is not None:
        obj = first_person(candidate.object, sentence, voices, resolver) or obj
    if self_in_third_person(candidate.subject, subject, turn) or self_in_third_person(candidate.object, obj, turn):
        return None  # "CUOMO: He knew about it": whoever "he" is, not Cuomo
    if quoted_by is not None and outside_the_quotation(sentence, candidate.verb):
        quoted_by = None  # narrative beside a quotation is the writer's, not the quoted speaker's
    if self_in_third_person(candidate.subject, subject, quoted_by) or self_in_third_person(candidate.object, obj, quoted_by):
        return None  # "Turner said Obama can act. “He's coming to the defense of Iraq.”": not Turner
    quoted_by = quoted_by or turn
    if subject is None or obj is None and candidate.kind not in OBJECTLESS_KINDS:
        return None
    # people named through a partitive act too: "hundreds of thousands of people blocked streets"
    # ("none of the networks covered it" is a negation this rule does not read: left out)
    people = (subject.entity.type == CONCEPT and partitive_of(candidate.subject) is not None
              and candidate.subject.lower_ not in ("none", "neither", "nobody") and subject.entity.id in agent_nouns()
              or candidate.denied and candidate.subject.tag_ in ("NNS", "NNPS"))  # "none of the networks covered it"
    if obj is None:
        if subject.entity.type == CONCEPT and not (named_agent(candidate.subject) or people or candidate.kind in THING_FACT_KINDS):
            return None  # "the talks collapsed": no one acts; "workers demonstrated" stays; "sales eased" too
    elif subject.entity.type == CONCEPT and obj.entity.type == CONCEPT and not (
            candidate.kind in ("measured", "judgement", "obligation") or owned(candidate.subject) or named_agent(candidate.subject) or people):
        return None  # a relation between two things, not actors: left to Open IE output
    if candidate.kind == "nested":
        container = resolver.argument(candidate.container, offset)
        if obj.entity.type == CONCEPT or container is None or container.entity.type != CONCEPT:
            return None  # only an actor inside a thing: "a U.S. request", not "a request for talks"
    if obj is not None and subject.entity.id == obj.entity.id:
        return None  # one node at both ends is no fact: "Obama said he would not meet him"
    if candidate.kind == "nominal" or candidate.verb.pos_ == "NOUN":  # an event or a change named by a noun
        negated, modality, refusal = nominal_polarity(candidate.verb)
    else:
        negated, modality, refusal = polarity_and_modality(candidate.verb)
        modality = modality or candidate.modality
        if modality is None and is_object_purpose(candidate.verb):
            modality = "intended"  # what an agreement or a loan is for is not done yet
        if modality is None and candidate.kind == "raised" and candidate.verb.lemma_.lower() in WANTING_VERBS:
            modality = "requested"  # "wants Congress to undertake a study": asked of Congress, not done
    negated = negated != candidate.denied  # "none of the networks covered it"; "none of them failed to" is no denial
    words = list(candidate.words)
    lemma = candidate.lemma
    event = candidate.event
    if refusal is not None:
        # "refused to share intelligence": the refusal is the predicate; so is a threat
        # "refused to stop enriching uranium": the verbs between are the predicate's too
        between = [w for g in governors_between(candidate.verb, refusal) for w in predicate_words(g)]
        words = sorted({*predicate_words(refusal), *between, *words, *(c for c in candidate.verb.children if c.dep_ == "aux" and c.lower_ == "to")}, key=lambda t: t.i)
        lemma = refusal.lemma_.lower()
        event = GOVERNING_EVENTS.get(lemma)  # a verb of ceasing ("stop using") has no event of its own
    # the object's "no" is the statement's negation, not a word of its predicate: "Milbank poses
    # no security threat to Trump" is "NOT poses security threat to | Trump"
    extra = [t for t in candidate.extra if not (negated and t.lower_ == "no" and t.dep_ == "det")]
    text = " ".join(t.text for t in sorted({*words, *extra}, key=lambda t: t.i))
    if refusal is not None and refusal.i > candidate.verb.i:
        # a refusal after the request it answers: "was asked to disavow Duke and declined" reads
        # "declined to disavow"
        own = predicate_words(refusal)
        text = " ".join(t.text for t in [*own, *sorted({*words, *candidate.extra} - set(own), key=lambda t: t.i)])
    if candidate.text is not None and refusal is None:
        text = candidate.text
    thing = thing_of_actor(candidate.container, candidate.object) if candidate.kind == "nested" and candidate.container is not None and candidate.object is not None else None
    if thing is not None:
        text = f"{text} {thing}"
    if event is None:
        verb_part = lemma.split()
        object_lemma = candidate.object_lemma or (concept_words(candidate.object) if candidate.object is not None else None)
        event = specific_event(verb_part[0], verb_part[1] if len(verb_part) > 1 else None, object_lemma)
        if event is None and refusal is None:
            # a pattern on another argument of the same verb decides for all of them:
            # "defended Iraq against criticism" is support (CAMEO 052) for Iraq too
            event = clause_event(candidate.verb)
        if event is None:
            event = event_type(verb_part[0], verb_part[1] if len(verb_part) > 1 else None, object_lemma)
    # the act the clause performs: "will not accept refugees" is a REJECT (kg.events)
    event = performed_event(event, negated=negated, modality=modality, decided=announced_decision(candidate.verb))
    if event is not None and amount_changes(subject, candidate.subject, lemma):
        event = None  # "exports declined 5 pct", "the deficit has declined": a change, no rejection
    if candidate.kind == "obligation":
        event = None  # its subject is the one acted on ("Trump should be held to account"): no act of Trump's
    if candidate.verb.dep_ == "xcomp" and not_yet_done(candidate.verb.head):
        event = None  # "has yet to be ratified by the European Parliament": not done so far, no refusal
    if event is not None and modality is not None and subject.entity.type == CONCEPT and not _is_agent_noun(candidate.subject):
        event = None  # a thing intends, threatens or promises nothing: "a resolution that aims to impose …"
    if event in FORCE_EVENTS:
        # "Trump attacked Obama" is a criticism, "broke a promise" no use of force
        head = candidate.object if candidate.object is not None and candidate.object.pos_ != "VERB" else None
        # what is acted on: the thing an actor sits in ("moved into a lead over Labour"), else the object
        acted_on = candidate.container or next((c for c in candidate.verb.children if c.dep_ == "dobj"), None) if candidate.kind in ("nested", "prep") else head
        kind = None if obj is None else argument_kind(obj, head)
        target = head
        if acted_on is not None and acted_on is not head and kind != THING and not missile(acted_on):
            # a thing acted on that holds the actor is the target ("moved into a lead over Labour")
            thing = resolver.argument(acted_on, offset)
            if thing is not None and thing.entity.type == CONCEPT:
                kind, target = argument_kind(thing, acted_on), acted_on
        listed = target is not None and specific_event(lemma.split()[0], None, concept_words(target)) is not None
        event = force_event(event, lemma.split()[0], subject=doer_kind(subject, candidate.subject), obj=kind,
                            subject_head=concept_words(candidate.subject), object_head=concept_words(target) if target is not None else "",
                            listed=listed, official=holds_office(subject), particle=" ".join(lemma.split()[1:2]),
                            subject_code=subject.entity.code or "", places=clause_places(candidate.verb),
                            object_words=[] if obj is None else obj.text.split(), setting=resolver.setting,
                            act_words=text.split(), particles=" ".join(lemma.split()[1:]),
                            same_side=obj is not None and own_side(subject, obj, head),
                            direct_object=any(c.dep_ == "dobj" for c in candidate.verb.children),
                            instrument=instrument_of(candidate.verb))
        if event == "FIGHT" and deployment(lemma.split()[0], " ".join(lemma.split()[1:2]), any(c.dep_ == "dobj" for c in candidate.verb.children)):
            event = "MOBILIZE"  # "has moved 18 warships into the Arabian Sea": a deployment (CAMEO 15x)
        if unrealised_infinitive(candidate.verb):
            event = None  # "conspired to kill", "authorized the military to conduct airstrikes": not done
        if hypothetical_act(candidate.verb):
            event = None  # "an ISIS attack in the U.S. would pale compared to the attacks of the past"
        if unasserted_clause(candidate.verb) or scare_quoted(candidate.verb):
            event = None  # "in case the U.S. does launch strikes", "believed the government carried out the attacks", "who “invade” the U.S."
        act = act_object(candidate.verb)
        if obj is not None and (obj.entity.id == subject.entity.id or lemma.split()[-1] in ("from", "to") and act is None):
            # force on oneself is a misread ("Commonwealth closed it"); "banned X from the
            # Olympics", "ordered X to jail" name where, not whom; but "set fire to the
            # offices" names the target
            event = None
        thrown = next((c for c in candidate.verb.children if c.dep_ == "dobj"), None)
        if obj is not None and thrown is not None and lemma.split()[-1] in LOCATIVE_PREPS and not (
                lemma.split()[-1] == "at" and projectile(thrown)):
            event = None  # a place after the one acted on says where: "killed a leader at Baghdad's airport"
        if event == "FIGHT" and thrown is not None and launch_without_target(
                lemma.split()[0], concept_words(thrown), aiming_preps(candidate.verb)):
            event = "MOBILIZE"  # "North Korea has launched two missiles over Japan": a display of force (CAMEO 150)
        if act is not None and candidate.object == act and any(
                c.dep_ == "prep" and c.lower_ in ACT_TARGET_PREPS for c in (*candidate.verb.children, *act.children)):
            event = None  # "set fire (to the offices)": the act's statement is the one with the target
        if event in FORCE_EVENTS and (named_far(candidate.subject, subject, resolver, offset) or obj is not None and
                                      candidate.object is not None and named_far(candidate.object, obj, resolver, offset)):
            event = None  # "… failed to flag a gunman's conviction before he killed 26 people": a guessed doer (or target)
    if obj is None and candidate.kind not in THING_FACT_KINDS and (event is None or event in NEEDS_TARGET):
        return None  # an object-less statement is kept only as an event that needs no target, or a change
    attributed = resolver.argument(speaker, offset) if speaker is not None else quoted_by
    if attributed is None:
        attributed = pronoun_speaker(speaker, quoted_by, last_speaker)  # "He said …" with no antecedent found
    if attributed is not None and speaker is not None and plural_for_body(speaker, attributed):
        attributed = last_speaker  # "they said" is people, not the newspaper that quoted them
    if speaker is not None and respondents(speaker):
        # "12% said they would vote for Warren": the finding of the survey the article reports
        # ("the online poll" in the sentence is the poll the article named before)
        found = survey_of(speaker)
        here = resolver.argument(found, offset) if found is not None else None
        attributed = (here if found is not None and named_survey(found) else None) or survey or here or attributed
    # "Trump has hinted he would repeal …": the pronoun is the speaker, the surest reading of one
    own_word = reported_by_antecedent(candidate.subject, speaker, subject, attributed)
    if attributed is not None and speaker is not None and attributed.entity.id == subject.entity.id:
        attributed = self_report_source(sentence, speaker, resolver, offset, quoted_by) or attributed
    if modality is None and is_allegation_source(speaker):
        modality = "claimed"  # "according to the suit, Brown …": an allegation, not a finding
    if modality is None and own_account(attributed, subject, obj, lambda a, b: a.entity.id == b.entity.id):
        modality = "claimed"  # "Taylor says Brown overpowered her": the accuser's account
    if event in FORCE_EVENTS and obj is not None and personal_accusation(
            alleging_governor(candidate.verb), subject.entity.type, obj.entity.type):
        event = None  # "Ford, who alleged Kavanaugh assaulted her": a contested charge, no act reported
    if attributed is not None and attributed.entity.id == subject.entity.id and speaker == candidate.subject:
        attributed = None
    if negated and obj is not None:
        obj = without_denying_word(obj, candidate.object)
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
        confidence=_confidence(candidate, subject, obj, sentence, governed=refusal is not None, own_word=own_word),
        clues=tuple(sorted(learned_gate.parse_features(candidate, sentence, subject, obj, speaker=speaker, quoted_by=quoted_by,
                                                       resolver=resolver, offset=offset).items())),
    )


def without_denying_word(obj: Argument, head: Token | None) -> Argument:
    """The object of a statement negated by the object's own "no", without it: "the government
    provides no resources" is "NOT provides | resources", not the double negative "NOT provides |
    no resources"."""
    if head is None or not any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in head.children):
        return obj
    if not obj.text.lower().startswith("no "):
        return obj
    return replace(obj, text=obj.text[3:])


# Pronouns of a third person, never the speaker's word for themself.
THIRD_PERSON_PERSONAL = {"he", "him", "she", "her", "his", "hers"}


def first_person(head: Token, sentence: Span, voices: dict[str, Argument | None], resolver: EntityResolver) -> Argument | None:
    """The speaker a first-person argument stands for (:func:`kg.attribution.first_person_voice`):
    "I" and "me" the speaker, "we" and "us" the body or state the speaker speaks for
    (:func:`kg.attribution.speaker_body`)."""
    voice = voices.get(first_person_voice(head, sentence, bool(voices.get("turn"))) or "")
    if voice is None:
        return None
    if head.lower_ in FIRST_PERSON_PLURAL:
        body = speaker_body(voice.entity, lambda id_: resolver.gazetteer.get(id_) or next(
            (e for _, e in resolver.history if e.id == id_), None))
        return Argument(head.text, body) if body is not None else None
    return Argument(head.text, voice.entity)


def self_in_third_person(head: Token | None, argument: Argument | None, turn: Argument | None) -> bool:
    """A third-person pronoun of a turn, or of a quotation whose speaker another sentence names,
    resolved to that speaker: speakers say "I", not "he" or "she", of themselves, so the pronoun
    was misresolved."""
    return (head is not None and argument is not None and turn is not None and head.pos_ == "PRON"
            and head.lower_ in THIRD_PERSON_PERSONAL and argument.entity.id == turn.entity.id)


def speaker_voice(speaker: Token | None, resolver: EntityResolver, offset: int,
                  quoted_by: Argument | None) -> Argument | None:
    """Who speaks a clause, for its first person: the speaker the sentence names for it
    (``speaker``, :func:`kg.attribution.speech_subject`: "“I never met him,” Trump said"), else
    the one of the quotation or turn it is part of."""
    if speaker is not None and speaker.lower_ not in FIRST_PERSON:
        found = resolver.argument(speaker, offset)
        if found is not None:
            return found
    return quoted_by


def reported_by_antecedent(head: Token, speaker: Token | None, subject: Argument, attributed: Argument | None) -> bool:
    """A subject pronoun of a reported clause resolved to the clause's own speaker: "Trump has
    hinted he would repeal …", "Christie announced that he was dropping …" (the commonest and
    surest reading of a pronoun in news)."""
    return (head.pos_ == "PRON" and head.dep_ in ("nsubj", "nsubjpass") and speaker is not None and speaker is not head
            and attributed is not None and attributed.entity.id == subject.entity.id and attributed.entity.type == "Person")


def plural_for_body(speaker: Token, attributed: Argument) -> bool:
    """A plural pronoun speaker resolved to one body or person: "…, they said" after "U.S.
    officials were quoted by the New York Times" are the officials, not the newspaper."""
    return speaker.pos_ == "PRON" and speaker.lower_ in ("they", "them") and attributed.entity.type in ("Organization", "Person", "ArmedGroup")


def self_report_source(sentence: Span, speaker: Token, resolver: EntityResolver, offset: int,
                       quoted_by: Argument | None) -> Argument | None:
    """Who reports a speaker's word on their own act: "“Christie announced that he was
    dropping the fight …,” The Star-Ledger writes" is the Star-Ledger's report, and so is such a
    sentence inside the Star-Ledger's quotation (None when nobody else reports it)."""
    outer = outer_source(sentence, speaker)
    found = resolver.argument(outer, offset) if outer is not None else None
    return found or quoted_by


# Sectors of a CAMEO code that hold state power: government, military, police, judiciary.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD"})


# What is fired or thrown at a target, whose "at" phrase names that target ("fired rockets at
# Israel", "threw stones at police", "opened fire at the crowd"); after any other object a place
# phrase says where ("shot a guard at the embassy", "killed 26 people at a church").
MISSILES = frozenset("bullet grenade round rock shot stone".split())


def missile(noun: Token) -> bool:
    """Whether a direct object is a weapon or a missile (:data:`MISSILES`): "fired shots at"."""
    return noun.lemma_.lower() in MISSILES or is_weapon(concept_words(noun))


def projectile(noun: Token) -> bool:
    """Whether a direct object is a weapon, a missile or an act of force: "opened fire at"."""
    return missile(noun) or noun.lemma_.lower() in ACT_NOUNS or names_an_act(concept_words(noun))


def instrument_of(verb: Token) -> str:
    """The head noun of a verb's "with" phrase, what it is done with ("slapped Jones with a
    suspension": suspension), or ""."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj.lemma_.lower()
    return ""


# The clauses a charge is laid by: "Ford, who alleged Kavanaugh assaulted her", "she claimed he
# slapped her and forced her to …" (the conjunct too), "claimed were present when he assaulted her".
CHARGED_CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "conj")


def alleging_governor(verb: Token) -> str:
    """The lemma of the verb of allegation that governs a clause, through at most three clauses
    (:data:`kg.events.ALLEGING_VERBS`), or ""."""
    governor = verb
    for _ in range(3):
        if governor.dep_ not in CHARGED_CLAUSE_DEPS or governor.head is governor:
            break
        governor = governor.head
        if governor.lemma_.lower() in ALLEGING_VERBS:
            return governor.lemma_.lower()
    return ""


def named_far(head: Token, argument: Argument, resolver: EntityResolver, offset: int) -> bool:
    """Whether an argument is reached through a personal pronoun whose actor was last named two
    or more sentences before, or never (:func:`kg.events.doer_named_nearby`)."""
    if head.lower_ not in PRONOUN_AGREEMENT:
        return False
    back = resolver.antecedent_distance(head, argument.entity, offset)[0]
    return not doer_named_nearby(back)


def clause_places(verb: Token) -> list[str]:
    """The nouns of a clause's prepositional phrases, on the verb or its object ("escalated the
    offensive on social media": medium), for :func:`kg.events.in_a_medium`."""
    heads, places = [verb, *(c for c in verb.children if c.dep_ == "dobj")], []
    for _ in range(2):  # and a phrase inside a phrase: "offensive against the council on social media"
        heads = [g for h in heads for p in h.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        places += [g.lemma_.lower() for g in heads]
    return places


def unrealised_infinitive(verb: Token) -> bool:
    """An infinitive under a governor of plans, rivalry, learning or permission ("conspired to
    kill", "vie to kill", "learning how to use", "authorized the military to conduct"): no act
    is reported (:data:`kg.events.IRREALIS_GOVERNORS`); so is a conjunct of one ("prefers to capture,
    interrogate and prosecute terrorists")."""
    for _ in range(4):
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return (verb.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and unrealised(verb.head.lemma_))



# Links from a clause up to the clause or noun that governs it, through which a condition or a
# belief reaches it: complements, adverbial clauses, coordinated clauses, clauses of nouns.
CLAUSE_LINKS = frozenset("acl advcl ccomp conj csubj pcomp relcl xcomp".split())


def under_condition(token: Token) -> bool:
    """A clause head with a subordinator of condition: "if militants advance", "in case the
    U.S. does launch strikes" ("in case" is parsed as a phrase of the verb, "if" at times as a
    word of the subject: "if the militants | advance")."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "mark" and conditional(c.lower_) for t in (token, *subjects) for c in t.children) or any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and conditional(c.lower_, g.lemma_) for g in c.children)
        for c in token.children)


def scare_quoted(verb: Token) -> bool:
    """A verb between quotation marks on its own: a word the writer holds at a distance, not an
    act reported ("illegal immigrants who “invade” the U.S.")."""
    doc = verb.doc
    return 0 < verb.i < len(doc) - 1 and doc[verb.i - 1].text in QUOTE_CHARACTERS and doc[verb.i + 1].text in QUOTE_CHARACTERS


def unasserted_clause(verb: Token) -> bool:
    """A clause the sentence does not assert: under a condition ("in case the U.S. does launch
    strikes"), believed, feared or denied ("believed the government carried out the attacks",
    "people thinking that soldiers beat up civilians", "the theory that …"), or charged
    ("accused Kristol of killing"), however deep (:func:`kg.events.unasserting`)."""
    token = verb
    for _ in range(8):
        if under_condition(token):
            return True
        head = token.head
        if head is token or token.dep_ not in CLAUSE_LINKS:
            return False
        if accusation(token) is not None:
            return True  # "accused Kristol of killing" (kg.clauses.accusation)
        if token.dep_ != "conj" and unasserting(head.lemma_, noun=head.pos_ in ("NOUN", "PROPN")):
            return True
        if token.dep_ == "relcl":
            return False  # "the gunman who attacked the home": the relative clause is presupposed
        token = head
    return False



def aiming_preps(verb: Token) -> list[str]:
    """The prepositions of a clause that can name what it aims at: not those of a time ("fired
    two missiles on Thursday"), for :func:`kg.events.launch_without_target`."""
    return [c.lower_ for c in verb.children if c.dep_ == "prep" and not any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)]


def holds_office(argument: Argument) -> bool:
    """A person whose CAMEO code puts them in state office: "President Museveni" (UGAGOV)."""
    code = argument.entity.code or ""
    return argument.entity.type == "Person" and code[3:6] in OFFICE_SECTORS


# Modal verbs of a hypothesis: an act named as the subject of such a clause is supposed.
HYPOTHETICAL_MODALS = frozenset("could might would".split())


def hypothetical_act(noun: Token) -> bool:
    """An act of force named by a noun that is the subject of a hypothetical clause: "an ISIS attack
    in the U.S. would pale compared to the attacks of the past"."""
    return (noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in noun.head.children))


def own_side(subject: Argument, obj: Argument, head: Token | None) -> bool:
    """Whether the object is the subject's own state, named as a state or as its forces: "Trump
    announced he would be removing US forces", "he was destroying America" (a person's or a
    body's affiliation, or the country of its CAMEO code); its people are not ("Erdogan jailed
    Turks" is repression)."""
    owner = subject.entity.affiliation
    same = obj.entity.id == owner or obj.entity.type == "Country" and bool(obj.entity.code) and (
        subject.entity.code or "")[:3] == obj.entity.code[:3] and subject.entity.id != obj.entity.id
    if not same or head is None:
        return False
    return head.ent_type_ in ("GPE", "LOC") or agent_role(head.lemma_.lower()) in ARMED_SECTORS


# Nouns of people gathered, who suffer force as people do ("opened fire on the crowd").
GATHERINGS = frozenset("audience congregation crowd gang mob".split())


def argument_kind(argument: Argument, head: Token | None) -> str:
    """What an argument can do or suffer, for :func:`kg.events.force_event`: armed agents
    ("Iraqi troops", an armed group), states, persons and bodies, places, people ("civilians")
    and things."""
    word = head.lemma_.lower() if head is not None else ""
    if head is not None and (agent_role(word) in ARMED_SECTORS or agent_role(head.lower_) in ARMED_SECTORS):
        return ARMED
    kind = argument.entity.type
    if kind == "ArmedGroup":
        return ARMED
    if kind == "Country":
        return STATE
    if kind == "Location":
        return PLACE
    if kind == "Person":
        return PERSON
    if kind == "Group":
        return PEOPLE  # an unnamed collective: "Kurds", protester (Iraq)
    if kind != CONCEPT:
        return BODY
    if head is not None and (is_agent_word(head) or names_a_person(word) or word in HUMAN_NOUNS or word in GATHERINGS):
        return PEOPLE
    if head is not None and any(c.dep_ == "compound" and c.lemma_.lower() in agent_nouns() for c in head.lefts):
        return PEOPLE  # "opposition candidates", "police officers"
    return PERSON if head is not None and head.pos_ == "PROPN" else THING


def doer_kind(argument: Argument, head: Token | None) -> str:
    """:func:`argument_kind` of a clause's doer; a place no gazetteer knows (no state code) is
    taken for a body: a name the model tagged as a place does things a place does not ("Spotify,
    YouTube and Stitcher banned Jones"), and holds no public authority."""
    kind = argument_kind(argument, head)
    return BODY if kind == PLACE and not argument.entity.code else kind


def amount_changes(subject: Argument, head: Token, lemma: str) -> bool:
    """A thing (no actor, no people) whose amount changes (:data:`CHANGE_VERBS`): a change,
    no act of anyone's ("exports declined"); "Japan declined to comment" is still a refusal."""
    return lemma.split()[0] in CHANGE_VERBS and subject.entity.type == CONCEPT and not _is_agent_noun(head)


def _is_agent_noun(head: Token) -> bool:
    """A common noun for people who act: "workers", "protesters", "police"."""
    return head.pos_ == "NOUN" and (is_agent_word(head))


def clause_depth(verb: Token) -> int:
    """How many clauses down ``verb`` is from the sentence's main clause: relative and
    adverbial clauses and the complement of a non-speech verb count; coordination,
    control ("refused to share") and the reported clause of a speech verb do not, nor a
    purpose clause (already discounted)."""
    depth, node = 0, verb
    for _ in range(8):
        if node.head is node:
            break
        if node.dep_ in ("relcl", "acl") or node.dep_ == "advcl" and not is_purpose(node) or node.dep_ == "ccomp" and node.head.lemma_ not in SPEECH_VERBS:
            depth += 1
        node = node.head
    return depth


# Pronouns by the kind of antecedent they agree with.
PRONOUN_KINDS = {**dict.fromkeys(("he", "him", "his", "himself"), "m"), **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
                 **dict.fromkeys(("they", "them", "their", "themselves"), "pl"), **dict.fromkeys(("it", "its", "itself"), "n")}


def same_kind_pronouns(subject: Token, obj: Token) -> bool:
    """Both arguments pronouns of one kind ("he … him", "they … them"): each was resolved on
    its own, and nothing in the clause tells which is which."""
    kind = PRONOUN_KINDS.get(subject.lower_)
    return kind is not None and subject.pos_ == "PRON" and obj.pos_ == "PRON" and PRONOUN_KINDS.get(obj.lower_) == kind


def named_agent(head: Token) -> bool:
    """A subject that names who acts though no entity was found for it: a name ("Praxis"),
    the short name of a body ("the Court"), a noun of people acting ("private employers")."""
    return (head.pos_ == "PROPN" and head.is_title and head.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL")
            or is_agent_word(head))


def owned(head: Token) -> bool:
    """A thing of a named actor, which speaks of it: "U.S. retail sales", "Hughes Tool's board",
    "its board"."""
    if any(c.dep_ in ("poss", "nmod", "compound") and c._.kg_mention is not None for c in head.children):
        return True
    # "its board", "his group": a body of someone referred to; not "their time"
    lemma = head.lemma_.lower()
    return (lemma in BODY_NOUNS or lemma in agent_nouns()) and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def announced_decision(verb: Token) -> bool:
    """A clause reported as a decision: "announced (that) it would prohibit all aid", "decided
    that it will close the border" (a complement of announce, declare or decide)."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DECISION_VERBS


# Prepositions of place: after a direct object they say where an act was done, not to whom.
LOCATIVE_PREPS = frozenset({"at", "in", "near", "outside", "inside"})
# Prepositions that name the target of an act named by the object: "set fire to", "opened fire on".
ACT_TARGET_PREPS = frozenset({"to", "on", "at"})


def act_object(verb: Token) -> Token | None:
    """The direct object that names an act of force, whose target a preposition names:
    "set fire to the offices", "laid siege to the city" (:func:`kg.events.names_the_act`)."""
    lemma = verb_lemma(verb).split()[0]
    return next((c for c in verb.children if c.dep_ == "dobj" and names_the_act(lemma, c.lemma_)), None)


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


def _object_argument(candidate: Candidate, resolver: EntityResolver, offset: int) -> Argument | None:
    head = candidate.object
    if candidate.object_entity is not None:
        return Argument(phrase_text(head), candidate.object_entity)
    if candidate.kind == "nested":
        # the actor inside a thing: the thing is part of the predicate (:func:`thing_of_actor`)
        found = resolver.argument(head, offset)
        named = head if thing_of_actor(candidate.container, head) is not None else candidate.container
        return Argument(phrase_text(named), found.entity) if found is not None else None
    if candidate.object_words:
        # a phrase the parse split: "MP for Richmond, North Yorks" is one thing
        text = " ".join(t.text for t in candidate.object_words)
        return Argument(text, Entity(id=text.lower(), label=text, type=CONCEPT))
    if candidate.kind == "measured":
        # an amount is its own node: "4.77 billion dlrs", "0.3%"
        text = amount_text(head)
        return Argument(text, Entity(id=text.lower(), label=text, type=CONCEPT))
    if head.pos_ == "VERB":
        # a clause as object: "refusal to share intelligence" → "share intelligence"
        objects = [c for c in head.children if c.dep_ == "dobj"]
        words = [head, *(t for o in objects[:1] for t in _phrase(o))]
        text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        name = " ".join([head.lemma_.lower(), *(o.lemma_.lower() for o in objects[:1])])
        return Argument(text, Entity(id=name, label=name, type=CONCEPT))
    return resolver.argument(head, offset)


def _confidence(candidate: Candidate, subject: Argument, obj: Argument, sentence: Span, *, governed: bool = False,
                own_word: bool = False) -> float:
    """How reliable the pattern is (calibrated on PLOVER dev, see ``BASE_CONFIDENCE``); a
    pronoun subject that is its clause's own speaker ("Obama said he would …") costs nothing."""
    score = BASE_CONFIDENCE[candidate.kind]
    if candidate.inherited_subject and not governed:  # "refused to share": the refuser's own subject
        score *= 0.95
    if is_purpose(candidate.verb):
        score *= 0.85  # "… to protest the arrests": the aim beside the act, read less reliably
    if subject.entity.type == CONCEPT or obj is not None and obj.entity.type == CONCEPT:
        score *= 0.9
    if (candidate.subject.pos_ == "PRON" and not own_word) or candidate.object is not None and candidate.object.pos_ == "PRON":
        score *= 0.7
    if candidate.object is not None and same_kind_pronouns(candidate.subject, candidate.object):
        score *= 0.7  # "nobody has found him to interview him": which he is which is a second guess
    if len(sentence) > 40:
        score *= 0.9
    # a main-clause event outranks one in a clause it governs: "A demanded that B refuse …"
    score *= 0.9 ** clause_depth(candidate.verb)
    return round(score, 3)
