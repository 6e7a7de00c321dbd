"""skill-sim installed from a wheel, outside the checkout, answers.

The wheel is built offline from a copy of the sources (pip without build
isolation, with the setuptools the test extra installs), installed into a fresh
virtual environment in a temporary folder, and run from an empty folder with
no PYTHONPATH.  The fresh environment finds its third-party dependencies
through a .pth file naming this environment's site-packages, the one place no
PyPI download is needed; that folder holds no project code (the editable
install's own .pth there is not read through it, and a test below checks where
the project's modules are imported from).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tooling import paths

# What the build needs from the checkout, and nothing it makes or caches.
_NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "node_modules", ".sim-ca", ".*_cache", ".hypothesis"
)


def _run(command: list[str | Path], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the fresh environment's bin folder, an empty folder to run in)."""
    base = tmp_path_factory.mktemp("wheel")
    sources = base / "src"
    shutil.copytree(paths.ROOT, sources, ignore=_NOT_SOURCES)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _ok(
        _run(
            [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "-w", base / "dist", sources],
            base,
        )
    )
    (wheel,) = (base / "dist").glob("back_knot_guide-*.whl")

    environment = base / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", environment], base))
    python = environment / "bin" / "python"
    _ok(_run([*pip, "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel], base))
    site_packages = Path(
        _ok(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base)).strip()
    )
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "dependencies-from-the-test-environment.pth").write_text("\n".join(sorted(dependencies)) + "\n")

    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return environment / "bin", elsewhere


def test_the_project_is_imported_from_the_wheel_not_the_checkout(installed):
    bin_dir, elsewhere = installed
    where = json.loads(
        _ok(
            _run(
                [
                    bin_dir / "python",
                    "-c",
                    "import json, sys, skill, tooling; print(json.dumps([skill.__file__, tooling.__file__, sys.path]))",
                ],
                elsewhere,
            )
        )
    )
    skill_file, tooling_file, search_path = where
    environment = str(bin_dir.parent)
    assert skill_file.startswith(environment) and tooling_file.startswith(environment)
    assert str(paths.ROOT) not in search_path


def test_skill_sim_from_the_wheel_answers(installed):
    bin_dir, elsewhere = installed
    out = _ok(_run([bin_dir / "skill-sim", "--say", "open back knot guide"], elsewhere, timeout=60))
    assert "LaunchRequest" in out
    assert "alexa> Welcome to Back Knot Guide." in out


def test_the_wheel_carries_every_locales_model(installed):
    bin_dir, elsewhere = installed
    out = _ok(
        _run([bin_dir / "skill-sim", "--locale", "en-GB", "--say", "should i see my g. p."], elsewhere, timeout=60)
    )
    assert "SeeDoctorIntent" in out  # a sample only the en-GB model has
