"""Sentence splitting that never changes the text: every sentence is an offset pair."""
from __future__ import annotations

import re

from ..model import Sentence
from .furniture import DATELINE_REACH, dateline, line_kinds, trailing_credit
from .lexicon import INVERTING

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen gov sen rep st jr sr lt col sgt capt cmdr adm maj rev hon mt ft
inc corp co ltd bros vs no nos fig jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.u d.c a.m p.m e.g i.e etc al approx dept est
""".split())

# One mark, then the rest: a pattern that opens with a single character class lets the regex
# engine skip straight to the next mark instead of trying every position of the line.
_END = re.compile(r"""[.!?…][.!?…]*['"’”)\]]*(?=\s|$)""")
_BRACKET = re.compile(r"\s*\(")
_NEXT_START = re.compile(r"""\s+['"“‘(\[]*[A-Z0-9]""")
_LINE = re.compile(r"[^\n]+")
_NEXT_WORD = re.compile(r"\s*(\S+)")
# After "p.m." a capitalised word starts a new sentence unless it goes on telling the time.
_CLOCK_ABBREVIATIONS = frozenset(("a.m", "p.m"))
_TIME_CONTINUES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
et edt est ct cdt cst pt pdt pst mt gmt bst utc cet cest local
""".split())
# Longer than any news sentence (the longest of 34,000 in the corpora has 1,094 characters); a
# stretch with no sentence end beyond it is cut at a space, so no sentence makes extraction slow.
MAX_SENTENCE_CHARS = 2_000
# Abbreviations that also end sentences ("moved to the U.S. It now ..."): a break when the next
# word is one that opens sentences, none when it goes on a name ("U.S. Army", "Acme Inc. shares").
_ALSO_FINAL = frozenset("u.s u.k u.n e.u d.c inc corp co ltd bros jr sr etc".split())
_OPENERS = frozenset("""
the a an it its he she they we i his her their our this that these those there here but and
so yet however in on at by for from after before when while as if meanwhile still no one two
some many most all both several police officials authorities
""".split())
# A quoted question or exclamation goes on when its speaker follows: '"Can we win?" Mr. Lane asked.'
_SPEECH_TAG = re.compile(r"""\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s+|[^\s,.;:!?"“”]+\s+){1,5}?(?:%s)(?=[\s.,;:!?]|$)""" % "|".join(
    sorted(INVERTING | {"asks", "wondered", "shouted", "yelled", "responded", "demanded", "joked", "quipped"})))
_QUOTED_ASKING = re.compile(r"""[?!]+['"’”]+$""")
_QUOTED_STATEMENT = re.compile(r"""\.['"’”]+$""")
# Abbreviations only before a number: "p. 55", "No. 4" (but "He said no. The ...").
_BEFORE_NUMBER = frozenset("p pp no nos vol art sec ch".split())
_LIST_NUMBER = re.compile(r"(?:^|[:;.!?]\s+)\d{1,2}$")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, marking the news furniture (see furniture.py).

    Each line is a paragraph; a line can hold several sentences. Headlines, subheadings,
    bylines and credit lines are sentences of their own kind, and so is the dateline that
    opens the first body paragraph ("PARIS, April 15 (Reuters) -"): the first sentence
    starts after its dash.
    """
    sentences: list[Sentence] = []
    lines = []
    for line in _LINE.finditer(text):
        start, end = strip_space(text, line.start(), line.end())
        if start < end:
            lines.append((start, end))
    kinds = line_kinds([text[s:e] for s, e in lines], [_blank_follows(text, e) for _, e in lines])
    first = True
    for (start, end), kind in zip(lines, kinds):
        if kind != "sentence":
            sentences.append(Sentence(start, end, text[start:end], kind))
            continue
        found = dateline(text[start:min(end, start + DATELINE_REACH)], first)  # lines can be megabytes long
        first = False
        if found is not None:
            sentences.append(Sentence(start, start + found.end, text[start:start + found.end], "dateline"))
            start = strip_space(text, start + found.end, end)[0]
        credit = trailing_credit(text, start, end)
        for sentence_start, sentence_end in _sentence_bounds(text, start, credit[0] if credit else end):
            for piece_start, piece_end in _pieces(text, sentence_start, sentence_end):
                sentences.append(Sentence(piece_start, piece_end, text[piece_start:piece_end]))
        if credit is not None:
            sentences.append(Sentence(*credit, text[credit[0]:credit[1]], "credit"))
    return sentences


def strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) narrowed past white space at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blank_follows(text: str, end: int) -> bool:
    rest = text[end:end + 4]
    return rest.startswith("\n\n") or rest.startswith("\r\n\r\n")


def _closing_tag(line: str, stop: int) -> bool:
    """Whether a speech tag that ends its sentence follows at `stop` ("Trump said.", "he added,")."""
    tag = _SPEECH_TAG.match(line, stop)
    return tag is not None and line[tag.end():tag.end() + 1] in (".", ",")


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
        if _QUOTED_ASKING.search(match.group()) and _SPEECH_TAG.match(line, stop):
            continue
        if _QUOTED_STATEMENT.search(match.group()) and _closing_tag(line, stop):
            continue  # '"We won." Trump said.': a full stop inside the quotation, its speaker after it
        piece = strip_space(text, start + cursor, start + stop)
        if piece[0] < piece[1]:
            yield piece
        cursor = stop
    piece = strip_space(text, start + cursor, end)
    if piece[0] < piece[1]:
        yield piece


def _pieces(text: str, start: int, end: int):
    """(start, end) of each piece of one sentence, cut at a space when it is over MAX_SENTENCE_CHARS."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        piece = strip_space(text, start, cut)
        if piece[0] < piece[1]:
            yield piece
        start = strip_space(text, cut, end)[0]
    if start < end:
        yield start, end


def _word_before(line: str, dot: int) -> str:
    """The word (dots inside it kept: "U.S", "p.m") that ends at the full stop line[dot], at most
    40 characters back; "" when none does. A walk back, where a regex would try every start."""
    start, floor = dot, max(0, dot - 40)
    while start > floor and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    return line[start:dot]


def _is_abbreviation(line: str, dot: int, mark: str) -> bool:
    if not mark.startswith(".") or mark.startswith(".."):
        return False
    word = _word_before(line, dot)
    if not word:
        return False
    lower = word.lower()
    following = _NEXT_WORD.match(line, dot + len(mark))  # not a slice: lines can be megabytes long
    next_word = following.group(1).strip("\"'“‘(").rstrip(".,") if following else ""
    if lower in _CLOCK_ABBREVIATIONS:  # "at 8:55 p.m. (1755 GMT) near": the bracket gives the time again
        return bool(next_word) and next_word.lower() in _TIME_CONTINUES or bool(_BRACKET.match(line, dot + len(mark)))
    if lower in _ALSO_FINAL:
        return next_word.lower() not in _OPENERS
    if lower in _BEFORE_NUMBER:
        return next_word[:1].isdigit()
    if word.isdigit() and _LIST_NUMBER.search(line, 0, dot):
        return True  # a list number: "1. Close the valve"
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return lower in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))
