"""Small helpers over a clause's dependency structure, shared by the relation, modality and
attribution rules (a verb's auxiliaries, its own subjects, whether it is a purpose clause)."""
from __future__ import annotations

from spacy.tokens import Token

from kg.entities import is_agent_word, names_a_person

SUBJECTS = {"nsubj", "csubj"}


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]


def own_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECTS]


# Relations of a noun phrase's head: a "verb" standing in one is a noun the parse misread.
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "compound", "poss"}
# Words between a possessive and its noun: "Clapton's 1991 hit", "the party's new push".
NOUN_PREMODIFIERS = {"NUM", "ADJ"}


def noun_read_as_verb(token: Token) -> bool:
    """A noun the parse tagged as a verb, which has no statement of its own: one that stands
    where a noun phrase does ("England lock Danny Grewcock needs to …": the rugby position
    as the subject of "needs"), or one right after a possessive or a determiner, with at most
    numbers and adjectives between ("Eric Clapton's 1991 hit Tears in Heaven", "the hit"):
    a finite verb never follows either.  A gerund is a noun phrase already ("Smoking kills"),
    and a participle an adjective ("the reported assessment")."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ in ("VBG", "VBN", "MD"):
        return False
    if token.dep_ in NOMINAL_DEPS:
        return True
    before = token.i - 1
    while before >= token.sent.start and token.doc[before].pos_ in NOUN_PREMODIFIERS:
        before -= 1
    if before < token.sent.start:
        return False
    previous = token.doc[before]
    if previous.tag_ == "POS" or previous.dep_ == "case" and previous.lower_ in ("'s", "’s", "'"):
        # unless the "possessor" is the verb's subject: a name with its "'s" ("Moody's cited")
        return previous.head.head != token
    # "the hit", "a record 5 pct": a determiner that is no pronoun subject ("that hit the market")
    return previous.pos_ == "DET" and previous.dep_ == "det" and previous.head.i >= token.i


def is_purpose(verb: Token) -> bool:
    """An infinitive clause of purpose: "… to protest the arrests"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Verbs that take a coordinated verb as their complement: "try and stop him" is "try to stop him".
PSEUDO_COORDINATING = {"try"}


def pseudo_coordinated(verb: Token) -> Token | None:
    """The verb "and" joins to a verb of trying as its complement: "Republicans would be foolish to
    try and stop him" (they would try to stop him; "try" takes no object of "stop")."""
    if verb.lemma_.lower() not in PSEUDO_COORDINATING or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == verb.i + 2
                 and verb.doc[verb.i + 1].lower_ == "and" and not own_subjects(c)), None)


def is_passive(verb: Token) -> bool:
    """A passive verb: "is said to", "it was reported that"."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children)


def shares_clause(verb: Token) -> bool:
    """A verb coordinated with the one before it that has neither subject nor auxiliary of its
    own, so shares both: "will not cooperate or share", "allegedly exposing himself … and kissing her"."""
    return verb.dep_ == "conj" and not own_subjects(verb) and not auxiliaries(verb) and not tense_break(verb)


def tense_break(verb: Token) -> bool:
    """A finite past or present verb coordinated with a verb its auxiliaries made non-finite, which
    cannot share them: "said he could understand … and took a jab at Congress" ("could took" is no
    English), "has not been a good mayor … and blamed him"."""
    head = verb.head
    # (a modal or a perfect "have", not an infinitive's "to": "forcing exporters to slash spending
    # and lay off workers", where "lay" is tagged a past tense; and a verb phrase of its own, not a
    # participle read as a past tense: "would feel frustrated and misled")
    return (verb.tag_ in ("VBD", "VBZ") and head.tag_ in ("VB", "VBN", "VBG")
            and any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children)
            and any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "have") for c in head.children))


def lemma_forms(token: Token) -> set[str]:
    """The lemma and the forms the small model's lemmatizer sometimes misses ("hopes" → "hop"),
    for dictionary lookups only: a wrong extra form just finds nothing."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("ed"):
        forms |= {word[:-1], word[:-2]}
    if word.endswith("ing"):
        forms |= {word[:-3], word[:-3] + "e"}
    return forms


# Prepositions whose "-ing" clause is done by the subject of the verb they hang from:
# "were involved in working with the executive", "could play a role by introducing them",
# "after meeting Putin" (not "from", "without", "about", "on": "refrained from attacking",
# "left without meeting", "talked about running" say it was not done).
SHARED_GERUND_PREPS = {"in", "by", "after", "before", "through", "upon", "since"}
# Of those, the ones of means, whose clause shares the governor's negation: "did not help by
# attacking" (not the ones of time: "did not check before publishing" still published).
MEANS_PREPS = {"in", "by", "through"}
# Verbs whose "in" clause is a stance, not an act: "believes in discussing climate change".
STANCE_GOVERNORS = {"believe", "trust", "delight", "revel", "specialize", "specialise"}
# Verbs whose "-ing" clause after "of", "for" or "with" is done by their object:
# "accused him of telling her", "praised Iraq for helping", "charged them with plotting".
OBJECT_GERUND_VERBS = {"accuse", "charge", "blame", "suspect", "criticize", "criticise", "praise", "thank", "congratulate",
                       "condemn", "fault", "credit", "commend", "applaud", "convict", "sue", "punish", "arrest", "rebuke",
                       "reprimand", "scold", "indict", "investigate", "fine", "attack", "slam"}
OBJECT_GERUND_PREPS = {"of", "for", "with"}
# Of those, the ones whose "-ing" clause is the accuser's account, not a fact: "accused him of telling her".
ACCUSING_VERBS = {"accuse", "charge", "blame", "suspect", "sue", "indict", "investigate", "arrest"}


def gerund_governor(verb: Token) -> Token | None:
    """The verb an "-ing" clause after a preposition belongs to: "involved in working",
    "accused him of telling" (None for other preposition complements)."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return None
    gov = verb.head.head
    if gov.pos_ not in ("VERB", "AUX") or gov is verb.head:
        return None
    prep = verb.head.lower_
    if gov.lemma_.lower() in STANCE_GOVERNORS:
        return None
    if prep in SHARED_GERUND_PREPS or prep in OBJECT_GERUND_PREPS and gov.lemma_.lower() in OBJECT_GERUND_VERBS:
        return gov
    return None


def accusation(verb: Token) -> Token | None:
    """The accusing verb whose "-ing" clause ``verb`` is: "accused him of telling her"."""
    gov = gerund_governor(verb)
    if gov is not None and verb.head.lower_ in OBJECT_GERUND_PREPS and gov.lemma_.lower() in ACCUSING_VERBS:
        return gov
    return None


# Verbs whose object does what their infinitive says, thing or not: "caused prices to rise",
# "asked the court to rule", "allowed the law to lapse", "sent troops to fight".
OBJECT_CONTROL = {
    "allow", "let", "permit", "enable", "empower", "authorize", "cause", "lead", "force", "compel", "oblige", "require",
    "help", "get", "make", "prompt", "push", "drive", "spur", "trigger", "induce", "expect", "want", "need", "like",
    "prefer", "wish", "ask", "urge", "call", "tell", "order", "instruct", "direct", "press", "pressure", "persuade",
    "convince", "encourage", "invite", "request", "advise", "warn", "remind", "challenge", "inspire", "motivate",
    "tempt", "train", "teach", "hire", "pay", "send", "deploy", "appoint", "elect", "nominate", "designate", "leave",
    "set", "program", "design", "build", "configure", "choose", "pick", "select", "assign", "dare", "beg", "forbid",
    "prohibit", "bar", "ban", "block", "prevent",
}
# Verbs of using a tool or a resource, whose infinitive says what the user means to do:
# "has used Twitter to bolster his victory", "spent $5 million to defeat the bill".
INSTRUMENT_VERBS = {"use", "employ", "utilize", "utilise", "exploit", "harness", "leverage", "spend", "invest", "tap"}


# an infinitive of purpose after a thing, parsed as object control: "Google has used its control
# over online speech to silence Gabbard", "thousands flooded the Champs-Elysées to watch the
# fireworks" (Google silences, the crowd watches); a verb that makes or lets its object do
# something keeps it ("caused prices to rise", "allowed the law to lapse")
def purpose_after_thing(governor: Token, obj: Token) -> bool:
    if governor.lemma_.lower() in OBJECT_CONTROL:
        return False
    if governor.lemma_.lower() in INSTRUMENT_VERBS and not (obj.pos_ == "NOUN" and (is_agent_word(obj) or names_a_person(obj.lemma_.lower()))):
        # "Trump has used Twitter to bolster his victory": the user's aim, whatever the tool (a
        # name's type is too unsure to tell a tool from a person: NER calls Twitter a person);
        # "used troops to guard the border" keeps the troops'
        return True
    if obj.ent_type_ in ("FAC", "LOC"):
        return True  # a place or a building does not act
    if obj.pos_ != "NOUN" or obj._.kg_mention is not None:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in obj.children):
        return False  # who is pressed acts: "applying pressure on banks to initiate the change"
    return not (is_agent_word(obj) or names_a_person(obj.lemma_.lower()))
