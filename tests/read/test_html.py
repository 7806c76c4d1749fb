"""HTML pages: told from prose, their metadata, their text with or without trafilatura, the extra."""
import importlib
import importlib.util
import re
import sys
import tomllib

import pytest

from conftest import ROOT
from factcheck.errors import InputError
from factcheck.read import read_document
from factcheck.read.html_meta import page_metadata
from factcheck.read.html_page import looks_like_html, read_page
from factcheck.read.html_parse import parse_page

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Bridge closed after crash | Daily Courier</title>
<meta property="og:site_name" content="Daily Courier">
<meta property="article:published_time" content="2015-01-08T23:30:00-05:00">
<meta name="author" content="By Jane Doe">
<link rel="canonical" href="https://courier.example/bridge-closed">
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><p>Sign in to read more</p></header>
<article><h1>Bridge closed after crash</h1>
<p>The bridge was closed on <b>Friday</b> after a crash, police said.</p>
<p>&ldquo;Nobody was hurt,&rdquo; the mayor told reporters &amp; residents.</p>
<div class="share-buttons">Share on Twitter</div>
<figure><img src="x.jpg"><figcaption>The bridge</figcaption></figure>
</article>
<aside>Related: other stories</aside><footer>© Daily Courier</footer>
<script>var tag = "<p>not text</p>";</script></body></html>
"""


@pytest.fixture
def without_trafilatura(monkeypatch):
    """As on a default install: importlib finds no trafilatura."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def test_the_standard_library_reader_keeps_the_article_and_drops_the_furniture(without_trafilatura):
    page = read_page(PAGE, "page.html")
    assert page.reader == "html.parser"
    assert page.text == ("Bridge closed after crash\n\n"
                         "The bridge was closed on Friday after a crash, police said.\n\n"
                         "“Nobody was hurt,” the mayor told reporters & residents.\n")


def test_without_an_article_element_the_body_is_read(without_trafilatura):
    page = read_page("<html><body><nav>Menu</nav><div><p>Police said the gunman fled.</p>"
                     "<p>Witnesses saw a car.<br>It was red.</p></div></body></html>", "p.html")
    assert page.text == "Police said the gunman fled.\n\nWitnesses saw a car.\n\nIt was red.\n"


def test_a_head_left_open_does_not_hide_the_body(without_trafilatura):
    assert read_page("<html><head><title>T</title><body><p>Police said it.</p>", "p").text == "Police said it.\n"


def test_a_page_with_no_text_is_refused(without_trafilatura):
    with pytest.raises(InputError, match="no article text found"):
        read_page("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>", "p")


def test_metadata_from_meta_tags():
    meta = page_metadata(parse_page(PAGE))
    assert (meta.title, meta.byline, meta.published, meta.url, meta.outlet) == (
        "Bridge closed after crash", "Jane Doe", "2015-01-08", "https://courier.example/bridge-closed",
        "Daily Courier")


JSON_LD = """<html><head>
<script type="application/ld+json">{"not json": </script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Le Courrier", "url": "https://courrier.example/"},
  {"@type": ["NewsArticle", "ReportageNewsArticle"], "headline": "Le pont est fermé",
   "datePublished": "Thu, 08 Jan 2015 10:30:00 +0100",
   "author": [{"@type": "Person", "name": "Jeanne Dupont"}, {"@type": "Person", "name": "Jean Martin"}],
   "publisher": {"@type": "Organization", "name": "Le Courrier"},
   "mainEntityOfPage": {"@id": "https://courrier.example/pont"}}]}
</script>
<meta property="og:title" content="Other title"><meta name="author" content="Someone Else">
<link rel="canonical" href="/relative/only"></head><body><p>Texte.</p></body></html>"""


def test_json_ld_news_article_comes_before_the_meta_tags():
    meta = page_metadata(parse_page(JSON_LD))
    assert (meta.title, meta.byline, meta.published, meta.url, meta.outlet) == (
        "Le pont est fermé", "Jeanne Dupont, Jean Martin", "2015-01-08", "https://courrier.example/pont",
        "Le Courrier")


@pytest.mark.parametrize("tags, published", [
    ('<meta name="pubdate" content="20150108">', "2015-01-08"),
    ('<meta itemprop="datePublished" content="2015-01-08">', "2015-01-08"),
    ('<time datetime="2015-01-08T09:00" pubdate>8 Jan</time>', "2015-01-08"),
    ('<meta name="date" content="January 8th">', None),
    ('<meta name="date" content="2015-02-30">', None),
])
def test_publication_dates_are_iso_days_or_nothing(tags, published):
    assert page_metadata(parse_page(f"<html><head>{tags}</head><body></body></html>")).published == published


def test_author_urls_and_handles_are_not_bylines():
    page = parse_page('<meta property="article:author" content="https://facebook.com/x">'
                      '<meta name="twitter:creator" content="@jdoe"><a rel="author" href="/a">Jane Doe</a>')
    assert page_metadata(page).byline == "Jane Doe"


@pytest.mark.parametrize("text, expected", [
    (PAGE, True),
    ("  <html><body><p>Hi</p></body></html>", True),
    ("<div class='story'><p>Police said it.</p></div>", True),
    ("<!-- saved page --><html>", True),
    ("Police said <b>nothing</b> about the <html> tag.", False),
    ("<3 the mayor said, in a text message.", False),
    ("The minister said it rained.\n", False),
])
def test_html_is_told_from_prose(text, expected):
    assert looks_like_html(text) is expected


def test_an_html_file_is_stored_as_its_text_with_its_metadata(tmp_path, without_trafilatura):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(str(path))
    assert document.format == "html" and "<" not in document.text
    assert (document.title, document.published, document.url) == (
        "Bridge closed after crash", "2015-01-08", "https://courier.example/bridge-closed")


def test_html_on_standard_input_is_detected():
    document = read_document("-", stdin_bytes=PAGE.encode())
    assert document.format == "html" and "police said" in document.text and "<p>" not in document.text


def test_an_installed_but_broken_trafilatura_shows_the_real_import_error(tmp_path, monkeypatch):
    fake = tmp_path / "trafilatura"
    fake.mkdir()
    (fake / "__init__.py").write_text(
        'raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\\n'
        'Install lxml[html-clean] or lxml_html_clean directly.")\n')
    for name in [m for m in sys.modules if m == "trafilatura" or m.startswith("trafilatura.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    with pytest.raises(InputError) as error:
        read_page(PAGE, "page.html")
    message = str(error.value)
    assert "\n" not in message and "needs the html extra" not in message
    assert message.startswith("page.html: trafilatura is installed but cannot be imported (lxml.html.clean "
                              "module is now a separate project lxml_html_clean. Install lxml[html-clean]")


def html_extra() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0] for r in project["optional-dependencies"]["html"]]


def test_the_html_extra_installs_what_works():
    """Installs nothing: imports what `pip install '.[html]'` promises, when it was installed."""
    if importlib.util.find_spec("trafilatura") is None:
        pytest.skip("the html extra is not installed")  # installed but broken fails below, as it should
    for requirement in html_extra():
        importlib.import_module(requirement.replace("-", "_"))
    page = read_page(PAGE, "page.html")
    assert page.reader == "trafilatura" and "Nobody was hurt" in page.text and "<" not in page.text
    assert "Share on Twitter" not in page.text and "Home" not in page.text
    assert page.text.splitlines()[:2] == ["Bridge closed after crash",
                                          "The bridge was closed on Friday after a crash, police said."]


def test_the_html_extra_names_the_lxml_cleaner():
    assert {"trafilatura", "lxml_html_clean"} <= set(html_extra())


CYRILLIC = ('<html><head><meta charset="windows-1251"><title>Мост</title></head>'
            '<body><p>Полиция заявила, что мост закрыт.</p></body></html>')


def test_a_legacy_page_is_read_in_the_charset_it_declares(without_trafilatura):
    document = read_document("-", stdin_bytes=CYRILLIC.encode("cp1251"))
    assert document.text == "Полиция заявила, что мост закрыт.\n" and document.encoding == "cp1251"
    assert document.warnings == ("standard input: not UTF-8; read as cp1251",)


@pytest.mark.parametrize("declared", ["windows-1251", "no-such-charset", "iso-8859-1"])
def test_valid_utf8_is_utf8_whatever_the_page_declares(without_trafilatura, declared):
    document = read_document("-", stdin_bytes=CYRILLIC.replace("windows-1251", declared).encode("utf-8"))
    assert document.encoding == "utf-8" and "Полиция" in document.text and document.warnings == ()


def test_an_unknown_declared_charset_falls_back_to_windows_1252(without_trafilatura):
    page = '<html><head><meta charset="klingon"></head><body><p>Le préfet a parlé.</p></body></html>'
    document = read_document("-", stdin_bytes=page.encode("cp1252"))
    assert document.text == "Le préfet a parlé.\n" and document.encoding == "cp1252"
