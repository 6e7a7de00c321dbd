"""Speech helpers: lists said the way a person says them, and SSML that is always valid."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from skill.speech import plain, spoken_list, ssml


@pytest.mark.parametrize(
    ("items", "conjunction", "said"),
    [
        ([], "and", ""),
        (["rest"], "and", "rest"),
        (["heat", "ice"], "or", "heat or ice"),
        (["heat", "ice"], "and", "heat and ice"),
        (["a", "b", "c"], "and", "a, b, and c"),
        (("a", "b", "c"), "or", "a, b, or c"),
    ],
)
def test_spoken_list(items, conjunction, said):
    assert spoken_list(items, conjunction) == said


def test_ssml_escapes_what_would_break_it_and_plain_reads_it_back():
    text = 'Salt & pepper <b> "quoted"'
    ElementTree.fromstring(f"<speak>{ssml(text)}</speak>")
    assert plain(ssml(text)) == text
