"""Speaker labels: "Lynch: No outside influence" in a headline, "BENENSON: Senator Sanders doesn't ..."
opening a paragraph of a transcript or an interview ("Q:", "A:"). The label is the source, the
colon the cue, and what follows the speaker's words, to the end of the paragraph.
"""
from __future__ import annotations

from .content import QUOTE
from .frame import Frame
from .tokens import Token, Tokens

MAX_SPEAKER_WORDS = 5  # "Dr. Ben Carson:", "NY Daily News:": a speaker's name before a colon
MAX_TURN_LABEL_WORDS = 3  # "JOEL BENENSON:", "Q:": a label opening a paragraph of a transcript
MIN_TURN_WORDS = 3  # words after a turn's label
# Kickers: the newsroom labels a headline or paragraph opens with before a colon, which nobody says.
KICKERS = frozenset("""the latest|breaking|breaking news|exclusive|revealed|wow|look|watch|boom|busted|bombshell|
byline|update|live|just in|analysis|opinion|fact check|editorial|correction|video|photos|poll update|related|
read more|see also|note|editor's note|editor’s note|source|sources|credit|photo|caption|warning|spoiler|
background|context|clarification|disclosure|transcript|full text|abstract|summary|tags|topics|share|
contributing|contributors|reporting|additional reporting|total|the total|results|where|when|what|who|why|how""".replace(
    "\n", "").split("|"))
_NAME_MARKS = frozenset(".-'’")


def speaker_colon(tokens: list[Token], max_words: int = MAX_SPEAKER_WORDS) -> int | None:
    """The index of the colon after a speaker's label that opens `tokens`, with two words or more
    after it, else None."""
    colon = next((k for k, t in enumerate(tokens[:max_words + 2]) if t.text == ":"), None)
    if not colon:
        return None
    label, rest = tokens[:colon], tokens[colon + 1:]
    named = " ".join(t.lower for t in label)
    if (sum(t.is_word for t in label) > max_words or not label[0].capitalised or named in KICKERS
            or not all(t.is_word or t.text in _NAME_MARKS for t in label) or sum(t.is_word for t in rest) < 2):
        return None
    return colon


def turn_frame(article: Tokens, start: int, end: int) -> Frame | None:
    """The frame of a paragraph-opening sentence article.text[start:end] that starts with a speaker's
    label ("BENENSON: ..."), every word of it capitalised; None otherwise."""
    text = article.text
    opening = text.rfind("\n", 0, start)
    if text[opening + 1:start].strip():
        return None  # not the first sentence of its paragraph
    tokens = article.between(start, end)
    colon = speaker_colon(tokens, MAX_TURN_LABEL_WORDS)
    if colon is None or not all(t.capitalised for t in tokens[:colon] if t.is_word):
        return None
    rest = tokens[colon + 1:]
    if sum(t.is_word and t.text[0].isalpha() for t in rest) < MIN_TURN_WORDS:
        return None  # "Clinton: 547.": a tally, not a turn
    return Frame((tokens[colon].start, tokens[colon].end), (tokens[0].start, tokens[colon - 1].end),
                 [(rest[0].start, rest[-1].end)], kind=QUOTE)
