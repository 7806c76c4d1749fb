"""Markdown: shown as text (headings, emphasis, links), told from prose on standard input."""
import pytest

from factcheck.extract import extract
from factcheck.read import read_document
from factcheck.read.markdown_text import looks_like_markdown, markdown_to_text

ARTICLE = """# Bridge closed

The bridge was closed on **Friday** after a crash,
[police said](https://police.example/statement "Statement").

## What witnesses saw

> "It was *very* fast," a witness told reporters.

- The road stays shut until __Monday__, officials said.
- Buses run instead.
"""


def test_a_markdown_article_reads_as_its_text():
    assert markdown_to_text(ARTICLE) == (
        "Bridge closed\n\n"
        "The bridge was closed on Friday after a crash, police said.\n\n"
        "What witnesses saw\n\n"
        '"It was very fast," a witness told reporters.\n\n'
        "The road stays shut until Monday, officials said.\n"
        "Buses run instead.\n")


def test_its_headline_and_claims_hold_no_marks(tmp_path):
    path = tmp_path / "bridge.md"
    path.write_text(ARTICLE)
    document = read_document(str(path))
    found = extract(document.text)
    assert document.format == "markdown" and found.title == "Bridge closed"
    assert found.claims and all(document.text[c.start:c.end] == c.text for c in found.claims)
    assert not any(mark in c.text for c in found.claims for mark in ("**", "__", "](", "#", "> "))
    assert {(c.text, c.attribution.source) for c in found.claims} >= {
        ("The bridge was closed on Friday after a crash", "police")}


@pytest.mark.parametrize("markdown, text", [
    ("Title\n=====\n\nBody.", "Title\n\nBody.\n"),
    ("Sub\n---\nBody.", "Sub\n\nBody.\n"),
    ("## Closed ##", "Closed\n"),
    ("***Both*** and ~~gone~~ and _one_", "Both and gone and one\n"),
    ("snake_case_name and 5 * 3 stay", "snake_case_name and 5 * 3 stay\n"),
    ("intra*word*stars go, as in CommonMark", "intrawordstars go, as in CommonMark\n"),
    ("Code `**kept**` here", "Code **kept** here\n"),
    (r"Escaped \*stars\* stay", "Escaped *stars* stay\n"),
    ("See ![a map](map.png) and <https://x.example/a>", "See a map and https://x.example/a\n"),
    ("A [ref link][1] here.\n\n[1]: https://x.example", "A ref link here.\n"),
    ("1. first\n2. second", "first\nsecond\n"),
    ("Para one\nstill one.\n\n\n\nPara two.", "Para one still one.\n\nPara two.\n"),
    ("Line with break  \nnext", "Line with break next\n"),
    ("Above\n\n---\n\nBelow", "Above\n\nBelow\n"),
    ("```\n**code** stays\n```\nAfter.", "**code** stays\n\nAfter.\n"),
    ("Text <!-- a note --> more", "Text  more\n"),
    ("**Friday\nnight** it rained.", "Friday night it rained.\n"),
])
def test_marks(markdown, text):
    assert markdown_to_text(markdown) == text


@pytest.mark.parametrize("text, expected", [
    (ARTICLE, True),
    ("Some **bold** words and [a link](https://x.example).", True),
    ("The minister said it rained.\nPolice said the man fled.", False),
    ("#BreakingNews police said the man fled.", False),
    ("The 5 * 3 rule, officials said, and C# code.", False),
    ("He said **this** once.", False),  # one mark alone is not enough
])
def test_markdown_on_standard_input_only_when_clear(text, expected):
    assert looks_like_markdown(text) is expected
    assert read_document("-", stdin_bytes=text.encode()).format == ("markdown" if expected else "text")


def test_a_txt_file_is_never_de_marked(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(ARTICLE)
    assert read_document(str(path)).text == ARTICLE
