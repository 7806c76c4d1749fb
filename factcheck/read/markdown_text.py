"""Markdown to the text a reader sees: headings, emphasis, links and list marks shown as text.

The de-marked text is what is stored, so every offset indexes plain words ("Bridge closed", not
"# Bridge closed"). Lines of one paragraph are joined with a space, as Markdown renders them,
because the sentence splitter takes each line for a paragraph of its own.
"""
from __future__ import annotations

import re

_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE_MARK = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")

# What makes a text on standard input clearly Markdown: a heading on its first line, or two
# different kinds of mark-up that plain prose does not have.
_SIGNS = (
    re.compile(r"^#{1,6} \S", re.MULTILINE),
    re.compile(r"\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)"),
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
            blocks.append(_inline(" ".join(paragraph)))
            paragraph.clear()

    for raw in _HTML_COMMENT.sub("", markdown).splitlines():
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
            blocks += [_inline(heading.group(2) or ""), ""]
        else:
            item = _LIST_MARK.match(line)
            if item:
                close_paragraph()
                line = line[item.end():]
            paragraph.append(_HARD_BREAK.sub("", line.strip()))
    close_paragraph()
    return _tidy(blocks)


def _inline(text: str) -> str:
    """A paragraph's inline mark-up shown as text: links by their words, emphasis and code unmarked."""
    mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)  # stands for kept text
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"{mark}{len(kept) - 1}{mark}"

    text = _CODE.sub(lambda m: keep(m.group(2).strip()), text)  # code keeps its stars
    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)         # an escaped mark is a character
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REFERENCE_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    for pattern in (_STRONG, _STRIKE, _EMPHASIS_STAR, _EMPHASIS_UNDERSCORE):
        previous = None
        while previous != text:  # nested: ***both*** or **bold _and_ italic**
            previous, text = text, pattern.sub(lambda m: m.group(m.lastindex), text)
    return re.sub(f"{mark}(\\d+){mark}", lambda m: kept[int(m.group(1))], text)


def _tidy(blocks: list[str]) -> str:
    """Lines joined, at most one blank line in a row, none at either end."""
    lines: list[str] = []
    for line in blocks:
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
