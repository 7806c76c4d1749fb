"""Sentence breaks after abbreviations, ellipses, list numbers and quoted questions, table-driven."""
import pytest

from factcheck.extract import split_sentences

CASES = [
    ("The plant shut at 6:40 p.m. The union said nobody was hurt.",
     ["The plant shut at 6:40 p.m.", "The union said nobody was hurt."]),
    ("The quake hit at 8:55 p.m. (1755 GMT) near the town.", ["The quake hit at 8:55 p.m. (1755 GMT) near the town."]),
    ("The order came from the U.S. It took a week to arrive.", ["The order came from the U.S.", "It took a week to arrive."]),
    ("Troops from the U.S. Navy helped.", ["Troops from the U.S. Navy helped."]),
    ("She sold the shares to Boxwell Ltd. The deal closed quickly.",
     ["She sold the shares to Boxwell Ltd.", "The deal closed quickly."]),
    ("The prize went to Harold Finch Jr. He thanked his mother.",
     ["The prize went to Harold Finch Jr.", "He thanked his mother."]),
    ("The lights flickered… Then the alarm rang.", ["The lights flickered…", "Then the alarm rang."]),
    ("The figure is on p. 12 of the report.", ["The figure is on p. 12 of the report."]),
    ("Engine No. 9 was the first to arrive.", ["Engine No. 9 was the first to arrive."]),
    ("Asked again, he said no. The hearing ended.", ["Asked again, he said no.", "The hearing ended."]),
    ("Two steps remain. 1. Drain the tank.", ["Two steps remain.", "1. Drain the tank."]),
    ("The count reached 40. Rescuers kept digging.", ["The count reached 40.", "Rescuers kept digging."]),
    # a quoted question or exclamation, then its speaker: one sentence
    ('"Can we hold the levee?" Mr. Lane asked. Nobody answered.',
     ['"Can we hold the levee?" Mr. Lane asked.', "Nobody answered."]),
    ("“Get out now!” the deputy shouted, waving at the cars.", ["“Get out now!” the deputy shouted, waving at the cars."]),
    ('"Is it safe?" The answer came late. He said so.', ['"Is it safe?"', "The answer came late.", "He said so."]),
    # a full stop inside the quotation and its speaker after it, ending the sentence: one sentence
    ('"The levee held." Mr. Lane said. Nobody answered.', ['"The levee held." Mr. Lane said.', "Nobody answered."]),
    ("“The levee held.” she added, smiling.", ["“The levee held.” she added, smiling."]),
    ('"The levee held." Mr. Lane said the water had fallen.',  # a new sentence that says more
     ['"The levee held."', "Mr. Lane said the water had fallen."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_sentence_ends(text, expected):
    assert [s.text for s in split_sentences(text)] == expected
