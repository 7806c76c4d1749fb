"""Clause splitting: one sentence's run of content cut into the clauses that can be checked apart.

"About 400 firefighters fought the blaze, and one of them was seriously injured" is two claims,
and so are a second verb phrase of one subject ("... in the attic and burned for some 15
hours"), a gapped clause ("... on Sunday and four more on Monday"), a comment clause with a fact
of its own (", which was still burning", ", killing three people", ", 20 of them critically"),
and a "when" clause reporting an event of its own.  Every piece is an offset pair.
"""
from __future__ import annotations

import re

from .segment import strip_space
from .tokens import Token, Tokens

# Words that open a noun phrase, so may open the subject of a new clause.
_SUBJECT_START = frozenset("""
a an the this that these those his her its their our my some another one two three four five six
seven eight nine ten dozens hundreds thousands most many several all both none each few more
""".split())
_PRONOUNS = frozenset("he she they we i it there".split())
# Words a subject never runs across before its verb.
_SUBJECT_STOP = frozenset("that which who whom whose where when what and or but to if as".split())
# Prepositions that open a fronted adverbial: ", and by evening the last of them had been ..."
_FRONTING = frozenset("by on in at after before within during".split())
_AUX = frozenset("""
is are was were has have had will would could can did does do may might must should shall
isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't didn't doesn't don't
""".split())
_IRREGULAR_PAST = frozenset("""
got went came made took saw ran fled shot left told found gave held kept said sent put set
began brought bought built caught drove fell felt fought hit knew led lost met paid rose sold
stood struck thought threw won wrote spread broke tore sank swept hurt cut been seen done gone
taken given known shown
""".split())
# Participles that add an outcome of their own after a comma (", killing three people").
_OUTCOMES = ("killing injuring wounding leaving ending trapping forcing prompting sparking causing "
             "destroying damaging sending bringing cutting stranding displacing halting blocking").split()
_COUNT = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|all)\b"
_BOUND = r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|up\s+to\s+)?"
# The comma or first space, then the rest ("(,?)\s+" and ";\s+|\s+" as they read): a pattern that
# opens with one character class lets the regex engine skip to the next candidate (segment._END).
_COORDINATOR = re.compile(r"([,\s])(?:(?<=,)\s+|(?<!,)\s*)(?:and|but|while|whereas)\s+")
_HARD_BREAK = re.compile(r"[;\s](?:(?<=;)\s+|(?<!;)\s*[-–—]+\s+)")
_WHEN = re.compile(r"\s+when\s+|,\s+after\s+")
# A comment clause after a comma that reports a checkable fact of its own: a non-restrictive
# relative (", which was still burning"), an outcome participle, a participle with a count
# (not the prepositions "including", "following"), or a share of a count (", 20 of them ...").
_ADDED_CLAUSE = re.compile(
    r",\s+(?=(?:which|who|where|to\s+which)\s"
    rf"|(?:{'|'.join(_OUTCOMES)})\s"
    rf"|(?!(?:includ|exclud|accord|follow|regard)ing\b)\w+ing\s+{_BOUND}{_COUNT}"
    rf"|{_BOUND}{_COUNT}\s+of\s+them\b)")
# A second outcome joined to the first: "killing four people and wounding more than 130".
_AND_OUTCOME = re.compile(rf"\s\s*and\s+(?=(?:{'|'.join(_OUTCOMES)})\s)")  # \s\s*: see segment._END
MIN_WORDS_BEFORE_VERB_PHRASE = 4  # "people wept and sang": too short a pair to split
MIN_WORDS_OF_VERB_PHRASE = 3


def split_clauses(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Split tokens.text[start:end] into its clauses."""
    text = tokens.text
    joins = list(_joins(text, start, end))
    if not joins:  # most runs: one clause, no _Before to grow
        piece = strip_space(text, start, end)
        return [piece] if piece[0] < piece[1] else []
    if len(joins) > 1:
        joins.sort(key=lambda join: join[0].start())
    pieces, cursor = [], start
    before = _Before(tokens, start)
    for join, kind in joins:
        if join.start() < cursor:
            continue
        before.advance(join.start())
        after = tokens.first_words(join.end(), end, 8)
        if _splits(kind, join, before, after, before.quoted()):
            piece = strip_space(text, cursor, join.start())
            if piece[0] < piece[1]:
                pieces.append(piece)
            cursor = join.end()
            before = _Before(tokens, cursor)
    piece = strip_space(text, cursor, end)
    if piece[0] < piece[1]:
        pieces.append(piece)
    return pieces


def _joins(text: str, start: int, end: int):
    piece = text[start:end]
    comma, conjunction = "," in piece, "and" in piece
    coordinator = conjunction or "but" in piece or "while" in piece or "whereas" in piece
    hard = ";" in piece or "-" in piece or "–" in piece or "—" in piece
    when = "when" in piece or (comma and "after" in piece)
    # a pattern whose fixed characters the stretch lacks cannot match: its scan is skipped
    for pattern, kind, may in ((_COORDINATOR, "coordinator", coordinator), (_HARD_BREAK, "hard", hard),
                               (_WHEN, "when", when), (_ADDED_CLAUSE, "added", comma),
                               (_AND_OUTCOME, "added", conjunction)):
        if may:
            for match in pattern.finditer(text, start, end):
                yield match, kind


def _splits(kind: str, join: re.Match, before: _Before, after: list[Token], quoted: bool) -> bool:
    """Whether the text on either side of `join` holds a clause of its own."""
    if not before or not after:
        return False
    if kind == "hard":
        return not quoted
    if kind == "added":
        return not quoted and len(before) >= 3  # "..., which" needs a clause before it
    if not before.verb:
        return False
    if kind == "when":
        return not quoted and _starts_clause(after, bare_noun=True)
    comma = join.group(1) == ","
    if _starts_clause(after, bare_noun=comma):
        return comma or not quoted
    if quoted:
        return False  # inside a quotation, only main clauses are split
    if _is_verb(after[0]):  # a second verb phrase of the same subject
        return len(before) >= MIN_WORDS_BEFORE_VERB_PHRASE and len(after) >= MIN_WORDS_OF_VERB_PHRASE
    # gapping: "... on Sunday and four more on Monday"
    counted = after[0].number is not None or after[0].lower in _SUBJECT_START
    return counted and len(after) >= 2 and after[1].lower == "more"


class _Before:
    """What the words from a clause's start up to a join hold, grown as the joins go right,
    so a sentence of many joins is read once."""

    def __init__(self, tokens: Tokens, start: int) -> None:
        self.tokens, self.start, self.position = tokens, start, start
        self.words, self.verb = 0, False
        self.opening = self.closing = self.straight = 0

    def advance(self, position: int) -> None:
        text = self.tokens.text
        for token in self.tokens.between(self.position, position):
            if token.is_word:
                self.words += 1
                self.verb = self.verb or _is_verb(token)
        self.opening += text.count("“", self.position, position)
        self.closing += text.count("”", self.position, position)
        self.straight += text.count('"', self.position, position)
        self.position = max(self.position, position)

    def __len__(self) -> int:
        return self.words

    def quoted(self) -> bool:
        """Whether a quotation opened since the start is still open."""
        return self.opening > self.closing or self.straight % 2 == 1


def _starts_clause(words: list[Token], bare_noun: bool = False) -> bool:
    """Whether `words` begin a clause: a subject, then a finite verb.

    The subject opens with a determiner, a number, a pronoun or a name; with `bare_noun`
    (after a comma), any noun will do, and a fronted adverbial may come first.
    """
    if not words:
        return False
    first = words[0].lower
    if bare_noun and first in _FRONTING:
        return any(_starts_clause(words[k:]) for k in range(2, 5) if k < len(words) and words[k].lower in _SUBJECT_START)
    if first in _PRONOUNS:
        return len(words) > 1 and _is_verb(words[1])
    opens = first in _SUBJECT_START or words[0].capitalised or words[0].number is not None
    if not opens and (not bare_noun or _is_verb(words[0]) or first in _SUBJECT_STOP or first in _FRONTING):
        return False
    for word in words[1:8]:
        if _is_verb(word):
            return True
        if word.lower in _SUBJECT_STOP:
            return False
    return False


def _is_verb(word: Token) -> bool:
    lower = word.lower
    return (lower in _AUX or lower in _IRREGULAR_PAST
            or (lower.endswith("ed") and len(lower) > 4 and not word.capitalised))

