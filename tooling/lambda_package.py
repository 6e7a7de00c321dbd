"""The AWS Lambda code: the folder `ask run` and `ask deploy` read, and the zip Lambda runs.

    build/lambda-code/  the handler's file, skill/ without skill/web/, requirements.txt   (make package)
    build/lambda.zip    that code plus its dependencies, byte-compiled by Python 3.12     (make lambda-zip)

The dependencies are wheels for Lambda's Python 3.12 on x86_64, from PyPI
alone.  Every module in the zip is compiled ahead of time by Python 3.12 into
hash-checked .pyc files: Lambda's /var/task is read-only, so without them each
cold start would compile every imported module again, in memory, and Python
3.12 would print 23 SyntaxWarnings (invalid escape sequences in ask_sdk_model
and ask_sdk_core) into the function's log every time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tooling import ask_project, paths, zips

SKILL_SOURCE = paths.ROOT / "skill"
LAMBDA_DIR = paths.BUILD / "lambda"  # the dependencies, then the code on top: what is zipped
LAMBDA_ZIP = paths.BUILD / "lambda.zip"
REQUIREMENTS = "requirements.txt"

# What the Lambda handler imports; Flask, gunicorn and cryptography serve only the web service.
LAMBDA_DEPENDENCIES = ("ask-sdk-core",)
LAMBDA_PLATFORM = "manylinux2014_x86_64"
LAMBDA_PYTHON = "3.12"
PYPI = "https://pypi.org/simple/"
# Where Lambda unpacks the zip: the file names compiled into the .pyc files, so
# that they do not depend on the folder the zip was built in.
TASK_ROOT = "/var/task"

HANDLER_MODULE = '''\
"""The handler "{handler}" (ask-resources.json) names this file to AWS Lambda and to `ask run` alike."""

from skill.lambda_entry import lambda_handler as {function}
'''


# --------------------------------------------------------------------------
# the code folder
# --------------------------------------------------------------------------


def lay_out_code(out_dir: Path, handler: str) -> Path:
    """The runtime package, the handler's file at the top, and the runtime's requirements.txt."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    # skill/web/ is the web service (Flask, gunicorn, the signature checks): Lambda needs none of it.
    shutil.copytree(SKILL_SOURCE, out_dir / "skill", ignore=_runtime_only)
    _, function = ask_project.lambda_target(handler)
    module_text = HANDLER_MODULE.format(handler=handler, function=function)
    (out_dir / ask_project.handler_file(handler)).write_text(module_text, encoding="utf-8")
    (out_dir / REQUIREMENTS).write_text("".join(f"{spec}\n" for spec in lambda_requirements()), encoding="utf-8")
    return out_dir


def _runtime_only(folder: str, names: list[str]) -> list[str]:
    left_out = {"__pycache__"} | ({"web"} if Path(folder) == SKILL_SOURCE else set())
    return [name for name in names if name in left_out]


def lambda_requirements(pyproject: Path = paths.ROOT / "pyproject.toml") -> list[str]:
    """The Lambda handler's dependencies, with the lower bounds pyproject.toml pins."""
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    by_name = {re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0].lower(): spec for spec in declared}
    missing = [name for name in LAMBDA_DEPENDENCIES if name not in by_name]
    if missing:
        raise ValueError(f"pyproject.toml does not declare {missing}")
    return [by_name[name] for name in LAMBDA_DEPENDENCIES]


# --------------------------------------------------------------------------
# the zip
# --------------------------------------------------------------------------


def build_lambda_zip(
    code_dir: Path,
    zip_path: Path = LAMBDA_ZIP,
    work_dir: Path = LAMBDA_DIR,
    index_url: str = PYPI,
    python: str | None = None,
) -> Path:
    """The deployment zip: the dependencies for Python 3.12 from PyPI, then ``code_dir`` on top."""
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    subprocess.run(pip_command(work_dir, index_url), check=True, env=_pypi_only_environment())
    return assemble_lambda_zip(work_dir, code_dir, zip_path, python)


def assemble_lambda_zip(dependencies_dir: Path, code_dir: Path, zip_path: Path, python: str | None) -> Path:
    """Put the code folder over installed dependencies, compile all with ``python`` (when there is one), zip."""
    # pip's console scripts, and caches from another Python, would only be dead weight on Lambda.
    shutil.rmtree(dependencies_dir / "bin", ignore_errors=True)
    for cache in list(dependencies_dir.rglob("__pycache__")):
        shutil.rmtree(cache)
    for entry in code_dir.iterdir():
        if entry.name in (REQUIREMENTS, "__pycache__"):
            continue
        target = dependencies_dir / entry.name
        if entry.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(entry, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(entry, target)
    if python:
        compile_for_lambda(dependencies_dir, python)
    return zips.write_zip(dependencies_dir, zip_path)


def compile_for_lambda(folder: Path, python: str, *targets: Path) -> None:
    """Byte-compile ``targets`` (default: all of ``folder``) with ``python``, as Lambda will find them.

    Hash-checked .pyc files stay valid after unzipping (a timestamp .pyc would
    not: the zip's times are fixed), and are still recompiled if a source file
    is edited afterwards.  Warnings are silenced here, where they are compiled
    once, so that Lambda has nothing to compile and nothing to warn about.
    """
    compileall = [python, "-I", "-W", "ignore::SyntaxWarning", "-m", "compileall", "-q"]
    where = ["--invalidation-mode", "checked-hash", "-s", str(folder), "-p", TASK_ROOT]
    subprocess.run([*compileall, *where, *map(str, targets or (folder,))], check=True)


# How AWS Lambda's Python runtime calls a handler (awslambdaric bootstrap.py): the task root
# first on sys.path, the handler split at its last ".", the module imported, the function called.
AS_LAMBDA_RUNS_IT = """
import importlib, json, sys
task_root, handler, event_path = sys.argv[1:4]
sys.path.insert(0, task_root)
module, _, function = handler.rpartition(".")
with open(event_path, encoding="utf-8") as event:
    answer = getattr(importlib.import_module(module), function)(json.load(event), None)
print(json.dumps(answer), flush=True)
"""


def run_as_lambda(
    python: str, task_root: Path, handler: str, event_path: Path, *flags: str, then: str = ""
) -> list[str]:
    """The command that prints the answer to the event in ``event_path`` as Lambda would, from an unzipped
    package, then runs the code ``then``.  Lambda's task root is read-only, so nothing Python compiles there
    is kept; -B does the same here, even for root, whom a read-only folder would not stop."""
    return [python, "-I", "-B", *flags, "-c", AS_LAMBDA_RUNS_IT + then, str(task_root), handler, str(event_path)]


def lambda_python() -> str | None:
    """A Python 3.12 to compile with: $LAMBDA_BUILD_PYTHON, python3.12 on PATH, or pyenv's newest 3.12."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    installed = sorted(pyenv_root.glob(f"versions/{LAMBDA_PYTHON}.*/bin/python{LAMBDA_PYTHON}"), key=_version_key)
    candidates = [os.environ.get("LAMBDA_BUILD_PYTHON"), shutil.which(f"python{LAMBDA_PYTHON}"), *reversed(installed)]
    return next((str(c) for c in candidates if c and _runs_as(str(c), LAMBDA_PYTHON)), None)


def _version_key(python: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", python.parent.parent.name))


def _runs_as(python: str, version: str) -> bool:
    """True if ``python`` starts and is ``version`` (a pyenv shim for a version not selected fails to start)."""
    try:
        found = subprocess.run(
            [python, "-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        return False
    return found.returncode == 0 and found.stdout.strip() == version


def pip_command(target: Path, index_url: str = PYPI) -> list[str]:
    """pip, asked for wheels that run on Lambda's Python 3.12 on x86_64, from PyPI alone."""
    return [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-compile",
        "--target",
        str(target),
        "--platform",
        LAMBDA_PLATFORM,
        "--python-version",
        LAMBDA_PYTHON,
        "--implementation",
        "cp",
        "--only-binary=:all:",
        "--index-url",
        index_url,
        *lambda_requirements(),
    ]


def _pypi_only_environment() -> dict[str, str]:
    """The environment without pip settings that add other package sources."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL", "PIP_NO_INDEX")
    }
    environment["PIP_CONFIG_FILE"] = os.devnull  # no pip.conf: its find-links or extra indexes would count too
    return environment
