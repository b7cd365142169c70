"""What of an article is news: the spans of its text worth parsing, boilerplate left out.

Real articles carry wire datelines ("WASHINGTON, March 12 -", "LONDON (Reuters) -"), bylines,
photo captions and credits, related-article links, "READ MORE" and subscription lines.  Read
as news they give wrong statements (a dateline taken as the speaker, a caption's facts
asserted).  Cleaning never rewrites the text: it only chooses which character spans of
``Document.text`` the parser sees, so every offset still indexes the original article.

One function per kind of boilerplate, each a small table of patterns; :func:`article_spans`
applies them paragraph by paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.documents import strip_span, paragraphs

# -- whole lines ------------------------------------------------------------------------------

# Lines are matched at their start (anchored patterns) and at their end (on the line's last
# TAIL characters): no pattern scans a whole long paragraph line position by position.
TAIL = 160
# Photo and video captions and credits: "Media playback is unsupported on your device Media
# caption …", "Image copyright Getty Images", "Enlarge this image toggle caption …",
# "Facebook Twitter Pinterest … Photograph: …", "Slideshow (2 Images)".
CAPTION_START = re.compile(
    r"(?:FILE(?: PHOTO)?\s*[-–—:]|Media playback is unsupported|Media caption|Image copyright|Image caption|Enlarge this image"
    r"|toggle caption|Facebook Twitter Pinterest|Photos?\s*:|Hide Caption|Slideshow \(\d+ Images?\)|Photo$|Video$|Gallery$"
    r"|(?:AP|AFP|Reuters|Getty) Photo\b|\[(?:caption|pullquote|embed|video)\b)")
CAPTION_END = re.compile(
    r"(?:\[/(?:caption|pullquote)\]|Photograph:[^.]*|\((?:Photo|Image|Credit)s?:[^()]*\)|\bPhoto:\s*[\w .,'/&-]{1,60})\s*$")
# A credit at the end of a caption line, with no sentence end after it:
# "Supreme Court justices pose … (Jim Young/Reuters)", "… in Arizona. Christian Petersen/Getty Images".
CREDIT_END = re.compile(r"(?:\([^()]{1,60}/[^()]{1,60}\)|\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/ ?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*$")
# Links to other articles and videos: "Related: …", "READ MORE:", "( Also on POLITICO: … )",
# "Read or Share this story: …", "WATCH: …", "CLICK HERE TO GET THE FOX NEWS APP".
LINK_START = re.compile(
    r"(?:Related|RELATED|READ MORE|Read [Mm]ore|More|MORE|Also [Rr]ead|ALSO READ|See [Aa]lso|SEE ALSO|WATCH|Watch"
    r"|NOW WATCH|LISTEN|Listen|Recommended|RECOMMENDED|Top [Ss]tories|UPDATE|Update)\s*:"
    r"|\(\s*(?:Also on|Also [Rr]ead|WATCH|RELATED|Related|READ|Read|SEE|See)\b[^()]*\)\s*$"
    r"|(?:Read or Share this story|More On This|CLICK HERE|Click here|Click HERE|Watch the latest video"
    r"|For more (?:news|stories|on)\b|This article is more than)"
    r"|(?:READ MORE|Read [Mm]ore|More|MORE|Related|RELATED)\.*$")
# Newsletters, subscriptions, advertisements, copyright and follow-us lines.
SUBSCRIPTION_START = re.compile(
    r"(?:Sign up|SIGN UP|Subscribe|SUBSCRIBE|Get the Monitor|Newsletter Sign Up|Get our free|Get all the latest"
    r"|Follow (?:us|@|\w+(?: \w+)? on)|Copyright ©|Copyright \d{4}|©|\(c\) Copyright|Advertisement\b|ADVERTISEMENT\b|AD$"
    r"|Story Continued Below|Loading\.*$|CLOSE$|Support \w+['’]s\b|Content created by|All rights reserved)")
SUBSCRIPTION_END = re.compile(
    r"(?:delivered (?:daily )?to your inbox|Sign up (?:here|today|now)|reprint permission|All rights reserved)\.?\s*$")
# Bylines and sign-offs: "By MICHAEL FALCONE ( @michaelpfalcone )", "— Brett Samuels",
# "The Associated Press contributed to this report.", "Reporting by …; Editing by …".
NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
BYLINE_START = re.compile(
    rf"By\s+{NAME}(?:\s*(?:,|and|&)\s*{NAME})*\s*(?:\([^()]*\))?\s*(?:[,|]\s*[A-Z][\w .,&'’-]{{0,60}})?(?<![.!?])$"
    rf"|[—–-]+\s*{NAME}(?:\s*(?:,|and)\s*{NAME})*\.?$"
    r"|\((?:Additional )?(?:Reporting|Writing|Editing) by\b|(?:Reporting|Writing|Editing) by\b.*(?:;|Editing by)"
    r"|(?:Editor['’]s [Nn]ote|EDITOR['’]S NOTE)\b")
BYLINE_END = re.compile(r"contributed (?:reporting )?to this (?:report|story|article)\.?$")
# An author's disclaimer: "The views expressed in this commentary are the author's."
DISCLAIMER = re.compile(r"\b(?:views|opinions) expressed (?:in this (?:commentary|article|column) )?are\b")
# Separators: "___", "***", "• • •".
SEPARATOR_LINE = re.compile(r"^[\s_*•·\-–—=~#.]+$")
# A parenthetical of boilerplate inside a paragraph: "(RELATED: …)", "(Reporting by …; Editing by …)".
INLINE_BOILERPLATE = re.compile(
    r"\(\s*(?:RELATED|Related|READ MORE|Read more|WATCH|Watch|(?:Additional )?(?:Reporting|Writing|Editing) by)\b[^()]*\)")

# -- datelines --------------------------------------------------------------------------------

# News agencies and outlets named in datelines: "LONDON (Reuters) -", "(CNN)".
AGENCIES = ("Reuters|AP|AFP|CNN|UPI|dpa|DPA|Xinhua|IANS|PTI|BBC|Bloomberg|The Hill|TASS|Interfax|ANI|CBS|NBC|ABC|Fox News"
            "|WSJ|NPR|KCNA|Yonhap|Sputnik|RIA Novosti|CNSNews\\.com|CNN Business|CNNMoney|MarketWatch|Reuters Health|AP Photo")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# "WASHINGTON, March 12 -", "LONDON (Reuters) -", "PORTLAND, Ore. (AP) —", "OSAKA, Japan, April 27 -",
# "Washington (CNN) -", "(CNN)"; the place is one to four words, the region one or two.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]*(?:[ /-][A-Z][A-Za-z.'’-]*){0,3})?"
    r"(?P<region>,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?"
    rf"(?P<date>,?\s*{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    rf"(?:(?P<agency>\s*\((?:{AGENCIES})\))(?:\s*[-–—]{{1,2}}(?=\s))?|\s*[-–—]{{1,2}}(?=\s))\s*")


def is_boilerplate_line(line: str) -> bool:
    """A whole line that is no news: a caption, a link, a subscription note, a byline, a separator."""
    line = line.strip()
    if not line:
        return False
    tail = line[-TAIL:]
    if (SEPARATOR_LINE.match(line) or CAPTION_START.match(line) or CAPTION_END.search(tail) or BYLINE_START.match(line)
            or BYLINE_END.search(tail) or " expressed " in line and DISCLAIMER.search(line) or is_credit_caption(line)):
        return True
    # links and subscription notes are short, and may follow a dash or a bullet: "- Follow the Ticker on Twitter"
    core = line.lstrip("-–—•*· ")
    return len(core) < 400 and bool(LINK_START.match(core) or SUBSCRIPTION_START.match(core) or SUBSCRIPTION_END.search(core[-TAIL:]))


def is_credit_caption(line: str) -> bool:
    """A photo caption ending in its credit, no sentence end after it:
    "Supreme Court justices pose … November 30, 2018. (Jim Young/Reuters)"."""
    if "/" not in line[-TAIL:]:
        return False
    start = max(0, len(line) - TAIL)
    match = CREDIT_END.search(line, start)
    if match is None:
        return False
    return match.group().startswith("(") or match.start() > 0 and line[: match.start()].rstrip().endswith((".", ")", "”", '"'))


def dateline_length(text: str) -> int:
    """How many characters of a paragraph's start are a wire dateline (0 if none).

    A dateline needs a place in capitals, a date or an agency, and ends with a dash or, after an
    agency, at the first word ("Washington (CNN) When …"); "Obama - who …" is no dateline."""
    match = DATELINE.match(text)
    if not match or not match.group("place") and not match.group("agency"):
        return 0
    place, agency, date = (match.group(k) for k in ("place", "agency", "date"))
    capitals = place is not None and place.upper() == place and sum(c.isalpha() for c in place) >= 2
    if not (capitals or agency or date):
        return 0
    if match.end() >= len(text.rstrip()):
        return 0  # the whole paragraph: a headline in capitals, not a dateline before a sentence
    return match.end()


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of text[start:end], as spans."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        yield position, stop
        position = stop + 1



def paragraph_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of one paragraph worth parsing: runs of lines that are not boilerplate, a
    dateline at its start and boilerplate parentheticals left out."""
    run: tuple[int, int] | None = None
    pieces: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text, start, end):
        if is_boilerplate_line(text[line_start:line_end]):
            if run:
                pieces.append(run)
            run = None
        else:
            run = (run[0] if run else line_start, line_end)
    if run:
        pieces.append(run)
    for number, (piece_start, piece_end) in enumerate(pieces):
        if number == 0 and piece_start == strip_span(text, start, end)[0]:
            piece_start += dateline_length(text[piece_start:piece_end])
        position = piece_start
        for match in INLINE_BOILERPLATE.finditer(text, piece_start, piece_end):
            yield from _nonempty(text, position, match.start())
            position = match.end()
        yield from _nonempty(text, position, piece_end)


def _nonempty(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = strip_span(text, start, end)
    if start < end and any(c.isalnum() for c in text[start:end]):
        yield start, end


def article_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of ``text`` to parse, in order: its paragraphs, boilerplate left out."""
    for start, end in paragraphs(text):
        for piece_start, piece_end in paragraph_spans(text, start, end):
            yield from turn_pieces(text, piece_start, piece_end)


# -- turns of a transcript ----------------------------------------------------------------------

# A speaker label opening a turn of a transcript or interview: "Trump: I have to look …",
# "KASICH: …", "Mr. Tapper: …", "HOUSE SPEAKER NANCY PELOSI: …", "Q: …" / "A: …" (a name of up
# to three words in title case or four in capitals, an optional honorific; never digits, so
# "10:30" is no label).  What follows starts with a capital, or with any letter after capitals.
HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)"
TURN_LABEL = re.compile(
    rf"(?P<label>{HONORIFIC}?(?:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}}|[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){{0,3}})|Q|A)"
    r":[ \t]+(?P<next>[\"“‘(\[.… ]*\w)")
SENTENCE_END = re.compile(r"[.?!…][\"”’)]?\s")
# What may stand before a label inside a paragraph: a sentence end, or a dash breaking off
# the turn before ("… but — Trump: Honestly, …").
TURN_BOUNDARY = re.compile(r"(?:[.?!…][\"”’)]?|[—–]|--|\n)[ \t]*$")
# Words before a colon that head a line, a list or a section, never a speaker: "UPDATE:",
# "Related:", "Photo:", "Pros:", "Bottom Line:", "Monday:".
NOT_SPEAKERS = frozenset("""update updated related photo photos image video watch listen note source sources pros cons
    advertisement credit credits caption correction clarification disclaimer breaking exclusive analysis opinion summary
    background conclusion verdict warning tags topics question answer more also besides however meanwhile example file
    transcript here result results the this that why what how who when where but and so yes no bottom line editor
    monday tuesday wednesday thursday friday saturday sunday january february march july september october november
    december myth fact facts flashback addendum interview today tonight yesterday update read see click subscribe follow share
    advisory alert story text full details location date time price cost score final""".split())


def is_turn_label(label: str) -> bool:
    """Whether a name before a colon is a speaker's, not a heading's word ("UPDATE", "Bottom Line")."""
    return not any(word.lower().strip("'’") in NOT_SPEAKERS for word in label.split())


def turn_labels(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(label start, speech start, label) of each speaker label of text[start:end] that opens a
    turn: at the paragraph's start or after a sentence end or a dash."""
    found = []
    for match in TURN_LABEL.finditer(text, start, end):
        label = match.group("label")
        if not (match.group("next")[-1].isupper() or label.isupper() and match.group("next")[-1].isalpha()):
            continue  # "Smith: the man who …" is no turn; a label in capitals may go on in lower case
        if match.start() > start and not TURN_BOUNDARY.search(text, max(start, match.start() - 4), match.start()):
            continue
        if is_turn_label(label) and not heads_section(text, match.end(), end, label):
            found.append((match.start(), match.start("next"), label))
    return found


def heads_section(text: str, start: int, end: int, label: str) -> bool:
    """Whether a name before a colon heads a section about that person rather than their words:
    the first sentence after it names them in the third person ("CRUZ: After recently opening
    10 new campaign offices …, Cruz was able to steer …"); speakers do not name themselves."""
    stop = SENTENCE_END.search(text, start, min(end, start + 400))
    first = text[start:stop.start() if stop else min(end, start + 400)]
    surname = label.split()[-1].strip(".")
    return re.search(rf"\b{re.escape(surname)}\b", first, flags=re.IGNORECASE) is not None


def turn_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """text[start:end] cut into its turns, each without its speaker label (what the parser
    sees of "Tapper: Ok. I'm just talking about …" is "Ok. I'm just talking about …")."""
    position = start
    for label_start, speech_start, _ in turn_labels(text, start, end):
        yield from _nonempty(text, position, label_start)
        position = speech_start
    yield from _nonempty(text, position, end)
