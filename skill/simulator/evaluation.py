"""How well the simulator understands: accuracy on a labelled set.

``make nlu-report`` runs this on tests/nlu/: accuracy per intent, the share
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
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from skill.simulator.nlu import FALLBACK_INTENT, NLU, Understanding, nlu_for
from skill.topics import INTENT_ROUTES, SLOT_VALUE_TOPICS

ANY_SLOTS = "*"
UNRESOLVED = "?"
LABELS_DIR = Path(__file__).resolve().parents[2] / "tests" / "nlu"


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
        slots: dict[str, str] | None = {}
        for spec in " ".join(slot_specs).split():
            if spec == ANY_SLOTS:
                slots = None
                break
            name, _, value = spec.partition("=")
            slots[name] = value
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
    if value is None:
        return route.topic
    return SLOT_VALUE_TOPICS[route.slot_type].get(value, f"{route.topic} (unmatched {value})")


def is_right(example: Example, found: Understanding) -> bool:
    if is_exact(example, found):
        return True
    if example.slots is None:
        return False
    return answer(example.label, example.slots) == answer(found.label, slot_summary(found))


def evaluate(nlu: NLU, examples: list[Example], out_of_domain: list[str]) -> Report:
    report = Report()
    for example in examples:
        found = nlu.understand(example.text)
        counts = report.per_label[example.label]
        counts[1] += 1
        report.exact += is_exact(example, found)
        if is_right(example, found):
            counts[0] += 1
        else:
            report.misses.append(_miss(example.text, _described(example.label, example.slots), found))
    for text in out_of_domain:
        found = nlu.understand(text)
        report.out_of_domain += 1
        if found.label == FALLBACK_INTENT:
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
        f"({report.rejected}/{report.out_of_domain} went to {FALLBACK_INTENT})",
        "",
        f"confusions ({len(report.misses)})",
    ]
    for miss in report.misses:
        slots = f" [{miss.slots}]" if miss.slots else ""
        lines.append(f"  {miss.text!r}: expected {miss.expected}, got {miss.got}{slots} ({miss.score:.2f})")
    return "\n".join(lines)


# (name, in-domain file, out-of-domain file) under tests/nlu/, per locale.  The
# first set holds the accuracy floor; the development set was used while tuning;
# the holdout set was written after tuning and is never tuned against.
LABELLED_SETS = (
    ("labelled", "in-domain", "out-of-domain"),
    ("development", "dev", "dev-out-of-domain"),
    ("holdout", "holdout", "holdout-out-of-domain"),
)


def load_set(directory: Path, locale: str, in_domain: str, out_of_domain: str) -> tuple[list[Example], list[str]]:
    return (load_examples(directory / f"{locale}.{in_domain}.txt"),
            load_out_of_domain(directory / f"{locale}.{out_of_domain}.txt"))


def summary(name: str, report: Report) -> str:
    return (f"{name:<12} in-domain {report.in_domain_accuracy:6.1%} (exact {report.exact_accuracy:6.1%}), "
            f"out-of-domain rejection {report.rejection_rate:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m skill.simulator.evaluation", description=__doc__.split("\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=LABELS_DIR, help="directory of labelled files")
    parser.add_argument("--locale", default="en-US")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
