"""Who says it: the source a statement is attributed to, when the article reports it rather
than asserting it itself.

One function per English construction: a speech verb governing the clause ("…, Carter said",
"his attorney said"), "according to X", a quotation whose speaker is named in another sentence
of the same quote or paragraph (:class:`QuoteSpeakers`), and sources whose word is an
allegation ("according to the suit" → claimed).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.tokens import Span, Token

from kg.clauses import accusation, auxiliaries, is_passive, lemma_forms, own_subjects
from kg.gazetteer import TITLE_WORDS
from kg.modality import (
    DENIAL_VERBS, GOVERNING_EVENTS, GOVERNOR_MODALITY, MEANS_NOUNS, NEGATIVE_GOVERNORS, SPEECH_VERBS, content_clause, sequel,
)
from kg.quotes import CLOSING_QUOTES, QUOTES, inside_quotes, mark_faces, quote_marks
from kg.types import Entity

FIRST_PERSON = {"i", "we"}
# Sources whose account is an accusation, not a finding: "according to the suit, Brown …".
ALLEGATION_SOURCES = {"suit", "lawsuit", "complaint", "indictment", "allegation", "accusation", "accuser",
                      "affidavit", "prosecutor", "prosecution", "plaintiff", "petition", "filing"}
# Verbs that report what their subject says or thinks, for attribution: the speech verbs, and
# reporting verbs whose act is news of its own ("warned that …" is a warning, kept as a statement).
REPORTING_VERBS = SPEECH_VERBS | DENIAL_VERBS | {
    "estimate", "predict", "forecast", "warn", "testify", "recall", "admit", "complain", "reply", "respond",
    "tweet", "caution", "emphasize", "emphasise", "observe", "contend", "assure", "remark", "accuse", "charge",
    "hint", "signal", "imply", "boast", "speculate", "acknowledge",
    # verbs of expecting and fearing report a belief: "many Democrats worry the Republican Party has found …"
    "worry", "fear", "anticipate", "expect", "hope",
    # "U.S. officials were quoted by the New York Times as saying …"
    "quote",
}
# Nouns of something said whose "that" clause is the owner's word: "his comment that Obama
# compares unfavorably to Putin" (Trump's comment).
STATEMENT_NOUNS = {"comment", "remark", "statement", "assertion", "view", "belief", "argument", "insistence",
                   "suggestion", "contention", "warning", "prediction", "admission", "announcement"}
# Verbs of giving an account whose object holds what is told: "The suit details three
# incidents where Brown exposed himself" (the suit's account).
ACCOUNT_VERBS = {"detail", "describe", "recount", "outline", "document", "chronicle", "list"}
# Verbs of a finding and the sources whose findings they report: "the poll shows that …".
FINDING_VERBS = {"show", "find", "conclude", "confirm", "establish"}
# Verbs of a finding that report the findings of whoever makes them, with a clause of their own:
# "the committee found the BBC had succeeded", "investigators established that the fire was set".
FINDING_ANYONE_VERBS = {"find", "establish"}
# Verbs set off inside or after the clause they report: speech, and findings ("…, the study found, …").
PARENTHETICAL_VERBS = SPEECH_VERBS | FINDING_VERBS
FINDING_NOUNS = {"poll", "survey", "census", "study", "report", "data", "research", "analysis", "figure", "statistic",
                 "audit", "investigation", "review", "inquiry", "test"}
# Nouns of hearsay that are themselves the source when nobody owns them: "rumours in European
# markets that Indonesia had issued licences".
HEARSAY_NOUNS = {"rumour", "rumor", "speculation"}
# Nouns of a text that speaks for its author: "From the Politico report:" before a block quote.
TEXT_NOUNS = {"report", "statement", "article", "story", "letter", "release", "piece", "post", "column", "interview",
              "opinion", "ruling", "decision", "filing", "complaint", "lawsuit", "suit", "transcript", "speech",
              "tweet", "editorial", "memo", "book", "analysis", "blog", "testimony", "summary"}
# Verbs that introduce a block quotation after a colon: "as PolitiFact documented in 2009:",
# "he adds an important caveat:".
INTRODUCING_VERBS = {"write", "document", "add", "explain", "note", "put", "observe", "report", "say", "tell",
                     "argue", "conclude", "warn", "state", "declare", "announce", "describe", "detail"}
# Nouns of a survey, whose respondents' answers are its findings: "12% said they would vote
# for Warren" after "a Reuters/Ipsos national poll".
SURVEY_NOUNS = {"poll", "survey", "census", "questionnaire", "canvass"}
# Heads of a share of people: "20% of registered Democrats", "a majority of voters".
SHARE_WORDS = {"%", "percent", "pct", "majority", "minority", "plurality", "third", "quarter", "half"}
# Clause links the walk from a clause up to its speech verb passes through.
UPWARD = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "dobj", "pobj", "pcomp", "prep", "nsubj", "nsubjpass", "attr", "acomp"}

Speaker = TypeVar("Speaker")


def according_to(node: Token) -> Token | None:
    """ "according to Russian officials": the source of the clause of ``node`` or of any clause
    coordinated with it ("“Brown cornered her, … and raped her,” according to the suit")."""
    for clause in (node, *node.conjuncts):
        for child in clause.children:
            if child.lower_ == "according" and child.dep_ in ("prep", "advcl", "advmod"):
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def is_reporting(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and bool(lemma_forms(verb) & REPORTING_VERBS)


def finding_source(node: Token) -> Token | None:
    """A survey or study whose finding the clause is: "The poll shows that his standing does
    not appear to have been hurt", "the study found that …" (a plain "shows" of anything else is
    no report: "the video shows troops crossing")."""
    if node.dep_ == "ccomp" and node.head.pos_ == "VERB" and lemma_forms(node.head) & FINDING_VERBS:
        subjects = own_subjects(node.head)
        if subjects and subjects[0].lemma_.lower() in FINDING_NOUNS:
            return subjects[0]
        if subjects and anyones_finding(node) and subjects[0].lower_ not in FIRST_PERSON and not is_passive(node.head):
            return subjects[0]
    return None


# a finding reported by whoever made it: "The committee found the BBC had succeeded in …",
# "investigators established that the fire was set" (theirs, not the writer's fact); not "found
# it hard to …", whose clause has no subject of its own
def anyones_finding(clause: Token) -> bool:
    """Whether ``clause`` is the finite clause, with a subject of its own, of "find" or "establish"."""
    # (a clause before the verb is found only by a bare tag after it: "…, the FDA found", trailing_speech_verb)
    return (bool(lemma_forms(clause.head) & FINDING_ANYONE_VERBS) and bool(own_subjects(clause)) and clause.pos_ in ("VERB", "AUX")
            and clause.i > clause.head.i)


def account_source(node: Token) -> Token | None:
    """The one giving an account whose object holds the clause: "The suit details three
    incidents where Brown exposed himself …" (the suit's account of what Brown did)."""
    if node.dep_ == "dobj" and node.head.pos_ == "VERB" and lemma_forms(node.head) & ACCOUNT_VERBS:
        subjects = own_subjects(node.head)
        if subjects and subjects[0].lower_ not in FIRST_PERSON:
            return subjects[0]
    return None


def detached_speaker(verb: Token) -> Token | None:
    """The speaker of a speech verb left without a subject by a misparse of a long subject:
    "As another mark of interest, Anthony S. Fauci, who heads the NIAID, said …" parsed with
    Fauci in apposition to the phrase before: the last name set off in apposition before it."""
    if own_subjects(verb) or verb.dep_ != "ROOT" or verb.lemma_ not in SPEECH_VERBS:
        return None
    names = [t for t in verb.sent if t.i < verb.i and t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")]
    return names[-1] if names else None


# Nouns of those who speak for a named holder, whose word is the holder's: "Haniyeh's office said"
# (a team, a campaign or a spokesman is a source of its own: "the Trump transition team said").
SPEAKING_FOR_NOUNS = {"office"}


def spoken_for(speaker: Token) -> Token:
    """The one whose office speaks: "Hamas Prime Minister Ismail Haniyeh's office said"
    (Haniyeh); the speaker itself otherwise ("the office said", "the Trump transition team said")."""
    if speaker.pos_ != "NOUN" or speaker.lower_ not in SPEAKING_FOR_NOUNS:
        return speaker
    owners = [c for c in speaker.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
    return owners[-1] if owners else speaker


# a speaker named in apposition to a word that names nobody: "One of them, State Auditor John
# Dougall, told BuzzFeed …" (Dougall, not "them")
def appositive_speaker(speaker: Token) -> Token:
    """The name set beside a pronoun, number or partitive speaker; the speaker itself otherwise."""
    if not (speaker.pos_ in ("PRON", "NUM") or any(c.dep_ == "prep" and c.lower_ == "of" for c in speaker.children)):
        return speaker
    names = [c for c in speaker.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG")]
    return names[0] if names else speaker


# a verb of saying or thinking as a gerund after a preposition, whose subject is that of the
# clause the preposition modifies: "after concluding that …", "by saying that …"
def prepositional_gerund(verb: Token) -> bool:
    """Whether ``verb`` is a gerund without a subject of its own under a preposition of a verb."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX") \
        and not own_subjects(verb)


def speaker_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, also when it shares it: "Vernes said he was satisfied but
    said his company had no plans", "Lamneck said …, estimating that the group would …"."""
    for _ in range(4):
        speakers = own_subjects(verb)
        if speakers:
            return spoken_for(appositive_speaker(relative_antecedent(speakers[0], verb)))
        quoted = quoted_as_saying(verb)
        if quoted is not None:
            return quoted
        detached = detached_speaker(verb) or quoted_subject(verb)
        if detached is not None:
            return detached
        if prepositional_gerund(verb):
            verb = verb.head.head  # "Gove said he would run after concluding that …": Gove concluded
            continue
        if interrupted_speaker(verb) is not None:
            return interrupted_speaker(verb)
        if reported_infinitive(verb):
            made = made_to_speak(verb)
            if made is not None:
                return appositive_speaker(made)
            verb = verb.head  # "Trump went on to accuse …", "took to Twitter to suggest that …": Trump did
            continue
        if not (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG") or verb.head is verb:
            return None
        verb = reporting_coordinate(verb) or verb.head
    return None


# a verb of saying as an infinitive without a subject of its own, of purpose or of a verb that
# does not hedge it, whose speaker is the subject of the verb it hangs on: "the governor took to
# Twitter to suggest that …", "called a news conference to announce that …", "Trump went on to
# accuse the State Department of …"; not an infinitive of what is only wanted, asked, expected
# or refused ("urged the minister to state that …", "declined to confirm that …": nobody has said it)
def reported_infinitive(verb: Token) -> bool:
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "advcl" or verb.dep_ == "xcomp" and sequel(verb.head):
        return True
    hedging = set(GOVERNOR_MODALITY) | set(GOVERNING_EVENTS) | NEGATIVE_GOVERNORS | {"be"}
    return verb.dep_ == "xcomp" and not lemma_forms(verb.head) & hedging


# a speaker whose verb of saying the parse hung on a participle set off after the name: "Brennan,
# asked about whether the bank made money, said the bank has written off the loans" ("said" a
# parataxis of "asked", whose subject Brennan is)
def interrupted_speaker(verb: Token) -> Token | None:
    """The subject of the verb a subjectless verb of saying hangs on as a parataxis, when a comma
    follows that subject (the interruption begins there)."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.i > verb.i or head.tag_ not in ("VBN", "VBD"):
        return None
    subjects = [s for s in own_subjects(head) if s.i < head.i]
    if not subjects:
        return None
    return subjects[0] if any(verb.doc[k].text == "," for k in range(subjects[0].i + 1, head.i)) else None


# ... but the object of the verb it hangs on when there is one: "the backlash led the ACLU's
# director, Anthony Romero, to declare that …" (Romero declared it)
def made_to_speak(verb: Token) -> Token | None:
    if verb.dep_ != "xcomp":
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def reporting_coordinate(verb: Token) -> Token | None:
    """The verb of saying a subjectless reporting verb is coordinated with when the parse hangs
    it under the reported clause: "Houston said inspection programs have kept pace with change,
    but conceded that the danger … has increased" ("conceded" under "kept": Houston's second
    verb of saying, not the programs')."""
    clause = verb.head
    if verb.dep_ == "conj" and is_reporting(verb) and clause.dep_ == "ccomp" and is_reporting(clause.head) \
            and clause.head.i < clause.i < verb.i and not own_subjects(verb) \
            and not any(c.dep_ == "mark" for c in verb.children):  # "…, and that Ankara warned …" is reported too
        return clause.head
    return None


def speakers_second_act(verb: Token) -> Token | None:
    """The verb of saying whose speaker also does ``verb``, a second verb of saying the parse hung
    under the reported clause, in the same tense and without an auxiliary ("Boehner said talks
    are going nowhere and accused President Obama …"); "announced it would prohibit aid … and
    would deny entry" reports the denial too."""
    speech = reporting_coordinate(verb)
    if speech is None or auxiliaries(verb) or verb.tag_ != speech.tag_:
        return None
    return speech


def quoted_subject(verb: Token) -> Token | None:
    """The one quoted by a passive "quote": "U.S. officials were quoted by the New York Times
    as saying …" (the officials' words)."""
    if verb.lemma_.lower() not in ("quote", "cite") or not is_passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def relative_antecedent(speaker: Token, verb: Token) -> Token:
    """The one a relative pronoun stands for: "Britney Taylor, who says she first met Brown …"."""
    if speaker.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return speaker


def quoted_as_saying(verb: Token) -> Token | None:
    """ "a report quoting a Ministry of Trade spokesman as saying Indonesia had not issued
    licences": the words are the spokesman's."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in ("quote", "cite"):
        quoting = verb.head.head
        # "Xi was quoted as saying": the one quoted is the passive's subject
        quoted = [c for c in quoting.children if c.dep_ == "dobj" or c.dep_ == "nsubjpass" and is_passive(quoting)]
        return quoted[0] if quoted else None
    return None


def as_clause_source(node: Token) -> Token | None:
    """A source in an "as" clause: "As Peter Beinart points out, …", "as the Financial Times
    reported, Russia struck …"."""
    for child in node.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children) and (
                is_reporting(child) or child.lemma_ == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in child.children)):
            speakers = own_subjects(child)
            if speakers and speakers[0].lower_ not in FIRST_PERSON and not own_narrative(node, child, speakers[0]):
                return speakers[0]
    return None


# "Fauci touted the drug as he insisted it shows promise": an "as" clause after the verb whose
# speaker is a pronoun for the clause's own person tells what that person did, it is no source
def own_narrative(node: Token, clause: Token, speaker: Token) -> bool:
    subjects = own_subjects(node)
    return (clause.i > node.i and speaker.pos_ == "PRON" and bool(subjects)
            and (subjects[0].ent_type_ == "PERSON" or subjects[0].pos_ == "PRON"))


def trailing_speech_verb(node: Token, token: Token) -> Token | None:
    """ "X launched …, the ministry said" parsed with "said" below the main verb, also when the
    clause between is the speech verb's own ("X refused, and Y may ask …, a diplomat said":
    both are the diplomat's), but not "… and Carter said the issues will …", a second
    statement of its own after the speech verb."""
    for child in node.children:
        if (child.dep_ in ("parataxis", "conj", "advcl") and child.lemma_ in PARENTHETICAL_VERBS and child.i > token.i
                and not any(c.dep_ == "ccomp" and c.i > child.i for c in child.children) and not finding_with_object(child)):
            speakers = own_subjects(child)
            if speakers and speakers[0].i > token.i:
                return speakers[0]
    return None


# a verb of finding is a source's tag only when bare ("…, the FDA found."): "the market found support",
# "Jury finds Libby guilty", "he showed early promise" say what was found, they report nothing
def finding_with_object(verb: Token) -> bool:
    return verb.lemma_ not in SPEECH_VERBS and any(c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr", "acomp") for c in verb.children)


def parenthetical_speech_verb(node: Token) -> Token | None:
    """A speech verb set off inside the clause it reports: "In the past, she says, teachers have
    called …", "The plan, officials said, will …", "Then, says Mr Jones, the Senate passed …"."""
    for child in node.children:
        if (child.dep_ == "parataxis" and child.lemma_ in PARENTHETICAL_VERBS
                and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in child.children)):
            speakers = own_subjects(child) or [s for s in node.children if inverted_speech_subject(s) == child]
            if speakers:
                return speakers[0]
    return None


# inverted speech verb set off before its clause: "Then, says Mr Kotamaraja, the blogging world
# found out" (the parse hangs the reported clause on the speaker as a relative clause)
def inverted_report(verb: Token) -> bool:
    """Whether a "relative clause" on a speaker is the clause an inverted verb of saying before
    the speaker reports: it has a subject of its own, no relative word, and a comma sets it off
    ("…, says Smith, the board found out"); a true relative clause on a speaker keeps its
    pronoun ("…, says Smith, who chairs the board") or follows the speech verb's subject in
    the usual order ("Smith, the board says, …" is parsed otherwise)."""
    if verb.dep_ != "relcl" or verb.head.dep_ != "nsubj":
        return False
    speaker, speech = verb.head, verb.head.head
    if not (speech.i < speaker.i < verb.i and speech.lemma_.lower() in SPEECH_VERBS):
        return False
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.dep_ == "mark" for t in verb.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    first = verb.left_edge.i
    return first > 0 and verb.doc[first - 1].text == ","


# inverted speech verb whose subject the parse gives to the reported clause: "Then, says Mr
# Jones, the Senate passed the bill" (Jones and the Senate both subjects of "passed")
def inverted_speech_subject(subject: Token) -> Token | None:
    """The parenthetical verb of saying a subject right after it belongs to, when the clause has
    a subject of its own after it: "says" for Jones above; None otherwise."""
    clause = subject.head
    if subject.dep_ != "nsubj" or clause is subject:
        return None
    if not any(c.dep_ == "nsubj" and c.i > subject.i for c in clause.children):
        return None
    for child in clause.children:
        if (child.dep_ == "parataxis" and child.lemma_.lower() in SPEECH_VERBS and child.i == subject.left_edge.i - 1
                and not own_subjects(child)):
            return child
    return None


def inverted_speaker(node: Token) -> Token | None:
    """The speaker of an inverted verb of saying whose clause the parse hung on the speaker
    (:func:`inverted_report`)."""
    return node.head if inverted_report(node) else None


def statement_noun_source(node: Token) -> Token | None:
    """The owner of a statement noun whose "that" clause this is: "his comment that Obama
    compares unfavorably to Putin" (his, resolved as any pronoun), "Ryan's view that …"."""
    if node.dep_ not in ("acl", "ccomp", "appos", "relcl") or node.head.pos_ != "NOUN":
        return None
    if node.head.lemma_.lower() not in STATEMENT_NOUNS or not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return None
    owners = [c for c in node.head.children if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON | {"my", "our"}]
    return owners[0] if owners else None


# Adjectives of an attitude toward a clause, whose subject holds it: "Mr Tveter is confident the
# firm can dent Sky", "analysts were sceptical that BMW could match its profits".
ATTITUDE_ADJECTIVES = {"confident", "sceptical", "skeptical", "optimistic", "pessimistic", "hopeful", "convinced",
                       "adamant", "worried", "concerned", "afraid", "fearful", "doubtful"}


def attitude_adjective_source(node: Token) -> Token | None:
    """The one who is confident, sceptical or worried that the clause of ``node`` holds (the
    parse hangs the clause on the adjective or on its copula); not an expletive "it"."""
    if node.dep_ != "ccomp":
        return None
    head = node.head
    if head.pos_ == "ADJ" and head.lemma_.lower() in ATTITUDE_ADJECTIVES and head.dep_ == "acomp":
        copula = head.head
    elif any(c.dep_ == "acomp" and c.lemma_.lower() in ATTITUDE_ADJECTIVES and c.i < node.i for c in head.children):
        copula = head
    else:
        return None
    subjects = [s for s in own_subjects(copula) if s.lower_ not in FIRST_PERSON | {"it"}]
    if subjects and subjects[0].pos_ == "PRON" and copula.dep_ == "ccomp":
        return None  # "officials said they were skeptical that …": the reporter's word, found further up
    return subjects[0] if subjects else None


# Nouns of an attitude one voices about what may come: "expressed optimism that …".
ATTITUDE_NOUNS = {"optimism", "hope", "confidence", "concern", "fear", "doubt", "pessimism", "worry",
                  "skepticism", "scepticism", "belief", "conviction", "frustration", "satisfaction", "regret"}
# Verbs that voice such an attitude.
VOICING_VERBS = {"express", "voice", "share", "state", "reiterate", "repeat"}


def voiced_attitude_source(node: Token) -> Token | None:
    """The one who voices an attitude whose "that" clause this is: "he expressed optimism that
    Washington and Tokyo could reach a compromise" (he: the clause is his hope, not the
    writer's fact); None for a clause of another noun or verb."""
    noun = node.head
    if node.dep_ not in ("acl", "ccomp", "appos") or noun.pos_ != "NOUN" or noun.lemma_.lower() not in ATTITUDE_NOUNS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in VOICING_VERBS:
        return None
    return speaker_of(verb)


def noun_source(node: Token) -> Token | None:
    """Whose request, claim or plan a content clause is: "the League's request that he disavow
    Duke" is the League's, "a call by the UN for …" the UN's."""
    if not content_clause(node) or node.head.lemma_.lower() in MEANS_NOUNS:
        return None  # ("Digital's ability to sustain its lead" is no word of Digital's)
    noun = node.head
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if noun.lemma_.lower() in HEARSAY_NOUNS:
        return noun  # "rumours in European markets that …": the rumours are the source
    return None


def speech_subject(sentence: Span, token: Token) -> Token | None:
    """Who the sentence attributes the clause of ``token`` to ("…, Carter said"; "according to X")."""
    node = token
    for _ in range(8):
        source = (according_to(node) or inverted_speaker(node) or trailing_speech_verb(node, token) or parenthetical_speech_verb(node)
                  or as_clause_source(node) or noun_source(node) or statement_noun_source(node) or voiced_attitude_source(node) or account_source(node)
                  or finding_source(node) or attitude_adjective_source(node))
        if source is not None:
            return source
        accuser = accusation(node)
        if accuser is not None:
            return speaker_of(accuser)  # "Warren has accused him of telling her …": Warren's account
        if node.dep_ in ("ccomp", "parataxis") and is_reporting(node.head):
            speaker = speaker_of(node.head)
            if speaker is not None and speaker.lower_ in FIRST_PERSON:
                node = node.head  # "I think X …, Y told Reuters": the quote is Y's
                continue
            return speaker
        if node.head is node or node.dep_ not in UPWARD or background_relative(node) or speakers_second_act(node) is not None \
                or report_in_time_clause(node):
            return None  # (a second act of the speaker, hung under what he said, is the writer's narrative)
        node = node.head
    return None


# Marks of a clause that places a report in time: "after officials said …".
TIME_MARKS = {"after", "before", "since", "until", "while", "when", "once"}


# another's report placed in time by the writer: "The White House said talks must lead to an end
# of the program after officials from Pyongyang said their government was open to talks" (the
# officials' words, and who they are, are not the White House's)
def report_in_time_clause(clause: Token) -> bool:
    return clause.dep_ == "advcl" and is_reporting(clause) and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < clause.i for c in clause.children)


def background_relative(clause: Token) -> bool:
    """A relative clause set off by a comma after a name, outside quotation marks: in reported
    speech it is the writer's identification of whom the report names, not the speaker's word
    ("India, which received its first loans from the ADB in 1986, will increase its borrowing,
    an Indian official said").  A restrictive one ("the bills that he wrote") and one about a
    thing ("… with the largest increases in consumer goods, which rose 1.2 billion dlrs, the
    department said") are part of what is said."""
    if clause.dep_ != "relcl" or not (clause.head.pos_ == "PROPN" or clause.head.ent_type_):
        return False
    first = min(clause.subtree, key=lambda t: t.i)
    before = clause.doc[first.i - 1] if first.i > clause.sent.start else None
    return before is not None and before.text == "," and not inside_quotes(clause, quote_marks(clause.sent))


def outer_source(sentence: Span, speaker: Token) -> Token | None:
    """Whose account a report is part of: "“Christie announced that he was dropping the
    fight,” The Star-Ledger writes" — Christie's word on his own act is the Star-Ledger's report."""
    if speaker.dep_ not in ("nsubj", "nsubjpass") or speaker.head is speaker:
        return None
    outer = speech_subject(sentence, speaker.head)
    return None if outer is None or outer == speaker else outer


def respondents(speaker: Token) -> bool:
    """A share of people as the speaker, the respondents of a survey: "12% said they would vote
    for Warren", "a majority of voters say …" (also one coordinated with such a share, as the
    small model parses "9% backed Bloomberg and 6% said …")."""
    return any(t.ent_type_ == "PERCENT" or t.lower_ in SHARE_WORDS for t in (speaker, *speaker.conjuncts))


def survey_of(speaker: Token) -> Token | None:
    """The survey whose finding the respondents' answer is, in the same sentence: "The poll
    shows that 20% of Democrats said they would back Sanders" (the poll)."""
    node = speaker.head
    for _ in range(4):
        for subject in own_subjects(node):
            if subject.lemma_.lower() in SURVEY_NOUNS:
                return subject
        if node.head is node:
            return None
        node = node.head
    return None


def survey_named(sentence: Span) -> Token | None:
    """The last survey a sentence names: "according to a Reuters/Ipsos national poll"."""
    return next((t for t in reversed(list(sentence)) if t.pos_ == "NOUN" and t.lemma_.lower() in SURVEY_NOUNS), None)


def named_survey(noun: Token) -> bool:
    """A survey named by who made it ("a Reuters/Ipsos national poll", "a Gallup survey"), not
    one referred back to ("the poll", "the online poll")."""
    return any(c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON") for c in noun.lefts if c.dep_ in ("compound", "poss", "nmod", "amod"))


def clause_antecedent(pronoun: Token) -> Token:
    """The name a subject pronoun of a coordinated clause stands for: "Ilya Somin has a nice
    analysis, and he adds a caveat" (he is Somin, the first clause's subject)."""
    verb = pronoun.head
    if pronoun.pos_ == "PRON" and pronoun.lower_ in ("he", "she") and verb.dep_ == "conj":
        names = [s for s in own_subjects(verb.head) if s.pos_ == "PROPN"]
        if names:
            return names[0]
    return pronoun


def block_quote_source(sentence: Span) -> Token | None:
    """The source a sentence ending in a colon introduces for the paragraph after it: "From
    the Politico report:", "as PolitiFact documented in March of 2009:", "and he adds an
    important caveat:" (None when the sentence names none, or does not end in a colon)."""
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    for verb in reversed(words):
        if verb.pos_ in ("VERB", "AUX") and lemma_forms(verb) & (INTRODUCING_VERBS | REPORTING_VERBS):
            speaker = speaker_of(verb)
            if speaker is not None and speaker.lower_ not in FIRST_PERSON:
                return clause_antecedent(speaker)
    for noun in words:
        if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "in") and noun.lemma_.lower() in TEXT_NOUNS:
            owners = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
            if owners:
                return owners[-1]  # "From the Politico report:": Politico's words
    return None


def pronoun_speaker(speaker: Token | None, quoted_by: Speaker | None, last_speaker: Speaker | None) -> Speaker | None:
    """Who a pronoun speaker is when no antecedent was found for it: "I" in a quotation is the
    quotation's speaker; "He said the bank …" after "…, an Indian official said." is the last
    one who spoke (news names a speaker, then goes on with "he said")."""
    if speaker is None or speaker.pos_ != "PRON":
        return None
    return quoted_by if speaker.lower_ in FIRST_PERSON else last_speaker


def own_account(speaker: Speaker | None, subject: Speaker | None, obj: Speaker | None, same: Callable[[Speaker, Speaker], bool]) -> bool:
    """A speaker's account of what someone did to the speaker is an allegation: "Taylor says
    Brown overpowered her", "Russia says Ukraine shelled its troops" (not "Carter says he met Putin")."""
    return speaker is not None and obj is not None and subject is not None and same(speaker, obj) and not same(speaker, subject)


def is_allegation_source(speaker: Token | None) -> bool:
    """A source whose word is an allegation: "according to the suit", "prosecutors said"."""
    return speaker is not None and speaker.lemma_.lower() in ALLEGATION_SOURCES


# -- quotations across sentences ----------------------------------------------------------


def quote_speaker(sentence: Span) -> Token | None:
    """The speaker a sentence names for its quotation: the subject, outside the quotes, of a
    speech verb outside the quotes ("“We will fight,” he said"; "Carter said: “…”")."""
    marks = quote_marks(sentence)
    if not marks:
        return None
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in SPEECH_VERBS and not inside_quotes(token, marks):
            quoted = quoted_as_saying(token)  # "“…,” Xi was quoted as saying"
            speakers = [s for s in own_subjects(token) or ([quoted] if quoted is not None else []) if not inside_quotes(s, marks)]
            if speakers and speakers[0].lower_ not in FIRST_PERSON:
                return spoken_for(appositive_speaker(speakers[0]))
    return None


def according_to_quote(sentence: Span) -> Token | None:
    """The source "according to X" names, outside the quotation marks, for a sentence that
    quotes: "According to the Los Angeles Times, the announcement came “after a rare meeting
    …" (the Times, whose words run on in the next sentences of the quotation)."""
    marks = quote_marks(sentence)
    if not marks:
        return None
    for token in sentence:
        if token.lower_ == "according" and not inside_quotes(token, marks):
            for to in token.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj" and not inside_quotes(pobj, marks) and pobj.lower_ not in FIRST_PERSON:
                        return pobj
    return None


# Verbs of a speaker's tag cut off after a quoted question or remark: "“…?” Smith asked."
TAG_VERBS = REPORTING_VERBS | {"ask", "wonder", "shout", "exclaim", "reply", "answer"}


def cut_off_tag(sentence: Span) -> Token | None:
    """The speaker of a sentence that is nothing but a speaker's tag, which the sentence
    splitter cut off from the quotation before it ("“And would it help the committee?”" /
    "Smith asked."): a verb of saying, its subject, no quotation marks and nothing said."""
    root = sentence.root
    if quote_marks(sentence) or root.pos_ not in ("VERB", "AUX") or not lemma_forms(root) & TAG_VERBS:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative", "parataxis", "advcl", "conj") for c in root.children):
        return None
    speakers = own_subjects(root)
    return speakers[0] if speakers and speakers[0].lower_ not in FIRST_PERSON and speakers[0].i < root.i else None


# Dashes that set a credit line after a quotation: "“…” — Hunter Walker, Yahoo News".
CREDIT_DASHES = {"—", "--", "―", "–"}


def credit_line(sentence: Span) -> Token | None:
    """The source a credit line names for the quotation just before it: a dash after the
    closing quotation mark (or opening a sentence of its own) followed by a name and no verb:
    "“…” — Hunter Walker, Yahoo News", "“…” — Joint statement by Reps. John Lewis and
    Bennie Thompson" (Walker; Lewis, the first named)."""
    words = [t for t in sentence if not t.is_space]
    for k, dash in enumerate(words):
        if dash.text not in CREDIT_DASHES:
            continue
        if k > 0 and not (words[k - 1].text in QUOTES and mark_faces(words[k - 1]) != "open"):
            continue
        rest = words[k + 1:]
        if any(t.pos_ in ("VERB", "AUX") for t in rest) or any(t.text in QUOTES for t in rest):
            return None
        names = [t for t in rest if t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN"]
        if not names:
            return None
        first = names[0]
        ent = next((e for e in sentence.doc.ents if e.start <= first.i < e.end), None)
        return ent[-1] if ent is not None else first
    return None


def reported_speaker(sentence: Span) -> Token | None:
    """Who a sentence reports, when its main verb is one of saying: "Hostile takeovers are
    frowned upon, the trading company official says." (the official)."""
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ in ("parataxis", "conj", "advcl") and c.lemma_ in SPEECH_VERBS)]
    marks = quote_marks(sentence)
    for verb in verbs:
        if marks and inside_quotes(verb, marks):
            continue  # "“A conservative thinks that …”": the quoted one's word, not a report of the sentence
        if is_reporting(verb):
            speaker = speaker_of(verb)
            if speaker is not None and speaker.lower_ not in FIRST_PERSON:
                return speaker
    return None


def ends_open(sentence: Span, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence (news quotes run on across
    sentences and paragraphs)."""
    state = was_open
    for mark in quote_marks(sentence):
        faces = mark_faces(mark)
        state = True if faces == "open" else False if faces == "close" else not state
    return state


def starts_quoted(sentence: Span, was_open: bool) -> bool:
    """A sentence that is (the start or the rest of) a quotation: it opens with a quotation
    mark, or one opened before it is still open."""
    first = next((t for t in sentence if not t.is_space), None)
    marks = quote_marks(sentence)
    # a sentence whose first mark closes a quotation began inside it: "We will win,” he said."
    return was_open or first is not None and first.text in QUOTES - CLOSING_QUOTES or bool(marks) and mark_faces(marks[0]) == "close"


def outside_the_quotation(sentence: Span, verb: Token) -> bool:
    """Whether the clause of ``verb`` is the writer's narrative after a quotation closed in its
    sentence, so the speaker of the quotation does not carry to it: a sentence that opens with
    (or inside) a quotation whose clause stands after the closing mark, outside the marks
    ("[sic]” Carusone also chided police for …").  A sentence without marks inside a running
    quotation, a clause between the marks, and a sentence of the writer with a word in scare
    quotes ("The Court did leave … what counts as an “excessive” fine", in a block quotation)
    are not."""
    marks = quote_marks(sentence)
    # a sentence that opens inside a quotation and has the clause outside the marks: after the close
    return bool(marks) and starts_quoted(sentence, False) and not inside_quotes(verb, marks)


def continues_quotation(sentence: Span) -> bool:
    """Whether a paragraph opening with ``sentence`` may go on with a quotation left open: in
    English a quotation running over paragraphs opens each of them with a quotation mark, so
    a paragraph that opens without one is the writer's again ("…, with a statement reading:
    "The board can confirm …" / "To succeed, Glazer will still need …", the closing mark lost)."""
    first = next((t for t in sentence if not t.is_space), None)
    return first is not None and first.text in QUOTES - CLOSING_QUOTES


class QuoteSpeakers(Generic[Speaker]):
    """Who speaks the quoted sentences of one document that name no speaker themselves:
    "“We will fight,” he said. “We will never surrender.”" — the second sentence is his too.

    A quotation's speaker covers the other quoted sentences of its quote (before or after the
    one naming it) and of its paragraph; a paragraph that opens with a quotation after one
    whose last sentence was a quote goes on with that speaker (the news convention for a
    quote running over paragraphs), and so does one that opens with a quotation after a
    paragraph ending in reported speech ("…, the official says." then "“Japanese people
    don't like fighting.”").  Feed paragraphs in reading order.
    """

    def __init__(self) -> None:
        self.last: Speaker | None = None  # the speaker of the last quoted sentence
        self.open = False  # a quotation left open by the last paragraph
        self.ended_quoted = False  # the last paragraph ended with a quotation
        self.reporter: Speaker | None = None  # whom the last paragraph's last sentence reports
        self.recent: Speaker | None = None  # the last speaker named anywhere so far
        self.previous: list[Speaker | None] = []  # for each sentence of the last paragraph, the speaker named before it
        self.block: Speaker | None = None  # the source the last paragraph introduced with a colon
        self.survey: Speaker | None = None  # the last survey named so far
        self.surveys: list[Speaker | None] = []  # for each sentence of the last paragraph, the survey named up to it

    def paragraph(self, sentences: list[Span], resolve: Callable[[Token], Speaker | None],
                  new_paragraph: bool = True) -> list[Speaker | None]:
        """The carried speaker of each sentence of the next paragraph (None where there is none,
        or where the sentence names its own); ``new_paragraph`` False for a piece that goes on
        with the paragraph of the piece before it (a long paragraph cut, a transcript's turn)."""
        if new_paragraph and sentences and not continues_quotation(sentences[0]):
            self.open = False  # a quotation left open ends with its paragraph (continues_quotation)
        quoted, named, tags, credits, reporters = [], [], [], [], []
        was_open = self.open
        self.previous = []
        self.surveys = []
        for sentence in sentences:
            survey = survey_named(sentence)
            if survey is not None and (self.survey is None or named_survey(survey)):
                # "the online poll" after "a Reuters/Ipsos national poll" is that poll
                self.survey = resolve(survey) or self.survey
            self.surveys.append(self.survey)
            quoted.append(starts_quoted(sentence, was_open))
            token = quote_speaker(sentence) or according_to_quote(sentence)
            named.append(resolve(token) if token is not None else None)
            tag = cut_off_tag(sentence) or (credit_line(sentence) if not starts_quoted(sentence, was_open) else None)
            tags.append(resolve(tag) if tag is not None else None)
            credit = credit_line(sentence) if named[-1] is None else None
            credits.append(resolve(credit) if credit is not None else None)
            was_open = ends_open(sentence, was_open)
            self.previous.append(self.recent)
            reporter = reported_speaker(sentence) if named[-1] is None else None
            reporters.append(resolve(reporter) if reporter is not None else None)
            self.recent = named[-1] or reporters[-1] or self.recent
        opens_with_quote = bool(sentences) and starts_quoted(sentences[0], self.open)
        current = None
        if opens_with_quote:
            current = self.last if self.open or self.ended_quoted else self.reporter
        result: list[Speaker | None] = []
        for i, sentence in enumerate(sentences):
            if named[i] is not None:
                current = named[i]
                result.append(None)
                continue
            if not quoted[i]:
                result.append(None)
                continue
            if i > 0 and not quoted[i - 1] and named[i - 1] is None and reporters[i - 1] is not None and not self._ahead(named, quoted, i - 1):
                current = reporters[i - 1]  # "Habeeb believes that … . “Journalists can't blame …”": the reported one goes on
            credited = self._ahead(credits, quoted, i - 1) if credits[i] is None else credits[i]
            if credited is not None:
                current = credited  # "“…” — Hunter Walker, Yahoo News": the credit line names its quotation's source
            elif i + 1 < len(sentences) and tags[i + 1] is not None and not quoted[i + 1]:
                current = tags[i + 1]  # "“…?” / Ocasio-Cortez asked.": the tag cut off names its speaker
            ahead = [n if n is not None else c for n, c in zip(named, credits)]
            result.append(current if current is not None else self._ahead(ahead, quoted, i))
        if self.block is not None:
            # a block quotation after "From the Politico report:": every sentence of this
            # paragraph that names no speaker of its own is the source's
            result = [self.block if r is None and named[i] is None else r for i, r in enumerate(result)]
        source = block_quote_source(sentences[-1]) if sentences else None
        self.block = resolve(source) if source is not None else None
        self.last = current if current is not None else next((n for n in reversed(named) if n is not None), None)
        self.open = was_open
        self.ended_quoted = bool(quoted) and (quoted[-1] or named[-1] is not None)
        reporter = reported_speaker(sentences[-1]) if sentences and not quoted[-1] else None
        self.reporter = resolve(reporter) if reporter is not None else None
        return result

    @staticmethod
    def _ahead(named: list, quoted: list[bool], i: int):
        """The speaker named later in the same run of quoted sentences: "“We will fight. We will
        win,” he said." (the first sentence is his)."""
        for j in range(i + 1, len(named)):
            if named[j] is not None:
                return named[j]
            if not quoted[j]:
                return None
        return None


# -- denials of a claim made before ---------------------------------------------------------

# Nouns that stand for a claim reported earlier: "Sanders disputes that claim", "denies each and
# every allegation of the lawsuit".
CLAIM_NOUNS = {"claim", "allegation", "accusation", "charge", "assertion", "account", "story", "report"}
# Determiners that make a denial cover every claim, not the last one: "denies all allegations".
EVERY = {"each", "every", "all", "any"}


def denied_claim(sentence: Span) -> tuple[Token, Token, bool] | None:
    """(denier, denying verb, every claim) for a sentence denying claims made before it:
    "Sanders disputes that claim" (the last claim), "the receiver denies each and every
    allegation" (all of them); None when the denied noun has a content clause of its own ("denies
    the claim that …" is read with that clause) or there is no such denial."""
    verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and lemma_forms(t) & DENIAL_VERBS]
    if not verbs:
        return denied_claim_words(sentence)
    for verb in verbs:
        deniers = own_subjects(verb)
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS):
            if any(c.dep_ in ("acl", "relcl", "ccomp") for c in noun.children) or not deniers:
                continue
            every = noun.tag_ == "NNS" or any(c.lower_ in EVERY for c in noun.subtree)
            return deniers[0], verb, every
    return None


# Determiners between a denial and the claim it denies: "disputes that claim".
CLAIM_DETERMINERS = {"that", "this", "these", "those", "the", "such"} | EVERY


DENYING_WORDS = {"deny", "denies", "denied", "dispute", "disputes", "disputed", "refute", "refutes", "refuted"}


def denied_claim_words(sentence: Span) -> tuple[Token, Token, bool] | None:
    """The same denial read from its words when the parse is lost: "Sanders disputes that claim"
    parsed with "disputes" a noun and "claim" a verb (a name, a denying verb, a determiner and
    a claim noun, in this order)."""
    tokens = [t for t in sentence if not t.is_space]
    for k in range(1, len(tokens) - 2):
        name, verb, det, noun = tokens[k - 1], tokens[k], tokens[k + 1], tokens[k + 2]
        if (verb.lower_ in DENYING_WORDS and det.lower_ in CLAIM_DETERMINERS and noun.lower_.rstrip("s") in CLAIM_NOUNS
                and name.pos_ in ("PROPN", "NOUN") and name.is_title):
            return name, verb, noun.lower_.endswith("s") or det.lower_ in EVERY
    return None


class ClaimDenials(Generic[Speaker]):
    """Claims of a document ("Warren has accused him of telling her …", modality ``claimed``)
    and their denials in later sentences: the denial is the claimed fact negated, in the denier's
    word or in the word of whoever reports the denial ("A lawyer for Brown said the receiver
    denies each and every allegation")."""

    def __init__(self) -> None:
        self.claims: list[list] = []  # the claimed statements of each sentence that had any

    def add(self, statements: list) -> None:
        claimed = [s for s in statements if s.modality == "claimed" and not s.negated]
        if claimed:
            self.claims.append(claimed)

    def denials(self, denier: Speaker, every: bool, same: Callable[[Speaker, Speaker], bool]) -> list:
        """The claimed statements about ``denier`` that a denial covers: the last sentence's, or
        every one so far."""
        groups = self.claims if every else self.claims[-1:]
        return [s for group in groups for s in group if same(s.subject, denier)]


# -- turns of a transcript and first-person speech ------------------------------------------

# Words before a speaker label's name: "Mr. Tapper:", "HOUSE SPEAKER PAUL RYAN:".
LABEL_TITLE_WORDS = TITLE_WORDS | {"house"}
# The first person singular, whose referent in quoted or transcribed speech is the speaker.
FIRST_PERSON_SINGULAR = {"i", "me", "myself"}


def turn_speaker_name(label: str) -> str | None:
    """The name of the speaker whose words a labelled turn is ("Mr. Tapper" → "Tapper", "KASICH"
    → "Kasich"), or None: "Q" and "A" name nobody by themselves."""
    words = [w for w in label.replace(".", " ").split() if w.lower() not in LABEL_TITLE_WORDS]
    if not words or label in ("Q", "A"):
        return None
    return " ".join(w.capitalize() if w.isupper() else w for w in words)


FIRST_PERSON_PLURAL = {"we", "us"}
# Kinds of actor that speak as "we" for themselves: "“We have no complaints,” the company said".
SPEAKING_KINDS = {"Country", "Organization", "ArmedGroup", "Group"}


# Offices whose holder's "we" is the body they hold it in: "Foreign Minister Sergei Lavrov".
SPEAKING_OFFICES = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
                    "premier", "chancellor"}


def speaker_body(speaker: Entity | None, lookup: Callable[[str], Entity | None]) -> Entity | None:
    """What a speaker's "we" stands for: a body or state speaking for itself, or the state or
    body a minister, secretary, spokesman or envoy speaks for ("Russian Foreign Minister Sergei
    Lavrov": Russia); None for anyone else (the "we" of a candidate, an economist, a community
    leader is their party, their trade, their community: no actor the article names)."""
    if speaker is None:
        return None
    if speaker.type in SPEAKING_KINDS:
        return speaker
    role = (speaker.role or "").lower().split()
    if speaker.type == "Person" and speaker.affiliation and role and role[-1] in SPEAKING_OFFICES:
        return lookup(speaker.affiliation)
    return None


def first_person_voice(pronoun: Token, sentence: Span, in_turn: bool) -> str | None:
    """Whose word a first-person singular pronoun is, so that it stands for them: "quote" between
    quotation marks ("“I never met him,” Trump said": the quotation's speaker), "turn" in a turn
    of a transcript outside quotation marks ("Trump: … Mrs. Clinton said I should give my tax":
    the turn's speaker, in indirect speech too); None for anything else ("I" outside quotes is the
    writer's)."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL:
        return None
    if inside_quotes(pronoun, quote_marks(sentence)):
        return "quote"
    return "turn" if in_turn else None


# Pronouns of the first and second person: a speaker talking to someone.
# ("we" and "our" are no sign: an editorial's writer says them too)
SPEAKING_PRONOUNS = {"i", "me", "my", "myself", "you", "your"}


def speaks_on(sentences: list[Span], surname: str) -> bool:
    """Whether an unlabelled paragraph goes on with the turn before it: it talks in the first or
    second person outside quotation marks ("Now he backed away from that … I don't know where
    he'll be tonight") and does not name the speaker in the third person ("This is the kind of
    situation where Trump's lack of support …" is the writer again)."""
    voiced = False
    for sentence in sentences:
        marks = quote_marks(sentence)
        for token in sentence:
            if token.lower_ == surname:
                return False
            if token.pos_ == "PRON" and token.lower_ in SPEAKING_PRONOUNS and not inside_quotes(token, marks):
                voiced = True
    return voiced
