"""Bad --db values, swept: each gives one line on stderr and a non-zero exit where it is an
error, never a traceback, and leaves the database as it was (its .iterdump() hash, and for
refusals its bytes) - or, when there is none, no file at all."""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import Store
from factcheck.present.cli import app
from conftest import ROOT

runner = CliRunner()
ARTICLE = "Mayor speaks\n\nPolice said the man fled on foot.\n"
READING = [["articles"], ["claims"], ["claims", "1", "--json"], ["sources"], ["stories"], ["story", "1"],
           ["search", "police"], ["show", "1"], ["history", "1"], ["export", "1"], ["match", "1"],
           ["compare", "1", "2"]]
WRITING = [["verify", "1", "--status", "false"], ["remove", "1"], ["story", "merge", "1", "2"], ["review", "1"]]


def run(db, *args, input=None):
    return runner.invoke(app, ["--db", str(db), *args], input=input)


def one_line_error(result, *words):
    """The result is an exit 1 with one `error:` line on stderr holding `words`, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert all(w in lines[0] for w in words), lines[0]
    return lines[0]


def dump_hash(path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def seeded(tmp_path) -> Path:
    """Two articles, a verdict; left in rollback-journal mode so that any write shows in its bytes."""
    path = tmp_path / "claims.db"
    store = Store(path)
    store.ingest(ARTICLE, name="one")
    store.ingest("Other report\n\nPolice said the man ran away.\n", name="two")
    store.verify([1], "disputed", reviewer="tester")
    store.db.execute("PRAGMA journal_mode = DELETE")
    store.close()
    return path


@pytest.mark.parametrize("args", READING + WRITING, ids=" ".join)
def test_a_missing_database_is_an_error_and_no_file_appears(tmp_path, args):
    path = tmp_path / "nothing.db"
    one_line_error(run(path, *args), f"no database at {path}; ingest something first")
    assert list(tmp_path.iterdir()) == []


def test_ingest_and_demo_create_the_database(tmp_path):
    assert run(tmp_path / "a.db", "ingest", "-", input=ARTICLE).exit_code == 0
    assert run(tmp_path / "b.db", "demo", str(ROOT / "seeds")).exit_code == 0
    assert [len(Store(tmp_path / n, create=False).articles()) for n in ("a.db", "b.db")] == [1, 3]


def test_an_ingest_that_stores_nothing_creates_nothing(tmp_path):
    one_line_error(run(tmp_path / "a.db", "ingest", str(tmp_path / "no-such.txt")), "no-such.txt")
    (tmp_path / "empty.txt").write_text("  \n")
    one_line_error(run(tmp_path / "a.db", "ingest", str(tmp_path / "empty.txt")), "empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_a_missing_folder_is_named(tmp_path):
    path = tmp_path / "no" / "such" / "claims.db"
    one_line_error(run(path, "ingest", "-", input=ARTICLE), "cannot create", f"no folder {path.parent}")
    one_line_error(run(path, "articles"), f"no database at {path}", f"no folder {path.parent}")
    assert list(tmp_path.iterdir()) == []


def test_an_empty_db_name_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    one_line_error(run("", "ingest", "-", input=ARTICLE), "--db (or FACTCHECK_DB) is empty")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["articles"], ["ingest", "-"], ["verify", "1", "--status", "false"]], ids=" ".join)
def test_a_folder_is_no_database(tmp_path, args):
    one_line_error(run(tmp_path, *args, input=ARTICLE), "is a folder")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["articles"], ["ingest", "-"]], ids=" ".join)
def test_a_symlink_loop_is_no_database(tmp_path, args):
    (tmp_path / "loop.db").symlink_to(tmp_path / "loop.db")
    one_line_error(run(tmp_path / "loop.db", *args, input=ARTICLE), "symbolic link")


@pytest.mark.parametrize("content", [b"just some notes\n", bytes(range(256)) * 64,
                                     b"\x89PNG\r\n\x1a\n" + b"\x00" * 600], ids=["text", "bytes", "png"])
@pytest.mark.parametrize("args", [["articles"], ["ingest", "-"]], ids=" ".join)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content, args):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    one_line_error(run(path, *args, input=ARTICLE), f"{path}: not a factcheck database")
    assert path.read_bytes() == content and list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("args", [["articles"], ["ingest", "-"]], ids=" ".join)
def test_another_programs_database_is_refused_untouched(tmp_path, args):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    before, data = dump_hash(path), path.read_bytes()
    one_line_error(run(path, *args, input=ARTICLE), "not a factcheck one")
    assert dump_hash(path) == before and path.read_bytes() == data


@pytest.mark.parametrize("args", [["articles"], ["claims", "--json"], ["ingest", "-"], ["ingest", "-", "--force"],
                                  ["verify", "1", "--status", "false"], ["remove", "2"]], ids=" ".join)
def test_a_newer_factcheck_database_is_refused_and_never_written(seeded, args):
    conn = sqlite3.connect(seeded)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('factcheck', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before, data = dump_hash(seeded), seeded.read_bytes()
    one_line_error(run(seeded, *args, input="New\n\nPolice said it rained.\n"),
                   "written by a newer factcheck", "m999_from_the_future")
    assert dump_hash(seeded) == before and seeded.read_bytes() == data
    assert sorted(p.name for p in seeded.parent.iterdir()) == ["claims.db"]


def test_a_current_database_of_another_set_is_not_newer(seeded):
    conn = sqlite3.connect(seeded)  # other tools may keep their own migration set in the same table
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('plugin', 'm001_x', 'x')")
    conn.commit()
    conn.close()
    assert run(seeded, "articles").exit_code == 0


# -- read-only: a real permission check needs a user that is not root ---------------------------

def run_process(db: Path, *args, reader: bool = False, input: str | None = None):
    """`factcheck --db DB ARGS` in a process of its own; with `reader`, one that cannot write DB
    (as nobody when we are root, for whom permissions mean nothing)."""
    as_nobody = []
    if reader and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root, and no setpriv to run as another user")
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run([*as_nobody, sys.executable, "-m", "factcheck", "--db", str(db), *args],
                          input=input, capture_output=True, text=True, cwd=db.parent, timeout=60)


@pytest.fixture
def read_only(seeded):
    """The seeded database copied where another user can read it, in WAL mode as factcheck leaves it."""
    folder = Path(tempfile.mkdtemp())
    os.chmod(folder, 0o755)
    path = folder / "claims.db"
    shutil.copy(seeded, path)
    Store(path).close()  # back to WAL, as every database factcheck writes
    yield path
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("clean", [False, True], ids=["with -wal -shm", "closed clean"])
@pytest.mark.parametrize("folder_too", [False, True], ids=["file 444", "folder 555"])
def test_a_read_only_database_can_be_read(read_only, folder_too, clean):
    expected = run_process(read_only, "claims", "--json").stdout
    before = dump_hash(read_only)
    if clean:  # the last connection to close removes the WAL index that readers otherwise share
        Store(read_only).close()
    else:  # another process has it open
        holder = sqlite3.connect(read_only)
        holder.execute("SELECT count(*) FROM articles").fetchone()
    left = sorted(p.name for p in read_only.parent.iterdir())
    assert left == (["claims.db"] if clean else ["claims.db", "claims.db-shm", "claims.db-wal"])
    os.chmod(read_only, 0o444)
    if folder_too:
        os.chmod(read_only.parent, 0o555)
    result = run_process(read_only, "claims", "--json", reader=True)
    assert result.returncode == 0 and result.stdout == expected and len(json.loads(expected)) == 2, result.stderr
    for args in (["verify", "1", "--status", "false"], ["review", "1"]):
        refused = run_process(read_only, *args, reader=True)
        assert refused.returncode == 1 and refused.stderr.startswith("error: "), refused.stderr
        assert len(refused.stderr.splitlines()) == 1 and "read-only here" in refused.stderr
    assert dump_hash(read_only) == before
    if not clean:
        holder.close()


def test_no_database_is_created_in_a_read_only_folder(read_only):
    os.chmod(read_only.parent, 0o555)
    result = run_process(read_only.parent / "new.db", "ingest", "-", reader=True, input=ARTICLE)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert "cannot create the database" in result.stderr and "is read-only" in result.stderr


def test_a_read_only_database_that_needs_an_upgrade_says_so(read_only):
    conn = sqlite3.connect(read_only)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = (SELECT max(name) FROM _sqlite_migrations)")
    conn.commit()
    conn.close()
    before = dump_hash(read_only)
    os.chmod(read_only, 0o444)
    result = run_process(read_only, "articles", reader=True)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert "read-only" in result.stderr and "upgrade" in result.stderr
    assert dump_hash(read_only) == before
