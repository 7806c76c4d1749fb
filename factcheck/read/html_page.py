"""An HTML page to article text and metadata.

The text comes from trafilatura when the `html` extra is installed (it knows the boilerplate of
many sites), else from the standard library parser (html_parse.py), so a page is never stored
with its tags on a default install. The metadata always comes from the standard library parser.
"""
from __future__ import annotations

import codecs
import importlib
import importlib.util
import re
from dataclasses import dataclass

from ..errors import InputError
from .html_meta import PageMetadata, page_metadata
from .html_parse import parse_page

# A text is a page when it opens with a tag and names an element only pages have early on.
_OPENS_WITH_TAG = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|meta|title|!--)[\s>]", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
TRAFILATURA_SHORT = 250  # trafilatura's own MIN_EXTRACTED_SIZE
_PAGE_ELEMENT = re.compile(r"<(?:html|head|body|article|main|div|p|meta|title)[\s>/]", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """The article text of a page, what the page says about itself, and how it was read."""

    text: str
    metadata: PageMetadata
    reader: str  # "trafilatura" or "html.parser"


def looks_like_html(text: str) -> bool:
    """Whether a text of unknown kind is an HTML page (or a fragment of one) rather than prose."""
    head = text[:4096]
    return bool(_OPENS_WITH_TAG.match(head)) or (
        head.lstrip().startswith("<") and len(_PAGE_ELEMENT.findall(head)) >= 2)


def declared_legacy_charset(data: bytes) -> str | None:
    """The codec a page's <meta charset> names, if Python knows it and it is neither UTF-8 nor
    Latin-1 (which browsers read as Windows-1252, as decode.py does anyway)."""
    found = _DECLARED_CHARSET.search(data, 0, 4096)
    try:
        codec = codecs.lookup(found.group(1).decode("ascii")).name if found else None
    except LookupError:
        return None
    return None if codec in (None, "utf-8", "latin-1", "iso8859-1", "cp1252", "ascii") else codec


def read_page(html: str, name: str) -> Page:
    """The article text and metadata of an HTML page; InputError if it holds no text."""
    parsed = parse_page(html)
    text, reader = None, "html.parser"
    trafilatura = _trafilatura(name)
    if trafilatura is not None:
        text, reader = _trafilatura_text(trafilatura, html), "trafilatura"
    if not text or not text.strip():  # trafilatura finds nothing in very short pages
        text, reader = parsed.text(), "html.parser"
    if not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    return Page(text if text.endswith("\n") else text + "\n", page_metadata(parsed), reader)


def _trafilatura_text(trafilatura, html: str) -> str | None:
    """The article text by trafilatura. Under TRAFILATURA_SHORT characters it falls back to a
    baseline that runs all paragraphs into one line; a short page is then read again with the
    limit off, which keeps its paragraphs apart."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if text is None or len(text) < TRAFILATURA_SHORT:
        config = importlib.import_module("trafilatura.settings").use_config()
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        text = trafilatura.extract(html, include_comments=False, include_tables=False, config=config) or text
    return text


def _trafilatura(name: str):
    """The trafilatura module, None when it is not installed; InputError when it is but cannot
    be imported (say a dependency is missing), with the real import error."""
    if importlib.util.find_spec("trafilatura") is None:
        return None
    try:
        return importlib.import_module("trafilatura")
    except ImportError as error:
        reason = " ".join(str(error).split())
        raise InputError(f"{name}: trafilatura is installed but cannot be imported ({reason}); "
                         "reinstall with: pip install 'factcheck[html]'") from None
