"""The learned precision gate: how likely a statement is to be wrong, from its record and its parse.

The rules of :mod:`kg.gate` name what is plainly wrong (a fragment, a self-loop, an empty
predicate); many statements that pass them are still wrong in ways no one rule sees: a
pronoun or a description resolved to the wrong actor, an argument taken from another clause,
a name resolved to a node its words do not name.  This gate scores each statement that passes
the rules with a logistic regression over simple features of its record (confidence, the
kinds of its arguments, whether their words name their nodes, the predicate's kind, modality,
attribution, the sentence's shape) and of what the extractor saw when it read it
(:func:`parse_features`: the construction, how the subject was found, how far the verb is from
its arguments, how far back a pronoun's or a description's node was named and who else it
could mean, whose words they are), kept on the statement as ``clues`` and never written out,
and gates it (``"gated": "learned"``) when the probability that it is wrong is above a threshold.

The weights and the threshold are in ``kg/data/learned_gate.json``, written by
``bench/train_gate.py`` from statements judged by hand (``bench/judged/``: labels keyed by
article id and offsets, never the text); bench/README.md reports its cross-validated figures.
Scoring is plain Python (no numpy at run time): a dot product and a logistic.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).resolve().parent / "data" / "learned_gate.json"

TYPES = ("Person", "Country", "Organization", "Group", "ArmedGroup", "Location", "Concept")
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
            "their", "theirs", "themselves", "i", "me", "my", "we", "us", "our", "you", "your"}
# A description that stands for someone named elsewhere: "the two", "the company", "his lawyers".
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
COPULA = {"be", "become", "remain", "seem"}
LIGHT = {"have", "do", "get", "make", "take", "go", "come", "put", "give", "see", "keep", "hold", "find", "include"}
SPEECH = {"say", "tell", "add", "note", "state", "claim", "report", "announce", "explain", "argue", "insist"}
RELATIVES = {"who", "which", "that", "whom", "whose"}
_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text or "")]


def _names_node(argument: Mapping[str, Any]) -> bool:
    """Whether a word of the argument names its node: "Mr. Obama" → Barack Obama, "Japanese" →
    Japan, "the Fed" → Federal Reserve Board, "ADB" → Asian Development Bank."""
    every = _words(argument.get("label") or argument.get("id") or "")
    label = [w for w in every if len(w) > 2]
    initials = "".join(w[0] for w in every if w not in ("of", "and", "the", "for"))
    words = [w.replace(".", "") for w in _words(argument["text"]) if w not in DETERMINERS]
    return any(w == name or len(w) > 2 and name.startswith(w) or len(w) > 3 and len(name) > 3 and w[:4] == name[:4]
               for w in words for name in label) or any(len(w) > 1 and w == initials for w in words)


FIRST_PERSON = {"i", "me", "we", "us"}
NEGATIONS = {"not", "n't", "never", "no", "nt"}
# Capitalised words that are not the sentence's first: names (and the odd title word).
_NAME = re.compile(r"(?<=[\w,;:).] )[A-Z][a-z]+(?:[-'][A-Za-z]+)?")
HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "The", "But", "And", "In", "On", "At", "It", "He", "She",
              "They", "We", "I"}


def _other_names(sentence: str) -> list[str]:
    return [name for name in _NAME.findall(sentence) if name not in HONORIFICS]


POSSESSIVE_DETERMINERS = {"his", "her", "its", "their", "our", "my", "your"}


def _possessive(words: list[str]) -> bool:
    """Whether a phrase's words hold a possessor before its head: "Trump's lieutenants", "his chamber"."""
    return words[0] in POSSESSIVE_DETERMINERS or any(w.endswith("'s") or w.endswith("'") for w in words[:-1])


def _argument_features(prefix: str, argument: Mapping[str, Any] | None, sentence: str) -> dict[str, float]:
    if argument is None:
        return {f"{prefix}:none": 1.0}
    kind = argument.get("type")
    words = _words(argument["text"])
    pronoun = len(words) == 1 and words[0] in PRONOUNS
    actor = kind not in (None, "Concept")
    names = _names_node(argument)
    label_words = {w for w in _words(argument.get("label") or argument.get("id") or "")}
    out = {f"{prefix}:type={kind if kind in TYPES else 'other'}": 1.0,
           f"{prefix}:first_person": float(len(words) == 1 and words[0] in FIRST_PERSON),
           # a pronoun in a sentence that names someone else: its antecedent may be that one
           f"{prefix}:pronoun_other_name": float(pronoun and any(
               name.lower() not in label_words and name.lower() not in PRONOUNS for name in _other_names(sentence))),
           f"{prefix}:pronoun": float(pronoun),
           f"{prefix}:pronoun_actor_far": float(pronoun and actor and not any(
               w in _words(sentence) for w in _words(argument.get("label") or "") if len(w) > 2)),
           # an actor reached through a description or a name that is not its own
           f"{prefix}:actor_unnamed": float(actor and not pronoun and not names),
           f"{prefix}:description_actor": float(actor and not pronoun and bool(words) and words[0] in DETERMINERS and not names),
           f"{prefix}:lowercase": float(bool(argument["text"]) and argument["text"][:1].islower()),
           f"{prefix}:words": min(len(words), 12) / 12,
           f"{prefix}:long": float(len(words) > 8),
           f"{prefix}:number": float(bool(words) and any(ch.isdigit() for ch in argument["text"])),
           f"{prefix}:dangling": float(bool(words) and words[-1] in {"and", "or", "of", "to", "the", "a"}),
           # "Trump's lieutenants" → Donald Trump, "his chamber" → Bill Cassidy: the node is the possessor's
           f"{prefix}:possessor_node": float(actor and len(words) > 1 and _possessive(words)
                                             and not _names_node({**argument, "text": words[-1]})),
           # "it" resolved to an actor: an expletive ("It seems that way") or a rival thing may be meant
           f"{prefix}:it_actor": float(actor and words in (["it"], ["its"]))}
    return out


# -- what the parse and the article showed when the statement was read ------------------------
# (computed by kg.relations as it makes the statement, kept on it as ``clues``; the tokens are
# spaCy tokens, taken as they come: this module imports no spaCy)

# The clause the verb heads, by its dependency: the main clause, a conjunct, a complement, a
# relative clause …; rarer ones are "other".
VERB_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "pobj", "dobj", "poss", "conj", "appos"}
OBJECT_DEPS = {"dobj", "pobj", "attr", "dative", "conj", "appos", "npadvmod", "oprd", "acomp", "nsubj"}
# An object that is a word modifying another rather than a phrase of its own: "won Sunday's
# regional elections" → "regional".
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "advmod", "npadvmod"}
DEPTH = 6


def tree_distance(a: Any, b: Any) -> int:
    """The number of dependency arcs between two tokens of one sentence (99 when not connected)."""
    up, steps, token = {a.i: 0}, 0, a
    while token.head.i != token.i:
        steps += 1
        token = token.head
        up[token.i] = steps
    steps, token = 0, b
    while token.i not in up:
        if token.head.i == token.i:
            return 99
        steps += 1
        token = token.head
    return steps + up[token.i]


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        depth += 1
        token = token.head
    return depth


def _dep(token: Any, known: set[str]) -> str:
    return token.dep_ if token.dep_ in known else "other"


def how_found(head: Any, argument: Any, resolver: Any, offset: int) -> dict[str, float]:
    """How an argument's node was found from its word: named by it, the first person (the
    speaker), a pronoun or a description resolved through the article (how far back its node was last mentioned, how many other
    actors that could be meant are near), or a concept of its own words."""
    if argument is None or head is None:
        return {}
    if head._.kg_mention is not None:
        return {"named": 1.0}
    if argument.entity.type == "Concept":
        return {"concept": 1.0}
    if head.lower_ in FIRST_PERSON | {"my", "our"}:
        return {"first_person": 1.0}  # the speaker of its quotation or turn, not an antecedent
    how = "pronoun" if head.pos_ == "PRON" else "description"
    out = {how: 1.0}
    if resolver is not None:
        back, rivals, was_subject, topic = resolver.antecedent_distance(head, argument.entity, offset)
        out.update({f"{how}_new": float(back < 0), f"{how}_same_sentence": float(back == 0),
                    f"{how}_far": float(back >= 2), f"{how}_rival": float(rivals >= 1),
                    f"{how}_rivals": min(rivals, 3) / 3, f"{how}_after_subject": float(was_subject),
                    f"{how}_not_topic": float(rivals >= 1 and not topic)})
    return {name: value for name, value in out.items() if value}


# Words that cut a sentence into pieces a parse often joins wrongly: a dash, a bracket, a semicolon
# (a hyphen only with a space before it: "subscription-free" is one word, "clearer - Donald" two pieces).
BREAKS = {"\u2014", "\u2013", "--", "(", ")", ";"}


def _across_break(a: Any, b: Any) -> bool:
    """Whether a dash, a bracket or a semicolon stands between two tokens of a sentence: an
    argument taken across an aside ("… Phoenix; Austin, Tex.; and San Antonio — caused an uproar")."""
    low, high = sorted((a.i, b.i))
    doc = a.doc
    return any(token.text in BREAKS or token.text == "-" and bool(doc[token.i - 1].whitespace_)
               for token in doc[low + 1:high])


def parse_features(candidate: Any, sentence: Any, subject: Any, obj: Any, *, speaker: Any = None,
                   quoted_by: Any = None, resolver: Any = None, offset: int = 0) -> dict[str, float]:
    """The features of a statement that only the extractor sees: the construction that made it
    (``candidate.kind``) and whether its subject was inherited from another clause, the clause
    its verb heads and how deep, each argument's dependency and its distance from the verb (in
    arcs and in words), how each argument's node was found (:func:`how_found`), whose words it is
    (a speaker named in the sentence or a pronoun, or one carried from a quotation before), and the
    sentence's size (words, clauses).  ``subject`` and ``obj`` are the resolved arguments,
    ``speaker`` the sentence's speech subject token, ``quoted_by`` the quotation's speaker."""
    verb, head = candidate.verb, candidate.subject
    out: dict[str, float] = {
        f"kind={candidate.kind}": 1.0,
        "subject:inherited": float(bool(candidate.inherited_subject)),
        "subject:group": float(candidate.subject_entity is not None),
        f"verb:dep={_dep(verb, VERB_DEPS)}": 1.0,
        "verb:noun": float(verb.pos_ == "NOUN"),
        "verb:depth": min(_depth(verb), DEPTH) / DEPTH,
        f"subject:dep={_dep(head, SUBJECT_DEPS)}": 1.0,
        "subject:own_clause": float(head.head.i == verb.i),
        "subject:after_verb": float(head.i > verb.i),
        "subject:arcs": min(tree_distance(head, verb), 8) / 8,
        "subject:far": float(abs(head.i - verb.i) > 10),
        # a relative clause's subject is the noun it hangs on: "rockets which hit their targets"
        "subject:relative": float(verb.dep_ == "relcl" and bool(candidate.inherited_subject)),
        "subject:across_dash": float(_across_break(head, verb)),
    }
    out.update({f"subject:{name}": value for name, value in how_found(head, subject, resolver, offset).items()})
    if candidate.object is not None:
        item = candidate.object
        out.update({f"object:dep={_dep(item, OBJECT_DEPS)}": 1.0,
                    "object:modifier": float(item.dep_ in MODIFIER_DEPS),
                    "object:preposition": float(item.dep_ == "pobj"),
                    "object:own_clause": float(item.head.i == verb.i),
                    "object:arcs": min(tree_distance(item, verb), 8) / 8,
                    "object:far": float(abs(item.i - verb.i) > 10),
                    "object:before_verb": float(item.i < verb.i),
                    "object:verb": float(item.pos_ in ("VERB", "AUX")),
                    "object:across_dash": float(_across_break(item, verb))})
        out.update({f"object:{name}": value for name, value in how_found(item, obj, resolver, offset).items()})
    quoted = quoted_by is not None
    out.update({"voice:speaker_in_sentence": float(speaker is not None),
                "voice:speaker_pronoun": float(speaker is not None and speaker.pos_ == "PRON"),
                # a quotation's speaker named in an earlier sentence
                "voice:carried": float(quoted and speaker is None),
                "sentence:clauses": min(sum(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
                                            for t in sentence), 8) / 8,
                "sentence:tokens>40": float(len(sentence) > 40)})
    return {name: value for name, value in out.items() if value}


def features(record: Mapping[str, Any], rule_reason: str | None = None,
             clues: Mapping[str, float] | None = None) -> dict[str, float]:
    """The named features of a statement record (kg.types.Statement.to_record()); ``rule_reason``
    is what the rules of kg.gate say of it (None when it passes them); ``clues`` what the parse
    showed when it was read (:func:`parse_features`, a Statement's ``clues``), prefixed "parse:"."""
    sentence = record.get("sentence") or ""
    subject, predicate, obj = record["subject"], record["predicate"], record.get("object")
    lemma = (predicate.get("lemma") or "").split()
    verb = lemma[0] if lemma else ""
    pred_words = _words(predicate.get("text") or "")
    sent_words = _words(sentence)
    lower = sentence.lower()
    s_at, p_at = lower.find((subject["text"] or "").lower()), lower.find((predicate.get("text") or "").lower())
    o_at = lower.find(obj["text"].lower()) if obj is not None and obj.get("text") else -1
    between = _words(sentence[s_at + len(subject["text"]):p_at]) if 0 <= s_at and s_at + len(subject["text"]) <= p_at else []
    speaker = record.get("attributed_to")
    speaker_id = speaker.get("id") if isinstance(speaker, Mapping) else speaker
    confidence = float(record.get("confidence", 0.5))
    out: dict[str, float] = {
        "bias": 1.0,
        "confidence": confidence,
        "confidence<0.42": float(confidence < 0.42),
        "confidence>=0.6": float(confidence >= 0.6),
        f"rule={rule_reason or 'pass'}": 1.0,
        "predicate:copula": float(verb in COPULA),
        "predicate:light": float(verb in LIGHT),
        "predicate:speech": float(verb in SPEECH),
        "predicate:particle": float(len(lemma) > 1),
        "predicate:infinitive": float(bool(pred_words) and pred_words[0] == "to"),
        "predicate:words": min(len(pred_words), 8) / 8,
        "predicate:odd": float(":" in (predicate.get("text") or "") or not pred_words),
        "predicate:event": float(predicate.get("event") is not None),
        f"modality={record.get('modality') or 'none'}": 1.0,
        "negated": float(bool(record.get("negated"))),
        # a negation the predicate's words do not show ("is not responsible … and has zero tolerance")
        "negated_unmarked": float(bool(record.get("negated")) and not NEGATIONS & set(pred_words)
                                  and not any(w.endswith("n't") for w in pred_words)),
        "conditional_without_if": float(record.get("modality") == "conditional" and not {"if", "unless"} & set(sent_words)),
        "attributed": float(speaker_id is not None),
        "attributed_to_subject": float(speaker_id is not None and speaker_id == subject.get("id")),
        # a complement clause ("X said/found/told that …") whose statement is credited to no one
        "unattributed_complement": float(speaker_id is None and bool((clues or {}).get("verb:dep=ccomp"))),
        "from_title": float(bool(record.get("from_title"))),
        "sentence:words": min(len(sent_words), 60) / 60,
        "sentence:long": float(len(sent_words) > 35),
        "sentence:question": float("?" in sentence),
        "sentence:quote": float(any(q in sentence for q in "\"\u201c\u201d")),
        "sentence:no_end": float(not sentence.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", ")"))),
        "order:subject_after_predicate": float(s_at > p_at >= 0),
        "order:object_before_predicate": float(0 <= o_at < p_at),
        "order:subject_first": float(s_at == 0),
        "order:relative_between": float(any(w in RELATIVES for w in between)),
        "order:gap": min(len(between), 12) / 12,
        "self_loop": float(obj is not None and obj.get("id") == subject.get("id")),
    }
    out.update(_argument_features("subject", subject, sentence))
    out.update(_argument_features("object", obj, sentence))
    out.update({f"parse:{name}": value for name, value in (clues or {}).items()})
    return {name: value for name, value in out.items() if value}


@lru_cache(maxsize=1)
def model() -> Mapping[str, Any]:
    """The shipped weights and threshold (kg/data/learned_gate.json)."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def probability_wrong(record: Mapping[str, Any], rule_reason: str | None = None,
                      weights: Mapping[str, float] | None = None, clues: Mapping[str, float] | None = None) -> float:
    """P(the statement is wrong) by the logistic model (``weights`` or the shipped ones)."""
    return probability(features(record, rule_reason, clues), model()["weights"] if weights is None else weights)


def probability(named: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The logistic of the weighted sum of named features (a feature without a weight counts 0)."""
    z = sum(weights.get(name, 0.0) * value for name, value in named.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def is_likely_wrong(record: Mapping[str, Any], rule_reason: str | None = None,
                    clues: Mapping[str, float] | None = None) -> bool:
    """Whether the learned gate keeps the statement off the graph (P(wrong) above the threshold)."""
    return probability_wrong(record, rule_reason, clues=clues) > model()["threshold"]
