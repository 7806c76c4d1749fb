"""Markdown's inline marks shown as text: links by their words, emphasis and code unmarked.

Linear in the length of the paragraph, whatever it holds: code spans are paired by the length
of their backtick runs, emphasis by a stack of opening delimiter runs (CommonMark's flanking
rules, simplified), and every pattern stops at the next opening bracket, so a megabyte of
unmatched "*" or "[" costs no more than a megabyte of words.
"""
from __future__ import annotations

import re

_TEXT = r"[^\[\]\n]"  # link text never spans another bracket, so a failed match stops at once
_DESTINATION = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?"""
_IMAGE = re.compile(rf"!\[({_TEXT}*)\]\({_DESTINATION}{_TITLE}\s*\)")
_LINK = re.compile(rf"\[({_TEXT}+)\]\({_DESTINATION}{_TITLE}\s*\)")
_REFERENCE_LINK = re.compile(rf"\[({_TEXT}+)\]\[{_TEXT}*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+)>")
_BACKTICKS = re.compile(r"`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_DELIMITERS = re.compile(r"\*+|_+|~+")


def inline_to_text(text: str) -> str:
    """The text of one paragraph with its inline marks gone."""
    mark = next((chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text), None)
    if mark is None:
        return text  # a paragraph holding every private-use character is not Markdown prose
    kept: list[str] = []

    def keep(value: str) -> str:  # code and escaped characters are shown as written
        kept.append(value)
        return f"{mark}{len(kept) - 1}{mark}"

    text = _code_spans(text, keep)
    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    for pattern in (_IMAGE, _LINK, _REFERENCE_LINK, _AUTOLINK):
        text = pattern.sub(lambda m: m.group(1), text)
    text = _without_emphasis(text, mark)
    return re.sub(f"{mark}(\\d+){mark}", lambda m: kept[int(m.group(1))], text)


def _code_spans(text: str, keep) -> str:
    """Code spans replaced by keep(code): a run of n backticks closes at the next run of n."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    later: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    pieces, cursor, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        same = later[end - start]
        while same and same[-1] <= index:
            same.pop()
        if not same:
            index += 1
            continue  # no closing run: the backticks are literal
        closing = same.pop()
        pieces += [text[cursor:start], keep(text[end:runs[closing][0]].strip())]
        cursor, index = runs[closing][1], closing + 1
    return "".join(pieces) + text[cursor:]


def _without_emphasis(text: str, mark: str) -> str:
    """The text without the delimiters of *emphasis*, **strong**, _emphasis_ and ~~struck~~."""
    openers: dict[str, list[list[int]]] = {"*": [], "_": [], "~": []}  # [start, end] of what is left
    removed: list[tuple[int, int]] = []
    for run in _DELIMITERS.finditer(text):
        char, start, end = run.group()[0], run.start(), run.end()
        if char == "~" and end - start != 2:
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (not _punctuation(after, mark) or before.isspace() or _punctuation(before, mark))
        right = not before.isspace() and (not _punctuation(before, mark) or after.isspace() or _punctuation(after, mark))
        can_open, can_close = left, right
        if char == "_":  # snake_case_words are not emphasis
            can_open = left and (not right or _punctuation(before, mark))
            can_close = right and (not left or _punctuation(after, mark))
        stack = openers[char]
        while can_close and start < end and stack:
            opener = stack[-1]
            used = min(opener[1] - opener[0], end - start, 2)
            removed += [(opener[1] - used, opener[1]), (start, start + used)]
            opener[1] -= used
            start += used
            if opener[0] == opener[1]:
                stack.pop()
        if can_open and start < end:
            stack.append([start, end])
    if not removed:
        return text
    pieces, cursor = [], 0
    for start, end in sorted(removed):
        pieces.append(text[cursor:start])
        cursor = end
    return "".join(pieces) + text[cursor:]


def _punctuation(char: str, mark: str) -> bool:
    return char != mark and not char.isalnum() and not char.isspace()
