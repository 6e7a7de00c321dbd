"""python -m skill.simulator: the same as the skill-sim command."""

import sys

from skill.simulator.cli import main

sys.exit(main())
