"""Sources: one row per speaker, merged across the names it goes by, with its aliases."""
from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from ..extract.sources import normalise_name
from .database import dicts

SAME_NAME_SCORE = 92  # rapidfuzz ratio above which two source names are one source


class Sources:
    """The sources and source_aliases tables."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # (alias, key, kind) -> source id, for aliases this store has written or read; cleared
        # when a write rolls back, since ids it handed out may then not exist.
        self._known_aliases: dict[tuple[str, str, str], int] = {}
        self._blocks: dict[str, dict[str, dict[str, int]]] = {}  # see _blocks_of

    def forget(self) -> None:
        """Drop what is remembered of written rows (after a rollback)."""
        self._known_aliases.clear()
        self._blocks.clear()

    def id_for(self, name: str, kind: str) -> int:
        """The id of the source called `name`, merging it with a known one where the names agree.

        Writes: call inside a write transaction.
        """
        key = normalise_name(name) or name.lower()
        if (name, key, kind) in self._known_aliases:
            return self._known_aliases[(name, key, kind)]
        found = self.db.execute("SELECT id FROM sources WHERE key = ? AND kind = ?", [key, kind]).fetchone()
        if found is None:
            found = self._similar(key, kind)
        if found is None:
            source_id = self.db["sources"].insert({"name": name, "key": key, "kind": kind}).last_pk
            self._blocks_of(kind).setdefault(_block(key), {})[key] = source_id
        else:
            source_id = found[0]
        self.db.execute("INSERT OR IGNORE INTO source_aliases (source_id, alias) VALUES (?, ?)",
                        [source_id, name])
        self._known_aliases[(name, key, kind)] = source_id
        return source_id

    def listing(self, article_id: int | None = None) -> list[dict]:
        """Distinct sources (in one article, or everywhere) with how often they are cited."""
        params: list = []
        where = "WHERE c.retired_at IS NULL"
        if article_id is not None:
            where, params = where + " AND c.article_id = ?", [article_id]
        rows = dicts(self.db.execute(f"""
            SELECT s.id, s.name, s.kind, count(c.id) AS claims,
                   count(DISTINCT c.article_id) AS articles
            FROM sources s JOIN claims c ON c.source_id = s.id {where}
            GROUP BY s.id ORDER BY claims DESC, s.name""", params))
        aliases: dict[int, list[str]] = {}
        for source_id, alias in self.db.execute("SELECT source_id, alias FROM source_aliases ORDER BY alias"):
            aliases.setdefault(source_id, []).append(alias)
        for row in rows:
            row["aliases"] = aliases.get(row["id"], [])
        return rows

    def _similar(self, key: str, kind: str):
        """A known source of the same kind whose key is near-identical, or a person's surname.

        Only keys whose last word starts like this one's are compared, so merging stays fast
        however many sources are stored.
        """
        known = self._blocks_of(kind).get(_block(key), {})
        if kind == "named_person":
            last = key.split()[-1]
            for other, source_id in known.items():
                if other.split()[-1] == last and (" " not in key or " " not in other):
                    return (source_id,)  # "Valls" and "manuel valls"
        best = process.extractOne(key, known.keys(), scorer=fuzz.ratio, score_cutoff=SAME_NAME_SCORE)
        return (known[best[0]],) if best else None

    def _blocks_of(self, kind: str) -> dict[str, dict[str, int]]:
        """{first three letters of the last word: {key: id}} of the sources of one kind."""
        if kind not in self._blocks:
            blocks: dict[str, dict[str, int]] = {}
            for key, source_id in self.db.execute("SELECT key, id FROM sources WHERE kind = ?", [kind]):
                blocks.setdefault(_block(key), {})[key] = source_id
            self._blocks[kind] = blocks
        return self._blocks[kind]


def _block(key: str) -> str:
    """The merging block of a source key: the first three letters of its last word."""
    return key.split()[-1][:3]
