"""How well the simulator understands: accuracy on a labelled set.

``make nlu-report`` runs this on tests/data/nlu/: accuracy per intent, the share
of out-of-domain utterances sent to AMAZON.FallbackIntent, and every
confusion, so that misses can guide new sample utterances.

An utterance counts as understood when it lands on the answer its label
names.  Usually that means the same intent and slot value; but the model
has two roads to some answers (StretchingIntent, and ReliefIntent with
method "stretching"), and the skill routes both to one topic, so either
reading is right.  The report also gives the share of exact intent matches.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from skill import conversation
from skill.catalogue import catalogue_for
from skill.replies import Reply, topic_reply
from skill.topics import INTENT_ROUTES, MORE_SUFFIX, RED_FLAG_GROUP, SLOT_VALUE_TOPICS, entry_position
from tooling import paths
from tooling.simulator.nlu import FALLBACK_INTENT, NLU, SESSION_END, Understanding, nlu_for

ANY_SLOTS = "*"
UNRESOLVED = "?"
LABELS_DIR = paths.LABELS_DIR


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # intent name, or LaunchRequest / SessionEndedRequest
    slots: dict[str, str] | None  # slot -> value id or "?"; None accepts any slots


@dataclass(frozen=True)
class Miss:
    text: str
    expected: str
    got: str
    slots: str
    score: float


@dataclass
class Report:
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    exact: int = 0  # right with the very intent and slots of the label
    rejected: int = 0
    out_of_domain: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def in_domain_accuracy(self) -> float:
        right = sum(r for r, _ in self.per_label.values())
        total = sum(t for _, t in self.per_label.values())
        return right / total if total else 0.0

    @property
    def exact_accuracy(self) -> float:
        total = sum(t for _, t in self.per_label.values())
        return self.exact / total if total else 0.0

    @property
    def rejection_rate(self) -> float:
        return self.rejected / self.out_of_domain if self.out_of_domain else 0.0


def _lines(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load_examples(path: Path) -> list[Example]:
    """``Intent | utterance [| slot=ID ...]``, one per line."""
    examples = []
    for line in _lines(path):
        label, text, *slot_specs = (part.strip() for part in line.split("|"))
        specs = " ".join(slot_specs).split()
        slots = None if ANY_SLOTS in specs else dict(spec.partition("=")[::2] for spec in specs)
        examples.append(Example(text, label, slots))
    return examples


def load_out_of_domain(path: Path) -> list[str]:
    return _lines(path)


def slot_summary(found: Understanding) -> dict[str, str]:
    return {name: slot.value_id or UNRESOLVED for name, slot in found.slots.items()}


def is_exact(example: Example, found: Understanding) -> bool:
    if found.label != example.label:
        return False
    return example.slots is None or slot_summary(found) == example.slots


def answer(label: str, slots: dict[str, str]) -> str:
    """The topic the skill answers with, or the label itself for anything but a topic intent."""
    route = INTENT_ROUTES.get(label)
    if route is None:
        return label
    value = slots.get(route.slot) if route.slot else None
    if value is None or route.slot_type is None:
        return route.topic
    return SLOT_VALUE_TOPICS[route.slot_type].get(value, f"{route.topic} (unmatched {value})")


def is_right(nlu: NLU, example: Example, found: Understanding) -> bool:
    """The same intent and slots, or the very answer those would have given."""
    if is_exact(example, found):
        return True
    expected = answer(example.label, example.slots or {})
    if example.label not in INTENT_ROUTES:
        return False
    reply = outcome(nlu, NaturalExample(example.label, NO_CONTEXT, example.text))[1]
    return reply is not None and reply.topic == expected


def evaluate(nlu: NLU, examples: list[Example], out_of_domain: list[str]) -> Report:
    report = Report()
    for example in examples:
        found = nlu.understand(example.text)
        counts = report.per_label[example.label]
        counts[1] += 1
        report.exact += is_exact(example, found)
        if is_right(nlu, example, found):
            counts[0] += 1
        else:
            report.misses.append(_miss(example.text, _described(example.label, example.slots), found))
    for text in out_of_domain:
        found, reply = outcome(nlu, NaturalExample(OFF_TOPIC, NO_CONTEXT, text))
        report.out_of_domain += 1
        if found.label == FALLBACK_INTENT or (reply is not None and reply.phrase in OFF_TOPIC_PHRASES):
            report.rejected += 1
        else:
            report.misses.append(_miss(text, FALLBACK_INTENT, found))
    return report


def _described(label: str, slots: dict[str, str] | None) -> str:
    if not slots:
        return label
    return f"{label} [" + " ".join(f"{k}={v}" for k, v in slots.items()) + "]"


def _miss(text: str, expected: str, found: Understanding) -> Miss:
    slots = " ".join(f"{k}={v}" for k, v in slot_summary(found).items())
    return Miss(text, expected, found.label, slots, found.score)


def format_report(report: Report) -> str:
    lines = ["accuracy per intent"]
    for label, (right, total) in sorted(report.per_label.items()):
        lines.append(f"  {label:<28} {right:>3}/{total:<3} {right / total:6.1%}")
    total = sum(t for _, t in report.per_label.values())
    lines += [
        "",
        f"in-domain accuracy        {report.in_domain_accuracy:6.1%}  ({total} utterances, right answer)",
        f"  exact intent and slots  {report.exact_accuracy:6.1%}",
        f"out-of-domain rejection   {report.rejection_rate:6.1%}  "
        f"({report.rejected}/{report.out_of_domain} answered as off-topic: {FALLBACK_INTENT}, or a "
        "description about something else)",
        "",
        f"confusions ({len(report.misses)})",
    ]
    for miss in report.misses:
        slots = f" [{miss.slots}]" if miss.slots else ""
        lines.append(f"  {miss.text!r}: expected {miss.expected}, got {miss.got}{slots} ({miss.score:.2f})")
    return "\n".join(lines)


# (name, in-domain file, out-of-domain file) under tests/data/nlu/, per locale.  The
# first set holds the accuracy floor; the development set was used while tuning;
# the holdout set was written after tuning and is never tuned against.
LABELLED_SETS = (
    ("labelled", "in-domain", "out-of-domain"),
    ("development", "dev", "dev-out-of-domain"),
    ("holdout", "holdout", "holdout-out-of-domain"),
)


def load_set(directory: Path, locale: str, in_domain: str, out_of_domain: str) -> tuple[list[Example], list[str]]:
    return (
        load_examples(directory / f"{locale}.{in_domain}.txt"),
        load_out_of_domain(directory / f"{locale}.{out_of_domain}.txt"),
    )


def summary(name: str, report: Report) -> str:
    return (
        f"{name:<12} in-domain {report.in_domain_accuracy:6.1%} (exact {report.exact_accuracy:6.1%}), "
        f"out-of-domain rejection {report.rejection_rate:6.1%}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tooling.simulator.evaluation", description=__doc__.split("\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=LABELS_DIR, help="directory of labelled files")
    parser.add_argument("--locale", default="en-US")
    parser.add_argument(
        "--details",
        metavar="SPLIT",
        default="natural-dev",
        help="print every miss of this natural split (default: natural-dev)",
    )
    args = parser.parse_args(argv)
    nlu = nlu_for(args.locale)
    reports = []
    for name, in_domain, out_of_domain in LABELLED_SETS:
        try:
            reports.append((name, evaluate(nlu, *load_set(args.labels, args.locale, in_domain, out_of_domain))))
        except FileNotFoundError:
            continue  # only the first set is required
        except (OSError, ValueError) as error:
            print(f"cannot read the {name} set: {error}", file=sys.stderr)
            return 2
    if not reports:
        print(f"no labelled set for {args.locale} in {args.labels}", file=sys.stderr)
        return 2
    print(format_report(reports[0][1]))
    print()
    print("\n".join(summary(name, report) for name, report in reports))
    for name, note in natural_splits(args.labels):
        path = args.labels / f"{name}.txt"
        if not path.exists():
            continue
        report = evaluate_natural(nlu, load_natural(path), args.locale)
        if args.details == name:
            print()
            print(format_natural(report))
        print(natural_summary(name, note, report))
    return 0


# -- the natural splits: sentences as people speak, judged by the answer heard --------

NEVER_TUNED_SPLITS = ("natural-holdout", "natural-holdout2")


def natural_splits(directory: Path) -> list[tuple[str, str]]:
    """Every natural split in ``directory``: the development ones in order, then those never tuned on."""
    numbered = (re.fullmatch(r"natural-dev(\d*)", path.stem) for path in directory.glob("natural-dev*.txt"))
    development = sorted((int(match[1] or 1), match[0]) for match in numbered if match)
    return [(name, "tuned on") for _, name in development] + [(name, "never tuned on") for name in NEVER_TUNED_SPLITS]


NO_CONTEXT = "-"
WARNING_PREFIX = "warning."
OFF_TOPIC = "offtopic"
# Conversation labels: judged by the intent Alexa sends, or by the reply that intent would get (the
# answer depends on where the person is).
CONVERSATION_INTENTS = {
    "next": {"AMAZON.NextIntent"},
    "back": {"AMAZON.PreviousIntent"},
    "more": {"AMAZON.MoreIntent"},
    "repeat": {"AMAZON.RepeatIntent"},
    "start_over": {"AMAZON.StartOverIntent"},
    "thanks": {"ThanksIntent"},
    "help": {"AMAZON.HelpIntent"},
    "stop": {"AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent", SESSION_END},
    "yes": {"AMAZON.YesIntent"},
    "no": {"AMAZON.NoIntent"},
    "pause": {"AMAZON.PauseIntent"},
    "resume": {"AMAZON.ResumeIntent"},
}
OFF_TOPIC_PHRASES = frozenset({"fallback", "menu", "unrelated"})


@dataclass(frozen=True)
class NaturalExample:
    label: str
    context: str  # the topic just heard, or "-"
    text: str


@dataclass
class NaturalReport:
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    warnings: list[int] = field(default_factory=lambda: [0, 0])  # escalated, total
    warnings_named: int = 0  # escalated with the very sign the label names
    in_domain: list[int] = field(default_factory=lambda: [0, 0])
    off_topic: list[int] = field(default_factory=lambda: [0, 0])
    off_topic_fallback: int = 0  # of those, reached AMAZON.FallbackIntent itself
    misses: list[Miss] = field(default_factory=list)

    def rate(self, counts: list[int]) -> float:
        return counts[0] / counts[1] if counts[1] else 0.0


def load_natural(path: Path) -> list[NaturalExample]:
    """``label | context | utterance``, one per line."""
    examples = []
    for line in _lines(path):
        label, context, text = (part.strip() for part in line.split("|", 2))
        examples.append(NaturalExample(label, context, text))
    return examples


def _state(example: NaturalExample, locale: str) -> conversation.State:
    """Where the person is: just after the welcome, and after the answer the context names."""
    book = catalogue_for(locale)
    state = conversation.launch(conversation.State(), book)[1]
    if example.context != NO_CONTEXT:
        state = state.after(topic_reply(book, example.context))
    return state


def outcome(nlu: NLU, example: NaturalExample, locale: str = "en-US") -> tuple[Understanding, Reply | None]:
    """What Alexa sends for the example, and the reply the skill gives in its context."""
    found = nlu.understand(example.text)
    if found.kind != "intent":
        return found, None
    heard = conversation.Heard(
        found.label, {name: conversation.SlotHeard(slot.value, slot.value_id) for name, slot in found.slots.items()}
    )
    return found, conversation.reply_to(heard, _state(example, locale), catalogue_for(locale))[0]


def _as_if(intent: str, example: NaturalExample, locale: str) -> Reply:
    """The reply the skill gives ``intent`` where the example is said."""
    return conversation.reply_to(conversation.Heard(intent), _state(example, locale), catalogue_for(locale))[0]


def _escalated(reply: Reply | None) -> bool:
    return reply is not None and ((reply.topic or "").startswith(f"{RED_FLAG_GROUP}.") or reply.phrase == "serious")


def judge(example: NaturalExample, found: Understanding, reply: Reply | None, locale: str = "en-US") -> bool:
    """Whether the person got the answer the label names."""
    label = example.label
    if label in CONVERSATION_INTENTS:
        # The built-in intent itself; or another intent whose words the skill read as that request
        # ("could you say that again, the kettle was on" caught as a description), which counts only
        # when the person hears the very reply the built-in intent would have given.
        intents = CONVERSATION_INTENTS[label]
        if found.label in intents:
            return True
        return reply is not None and any(
            reply == _as_if(intent, example, locale) for intent in sorted(intents) if intent != SESSION_END
        )
    if reply is None:
        return False
    if label.startswith(WARNING_PREFIX):
        return reply.topic == f"{RED_FLAG_GROUP}.{label.removeprefix(WARNING_PREFIX)}"
    if label == "serious":
        return reply.phrase == "serious"
    if label == "negated":
        return reply.phrase in ("denied", "noted", "improving")  # acknowledged, not escalated
    if label == OFF_TOPIC:
        return reply.phrase in OFF_TOPIC_PHRASES
    if label == "how_long":
        book = catalogue_for(locale)
        return reply.phrase == "how_long" and reply.speech == book.how_long.get(example.context)
    if label == "why":
        return reply.topic == f"{example.context}{MORE_SUFFIX}"
    # Asked about a list in general, answered with the very entry asked about ("can stress give you a
    # knot" -> the stress cause): the more specific answer is the right one.
    place = entry_position(reply.topic or "")
    if place is not None and place[1] >= 0 and catalogue_for(locale).group_overviews[place[0]] == label:
        return True
    # Just told about the topic, and asking on about it ("can I use a tennis ball instead", after
    # massage): the detail behind that same topic is its answer.
    if example.context == label and reply.topic == f"{label}{MORE_SUFFIX}":
        return True
    return reply.topic == label


def evaluate_natural(nlu: NLU, examples: list[NaturalExample], locale: str = "en-US") -> NaturalReport:
    report = NaturalReport()
    for example in examples:
        found, reply = outcome(nlu, example, locale)
        right = judge(example, found, reply, locale)
        counts = report.per_label[example.label]
        counts[0] += right
        counts[1] += 1
        if example.label.startswith(WARNING_PREFIX):
            escalated = _escalated(reply)
            report.warnings[0] += escalated
            report.warnings[1] += 1
            report.warnings_named += right
            right = escalated  # the floor is on sending them to a professional; naming is reported apart
        elif example.label == OFF_TOPIC:
            report.off_topic[0] += right
            report.off_topic[1] += 1
            report.off_topic_fallback += found.label == FALLBACK_INTENT
        else:
            report.in_domain[0] += right
            report.in_domain[1] += 1
        if not right:
            heard = reply.topic or reply.phrase or "" if reply else ""
            report.misses.append(
                Miss(
                    example.text,
                    example.label,
                    f"{found.label} -> {heard}",
                    " ".join(f"{k}={v}" for k, v in slot_summary(found).items()),
                    found.score,
                )
            )
    return report


def natural_summary(name: str, note: str, report: NaturalReport) -> str:
    def share(counts: list[int]) -> str:
        return f"{report.rate(counts):6.1%} ({counts[0]}/{counts[1]})" if counts[1] else "   n/a"

    w, i, o = report.warnings, report.in_domain, report.off_topic
    named = f"; named right {report.warnings_named}/{w[1]}" if w[1] else ""
    fallback = f"; {report.off_topic_fallback} reached {FALLBACK_INTENT}" if o[1] else ""
    return (
        f"{name:<16} ({note}): warning signs escalated {share(w)}{named}, in-domain right {share(i)}, "
        f"off-topic handled as off-topic {share(o)}{fallback}"
    )


def format_natural(report: NaturalReport) -> str:
    lines = ["answer per label"]
    for label, (right, total) in sorted(report.per_label.items()):
        lines.append(f"  {label:<28} {right:>3}/{total:<3} {right / total:6.1%}")
    lines.append(f"misses ({len(report.misses)})")
    for miss in report.misses:
        slots = f" [{miss.slots}]" if miss.slots else ""
        lines.append(f"  {miss.text!r}: expected {miss.expected}, got {miss.got}{slots} ({miss.score:.2f})")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
