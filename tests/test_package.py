"""`make package` and `make lambda-zip`: what a developer uploads, with no network in the tests."""

import importlib.metadata
import importlib.util
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import envelope, launch_request
from packaging.requirements import Requirement
from PIL import Image

from skill import content
from skill.builder import invoke
from tooling import ask_project, lambda_package, packaging, paths


@pytest.fixture(scope="module")
def skill_package(tmp_path_factory):
    base = tmp_path_factory.mktemp("package")
    packaging.build_skill_package(base / "skill-package", base / "skill-package.zip")
    return base / "skill-package", base / "skill-package.zip"


def test_package_has_the_ask_cli_layout(skill_package):
    folder, _ = skill_package
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == sorted(
        [
            "skill.json",
            *(f"interactionModels/custom/{locale}.json" for locale in content.LOCALES),
            "assets/images/icon-108.png",
            "assets/images/icon-512.png",
        ]
    )


def test_every_icon_the_manifest_names_is_in_the_package_at_its_size(skill_package):
    folder, _ = skill_package
    manifest = json.loads((folder / "skill.json").read_text(encoding="utf-8"))["manifest"]
    for locale, listing in manifest["publishingInformation"]["locales"].items():
        for key, size in (("smallIconUri", 108), ("largeIconUri", 512)):
            path = folder / listing[key].removeprefix("file://")
            with Image.open(path) as icon:
                assert icon.size == (size, size), (locale, key)


def test_package_manifest_has_its_required_fields(skill_package):
    folder, _ = skill_package
    manifest = json.loads((folder / "skill.json").read_text(encoding="utf-8"))["manifest"]
    assert manifest["manifestVersion"] == "1.0"
    assert set(manifest["publishingInformation"]["locales"]) == set(content.LOCALES)
    assert manifest["apis"]["custom"]["endpoint"]["uri"]
    assert {"allowsPurchases", "usesPersonalInfo", "isChildDirected", "isExportCompliant", "containsAds"} <= set(
        manifest["privacyAndCompliance"]
    )


@pytest.mark.parametrize("locale", content.LOCALES)
def test_package_models_have_their_required_fields(skill_package, locale):
    folder, _ = skill_package
    model = json.loads((folder / "interactionModels" / "custom" / f"{locale}.json").read_text(encoding="utf-8"))
    language_model = model["interactionModel"]["languageModel"]
    assert language_model["invocationName"] == "back knot guide"
    assert language_model["intents"] and language_model["types"]
    assert all(intent["name"] for intent in language_model["intents"])


def test_zip_holds_the_top_level_folder_with_the_same_files(skill_package):
    folder, zip_path = skill_package
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert all(name.startswith("skill-package/") for name in names)
        for name in names:
            on_disk = folder / name.removeprefix("skill-package/")
            assert archive.read(name) == on_disk.read_bytes(), name


def test_the_same_sources_give_the_same_zip(skill_package, tmp_path):
    _, zip_path = skill_package
    packaging.build_skill_package(tmp_path / "skill-package", tmp_path / "again.zip")
    assert (tmp_path / "again.zip").read_bytes() == zip_path.read_bytes()


def test_package_takes_a_real_endpoint(tmp_path):
    arn = "arn:aws:lambda:eu-west-1:123456789012:function:back-knot-guide"
    packaging.build_skill_package(tmp_path / "skill-package", tmp_path / "p.zip", endpoint=arn)
    manifest = json.loads((tmp_path / "skill-package" / "skill.json").read_text(encoding="utf-8"))
    assert manifest["manifest"]["apis"]["custom"]["endpoint"] == {"uri": arn}


# --------------------------------------------------------------------------
# Lambda: the code folder and the zip
# --------------------------------------------------------------------------

HANDLER = ask_project.lambda_profile().handler or ""


def test_lambda_needs_only_the_sdk_with_pyprojects_bound():
    requirements = lambda_package.lambda_requirements()
    assert [r.split(">=")[0] for r in requirements] == ["ask-sdk-core"]
    assert all(">=" in r for r in requirements)


def test_lambda_dependencies_come_as_python_312_wheels_from_pypi(tmp_path, monkeypatch):
    command = lambda_package.pip_command(tmp_path)
    joined = " ".join(command)
    for flag in (
        "--platform manylinux2014_x86_64",
        "--python-version 3.12",
        "--only-binary=:all:",
        f"--target {tmp_path}",
        "--index-url https://pypi.org/simple/",
    ):
        assert flag in joined
    monkeypatch.setenv("PIP_FIND_LINKS", "/somewhere/else")
    monkeypatch.setenv("PIP_EXTRA_INDEX_URL", "https://mirror.example.org/simple")
    environment = lambda_package._pypi_only_environment()
    assert "PIP_FIND_LINKS" not in environment and "PIP_EXTRA_INDEX_URL" not in environment
    assert environment["PIP_CONFIG_FILE"]


def test_the_code_folder_holds_the_runtime_the_handler_and_requirements_only(tmp_path):
    code = lambda_package.lay_out_code(tmp_path / "code", HANDLER)
    files = {p.relative_to(code).as_posix() for p in code.rglob("*") if p.is_file()}
    runtime = {
        p.relative_to(paths.ROOT).as_posix()
        for p in (paths.ROOT / "skill").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and "web" not in p.relative_to(paths.ROOT / "skill").parts
    }
    assert files == {"lambda_function.py", "requirements.txt", *runtime}
    assert not any(name.startswith("skill/web") for name in files)


def _installed_copy(requirements: list[str], target: Path) -> Path:
    """The installed files of these distributions and of all they require, copied from this environment."""
    wanted, seen = [Requirement(r).name for r in requirements], set()
    while wanted:
        name = wanted.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        distribution = importlib.metadata.distribution(name)
        for spec in distribution.requires or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                wanted.append(requirement.name)
        for file in distribution.files or []:
            if file.parts[0] == ".." or "__pycache__" in file.parts:
                continue  # console scripts outside site-packages; bytecode of this Python
            (target / file).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(file.locate()), target / file)
    return target


@pytest.fixture(scope="module")
def lambda_python() -> str:
    python = lambda_package.lambda_python()
    if python is None:
        pytest.skip("no Python 3.12 on this machine (python3.12, pyenv, or LAMBDA_BUILD_PYTHON)")
    return python


def _assemble(base: Path, python: str) -> Path:
    """The Lambda zip, assembled as `make lambda-zip` does, from this environment's copy of the dependencies."""
    dependencies = _installed_copy(lambda_package.lambda_requirements(), base / "deps")
    code = lambda_package.lay_out_code(base / "code", HANDLER)
    return lambda_package.assemble_lambda_zip(dependencies, code, base / "lambda.zip", python)


@pytest.fixture(scope="module")
def lambda_zip(tmp_path_factory, lambda_python) -> Path:
    return _assemble(tmp_path_factory.mktemp("lambda"), lambda_python)


def test_the_lambda_zip_holds_the_handler_the_runtime_and_its_dependencies(lambda_zip):
    with zipfile.ZipFile(lambda_zip) as archive:
        names = set(archive.namelist())
    module, _ = ask_project.lambda_target(HANDLER)
    assert f"{module}.py" in names  # at the top, where both Lambda and `ask run` look
    assert {"skill/lambda_entry.py", "ask_sdk_core/skill_builder.py", "ask_sdk_model/request_envelope.py"} <= names
    assert {f"skill/apl/{name}.json" for name in ("answer", "list", "table")} <= names
    left_out = ("skill/web/", "tooling/", "flask/", "gunicorn/", "cryptography/", "bin/", "requirements.txt")
    assert not [name for name in names if name.startswith(left_out)]


def test_every_module_in_the_lambda_zip_comes_with_hash_checked_bytecode_for_python_312(lambda_zip):
    with zipfile.ZipFile(lambda_zip) as archive:
        names = set(archive.namelist())
        sources = {name for name in names if name.endswith(".py")}
        bytecode = {name for name in names if name.endswith(".pyc")}
        expected = {
            str(importlib.util.cache_from_source(name)).replace(sys.implementation.cache_tag, "cpython-312")
            for name in sources
        }
        assert bytecode == expected
        # Flags 0b11: validated by the source's hash, not its time (the zip's times are fixed).
        assert {archive.read(name)[4:8] for name in bytecode} == {(3).to_bytes(4, "little")}


def test_the_unzipped_package_answers_a_launch_on_python_312_without_a_warning(lambda_zip, lambda_python, tmp_path):
    task_root = tmp_path / "task"
    with zipfile.ZipFile(lambda_zip) as archive:
        archive.extractall(task_root)
    event = envelope(launch_request(), new=True)
    (tmp_path / "event.json").write_text(json.dumps(event), encoding="utf-8")
    # -W default shows every warning; a module compiled here, without its .pyc, would print SyntaxWarnings.
    command = lambda_package.run_as_lambda(lambda_python, task_root, HANDLER, tmp_path / "event.json", "-W", "default")
    ran = subprocess.run(command, cwd=task_root, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert ran.stderr == ""
    assert json.loads(ran.stdout)["response"] == invoke(event)["response"]


def test_the_same_sources_give_the_same_lambda_zip_wherever_it_is_built(lambda_zip, lambda_python, tmp_path):
    assert _assemble(tmp_path, lambda_python).read_bytes() == lambda_zip.read_bytes()
