"""Reading: files and streams in, article text and its metadata out.

Decoding, binary and size checks, HTML to text. Knows nothing of claims.

Never imports: factcheck.extract, factcheck.match, factcheck.store, factcheck.present, rich, typer, textual
"""
from .files import DEFAULT_MAX_BYTES, Document, article_files, read_document

__all__ = ["DEFAULT_MAX_BYTES", "Document", "article_files", "read_document"]
