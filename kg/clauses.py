"""Small helpers over a clause's dependency structure, shared by the relation, modality and
attribution rules (a verb's auxiliaries, its own subjects, whether it is a purpose clause)."""
from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = {"nsubj", "csubj"}


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]


def own_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECTS]


def is_purpose(verb: Token) -> bool:
    """An infinitive clause of purpose: "… to protest the arrests"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """A passive verb: "is said to", "it was reported that"."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children)


def shares_clause(verb: Token) -> bool:
    """A verb coordinated with the one before it that has neither subject nor auxiliary of its
    own, so shares both: "will not cooperate or share", "allegedly exposing himself … and kissing her"."""
    return verb.dep_ == "conj" and not own_subjects(verb) and not auxiliaries(verb)


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
