"""Reading articles from files and standard input: size checks, decoding, HTML and Markdown to text."""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .decode import decode
from .html_page import declared_legacy_charset, looks_like_html, read_page
from .markdown_text import looks_like_markdown, markdown_to_text
from .path_dates import date_from_path

DEFAULT_MAX_BYTES = 5_000_000  # about 800,000 words: far beyond any news article
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
STDIN_NAME = "standard input"


@dataclass(frozen=True)
class Document:
    """An article's text as it will be stored, where it came from, and what its page said of it.

    For HTML and Markdown `text` is what a reader sees (tags and marks gone): claims index it.
    """

    text: str
    name: str
    path: str | None
    format: str = "text"  # "text", "html" or "markdown"
    encoding: str = "utf-8"
    title: str | None = None      # from the page's metadata, for HTML
    byline: str | None = None
    published: str | None = None  # YYYY-MM-DD: the page's metadata, else the file's name (path_dates.py)
    url: str | None = None
    outlet: str | None = None
    warnings: tuple[str, ...] = ()  # one line each, for the person who ingests it


def read_stdin(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input's bytes, at most one more than `max_bytes` (so too much is noticed, not read)."""
    return stream.read(max_bytes + 1)


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_bytes: bytes | None = None) -> Document:
    """Read one article from `path` ("-" means the bytes given as `stdin_bytes`). A page's own
    publication date comes first; else an unambiguous date in the file's name or folders."""
    if path == "-":
        data, label, suffix = stdin_bytes or b"", STDIN_NAME, ""
    else:
        data, label, suffix = _file_bytes(path, max_bytes), path, Path(path).suffix.lower()
    if len(data) > max_bytes:
        raise InputError(_too_large(label, None, max_bytes))
    decoded = decode(data, label)
    text, warnings = decoded.text, decoded.warnings
    name, where = ("stdin", None) if path == "-" else (Path(path).stem, str(Path(path)))
    dated = date_from_path(where) if where else None
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and looks_like_html(text)):
        charset = declared_legacy_charset(data) if decoded.encoding == "cp1252" else None
        if charset:  # not UTF-8, and the page says what it is instead
            decoded = decode(data, label, legacy=charset)
            text, warnings = decoded.text, decoded.warnings
        page = read_page(text, label)
        meta = page.metadata
        return Document(page.text, name, where, "html", decoded.encoding, meta.title, meta.byline,
                        meta.published or dated, meta.url, meta.outlet, warnings)
    if suffix in MARKDOWN_SUFFIXES or (path == "-" and looks_like_markdown(text)):
        text = markdown_to_text(text)
        if not text.strip():
            raise InputError(f"{label}: empty, no text to read once its Markdown marks are gone")
        return Document(text, name, where, "markdown", decoded.encoding, published=dated, warnings=warnings)
    return Document(text, name, where, "text", decoded.encoding, published=dated, warnings=warnings)


def _file_bytes(path: str, max_bytes: int) -> bytes:
    """A regular file's bytes; InputError naming what is wrong with anything else."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: a symbolic link to nothing" if os.path.islink(path)
                         else f"{path}: no such file") from None
    except OSError as error:
        raise InputError(_os_problem(path, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: a folder, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:  # a pipe (<(curl ...)) has no size
        raise InputError(_too_large(path, info.st_size, max_bytes))
    try:
        with open(path, "rb") as file:
            return file.read(max_bytes + 1)  # a file growing meanwhile, or a pipe, is cut off
    except OSError as error:
        raise InputError(_os_problem(path, error)) from None


def _os_problem(path: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return f"{path}: a symbolic link loop"
    if isinstance(error, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot be read ({(error.strerror or str(error)).lower()})"


def _too_large(label: str, size: int | None, max_bytes: int) -> str:
    size_text = f"{size:,} bytes is over" if size is not None else "more bytes than"
    return f"{label}: {size_text} the {max_bytes:,}-byte limit (raise it with --max-bytes)"


def article_files(folder: str) -> list[str]:
    """The article files in a folder and its subfolders: those whose names give no date by name, then
    the dated ones oldest first (stories grow in the order events were reported); hidden ones and
    symbolic links to folders are not followed. Broken links are listed, so that reading them says
    what is wrong."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [os.path.join(root, f) for f in files
                  if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
    return sorted(found, key=lambda path: (date_from_path(path) or "", path))
