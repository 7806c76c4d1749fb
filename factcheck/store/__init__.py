"""Storage: extractions and relations in, SQLite rows out; queries back as plain dicts.

`Store` is the facade; behind it one module per table family (articles and claims, sources,
links, verification), the schema migrations, and how a database is opened. Write
transactions only write: extraction and matching happen before they open.

Never imports: factcheck.read, factcheck.present, rich, typer, textual
"""
from .storage import IngestResult, Store

__all__ = ["IngestResult", "Store"]
