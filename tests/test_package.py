"""`make package` and `make lambda-zip`: what a developer uploads, with no network in the test."""

import importlib
import json
import zipfile

import pytest
from PIL import Image

from skill import content
from tooling import packaging


@pytest.fixture(scope="module")
def skill_package(tmp_path_factory):
    base = tmp_path_factory.mktemp("package")
    zip_path = packaging.build_skill_package(base / "skill-package", base / "skill-package.zip")
    return base / "skill-package", zip_path


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
    again = packaging.build_skill_package(tmp_path / "skill-package", tmp_path / "again.zip")
    assert again.read_bytes() == zip_path.read_bytes()


def test_package_takes_a_real_endpoint(tmp_path):
    arn = "arn:aws:lambda:eu-west-1:123456789012:function:back-knot-guide"
    packaging.build_skill_package(tmp_path / "skill-package", tmp_path / "p.zip", endpoint=arn)
    manifest = json.loads((tmp_path / "skill-package" / "skill.json").read_text(encoding="utf-8"))
    assert manifest["manifest"]["apis"]["custom"]["endpoint"] == {"uri": arn}


# --------------------------------------------------------------------------
# Lambda
# --------------------------------------------------------------------------


def test_lambda_needs_only_the_sdk_with_pyprojects_bound():
    requirements = packaging.lambda_requirements()
    assert [r.split(">=")[0] for r in requirements] == ["ask-sdk-core"]
    assert all(">=" in r for r in requirements)


def test_lambda_dependencies_come_as_python_312_wheels_from_pypi(tmp_path, monkeypatch):
    command = packaging.pip_command(tmp_path)
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
    environment = packaging._pypi_only_environment()
    assert "PIP_FIND_LINKS" not in environment and "PIP_EXTRA_INDEX_URL" not in environment
    assert environment["PIP_CONFIG_FILE"]


def test_lambda_zip_holds_the_skill_and_its_dependencies(tmp_path):
    dependencies = tmp_path / "deps"
    (dependencies / "ask_sdk_core").mkdir(parents=True)
    (dependencies / "ask_sdk_core" / "__init__.py").write_text("")
    (dependencies / "bin").mkdir()
    (dependencies / "bin" / "normalizer").write_text("#!/bin/sh\n")
    (dependencies / "ask_sdk_core" / "__pycache__").mkdir()
    (dependencies / "ask_sdk_core" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    zip_path = packaging.assemble_lambda_zip(dependencies, tmp_path / "lambda.zip")
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
    assert "ask_sdk_core/__init__.py" in names
    module, _, handler = packaging.LAMBDA_HANDLER.rpartition(".")
    assert module.replace(".", "/") + ".py" in names
    assert {f"skill/apl/{name}.json" for name in ("answer", "list", "table")} <= names
    assert not any("__pycache__" in name or name.startswith("bin/") for name in names)
    assert callable(getattr(importlib.import_module(module), handler))
