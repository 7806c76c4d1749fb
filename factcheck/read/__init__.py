"""Reading: files and streams in, article text and its metadata out.

Decoding (UTF-8, UTF-16/32 by their mark, Windows-1252 when UTF-8 clearly fails), binary and size
checks, HTML pages to text and metadata, Markdown to text. Knows nothing of claims.

Never imports: factcheck.extract, factcheck.match, factcheck.store, factcheck.present, rich, typer, textual
"""
from .files import DEFAULT_MAX_BYTES, Document, article_files, read_document, read_stdin

__all__ = ["DEFAULT_MAX_BYTES", "Document", "article_files", "read_document", "read_stdin"]
