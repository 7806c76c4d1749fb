"""Sources: one row per speaker, merged across the names it goes by, with its aliases."""
from __future__ import annotations

import json

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from ..extract.sources import canonical_name, name_key
from .database import dicts

SAME_NAME_SCORE = 92  # rapidfuzz ratio above which two source names are one source
PERSON_KINDS = ("named_person", "witness")


class Sources:
    """The sources and source_aliases tables."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # (alias, kind) -> source id, for aliases this store has written or read; cleared
        # when a write rolls back, since ids it handed out may then not exist.
        self._known_aliases: dict[tuple[str, str], int] = {}
        self._blocks: dict[str, dict[str, dict[str, int]]] = {}  # see _blocks_of
        self._version: int | None = None  # PRAGMA data_version when _blocks were read

    def forget(self) -> None:
        """Drop what is remembered of written rows (after a rollback)."""
        self._known_aliases.clear()
        self._blocks.clear()

    def id_for(self, name: str, kind: str) -> int:
        """The id of the source called `name`, merging it with a known one where the names agree.

        The row is named by the fullest plain form seen ("Sheriff Kowalski" and "Sheriff Dana
        Kowalski" are "Dana Kowalski"); `name` as written is kept as an alias. Rows are only
        renamed, never merged away, so every id handed out stays. Writes: call inside a write
        transaction.
        """
        if (name, kind) in self._known_aliases:
            return self._known_aliases[(name, kind)]
        plain = canonical_name(name, kind)
        key = name_key(plain, kind)
        family = _family(kind)
        found = self.db.execute("SELECT id FROM sources WHERE key = ? AND kind IN (SELECT value FROM json_each(?))",
                                [key, json.dumps(family)]).fetchone()
        if found is None:
            found = self._similar(key, kind)
        if found is None:
            source_id = self.db.execute("INSERT INTO sources (name, key, kind) VALUES (?, ?, ?)",
                                        [plain, key, kind]).lastrowid
            self._blocks_of(kind).setdefault(_block(key), {})[key] = source_id
        else:
            source_id = found[0]
            self._grow(source_id, plain, key, kind)
        self.db.execute("INSERT OR IGNORE INTO source_aliases (source_id, alias) VALUES (?, ?)",
                        [source_id, name])
        self._known_aliases[(name, kind)] = source_id
        return source_id

    def _grow(self, source_id: int, plain: str, key: str, kind: str) -> None:
        """Give a row the fuller of its name and `plain`: "Kowalski" grows to "Dana Kowalski"."""
        name, old_key = self.db.execute("SELECT name, key FROM sources WHERE id = ?", [source_id]).fetchone()
        if len(key.split()) <= len(name_key(name, kind).split()) or old_key.split()[-1] != key.split()[-1]:
            return  # "Donald J. Trump" is no fuller than "Donald Trump"
        taken = self.db.execute("SELECT 1 FROM sources WHERE key = ? AND kind IN (SELECT value FROM json_each(?))",
                                [key, json.dumps(_family(kind))]).fetchone()
        new_key = old_key if taken else key
        self.db.execute("UPDATE sources SET name = ?, key = ? WHERE id = ?", [plain, new_key, source_id])
        if new_key != old_key:
            blocks = self._blocks_of(kind)
            blocks.get(_block(old_key), {}).pop(old_key, None)
            blocks.setdefault(_block(new_key), {})[new_key] = source_id

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
        """A known source of the same kind whose key is near-identical, or the same person by
        surname: a bare surname is the first full name with it; a full name is a bare surname
        no other full name has claimed, or a full name with the same first and last words
        ("hillary rodham clinton" and "hillary clinton").

        Only keys whose last word starts like this one's are compared, so merging stays fast
        however many sources are stored.
        """
        known = self._blocks_of(kind).get(_block(key), {})
        if kind in PERSON_KINDS:
            words = key.split()
            same = sorted((source_id, other.split()) for other, source_id in known.items()
                          if other.split()[-1] == words[-1])
            full = [(i, w) for i, w in same if len(w) > 1]
            if len(words) == 1 and full:
                return (full[0][0],)  # "valls" is "manuel valls"
            if len(words) > 1:
                bare = [i for i, w in same if len(w) == 1]
                if bare and not full:
                    return (bare[0],)
                for source_id, other in full:
                    if other[0] == words[0]:
                        return (source_id,)
        best = process.extractOne(key, known.keys(), scorer=fuzz.ratio, score_cutoff=SAME_NAME_SCORE)
        return (known[best[0]],) if best else None

    def _blocks_of(self, kind: str) -> dict[str, dict[str, int]]:
        """{first three letters of the last word: {key: id}} of the sources of one family of kinds,
        remembered until another connection commits."""
        family = _family(kind)
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:  # another connection wrote sources since: read them again
            self._blocks.clear()
            self._version = version
        if family[0] not in self._blocks:
            blocks: dict[str, dict[str, int]] = {}
            for key, source_id in self.db.execute(
                    "SELECT key, id FROM sources WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY id",
                    [json.dumps(family)]):
                blocks.setdefault(_block(key), {})[key] = source_id
            self._blocks[family[0]] = blocks
        return self._blocks[family[0]]


def _family(kind: str) -> tuple[str, ...]:
    """The kinds one source row may be reached by: a person is one person whether quoted as a
    witness in one report or as a public figure in another."""
    return PERSON_KINDS if kind in PERSON_KINDS else (kind,)


def _block(key: str) -> str:
    """The merging block of a source key: the first three letters of its last word."""
    return key.split()[-1][:3]
