"""Where the repository keeps what the tooling reads and writes: one place for every path."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "interaction_model"  # the generated models, one per locale, and their grammar
GRAMMAR_PATH = MODEL_DIR / "grammar.txt"
LABELS_DIR = ROOT / "tests" / "nlu"  # the labelled sentences make nlu-report measures
BUILD = ROOT / "build"
MANIFEST_PATH = ROOT / "skill.json"
