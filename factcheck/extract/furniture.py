"""News furniture: the lines of an article that speak about the article, not claims in it.

Headlines, subheadings and standfirsts, bylines ("By Jane Doe", "Jane Doe, Reuters"), datelines
("PARIS, April 15 (Reuters) -", "BOSTON —") and credit lines ("(Reporting by ...; Editing by
...)", "The Associated Press contributed to this report.") hold no claims. `line_kinds` tells
them from body lines, `dateline` finds the dateline that opens a body paragraph, and the
`read_furniture` reads what they say (who wrote it, from where, for which wire).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Furniture, Sentence
from .signatures import ENDS_SIGNED

HEADING_MAX_WORDS = 12         # a short line with no closing punctuation is a heading anywhere
STANDFIRST_MAX_WORDS = 60      # above the body, a longer one is still a subheading or standfirst
CREDIT_MAX_WORDS = 80          # the longest credit line ("(Additional reporting by ...; Editing by ...)")
HEADER_LINES = 5               # a byline this near the top makes every line above it furniture
DATELINE_MAX_CHARS = 160       # no dateline is longer; callers hand `dateline` the first
DATELINE_REACH = 200           # DATELINE_REACH characters of a line (it can be megabytes long)
TRAILING_CREDIT_REACH = 1_000  # how far from the end of a line a credit in parentheses can start
_TERMINAL = tuple(".!?:;\"'”’)…")
_LETTERS = re.compile(r"[^\W_]")
_LOWER = re.compile(r"[a-z]")
# A clock time on its own ("9:10 p.m.", a live report's entry) or markup alone (an embed's tag).
_LABEL = re.compile(r"\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?:?|(?:<[^<>\n]{0,200}>\s*)+\.?", re.IGNORECASE)
CAPITALS_HEADING_MAX_WORDS = 8  # a line in capitals this short is a heading, full stop or not

_PARTICLES = frozenset("de da di del della der den van von le la du dos das al el bin ibn ten ter y".split())
# Words that name a newsroom job, not a person: "Staff writer X", "Jane Doe, Political Correspondent".
_ROLES = frozenset("""
writer writers reporter reporters correspondent correspondents staff editor editors producer producers
journalist journalists photographer photographers researcher researchers columnist columnists
contributor contributors stringer chief bureau desk
""".split())
# Words that make a name an organisation: "Reuters", "The Associated Press", "Xinhua News Agency".
_OUTLET_WORDS = frozenset("""
press news agency agence wire service services media network newswire television tv radio times post
journal herald tribune telegraph gazette daily broadcasting presse
""".split())
_CREDIT_TASKS = (r"(?:additional\s+|further\s+|also\s+)?(?:reporting|writing|written|editing|edited|research|"
                 r"compiled|compilation|produced|production|graphics?|photos?|photography|video|translation|"
                 r"translated|fact-checking|design|data|illustrations?|interviews)")
_TASKS_BY = re.compile(rf"{_CREDIT_TASKS}(?:\s*(?:,|and|&)\s*{_CREDIT_TASKS})*\s+by\s+(?P<names>.+)", re.I)
_CONTRIBUTED = re.compile(
    r"(?P<who>.+?)\s+(?:also\s+)?contributed(?:\s+reporting)?(?:\s+to\s+(?:this|the)\s+(?:report|story|article|piece))?"
    r"(?:\s+(?:from|in)\s+(?P<place>.+))?")
_CONTRIBUTING = re.compile(r"(?:contributing|contributors?)(?:\s+reporting)?\s*:\s*(?P<who>.+)", re.I)
_CONTRIBUTOR_HINTS = ("contributed", "contributing", "contributor", "this report", "this story", "this article")
_REPORTED_FROM = re.compile(r"(?P<who>.+?)\s+reported\s+(?:from|in)\s+(?P<place>.+)")
_MATERIAL = re.compile(r"(?:information|material|reporting)\s+(?:from|by)\s+(?P<who>.+?)\s+(?:was|were|is|are)\s+"
                       r"(?:used|included)\s+in\s+this\s+(?:report|story|article)", re.I)
_INCLUDES = re.compile(r"this\s+(?:report|story|article)\s+(?:includes|contains|uses)\s+(?:reporting|material|"
                       r"information)\s+(?:from|by)\s+(?P<who>.+)", re.I)
# Short lines that credit a picture or a source, and the wire's own boilerplate.
_SHORT_CREDIT = re.compile(
    r"""\(?\s*(?:(?:photo(?:graph)?s?|pictures?|images?|video|source|credit|graphic)\s*(?::|by\b)[^\n]*|
    [A-Z][\w.&-]*(?:\s*/\s*[A-Z][\w.&-]*)+)\s*\)?""", re.IGNORECASE | re.VERBOSE)
_BOILERPLATE = re.compile(
    r"(?:©|\(c\)\s|copyright\b)[^\n]*|all\s+rights\s+reserved\.?|this\s+material\s+may\s+not\s+be\s+published\b[^\n]*",
    re.IGNORECASE)
_FOLLOW = re.compile(r"(?:follow|find)\s+.{1,120}?\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon)\b"
                     r"[^\n]*|(?:e-?mail|twitter|contact)\s*:\s*\S*[@/]\S*", re.IGNORECASE)
_CREDIT_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])")
_TRAILING_CREDIT = re.compile(rf"\(\s*{_CREDIT_TASKS}\s[^()]*\)\s*$", re.I)

_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_SPACE = r"[ \u00a0]"
_WORDS = rf"[^\W\d_][\w.'’\-]*(?:{_SPACE}[^\W\d_][\w.'’\-]*)"
_DATELINE = re.compile(rf"""
    (?P<place>{_WORDS}{{0,3}})
    (?P<region>(?:,{_SPACE}+{_WORDS}{{0,2}}){{0,2}}?)
    (?P<date>,{_SPACE}+(?:{_MONTHS}{_SPACE}+\d{{1,2}}|\d{{1,2}}{_SPACE}+{_MONTHS}|{_WEEKDAYS})(?:,?{_SPACE}+\d{{4}})?)?
    (?:{_SPACE}*\((?P<wire>[^()\n\d]{{1,40}})\))?
    (?:{_SPACE}*(?P<dash>--|-|:)|{_SPACE}*(?P<long>[–—―]))
    """, re.VERBOSE)
_DATELINE_ENDS = ("-", ":", "–", "—", "―")  # every dateline ends with one of them (its last group)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a body line: where it ends (after its dash), the place as
    written ("MAE SAI, Thailand") and the wire in parentheses, if any ("Reuters")."""

    end: int
    place: str
    wire: str | None


def read_furniture(sentences: list[Sentence]) -> Furniture:
    """What the article's byline, dateline and credit lines say about it. The wire comes from
    the dateline, else from a credit line, else from the byline's affiliation."""
    byline = dateline_place = None
    wires: dict[str, str] = {}
    for sentence in sentences:
        if sentence.kind == "byline" and byline is None:
            names, affiliation = byline_parts(sentence.text) or (None, None)
            byline = names
            if affiliation and wire_of(affiliation):
                wires.setdefault("byline", wire_of(affiliation))
        elif sentence.kind == "dateline" and dateline_place is None:
            found = dateline_parts(sentence.text)
            if found is not None:
                dateline_place = found.place
                if found.wire:
                    wires.setdefault("dateline", found.wire)
        elif sentence.kind == "credit":
            for who in contributors(sentence.text) or []:
                if wire_of(who):
                    wires.setdefault("credit", wire_of(who))
    wire = next((wires[k] for k in ("dateline", "credit", "byline") if k in wires), None)
    return Furniture(byline, dateline_place, wire)


def line_kinds(lines: list[str], blank_after: list[bool]) -> list[str]:
    """The kind of each line of an article: headline, subheading, byline, credit, label or sentence.

    Lines are paragraphs, stripped of surrounding space; `blank_after` says which ones a blank
    line follows. Above the first body line, a line with no closing punctuation is a heading at
    any length (a standfirst); a byline near the top makes every line above it furniture too.
    """
    kinds: list[str] = []
    opening = True
    for number, line in enumerate(lines):
        kinds.append(_line_kind(line, number, blank_after[number], opening))
        opening = opening and kinds[-1] != "sentence"
    byline = next((i for i, kind in enumerate(kinds[:HEADER_LINES]) if kind == "byline"), 0)
    for i in range(byline):
        if kinds[i] == "sentence" and len(lines[i].split()) <= STANDFIRST_MAX_WORDS:
            kinds[i] = "headline" if i == 0 else "subheading"
    return kinds


def _line_kind(line: str, number: int, next_is_blank: bool, opening: bool) -> str:
    """The kind of one line; `opening`: no body line comes before it."""
    words = _word_count(line, STANDFIRST_MAX_WORDS)
    if is_credit(line):
        return "credit"
    if not _LETTERS.search(line) or words <= 1 and line.endswith(_TERMINAL) or _LABEL.fullmatch(line):
        return "label"  # "___.", "ABSTRACT.", "Getty.", "9:10 p.m.", an embed's tag: never a claim
    if words <= CAPITALS_HEADING_MAX_WORDS and not _LOWER.search(line) and dateline(line, first=True) is None:
        return "subheading"  # "GOING BROKE FOR RUBIO.": a section heading in capitals
    if byline_parts(line, opening or number < HEADER_LINES) is not None:
        return "byline"
    unpunctuated = not line.endswith(_TERMINAL) and not ENDS_SIGNED.search(line) and (words <= HEADING_MAX_WORDS
                                                     or opening and words <= STANDFIRST_MAX_WORDS)
    set_apart = number == 0 and next_is_blank and words <= 2 * HEADING_MAX_WORDS
    if (unpunctuated or set_apart) and dateline(line, first=True) is None:  # a headline never opens with one
        return "headline" if number == 0 else "subheading"
    return "sentence"


def _word_count(line: str, most: int) -> int:
    """How many words `line` holds, counted no further than most + 1: a paragraph is not split
    into all its words to learn that it is longer than a heading."""
    return len(line.split(None, most))


def is_credit(line: str) -> bool:
    """Whether the line credits the people, pictures or wires behind the report."""
    words = _word_count(line, CREDIT_MAX_WORDS)
    if words > CREDIT_MAX_WORDS:
        return False
    if words <= 8 and _SHORT_CREDIT.fullmatch(line):
        return True
    if words <= 40 and (_BOILERPLATE.fullmatch(line) or _FOLLOW.fullmatch(line)):
        return True
    lowered = line.lower()
    return (" by " in lowered or lowered.startswith("by ")) and bool(_task_credits(line)) or (
        any(hint in lowered for hint in _CONTRIBUTOR_HINTS) and contributors(line) is not None)


def trailing_credit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a parenthesised credit ends the body line text[start:end] ("... he said.
    (Reporting by X)"), if one does: its (start, end)."""
    tail = max(start, end - TRAILING_CREDIT_REACH)
    found = _TRAILING_CREDIT.search(text, tail, end)
    if not found or found.start() == start or not _task_credits(found.group()):
        return None
    return found.start(), end


def _task_credits(line: str) -> list[str]:
    """The names of "(Reporting by A and B in Paris; Editing by C)", or [] if the line is not that."""
    pieces = [p.strip(" .") for p in _unwrap(line).split(";")]
    names = []
    for piece in pieces:
        found = _TASKS_BY.fullmatch(piece)
        if not found or not _is_names(found["names"], extra={"in", "from", "at", "and"}):
            return []
        names.append(found["names"])
    return names


def contributors(line: str) -> list[str] | None:
    """Who "contributed to this report" in a contributor line (one or more sentences of credit),
    or None if the line is not one."""
    sentences = [s.strip(" .") for s in _CREDIT_SENTENCE_BREAK.split(_unwrap(line))]
    who, contributed = [], False
    for sentence in sentences:
        for pattern in (_CONTRIBUTED, _CONTRIBUTING, _MATERIAL, _INCLUDES, _REPORTED_FROM):
            found = pattern.fullmatch(sentence)
            if found and _is_names(found["who"], extra=_ROLES | {"the", "and", "also", "in", "from", "at"}) and (
                    "place" not in found.groupdict() or not found["place"] or _is_names(found["place"])):
                who.append(found["who"])
                contributed = contributed or pattern is not _REPORTED_FROM
                break
        else:
            return None
    return who if contributed else None


def byline_parts(line: str, opening: bool = True) -> tuple[str, str | None] | None:
    """(names, affiliation) of a byline ("By Jane Doe and John Roe, Reuters"; above the body
    also "Jane Doe, Reuters"), or None if the line is not one."""
    if _word_count(line, HEADING_MAX_WORDS) > HEADING_MAX_WORDS or line.endswith((".", "!", "?", ":", ";")) and not line.endswith(" Jr."):
        return None
    by = re.match(r"(?:by|BY|By)\s+", line)
    rest = line[by.end():] if by else line
    names, affiliation = rest, None
    split = re.search(r"\s*(?:,|\||/|\s[-–—])\s*(?=[^,|/]*$)", rest)
    if split and _is_affiliation(rest[split.end():]):
        names, affiliation = rest[:split.start()], rest[split.end():]
    names = re.sub(r"\s+(?:in|at)\s+[A-Z][\w .'’-]*$", "", names) if by else names
    if not _is_names(names, extra={"and"}) or not (by or opening and affiliation and len(names.split()) >= 2):
        return None
    return names.strip(), affiliation


def dateline(line: str, first: bool) -> Dateline | None:
    """The dateline that opens a body line, if any. A bare "BOSTON —" counts only in the first
    body paragraph (`first`); elsewhere a dateline needs a region, a date or a wire."""
    found = _dateline(line, first)
    if found is None:
        return None
    gap = len(line[found.end:]) - len(line[found.end:].lstrip(" \u00a0"))
    rest = line[found.end + gap:found.end + gap + 1]
    if gap == 0 and line[found.end - 1] in "-:" or not (rest.isupper() or rest.isdigit() or rest in "\"'“‘"):
        return None  # "NEW-YORK" is no dateline, and a sentence follows one
    return found


def dateline_parts(text: str) -> Dateline | None:
    """The place and wire of a dateline standing alone (a "dateline" sentence)."""
    found = _dateline(text, first=True)
    return found if found is not None and found.end == len(text) else None


def _dateline(line: str, first: bool) -> Dateline | None:
    head = line[:DATELINE_MAX_CHARS]
    if not any(mark in head for mark in _DATELINE_ENDS):
        return None  # most body lines: no dash or colon early on, so no dateline, and no match tried
    found = _DATELINE.match(line, 0, DATELINE_MAX_CHARS)
    if not found or not found["place"]:
        return None
    place, region, date, wire = found["place"].split(), found["region"], found["date"], found["wire"]
    capitals = all(w.upper() == w for w in place) and sum(c.isalpha() for c in found["place"]) > 1
    if not all(w[0].isupper() for w in place) or not capitals and not (date or wire):
        return None
    if found["dash"] == ":" and not (capitals and (date or wire)):
        return None
    if any(not w[0].isupper() or (w.isupper() and "." not in w and len(w) > 2) for w in region.replace(",", " ").split()):
        return None  # "IOWA POLLS NOT WRONG, BUT TOO EARLY -" is a run-in heading
    if not (region or date or wire) and (not first or len(place) > 3):
        return None
    if wire and not _is_names(wire, extra={"and", "&"}, lower_ok=True):
        return None
    return Dateline(found.end(), line[found.start("place"):found.end("region")], wire.strip() if wire else None)


def is_outlet(name: str) -> bool:
    """Whether a name reads as an organisation ("Reuters", "The Associated Press", "AFP")
    rather than a person ("Jane Doe")."""
    words = name.split()
    if not words:
        return False
    return (words[0].lower() == "the" or len(words) == 1 or any(w.lower() in _OUTLET_WORDS for w in words)
            or all(w.isupper() for w in words))


def wire_of(who: str) -> str | None:
    """The wire in a contributor or an affiliation: "The Associated Press" -> itself,
    "Associated Press writer Jill Colvin" -> "Associated Press", "Staff writer X" and
    "Paris correspondent" -> None (before a job, only a name that reads as a newsroom counts)."""
    words = who.split()
    role = next((i for i, w in enumerate(words) if w.lower() in _ROLES), None)
    name = " ".join(words if role is None else words[:role])
    if not name or " and " in f" {name} " or not is_outlet(name):
        return None
    if role is not None and len(words[:role]) == 1 and not name.isupper():
        return None  # "Paris correspondent": a place or a desk as often as a wire
    return name


def same_outlet(one: str | None, other: str | None) -> bool:
    """Whether two names of a news organisation name the same one ("The Associated Press",
    "AP"; "Reuters", "Reuters Health")."""
    if not one or not other:
        return False
    a, b = _outlet_words(one), _outlet_words(other)
    if not a or not b:
        return False
    if a == b or set(a) <= set(b) or set(b) <= set(a):
        return True
    return "".join(w[0] for w in a) == "".join(b) or "".join(w[0] for w in b) == "".join(a)


def _outlet_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", name.lower().strip(" .,'’\"")) if w and w not in ("the", "of")]


def _unwrap(line: str) -> str:
    """The line without enclosing parentheses or a leading dash."""
    line = line.strip().lstrip("-–—― ").strip()
    while line.startswith("(") and line.endswith((")", ").")):
        line = line[1:].rstrip(".")[:-1].strip()
    return line


def _is_affiliation(text: str) -> bool:
    words = text.split()
    return bool(words) and len(words) <= 6 and all(w[0].isupper() or w.lower() in _ROLES for w in words) and (
        is_outlet(text) or any(w.lower() in _ROLES for w in words))


def _is_names(text: str, extra: frozenset[str] | set[str] = frozenset(), lower_ok: bool = False) -> bool:
    """Whether `text` is only names: capitalised words (and particles, commas, `extra` words)."""
    tokens = re.findall(r"[^\s,&]+|[,&]", text)
    if not tokens or tokens[-1] in (",", "&", "and"):
        return False
    capitalised = 0
    for token in tokens:
        if token in (",", "&") or token.lower() in extra or token in _PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(token) or not (token[0].isupper() or lower_ok):
            return False
        capitalised += 1
    return capitalised > 0 and len(tokens) <= 40
