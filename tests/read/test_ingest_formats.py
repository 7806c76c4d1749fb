"""`factcheck ingest` of HTML and Markdown: stored as text, page metadata used, offsets exact."""
import importlib.util
import json
import sys

import pytest
from typer.testing import CliRunner

from factcheck.present.cli import app

runner = CliRunner()

PAGE = """<!doctype html><html><head>
<title>Bridge closed - Daily Courier</title>
<meta property="og:site_name" content="Daily Courier">
<link rel="canonical" href="https://courier.example/bridge">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge closed after crash",
 "datePublished": "2015-01-08T10:30:00+01:00", "author": {"@type": "Person", "name": "Jane Doe"}}</script>
</head><body><nav>Home | News | Sport</nav><article><h1>Bridge closed after crash</h1>
<p>The bridge was closed on <strong>Friday</strong> after a crash, police said.</p>
<p>&#8220;Nobody was hurt,&#8221; the mayor told reporters.</p></article></body></html>"""


def run(*args, input=None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    return result


@pytest.fixture(params=["html.parser", "trafilatura"])
def html_reader(request, monkeypatch):
    """Each HTML test runs with the built-in reader and, when the extra is installed, trafilatura."""
    if request.param == "html.parser":
        monkeypatch.setitem(sys.modules, "trafilatura", None)
    elif importlib.util.find_spec("trafilatura") is None:
        pytest.skip("the html extra is not installed")
    return request.param


def stored() -> dict:
    [article] = json.loads(run("articles", "--json").output)
    return json.loads(run("show", str(article["id"]), "--json").output)


def test_html_on_standard_input_is_read_as_a_page(db_path, html_reader):
    result = run("ingest", "-", input=PAGE)
    assert result.exit_code == 0, result.output
    article = stored()
    assert "<" not in article["text"] and "Home | News" not in article["text"]
    assert (article["title"], article["outlet"], article["published"], article["url"]) == (
        "Bridge closed after crash", "Daily Courier", "2015-01-08", "https://courier.example/bridge")
    claims = {c["text"]: c for c in article["claims"]}
    assert "The bridge was closed on Friday after a crash" in claims
    assert all(article["text"][c["start"]:c["end"]] == c["text"] for c in article["claims"])


def test_what_is_given_comes_before_what_the_page_says(db_path, html_reader):
    result = run("ingest", "-", "--title", "Given", "--url", "https://given.example/x",
                 "--published", "2015-01-09", "--outlet", "Wire", input=PAGE)
    assert result.exit_code == 0, result.output
    article = stored()
    assert (article["title"], article["outlet"], article["published"], article["url"]) == (
        "Given", "Wire", "2015-01-09", "https://given.example/x")


def test_a_markdown_file_is_stored_without_its_marks(db_path, tmp_path):
    path = tmp_path / "bridge.md"
    path.write_text("# Bridge closed\n\nThe bridge was closed on **Friday**, [police said](https://p.example).\n")
    assert run("ingest", str(path)).exit_code == 0
    article = stored()
    assert article["title"] == "Bridge closed"
    assert article["text"] == "Bridge closed\n\nThe bridge was closed on Friday, police said.\n"
    assert [c["text"] for c in article["claims"]] == ["The bridge was closed on Friday"]
    assert all(article["text"][c["start"]:c["end"]] == c["text"] for c in article["claims"])


def test_extract_reads_html_and_markdown_too(tmp_path, html_reader):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = run("extract", str(page), "--json")
    assert result.exit_code == 0
    assert {json.loads(line)["text"] for line in result.stdout.splitlines()} >= {
        "The bridge was closed on Friday after a crash", "Nobody was hurt"}
