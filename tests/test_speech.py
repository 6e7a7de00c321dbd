"""Speech helpers: lists said the way a person says them, and SSML that is always valid."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from skill.speech import MAX_BREAK_SECONDS, plain, spoken_list, ssml, timed_ssml


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


@pytest.mark.parametrize(
    ("seconds", "breaks"),
    [(1, ["1s"]), (10, ["10s"]), (15, ["10s", "5s"]), (30, ["10s", "10s", "10s"]), (31, ["10s", "10s", "10s", "1s"])],
)
def test_a_silence_is_said_as_breaks_of_at_most_ten_seconds(seconds, breaks):
    said = timed_ssml(["Hold it.", seconds, "And release."])
    assert said.startswith("Hold it. ") and said.endswith(" And release.")
    assert [tag.get("time") for tag in ElementTree.fromstring(f"<speak>{said}</speak>")] == breaks
    assert all(int(time.removesuffix("s")) <= MAX_BREAK_SECONDS for time in breaks)


def test_timed_speech_escapes_what_it_says_and_reads_back_without_the_pauses():
    said = timed_ssml(["Salt & <pepper>", 15, "done"])
    ElementTree.fromstring(f"<speak>{said}</speak>")
    assert " ".join(plain(said).split()) == "Salt & <pepper> done"
    assert timed_ssml(["one", "two"]) == ssml("one two")
