"""Whether two values read by quantities.py can both be true: intervals of one kind and one thing."""
from __future__ import annotations

from .quantities import Value


def conflict(x: Value, y: Value) -> bool | None:
    """True when x and y cannot both be true, False when they can, None when they don't compare."""
    if x.kind != y.kind or (x.kind in ("count", "money", "ordinal") and (x.what is None or x.what != y.what)):
        return None
    if x.kind == "year" and x.what != y.what:  # the year a block was built, the year it was refurbished
        return None
    if x.kind == "date" and x.what and y.what and x.what != y.what:
        return True
    if x.kind == "clock":  # local and universal times differ by an offset we don't know
        return None if (x.what == "UTC") != (y.what == "UTC") else not _overlap_around(
            x, y, 720 if "12h" in (x.what, y.what) else 1440)
    if x.kind == "part_of_day" and (x.what != y.what or x.what is None):  # other days: day values decide
        return None if x.what != y.what else not _overlap_around(x, y, 1440)
    return not overlap(x, y)


def overlap(x: Value, y: Value) -> bool:
    """Whether the two intervals share a value."""
    return x.low <= y.high and y.low <= x.high


def _overlap_around(x: Value, y: Value, period: float) -> bool:
    """Whether two intervals on a clock face of `period` minutes share a moment ("around midnight")."""
    lag = (y.low - x.low) % period  # where y starts, counted on from x's start
    return lag <= x.high - x.low or lag + y.high - y.low >= period
