"""One pass of the standard library's HTML parser over a page: its metadata and its visible text.

Used for the metadata always, and for the article text when trafilatura is not installed: the
text of the page's <article> (else <main>, else <body>), without scripts, navigation, asides,
forms or footers, one line per block and a blank line between blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIPPED = frozenset("script style noscript template svg math nav aside footer button select "
                    "iframe object canvas dialog figure".split())
BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre br hr tr table section "
                   "article main header figcaption address details summary".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# class or id words of page furniture, skipped like <aside>
FURNITURE = re.compile(r"(?:^|[\s_-])(?:share|sharing|social|related|newsletter|advert|ad-slot|cookie|"
                       r"breadcrumbs?|sidebar|comments|subscribe|promo)(?:$|[\s_-])", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_PASSED_OVER = (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"))


@dataclass
class ParsedPage:
    """What the parser found: meta tags, links, JSON-LD blocks, the title, and text by region."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-case name/property -> contents
    canonical: str | None = None
    title: str = ""
    json_ld: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # the text of rel="author" links
    published_times: list[str] = field(default_factory=list)  # <time datetime> marked as the publication
    lines: dict[str, list[str]] = field(default_factory=lambda: {"article": [], "main": [], "body": []})

    def text(self) -> str:
        """The visible text of the innermost region the page marks: article, main or body."""
        lines = next((self.lines[r] for r in ("article", "main", "body") if self.lines[r]), [])
        return "\n\n".join(lines) + "\n" if lines else ""


def parse_page(html: str) -> ParsedPage:
    """Parse an HTML page (never raises on bad HTML: the parser is forgiving)."""
    parser = _PageParser()
    parser.feed(_unclosed_brackets_escaped(html))
    parser.close()
    parser.flush()
    return parser.page


def _unclosed_brackets_escaped(html: str) -> str:
    """The page with every "<" that another "<" follows before any ">" written as "&lt;".

    Such a "<" opens no tag, and the standard library parser rescans the rest of the page for
    each one (quadratic: 20,000 of them took a minute). Comments, scripts and styles are passed
    over whole, so their own "<" stay; a real tag is never touched unless an attribute holds "<".
    """
    lower = html.lower()
    pieces, cursor, never_closed = [], 0, set()
    at = lower.find("<")
    while at >= 0:
        ends = next((end for start, end in _PASSED_OVER if lower.startswith(start, at)), None)
        if ends and ends not in never_closed:
            end = lower.find(ends, at + 4)
            if end >= 0:  # the end tag of a script is looked at next; a comment's "-->" is passed
                at = lower.find("<", end + (3 if ends == "-->" else 0))
                continue
            never_closed.add(ends)  # and so is every later one: no search for it again
        following = lower.find("<", at + 1)
        if lower.find(">", at + 1, following if following >= 0 else len(lower)) < 0:
            pieces += [html[cursor:at], "&lt;"]
            cursor = at + 1
        at = following
    return "".join(pieces) + html[cursor:] if pieces else html


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.open: list[tuple[str, bool]] = []  # (tag, skipped) of elements whose end tag counts
        self.open_count: dict[str, int] = {}     # how many of each tag are open: no stack scans
        self.skipping = 0
        self.regions = {"article": 0, "main": 0}  # how deep inside each the parser is
        self.words: list[str] = []
        self.capture: str | None = None  # "title", "json_ld", "author": text gathered elsewhere
        self.captured: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        self._metadata(tag, values)
        if tag == "body" and self.open_count.get("head"):  # a <head> left open ends here
            self.open = [(t, s) for t, s in self.open if t != "head"]
            self.open_count["head"] = 0
        if tag in VOID:
            if tag in BLOCKS and not self.skipping:
                self.flush()
            return
        skipped = tag in SKIPPED or (tag == "header" and not self.regions["article"]) \
            or bool(FURNITURE.search(f"{values.get('class', '')} {values.get('id', '')}")) \
            or "hidden" in values or values.get("aria-hidden") == "true"
        self.open.append((tag, skipped))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self.skipping += skipped
        if tag in BLOCKS and not self.skipping:
            self.flush()
        if tag in self.regions:
            self.regions[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.capture and tag in ("title", "script", "a"):
            self._end_capture()
        if not self.open_count.get(tag):
            return  # an end tag with no start (or of a void element)
        if tag in BLOCKS and not self.skipping:
            self.flush()
        while self.open:
            open_tag, skipped = self.open.pop()
            self.open_count[open_tag] -= 1
            self.skipping -= skipped
            if open_tag in self.regions:
                self.regions[open_tag] -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.capture:
            self.captured.append(data)
            if self.capture in ("title", "json_ld"):
                return
        if not self.skipping and not self._in_head():
            self.words.append(data)

    def _in_head(self) -> bool:
        return bool(self.open_count.get("head") or self.open_count.get("title"))

    def flush(self) -> None:
        """End the line under way: it joins the text of every region it lies in."""
        line = _SPACE.sub(" ", "".join(self.words)).strip()
        self.words = []
        if not line:
            return
        self.page.lines["body"].append(line)
        for region, depth in self.regions.items():
            if depth:
                self.page.lines[region].append(line)

    def _metadata(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content", "").strip():
                self.page.meta.setdefault(key, []).append(values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.page.canonical = self.page.canonical or values.get("href", "").strip() or None
        elif tag == "time" and values.get("datetime") and (
                "pubdate" in values or values.get("itemprop", "").lower() == "datepublished"):
            self.page.published_times.append(values["datetime"])
        elif tag == "title" and not self.page.title:
            self._start_capture("title")
        elif tag == "script" and values.get("type", "").lower().strip() == "application/ld+json":
            self._start_capture("json_ld")
        elif tag == "a" and "author" in values.get("rel", "").lower().split():
            self._start_capture("author")

    def _start_capture(self, what: str) -> None:
        self.capture, self.captured = what, []

    def _end_capture(self) -> None:
        text = "".join(self.captured)
        if self.capture == "title":
            self.page.title = _SPACE.sub(" ", text).strip()
        elif self.capture == "json_ld":
            self.page.json_ld.append(text)
        elif self.capture == "author" and text.strip():
            self.page.authors.append(_SPACE.sub(" ", text).strip())
        self.capture, self.captured = None, []
