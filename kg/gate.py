"""The precision gate: statements kept in statements.jsonl but not asserted, nor drawn.

A statement read from a sentence can be syntactically sound and still say nothing a reader
of the graph can trust: an argument that is a fragment ("regional" from "won Sunday's
regional elections"), a predicate empty of meaning ("X is a reporter", "he did a lot of
good things"), one actor linked to itself, a pronoun resolved against its gender or number,
or a pattern read with low confidence.  :func:`gate_reason` names the first such reason, one
function per kind below, and then asks the learned gate (kg/learned_gate.py: a model of how
likely a statement is to be wrong, trained on statements judged by hand) about the statements
the rules let through; the statement keeps the reason in its ``gated`` field.  A gated statement
stays in statements.jsonl and on its ``kg:Statement`` node (``kg:gated``), but is no direct
triple and is not drawn on the page unless the build or view is asked for ``--all``
(:func:`kg.types.is_asserted`).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kg import learned_gate
from kg.types import Argument, Statement, read_jsonl

if TYPE_CHECKING:  # the build's own process reads gated records without importing spaCy
    from spacy.tokens import Span

CONCEPT = "Concept"

# Verbs that, with a generic thing as object, say nothing about who did what to whom:
# "took steps", "had a rebuttal", "did a lot of good things", "made a plea".  The copula is
# empty whatever its object ("Adam Shaw is a Breitbart News reporter" is no relation of his
# to Breitbart News); a stance adjective ("critical of") is its own predicate, not "be".
LIGHT_VERBS = {"have", "do", "get", "make", "take", "go", "come", "put", "give", "say", "tell", "see"}
COPULA = "be"
# Verbs whose object may be a bare amount: "rose 4.8 pct", "totalled 11.7".
MEASURE_VERBS = {"rise", "fall", "increase", "decrease", "drop", "climb", "decline", "total", "reach", "gain",
                 "lose", "grow", "shrink", "jump", "slip", "ease", "edge", "post", "report", "estimate", "put", "raise",
                 "cut", "reduce", "exceed", "surge", "plunge", "slump", "tumble", "soar", "rebound", "widen", "narrow"}
# The copula with these is a change, not an empty predicate: "sales were down 10 pct" ("be down").
CHANGE_ADVERBS = (["up"], ["down"], ["off"], ["higher"], ["lower"])
# ... and of a return: "Biden is back" (kg.relations.copular_return)
RETURN_ADVERBS = (["back"],)
# A light verb's noun of a stance, and the prepositions after it that say what it is about:
# "had no position on", "take a stand against", "hold hearings on" (kg.relations.light_verb_noun).
LIGHT_NOUN_VERBS = {"have", "hold", "take", "express", "voice"}
STANCE_NOUNS = {"position", "stance", "stand", "view", "line", "approach", "policy", "opinion", "concern", "doubt",
                "reservation", "objection", "question", "hearing", "debate", "vote", "say", "influence", "control",
                "jurisdiction", "authority", "veto", "decision"}
STANCE_NOUN_PREPS = {"on", "about", "over", "towards", "toward", "against"}
# ... and of a judgement that is itself news: "job losses are unprecedented" (kg.relations.judgement_adjective)
JUDGEMENT_ADJECTIVES = {
    "unprecedented", "unjustified", "justified", "unacceptable", "illegal", "unlawful", "legal", "unconstitutional",
    "constitutional", "invalid", "incorrect", "correct", "wrong", "false", "untrue", "inaccurate", "misleading", "unfair",
    "negative", "positive", "bullish", "bearish", "friendly", "favourable", "favorable", "unfavourable", "unfavorable",
    "harmful", "beneficial", "dangerous", "unsafe", "unsustainable", "inevitable", "irresponsible",
}
# Parts of speech that cannot be a whole argument on their own: "unharmed", "both", "Iranian".
# A verb too ("pledged … plans" with "plans" read as a verb), but not a gerund, which is a noun
# phrase: "cannot support bartering".
FRAGMENT_POS = {"ADJ", "DET", "NUM", "ADV", "ADP", "PART", "CCONJ", "SCONJ", "AUX", "VERB", "INTJ", "PUNCT", "SYM", "X"}
# Words an argument cannot end on: it was cut in the middle of a coordination or a phrase.
DANGLING = {"and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from", "the", "a", "an",
            "as", "than", "that", "which", "who", "w/"}
# Conjunctions that open a subordinate clause: an argument that starts with one is the subject
# of a condition or a reason misparsed into the argument ("if the Islamic State militants").
SUBORDINATORS = {"if", "unless", "whether", "because", "although", "though"}
# Pronouns and the kinds of entity they can stand for.
PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NOMINATIVE = {"he", "she", "they", "i", "we"}
# What "they" cannot stand for (see pronoun_disagrees).
PLURAL_MISMATCH = {"Person", "Organization", "ArmedGroup"}
# Verbs of having: with an actor as object they relate nobody to anybody ("Bush had the poor
# early showings of Biden", "He's got a few of them").
POSSESSION_VERBS = {"have", "get"}
PRONOUNS = PERSONAL | NEUTER | PLURAL | {"i", "me", "my", "we", "us", "our", "you", "your", "one", "this", "that",
                                         "these", "those", "who", "which", "what", "someone", "anyone", "everyone"}
# Nouns of people or bodies that name no one in particular: a concept node for "officials"
# or "the president" would merge every official and every president of the corpus into one.
GENERIC_ACTORS = {"other", "others", "country", "group", "nation", "state", "member", "people", "person", "side",
                  "party", "some", "many", "most", "all", "one", "both", "everyone", "someone", "anyone", "predecessor",
                  "successor", "rapporteur", "author", "critic", "supporter", "opponent", "resident", "citizen",
                  "colleague", "friend", "family", "official", "authority", "spokesperson", "source", "analyst",
                  "expert", "observer", "ally", "rival", "neighbour", "neighbor", "lawmaker", "leader", "administration",
                  "government", "president", "minister", "company", "firm", "agency", "department", "teenager", "pupil",
                  "student", "child", "man", "woman", "men", "women", "voter", "worker", "employee", "investor"}
# Nouns of time: "at the time", "on Sunday", "in the year" say when, not to whom.
TIME_NOUNS = {"time", "year", "day", "week", "month", "hour", "moment", "period", "night", "morning", "evening",
              "afternoon", "weekend", "decade", "century", "date", "season", "quarter", "term", "today", "tomorrow",
              "yesterday", "past", "future", "end", "beginning", "start", "anniversary", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday", "sideline", "sidelines", "way", "instance",
              "case", "face value", "behalf", "part"}
# Below this a statement is more often wrong than right: a pronoun argument with a thing as the
# other in a long sentence (0.7 × 0.7 × 0.9 × 0.9 = 0.40), or weaker.  0.45 (every pronoun with
# a thing) did better on the judged training articles (49 → 54 % fully correct) but gates a third
# more statements of newsfacts dev and loses key facts there (23 → 20): see bench/README.md.
MIN_CONFIDENCE = 0.42

_LETTER = re.compile(r"[^\W\d_]")
# A wire dateline opening a sentence: "ZURICH, March 26 -", "SAN JOSE, Costa Rica, March 5 -".
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,(?: [A-Z][\w .'-]*,)? [A-Z][a-z]{2,}\.? \d{1,2}\s*[-\u2013\u2014]")
_END_PUNCT = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$|[\"\u201d]\s*$")


def _words(text: str) -> list[str]:
    return text.lower().replace("\u2019", "'").split()


def _head_word(argument: Argument) -> str:
    """The last word of the entity's label, which names the concept: "aid worker" → worker."""
    words = _words(argument.entity.label or argument.entity.id)
    return words[-1] if words else ""


def _token_of(sentence: Span | None, text: str):
    """The token of a one-word argument in its sentence, if it can be found."""
    if sentence is None:
        return None
    for token in sentence:
        if token.text == text:
            return token
    return None


# -- the reasons, one function per kind -----------------------------------------------------


def self_loop(statement: Statement, sentence: Span | None = None) -> bool:
    """One actor linked to itself: "Obama said he would not meet him" read as Obama – meet – Obama."""
    return statement.object is not None and statement.subject.entity.id == statement.object.entity.id


def fragment_argument(argument: Argument, sentence: Span | None = None, *, is_object: bool = False,
                      lemma: str = "") -> bool:
    """An argument that is a piece of a phrase, not a thing or an actor."""
    text = argument.text.strip()
    words = _words(text)
    if not words or not _LETTER.search(text):
        # a bare number: "+2.8", "1986" (an amount after "rose" is that verb's object)
        return not (is_object and (lemma.split()[0] in MEASURE_VERBS or lemma.split()[1:2] in CHANGE_ADVERBS))
    if words[-1] in DANGLING or words[0] in {"and", "or", "but", "of"}:
        return True  # cut in a coordination: "both the al-Assad government in Damascus and"
    if len(words) > 1 and words[0] in SUBORDINATORS:
        return True  # a clause's conjunction read into its subject: "if the militants | advance on | troops"
    if len(words) == 1:
        if words[0] in PRONOUNS and argument.entity.type == CONCEPT:
            return True  # a pronoun left unresolved
        if is_object and words[0] in NOMINATIVE:
            return True  # "he" as an object: the clause was misread ("was nominated by she")
        token = _token_of(sentence, text)
        if token is not None and token.pos_ in FRAGMENT_POS and not (token.pos_ == "VERB" and token.tag_ == "VBG"):
            return not (not is_object and adjectival_actor(token, argument, lemma))
    return False


def adjectival_actor(token, argument: Argument, lemma: str) -> bool:
    """A people's adjective that names the actor of the event noun it modifies, the predicate
    ("Russian strikes against civilians", "an Iranian attack on positions": Russia and Iran
    strike and attack); any other lone adjective is a fragment ("unharmed", "regional", or
    "Democratic" of "Democratic congressmen" as the subject of their verb)."""
    return (token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.pos_ == "NOUN"
            and token.head.lemma_.lower() == lemma.split(" ", 1)[0] and argument.entity.type != CONCEPT)


def dateline_argument(argument: Argument, sentence_text: str) -> bool:
    """The place of a wire dateline read as an actor: "ZURICH, March 26 - Increased activity
    by Switzerland's banks pushed …" read as Switzerland – push – exports."""
    match = _DATELINE.match(sentence_text.lstrip())
    return match is not None and argument.text.strip() in match.group(0)


def headline_fragment(statement: Statement, sentence: Span | None = None) -> bool:
    """A headline, table row or caption: no closing punctuation and most words capitalised
    ("Other Capital Traffic Included N/A (+5.6)", "Can Merkel Hold On").  The article's own
    headline is none: it was rewritten as a sentence before it was parsed (kg/headlines.py)."""
    if statement.from_title:
        return False
    text = statement.sentence.strip()
    if _END_PUNCT.search(text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019.-]*", text) if len(w) > 3 or w[0].isupper()]
    if len(words) < 2:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words)


# A photo caption of a gallery or wire photo: "Hide Caption 11 of 19 Photos: Sochi transformed
# – …", "FILE PHOTO: Democratic candidates …", "Photo: …".
_CAPTION = re.compile(r"^\s*(?:(?:Hide|Show) Caption\b|\d+ of \d+ Photos?:|(?:FILE )?PHOTOS?:|Photo(?:graph)?:)", re.IGNORECASE)


def caption(statement: Statement) -> bool:
    """A photo caption, which describes a picture and is no news: "Hide Caption 12 of 19
    Photos: Sochi transformed – Sochi's new Adler Arena is pictured in November 2012."."""
    return _CAPTION.match(statement.sentence) is not None


# An amount of change as an actor: "a 0.9 pct increase from the previous Friday and Urals were
# up", "a nine pct decrease from Japan | decrease | 18 pct" (the change is what is measured,
# never who acts).
CHANGE_NOUNS = {"increase", "decrease", "rise", "fall", "gain", "drop", "decline", "jump", "loss", "cut", "reduction"}
AMOUNT_WORDS = {"pct", "percent", "%", "dlr", "dlrs", "dollar", "dollars", "cts", "cent", "cents", "point", "points"}


def amount_as_subject(statement: Statement) -> bool:
    """The subject is an amount of change ("a 0.9 pct increase"), not who or what changed."""
    words = _words(statement.subject.entity.label or statement.subject.entity.id)
    return len(words) > 1 and words[-1] in CHANGE_NOUNS and any(w in AMOUNT_WORDS for w in words[:-1])


def extraposed_it(statement: Statement) -> bool:
    """"It is unjust to impose penalties": the subject "it" of an extraposed infinitive
    stands for the clause, not for an actor."""
    return _words(statement.subject.text) == ["it"] and _words(statement.predicate.text)[:1] == ["to"]


def fragment(statement: Statement, sentence: Span | None = None) -> bool:
    """Either argument a fragment or a dateline, an extraposed "it", or the sentence a
    headline or a photo caption (see the functions above)."""
    return (extraposed_it(statement)
            or caption(statement)
            or amount_as_subject(statement)
            or dateline_argument(statement.subject, statement.sentence)
            or statement.object is not None and dateline_argument(statement.object, statement.sentence)
            or fragment_argument(statement.subject, sentence, lemma=statement.predicate.lemma)
            or statement.object is not None and fragment_argument(statement.object, sentence, is_object=True,
                                                                  lemma=statement.predicate.lemma)
            or headline_fragment(statement, sentence))


# Lowercase particles inside personal names: "David dal Maso", "Ursula von der Leyen".
NAME_PARTICLES = {"al", "bin", "da", "dal", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
                  "la", "le", "ten", "ter", "van", "von"}
# What may stand before a capitalised word that still starts a clause: a full stop ("The U.K.
# Exported …" in wire copy), a colon, a quotation mark, a bracket or a dash.
_CLAUSE_OPENERS = ".:\"\u201c\u2018'(\u2014\u2013-"


def name_predicate(statement: Statement, sentence: Span | None = None) -> bool:
    """The verb is a word of a name the parse read as a verb: a capitalised word inside the
    sentence ("Black Lives Matter organizers Rashad Turner, Opal Tometi" read as organizers –
    Rashad – Turner; "exploits in association with state-run oil company Ecopetrol some wells")
    or a particle of a name ("drafted in David dal Maso" read as Kirwan – dal – Maso)."""
    if statement.from_title:
        return False
    words = statement.predicate.text.split()
    if words[:1] == ["to"]:
        words = words[1:]
    if not words:
        return False
    verb = words[0]
    for match in re.finditer(r"(?<![\w-])" + re.escape(verb) + r"(?![\w-])", statement.sentence):
        before = statement.sentence[:match.start()].rstrip()
        if not before:
            continue  # the sentence's first word
        if verb in NAME_PARTICLES or verb[0].isupper() and before[-1] not in _CLAUSE_OPENERS:
            return True
    return False


def pronoun_disagrees(argument: Argument) -> bool:
    """A pronoun resolved to an entity it cannot stand for: "he" a country, "it" a person,
    "they" one person."""
    words = _words(argument.text)
    if len(words) != 1:
        return False
    kind = argument.entity.type
    if words[0] in PERSONAL:
        return kind != "Person"
    if words[0] in NEUTER:
        return kind == "Person"
    if words[0] in PLURAL:
        # "they" is people (a group, a party, officials), not one body: resolved to a company,
        # a newspaper or an armed group it was wrong 11 times of 11 in the articles read
        return kind in PLURAL_MISMATCH
    return False


def pronoun(statement: Statement, sentence: Span | None = None) -> bool:
    """An argument resolved against its gender, number or kind: a pronoun (above), or, for a
    use of force, a plural noun of an actor's followers or "it" as a place (:func:`shaky_force`)."""
    return (pronoun_disagrees(statement.subject) or statement.object is not None and pronoun_disagrees(statement.object)
            or shaky_force(statement, sentence))


def empty_predicate(statement: Statement, sentence: Span | None = None) -> bool:
    """The copula, or a light verb with a generic thing as object and no event:
    "X is a reporter", "he did a lot of good things", "took steps"."""
    verb = statement.predicate.lemma.split()[0] if statement.predicate.lemma.split() else ""
    if statement.predicate.event is not None:
        return False
    if auxiliaries_only(statement.predicate.text):
        return True  # the parse lost the verb: "Ryan must | the Freedom Caucus" for "must court members of"
    if verb == COPULA:
        # a change is no empty copula: "sales were down 10 pct" (kg.relations.copular_change), nor a return
        second = statement.predicate.lemma.split()[1:2]
        return second not in CHANGE_ADVERBS + RETURN_ADVERBS and not set(second) & JUDGEMENT_ADJECTIVES
    if verb in POSSESSION_VERBS and statement.object is not None and statement.object.entity.type != CONCEPT \
            and not names_itself(statement.object):
        return True  # "Bush had the poor early showings of Biden", "He's got a few of them": a thing of the actor's
    light = statement.predicate.lemma.split()
    if len(light) == 3 and light[0] in LIGHT_NOUN_VERBS and light[1] in STANCE_NOUNS and light[2] in STANCE_NOUN_PREPS:
        return False  # the light verb's noun is the predicate: "had no position on" (kg.relations.light_verb_noun)
    return verb in LIGHT_VERBS and statement.object is not None and statement.object.entity.type == CONCEPT


# Words of a predicate that carry no act of their own: modals, the infinitive "to", negation.
AUXILIARY_WORDS = {"can", "could", "may", "might", "must", "shall", "should", "will", "would", "to", "not", "n't",
                   "never"}


def auxiliaries_only(text: str) -> bool:
    """A predicate of modals, "to" and negation alone ("must", "Should to"): its verb was lost."""
    words = text.lower().replace("\u2019", "'").split()
    return bool(words) and all(word in AUXILIARY_WORDS for word in words)


def names_itself(argument: Argument) -> bool:
    """Whether an actor argument is named by its own words ("Kerry", "him", "the United
    States"), not reached through a thing of its ("the poor early showings of Biden")."""
    words = [w for w in _words(argument.text) if w not in ("the", "a", "an")]
    label = set(_words(argument.entity.label or argument.entity.id))
    return len(words) <= 1 or all(w in label for w in words)


def circumstance(statement: Statement, sentence: Span | None = None) -> bool:
    """The object is a circumstance, not a participant: a fronted adverbial ("At the time,
    Iraq agreed …" read as Iraq – agree at – time) or a time ("said at the time")."""
    lemma = statement.predicate.lemma.split()
    words = _words(statement.predicate.text)
    if statement.object is None:
        return False  # an event without an object ("workers demonstrated") has no circumstance for one
    if len(lemma) > 1 and words and words[0] == lemma[-1] and words.count(words[0]) == 1 and words[0] != "to":
        # the preposition comes before the verb: it heads an adverbial of the clause ("to"
        # before the verb is the infinitive's: "to extend a credit line to IDBI")
        return True
    label = (statement.object.entity.label or "").lower()
    return len(lemma) > 1 and statement.object.entity.type == CONCEPT and (label in TIME_NOUNS or _head_word(statement.object) in TIME_NOUNS)


def generic_actor(statement: Statement, sentence: Span | None = None) -> bool:
    """An argument that is an actor named by a common noun alone ("officials", "the president",
    "others"): a concept is never the canonical home of an actor."""
    return any(argument.entity.type == CONCEPT and _head_word(argument) in GENERIC_ACTORS
               for argument in (statement.subject, statement.object) if argument is not None)


# The event classes of force (kg.events.FORCE_EVENTS), whose arguments must be sure: a reader
# takes "X killed Y" on the graph at its word.
FORCE_CLASSES = {"ASSAULT", "COERCE", "FIGHT"}


def plural_for_person(argument: Argument) -> bool:
    """A short plural noun phrase resolved to one person through its modifier: "Morsi
    supporters" is not Morsi, "Obama aides" not Obama."""
    words = _words(argument.text)
    label = set(_words(argument.entity.label or argument.entity.id))
    last = words[-1] if words else ""
    return (argument.entity.type == "Person" and 1 < len(words) <= 4 and last.isalpha() and last not in label
            and (last in IRREGULAR_PLURALS or len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is"))))


# Plural nouns of people that end in no "s": "All Trump people", "Obama's men".
IRREGULAR_PLURALS = {"people", "men", "women", "children", "staff", "police"}


def people_for_person(statement: Statement, sentence: Span | None = None) -> bool:
    """An argument that is a plural noun of people resolved to the one person its modifier or
    owner names: "All Trump people have denied the charges", "the top Obama officials", "his
    customers have included …" (they are not Trump, Obama, him)."""
    return any(plural_for_person(argument) for argument in (statement.subject, statement.object) if argument is not None)


def place_pronoun_agent(argument: Argument) -> bool:
    """"It" resolved to a place as the agent: a place uses no force ("It killed my father":
    an illness)."""
    return _words(argument.text) in (["it"], ["they"]) and argument.entity.type == "Location"


# Hyphenated modifiers that tie a group to an actor it is not: "the al Qaeda-linked group" is
# not al-Qaeda, "the Iran-backed group" not Iran ("Saudi-led" is: who leads acts).
_PROXY = re.compile(r"-(?:linked|backed|allied|affiliated|aligned|inspired|sponsored|supported|funded)\b", re.IGNORECASE)


def proxy_actor(argument: Argument) -> bool:
    """An argument that names a group by its patron: "two members of the al Qaeda-linked group"."""
    return _PROXY.search(argument.text) is not None


def located_actor(argument: Argument) -> bool:
    """A person or group named by a common noun and resolved to the country or place it is in:
    "a suicide bomber in Baghdad" is not Iraq."""
    words = _words(argument.text)
    label = set(_words(argument.entity.label or argument.entity.id))
    if argument.entity.type not in ("Country", "Location") or "in" not in words[1:]:
        return False
    before = words[:words.index("in")]
    # the name or its adjective before "in" names the actor itself: "Iraqi forces in Mosul"
    named = any(w.startswith(name[:4]) for name in label if len(name) > 3 for w in before)
    return not named and bool(before) and before[-1].isalpha()


def located_subject(statement: Statement, sentence: Span | None = None) -> bool:
    """The subject is a person or body named by a common noun and resolved to the place it is in
    ("the judge in Miami issued an order", "police officers in Louisville shot …"): whoever
    acts, the place does not.  (A place may still stand for its people as the object.)"""
    return located_actor(statement.subject)


def shaky_force(statement: Statement, sentence: Span | None = None) -> bool:
    """A use of force whose arguments are not sure: an actor reached through a plural noun of
    its followers or through its patron, an agent reached through the place it is in, or a
    pronoun resolved to a place as the agent."""
    if statement.predicate.event not in FORCE_CLASSES:
        return False
    arguments = [statement.subject] + ([statement.object] if statement.object is not None else [])
    # a place stands for its people as the target ("killed people in the United States"), but
    # not for the one who acts there ("a suicide bomber in Baghdad")
    return place_pronoun_agent(statement.subject) or located_actor(statement.subject) or any(
        plural_for_person(a) or proxy_actor(a) for a in arguments)


def low_confidence(statement: Statement, sentence: Span | None = None) -> bool:
    return statement.confidence < MIN_CONFIDENCE


# A statement that passes every rule but that the learned gate finds likely wrong.
LEARNED = "learned"

# The reasons in the order they are tried: the first that holds is recorded.
RULES: tuple[tuple[str, Callable[[Statement, Span | None], bool]], ...] = (
    ("self-loop", self_loop),
    ("fragment", fragment),
    ("name-predicate", name_predicate),
    ("pronoun", pronoun),
    ("empty-predicate", empty_predicate),
    ("circumstance", circumstance),
    ("located-actor", located_subject),
    ("people-for-person", people_for_person),
    ("generic-actor", generic_actor),
    ("low-confidence", low_confidence),
)


def gate_reason(statement: Statement, sentence: Span | None = None) -> str | None:
    """Why ``statement`` should not be asserted, or None when it passes the gate: the first rule
    that holds, else ``learned`` when the learned gate finds it likely wrong (kg/learned_gate.py).

    ``sentence`` is the parsed sentence the statement was read from; without it the rules
    that look at parts of speech are skipped.
    """
    reason = rule_reason(statement, sentence)
    if reason is None and learned_gate.is_likely_wrong(statement.to_record(), clues=dict(statement.clues)):
        return LEARNED
    return reason


def rule_reason(statement: Statement, sentence: Span | None = None) -> str | None:
    """The first of the rules that holds (RULES), or None."""
    for reason, rule in RULES:
        if rule(statement, sentence):
            return reason
    return None


def gated(statement: Statement, sentence: Span | None = None) -> Statement:
    """``statement`` with its ``gated`` field set (or left None when it passes)."""
    reason = gate_reason(statement, sentence)
    return statement if reason is None else statement.with_gate(reason)


def shown(records: Iterable[Mapping[str, Any]], *, keep_gated: bool = False) -> Iterator[Mapping[str, Any]]:
    """The statement records drawn on the page: the gated ones only with ``keep_gated`` (``--all``)."""
    return iter(records) if keep_gated else (record for record in records if not record.get("gated"))


def read_shown(path: str | os.PathLike[str], *, keep_gated: bool = False) -> Iterator[Mapping[str, Any]]:
    """:func:`shown` of the records of a statements.jsonl (a function, so it can be pickled)."""
    return shown(read_jsonl(path), keep_gated=keep_gated)
