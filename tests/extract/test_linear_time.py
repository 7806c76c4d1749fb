"""Extraction time grows linearly with the text, even where every other word is a cue."""
import time

import pytest

from factcheck import extract

MEGABYTE = 1 << 20
# Worst cases: cues back to back in one sentence, many short attributed sentences, long
# chains of joins inside one clause, a quotation reopened again and again.
UNITS = ["he said ", "She said it rained. ", "and the water rose and ", ", which burned, ", '"we said, ']


def _seconds(unit: str, size: int) -> float:
    text = unit * (size // len(unit))
    started = time.perf_counter()
    found = extract(text)
    elapsed = time.perf_counter() - started
    assert all(text[c.start:c.end] == c.text for c in found.claims)
    return elapsed


def test_one_megabyte_of_back_to_back_cues_is_linear():
    small, large = _seconds("he said ", MEGABYTE // 8), _seconds("he said ", MEGABYTE)
    assert large < 16 * small + 0.5  # 8x the text; quadratic time would be 64x


@pytest.mark.parametrize("unit", UNITS[1:])
def test_other_worst_cases_are_linear(unit):
    small, large = _seconds(unit, MEGABYTE // 64), _seconds(unit, MEGABYTE // 8)
    assert large < 16 * small + 0.5


def test_a_back_reference_in_every_sentence_is_linear():
    # "the minister" is looked up among the sources met before: once over each distinct one, and
    # only so far back, however many sentences came before
    unit = "The minister said it rained. "
    small, large = _seconds(unit, MEGABYTE // 16), _seconds(unit, MEGABYTE // 2)
    assert large < 16 * small + 0.5
