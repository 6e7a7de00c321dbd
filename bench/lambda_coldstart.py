"""4b. Cold start of the Lambda zip, against Amazon's hello-world pattern on the same ask-sdk-core.

The zip is built as `make lambda-zip` builds it (PyPI wheels for Python 3.12,
bytecode compiled by Python 3.12) into a temporary folder, and unzipped there.
Amazon's pattern (bench/hello_world_lambda.py: handlers on a SkillBuilder, and
``SkillBuilder().lambda_handler()``) is copied into the same folder as
hello_world.py and compiled the same way, so both load the same ask-sdk-core
from the same bytecode.  Each case is ``python3.12 -I -B`` calling the handler
as Lambda's runtime does (tooling/lambda_package.py, run_as_lambda; -B keeps
nothing compiled at run time, as Lambda's read-only /var/task), timed from
creating the process to reading its answer to one LaunchRequest, with the
child's CPU time beside it; REPEATS runs each after one uncounted run, cases
alternating; medians.  One more row runs the same folder without any .pyc.

Needs a Python 3.12 (python3.12, pyenv, or LAMBDA_BUILD_PYTHON) and PyPI; without
either, the table says why it is missing.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
from pathlib import Path

from bench import envelopes
from bench.coldstart import PEAK_RSS, REPEATS, first_answer
from bench.stats import Table, median
from tooling import ask_project, lambda_package

HELLO_WORLD = Path(__file__).with_name("hello_world_lambda.py")
HANDLER = ask_project.lambda_profile().code_and_handler()[1]
TITLE = "4b. Lambda zip cold start: process created -> answer to a LaunchRequest, python3.12, one unzipped folder"


def run(work: Path) -> dict:
    python = lambda_package.lambda_python()
    if python is None:
        print(f"\n{TITLE}\n  skipped: no Python {lambda_package.LAMBDA_PYTHON} (set LAMBDA_BUILD_PYTHON)", flush=True)
        return {}
    try:
        task_root = _unzipped_package(work, python)
    except subprocess.CalledProcessError as error:
        print(f"\n{TITLE}\n  skipped: the zip could not be built ({error})", flush=True)
        return {}
    event = work / "launch.json"
    event.write_text(json.dumps(envelopes.envelope(envelopes.request("LaunchRequest"))), encoding="utf-8")
    # The same files without their .pyc: what the zip was before it carried bytecode.
    source_only = work / "task-source-only"
    shutil.copytree(task_root, source_only, ignore=shutil.ignore_patterns("__pycache__"))
    hello, skill = "hello world, SkillBuilder().lambda_handler()", f"skill, {HANDLER}"
    cases: dict[str, tuple[Path, str | None]] = {
        "python3.12 -I -B, interpreter alone": (task_root, None),
        hello: (task_root, "hello_world.lambda_handler"),
        skill: (task_root, HANDLER),
        "skill, the same zip without .pyc": (source_only, HANDLER),
    }
    found = _measure(python, event, cases)
    wall = {name: median(f["wall"]) for name, f in found.items()}
    cpu = {name: median(f["cpu"]) for name, f in found.items()}
    table = Table(
        f"{TITLE} ({REPEATS} runs each, alternating)",
        ["case", "median ms", "fastest ms", "median CPU ms", "peak RSS MiB"],
    )
    for name, f in found.items():
        table.add(
            name,
            f"{wall[name] * 1000:.0f}",
            f"{min(f['wall']) * 1000:.0f}",
            f"{cpu[name] * 1000:.0f}",
            f"{median(f['peak']) / 1024:.1f}",
        )
    table.add("skill / hello world", f"{wall[skill] / wall[hello]:.2f}x", "", f"{cpu[skill] / cpu[hello]:.2f}x", "")
    table.print()
    return {"cold_lambda_zip_vs_hello_world": wall[skill] / wall[hello]}


def _unzipped_package(work: Path, python: str) -> Path:
    code = lambda_package.lay_out_code(work / "lambda-code", HANDLER)
    zip_path = lambda_package.build_lambda_zip(code, work / "lambda.zip", work / "lambda", python=python)
    task_root = work / "task"
    shutil.unpack_archive(zip_path, task_root)
    shutil.copyfile(HELLO_WORLD, task_root / "hello_world.py")
    lambda_package.compile_for_lambda(task_root, python, task_root / "hello_world.py")
    return task_root


def _measure(python: str, event: Path, cases: dict[str, tuple[Path, str | None]]) -> dict[str, dict[str, list]]:
    """Per case: seconds to the answer, the child's CPU seconds (less sensitive to a busy machine), peak RSS."""

    def once(task_root: Path, handler: str | None) -> tuple[float, float, int]:
        if handler is None:
            command = [python, "-I", "-B", "-c", "print('started')" + PEAK_RSS]
            answered = _started
        else:
            command = lambda_package.run_as_lambda(python, task_root, handler, event, then=PEAK_RSS)
            answered = _is_answer
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds, peak = first_answer(command, task_root, None, answered)  # waits for the child: its CPU is counted
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), peak

    for case in cases.values():  # warms the file cache; not counted
        once(*case)
    found: dict[str, dict[str, list]] = {name: {"wall": [], "cpu": [], "peak": []} for name in cases}
    for _ in range(REPEATS):
        for name, case in cases.items():
            for key, value in zip(("wall", "cpu", "peak"), once(*case), strict=True):
                found[name][key].append(value)
    return found


def _started(line: str) -> bool:
    return line.strip() == "started"


def _is_answer(line: str) -> bool:
    return bool(line.strip()) and "outputSpeech" in json.loads(line).get("response", {})


if __name__ == "__main__":  # this table alone: python -m bench.lambda_coldstart
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-lambda-") as folder:
        run(Path(folder))
