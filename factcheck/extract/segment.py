"""Sentence and clause splitting that never changes the text: every piece is an offset pair."""
from __future__ import annotations

import re

from ..model import Sentence
from .tokens import Token, Tokens

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen gov sen rep st jr sr lt col sgt capt cmdr adm maj rev hon mt ft
inc corp co ltd bros vs no nos fig jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.u d.c a.m p.m e.g i.e etc al approx dept est
""".split())

_END = re.compile(r"""[.!?]+['"’”)\]]*(?=\s)|[.!?]+['"’”)\]]*$""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.+$")
_NEXT_START = re.compile(r"""\s+['"“‘(\[]*[A-Z0-9]""")
_LINE = re.compile(r"[^\n]+")
_CREDIT = re.compile(
    r"""^\(?\s*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|photo(?:graph)?s?|
    images?|video|source|credit|copyright)\b[^\n]*|©[^\n]*|[A-Z][\w.&-]*(?:\s*/\s*[A-Z][\w.&-]*)+)\s*\)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = tuple(".!?:;\"'”’)…")
HEADING_MAX_WORDS = 12


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, marking headlines, subheadings and credit lines.

    Each line is a paragraph; a line can hold several sentences.  A short line with no
    closing punctuation is a heading (the first one a headline), and lines such as
    "Reuters/PA" or "(Reporting by ...)" are credits.
    """
    sentences: list[Sentence] = []
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    for number, line in enumerate(lines):
        start, end = _strip(text, line.start(), line.end())
        kind = _line_kind(text[start:end], number, next_is_blank=_blank_follows(text, end))
        if kind != "sentence":
            sentences.append(Sentence(start, end, text[start:end], kind))
            continue
        for piece_start, piece_end in _sentence_bounds(text, start, end):
            sentences.append(Sentence(piece_start, piece_end, text[piece_start:piece_end]))
    return sentences


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blank_follows(text: str, end: int) -> bool:
    rest = text[end:end + 4]
    return rest.startswith("\n\n") or rest.startswith("\r\n\r\n")


def _line_kind(line: str, number: int, next_is_blank: bool) -> str:
    words = line.split()
    if len(words) <= 8 and _CREDIT.match(line):
        return "credit"
    short = len(words) <= HEADING_MAX_WORDS
    if short and not line.endswith(_TERMINAL):
        return "headline" if number == 0 else "subheading"
    if number == 0 and next_is_blank and len(words) <= 2 * HEADING_MAX_WORDS:
        return "headline"
    return "sentence"


def _sentence_bounds(text: str, start: int, end: int):
    """(start, end) of each sentence inside one line."""
    line = text[start:end]
    cursor = 0
    for match in _END.finditer(line):
        stop = match.end()
        if not _NEXT_START.match(line, stop) and stop < len(line):
            continue
        if _is_abbreviation(line, match.start(), match.group()):
            continue
        piece = _strip(text, start + cursor, start + stop)
        if piece[0] < piece[1]:
            yield piece
        cursor = stop
    piece = _strip(text, start + cursor, end)
    if piece[0] < piece[1]:
        yield piece


def _is_abbreviation(line: str, dot: int, mark: str) -> bool:
    if not mark.startswith(".") or mark.startswith(".."):
        return False
    found = _WORD_BEFORE.search(line, max(0, dot - 40), dot + 1)
    if not found:
        return False
    word = found.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower() in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


# A new clause after "and"/"but": a subject (determiner or pronoun, a few words) then a verb.
_SUBJECT_START = frozenset("a an the this that these those his her its their our my some another".split())
_PRONOUNS = frozenset("he she they we i it there".split())
_FUNCTION = frozenset(
    "that which who whom whose where when what and or but of to in on at for with by from as if".split())
_AUX = frozenset("""
is are was were has have had will would could can did does do may might must should shall
""".split())
_IRREGULAR_PAST = frozenset("""
got went came made took saw ran fled shot left told found gave held kept said sent put set
began brought bought built caught drove fell felt fought hit knew led lost met paid rose sold
stood struck thought threw took won wrote
""".split())
_CLAUSE_JOIN = re.compile(r",?\s+(?:and|but|while|whereas)\s+|;\s+|\s+[-–—]+\s+")
# A comment clause after a comma that reports a checkable fact of its own: a non-restrictive
# relative (", which was still burning") or a participle with a count (", killing three people";
# not the prepositions "including", "following").
_ADDED_CLAUSE = re.compile(r",\s+(?=(?:which|who|where)\s|(?!(?:includ|exclud|accord|follow|regard)ing\b)\w+ing\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?"
                           r"(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens\b|hundreds\b|all\b))")


def split_clauses(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Split tokens.text[start:end] at coordinators that join independent clauses."""
    text = tokens.text
    pieces, cursor = [], start
    joins = sorted([(m, False) for m in _CLAUSE_JOIN.finditer(text, start, end)]
                   + [(m, True) for m in _ADDED_CLAUSE.finditer(text, start, end)], key=lambda j: j[0].start())
    for join, added in joins:
        if join.start() < cursor or _inside_quote(text, cursor, join.start()):
            continue
        hard_break = join.group().strip()[:1] in (";", "-", "–", "—")
        before = tokens.words(cursor, join.start())
        if hard_break or (added and len(before) >= 3) or (  # "..., which" needs a clause before it
                _has_verb(before) and _starts_clause(tokens.words(join.end(), end)[:6])):
            piece = _strip(text, cursor, join.start())
            if piece[0] < piece[1]:
                pieces.append(piece)
            cursor = join.end()
    piece = _strip(text, cursor, end)
    if piece[0] < piece[1]:
        pieces.append(piece)
    return pieces


def _inside_quote(text: str, start: int, position: int) -> bool:
    segment = text[start:position]
    return segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1


def _starts_clause(words: list[Token]) -> bool:
    """Whether the words after a coordinator begin a clause: a subject, then a verb."""
    if not words:
        return False
    first = words[0].lower
    if first in _PRONOUNS:
        return len(words) > 1 and _is_verb(words[1])
    if first not in _SUBJECT_START and not words[0].capitalised:
        return False
    for word in words[1:5]:
        if _is_verb(word):
            return True
        if word.lower in _FUNCTION:
            return False
    return False


def _has_verb(words: list[Token]) -> bool:
    return any(_is_verb(w) for w in words)


def _is_verb(word: Token) -> bool:
    lower = word.lower
    return (lower in _AUX or lower in _IRREGULAR_PAST
            or (lower.endswith("ed") and len(lower) > 4 and not word.capitalised))
