"""An article's headline as a sentence the parser can read.

Headlines are written in a grammar of their own: wire headlines in capitals ("ZAMBIAN
CENTRAL BANKER CRITICISES IMF POLICIES"), others in Title Case ("Biden Is Back"), with a
kicker before a colon ("Good News: …"), a source tag after one ("…: Reuters poll") and
ticker symbols after company names ("HUGHES TOOL HT BOARD"). The small model parses such
text badly (every capitalised word looks like a name), so the headline is rewritten into
ordinary sentence case before it is parsed: each word is written as the article's body
writes it, else as the gazetteer writes a name, else in lower case when it is an English
word.  Only the text handed to the parser changes: a statement read from the headline
carries the headline as written as its sentence, and ``from_title`` (kg/extraction.py).

Pure functions over strings; ``known_word`` (is this an English word, in lower case?) is
passed in, so that nothing here needs the model (:func:`english_words` makes it from the
model's lemmatizer tables).
"""
from __future__ import annotations

import collections
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Closed-class words, lower case inside a sentence whatever a Title Case headline does.
FUNCTION_WORDS = frozenset("""a an the and or but nor of to in on at by for from with without into onto over under
    as than about after before against among amid between during since until upon via per off out up down
    is are was were be been being has have had do does did will would shall should can could may might must
    not no its it his her their our my your this that these those who whom which what when where why how
    he she they we i you him them us me if so yet all some any more most new""".split())
# Words of a kicker or a source tag that introduce a headline rather than state it.
KICKER_MAX_WORDS = 4
SOURCE_TAG_MAX_WORDS = 3
# A word as the headline writes it: letters with inner apostrophes, periods ("U.S."),
# hyphens; numbers are kept as they are.
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z.]|[A-Za-z]")
# A word of the body and what comes before it: a word after a sentence end is not evidence
# of its case.
BODY_WORD = re.compile(r"(?P<before>[^\s]?)\s*(?P<word>[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z])")
SENTENCE_END = set(".!?:\"“”‘’'(-—–")


@dataclass(frozen=True)
class BodyCase:
    """How the body writes each word (lower-cased key → counts of "lower", "title", "upper"),
    counting only words inside a sentence, where case says something."""

    forms: dict[str, collections.Counter]

    def usual(self, word: str) -> str | None:
        """The body's usual form of ``word`` ("lower", "title", "upper"), or None if unseen."""
        counts = self.forms.get(word.lower())
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    def seen(self, word: str) -> bool:
        return word.lower() in self.forms


def body_case(body: str) -> BodyCase:
    """The case of every word of ``body`` that does not start a sentence or a line."""
    forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    previous_end = True
    for match in BODY_WORD.finditer(body):
        word, before = match.group("word"), match.group("before")
        starts = previous_end or (before and before in SENTENCE_END) or "\n" in body[max(0, match.start() - 1) : match.start("word")]
        previous_end = word.endswith(".") or body[match.end() : match.end() + 1] in (".", "!", "?", ":")
        if starts and not word.isupper():
            forms[word.lower()]  # seen, but its case says nothing
            continue
        kind = "upper" if word.isupper() and len(word) > 1 else "title" if word[0].isupper() else "lower"
        forms[word.lower()][kind] += 1
    return BodyCase(dict(forms))


def headline_case(title: str) -> str:
    """"upper" (a wire headline in capitals), "title" (Title Case) or "sentence"."""
    words = [w for w in WORD.findall(title) if any(c.isalpha() for c in w)]
    letters = [c for w in words for c in w if c.isalpha()]
    if len(words) >= 2 and letters and all(c.isupper() for c in letters):
        return "upper"
    content = [w for w in words[1:] if w.lower() not in FUNCTION_WORDS and len(w) > 2]
    if len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.75 * len(content):
        return "title"
    return "sentence"


def word_forms(word: str) -> list[str]:
    """A lower-case word and the stems an English inflection would leave: "approves" →
    approve, approv; "declines" → decline; "reversing" → revers, reverse."""
    word = word.lower().strip(".")
    forms = [word]
    for ending, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", ""), ("’s", ""),
                         ("ier", "y"), ("er", ""), ("er", "e"), ("iest", "y"), ("est", ""), ("est", "e")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: len(word) - len(ending)] + repl)
    return forms


def _name_spans(words: list[str], is_name: Callable[[str], bool]) -> set[int]:
    """Indices of the words that make a name the gazetteer knows, longest first: "WHITE HOUSE",
    "ZAMBIAN", "IMF" (tried as written and in Title Case)."""
    inside: set[int] = set()
    for length in (4, 3, 2, 1):
        for start in range(len(words) - length + 1):
            span = range(start, start + length)
            if inside & set(span):
                continue
            phrase = " ".join(words[start : start + length])
            if is_name(phrase) or is_name(" ".join(w.capitalize() for w in words[start : start + length])):
                inside |= set(span)
    return inside


def truecase_word(word: str, body: BodyCase, known_word: Callable[[str], bool], *, name: bool, kind: str) -> str:
    """One headline word as a sentence would write it: as the body usually writes it; a
    name the gazetteer knows capitalised (an acronym in capitals: "IMF"); a closed-class or
    other English word in lower case; any other word capitalised, as a name."""
    if not any(c.isalpha() for c in word):
        return word
    usual = body.usual(word)
    if usual is None:
        for form in word_forms(word)[1:]:  # "APPROVES": the body writes "approve"
            usual = body.usual(form)
            if usual is not None:
                break
    if usual == "upper" or kind == "title" and word.isupper() and len(word) > 1:
        return word.upper()  # "IMF", "KKK": an acronym stays one
    if usual == "title":
        return _capitalised(word)
    if usual == "lower":
        return word.lower()
    if name:
        return word.upper() if len(word) <= 4 and kind == "upper" and not known_word(word.lower()) else _capitalised(word)
    if word.lower() in FUNCTION_WORDS or any(known_word(form) for form in word_forms(word)):
        return word.lower()
    return _capitalised(word)


def _capitalised(word: str) -> str:
    """"HUGHES" → "Hughes", "SAME-SEX" → "Same-sex", "U.S." stays."""
    if "." in word.strip("."):
        return word.upper()  # "U.S.", "N.J."
    return word[:1].upper() + word[1:].lower()


def is_ticker(words: list[str], index: int, body: BodyCase, known_word: Callable[[str], bool], *, kind: str) -> bool:
    """A wire headline's stock symbol after a company name: "HUGHES TOOL HT BOARD", "PRAXIS
    PRAX AIDS DRUG": a short word in capitals that the body never uses and English does not
    know, right after a word the body writes as a name."""
    word = words[index]
    if kind != "upper" or index == 0 or not (1 <= len(word) <= 5 and word.isalpha()):
        return False
    if body.seen(word) or word.lower() in FUNCTION_WORDS or any(known_word(form) for form in word_forms(word)):
        return False
    return body.usual(words[index - 1]) in ("title", "upper")


def reading_span(title: str) -> tuple[int, int]:
    """The characters of the headline that make its statement: a short kicker before a colon
    ("Good News: A Unanimous Supreme Court Strikes …", "UPDATE: …") and a short source tag
    after one ("…: Reuters poll") are left out."""
    start, end = 0, len(title)
    colon = title.find(": ")
    if colon > 0 and len(title[:colon].split()) <= KICKER_MAX_WORDS and len(title[colon + 2 :].split()) > SOURCE_TAG_MAX_WORDS:
        start = colon + 2
    last = title.rfind(": ")
    if last >= start and len(title[last + 2 :].split()) <= SOURCE_TAG_MAX_WORDS and len(title[start:last].split()) > KICKER_MAX_WORDS:
        end = last
    return start, end


def title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the title stands in the text, when the text begins with it as a paragraph of its
    own (a .txt article's first line), else None (a .jsonl record's ``title`` field)."""
    if not title:
        return None
    start = len(text) - len(text.lstrip())
    end = start + len(title)
    if text[start:end] == title and re.match(r"[ \t]*(?:\n|$)", text[end:]):
        return start, end
    return None


def headline_sentence(title: str | None, body: str, known_word: Callable[[str], bool],
                      is_name: Callable[[str], bool] = lambda phrase: False) -> str | None:
    """The headline rewritten as a sentence to parse (None when there is none): the part that
    states something (:func:`reading_span`), each word truecased (:func:`truecase_word`),
    ticker symbols left out (:func:`is_ticker`), the first letter capitalised.

    >>> headline_sentence("HUGHES TOOL HT BOARD APPROVES MERGER", "Hughes Tool Co said its board will approve the merger.", lambda w: w in {"board", "merger", "approve"})
    'Hughes Tool board approves merger'
    """
    if not title or not any(c.isalpha() for c in title):
        return None
    start, end = reading_span(title)
    text = title[start:end].strip()
    kind = headline_case(text)
    if kind == "sentence":
        return text or None
    case = body_case(body)
    pieces = re.split(r"(\s+)", text)
    words = [p for p in pieces if p and not p.isspace()]
    bare = [WORD.search(w).group() if WORD.search(w) else w for w in words]
    names = _name_spans([b.strip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", b) else b for b in bare], is_name)
    out: list[str] = []
    for index, (word, core) in enumerate(zip(words, bare)):
        if is_ticker(bare, index, case, known_word, kind=kind):
            continue
        if core and any(c.isalpha() for c in core):
            cased = truecase_word(core, case, known_word, name=index in names, kind=kind)
            word = word.replace(core, cased, 1)
        out.append(word)
    sentence = " ".join(out)
    return sentence[:1].upper() + sentence[1:] if sentence else None


def gazetteer_names(lookup: Callable[[str], Any], known_word: Callable[[str], bool]) -> Callable[[str], bool]:
    """Whether a headline phrase is a name, from a gazetteer's ``lookup`` (phrase → entity or
    None): a phrase of several words, a place or demonym ("Zambian"), or a word that is no
    English word; not a person or body named by a common word ("Joy", "Begin")."""
    def is_name(phrase: str) -> bool:
        entity = lookup(phrase)
        if entity is None:
            return False
        return " " in phrase or entity.type in ("Country", "Location") or not known_word(phrase.lower().strip("."))
    return is_name


def repeats_body(statement: Any, body: list[Any]) -> bool:
    """Whether the body states the headline's fact too (a headline repeats its lede): the same
    subject, relation and object nodes, polarity and modality (statements, kg.types)."""
    def fact(s: Any) -> tuple:
        return (s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object is not None else None, s.negated, s.modality)
    key = fact(statement)
    return any(fact(other) == key for other in body)


def english_words(nlp: Any, part: str | None = None) -> Callable[[str], bool]:
    """Whether a lower-case word is English (``part="verb"``: a verb's base form), from the
    model's lemmatizer tables (the lemmas it knows for nouns, verbs, adjectives and adverbs,
    and its irregular forms)."""
    return _english_words(id(nlp), nlp, part)


@functools.lru_cache(maxsize=8)
def _english_words(_key: int, nlp: Any, part: str | None) -> Callable[[str], bool]:
    from spacy.strings import get_string_id

    words: set[str] = set()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                for pos, entries in lookups.get_table(name).items():
                    if part is None or pos in (part, get_string_id(part)) and name == "lemma_index":
                        words.update(entries if not isinstance(entries, dict) else entries.keys())
    except (KeyError, AttributeError):
        pass
    frozen = frozenset(w.lower() for w in words if isinstance(w, str) and "_" not in w)
    return frozen.__contains__


# -- headline grammar, read on a first parse ----------------------------------------------------
#
# The small model reads "Zambian central banker criticises IMF policies" as one noun phrase
# ("criticises" a plural noun) and "Trump to sign 200 orders" with "Trump" a verb.  When a
# first parse of the headline finds no finite verb, the headline's own grammar is spelled out
# as a sentence would write it and the headline is parsed again: the headline present is the
# news past ("criticised"), "X to do" is "X will do", "X accused … by Y" is "X was accused".

FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
NOMINAL_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}
# Past tenses an -ed rule would get wrong.
IRREGULAR_PAST = {
    "say": "said", "make": "made", "take": "took", "give": "gave", "go": "went", "win": "won", "lose": "lost",
    "hit": "hit", "set": "set", "put": "put", "cut": "cut", "quit": "quit", "buy": "bought", "sell": "sold",
    "see": "saw", "hold": "held", "lead": "led", "leave": "left", "meet": "met", "keep": "kept", "tell": "told",
    "find": "found", "send": "sent", "seek": "sought", "bring": "brought", "run": "ran", "come": "came",
    "become": "became", "get": "got", "begin": "began", "fall": "fell", "rise": "rose", "know": "knew",
    "write": "wrote", "pay": "paid", "strike": "struck", "stand": "stood", "spend": "spent", "build": "built",
    "fight": "fought", "think": "thought", "feel": "felt", "grow": "grew", "throw": "threw", "drive": "drove",
    "speak": "spoke", "choose": "chose", "break": "broke", "shut": "shut", "split": "split", "slide": "slid",
    "sink": "sank", "swing": "swung", "sweep": "swept", "bid": "bid", "beat": "beat", "have": "had", "do": "did",
    "forecast": "forecast", "upset": "upset", "spread": "spread", "bear": "bore", "draw": "drew", "flee": "fled",
    "freeze": "froze", "hang": "hung", "lay": "laid", "ride": "rode", "shake": "shook", "shoot": "shot",
    "sing": "sang", "steal": "stole", "swear": "swore", "teach": "taught", "wake": "woke", "wear": "wore",
}


def verb_stem(word: str, known_verb: Callable[[str], bool]) -> str | None:
    """The base form of a third-person present ("criticises" → criticise, "carries" → carry,
    "pushes" → push), when English knows it as a verb."""
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) < 4:
        return None
    candidates = [lower[:-1]]
    if lower.endswith("ies"):
        candidates.insert(0, lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    return next((stem for stem in candidates if known_verb(stem)), None)


def past_tense(stem: str) -> str:
    """The simple past of a verb's base form: irregular ones from a table, else by the -ed rules."""
    if stem in IRREGULAR_PAST:
        return IRREGULAR_PAST[stem]
    if stem.endswith("e"):
        return stem + "d"
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        return stem[:-1] + "ied"
    if len(stem) <= 4 and re.search(r"[^aeiou][aeiou][bdgmnprt]$", stem):
        return stem + stem[-1] + "ed"  # "plan" → "planned", "drop" → "dropped"
    return stem + "ed"


def _finite_before(doc: Any, index: int) -> bool:
    return any(t.tag_ in FINITE_TAGS and t.pos_ in ("VERB", "AUX") for t in doc[:index])


# headline present: "Zambian central banker criticises IMF policies" → "… criticised …"
def present_as_past(doc: Any, known_verb: Callable[[str], bool]) -> dict[int, str]:
    if _finite_before(doc, len(doc)):
        return {}
    for token in doc[1:]:
        previous = doc[token.i - 1]
        stem = verb_stem(token.text, known_verb)
        if stem and token.tag_ in ("NNS", "NNPS", "VBZ") and previous.tag_ in NOMINAL_TAGS | {"POS", "''"}:
            past = past_tense(stem)
            return {token.i: past.capitalize() if token.text[0].isupper() and token.i == 0 else past}
    return {}


# headline infinitive: "Trump to sign 200 executive orders" → "Trump will sign …"
def infinitive_as_future(doc: Any) -> dict[int, str]:
    for token in doc[1:]:
        if token.lower_ == "to" and token.tag_ == "TO" and not _finite_before(doc, token.i):
            verb = token.head if token.head.i > token.i else None
            previous = doc[token.i - 1]
            # "Trump to sign" ("Trump" read as a verb), not "plans to sign", "ready to sign"
            if verb is not None and verb.tag_ == "VB" and (previous.tag_ not in ("VB", "VBG", "VBN", "JJ", "IN", "TO") or previous.is_title):
                return {token.i: "will"}
            return {}
    return {}


# headline passive: "Antonio Brown accused of assault by former trainer" → "… was accused …"
def participle_as_passive(doc: Any) -> dict[int, str]:
    for token in doc[1:]:
        if (token.dep_ == "ROOT" and token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed")
                and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in token.children)
                and any(c.lower_ == "by" for c in token.children) and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)):
            return {token.i: "was " + token.text}
    return {}


def repaired_headline(doc: Any, known_verb: Callable[[str], bool]) -> str | None:
    """The headline (a parsed Doc of :func:`headline_sentence`'s text) with its grammar spelled
    out for a second parse, or None when none of the rules applies."""
    changes = present_as_past(doc, known_verb) or infinitive_as_future(doc) or participle_as_passive(doc)
    if not changes:
        return None
    return "".join((changes.get(t.i, t.text)) + t.whitespace_ for t in doc)
