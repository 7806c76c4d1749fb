"""Reading articles from files: decoding, binary and size checks, HTML extraction."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

DEFAULT_MAX_BYTES = 5_000_000  # about 800,000 words: far beyond any news article
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Document:
    """An article's text as read, and where it came from."""

    text: str
    name: str
    path: str | None


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_bytes: bytes | None = None) -> Document:
    """Read one article from `path` ("-" means the bytes given as `stdin_bytes`)."""
    if path == "-":
        return Document(decode(stdin_bytes or b"", "standard input", max_bytes), "stdin", None)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if not file.is_file():
        raise InputError(f"{path}: not a file")
    size = file.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    data = file.read_bytes()
    if file.suffix.lower() in (".html", ".htm"):
        return Document(html_to_text(data, path), file.stem, str(file))
    return Document(decode(data, path, max_bytes), file.stem, str(file))


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252; binary is refused."""
    if len(data) > max_bytes:
        raise InputError(f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) // 100 + 1 or _control_ratio(text) > 0.01:
            raise InputError(f"{name}: looks like a binary file, not text") from None
    if not text.strip():
        raise InputError(f"{name}: empty, no text to read")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(text))


def html_to_text(data: bytes, name: str) -> str:
    """The article text of an HTML page, through trafilatura (the optional `html` extra)."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{name}: reading HTML needs the html extra: pip install 'factcheck[html]'") from None
    text = trafilatura.extract(data, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    return text


def article_files(folder: str) -> list[str]:
    """The article files in a folder (recursively), sorted."""
    return sorted(str(p) for p in Path(folder).rglob("*")
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
