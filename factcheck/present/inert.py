"""Stored text made safe to show: never read as markup, never acting on the terminal.

Article text comes from anywhere. Every title, outlet, name, claim, note and hit that reaches
rich or Textual goes through `inert`, which returns a plain `rich.text.Text` (markup such as
`[bold]` or `[/x]` stays literal) with each control character written as a visible escape, so
`ESC ] 0;` cannot set the window title, `ESC ] 8;` cannot make a hyperlink, `ESC ] 52;` cannot
write the clipboard and `ESC [ 2 J` cannot clear the screen. Bidi controls (embeddings,
overrides, isolates and marks) and zero-width characters are shown the same way (`\\u202e`):
they can reorder or hide what a line says ("Trojan Source", CVE-2021-42574).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from rich.text import Text

# C0 controls but tab and newline, DEL, and C1 controls (U+0080..U+009F: CSI, OSC, ... in one character).
_TERMINAL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Zero-width space, non-joiner, joiner, LRM, RLM; the Arabic letter mark; embeddings and overrides
# (LRE RLE PDF LRO RLO); word joiner; isolates (LRI RLI FSI PDI); zero-width no-break space (BOM).
INVISIBLE = "\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff"
CONTROL = re.compile(f"[{_TERMINAL}{INVISIBLE}]")
CONTROL_OR_NEWLINE = re.compile(f"[\n{_TERMINAL}{INVISIBLE}]")  # for what must stay on one line
ESCAPE_STYLE = "reverse"


def escape(match: re.Match) -> str:
    """How one control character is shown: `\\x1b` for ESC, `\\u202e` for RIGHT-TO-LEFT OVERRIDE.
    A CR before a newline is a Windows line end, shown as nothing: it moves the cursor nowhere
    the newline does not."""
    control = match.group()
    if control == "\r" and match.string.startswith("\n", match.end()) and match.re is CONTROL:
        return ""
    return f"\\x{ord(control):02x}" if ord(control) <= 0xff else f"\\u{ord(control):04x}"


def visible(text: str | None) -> str:
    """`text` with every control character but tab and newline, and every bidi control and
    zero-width character, written as an escape like `\\x1b` or `\\u200b`."""
    return CONTROL.sub(escape, text or "")


def inert(text: str | None, style: str = "", spans: Iterable[tuple[int, int, str]] = (),
          one_line: bool = False) -> Text:
    """`text` as plain Text, control characters shown as escapes (`visible`), in `style`; with
    `one_line`, newlines too.

    `spans` are (start, end, style) with offsets into `text`, as the store keeps them; they are
    moved to where those characters land once escapes have widened the text.
    """
    text = text or ""
    out = Text(style=style)
    marks: list[int] = []   # offsets in `text` just after each control
    shifts: list[int] = []  # how far characters from there on have moved
    last = shift = 0
    for match in (CONTROL_OR_NEWLINE if one_line else CONTROL).finditer(text):
        shown = escape(match)
        out.append(text[last:match.start()])
        out.append(shown, style=ESCAPE_STYLE)
        shift += len(shown) - len(match.group())
        last = match.end()
        marks.append(last)
        shifts.append(shift)
    out.append(text[last:])

    def moved(offset: int) -> int:
        at = bisect_right(marks, offset)
        return offset + (shifts[at - 1] if at else 0)

    for start, end, span_style in spans:
        out.stylize(span_style, moved(start), moved(end))
    return out
