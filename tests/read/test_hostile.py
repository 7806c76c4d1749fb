"""Hostile mark-up: unmatched delimiters by the hundred thousand read in linear time; nothing raises."""
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.read.html_page import read_page
from factcheck.read.html_parse import parse_page
from factcheck.read.markdown_text import looks_like_markdown, markdown_to_text

N = 50_000  # each of these took from 10 seconds to many minutes before they were made linear


@pytest.mark.parametrize("piece", ["*a ", "**a ", "_a ", "~~a ", "`a ", "[", "![", "[a][", '[a](b "',
                                   "<http:", "<!--", "\\*", "*a\n"])
def test_markdown_of_unmatched_marks_is_read_at_once(piece):
    started = time.monotonic()
    markdown_to_text(piece * N)
    looks_like_markdown(piece * N)
    assert time.monotonic() - started < 5


def test_an_unclosed_link_is_read_at_once():
    started = time.monotonic()
    assert markdown_to_text("[x](" + "a" * N) == "[x](" + "a" * N + "\n"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("piece", ["<a ", "<!--", "</", "<![CDATA[", "<b>x", "<div>", "<p>x", "<script>",
                                   "<!-- >", "<a >"])
def test_html_of_unclosed_tags_is_read_at_once(piece):
    started = time.monotonic()
    parse_page(piece * N)
    assert time.monotonic() - started < 5


def test_a_lone_bracket_is_text_and_comments_keep_theirs():
    page = parse_page("<body><p>a < b and <3</p><!-- <p>old</p> --><p>c</p>"
                      "<script>if (a<b) x()</script></body>")
    assert page.text() == "a < b and <3\n\nc\n"


PIECES = list("*_~`[]()<>!#-= \n\\\"'abc1.:/") + ["http://", "<p>", "</p>", "<!--", "-->", "**", "<script>"]
MARKUP = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_markdown_never_raises(text):
    result = markdown_to_text(text)
    assert isinstance(result, str) and "\n\n\n" not in result


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_html_never_raises(text):
    parse_page(text).text()
    try:
        read_page(text, "page")
    except Exception as error:  # only the one-line "no article text" refusal may come out
        assert "no article text found" in str(error)


@given(st.lists(st.sampled_from(["Police", "said", "the", "man", "fled,", "witnesses", "told", "reporters."]),
                min_size=1, max_size=40))
def test_prose_without_marks_is_left_as_it_is(words):
    prose = " ".join(words)
    assert markdown_to_text(prose) == prose + "\n"
