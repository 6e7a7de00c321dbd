"""Content fidelity: everything the skill states is in the source article."""

import re

import pytest

from skill import content
from skill.catalogue import catalogue_for

# Things the skill names: each must be named by the article too.
NAMED_IN_ARTICLE = [
    "myofascial trigger point",
    "deadlifts",
    "squats",
    "rowing",
    "dehydration",
    "warm-up",
    "cool-down",
    "child's pose",
    "cat-cow",
    "lumbar rotations",
    "foam roller",
    "massage ball",
    "professional massage",
    "warm compress",
    "heating pad",
    "ice pack",
    "inflammation",
    "trainer",
    "buttocks",
    "cyst",
    "hernia",
    "numbness",
    "tingling",
    "physical therapist",
    "physical therapy",
    "dry needling",
    "20",
    "30",
    "60",
]


def all_text(locale: str = "en-US") -> str:
    cat = catalogue_for(locale)
    parts = list(cat.phrases.values())
    for topic in cat.topics.values():
        parts += [topic.title, topic.speech, topic.invite]
        parts += [text for e in topic.entries for text in (e.name, e.title, e.detail)]
    return "\n".join(parts)


def test_every_spoken_number_is_in_the_article(article):
    for locale in content.LOCALES:
        for number in set(re.findall(r"\d+", all_text(locale))):
            assert re.search(rf"\b{number}\b", article), number


@pytest.mark.parametrize("term", NAMED_IN_ARTICLE)
def test_named_things_come_from_the_article_and_are_used(term, article):
    assert term.lower() in article.lower(), term
    assert term.lower() in all_text().lower(), f"{term} is in the list but the skill never says it"


def test_the_article_lists_match_the_content(article):
    assert len(content.CAUSES) == 6 and len(content.SYMPTOMS) == 5
    assert len(content.RELIEF_METHODS) == 6 and len(content.REASONS_TO_SEE_A_PROFESSIONAL) == 5


def test_never_diagnoses():
    text = all_text().lower()
    for claim in (
        "you have a muscle knot",
        "it is a muscle knot",
        "it's a muscle knot",
        "your lump is a",
        "nothing to worry",
        "it is harmless",
        "it's harmless",
        "you don't need a doctor",
    ):
        assert claim not in text, claim


def test_every_red_flag_answer_sends_to_a_professional():
    topics = catalogue_for("en-US").topics
    flags = [t for t in topics.values() if t.id.startswith("red_flag")]
    assert len(flags) == len(content.REASONS_TO_SEE_A_PROFESSIONAL)
    for topic in flags:
        assert "see a doctor or physical therapist" in topic.speech, topic.id


def test_disclaimer_is_short_and_educational():
    assert len(content.DISCLAIMER.split()) <= 12
    assert "not medical advice" in content.DISCLAIMER
    assert "not a substitute for professional medical advice" in content.MANIFEST_DISCLAIMER
