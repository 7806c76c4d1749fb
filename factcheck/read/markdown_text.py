"""Markdown to the text a reader sees: headings, emphasis, links and list marks shown as text.

The de-marked text is what is stored, so every offset indexes plain words ("Bridge closed", not
"# Bridge closed"). Lines of one paragraph are joined with a space, as Markdown renders them,
because the sentence splitter takes each line for a paragraph of its own.
"""
from __future__ import annotations

import re

from .markdown_inline import inline_to_text

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE_MARK = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]]+\]:[ \t]*\S")
_HARD_BREAK = re.compile(r"\\$")

# What makes a text on standard input clearly Markdown: a heading on its first line, or two
# different kinds of mark-up that plain prose does not have.
_SIGNS = (
    re.compile(r"^#{1,6} \S", re.MULTILINE),
    re.compile(r"\[[^\[\]\n]+\]\((?:https?://|/|#)[^()\s]*\)"),
    re.compile(r"(?<!\*)\*\*[^*\s][^*\n]*\*\*(?!\*)"),
    re.compile(r"^[^\n]+\n(?:=+|-+)[ \t]*$", re.MULTILINE),
    re.compile(r"^```", re.MULTILINE),
)


def looks_like_markdown(text: str) -> bool:
    """Whether a text of unknown kind is clearly Markdown (plain prose is never taken for it)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if _ATX_HEADING.match(first) and first.lstrip().startswith("# "):
        return True
    return sum(1 for sign in _SIGNS if sign.search(text, 0, 100_000)) >= 2


def markdown_to_text(markdown: str) -> str:
    """The text of a Markdown document: one line per paragraph, heading or list item."""
    blocks: list[str] = []     # finished lines; "" is a blank line between blocks
    paragraph: list[str] = []  # the lines of the paragraph under way, marks still in
    fenced = None

    def close_paragraph():
        if paragraph:
            blocks.append(inline_to_text(" ".join(paragraph)))
            paragraph.clear()

    for raw in _without_comments(markdown).splitlines():
        if fenced:  # code is shown as written
            if raw.lstrip().startswith(fenced):
                fenced = None
                blocks.append("")
            elif raw.strip():
                blocks.append(raw.strip())
            continue
        fence = _FENCE.match(raw)
        line = _QUOTE_MARK.sub("", raw)
        if fence or not line.strip():
            close_paragraph()
            fenced = fence.group(1) if fence else None
            blocks.append("")
        elif _SETEXT_UNDERLINE.match(line) and paragraph:
            close_paragraph()
            blocks.append("")
        elif _RULE.match(line) or _REFERENCE_DEFINITION.match(line):
            close_paragraph()
        elif heading := _ATX_HEADING.match(line):
            close_paragraph()
            blocks += [inline_to_text(heading.group(2) or ""), ""]
        else:
            item = _LIST_MARK.match(line)
            if item:
                close_paragraph()
                line = line[item.end():]
            paragraph.append(_HARD_BREAK.sub("", line.strip()))
    close_paragraph()
    return _tidy(blocks)


def _without_comments(markdown: str) -> str:
    """The document without its <!-- comments --> (an unclosed one is left as text)."""
    pieces, cursor = [], 0
    while (start := markdown.find("<!--", cursor)) >= 0 and (end := markdown.find("-->", start + 4)) >= 0:
        pieces.append(markdown[cursor:start])
        cursor = end + 3
    return "".join(pieces) + markdown[cursor:]


def _tidy(blocks: list[str]) -> str:
    """Lines joined, at most one blank line in a row, none at either end."""
    lines: list[str] = []
    for line in blocks:
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
