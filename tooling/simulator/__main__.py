"""python -m tooling.simulator: the same as the skill-sim command."""

import sys

from tooling.simulator.cli import main

sys.exit(main())
