"""A publication date from the file's name or folders, only when it is unambiguous (issue 12)."""
import json

import pytest
from typer.testing import CliRunner

from factcheck.present.cli import app
from factcheck.read import read_document
from factcheck.read.path_dates import date_from_path

runner = CliRunner()


@pytest.mark.parametrize("path, expected", [
    ("gazette_2019-03-07_bridge-closes.txt", "2019-03-07"),
    ("archive/wire_2019_03_07_bridge.md", "2019-03-07"),
    ("20190307-bridge-closes.txt", "2019-03-07"),
    ("bridge-closes-20190307.html", "2019-03-07"),
    ("news/2019/03/07/bridge-closes.txt", "2019-03-07"),
    ("/srv/crawl/2019/03/07/index.html", "2019-03-07"),
    ("2019-03-07_bridge_20190307.txt", "2019-03-07"),      # the same date twice is one date
    ("news/2019/03/07/gazette_2019-03-07_bridge.txt", "2019-03-07"),
    # no date, or none that is sure
    ("bridge-closes.txt", None),
    ("07-03-2019_bridge.txt", None),                        # day or month first: read both ways
    ("03/07/2019/bridge.txt", None),
    ("gazette_2019-02-30_bridge.txt", None),                # no such day
    ("gazette_2019-13-01_bridge.txt", None),                # no such month
    ("gazette_1066-10-14_hastings.txt", None),              # no plausible publication year
    ("gazette_2999-01-01_future.txt", None),
    ("story-120190307.txt", None),                          # inside a longer number: an id
    ("photo_201903071530.txt", None),                       # a time stamp, not a date alone
    ("gazette_2019-03_07_bridge.txt", None),                # mixed separators
    ("2019-03-07_update-2019-03-09.txt", None),             # two dates: which one?
    ("news/2019/03/07/gazette_2019-03-09.txt", None),
    ("news/2019/03/bridge.txt", None),                      # a month, no day
    ("2019/03/07", None),                                   # a file called 07 in 2019/03
    ("breitbart_2015-11-11_the-ninth-circle.txt", "2015-11-11"),
])
def test_date_from_path(path, expected):
    assert date_from_path(path) == expected


def test_the_date_of_the_text_is_never_read(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text("Published 2019-03-07. The bridge closed on 20190307, officials said.\n", encoding="utf-8")
    assert read_document(str(path)).published is None


def test_a_plain_text_or_markdown_file_takes_the_date_of_its_name(tmp_path):
    for name in ("wire_2019-03-07_bridge.txt", "wire_20190307_bridge.md"):
        path = tmp_path / name
        path.write_text("# Bridge\n\nOfficials said the bridge closed.\n", encoding="utf-8")
        assert read_document(str(path)).published == "2019-03-07"


def test_a_page_date_comes_before_the_file_name(tmp_path):
    page = ('<html><head><meta property="article:published_time" content="2019-03-05T10:00:00Z">'
            "<title>Bridge</title></head><body><article><p>Officials said the bridge closed.</p></article>"
            "</body></html>")
    dated = tmp_path / "gazette_2019-03-07_bridge.html"
    dated.write_text(page, encoding="utf-8")
    assert read_document(str(dated)).published == "2019-03-05"
    undated = tmp_path / "gazette_2019-03-07_other.html"
    undated.write_text(page.replace('<meta property="article:published_time" content="2019-03-05T10:00:00Z">', ""),
                       encoding="utf-8")
    assert read_document(str(undated)).published == "2019-03-07"


def test_ingest_stores_the_date_of_the_name_but_published_given_wins(db_path, tmp_path):
    path = tmp_path / "gazette_2019-03-07_bridge.txt"
    path.write_text("Bridge shut\n\nOfficials said the bridge closed.\n", encoding="utf-8")
    other = tmp_path / "gazette_2019-03-08_road.txt"
    other.write_text("Road shut\n\nPolice said the road closed.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(path)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(other), "--published", "2020-01-02"]).exit_code == 0
    rows = {r["title"]: r["published"] for r in json.loads(runner.invoke(app, ["articles", "--json"]).output)}
    assert rows == {"Bridge shut": "2019-03-07", "Road shut": "2020-01-02"}
