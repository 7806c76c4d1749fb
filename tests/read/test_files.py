"""Files: what cannot be read says why in one line; folders list their articles; stdin is bounded."""
import io
import os
import threading

import pytest

from factcheck.errors import InputError
from factcheck.read import article_files, read_document, read_stdin


@pytest.fixture
def odd(tmp_path):
    (tmp_path / "good.txt").write_text("Police said the man fled.\n")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    (tmp_path / "folder.txt").mkdir()
    return tmp_path


@pytest.mark.parametrize("name, message", [
    ("nothing-here.txt", "no such file"),
    ("loop.txt", "a symbolic link loop"),
    ("dangling.txt", "a symbolic link to nothing"),
    ("folder.txt", "a folder, not a file"),
    ("good.txt/inside.txt", "cannot be read (not a directory)"),
])
def test_what_cannot_be_read_says_why(odd, name, message):
    path = str(odd / name)
    with pytest.raises(InputError) as error:
        read_document(path)
    assert str(error.value) == f"{path}: {message}"


def test_an_unreadable_file_says_permission_denied(odd):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = odd / "secret.txt"
    path.write_text("Police said it.")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_document(str(path))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as file:
        file.truncate(50_000_000)  # sparse: 50 MB of NUL bytes, refused for its size, never read
    with pytest.raises(InputError) as error:
        read_document(str(path))
    assert str(error.value) == (f"{path}: 50,000,000 bytes is over the 5,000,000-byte limit "
                                "(raise it with --max-bytes)")


def test_a_pipe_is_read_and_bounded(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write():
        try:
            with open(fifo, "wb") as out:
                out.write(b"Police said it rained. " * 100)
        except BrokenPipeError:
            pass  # the reader stopped at the limit

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    with pytest.raises(InputError, match="more bytes than the 1,000-byte limit"):
        read_document(str(fifo), max_bytes=1000)
    writer.join(timeout=10)


def test_standard_input_is_read_up_to_one_byte_past_the_limit():
    stream = io.BytesIO(b"x" * 10_000)
    assert len(read_stdin(stream, 100)) == 101
    with pytest.raises(InputError, match="standard input: more bytes than the 100-byte limit"):
        read_document("-", max_bytes=100, stdin_bytes=read_stdin(io.BytesIO(b"x" * 10_000), 100))


def test_a_folder_lists_its_articles_and_the_links_that_fail(odd):
    (odd / "sub").mkdir()
    (odd / "sub" / "b.MD").write_text("# B\n")
    (odd / "photo.png").write_bytes(b"\x89PNG")
    (odd / ".hidden.txt").write_text("x")
    (odd / ".git").mkdir()
    (odd / ".git" / "notes.txt").write_text("x")
    os.symlink(odd, odd / "sub" / "back-up")  # a link to a folder above is not followed
    names = [os.path.relpath(p, odd) for p in article_files(str(odd))]
    assert names == ["dangling.txt", "good.txt", "loop.txt", os.path.join("sub", "b.MD")]


def test_the_document_says_where_it_came_from(odd):
    document = read_document(str(odd / "good.txt"))
    assert (document.name, document.path, document.format, document.encoding) == (
        "good", str(odd / "good.txt"), "text", "utf-8")
    assert read_document("-", stdin_bytes=b"Police said it.").name == "stdin"


def test_a_folder_lists_dated_files_oldest_first_after_the_undated(tmp_path):
    for name in ("wire_2021-03-09_vote.txt", "daily_2021-03-02_vote.txt", "notes.txt", "gazette_20210305_vote.md"):
        (tmp_path / name).write_text("The council voted on the plan.\n")
    names = [os.path.basename(p) for p in article_files(str(tmp_path))]
    assert names == ["notes.txt", "daily_2021-03-02_vote.txt", "gazette_20210305_vote.md", "wire_2021-03-09_vote.txt"]
