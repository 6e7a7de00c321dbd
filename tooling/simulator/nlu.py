"""Understanding: a typed utterance becomes an intent, slots and a score.

Everything comes from the interaction model (samples, slot types, the
invocation name) plus Amazon's built-in vocabulary (builtin_vocabulary.py).  The index
is built once per locale; a turn only looks things up in it.

How an utterance is scored, in short:

* Words are normalised and stemmed; a misspelt word is corrected to the
  nearest word the model knows (rapidfuzz), if one is close enough.
* Every sample is compared with the utterance as a bag of words, each word
  weighted by how few intents use it (so "knot" or "stretch" count, "what is
  the" barely does, and a word the model has never seen counts against the
  match).  Precision and recall of those weights give an F-score; a
  character-level similarity (rapidfuzz) adds a little credit for word order
  and near-misses.  Extra words, missing words and a different order all
  lower the score a little instead of breaking the match.
* The intent's samples taken together also vote: the share of the
  utterance's weight that any of them (or the slot value) accounts for.
* Slot values are found as spans of the utterance that equal (or nearly
  equal) a value or synonym of a slot type, then placed into the samples
  that carry that slot.  A carrier phrase that matches exactly around words
  no value knows still fills the slot, unresolved (ER_SUCCESS_NO_MATCH),
  as Alexa does, but with a lower score.
* An ``AMAZON.SearchQuery`` sample ("i have {description}") takes whatever
  follows its carrier phrase, word for word, as Alexa does, but only when the
  carrier opens the utterance; it scores a fixed SEARCH_QUERY_SCORE, so any
  specific intent that fits well still wins.  The words go to the skill as
  speech recognition would write them: fillers kept, disfluencies dropped.
* Below a threshold the answer is AMAZON.FallbackIntent.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from tooling.simulator import builtin_vocabulary
from tooling.simulator.model import MODEL_DIR, InteractionModel, SlotValue, load_model
from tooling.simulator.text import normalise, stem

FALLBACK_INTENT = "AMAZON.FallbackIntent"
LAUNCH = "LaunchRequest"
SESSION_END = "SessionEndedRequest"

THRESHOLD = 0.65  # below this an utterance goes to AMAZON.FallbackIntent
# Word weights.  Measured on tests/data/nlu/ (make nlu-report) when they were chosen.
GRAMMAR_WEIGHT = 0.3  # a grammar word ("the", "is", "on"), known or not
CONTENT_WEIGHT = 1.0  # the least a word the model knows can weigh
# A word the model has never seen is evidence against a match.  It weighs as a word used by this
# (fractional) number of intents would, so that it keeps its weight beside the known words as
# intents are added: 3.0 with the 37 intents the weights were chosen with.
UNKNOWN_DOCUMENT_FREQUENCY = 38 / math.exp(3.0)
SLOT_WEIGHT = 1.5  # a slot value, however many words it has
# How a reading's score is made up.
CHARACTER_SHARE = 0.3  # character-level similarity to the sample (word order, near-misses)
INTENT_SHARE = 0.3  # how much of the utterance the intent's samples, taken together, know
UNRESOLVED_SLOT_SCORE = 0.75  # an exact carrier around words no slot value knows
# rapidfuzz cut-offs (0-100).
TYPO_CUTOFF = 85  # correcting a word the model does not know to one it does
VALUE_CUTOFF = 88  # a span of the utterance counting as a slot value
INVOCATION_CUTOFF = 85  # the invocation name, as speech recognition may spell it ("back not guide")
MAX_UNRESOLVED_WORDS = 6  # the longest unknown value a carrier captures
# A SearchQuery reading's score before the intent-coverage share (which it
# always gets in full: the words it took are its own).  0.6 puts it at 0.72,
# above the threshold and below a specific intent that fits well.
SEARCH_QUERY_SCORE = 0.6
SEARCH_QUERY = "AMAZON.SearchQuery"
MAX_SEARCH_WORDS = 40  # the most words one SearchQuery slot takes
SHORTLIST = 40  # samples kept from the word-weight pass for character scoring

# Alexa fills a slot with the words said in its place.  Where a sample's carrier is said word for
# word around a value plus a negation ("it's {warningSign}" heard as "it's not getting bigger"), the
# negation is in the slot's words, and those words no longer name the value: the slot goes unresolved.
_NEGATIONS = frozenset("no not never without none nothing".split())
_DETERMINERS = frozenset("a an the my some your this that these those".split())
_SLOT_REF = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Slot:
    """A filled slot, reported the way Alexa reports it."""

    name: str
    value: str  # the words as said
    slot_type: str
    value_id: str | None = None  # None: ER_SUCCESS_NO_MATCH
    value_name: str | None = None

    @property
    def resolved(self) -> bool:
        return self.value_id is not None


@dataclass(frozen=True)
class Understanding:
    kind: str  # "launch", "intent" or "exit"
    intent: str | None
    slots: dict[str, Slot] = field(default_factory=dict)
    score: float = 1.0
    invoked: bool = False  # the utterance named the skill (open, ask, tell...)

    @property
    def label(self) -> str:
        """The request type, or the intent name for an IntentRequest."""
        if self.kind == "launch":
            return LAUNCH
        if self.kind == "exit":
            return SESSION_END
        return self.intent or FALLBACK_INTENT


@dataclass(frozen=True)
class _Sample:
    intent: str
    stems: frozenset[str]
    text: str


@dataclass(frozen=True)
class _Carrier:
    """A sample with one slot: the words around it."""

    intent: str
    slot: str
    slot_type: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    stems: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "stems", frozenset(stem(w) for w in (*self.before, *self.after)))


@dataclass(frozen=True)
class _Mention:
    """Words of the utterance that name a slot value."""

    slot_type: str
    start: int
    end: int
    value: SlotValue
    quality: float  # 1.0 exact, less for a near match


class _ValueIndex:
    """One slot type's values and synonyms, keyed by their stemmed words."""

    def __init__(self, slot_type: str, keys: dict[tuple[str, ...], SlotValue]):
        self.slot_type = slot_type
        self.keys = keys
        self._values = list(keys.values())
        self._texts = [" ".join(key) for key in keys]

    def find(self, key: tuple[str, ...], start: int, end: int) -> _Mention | None:
        value = self.keys.get(key)
        if value is not None:
            return _Mention(self.slot_type, start, end, value, 1.0)
        text = " ".join(key)
        if len(text) < 5:
            return None
        match = process.extractOne(text, self._texts, scorer=fuzz.token_sort_ratio, score_cutoff=VALUE_CUTOFF)
        if match is None:
            return None
        return _Mention(self.slot_type, start, end, self._values[match[2]], match[1] / 100)


@dataclass
class Candidate:
    """One reading of an utterance: an intent, its slots, and how well it fits."""

    intent: str
    score: float
    slots: dict[str, Slot] = field(default_factory=dict)
    value_stems: frozenset[str] = frozenset()  # the words a slot took


class NLU:
    """The understanding of one interaction model (one locale)."""

    def __init__(self, model: InteractionModel):
        self.model = model
        self.invocation = " ".join(normalise(model.invocation_name))
        self._samples: list[_Sample] = []
        self._carriers: list[_Carrier] = []
        self._search_carriers: list[_Carrier] = []
        for intent in model.intents.values():
            for sample in self._phrasings(intent.name):
                self._add_sample(intent.name, sample)
        self._exits = {" ".join(self._words(p)) for p in builtin_vocabulary.EXIT_PHRASES}
        self._values = {name: _ValueIndex(name, self._value_keys(values)) for name, values in model.types.items()}
        # A spoken value may carry a determiner or two more than its synonym.
        self._longest_value = 2 + max((len(k) for i in self._values.values() for k in i.keys), default=0)
        self._intent_words = self._words_by_intent()
        self._weights = self._word_weights()
        self._unknown_weight = math.log((len(self._intent_words) + 1) / UNKNOWN_DOCUMENT_FREQUENCY)
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        for index, known in enumerate(self._samples):
            for s in known.stems:
                self._by_stem[s].append(index)
        self._sample_weight = [self._weight(s.stems) for s in self._samples]
        self._vocabulary = sorted(self._known_words())
        self._known_stems = {stem(w) for w in self._vocabulary}

    # -- building the index --------------------------------------------------

    def _phrasings(self, intent: str) -> list[str]:
        samples = list(self.model.intents[intent].samples)
        samples += builtin_vocabulary.BUILT_IN_PHRASES.get(intent, ())
        return samples

    @staticmethod
    def _words(text: str) -> list[str]:
        words = normalise(text)
        return [
            w
            for i, w in enumerate(words)
            if w not in builtin_vocabulary.FILLER_WORDS
            or (w == "so" and words[i + 1 : i + 2] in ([g] for g in builtin_vocabulary.GRADED_BY_SO))
        ]

    def _add_sample(self, intent: str, sample: str) -> None:
        refs = _SLOT_REF.findall(sample)
        if not refs:
            words = self._words(sample)
            if words:
                self._samples.append(_Sample(intent, frozenset(map(stem, words)), " ".join(words)))
            return
        slot = refs[0]  # one slot per sample is all this model uses; extra refs are literal gaps
        before, _, after = sample.partition("{" + slot + "}")
        slot_type = self.model.intents[intent].slots.get(slot)
        if slot_type == SEARCH_QUERY:
            carrier = _Carrier(intent, slot, slot_type, tuple(self._words(before)), tuple(self._words(after)))
            if carrier.before:  # "actually {description}": this simulator drops "actually" from what is said
                self._search_carriers.append(carrier)
        elif slot_type in self.model.types:
            carrier = _Carrier(intent, slot, slot_type, tuple(self._words(before)), tuple(self._words(after)))
            self._carriers.append(carrier)

    def _value_keys(self, values: tuple[SlotValue, ...]) -> dict[tuple[str, ...], SlotValue]:
        index: dict[tuple[str, ...], SlotValue] = {}
        for value in values:
            for phrasing in value.phrasings:
                key = _value_key(self._words(phrasing))
                if key:
                    index.setdefault(key, value)
        return index

    def _words_by_intent(self) -> dict[str, set[str]]:
        """Every stem each intent's samples use, slot values aside."""
        documents: dict[str, set[str]] = defaultdict(set)
        for sample in self._samples:
            documents[sample.intent] |= sample.stems
        for carrier in self._carriers:
            documents[carrier.intent] |= carrier.stems
        return documents

    def _word_weights(self) -> dict[str, float]:
        """Inverse intent frequency: a word used by few intents says more."""
        documents = {intent: set(words) for intent, words in self._intent_words.items()}
        for carrier in self._carriers:
            for value in self.model.types[carrier.slot_type]:
                for phrasing in value.phrasings:
                    documents[carrier.intent] |= {stem(w) for w in self._words(phrasing)}
        count = len(documents)
        frequency: dict[str, int] = defaultdict(int)
        for stems in documents.values():
            for s in stems:
                frequency[s] += 1
        weights = {s: max(CONTENT_WEIGHT, math.log((count + 1) / df)) for s, df in frequency.items()}
        weights.update((stem(w), GRAMMAR_WEIGHT) for w in builtin_vocabulary.FUNCTION_WORDS)
        return weights

    def _known_words(self) -> set[str]:
        words = set(self.invocation.split())
        for sample in self._samples:
            words.update(sample.text.split())
        for carrier in self._carriers:
            words.update(carrier.before + carrier.after)
        for values in self.model.types.values():
            for value in values:
                for phrasing in value.phrasings:
                    words.update(self._words(phrasing))
        return words

    def _weight(self, stems) -> float:
        # fsum: a set's order changes with the hash seed, and a plain sum's last bit with the order, which
        # broke ties between two intents differently from one run to the next.
        return math.fsum(self._weights.get(s, self._unknown_weight) for s in stems)

    # -- understanding ---------------------------------------------------------

    def understand(self, utterance: str) -> Understanding:
        """What Alexa would send for ``utterance``, invocation phrases included."""
        words = self._words(utterance)
        if " ".join(words) in self._exits:
            return Understanding("exit", None)
        spoken = _transcribed(utterance)
        question = self._invocation(words)
        if question is None:
            return self.classify(words, spoken)
        if not question:
            return Understanding("launch", None, invoked=True)
        found = self.classify(question, spoken)
        return Understanding(found.kind, found.intent, found.slots, found.score, invoked=True)

    def _invocation(self, words: list[str]) -> list[str] | None:
        """The question asked with the invocation name, [] for a plain launch, None if not invoked."""
        size = len(self.invocation.split())
        for start in range(len(words) - size + 1):
            said = " ".join(words[start : start + size])
            if fuzz.ratio(said, self.invocation) < INVOCATION_CUTOFF:
                continue
            before, after = words[:start], words[start + size :]
            if before[-1:] == ["the"]:
                before = before[:-1]  # "open the back knot guide"
            if " ".join(before) in _LAUNCH_VERBS:
                return _drop_connector(_drop_tail(after))
            if before and before[-1] in builtin_vocabulary.TRAILING_CONNECTORS and not _drop_tail(after):
                return before[:-1]
        return None

    def classify(self, words: list[str] | str, spoken: list[str] | None = None) -> Understanding:
        """The intent for words already stripped of any invocation phrase.

        ``spoken`` is the whole utterance as transcribed, fillers kept: where a
        SearchQuery slot's words are taken from.
        """
        ranked = self.ranked(words, spoken)
        if not ranked or ranked[0].score < THRESHOLD:
            score = round(ranked[0].score, 3) if ranked else 0.0
            return Understanding("intent", FALLBACK_INTENT, score=score)
        best = ranked[0]
        return Understanding("intent", best.intent, best.slots, round(min(best.score, 1.0), 3))

    def ranked(self, words: list[str] | str, spoken: list[str] | None = None) -> list[Candidate]:
        """Every reading of the words, best first (ties keep slot readings first)."""
        if isinstance(words, str):
            spoken = spoken or _transcribed(words)
            words = self._words(words)
        search = self._search_candidates(words, spoken or words)
        words = [self._correct(w) for w in words]
        stems = [stem(w) for w in words]
        for candidate in search:
            candidate.value_stems = frozenset(stems)  # every word is the slot's or the carrier's
        # On a tie, the SearchQuery reading goes first: the skill reads its words itself.
        candidates = [*search, *self._slot_candidates(words, stems), *self._sample_candidates(words, stems)]
        utterance = frozenset(stems)
        for candidate in candidates:
            coverage = self._coverage(utterance, candidate)
            candidate.score = (1 - INTENT_SHARE) * candidate.score + INTENT_SHARE * coverage
        return sorted(candidates, key=lambda c: -c.score)

    def _coverage(self, utterance: frozenset[str], candidate: Candidate) -> float:
        """How much of what was said the intent's samples (and the slot value) account for."""
        known = self._intent_words[candidate.intent] | candidate.value_stems
        return self._weight(utterance & known) / self._weight(utterance)

    def _search_candidates(self, words: list[str], spoken: list[str]) -> list[Candidate]:
        """SearchQuery readings: a carrier phrase that opens the utterance, and every word after it.

        The shortest carrier comes first, so the slot keeps the most words.
        """
        candidates = []
        for carrier in sorted(self._search_carriers, key=lambda c: len(c.before)):
            size = len(carrier.before)
            if tuple(words[:size]) != carrier.before or carrier.after:
                continue  # this model's SearchQuery carriers all come first
            rest = words[size:]
            if not 0 < len(rest) <= MAX_SEARCH_WORDS:
                continue
            said = _spoken_tail(spoken, rest, self._words)
            if said is None:
                continue  # the carrier ends inside a word as said ("can" in "can't sit"): Alexa cannot split it
            slot = Slot(carrier.slot, " ".join(said), carrier.slot_type)
            candidates.append(Candidate(carrier.intent, SEARCH_QUERY_SCORE, {carrier.slot: slot}))
        return candidates

    def _correct(self, word: str) -> str:
        if len(word) < 4 or stem(word) in self._known_stems:
            return word
        match = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        return match[0] if match else word

    def _f_score(
        self, utterance: frozenset[str], utterance_weight: float, sample: frozenset[str], sample_weight: float
    ) -> float:
        shared = self._weight(utterance & sample)
        if not shared:
            return 0.0
        return _f1(shared / utterance_weight, shared / sample_weight)

    def _slot_f_score(self, stems: list[str], mention: _Mention, carrier: _Carrier) -> float:
        """The F-score with the slot value counted as one word of fixed weight.

        Otherwise a long value ("not enough rest between workouts") would
        outweigh the carrier words, and any carrier would do.
        """
        rest = frozenset(stems[: mention.start] + stems[mention.end :])
        shared = self._weight(rest & carrier.stems) + SLOT_WEIGHT
        precision = shared / (self._weight(rest) + SLOT_WEIGHT)
        recall = shared / (self._weight(carrier.stems) + SLOT_WEIGHT)
        return _f1(precision, recall)

    def _blend(self, f_score: float, said: str, sample_text: str) -> float:
        characters = fuzz.ratio(said, sample_text) / 100
        return (1 - CHARACTER_SHARE) * f_score + CHARACTER_SHARE * characters

    def _sample_candidates(self, words: list[str], stems: list[str]) -> list[Candidate]:
        utterance = frozenset(stems)
        weight = self._weight(utterance)
        touched = {i for s in utterance for i in self._by_stem.get(s, ())}
        scored = sorted(
            ((self._f_score(utterance, weight, self._samples[i].stems, self._sample_weight[i]), i) for i in touched),
            reverse=True,
        )[:SHORTLIST]
        said = " ".join(words)
        return [Candidate(self._samples[i].intent, self._blend(f, said, self._samples[i].text)) for f, i in scored]

    def _slot_candidates(self, words: list[str], stems: list[str]) -> list[Candidate]:
        mentions = self._mentions(words)
        said = " ".join(words)
        candidates = []
        for carrier in self._carriers:
            for mention in mentions:
                if mention.slot_type != carrier.slot_type:
                    continue
                span = words[mention.start : mention.end]
                f = self._slot_f_score(stems, mention, carrier)
                text = " ".join((*carrier.before, *span, *carrier.after))
                score = self._blend(f, said, text) * mention.quality
                slot = Slot(carrier.slot, " ".join(span), carrier.slot_type, mention.value.id, mention.value.name)
                negated = self._negated_span(carrier, words, mention)
                if negated:
                    slot = Slot(carrier.slot, " ".join(negated), carrier.slot_type)
                value_stems = frozenset(stems[mention.start : mention.end])
                candidates.append(Candidate(carrier.intent, score, {carrier.slot: slot}, value_stems))
            unresolved = self._unresolved(carrier, words, mentions)
            if unresolved:
                candidates.append(unresolved)
        return candidates

    def _negated_span(self, carrier: _Carrier, words: list[str], mention: _Mention) -> list[str] | None:
        """The words in the slot's place when the carrier is said exactly around the value and a negation."""
        start, end = len(carrier.before), len(words) - len(carrier.after)
        if not (start <= mention.start and mention.end <= end and end - start <= MAX_UNRESOLVED_WORDS):
            return None
        if tuple(words[:start]) != carrier.before or tuple(words[end:]) != carrier.after:
            return None
        extra = words[start : mention.start] + words[mention.end : end]
        return words[start:end] if _NEGATIONS & set(extra) else None

    def _unresolved(self, carrier: _Carrier, words: list[str], mentions: list[_Mention]) -> Candidate | None:
        """The carrier said word for word around a value no slot type knows."""
        start, end = len(carrier.before), len(words) - len(carrier.after)
        if not 0 < end - start <= MAX_UNRESOLVED_WORDS:
            return None
        if tuple(words[:start]) != carrier.before or tuple(words[end:]) != carrier.after:
            return None
        if any(start <= m.start and m.end <= end and m.slot_type == carrier.slot_type for m in mentions):
            return None  # a value was said in there: the resolved candidates cover it
        slot = Slot(carrier.slot, " ".join(words[start:end]), carrier.slot_type)
        return Candidate(carrier.intent, UNRESOLVED_SLOT_SCORE, {carrier.slot: slot})

    def _mentions(self, words: list[str]) -> list[_Mention]:
        """Every span of the utterance that names a value of some slot type."""
        found = []
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + self._longest_value) + 1):
                key = _value_key(words[start:end])
                if not key:
                    continue
                for index in self._values.values():
                    mention = index.find(key, start, end)
                    if mention:
                        found.append(mention)
        return found


_TRANSCRIPT_NOISE = re.compile(r"[^a-z0-9' ]+")


def _transcribed(utterance: str) -> list[str]:
    """The words as Alexa's speech recognition writes them: lower case, contractions kept, no disfluencies."""
    words = _TRANSCRIPT_NOISE.sub(" ", utterance.lower().replace("\u2019", "'")).split()
    return [w for w in words if w not in builtin_vocabulary.DISFLUENCIES]


def _spoken_tail(spoken: list[str], rest: list[str], strip) -> list[str] | None:
    """The end of ``spoken`` that, fillers removed, is ``rest``: the words as transcribed."""
    for start in range(len(spoken)):
        if strip(" ".join(spoken[start:])) == rest:
            return spoken[start:]
    return None


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall)


_LAUNCH_VERBS = frozenset({"", *builtin_vocabulary.LAUNCH_VERBS})


def _drop_tail(words: list[str]) -> list[str]:
    """ "open back knot guide skill" -> nothing asked."""
    return [] if words in (["skill"], ["app"]) else words


def _drop_connector(words: list[str]) -> list[str]:
    if words and words[0] in builtin_vocabulary.CONNECTING_WORDS:
        return words[1:]
    return words


def _value_key(words: list[str]) -> tuple[str, ...]:
    """A value's words without determiners: "skipping my warm up" is "skipping the warm up"."""
    return tuple(stem(w) for w in words if w not in _DETERMINERS)


@cache
def nlu_for(locale: str = "en-US", directory: Path = MODEL_DIR) -> NLU:
    """The NLU for ``locale``, built on first use and kept."""
    return NLU(load_model(locale, directory))
