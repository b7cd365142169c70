"""Open IE tuples from a parsed sentence: every verbal or copular predicate with its arguments.

Unlike :mod:`kg.relations`, which keeps statements between actors, this keeps every
predicate whatever its arguments are, in the shape the CaRB benchmark scores them:
``(arg1; relation; arg2; arg3 …)`` with a confidence.  One generator per construction
yields :class:`Candidate` tuples; :func:`extractions` renders them and scores each with a
small linear model over pattern features (weights fitted on CaRB dev, see bench/README.md).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.errors import InputError

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
CORE_OBJECTS = ("dative", "dobj", "attr", "oprd", "acomp", "ccomp", "xcomp")
EXTRA_ARGS = ("prep", "agent", "npadvmod", "advmod")
NOUNS = ("NOUN", "PROPN")
# subtrees an argument does not carry: they are extractions of their own
TRIMMED = frozenset({"relcl", "appos", "parataxis"})
# punctuation that separates parts: dropped next to a trimmed part
SEPARATORS = {",", ";", ":", "--", "-", "(", ")"}
# punctuation an argument may start or end with
EDGE_PUNCT = {"``", "''", "`", "'", "$", "%", "#"}
# prepositions whose noun modifiers make (noun; be in; object) tuples
NOUN_PREPS = {"in", "of", "at", "on", "from", "with", "for", "near", "between"}
# coordinated heads of these parts of speech make one tuple each
SPLIT_POS = ("NOUN", "PROPN", "PRON", "NUM")
PERSONAL_PRONOUNS = {"he", "she", "they", "it"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}

Word = Token | str  # a word of the sentence, or one the tuple adds ("be", "has")


@dataclass
class Candidate:
    """A tuple before rendering: relation words, arguments (subject first), pattern kind."""

    kind: str
    relation: list[Word]
    args: list[list[Word]]
    anchor: Token  # the predicate or noun the tuple hangs on
    source: str = "own"  # where the subject came from: own, shared, relative, …
    split: bool = False  # one of the tuples a coordination was split into


@dataclass(frozen=True)
class OpenTuple:
    """One extraction: relation, arguments (subject first), a confidence and the pattern that made it."""

    relation: str
    args: tuple[str, ...]
    confidence: float
    kind: str
    features: tuple[tuple[str, float], ...] = field(default=(), compare=False, repr=False)

    def carb_row(self, sentence: str) -> str:
        return "\t".join((sentence, f"{self.confidence:.4f}", self.relation, *self.args))


# -- parsing ------------------------------------------------------------------------------


def parse_tokenized(line: str, nlp: Language) -> Doc:
    """Parse one pre-tokenized sentence, keeping its tokens exactly and as one sentence."""
    words = [word for word in line.split(" ") if word]
    doc = Doc(nlp.vocab, words=words)
    for token in doc[1:]:
        token.is_sent_start = False
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


# -- phrases ------------------------------------------------------------------------------


def phrase(head: Token, trim: frozenset[str] = TRIMMED, skip: Iterable[Token] = ()) -> list[Token]:
    """The subtree of ``head`` without relative clauses, appositions, ``skip`` and edge punctuation."""
    skipped = set(skip)
    kept: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in trim and c not in skipped)
    kept.sort(key=lambda t: t.i)
    return tidy(kept)


def tidy(tokens: list[Token]) -> list[Token]:
    """Drop separators left beside a gap (a trimmed clause) and punctuation at the edges."""
    indices = {t.i for t in tokens}
    tokens = [t for t in tokens if not (t.text in SEPARATORS and (t.i - 1 not in indices or t.i + 1 not in indices))]
    while tokens and (tokens[0].is_punct and tokens[0].text not in EDGE_PUNCT or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in EDGE_PUNCT:
        tokens = tokens[:-1]
    return tokens


def text(words: Iterable[Word]) -> str:
    return " ".join(w if isinstance(w, str) else w.text for w in words)


def in_order(words: Iterable[Token]) -> list[Token]:
    return sorted(set(words), key=lambda t: t.i)


# -- verbal predicates --------------------------------------------------------------------


def is_predicate(token: Token) -> bool:
    """A verb, or a main (copular) "be": not an auxiliary, not an adjectival participle."""
    if token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and (token.head.pos_ != "VERB" or token.dep_ in ("ROOT", "conj", "ccomp", "relcl", "advcl"))


def relation_tokens(verb: Token) -> list[Token]:
    """Auxiliaries, negation, adverbs inside the verb group, the verb and its particle."""
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt"))]
    first = min(t.i for t in words)
    words += [c for c in verb.children if c.dep_ == "advmod" and first <= c.i < verb.i]
    return in_order(words)


def own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


@dataclass(frozen=True)
class Slot:
    """An argument before rendering: its head, tokens to leave out, and where it came from."""

    head: Token
    skip: tuple[Token, ...] = ()
    source: str = "own"


def subject_of(verb: Token, depth: int = 0) -> Slot | None:
    """The subject of ``verb``: its own, or shared, controlling, or the noun a clause modifies."""
    subject = own_subject(verb)
    head = verb.head
    if subject is not None:
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            # relative clause: "an opening … that led to a mine" → (an opening; led to; …)
            if head.dep_ == "attr" and own_subject(head.head) is not None:
                # "Celeski is a footballer who plays …": the one who plays is Celeski
                return Slot(own_subject(head.head), (), "relative")
            return Slot(head, (verb,), "relative")
        return Slot(subject)
    if depth > 3:
        return None
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        # coordinated verbs share a subject: "observed the practice and attempted to popularize it"
        found = subject_of(head, depth + 1)
        return Slot(found.head, found.skip, "shared") if found else None
    if verb.dep_ in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
        # control: "relocates to Florida to become a consultant"
        found = subject_of(head, depth + 1)
        return Slot(found.head, found.skip, "controlled") if found else None
    if verb.dep_ in ("acl", "relcl") and head.pos_ in NOUNS + ("PRON", "NUM"):
        # participle modifier: "excess pressure caused by thermal expansion"
        return Slot(head, (verb,), "participle")
    return None


def conjuncts(slot: Slot) -> list[list[Token]]:
    """The phrase of a slot, split at coordination: "Sikorsky and Boeing" → [Sikorsky], [Boeing]."""
    head = slot.head
    heads = [head, *(c for c in head.conjuncts if c.pos_ in SPLIT_POS and c.i > head.i)]
    if len(heads) == 1 or head.pos_ not in SPLIT_POS:
        return [phrase(head, skip=slot.skip)]
    return [phrase(h, TRIMMED | {"conj", "cc", "preconj"}, slot.skip) for h in heads]


def antecedent(pronoun: Token) -> Token | None:
    """What a personal pronoun stands for: the sentence's first noun subject before it."""
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            return None
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in NOUNS:
            return token
    return None


def resolve_pronoun(subject: Slot) -> Slot:
    # "Hezbollah launched raids , where they killed three soldiers" → (Hezbollah; killed; …)
    if subject.head.lower_ not in PERSONAL_PRONOUNS or subject.source == "relative":
        return subject
    found = antecedent(subject.head)
    return Slot(found, (), subject.source) if found is not None else subject


def verb_relation(verb: Token, subject: Slot) -> list[Word]:
    relation: list[Word] = relation_tokens(verb)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        # control verb: "attempted to popularize it" → relation "attempted to popularize"
        relation = in_order([*relation_tokens(verb.head), *relation])
    if subject.source == "participle" and verb.tag_ == "VBN":
        # past participle: "excess pressure caused by thermal expansion" → "be caused by"
        relation = ["be", *relation]
    return relation


def verb_tuples(verb: Token) -> Iterator[Candidate]:
    """Tuples of a verbal or copular predicate: subject, relation, object, adverbial phrases."""
    if not is_predicate(verb):
        return
    subject = subject_of(verb)
    if subject is None:
        return
    core = [c for c in verb.children if c.dep_ in CORE_OBJECTS]
    if any(c.dep_ == "xcomp" for c in core) and not any(c.dep_ in ("dobj", "dative", "attr") for c in core):
        return  # "tried to woo Lydia": the tuple is the complement's, "tried to woo"
    relation = verb_relation(verb, subject)
    rest = [c for c in verb.children if c.dep_ in EXTRA_ARGS and c not in relation]
    first: Slot | None = None
    objects: list[list[Word]] = []
    if verb.dep_ == "relcl" and subject.source != "relative":
        pronouns = [c for c in core if c.tag_ in ("WDT", "WP")]
        if pronouns or not core and not any(c.tag_ in ("WDT", "WP", "WRB") for c in verb.subtree):
            # object relative: "a form of energy that he fires" → (he; fires; a form of energy)
            core = [c for c in core if c not in pronouns]
            first = Slot(verb.head, (verb,), "relative")
    for obj in core:
        if obj.dep_ == "ccomp":
            # "indicated that organic compounds could carry current": "that" joins the relation
            relation = [*relation, *(c for c in obj.children if c.dep_ == "mark")]
        if first is None:
            first = Slot(obj)
        else:
            objects.append(phrase(obj))
    if not core:
        preps = [c for c in rest if c.i > verb.i and c.dep_ in ("prep", "agent") and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        if preps:
            # the first prepositional object: "taught at the University …" → relation "taught at"
            relation = [*relation, preps[0]]
            heads = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")]
            first = Slot(heads[0])
            objects.extend(phrase(c) for c in heads[1:])
            rest.remove(preps[0])
    for extra in rest:
        if extra.lower_ == "where" and verb.dep_ == "relcl":
            # "Israeli territory , where they killed three soldiers" → … in Israeli territory
            objects.append(["in", *phrase(verb.head, skip=(verb,))])
        elif extra.dep_ != "advmod" or extra.i > verb.i:
            # time, place and manner: "in 1941", "Earlier this year", "north"
            objects.append(phrase(extra))
    relation = sorted(relation, key=lambda w: -1 if isinstance(w, str) else w.i)
    kind = "copula" if verb.lemma_ == "be" else "verb"
    subjects = conjuncts(resolve_pronoun(subject))
    firsts = conjuncts(first) if first is not None else [[]]
    split = len(subjects) > 1 or len(firsts) > 1
    for subject_words in subjects:
        for first_words in firsts:
            args = [subject_words, first_words, *objects]
            yield Candidate(kind, relation, [a for a in args if a], verb, subject.source, split)


# -- nominal patterns ---------------------------------------------------------------------
# Gold tuples restate what a noun phrase says: "Cashel Byron , a prizefighter" (is),
# "the RSNO 's base" (has), "Henry Wood Hall in Glasgow" (is in).  "be" matches any form of
# the verb in CaRB's scoring.


def apposition_tuples(token: Token) -> Iterator[Candidate]:
    # apposition: "Cashel Byron , a world champion prizefighter" → (Cashel Byron; be; a … prizefighter)
    if token.dep_ == "appos" and token.head.pos_ in NOUNS + ("PRON", "NUM"):
        subject = phrase(token.head)
        obj = phrase(token)
        if subject and obj:
            yield Candidate("appos", ["be"], [subject, obj], token)


def possessive_tuples(token: Token) -> Iterator[Candidate]:
    # possessive: "the RSNO 's base" → (the RSNO; has; base)
    if token.dep_ != "poss" or token.head.pos_ not in NOUNS:
        return
    if token.pos_ == "PRON":
        # "King often refers to … her grandmother" → (King; has; grandmother)
        found = antecedent(token) if token.lower_ in POSSESSIVE_PRONOUNS else None
        if found is None:
            return
        owner = phrase(found)
    else:
        owner = [t for t in phrase(token) if t.tag_ != "POS"]
    owned = in_order([token.head, *(c for c in token.head.lefts if c.dep_ in ("amod", "compound", "nummod") and c.i > token.i)])
    if owner and owned:
        yield Candidate("poss", [have_word(token)], [owner, owned], token)


def title_tuples(token: Token) -> Iterator[Candidate]:
    # title before a name: "President Bush" → (Bush; be; President)
    if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
        return
    entity = next(e for e in token.doc.ents if e.start == token.i)
    head = entity.root
    titles = [t for t in head.lefts if t.dep_ == "compound" and t.i < entity.start and t.pos_ in NOUNS]
    if titles:
        yield Candidate("title", ["be"], [list(entity), in_order(titles)], head)


def have_word(token: Token) -> str:
    root = token.sent.root
    return "had" if root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in root.children if c.dep_ in ("aux", "auxpass")) else "has"


def noun_prep_tuples(token: Token) -> Iterator[Candidate]:
    # a noun's prepositional modifier: "Henry Wood Hall in Glasgow" → (Henry Wood Hall; be in; Glasgow)
    if token.dep_ != "prep" or token.head.pos_ not in NOUNS or token.lower_ not in NOUN_PREPS:
        return
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return
    later = tuple(c for c in token.head.children if c.dep_ == "prep" and c.i > token.i)
    subject = phrase(token.head, TRIMMED | {"conj", "cc"}, (token, *later))
    obj = phrase(objects[0])
    if subject and obj:
        yield Candidate(f"noun-prep:{token.lower_}", ["be", token], [subject, obj], token)


def adjective_tuples(token: Token) -> Iterator[Candidate]:
    # adjective modifier: "the comical contradictions" → (contradictions; be; comical)
    if token.dep_ == "amod" and token.head.pos_ in NOUNS and token.pos_ == "ADJ":
        yield Candidate("amod", ["be"], [[token.head], [token]], token)


PATTERNS = (verb_tuples, apposition_tuples, possessive_tuples, noun_prep_tuples, adjective_tuples, title_tuples)


# -- confidence ---------------------------------------------------------------------------


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def features(candidate: Candidate) -> dict[str, float]:
    """Indicator features of a candidate, for the confidence model."""
    args = candidate.args
    subject_length = len(args[0])
    object_length = sum(len(a) for a in args[1:])
    anchor = candidate.anchor
    found = {
        f"kind={candidate.kind}": 1.0,
        f"source={candidate.source}": 1.0,
        "split": float(candidate.split),
        f"args={min(len(args), 4)}": 1.0,
        f"subject_len{_bucket(subject_length, (1, 3, 6, 12))}": 1.0,
        f"object_len{_bucket(object_length, (0, 2, 5, 10, 20))}": 1.0,
        f"relation_len{_bucket(len(candidate.relation), (1, 2, 4))}": 1.0,
        f"anchor_dep={anchor.dep_}": 1.0,
        f"anchor_tag={anchor.tag_}": 1.0,
        f"sentence_len{_bucket(len(anchor.sent), (15, 25, 40))}": 1.0,
    }
    first = args[0][0] if args[0] else None
    if isinstance(first, Token) and first.pos_ == "PRON":
        found["subject_pronoun"] = 1.0
    return found


# Linear model over the features above, fitted on CaRB dev by `python bench/carb.py fit`.
# BEGIN WEIGHTS
WEIGHTS: dict[str, float] = {
    "bias": 0.1082,
    "anchor_dep=ROOT": 0.2127,
    "anchor_dep=acl": 0.1393,
    "anchor_dep=advcl": 0.0334,
    "anchor_dep=amod": -0.031,
    "anchor_dep=appos": 0.0234,
    "anchor_dep=ccomp": -0.038,
    "anchor_dep=conj": 0.1316,
    "anchor_dep=csubj": -0.0185,
    "anchor_dep=dobj": 0.1671,
    "anchor_dep=npadvmod": -0.1573,
    "anchor_dep=nsubj": -0.2222,
    "anchor_dep=nsubjpass": -0.0477,
    "anchor_dep=parataxis": -0.0547,
    "anchor_dep=pcomp": -0.0995,
    "anchor_dep=pobj": 0.0875,
    "anchor_dep=poss": -0.2969,
    "anchor_dep=prep": -0.0334,
    "anchor_dep=relcl": 0.0036,
    "anchor_dep=xcomp": 0.2006,
    "anchor_tag=AFX": 0.1173,
    "anchor_tag=CD": 0.0253,
    "anchor_tag=DT": -0.1327,
    "anchor_tag=IN": -0.0565,
    "anchor_tag=JJ": -0.0612,
    "anchor_tag=JJR": -0.1964,
    "anchor_tag=JJS": -0.073,
    "anchor_tag=NN": 0.115,
    "anchor_tag=NNP": 0.0969,
    "anchor_tag=NNPS": 0.0885,
    "anchor_tag=NNS": 0.0237,
    "anchor_tag=PRP": -0.1512,
    "anchor_tag=PRP$": 0.1365,
    "anchor_tag=VB": -0.0156,
    "anchor_tag=VBD": 0.0931,
    "anchor_tag=VBG": -0.0312,
    "anchor_tag=VBN": 0.0549,
    "anchor_tag=VBP": -0.0273,
    "anchor_tag=VBZ": 0.0299,
    "anchor_tag=WP$": -0.036,
    "args=1": -0.1763,
    "args=2": 0.1168,
    "args=3": 0.0282,
    "args=4": 0.0313,
    "kind=amod": -0.031,
    "kind=appos": -0.0157,
    "kind=copula": -0.0275,
    "kind=noun-prep:at": -0.1066,
    "kind=noun-prep:between": 0.0423,
    "kind=noun-prep:for": -0.0346,
    "kind=noun-prep:from": 0.0494,
    "kind=noun-prep:in": -0.0241,
    "kind=noun-prep:near": 0.2214,
    "kind=noun-prep:of": -0.1261,
    "kind=noun-prep:on": -0.045,
    "kind=noun-prep:with": -0.0333,
    "kind=poss": 0.0101,
    "kind=title": -0.0108,
    "kind=verb": 0.1313,
    "object_len<=0": -0.1763,
    "object_len<=10": 0.1184,
    "object_len<=2": 0.0558,
    "object_len<=20": -0.0095,
    "object_len<=5": 0.0953,
    "object_len>20": -0.0837,
    "relation_len<=1": -0.0393,
    "relation_len<=2": -0.0262,
    "relation_len<=4": 0.0174,
    "relation_len>4": 0.0481,
    "sentence_len<=15": -0.0011,
    "sentence_len<=25": 0.0034,
    "sentence_len<=40": 0.0078,
    "sentence_len>40": -0.0101,
    "source=controlled": 0.0015,
    "source=own": 0.0727,
    "source=participle": -0.171,
    "source=relative": 0.0479,
    "source=shared": 0.0488,
    "split": -0.0452,
    "subject_len<=1": 0.0728,
    "subject_len<=12": -0.0138,
    "subject_len<=3": 0.0904,
    "subject_len<=6": 0.0708,
    "subject_len>12": -0.2202,
    "subject_pronoun": 0.0,
}
# END WEIGHTS


def confidence(found: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The expected CaRB precision of a tuple with these features, kept inside (0, 1)."""
    weights = WEIGHTS if weights is None else weights
    score = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in found.items())
    return round(min(max(score, 0.001), 0.999), 4)


# -- sentences ----------------------------------------------------------------------------


def candidates(sentence: Span | Doc) -> Iterator[Candidate]:
    for token in sentence:
        for pattern in PATTERNS:
            yield from pattern(token)


def extractions(sentence: Span | Doc) -> list[OpenTuple]:
    """Every Open IE tuple of one parsed sentence, without duplicates, in sentence order."""
    found: list[OpenTuple] = []
    seen: set[tuple] = set()
    for candidate in candidates(sentence):
        args = tuple(text(a) for a in candidate.args if a)
        relation = text(candidate.relation)
        if not relation or not args or (relation, args) in seen:
            continue
        seen.add((relation, args))
        found_features = features(candidate)
        found.append(OpenTuple(relation, args, confidence(found_features), candidate.kind, tuple(found_features.items())))
    return found


def carb_lines(lines: Iterable[str], nlp: Language | None = None) -> Iterator[str]:
    """CaRB "tabbed" rows for pre-tokenized sentences, one a line: sentence, confidence, relation, args."""
    if nlp is None:
        from kg.nlp import load_model

        nlp = load_model()
    for number, line in enumerate(lines, 1):
        sentence = line.rstrip("\r\n")
        if not sentence.strip():
            continue
        if "\t" in sentence:
            raise InputError(f"line {number} holds a tab: give one sentence a line, tokens separated by spaces")
        for item in extractions(parse_tokenized(sentence, nlp)):
            yield item.carb_row(sentence)
