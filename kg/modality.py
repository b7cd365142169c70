"""Polarity and modality of a clause: does the text say it happened, or only that it did not,
may, should, will, or is said to?

One function per English construction, each with the construction it reads in a comment.
:func:`polarity_and_modality` combines them for the clause headed by a verb: what the clause
says itself (negation, a modal auxiliary, a hedging adverb, a conditional, a question), then
what the words governing it add ("wants to", "refused to", "the request that", "is said to").
A statement with a modality is never asserted as a plain fact (``Statement.asserted``).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.clauses import (
    ACCUSING_VERBS, MEANS_PREPS, OBJECT_GERUND_PREPS, OBJECT_GERUND_VERBS, auxiliaries, gerund_governor, is_passive, is_purpose,
    lemma_forms, own_subjects, pseudo_coordinated, purpose_after_thing, shares_clause,
)

# Verbs whose clausal complement is what someone said, not what happened.
SPEECH_VERBS = {
    "say", "tell", "add", "state", "announce", "report", "note", "stress", "explain", "confirm",
    "write", "declare", "think", "believe", "argue", "acknowledge", "insist", "suggest",
    "indicate", "reveal", "concede", "allege", "claim", "assert", "maintain", "told", "conclude",
    # a rejoinder is said too: "“…,” Mr. Cassidy countered", "she retorted that …"
    "counter", "retort", "rejoin",
}
# Adverbs that set a complement against a negated one: "not X, only Y".
CONTRASTING_ADVERBS = {"only", "merely", "simply", "rather", "instead"}
# Verbs whose "that" clause is taken as a fact ("did not know that Russia attacked"), and verbs
# of hearing, whose "that" clause is what was heard, a claim ("don't want to hear that X").
FACTIVE_VERBS = {"know", "learn", "discover", "realize", "realise", "notice", "regret", "remember", "forget"}
HEARD_VERBS = {"hear", "read"}
# Verbs whose "would" content is their subject's "will" when they are in the past: speech, and
# foretelling ("predicted Clinton would win", "informed Louie she would not divorce him").
REPORTING_FUTURE_VERBS = SPEECH_VERBS | {"predict", "forecast", "inform", "warn", "promise", "vow", "pledge", "assure",
                                         "signal", "hint"}
# Speech verbs whose content is an allegation, not a report: "Taylor alleges that Brown …".
CLAIM_VERBS = {"allege", "claim", "purport", "rumour", "rumor", "accuse"}
# Speech verbs whose content is denied: "Moscow denied that its jets struck the hospital".
DENIAL_VERBS = {"deny", "dispute", "refute"}
# Verbs that, in the passive with an infinitive, report hearsay: "Mr Fields is said to have …".
HEARSAY_PASSIVES = {"say", "report", "believe", "think", "allege", "rumour", "rumor", "understand",
                    "suppose", "suspect", "claim", "reckon", "consider"}
# Modal auxiliaries → modality.
MODAL_AUX = {
    "may": "possible", "might": "possible", "could": "possible", "can": "possible",
    "will": "future", "shall": "future", "'ll": "future", "wo": "future",
    "would": "conditional", "'d": "conditional",
    "must": "obligated", "should": "obligated", "ought": "obligated",
}
# Verbs and adjectives that govern a complement clause and hedge it ("wants Moscow to have …").
GOVERNOR_MODALITY = {
    **dict.fromkeys(("want", "plan", "intend", "hope", "seek", "aim", "try", "attempt", "prepare", "work", "strive", "struggle",
                     "vow", "swear", "pledge", "promise", "mean", "wish", "agree", "offer",
                     "ready", "willing", "prepared", "eager", "determined", "keen", "poised",
                     # steps taken toward an end not yet reached: "South Korea moved to steady the markets",
                     # "scrambled to contain", "fought to keep", "lobbied to block"
                     # ("decided to allow" is left a concession: the decision is the act, as event coders read it)
                     "move", "scramble", "rush", "race", "act", "fight", "battle", "lobby", "campaign"), "intended"),
    **dict.fromkeys(("ask", "request", "urge", "call", "press", "invite", "appeal", "demand", "encourage",
                     # orders: "orders its chaplains to put their Bibles away", "told them to leave"
                     "order", "instruct", "direct", "command", "tell",
                     # advice: "recommended that shareholders approve the merger"
                     "recommend", "advise",
                     # pleas and pressure: "Cynthia begged Louie to go with her"
                     "beg", "implore", "beseech", "exhort", "pressure"), "requested"),
    # what is only considered: "Kuwait had considered having Soviet escorts"
    "consider": "possible",
    # what is allowed may be done, it is not done: "the law allows the chairmen to request the returns",
    # "discussed allowing Russia to interview U.S. citizens"
    **dict.fromkeys(("allow", "permit", "authorize", "authorise"), "possible"),
    # a proposal: "I propose deepening our dialogue" (but "proposed to buy" is intended: see proposed)
    "propose": "requested",
    # what is about to happen has not: "Chrysler is about to re-enter the European market"
    "about": "future",
    **dict.fromkeys(("claim", "allege", "purport", "pretend"), "claimed"),
    # what one is accused of: "accused him of telling her" (kg.clauses.ACCUSING_VERBS)
    **dict.fromkeys(("accuse", "charge", "blame", "suspect", "sue", "indict", "investigate", "arrest"), "claimed"),
    # "ought" heads its infinitive in the small model's parse: "The Fed ought to hold …"
    **dict.fromkeys(("force", "oblige", "compel", "require", "have", "need", "ought"), "obligated"),
    **dict.fromkeys(("likely", "unlikely", "possible", "seem", "appear"), "possible"),
    # "it would be hard to accept X": a guess about what will be done
    **dict.fromkeys(("hard", "difficult", "tough"), "possible"),
    **dict.fromkeys(("expect", "set", "go",
                     # what is scheduled: "was scheduled to be released in November 2021", "is due to vote"
                     "schedule", "slate", "due"), "future"),
}
# Nouns of evidence: "no evidence that Trump set the policies" leaves it unproven (not denied).
EVIDENCE_NOUNS = {"evidence", "proof", "sign", "indication", "suggestion"}
# Nouns of an aim, whose "is to" infinitive is intended: "the goal is to cut costs".
GOAL_NOUNS = {"goal", "aim", "objective", "purpose", "vision", "target", "task", "mission", "idea", "strategy", "priority",
              "intent", "intention", "thing", "point", "challenge", "job"}
# Bodies whose "is to" is an arrangement: "the government is to sell its stake".
ARRANGING_BODIES = {"government", "ministry", "army", "company", "firm", "bank", "council", "committee", "court", "union",
                    "party", "president", "minister", "board", "state", "country", "administration", "parliament"}
# Nouns of a means or a right to act, whose infinitive is only possible: "the power to block it".
MEANS_NOUNS = {"power", "authority", "ability", "right", "capacity", "means", "standing", "strength",
               "jurisdiction", "permission", "leverage", "clout", "vote", "wherewithal"}
# Nouns whose content clause is not a fact: "rumours that Indonesia had issued licences",
# "the League's request that he disavow Duke", "a plan to strike Iran".
NOUN_MODALITY = {
    **dict.fromkeys(("rumour", "rumor", "allegation", "accusation", "claim", "report", "speculation",
                     "suspicion", "charge"), "claimed"),
    **dict.fromkeys(("request", "demand", "call", "appeal", "plea", "proposal", "ultimatum", "suggestion"), "requested"),
    **dict.fromkeys(("plan", "promise", "pledge", "vow", "bid", "attempt", "effort", "intention", "offer",
                     "threat",
                     # a drive toward an end: "started a campaign to persuade Neal", "a push to repeal the law"
                     "campaign", "drive", "push", "quest", "mission", "ambition", "desire"), "intended"),
    **dict.fromkeys(("possibility", "chance", "prospect", "likelihood", "risk", "fear"), "possible"),
    # a means or a right to act is no act: "gave his field offices more power to devote
    # resources", "has the votes to block the bill", "lacks standing to sue" (see lacked_means)
    **dict.fromkeys(MEANS_NOUNS, "possible"),
}
# Adjectives that deny what they hedge: "Yugoslavia is unlikely to follow Brazil's lead" says it
# probably will not, as does "it is unlikely Congress will approve the treaty".
UNLIKELY_WORDS = {"unlikely", "improbable"}
# Verbs of putting a means to use, whose infinitive is then meant, not only possible: "is
# exercising his authority to extend the clock", "used its power to block the merger".
USING_VERBS = {"use", "exercise", "wield", "invoke", "employ", "utilize", "utilise", "abuse", "misuse"}
# Verbs whose object, lacking, leaves the infinitive on it undone: "the House lacks standing to sue".
LACKING_VERBS = {"lack"}
# Objects of "do" that deny its infinitive: "does nothing to unify the base", "did little to
# ease fears"; "anything" when "do" is negated: "did not do anything to stop it".
NOTHING_WORDS = {"nothing", "little"}
# Verbs of going on to a next act, which is done, not planned: "Trump went on to accuse the
# State Department of …", "proceeded to dismantle the program".
SEQUEL_VERBS = {"go", "proceed"}
# Marks of a clause that says when the main clause's act happens: "the claims process will open
# after the settlement is approved" (the approval, too, is still to come).
TIME_CLAUSE_MARKS = {"after", "once", "when", "until", "till", "before"}
# Governors whose complement is not done but refused or threatened: "refused to share" is a
# refusal, "threatened to cut off" a threat.  The governor becomes the predicate.
GOVERNING_EVENTS = {
    **dict.fromkeys(("refuse", "decline", "reject", "fail", "deny"), "REJECT"),
    "threaten": "THREATEN",
    # what was agreed, offered or promised is not done yet; the agreement is
    **dict.fromkeys(("agree", "offer", "promise", "pledge"), "AGREE"),
}
# Verbs of ceasing, whose "-ing" complement is what stops: "should stop using Twitter" says he
# should no longer use it, "will never stop beating them" that they will go on.  The verb of
# ceasing becomes the predicate, as a refusal does ("stop using").
CEASING_VERBS = {"stop", "quit", "cease", "halt", "discontinue"}
# Verbs that abandon a plan: "have shelved plans to privatise state industry" (no longer intended).
ABANDONING_VERBS = {"shelve", "abandon", "drop", "scrap", "ditch", "cancel", "withdraw", "kill", "renounce"}
# Adjectives of difficulty: "hard not to accept X" says X will likely be accepted (the two
# negations cancel), "hard to accept X" that it is in doubt.
DIFFICULTY_ADJECTIVES = {"hard", "difficult", "tough"}
# Governors whose complement is not done: "avoided looking down", "was unwilling to give".
NEGATIVE_GOVERNORS = {"avoid", "refrain", "neglect", "unwilling", "reluctant", "loath",
                      # what one cannot do is not done: "who was unable to attend"
                      "unable", "incapable", "powerless"}
# Adjectives that predict their infinitive: "the pledge was sure to face opposition".
PREDICTING_ADJECTIVES = {"sure", "certain", "bound"}
# Verbs that predict their "-ing" or infinitive complement (not a "that" clause, a belief):
# "Weston anticipates using the proceeds for acquisitions".
PREDICTING_VERBS = {"anticipate", "foresee"}
# Nouns of intent whose denial denies their content: "has no plans to bring Mueller".
DENIABLE_NOUN_HEADS = {"have", "be"}
# Refusals coordinated with a request, which they answer: "was asked to disavow Duke and declined".
REFUSALS = {"decline", "refuse"}
# Governing events whose complement is only intended: "Iran promised to attack Syria".
PROMISE_VERBS = {"promise", "pledge"}
# Adverbs that hedge their clause: "The attacks apparently required …", "allegedly exposing".
HEDGE_ADVERBS = {
    **dict.fromkeys(("allegedly", "reportedly", "purportedly", "supposedly", "ostensibly", "rumoredly"), "claimed"),
    **dict.fromkeys(("probably", "apparently", "likely", "possibly", "perhaps", "maybe", "presumably",
                     "seemingly", "conceivably", "potentially", "perchance"), "possible"),
}
# Predicative adjectives that hedge their copula's clause: "an attack is possible".
HEDGE_PREDICATES = {"likely", "unlikely", "possible", "probable", "conceivable"}
# Adjectives that hedge an event noun: "the alleged attack", "possible strikes", "planned talks".
HEDGE_ADJECTIVES = {
    **dict.fromkeys(("alleged", "reported", "suspected", "purported", "supposed", "rumoured", "rumored"), "claimed"),
    **dict.fromkeys(("possible", "potential", "likely", "probable"), "possible"),
    **dict.fromkeys(("planned", "intended", "threatened"), "intended"),
    **dict.fromkeys(("proposed", "requested"), "requested"),
}
# Verbs of belief whose negation is the complement's ("I don't believe I've ever met him" says
# he believes he has not, and only believes it).
BELIEF_VERBS = {"believe", "think", "suppose", "imagine", "expect", "reckon", "guess"}
# Adjectives of certainty and the degree adverbs that hedge them: "I'm pretty sure I didn't meet him".
CERTAINTY_ADJECTIVES = {"sure", "certain", "confident", "convinced", "positive"}
HEDGING_DEGREES = {"pretty", "fairly", "reasonably", "almost", "nearly", "mostly", "somewhat", "rather"}
CONDITIONAL_MARKS = {"if", "unless"}
# Words whose "wh-" clause is an open question: "unclear how much …", "wondered who …".
UNKNOWING_GOVERNORS = {"clear", "unclear", "uncertain", "wonder", "sure", "unsure"}
# Auxiliaries that open an inverted condition: "Should Moore make it to the Senate, …", "Had he
# known, …", "Were Iran to attack, …".
INVERTED_CONDITION_AUX = {"should", "had", "were"}
# Subordinating words whose clause a question takes for granted: "How can they remain profitable
# when wages are rising?" asks about the profit, not whether wages rise.
PRESUPPOSING_MARKS = {"when", "while", "because", "since", "after", "before", "although", "though", "once", "whereas", "as"}
# Marks of an indirect question: "did not say whether Russia would strike".
QUESTION_MARKS = {"whether", "if"}
# Modalities a question replaces: an inverted "Should the party ask …?" asks, it does not oblige;
# "Why would we attack?" asks too.
QUESTIONED = {None, "future", "obligated", "conditional"}
# Modalities a condition over the governing clause replaces: what is intended, requested or due
# only if the condition holds ("if Republicans plan to use a shutdown") is conditional.
CONDITIONED = {None, "future", "obligated", "intended", "requested"}


def is_negated(verb: Token) -> bool:
    # "did not strike", "never struck" (not "whether or not the court upholds it")
    if any((c.dep_ == "neg" and not whether_or_not(c)) or c.lower_ in ("never",) and c.dep_ == "advmod" for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "left without paying", "would flow more smoothly without bureaucrats channeling money"
    if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(d.lower_ == "no" for d in c.children) for c in verb.children):
        return True  # "will no longer defend", "no more"
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        return is_negated(verb.head)  # "is not ready to meet": the copula carries the negation
    if any(c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and any(d.dep_ in ("det", "neg") and d.lower_ == "no" for d in c.children)
           for c in verb.children):
        return True  # a participant with "no": "found no collusion", "no country attacked"
    if neither_nor(verb):
        return True
    if shares_clause(verb) and not contrasting_conjunct(verb):
        return is_negated(verb.head)  # shared auxiliary: "will not cooperate or share"
    return False


def contrasting_conjunct(verb: Token) -> bool:
    """A verb joined by "but" to the one before it: "does not want a strike but hopes to reach a
    deal" (what is hoped is set against what is not wanted: no negation is shared)."""
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" and verb.head.i < c.i < verb.i
                                       for c in verb.head.children)


def whether_or_not(neg: Token) -> bool:
    """The "not" of "whether or not": no negation of the clause, which stays an open question."""
    doc = neg.doc
    return neg.lower_ == "not" and neg.i >= 2 and doc[neg.i - 1].lower_ == "or" and doc[neg.i - 2].lower_ == "whether"


def neither_nor(verb: Token) -> bool:
    """A correlative negation: "he neither wanted a rise nor a fall", "will neither partner …
    nor sanction", "neither Russia nor China attacked"; the small model hangs "neither" on the
    verb, its subject or its object, with whatever label, and "nor" on the second conjunct."""
    for child in verb.children:
        if child.lower_ == "neither" and child.dep_ not in ("conj", "nsubj", "nsubjpass"):
            return True  # ("neither of the parties" as the subject is a group denied: relations.denied_of_group)
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(d.lower_ == "neither" for d in child.children):
            return True
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in verb.head.children if c.i < verb.i)


def hedge_adverb(verb: Token) -> str | None:
    """A hedging adverb on the clause: "apparently required", "allegedly exposing himself"; also
    a hedging predicate of a copula: "Pyongyang was likely behind …", "provocations are likely"."""
    for child in verb.children:
        if child.dep_ in ("advmod", "acomp") and child.lower_ in HEDGE_ADVERBS:
            return HEDGE_ADVERBS[child.lower_]
        if child.dep_ == "acomp" and child.lower_ in HEDGE_PREDICATES:
            return "possible"
    return None


def conditional_clause(verb: Token) -> bool:
    """The condition itself: "if GATT accepted China", "unless Iran agrees", or inverted: "Should
    Moore make it to the Senate"."""
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children) or inverted_condition(verb)


def in_case_clause(verb: Token) -> bool:
    """A precaution's condition: "stockpiled food in case the rebels attack the city", "backup
    plans in case cases don't drop" (the small model hangs "in case" on the main verb or folds
    "case" into the subject)."""
    if verb.dep_ not in ("advcl", "ccomp", "conj", "acl", "relcl") or verb.pos_ not in ("VERB", "AUX"):
        return False
    doc = verb.doc
    first = min(t.i for t in verb.subtree)
    if doc[first].lower_ == "case" and first >= 1 and doc[first - 1].lower_ == "in":
        return True
    return first >= 2 and doc[first - 2].lower_ == "in" and doc[first - 1].lower_ == "case"


def inverted_condition(verb: Token) -> bool:
    """A condition by inversion, with no "if": "Should Moore make it to the Senate, Democrats …",
    "Had Iran known, …" (the auxiliary before the subject, the clause before its main clause)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # (after its main clause too: "… own Clinton's judges should Trump lose")
    return bool(subjects) and any(c.dep_ == "aux" and c.lower_ in INVERTED_CONDITION_AUX and c.i < subjects[0].i
                                  and c.i == min(t.i for t in verb.subtree) for c in verb.children)


def has_condition(verb: Token) -> bool:
    """The consequence of a condition: "If Iran attacks, the US will respond" (it responds only
    if); not a past or perfect fact beside it ("he called the reports a blot if they had been
    leaked"), nor the main clause of a concession ("Even if that is resolved, Washington has done
    little")."""
    if verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return any(conditional_clause(c) and not concessive(c) and not after_other_conjunct(verb, c) for c in verb.children)


def after_other_conjunct(verb: Token, condition: Token) -> bool:
    """A condition after a later coordinated verb belongs to that verb: "he will analyze the
    request and respond if required by law" (he will analyze it, and respond only if)."""
    return any(verb.i < t.i < condition.i for t in conjuncts_of(verb))


def conjuncts_of(verb: Token) -> list[Token]:
    """The verbs coordinated with this one, the small model hanging a later one on the verb or on
    its object ("analyze the request and respond"), not verbs inside its complements."""
    found = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            found += [child, *conjuncts_of(child)]
        elif child.dep_ == "dobj":
            found += [c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return found


def concessive(clause: Token) -> bool:
    """ "even if …": granted, not a condition of the main clause."""
    return any(c.dep_ == "advmod" and c.lower_ == "even" for c in clause.children)


def modal_auxiliary(verb: Token) -> str | None:
    """A modal auxiliary: "may request", "will not cooperate", "going to strike"."""
    for aux in auxiliaries(verb):
        word = aux.lower_.replace("\u2019", "'")  # the curly apostrophe of "he’d", "we’ll"
        if word == "'d" and aux.tag_ != "MD":
            continue  # "he'd gone": "had"
        modality = MODAL_AUX.get(word) or MODAL_AUX.get(aux.lemma_.lower())
        if modality == "conditional" and reported_in_past(verb) and not has_condition(verb):
            return "future"  # "said it would prohibit": the reported "will", not a condition
        if modality:
            return modality
        if aux.lower_ == "going" or aux.lemma_ == "go":
            return "future"
    return None


def indirect_question(verb: Token) -> bool:
    """A clause asking, not saying: "did not say whether Russia would strike", "looking into
    whether Russia identified its targets"; "if" asks only as a complement ("asked if")."""
    if any(c.dep_ == "mark" and (c.lower_ == "whether" or c.lower_ in QUESTION_MARKS and verb.dep_ == "ccomp")
           for c in verb.children):
        return True
    return wh_question(verb) or question_conjunct(verb)


# the second alternative of an indirect question: "could not say whether Blunkett had treated
# the nanny as a special case or had used her as an example" (neither is said to have happened)
def question_conjunct(verb: Token) -> bool:
    """A verb joined to the head of an indirect question with no mark of its own."""
    return (verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "mark" for c in verb.children)
            and indirect_question(verb.head))


def wh_question(verb: Token) -> bool:
    """A "wh-" clause of what is not known: "it wasn't clear how much of a honeymoon Trump would
    enjoy", "wondered who would lead" (not "knows who attacked", a fact)."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in UNKNOWING_GOVERNORS:
        return False
    first = min(verb.subtree, key=lambda t: t.i)
    return first.tag_ in ("WRB", "WP", "WDT", "WP$")


def in_question(verb: Token) -> bool:
    """A clause of a direct question: the clause a question mark closes and the clauses inside it
    ("Should the party ask him to step down?", "“Why would we attack?” he asked"), but not the
    clause that quotes a question ("Holder asked the reporters, “Will you cower?”")."""
    for mark in (t for t in verb.sent if t.text == "?"):
        if quoted_outside(mark, verb):
            continue
        asked = mark.head
        if asked == verb or asked.is_ancestor(verb) and not presupposed_between(verb, asked):
            return True
    return False


OPENING_QUOTES = {"“", '"', "‘"}


def quoted_outside(mark: Token, verb: Token) -> bool:
    """A question mark inside a quotation that the clause is outside of: "Gold reacted by
    tweeting … and wondering if the president would “apologize … and commit to no more?”" (the
    reacting is no question)."""
    opening = next((t for t in reversed(mark.sent[: mark.i - mark.sent.start]) if t.text in OPENING_QUOTES), None)
    if opening is None:
        return False
    closing = mark.i + 1 < len(mark.doc) and mark.doc[mark.i + 1].text in {"”", '"', "’"}
    return closing and verb.i < opening.i


def presupposed_between(verb: Token, asked: Token) -> bool:
    """Whether the clause sits in a subordinate clause the question takes for granted: "How can
    they remain profitable when wages are rising?", "What more is there to say now that he has
    admitted guilt and apologized?", "Did the man who attacked Iran resign?"."""
    while verb != asked and verb.head != verb:
        if presupposed_clause(verb):
            return True
        verb = verb.head
    return False


def presupposed_clause(verb: Token) -> bool:
    """A relative clause, or a clause of time, reason or concession ("when", "because", "now that")."""
    if verb.dep_ == "relcl":
        return True
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    for c in verb.children:
        if c.dep_ in ("mark", "advmod") and c.lower_ in PRESUPPOSING_MARKS and c.i < verb.i and verb.dep_ == "advcl":
            return True
        if c.dep_ == "mark" and c.lower_ == "that" and c.i > 0 and verb.doc[c.i - 1].lower_ == "now":
            return True  # "now that he has admitted guilt"
    return False


def own_modality(verb: Token) -> str | None:
    """What the clause says of itself, before the words governing it."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        return own_modality(verb.head)  # "must be ready to mediate": the copula's auxiliary
    hedge = hedge_adverb(verb)
    if hedge:
        return hedge
    if conditional_clause(verb) or in_case_clause(verb):
        return "conditional"
    if indirect_question(verb):
        return "possible"
    modality = modal_auxiliary(verb)
    if modality in (None, "future") and has_condition(verb):
        return "conditional"
    if modality == "conditional" and refused_in_past(verb):
        return None  # "Reid would not agree to the condition": he refused
    if modality:
        return modality
    if future_time_clause(verb):
        return "future"
    if extraposed_infinitive(verb) is not None:
        return None  # "possible for the court to overturn": the adjective governs it (see governor)
    if is_purpose(verb) and not sequel(verb.head):
        return "intended"  # purpose: "… to protest the arrests" is what they meant to do
    if shares_clause(verb) and not is_pseudo_coordinated(verb):
        return own_modality(verb.head)  # ("will try and seize": the trying's auxiliary is not the seizing's)
    return None


# a present-tense clause of time under a main clause in the future: "the process will open after
# the settlement is approved", "will stay until the vote is held" (not yet done either)
def future_time_clause(verb: Token) -> bool:
    """Whether ``verb`` heads such a clause of time."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_MARKS for c in verb.children):
        return False
    finite = [verb, *auxiliaries(verb)]
    if any(t.tag_ == "MD" for t in finite) or modal_auxiliary(verb.head) != "future":
        return False
    if any(t.tag_ in ("VBZ", "VBP") for t in finite) and not any(t.tag_ == "VBD" for t in finite):
        return True
    # reported in the past, its tenses shift back: "said it would drop the tariffs once Japan began
    # fulfilling the agreement" (Japan had not begun)
    return any(t.tag_ == "VBD" for t in finite) and any(a.lower_ in ("would", "'d", "\u2019d") for a in auxiliaries(verb.head))


# Acts a "would not" in past narrative refuses: "Reid would not agree to the condition", "the
# minister would not comment", "Cruz would not even acknowledge Trump's insurgency" (he did not).
REFUSED_ACTS = {"say", "comment", "agree", "confirm", "acknowledge", "discuss", "elaborate", "disclose", "reveal",
                "identify", "answer", "specify", "accept", "commit", "respond", "speculate", "divulge", "detail", "name"}


# a past refusal: "would not" over a verb of saying or assenting, with no condition
def refused_in_past(verb: Token) -> bool:
    """Whether ``verb`` is such a refused act (its "would" is no condition)."""
    if verb.lemma_.lower() not in REFUSED_ACTS or not is_negated(verb) or has_condition(verb):
        return False
    return any(a.lower_ in ("would", "'d", "\u2019d") and a.tag_ == "MD" for a in auxiliaries(verb))


# going on to a next act: "Trump went on to accuse the State Department", "proceeded to dismantle it"
def sequel(gov: Token) -> bool:
    """Whether ``gov`` is a verb of going on to what its infinitive says, which it did."""
    lemma = gov.lemma_.lower()
    return gov.pos_ in ("VERB", "AUX") and (lemma == "proceed" or lemma in SEQUEL_VERBS and any(
        c.dep_ == "prt" and c.lower_ == "on" for c in gov.children))


# "the request that he disavow Duke", "rumours that …", "the power to block it"; a means put to use
# is used for what it is meant to do: "exercised his authority to extend the clock"
def noun_modality(noun: Token) -> str | None:
    """The modality a noun gives its content clause."""
    modality = NOUN_MODALITY.get(noun.lemma_.lower())
    if modality == "possible" and noun.dep_ == "dobj" and lemma_forms(noun.head) & USING_VERBS:
        return "intended"
    return modality


# "does nothing to unify the base", "did little to ease fears", "did not do anything to stop it":
# what the infinitive says was not brought about
def nothing_done(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of a "do" whose object denies it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "dobj":
        thing, do = verb.head, verb.head.head
    elif verb.dep_ in ("xcomp", "advcl"):
        do = verb.head
        thing = next((c for c in do.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if thing is None:
            return False
    else:
        return False
    if do.lemma_.lower() != "do" or any(c.dep_ == "det" for c in thing.children):
        return False  # ("did a little to help": something done)
    word = thing.lower_
    return word in NOTHING_WORDS and not is_negated(do) or word == "anything" and is_negated(do)


# "Yugoslavia is unlikely to follow Brazil's lead", "it is unlikely Congress will approve it":
# probably not done ("not unlikely" hedges it only)
def unlikely_governor(gov: Token, dep: str) -> bool:
    """Whether ``gov`` is such an adjective, or the copula whose "unlikely" the clause hangs beside."""
    if dep not in ("xcomp", "ccomp"):
        return False
    word = gov if gov.lemma_.lower() in UNLIKELY_WORDS else next(
        (c for c in gov.children if dep == "ccomp" and c.dep_ == "acomp" and c.lemma_.lower() in UNLIKELY_WORDS), None)
    return word is not None and not is_negated(word)


# "too divided to pass the budget", "too liberal to beat Trump": cannot be done
def too_to(gov: Token, dep: str) -> bool:
    """Whether ``gov`` is an adjective or participle with "too" right before it, over an infinitive."""
    return dep == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "too" and c.i == gov.i - 1 for c in gov.children)


# "the House lacks standing to sue", "the Senate lacks the votes to block him": not done, nor can be
def lacked_means(gov: Token) -> bool:
    """Whether ``gov`` is a noun of means a (not negated) verb of lacking has as its object."""
    return (gov.pos_ == "NOUN" and gov.dep_ == "dobj" and NOUN_MODALITY.get(gov.lemma_.lower()) == "possible"
            and bool(lemma_forms(gov.head) & LACKING_VERBS) and not is_negated(gov.head))


# ... the infinitive hung on the verb of lacking by the parse: "the Senate lacks the votes to block him"
def lacked_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is an infinitive on a (not negated) verb of lacking whose object is a noun of means."""
    if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.i < verb.i and lacked_means(c) for c in verb.head.children)


def thing_purpose(verb: Token) -> bool:
    """An infinitive of purpose after a thing the parse reads as object control: "Iran used the
    money to buy weapons" (kg.clauses.purpose_after_thing)."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    objects = [c for c in verb.head.children if c.dep_ == "dobj"]
    return bool(objects) and purpose_after_thing(verb.head, objects[0])


def reported_in_past(verb: Token) -> bool:
    """Whether the clause is reported by a past-tense verb of saying or foretelling ("announced it
    would …", "were saying they would no longer tolerate it", "has long said it would target",
    "predicting Clinton would win", "informed Louie she would not divorce him"), looking through
    coordination ("said he would try … and would strive")."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "ccomp" or not lemma_forms(verb.head) & REPORTING_FUTURE_VERBS:
        return False
    return past_tense(verb.head)


def past_tense(verb: Token) -> bool:
    """A verb in a past tense: "said", "was saying", "had said", "has said", or a participle of a
    past clause ("…, predicting that …" after "proved")."""
    if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("was", "were", "had", "has", "have") for c in verb.children):
        return True
    if verb.tag_ == "VB" and verb.dep_ == "advcl" and has_to(verb):
        return past_tense(verb.head)  # "called a news conference to announce it would …"
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.tag_ == "VBD"


def content_clause(verb: Token) -> bool:
    """The clause a noun such as "request", "rumour", "plan" stands for: "the request that he
    disavow Duke", "rumours that Indonesia had issued licences", "a plan to strike"; not a
    relative clause ("the report that came out"), whose relative pronoun is an argument."""
    if verb.dep_ not in ("acl", "relcl", "ccomp", "appos") or verb.head.pos_ != "NOUN":
        return False
    if verb.head.lemma_.lower() not in NOUN_MODALITY and verb.head.lemma_.lower() not in EVIDENCE_NOUNS:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # a reduced relative, not the noun's content: "the plan approved by Iraq"
    if verb.dep_ == "relcl" and not any(c.dep_ in ("mark", "dobj", "ccomp", "xcomp") or c.dep_ == "aux" and c.lower_ == "to"
                                         for c in verb.children):
        return False  # a bare relative with its object gapped: "the plan Iraq had proposed"
    relative = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.tag_ in ("WDT", "WP")]
    return not relative or len(own_subjects(verb)) > 1


def extraposed_infinitive(verb: Token) -> Token | None:
    """The adjective an extraposed "for … to" clause is the subject of: "it remains possible for
    the judge to overturn the plea", "it is hard for Democrats to oppose him" (not a purpose:
    the judge is not meant to overturn it; the adjective says how likely it is)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < verb.i), None)


def misattached_infinitive(verb: Token) -> bool:
    """A bare infinitive coordinated with the verb that governs the infinitive before it:
    "hopes to remain MP and start a family", parsed with "start" a conjunct of "hopes"."""
    head = verb.head
    # the small model tags such a bare infinitive VBP as often as VB ("needs to get …, find a way")
    return (verb.dep_ == "conj" and verb.tag_ in ("VB", "VBP") and not own_subjects(verb) and not auxiliaries(verb)
            and head.tag_ in ("VBZ", "VBD", "VBP", "VBN")
            and any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < verb.i for c in head.children))


def governor(verb: Token) -> Token | None:
    """The verb, adjective or noun whose complement clause this verb heads, if any."""
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        return verb.head
    if content_clause(verb):
        return verb.head
    if extraposed_infinitive(verb) is not None:
        return extraposed_infinitive(verb)
    if misattached_infinitive(verb) or is_pseudo_coordinated(verb):
        return verb.head  # "hopes to remain MP and start a family", "try and stop him"
    if gerund_governor(verb) is not None:
        return verb.head.head  # "-ing" after a preposition: "could play a role by introducing them"
    if (shares_clause(verb) or coordinated_infinitive(verb)) and verb.head.pos_ in ("VERB", "AUX"):
        return governor(verb.head)  # "refused to share and cooperate", "a pledge to take down X and to drive Y": both
    partner = infinitive_partner(verb)
    if partner is not None:
        return governor(partner)
    return None


def coordinated_infinitive(verb: Token) -> bool:
    """An infinitive with its own "to" coordinated with another: "Bannon's pledge to take down
    Republicans … and to drive McConnell from the leadership" (both pledged)."""
    return verb.dep_ == "conj" and has_to(verb) and has_to(verb.head) and not own_subjects(verb)


def infinitive_partner(verb: Token) -> Token | None:
    """The infinitive an infinitive with its own "to" is coordinated with, when the parse hangs it
    on a clause inside the first one's object: "a pledge to take down Republicans who are not
    behind Trump and to drive McConnell from the leadership" ("to drive" on "are")."""
    if verb.dep_ != "conj" or not has_to(verb) or has_to(verb.head) or own_subjects(verb):
        return None
    for ancestor in verb.head.ancestors:
        if ancestor.pos_ == "VERB" and has_to(ancestor):
            return ancestor
    return None


def has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def complement_dep(verb: Token) -> str:
    """How a clause hangs from its governor, looking through coordination: "to share and cooperate"."""
    partner = infinitive_partner(verb)
    if partner is not None:
        return complement_dep(partner)
    while verb.dep_ == "conj" and not misattached_infinitive(verb) and not is_pseudo_coordinated(verb):
        verb = verb.head
    return "xcomp" if misattached_infinitive(verb) or is_pseudo_coordinated(verb) else verb.dep_


def is_pseudo_coordinated(verb: Token) -> bool:
    """The complement of a verb of trying joined by "and": "try and stop him" (kg.clauses.pseudo_coordinated)."""
    return verb.dep_ == "conj" and pseudo_coordinated(verb.head) == verb


def reported_modality(gov: Token, negated: bool, modality: str | None) -> tuple[bool, str | None]:
    """Reported speech stops the governors: what a speaker said is attributed, not hedged, except
    an allegation ("alleged that"), a denial ("denied that") or hearsay ("it was reported that")."""
    forms = lemma_forms(gov)
    if forms & DENIAL_VERBS:
        return True, modality
    if forms & CLAIM_VERBS or is_passive(gov):
        return negated, modality or "claimed"
    return negated, modality


def is_reporting(gov: Token, verb: Token) -> bool:
    return complement_dep(verb) == "ccomp" and gov.pos_ in ("VERB", "AUX") and bool(lemma_forms(gov) & (SPEECH_VERBS | DENIAL_VERBS))


def polarity_and_modality(verb: Token) -> tuple[bool, str | None, Token | None]:
    """(negated, modality, refusing or threatening governor) of the clause headed by ``verb``."""
    clause = verb
    negated = is_negated(verb)
    modality = own_modality(verb)
    refusal = None
    if nothing_done(verb):
        return True, modality if modality != "intended" else None, None  # "does nothing to unify": not unified
    if lacked_infinitive(verb):
        return True, "possible", None  # "lacks the votes to block him": not blocked, nor can be
    if contrasted(verb):
        # "wasn't trying to embarrass him, only responding": he was responding; "should avoid eating
        # in bars and instead use delivery": the use is due, not avoided
        return negated, modality or own_modality(verb.head), None
    conditioned = False
    gov = governor(verb)
    depth = 0
    kept = None  # the polarity below a "but" conjunct, which no negation above it reaches
    while gov is not None and depth < 4:
        if kept is None and contrasting_conjunct(verb):
            kept = negated
        if negated_belief(gov, verb):
            # "I don't believe I've ever met him": believed not met, a belief only
            negated, modality = not negated, modality or "possible"
            break
        if modality is None and hedged_certainty(gov, verb):
            modality = "possible"  # "I'm pretty sure I didn't meet him"
            break
        if is_reporting(gov, verb):
            negated, modality = reported_modality(gov, negated, modality)
            break
        if complement_dep(verb) == "ccomp" and gov.pos_ in ("VERB", "AUX") and lemma_forms(gov) & (FACTIVE_VERBS | HEARD_VERBS):
            # "did not know that Russia attacked": known, so done; "don't want to hear that Mexico is
            # run by cartels": heard of, a claim, neither wanted nor denied
            modality = modality or ("claimed" if lemma_forms(gov) & HEARD_VERBS else None)
            break
        if asked_question(gov, verb):
            break  # "asked how her views differed": a question about it, no request
        dep = complement_dep(verb)
        lemma = gov.lemma_.lower()
        declined = declined_request(gov) if dep == "xcomp" and refusal is None else None
        if unlikely_governor(gov, dep) or too_to(gov, dep):
            negated, modality = not negated, "possible"  # "is unlikely to follow", "too divided to pass"
        if dep == "xcomp" and sequel(gov):
            negated = negated or is_negated(gov)  # ("never went on to win": not won)
            verb, gov, depth = gov, governor(gov), depth + 1
            continue  # "went on to accuse": done, as the going on is
        if lemma in DIFFICULTY_ADJECTIVES and dep == "xcomp" and depth == 0 and own_negation(clause):
            negated = False  # "hard not to accept the Soviet Union": likely accepted
        if dep == "xcomp" and lemma_forms(gov) & NEGATIVE_GOVERNORS:
            negated = True  # "avoided looking down", "was unwilling to give the Soviet Union a role"
        if refusal is None and dep == "xcomp" and ceasing(gov, verb):
            refusal = gov  # "should stop using Twitter": the stopping is the predicate, "stop using"
            modality = modality or own_modality(gov)
        elif lemma in GOVERNING_EVENTS and (refusal is None or lemma_forms(refusal) & CEASING_VERBS) and dep == "xcomp":
            # a refusal over a verb of ceasing governs both: "Iran refused to stop enriching uranium"
            refusal = gov  # the predicate from now on: its own auxiliaries count, not its meaning
            # a promise is real, what it promises is not done: "pledged to begin dismantling the law"
            modality = modality or own_modality(gov) or ("intended" if lemma in PROMISE_VERBS else None)
        elif dep == "xcomp" and not_yet_done(gov):
            negated = True  # "has yet to cooperate": not done (so far), no duty
            modality = modality or own_modality(gov)
        elif declined is not None:
            refusal = declined  # "was asked to disavow Duke and politely declined": a refusal
            modality = modality or own_modality(declined)
        elif modality is None and gov.pos_ == "NOUN":
            modality = noun_modality(gov)  # "the request that he disavow", "rumours that", "the power to"
        elif modality is None and means_gerund(verb, dep):
            modality = own_modality(gov)  # "could try to force his hand by holding up nominees": not forced
        elif modality is None:
            # an auxiliary on the governor's clause comes first: "must be ready to" is obligated
            modality = ((own_modality(gov) if gov.pos_ == "ADJ" else None) or hearsay(gov, dep) or predicted(gov, dep)
                        or proposed(gov, verb, dep) or hedged_governor(gov) or arranged(gov, verb, dep)
                        or next((GOVERNOR_MODALITY[f] for f in sorted(lemma_forms(gov)) if f in GOVERNOR_MODALITY), None)
                        or own_modality(gov))
        if dep == "xcomp" and ruled_out(gov):
            # "ruled out attacking Ukraine": not done; "has not ruled out attacking": it may be
            negated, modality = (False, "possible") if is_negated(gov) else (True, modality)
        elif (dep == "xcomp" or dep == "pcomp" and verb.head.lower_ in MEANS_PREPS) and is_negated(gov):
            negated = True  # "did not want to fight"
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in EVIDENCE_NOUNS:
            if denied_noun(gov):
                modality = modality or "possible"  # "there is no evidence that Trump set the policies": unproven
        elif denied_noun(gov) or abandoned_noun(gov) or lacked_means(gov):
            negated = True  # "has no plans to bring Mueller", "have shelved plans to privatise", "lacks standing to sue"
        conditioned = conditioned or conditional_clause(gov)
        if gov.pos_ == "NOUN" or reason_gerund(verb, dep):
            break  # "declined to criticize Trump for blaming the US": the blaming is no less done
        verb, gov, depth = gov, governor(gov), depth + 1
    if kept is not None:
        negated = kept  # "do not want to take away guns but hope to promote gun laws": promoted
    if modality is None and thing_purpose(clause):
        modality = "intended"  # "used the money to buy weapons": what the money was meant for
    if conditioned and modality in CONDITIONED:
        modality = "conditional"  # "if the rebels plan to attack the city": only if they plan it
    if modality in QUESTIONED and (in_question(clause) or in_question(verb)):
        modality = "possible"  # a question asks whether, it does not say so
    return negated, modality, refusal


def governors_between(verb: Token, top: Token) -> list[Token]:
    """The governing verbs on the way from a clause up to the refusal that governs it: "stop" in
    "refused to stop enriching uranium"."""
    between, gov = [], governor(verb)
    while gov is not None and gov != top and len(between) < 4:
        between.append(gov)
        gov = governor(gov)
    return between if gov == top else []


def ceasing(gov: Token, verb: Token) -> bool:
    """A verb of ceasing over an "-ing" clause: "should stop using Twitter", "ceased hiring
    workers", "will never stop beating them" (not an infinitive of purpose: "stopped to talk")."""
    return bool(lemma_forms(gov) & CEASING_VERBS) and gerund_head(verb).tag_ == "VBG"


def abandoned_noun(gov: Token) -> bool:
    """A noun of intent a verb abandons: "have shelved plans to privatise state industry",
    "dropped its bid to buy Conrail" (what it planned is no longer intended; "did not drop its
    plan" keeps it)."""
    if gov.pos_ != "NOUN" or gov.dep_ != "dobj" or NOUN_MODALITY.get(gov.lemma_.lower()) not in ("intended", "requested"):
        return False
    return bool(lemma_forms(gov.head) & ABANDONING_VERBS) and not is_negated(gov.head)


def arranged(gov: Token, verb: Token, dep: str) -> str | None:
    """ "be" with a bare infinitive, an arrangement: "The US is to send 1,500 troops" (not "the aim
    is to send troops", where the noun says what it is: "aim" is intended)."""
    if dep != "xcomp" or gov.lemma_.lower() != "be" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    subjects = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.dep_ in ("acomp", "attr") for c in gov.children):
        return None  # "It is necessary to take … into account": the adjective says what it is
    subject = subjects[0].lemma_.lower()
    if subject in GOAL_NOUNS:
        return "intended"  # "Obama's vision was not to leave 10 million people uncovered"
    if subjects[0].pos_ != "NOUN" or subjects[0].ent_type_ or subject in ARRANGING_BODIES:
        return "future"  # a name, a pronoun or a body: "The US is to send troops", "the government is to sell"
    # a thing's "is to" says what it is: "the most important thing is to prevent Iran from …"
    return NOUN_MODALITY.get(subject)


def asked_question(gov: Token, verb: Token) -> bool:
    """A verb of asking over a "wh-" clause: "when asked how her views on trade differed from
    Obama's" (not a request that they differ)."""
    if complement_dep(verb) != "ccomp" or GOVERNOR_MODALITY.get(gov.lemma_.lower()) != "requested":
        return False
    return any(t.tag_ in ("WRB", "WP", "WDT", "WP$") and t.i < verb.i for t in verb.subtree)


def contrasted(verb: Token) -> bool:
    """A complement set against a negated one: "He wasn't trying to embarrass Geithner, only
    responding candidly", "did not want to attack, merely to warn" (what it was instead)."""
    if verb.dep_ not in ("xcomp", "conj", "advcl") or not (is_negated(verb.head) or lemma_forms(verb.head) & NEGATIVE_GOVERNORS):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in CONTRASTING_ADVERBS and c.i < verb.i for c in verb.children)


def not_yet_done(gov: Token) -> bool:
    """"have yet to" or "be yet to": what has not been done so far, "the White House has yet to
    cooperate", "Tehran is yet to respond" (not "have to", a duty)."""
    return gov.lemma_.lower() in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in gov.children)


def negated_belief(gov: Token, verb: Token) -> bool:
    """A negated verb of belief over a content clause (neg-raising): "I don't believe I've ever
    met him", "he does not think Russia will attack" (the belief is the clause negated)."""
    return complement_dep(verb) == "ccomp" and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in BELIEF_VERBS and is_negated(gov)


def hedged_certainty(gov: Token, verb: Token) -> bool:
    """An adjective of certainty toned down by a degree adverb, over a content clause: "I'm
    pretty sure I didn't meet him", "fairly confident that …" (not "I'm sure", not "quite sure")."""
    return (complement_dep(verb) == "ccomp" and gov.pos_ == "ADJ" and gov.lemma_.lower() in CERTAINTY_ADJECTIVES
            and any(c.dep_ == "advmod" and c.lower_ in HEDGING_DEGREES for c in gov.children))


def means_gerund(verb: Token, dep: str) -> bool:
    """An "-ing" clause of means or time ("by holding up nominees", "after meeting Putin"): it
    shares its governor's auxiliaries, not the governor's meaning ("force" obliges nobody here)."""
    return dep == "pcomp" and gerund_head(verb).head.lower_ not in OBJECT_GERUND_PREPS


def gerund_head(verb: Token) -> Token:
    """The "-ing" verb that hangs from the preposition, looking through coordination: "of
    destroying their business models and stealing content" → destroying."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb


def reason_gerund(verb: Token, dep: str) -> bool:
    """The "-ing" clause of a verb of judging ("criticize Trump for blaming the US", "praised
    Iraq for helping"): what the judgement is about; what governs the judgement does not reach it."""
    prep = gerund_head(verb).head
    return (dep == "pcomp" and prep.lower_ in OBJECT_GERUND_PREPS and prep.head.lemma_.lower() in OBJECT_GERUND_VERBS
            and prep.head.lemma_.lower() not in ACCUSING_VERBS)


def own_negation(verb: Token) -> bool:
    """A negation on the verb itself ("not to accept"), not one it shares or inherits."""
    return any(c.dep_ == "neg" for c in verb.children)


def declined_request(gov: Token) -> Token | None:
    """A refusal coordinated with the request it answers, with no complement of its own:
    "Trump was asked to disavow Duke and politely declined" (he declined to disavow him)."""
    if GOVERNOR_MODALITY.get(gov.lemma_.lower()) != "requested":
        return None
    for conj in gov.children:
        if (conj.dep_ == "conj" and conj.lemma_.lower() in REFUSALS
                and not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in conj.children)):
            return conj
    return None


def predicted(gov: Token, dep: str) -> str | None:
    """An adjective or verb that predicts its infinitive: "the pledge was sure to face opposition",
    "is bound to fail", "anticipates using" (not "I'm sure that …", "I anticipate that …", a
    speaker's certainty or belief about a fact)."""
    if dep == "xcomp" and gov.pos_ == "ADJ" and gov.lemma_.lower() in PREDICTING_ADJECTIVES:
        return "future"
    if dep == "xcomp" and gov.pos_ == "VERB" and lemma_forms(gov) & PREDICTING_VERBS:
        return "future"  # "anticipates using the proceeds"
    if dep == "ccomp" and gov.pos_ == "VERB" and lemma_forms(gov) & PREDICTING_VERBS and any(
            c.dep_ == "ccomp" and c.tag_ == "VBG" for c in gov.children):
        return "future"  # "-ing" with its own subject: "foresee the situation improving"
    return None


def hedged_governor(gov: Token) -> str | None:
    """A governor of intent hedged itself: "Republicans might try to block tariffs", "he may try to
    persuade Bannon" (a possibility, before it is an intention); a hedged request stays a request
    ("Athens may ask the EU to mediate": what is asked of the EU)."""
    if gov.pos_ not in ("VERB", "AUX") or GOVERNOR_MODALITY.get(gov.lemma_.lower()) not in (None, "intended"):
        return None
    modality = own_modality(gov)
    return modality if modality in ("possible", "claimed") else None


def proposed(gov: Token, verb: Token, dep: str) -> str | None:
    """ "propose" with an infinitive is what its subject means to do ("USAIR has proposed to buy
    all of Piedmont's shares"); with an "-ing" or a "that" clause, what it asks of others."""
    if dep == "xcomp" and gov.lemma_.lower() == "propose" and any(c.dep_ == "aux" and c.lower_ == "to" for c in gerund_head(verb).children):
        return "intended"
    return None


def ruled_out(gov: Token) -> bool:
    """A verb that excludes its "-ing" complement: "Russia ruled out attacking Ukraine", "excluded
    raising taxes"; its own negation leaves the complement open ("has not ruled out attacking")."""
    if gov.lemma_.lower() == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in gov.children)
    return gov.lemma_.lower() == "exclude"


def denied_noun(gov: Token) -> bool:
    """A noun of intent denied: "has no plans to bring Mueller", "does not have any plans to sue",
    "there is no intention to strike" (the content clause is not intended either)."""
    if gov.pos_ != "NOUN":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in gov.children):
        return True
    return gov.dep_ in ("dobj", "attr") and gov.head.lemma_.lower() in DENIABLE_NOUN_HEADS and is_negated(gov.head)


def hearsay(gov: Token, dep: str) -> str | None:
    """A passive verb of saying with an infinitive: "Mr Fields is said to have harboured …"."""
    if dep == "xcomp" and is_passive(gov) and lemma_forms(gov) & HEARSAY_PASSIVES:
        return "claimed"
    return None


def noun_hedge(noun: Token) -> str | None:
    """A hedging adjective on an event noun: "the alleged attack", "possible air strikes"."""
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in HEDGE_ADJECTIVES:
            return HEDGE_ADJECTIVES[child.lower_]
    return None
