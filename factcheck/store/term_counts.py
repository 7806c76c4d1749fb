"""How many stored articles hold each term (the term_counts table), remembered between reads.

Story planning weighs every term of a new article and of its candidates by its rarity, so it
asks for the counts of about a thousand terms per article. They are read once and remembered;
this connection's own writes update what is remembered, and a commit by any other connection
(SQLite's `PRAGMA data_version` changes) or a rollback empties it, so a count read is always the
stored one.
"""
from __future__ import annotations

import json
from typing import Iterable

from sqlite_utils import Database

TERMS_REMEMBERED = 200_000  # counts kept in memory; past this many, they are read afresh


class TermCounts:
    """The term_counts table, read through a memory of the counts this connection has seen."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._known: dict[str, int] = {}  # term -> articles holding it (0: none)
        self._version: int | None = None  # PRAGMA data_version when _known was last valid

    def counts(self, terms: Iterable[str]) -> dict[str, int]:
        """{term: how many stored articles hold it} for each of `terms` (0 for none)."""
        self._check()
        known = self._known
        missing = sorted({t for t in terms if t not in known})
        if missing:
            found = dict(self.db.execute("SELECT term, articles FROM term_counts WHERE term IN "
                                         "(SELECT value FROM json_each(?))", [json.dumps(missing)]).fetchall())
            for term in missing:
                known[term] = found.get(term, 0)
        return {t: known[t] for t in terms}

    def add(self, terms: Iterable[str]) -> None:
        """Count one more article for each term (inside the caller's write transaction)."""
        terms = list(terms)
        self.db.conn.executemany("INSERT INTO term_counts (term, articles) VALUES (?, 1) "
                                 "ON CONFLICT(term) DO UPDATE SET articles = articles + 1", [(t,) for t in terms])
        self._check()
        known = self._known
        for term in terms:
            if term in known:
                known[term] += 1

    def remove(self, article_id: int) -> None:
        """Count one article fewer for each term the article holds (inside the caller's write
        transaction)."""
        self.db.execute("UPDATE term_counts SET articles = articles - 1 WHERE term IN "
                        "(SELECT term FROM article_terms WHERE article_id = ?)", [article_id])
        self.forget()

    def forget(self) -> None:
        """Drop what is remembered (after a rollback, or a change made without counting)."""
        self._known.clear()

    def _check(self) -> None:
        """Empty the memory if another connection committed since it was filled, or it is full."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version or len(self._known) > TERMS_REMEMBERED:
            self._known.clear()
            self._version = version
