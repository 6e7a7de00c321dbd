"""Percentiles and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``samples`` (any order)."""
    ordered = sorted(samples)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f}"


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "n/a"


class Table:
    """A plain-text table printed as soon as it is complete."""

    def __init__(self, title: str, columns: list[str]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[list[str]] = []

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def render(self) -> str:
        widths = [max(len(r[i]) for r in [self.columns, *self.rows]) for i in range(len(self.columns))]

        def line(cells: list[str]) -> str:
            return "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )

        rule = "-" * len(line(self.columns))
        return "\n".join([f"\n{self.title}", rule, line(self.columns), rule, *map(line, self.rows), rule])

    def print(self) -> None:
        print(self.render(), flush=True)
