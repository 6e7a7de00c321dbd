"""Text normalisation shared by the interaction model index and the utterances.

Both sides go through the same steps, so "What's the cat-cow stretch?" and
the sample "what is cat cow" meet as the same words: case, punctuation,
contractions, numbers and hyphens are all made plain.
"""

from __future__ import annotations

import re

# Contractions whose expansion is not "<word> not" / "<word> is".
_CONTRACTIONS = {
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "shan't": "shall not",
    "ain't": "is not",
    "i'm": "i am",
    "let's": "let us",
    "y'all": "you all",
}
# Spellings of the same spoken words ("ok" and "okay" sound alike).
_SPELLINGS = {
    "ok": "okay",
    "k": "okay",
    "alright": "all right",
    "goodbye": "good bye",
    "nevermind": "never mind",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "cuz": "because",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"), ("'d", " would"))
# "'s" after these is "is"; elsewhere it is a possessive ("child's pose").
_IS_HOSTS = frozenset("it that there here what where who how he she this".split())

_ONES = (
    "zero one two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_DIGITS = re.compile(r"\d+")


def number_words(n: int) -> str:
    """A whole number as it is spoken: 30 -> "thirty", 125 -> "one hundred twenty five"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            high, low = divmod(n, size)
            return f"{number_words(high)} {name}" + (f" {number_words(low)}" if low else "")
    raise AssertionError("unreachable")


def _expand(word: str) -> str:
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    for suffix, expansion in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)] + expansion
    if word.endswith("'s") and word[:-2] in _IS_HOSTS:
        return word[:-2] + " is"
    return word


def normalise(text: str) -> list[str]:
    """Words as Alexa would hear them: lower case, spelled out, no punctuation."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    # Periods inside abbreviations ("p.t.") join letters; elsewhere they end sentences.
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text)
    text = _DIGITS.sub(lambda m: f" {number_words(int(m.group()[:9]))} ", text)
    text = _NON_WORD.sub(" ", text.replace("-", " "))
    words = []
    for raw in text.split():
        for word in _expand(raw.strip("'")).split():
            word = word.replace("'", "")
            if word:
                words.append(word)
    return _join_letters(words)


def _join_letters(words: list[str]) -> list[str]:
    """Spelled-out letters are one word: Alexa's "g. p." is the "GP" someone types."""
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word not in ("a", "i"):
            run.append(word)
            continue
        joined.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if word:
            joined.append(word)
    return joined


def stem(word: str) -> str:
    """A crude stem so that "stretches", "stretching" and "stretch" meet."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "knotted" -> "knott" -> "knot"
    return word
