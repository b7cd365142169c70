"""An article's headline as a sentence the parser can read.

Headlines are written in a grammar of their own: wire headlines in capitals ("ZAMBIAN
CENTRAL BANKER CRITICISES IMF POLICIES"), others in Title Case ("Biden Is Back"), with a
kicker before a colon ("Good News: …"), a source tag after one ("…: Reuters poll") and
ticker symbols after company names ("HUGHES TOOL HT BOARD"). The small model parses such
text badly (every capitalised word looks like a name), so the headline is rewritten into
ordinary sentence case before it is parsed: each word is written as the article's body
writes it, else as the gazetteer writes a name, else in lower case when it is an English
word; the kicker and tickers are left out, the source tag becomes the speaker ("…, Reuters
poll said").  When that parse finds no verb, the headline's own grammar is spelled out and
it is parsed again (:func:`repaired_headline`).  Only the text handed to the parser
changes: a statement read from the headline carries the headline as written as its
sentence, and ``from_title`` (kg/extraction.py).

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
    he she they we i you him them us me if so yet all some any more most""".split())
# Closed-class words that stay in lower case inside a name: "Council of Europe", "Bank of England".
NAME_PARTICLES = frozenset("of the and for on in at to a an de".split())
# Abbreviations of wire copy that are words, not tickers: "SIZEABLE DLR DECLINE", "3RD QTR NET".
WIRE_WORDS = frozenset("""dlr dlrs pct mln bln qtr qtrs shr shrs cts avg vs yr yrs revs oper ltd inc corp co plc nv ag sa
    spa bhd div int'l natl intl mths""".split())
# Longer than this, a title is no headline (a field holding a whole text): not read.
HEADLINE_MAX_CHARS = 400
# Words of a kicker or a source tag that introduce a headline rather than state it.
KICKER_MAX_WORDS = 4
SOURCE_TAG_MAX_WORDS = 3
# A body with fewer capitalised words inside sentences than this share was written without case.
UNCASED_BODY = 0.02
UNCASED_MIN_WORDS = 50
# Longest name in capitals read as an acronym ("IMF", "NATO", "OPEC"): "ZAMBIAN" is a word.
ACRONYM_MAX = 5
# A Reuters instrument code after a company name: "DEPS.O", "BARC.L".
RIC = re.compile(r"[A-Z]{1,5}\.[A-Z]{1,2}")
# A word as the headline writes it: letters with inner apostrophes, periods ("U.S."),
# hyphens; numbers are kept as they are.
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z.]|[A-Za-z]")
# A word of the body and what comes before it: a word after a sentence end is not evidence
# of its case.
BODY_WORD = re.compile(r"(?P<before>[^\sA-Za-z'’\-]?)\s*(?P<word>[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z])")
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
    """The case of every word of ``body`` that does not start a sentence or a line; a line in
    capitals or Title Case (a heading, the headline written again) says nothing of case."""
    forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    lines = []
    for line in body.split("\n"):
        if headline_case(line) == "sentence":
            lines.append(line)
        else:
            _blank_words(line, forms)
            lines.append("")
    body = "\n".join(lines)
    previous_end = True
    for match in BODY_WORD.finditer(body):
        word, before = match.group("word"), match.group("before")
        starts = previous_end or (before and before in SENTENCE_END) or "\n" in body[max(0, match.start() - 1) : match.start("word")]
        # a short capitalised word before a period is an abbreviation, no sentence end: "Rep. Brad Schneider"
        abbreviation = word[0].isupper() and len(word) <= 3
        previous_end = body[match.end() : match.end() + 1] in ("!", "?", ":") or body[match.end() : match.end() + 1] == "." and not abbreviation
        if starts:
            forms[word.lower()]  # noqa: B018 — seen, but its case says nothing (a dateline's "LONDON" neither)
            continue
        kind = "upper" if word.isupper() and len(word) > 1 else "title" if word[0].isupper() else "lower"
        forms[word.lower()][kind] += 1
    counted = sum(map(sum, (c.values() for c in forms.values())))
    if counted >= UNCASED_MIN_WORDS and sum(counts["title"] + counts["upper"] for counts in forms.values()) < UNCASED_BODY * counted:
        # a body written without capitals ("lima, april 7 - the chase manhattan bank …") tells nothing of case
        return BodyCase({word: collections.Counter() for word in forms})
    return BodyCase(dict(forms))


def _blank_words(line: str, forms: dict[str, collections.Counter]) -> None:
    """A heading line's words, marked as seen, with no case."""
    for word in BODY_WORD.finditer(line):
        forms[word.group("word").lower()]  # noqa: B018 — seen, its case says nothing


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


def word_forms(word: str, *, comparatives: bool = False) -> list[str]:
    """A lower-case word and the stems an English inflection would leave: "approves" →
    approve, approv; "declines" → decline; "reversing" → revers, reverse; with
    ``comparatives``, "wider" → wide too (not to look a word up in the body: "banker" is
    no form of "Bank")."""
    word = word.lower().strip(".")
    forms = [word]
    endings = [("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("'s", ""), ("’s", "")]
    if comparatives:
        endings += [("ier", "y"), ("er", ""), ("er", "e"), ("iest", "y"), ("est", ""), ("est", "e")]
    for ending, repl in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: len(word) - len(ending)] + repl)
    return forms


def _name_spans(words: list[str], is_name: Callable[[str], bool]) -> dict[int, tuple[int, bool]]:
    """The words that make a name the gazetteer knows, longest first, each with the length of
    its name and whether it is known as written: "WHITE HOUSE", "ZAMBIAN", "IMF" (tried as
    written, then in Title Case)."""
    inside: dict[int, tuple[int, bool]] = {}
    for length in (4, 3, 2, 1):
        for start in range(len(words) - length + 1):
            span = range(start, start + length)
            if inside.keys() & set(span):
                continue
            phrase = " ".join(words[start : start + length])
            if is_name(" ".join(w.capitalize() for w in words[start : start + length])):
                inside.update(dict.fromkeys(span, (length, False)))  # "PERU" is Peru
            elif is_name(phrase):
                inside.update(dict.fromkeys(span, (length, True)))  # "IMF" only as written: an acronym
    return inside


def truecase_word(word: str, body: BodyCase, known_word: Callable[[str], bool], *, name: bool, kind: str,
                  long_name: bool = False, acronym: bool = False) -> str:
    parts = word.split("-")
    if len(parts) > 1 and all(parts) and not name and not body.seen(word):
        # each part of a compound on its own: "Anti-Trump" → anti-Trump, "SAME-SEX" → same-sex
        return "-".join(truecase_word(part, body, known_word, name=False, kind=kind) for part in parts)
    return _truecase_word(word, body, known_word, name=name, kind=kind, long_name=long_name, acronym=acronym)


def _truecase_word(word: str, body: BodyCase, known_word: Callable[[str], bool], *, name: bool, kind: str,
                   long_name: bool = False, acronym: bool = False) -> str:
    """One headline word as a sentence would write it: a word of a name of several words the
    gazetteer knows capitalised ("Supreme Court", "White House"); else as the body usually
    writes it; a one-word name the gazetteer knows capitalised (an acronym in capitals:
    "IMF", known as written: ``acronym``); a closed-class or other English word in lower case;
    any other word capitalised, as a name."""
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
    if long_name and word.lower() in NAME_PARTICLES:
        return word.lower()  # "Council of Europe"
    if usual == "title" and "-" in word.strip("-"):
        return "-".join(_capitalised(part) for part in word.split("-"))  # a name the body writes: "Watkins-Johnson"
    if long_name or usual == "title":
        return _capitalised(word)
    if usual == "lower":
        return word.lower()
    if name:
        return word.upper() if acronym and word.isupper() and len(word.replace(".", "")) <= ACRONYM_MAX else _capitalised(word)
    if word.lower() in FUNCTION_WORDS or is_english(word, known_word):
        return word.lower()
    return _capitalised(word)


def is_english(word: str, known_word: Callable[[str], bool]) -> bool:
    """An English word in one of its inflections, or a word of wire copy ("DLRS", "QTR"); a
    hyphenated one when each part is ("same-sex")."""
    parts = [part for part in re.split(r"[-‐–]", word.lower()) if part]
    return bool(parts) and all(part in FUNCTION_WORDS or part in WIRE_WORDS or any(known_word(form) for form in word_forms(part, comparatives=True))
                               for part in parts)


def _capitalised(word: str) -> str:
    """"HUGHES" → "Hughes", "SAME-SEX" → "Same-sex", "U.S." stays."""
    if "." in word.strip("."):
        return word.upper()  # "U.S.", "N.J."
    return word[:1].upper() + word[1:].lower()


def is_ticker(words: list[str], index: int, body: BodyCase, known_word: Callable[[str], bool], *, kind: str,
              is_name: Callable[[str], bool] = lambda phrase: False) -> bool:
    """A wire headline's stock symbol after a company name: "HUGHES TOOL HT BOARD", "PRAXIS
    PRAX AIDS DRUG", "STEWART AND STEVENSON SERVICES SSSS": a short word in capitals that the
    body never uses, English does not know and the gazetteer does not name (an acronym such
    as "NATO" is no ticker), not after a closed-class word; a company name's word written
    twice ("IBM IBM"); a single letter; a Reuters instrument code ("DEPS.O")."""
    word = words[index]
    if kind == "upper" and index > 0 and RIC.fullmatch(word):
        return True  # a Reuters instrument code: "DEPOSIT GUARANTY DEPS.O ADDS LOAN LOSSES"
    if kind != "upper" or index == 0 or not (1 <= len(word) <= 5 and word.isalpha()):
        return False
    previous = words[index - 1]
    if word == previous:
        return True  # "IBM IBM FORMS TELECOMMUNICATIONS GROUP"
    if body.seen(word) or word.lower() in FUNCTION_WORDS or previous.lower() in FUNCTION_WORDS or is_name(word):
        return False
    if len(word) == 1:
        return word not in ("A", "I")  # "CHRYSLER C HAS NO PLANS"
    return not is_english(word, known_word) or index + 1 < len(words) and words[index + 1].lower() not in FUNCTION_WORDS \
        and name_ticker(word, previous, body)


# Words of a company's name that a short English word after a name may be: "ANZ BANK", "AIR FORCE".
COMPANY_WORDS = frozenset("""bank air oil gas corp inc co ltd plc group trust fund home life first bay tool mills
    systems bancorp capital savings federal national royal new old west east north south""".split())
# Short verbs of headlines, never a ticker: "SWISS SAY THEY …", "JAPAN CUT …".
SHORT_VERBS = frozenset("""say see cut set hit win won buy get got put end add bid sue pay eye aim act vow opt ban cap top tie
    ask run lay let led owe fix try ran sat saw""".split())
# Longest English word taken for a ticker after a company name.
NAME_TICKER_MAX = 3


# a company's ticker that is also a word: "MCDONNELL DM OPENS", "PIEDMONT PIE ACCEPTS" — a short
# word in capitals right after a name the body writes as a name, that the body itself never uses
def name_ticker(word: str, previous: str, body: BodyCase) -> bool:
    if len(word) > NAME_TICKER_MAX or word.lower() in COMPANY_WORDS | SHORT_VERBS or word.lower() in WIRE_WORDS:
        return False
    if any(body.seen(form) for form in word_forms(word)):
        return False
    return body.usual(previous.rstrip(".")) in ("title", "upper")


# Longest ticker the corpus glues to a name: "BOEINGBA", "GM'SGM".
GLUED_TICKER_MAX = 4


# a ticker glued to its company's name by the wire: "BOEINGBA" → BOEING, "GM'SGM" → GM'S (a word in
# capitals the body never writes, that begins with a name the body writes, or with a possessive
# of the name its ticker repeats)
def unglued(word: str, body: BodyCase, known_word: Callable[[str], bool]) -> str:
    if not word.isupper() or body.seen(word) or is_english(word, known_word):
        return word
    for cut in range(len(word) - 1, max(1, len(word) - GLUED_TICKER_MAX - 1), -1):
        stem, rest = word[:cut], word[cut:]
        name = re.sub(r"['’]S$", "", stem)
        if rest.isalpha() and len(name) >= 2 and {"title", "upper"} & {body.usual(name), body.usual(stem)}:
            return stem
        if rest == name and stem != name:
            return stem  # the name written again as its ticker: "GM'SGM"
    return word


QUOTE_OPEN, QUOTE_CLOSE = "‘“\"'", "’”\"'"
# Quoted words of this many or more are a title or slogan, kept as written: "‘Make Our Planet Great Again’".
QUOTED_TITLE_WORDS = 3


def quoted_words(words: list[str]) -> set[int]:
    """Indices of the words of a quoted title or slogan in a Title Case headline."""
    inside: set[int] = set()
    start = None
    for index, word in enumerate(words):
        if start is None and word[:1] in QUOTE_OPEN and not word[-1:] in QUOTE_CLOSE[:2]:
            start = index
        elif start is not None and word.rstrip(",.:;?!")[-1:] in QUOTE_CLOSE:
            if index - start + 1 >= QUOTED_TITLE_WORDS:
                inside.update(range(start, index + 1))
            start = None
    return inside


# A source tag at the end of a wire headline: "… U.S. DEFICIT -BANGEMANN", "… TARGETS - IBC".
DASH_TAG = re.compile(r"\s+[-–—]\s*(?P<tag>[A-Z][\w.&'’ ]*)$")


def reading_span(title: str) -> tuple[int, int]:
    """The characters of the headline that make its statement: a short kicker before a colon
    ("Good News: A Unanimous Supreme Court Strikes …", "UPDATE: …") and a short source tag
    after a colon or a dash ("…: Reuters poll", "… -BANGEMANN") are left out
    (:func:`source_tag` gives the tag)."""
    start, end = 0, len(title)
    colon = title.find(": ")
    if colon > 0 and len(title[:colon].split()) <= KICKER_MAX_WORDS and len(title[colon + 2 :].split()) > SOURCE_TAG_MAX_WORDS:
        start = colon + 2
    last = title.rfind(": ")
    if last >= start and len(title[last + 2 :].split()) <= SOURCE_TAG_MAX_WORDS and len(title[start:last].split()) > KICKER_MAX_WORDS:
        end = last
    elif last >= start and title[last + 2 : last + 3] in QUOTE_OPEN and len(title[start:last].split()) > KICKER_MAX_WORDS:
        end = last  # a quotation after the colon is what someone said of it: "…: ‘It’s about time’ say the locals"
    dash = DASH_TAG.search(title, start)
    if end == len(title) and dash and len(dash.group("tag").split()) <= SOURCE_TAG_MAX_WORDS and len(title[start:dash.start()].split()) > KICKER_MAX_WORDS:
        end = dash.start()
    return start, end


def source_tag(title: str) -> str | None:
    """The source a headline ends with, after a colon or a dash: "Reuters poll", "BANGEMANN"."""
    start, end = reading_span(title)
    rest = title[end:].strip().lstrip(":-–—").strip()
    return rest if rest and len(rest.split()) <= SOURCE_TAG_MAX_WORDS and rest[:1] not in QUOTE_OPEN else None


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
    ticker symbols left out (:func:`is_ticker`), the first letter capitalised; a source tag
    (:func:`source_tag`) becomes the speaker: "…: Reuters poll" → "…, Reuters poll said".

    >>> headline_sentence("HUGHES TOOL HT BOARD APPROVES MERGER", "Hughes Tool Co said its board will approve the merger.", lambda w: w in {"board", "merger", "approve"})
    'Hughes Tool board approves merger'
    """
    if not title or not any(c.isalpha() for c in title) or len(title) > HEADLINE_MAX_CHARS:
        return None  # no words, or a "title" field holding a whole text
    start, end = reading_span(title)
    text = title[start:end].strip()
    tag = source_tag(title)
    kind = headline_case(text)
    if kind != "sentence":
        case = body_case(body)
        text = _truecased(text, kind, case, known_word, is_name)
        tag = tag and _truecased(tag, kind, case, known_word, is_name)
    role = kind == "sentence" and text and role_before_name(text, body_case(body), known_word, is_name)
    text = speaker_for_pronoun(role or text)
    if tag and text:
        text = f"{text.rstrip('.!')}, {tag} said"  # the headline's source tag is its speaker
    if role and role[:1].islower():
        return text  # "sprinter Walker quits": capitalised, the role would read as part of the name again
    return text[:1].upper() + text[1:] if text else None


SPEECH = re.compile(r"^(?P<speaker>[A-Z][^,:;]*?) (?P<verb>says|said|say|tells|told) (?P<pronoun>it|they|he|she) ")


# a reported headline's pronoun is its speaker: "Iraq says it hit two ships" → "Iraq says Iraq hit
# two ships" (a headline has no sentence before it for the pronoun to point back to)
def speaker_for_pronoun(text: str) -> str:
    match = SPEECH.match(text)
    if not match or match.group("verb") in ("tells", "told"):
        return text
    return text[: match.start("pronoun")] + match.group("speaker") + text[match.end("pronoun") :]


# a role noun before a name in a headline in sentence case is no part of the name: "Sprinter
# Walker quits athletics" → "sprinter Walker …" (an English word the body never capitalises,
# that names nothing, before a name the body writes)
def role_before_name(text: str, body: BodyCase, known_word: Callable[[str], bool],
                     is_name: Callable[[str], bool] = lambda phrase: False) -> str:
    words = text.split(" ")
    if len(words) < 3 or not words[0][:1].isupper() or not words[1][:1].isupper() or not words[0].isalpha():
        return text
    first = words[0]
    if body.usual(first) in ("title", "upper") or first.lower() in FUNCTION_WORDS or is_name(first) or not is_english(first, known_word):
        return text
    if body.usual(words[1].strip(",.:;'’")) != "title":
        return text
    return " ".join([first.lower(), *words[1:]])


def _truecased(text: str, kind: str, case: BodyCase, known_word: Callable[[str], bool], is_name: Callable[[str], bool]) -> str:
    """The words of a headline in capitals or Title Case as a sentence writes them."""
    pieces = re.split(r"(\s+)", text)
    words = [p for p in pieces if p and not p.isspace()]
    bare = [WORD.search(w).group() if WORD.search(w) else w for w in words]
    names = _name_spans([b.strip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", b) else b for b in bare], is_name)
    out: list[str] = []
    quoted = quoted_words(words) if kind == "title" else set()
    for index, (word, core) in enumerate(zip(words, bare)):
        if is_ticker(bare, index, case, known_word, kind=kind, is_name=is_name):
            continue
        if kind == "upper" and core:
            stem = unglued(core, case, known_word)
            word, core = word.replace(core, stem, 1), stem
        if core and any(c.isalpha() for c in core) and index not in quoted:
            length, as_written = names.get(index, (0, False))
            cased = truecase_word(core, case, known_word, name=index in names, kind=kind, long_name=length > 1, acronym=as_written)
            word = word.replace(core, cased, 1)
        out.append(word)
    return " ".join(out)


def gazetteer_names(lookup: Callable[[str], Any], known_word: Callable[[str], bool],
                    given_name: Callable[[str], Any] = lambda word: None) -> Callable[[str], bool]:
    """Whether a headline phrase is a name, from a gazetteer's ``lookup`` (phrase → entity or
    None): a phrase of several words, a place or demonym ("Zambian"), or a word that is no
    English word; not a person or body named by a common word ("Joy", "Begin"); also a
    given name the census knows before a word that is no English word ("Brad Schneider")."""
    def is_name(phrase: str) -> bool:
        words = phrase.split()
        if len(words) == 2 and given_name(words[0].capitalize()) and words[1][:1].isupper() and not is_english(words[1], known_word):
            return True
        entity = lookup(phrase)
        if entity is None:
            return False
        # an acronym in capitals ("IMF", "US"): in an all-caps headline "BOARD" is looked up as written too
        acronym = phrase.isupper() and len(phrase.replace(".", "")) <= ACRONYM_MAX
        return " " in phrase or acronym or entity.type in ("Country", "Location") or not known_word(phrase.lower().strip("."))
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
# Verbs whose passive takes the office as object: "Antitrust lawyer nominated Claims Court judge".
NAMING_VERBS = {"name", "nominate", "appoint", "elect", "choose", "select", "tap", "pick", "make", "crown", "confirm"}
NOMINAL_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}
# Verbs whose passive keeps the thing given as object: "Yale students offered cookies for anxiety
# relief", "Sergeant awarded Medal of Honor" (they were offered, he was awarded).
GIVING_VERBS = {"offer", "grant", "award", "deny", "promise", "hand", "allow"}
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
# (the predicate comes before any other verb: not "shares" in "Plc to offer U.S. shares")
def present_as_past(doc: Any, known_verb: Callable[[str], bool]) -> dict[int, str]:
    if _finite_before(doc, len(doc)):
        return {}
    for token in doc[1:]:
        if token.tag_ in ("VB", "VBG", "VBN", "VBD", "TO", "MD"):
            return {}
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
            # (not a noun phrase with an infinitive before its own predicate: "Elections to replace
            # … picks looking tighter")
            predicate_after = any(t.tag_ == "VBG" and doc[t.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS")
                                  for t in doc[token.i + 2 :])
            if verb is not None and verb.tag_ == "VB" and not predicate_after and (
                    previous.tag_ not in ("VB", "VBG", "VBN", "JJ", "IN", "TO") or previous.is_title):
                return {token.i: "will"}
            return {}
    return {}


# headline passive: "Antonio Brown accused of assault by former trainer", "Antitrust lawyer
# nominated Claims Court judge" → "… was accused …", "… was nominated …" (a headline tells a
# past act in the present: its bare -ed form after the subject is a passive)
# (not a verb that governs a clause: "Why the 9th Circuit Refused to Reinstate …"; an object
# only after a verb of naming or giving: "… nominated Claims Court judge", "Students offered cookies")
def participle_as_passive(doc: Any) -> dict[int, str]:
    if doc[0].tag_ in ("WDT", "WP", "WRB"):
        return {}  # a question: "Why the court refused …"
    for token in doc[1:]:
        if (token.dep_ == "ROOT" and token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed")
                and not any(c.dep_ in ("aux", "auxpass", "xcomp", "ccomp") for c in token.children)
                and (token.lemma_.lower() in NAMING_VERBS | GIVING_VERBS or not any(c.dep_ == "dobj" for c in token.children))
                and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children)):
            plural = any(c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in token.children)
            return {token.i: ("were " if plural else "was ") + token.text}
    return {}


# Tags of the words of a headline's subject before a dropped copula.
SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "POS", "DT", "HYPH", "CD"}
# Adjectives before an infinitive that the tagger may read as verbs: "Germans slow to accept …".
ADJECTIVES_BEFORE_TO = {"slow", "quick", "eager", "keen", "ready", "reluctant", "likely", "unlikely", "poised", "set", "due",
                        "able", "unable", "certain", "sure", "loath", "free"}
# Words after a subject that state what it is without a verb: "China likely to join GATT", "Biden back".
PREDICATE_ADVERBS = {"back", "out", "home", "away"}


# headline without its copula: "China likely to join GATT" → "China is likely to join GATT",
# "Germans slow to accept …" → "Germans are slow …", "Biden back" → "Biden is back" (an adjective
# or an adverb of place right after a noun phrase that starts the headline, and no finite verb)
def copula_dropped(doc: Any) -> dict[int, str]:
    if len(doc) < 2:
        return {}
    change = _change_without_copula(doc)
    if change:
        return change
    for token in doc[1:]:
        if token.tag_ not in SUBJECT_TAGS:
            break
    else:
        return {}
    adjective = token.lower_ in ADJECTIVES_BEFORE_TO and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "TO"
    if _finite_before(doc, token.i if adjective else token.i + 1):
        return {}
    before = doc[token.i - 1]
    if before.tag_ not in ("NN", "NNS", "NNP", "NNPS") or any(t.tag_ == "NN" and t.i < before.i for t in doc[: before.i]) and before.tag_ == "NNP":
        return {}
    predicate = adjective or token.tag_ == "JJ" and (token.i + 1 == len(doc) or doc[token.i + 1].tag_ in ("TO", ",", "IN", ".")) \
        or token.lower_ in PREDICATE_ADVERBS and (token.i + 1 == len(doc) or doc[token.i + 1].tag_ in (",", "IN", "."))
    if not predicate:
        return {}
    plural = before.tag_ in ("NNS", "NNPS") or any(t.lower_ == "and" for t in doc[: token.i])
    return {token.i: ("are " if plural else "is ") + token.text}


# Adverbs of a change that a wire headline puts straight after its subject: "car sales off 2.2 pct".
CHANGE_ADVERBS = {"up", "down", "off"}


# … a change by an amount: "Lowe's sales up seven pct" → "Lowe's sales are up seven pct"
# (the adverb after a noun, before a number, and no finite verb before it)
def _change_without_copula(doc: Any) -> dict[int, str]:
    for token in doc[1:-1]:
        if token.lower_ in CHANGE_ADVERBS and doc[token.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS") and doc[token.i + 1].tag_ == "CD":
            if _finite_before(doc, token.i):
                return {}
            plural = doc[token.i - 1].tag_ in ("NNS", "NNPS")
            return {token.i: ("are " if plural else "is ") + token.text}
    return {}


def repaired_headline(doc: Any, known_verb: Callable[[str], bool]) -> str | None:
    """The headline (a parsed Doc of :func:`headline_sentence`'s text) with its grammar spelled
    out for a second parse, or None when none of the rules applies."""
    changes = (present_as_past(doc, known_verb) or copula_dropped(doc) or infinitive_as_future(doc)
               or participle_as_passive(doc))
    if not changes:
        return None
    return "".join((changes.get(t.i, t.text)) + t.whitespace_ for t in doc).strip()
