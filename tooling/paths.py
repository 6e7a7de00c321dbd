"""Where the tooling finds what it reads and writes: one place for every path.

In a checkout everything is in the repository.  An installed wheel has no
repository around it: it carries the generated interaction models inside this
package (setup.py copies them to tooling/interaction_model/), and the rest
(the grammar, the labelled sentences, build/) exists only in a checkout.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IN_CHECKOUT = (ROOT / "pyproject.toml").is_file()
PACKAGED_MODEL_DIR = Path(__file__).resolve().parent / "interaction_model"  # in a wheel only
# The generated models, one per locale, and (in a checkout) their grammar.
MODEL_DIR = ROOT / "interaction_model" if IN_CHECKOUT else PACKAGED_MODEL_DIR
GRAMMAR_PATH = MODEL_DIR / "grammar.txt"
LABELS_DIR = ROOT / "tests" / "data" / "nlu"  # the labelled sentences make nlu-report measures
BUILD = ROOT / "build"
MANIFEST_PATH = ROOT / "skill.json"
