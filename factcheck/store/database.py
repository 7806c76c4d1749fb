"""Opening a factcheck database: connection settings, migrations, and the write transaction."""
from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from ..errors import StoreError
from .migrations import migrations

BUSY_TIMEOUT_S = 30.0


def open_db(path: str) -> Database:
    """Open (or create) the database at `path` and bring its schema up to date."""
    if path != ":memory:" and Path(path).is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a factcheck database ({error})") from None
    db = Database(conn)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: still crash-safe, one fsync per checkpoint
        _while_locked(lambda: _set_up(db, path))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot use this database ({error})") from None
    return db


@contextmanager
def immediate(db: Database):
    """A transaction that takes the write lock up front: a second writer waits for it (busy
    timeout) instead of failing when its read transaction tries to upgrade. Rolled back on error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def dicts(cursor) -> list[dict]:
    """The rows of a cursor as dicts keyed by column name."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _while_locked(step) -> None:
    """Run `step`, retrying while another process holds a lock SQLite will not wait for."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return step()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _set_up(db: Database, path: str) -> None:
    if path != ":memory:" and db.journal_mode != "wal":
        db.enable_wal()  # readers never block the writer
    _migrate(db)


def _migrate(db: Database) -> None:
    """Apply pending migrations under the write lock, so two processes never race to create tables.

    Foreign keys are off while they run (SQLite's way to rebuild a table others reference),
    and checked before the transaction commits.
    """
    if not migrations.pending(db):
        return
    db.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set it before
    try:
        with immediate(db):  # a second process waits here, then finds nothing pending
            migrations.apply(db)  # each step is a savepoint inside this transaction
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(f"migrating would break {len(broken)} reference(s), first in {broken[0][0]}; "
                                 "nothing was changed")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
