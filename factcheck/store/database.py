"""Opening a factcheck database: connection settings, migrations, and the write transaction."""
from __future__ import annotations

import os
import random
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from ..errors import StoreError
from .migrations import migrations

BUSY_TIMEOUT_S = 30.0  # how long SQLite waits for another connection's lock ...
LOCK_TRIES = 2         # ... each time a write transaction tries to begin
BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def open_db(path: str, create: bool = True) -> Database:
    """Open the database at `path` (a new one only with `create`) and bring its schema up to date.

    A database this process cannot write (read-only file or folder) is opened read-only and can
    be read if its schema is current. One written by a newer factcheck is refused untouched.
    """
    if not path:
        raise StoreError("no database named: --db (or FACTCHECK_DB) is empty")
    writable = True
    try:
        if path == ":memory:":
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        else:
            conn, writable = _connect(Path(path), create)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a factcheck database ({error})") from None
    db = Database(conn)
    try:
        _refuse_unknown_schema(db, path)
        db.execute("PRAGMA foreign_keys = ON")
        if writable:
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: still crash-safe, one fsync per checkpoint
            _while_locked(lambda: _set_up(db, path))
        elif migrations.pending(db):
            raise StoreError(f"{path}: read-only, and its schema is older than this factcheck reads; "
                             "open it once where it can be written, to upgrade it")
        else:
            db.execute("PRAGMA query_only = ON")  # says so to `immediate` and to Store.read_only
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot use this database ({error})") from None
    return db


def _connect(path: Path, create: bool) -> tuple[sqlite3.Connection, bool]:
    """A connection to the file at `path` and whether it may write; never creates one unless `create`."""
    try:
        exists, is_dir, has_folder = path.exists(), path.is_dir(), path.parent.is_dir()
    except OSError as error:
        raise StoreError(f"{path}: {error.strerror}") from None
    if is_dir:
        raise StoreError(f"{path}: is a folder, not a database file")
    if path.is_symlink() and not exists:
        raise StoreError(f"{path}: a symbolic link to nothing (or to itself), not a database file")
    if not exists and not create:
        missing = "" if has_folder else f" (there is no folder {path.parent})"
        raise StoreError(f"no database at {path}; ingest something first{missing}")
    if not has_folder:
        raise StoreError(f"cannot create the database {path}: there is no folder {path.parent}")
    writable = os.access(path.parent, os.W_OK) and (not exists or os.access(path, os.W_OK))
    if not exists and not writable:
        raise StoreError(f"cannot create the database {path}: the folder {path.parent} is read-only")
    mode = "rw" if writable else "ro"
    if not exists:
        mode = "rwc"
    uri = f"file:{quote(os.path.abspath(path))}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    if not writable:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL database in a folder it cannot write to has no -shm file to share with writers;
            # nobody can write to it there either, so read it as an unchanging file.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return conn, writable


def _refuse_unknown_schema(db: Database, path: str) -> None:
    """Refuse, before anything is written, a database a newer factcheck (or another program) made."""
    applied = {m.name for m in migrations.applied(db)}
    if not applied and db.table_names():
        raise StoreError(f"{path}: an SQLite database, but not a factcheck one (no factcheck schema in it)")
    known = {m.name for m in migrations.pending(Database(memory=True))}  # every migration this code has
    unknown = sorted(applied - known)
    if unknown:
        raise StoreError(f"{path}: written by a newer factcheck (schema steps {', '.join(unknown)} "
                         "are unknown here); upgrade factcheck to use it")


@contextmanager
def immediate(db: Database):
    """A transaction that takes the write lock up front: a second writer waits for it (busy
    timeout) instead of failing when its read transaction tries to upgrade. Rolled back on error."""
    try:
        _begin(db)
    except sqlite3.OperationalError as error:
        where = db.execute("PRAGMA database_list").fetchone()[2]
        if read_only(db):
            raise StoreError(f"{where}: read-only here, and this command writes to it") from None
        if _busy(error):
            raise StoreError(f"{where}: other processes kept writing to it for {BUSY_TIMEOUT_S * LOCK_TRIES:g} s; "
                             "nothing was written, try again") from None
        raise
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def _begin(db: Database) -> None:
    """BEGIN IMMEDIATE, tried again while another process holds the write lock.

    SQLite's busy handler already waits up to the busy timeout, but it polls, so under many
    writers one may lose every time; nothing has happened yet, so starting again is safe.
    """
    for attempt in range(LOCK_TRIES):
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not _busy(error) or attempt == LOCK_TRIES - 1:
                raise
            time.sleep(random.uniform(0, 0.05))  # so that waiting writers do not retry in step


def _busy(error: sqlite3.OperationalError) -> bool:
    """Whether the error says another connection holds a lock (SQLITE_BUSY, SQLITE_LOCKED)."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF in BUSY_CODES or "locked" in str(error)


def read_only(db: Database) -> bool:
    """Whether the database was opened read-only (its file or folder cannot be written)."""
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


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
