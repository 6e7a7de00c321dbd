"""One build step pyproject.toml cannot say: the wheel carries the generated interaction models.

The models sit at the top of the repository (interaction_model/, beside the
grammar they are made from) so that they can be pasted into the developer
console.  skill-sim reads them, so an installed wheel needs them too: this
copies interaction_model/<locale>.json into tooling/interaction_model/ in the
build, which is where tooling/paths.py looks outside a checkout.  Everything
else about the package is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODELS = Path(__file__).resolve().parent / "interaction_model"
PACKAGED_MODELS = Path("tooling", "interaction_model")  # keep in step with tooling/paths.py


class BuildPyWithModels(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout's own models
        target = Path(self.build_lib) / PACKAGED_MODELS
        target.mkdir(parents=True, exist_ok=True)
        for model in sorted(MODELS.glob("*.json")):
            shutil.copyfile(model, target / model.name)


setup(cmdclass={"build_py": BuildPyWithModels})
