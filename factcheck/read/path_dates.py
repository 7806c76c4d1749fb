"""A publication date from where an article is kept: `breitbart_2015-11-11_the-ninth-circle.txt`,
`20151111-budget.txt`, `news/2015/11/11/budget.txt`.

Archives and crawls often keep an article's date only there. A date is taken only when it is
unambiguous: written year first (never 11-10-2015, which is read both ways), a real day of a
plausible year, and the only date the path gives. Only the path is read, never the text.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

EARLIEST_YEAR = 1900  # a "year" before this is some other number (an id, a count)
YEARS_AHEAD = 1       # a date after next year is no publication date
# YYYY-MM-DD or YYYY_MM_DD (one separator twice), or YYYYMMDD, not inside a longer number.
_IN_NAME = re.compile(r"(?<!\d)(\d{4})(?:([-_])(\d{2})\2(\d{2})|(\d{2})(\d{2}))(?!\d)")
# .../2015/11/11/... : the year, month and day folders of an archive, the file inside them.
_IN_FOLDERS = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})(?=/)")


def date_from_path(path: str) -> str | None:
    """The publication date (YYYY-MM-DD) the file's name or folders give, if exactly one."""
    posix = PurePath(path).as_posix()
    name = PurePath(path).name
    found = {_plausible(m.group(1), m.group(3) or m.group(5), m.group(4) or m.group(6))
             for m in _IN_NAME.finditer(name)}
    found |= {_plausible(*m.groups()) for m in _IN_FOLDERS.finditer(posix)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _plausible(year: str, month: str, day: str) -> str | None:
    """The ISO date of these digits if they make a real day of a plausible year, else None."""
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not EARLIEST_YEAR <= found.year <= date.today().year + YEARS_AHEAD:
        return None
    return found.isoformat()
