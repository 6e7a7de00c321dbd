"""ask-resources.json: two profiles, folders that `make package` lays out, and one handler both rules find."""

import importlib
import importlib.util
import json
import shutil
import subprocess
import sys

import pytest

from tooling import ask_project, lambda_package, packaging, paths


@pytest.fixture(scope="module")
def resources() -> dict:
    return json.loads(ask_project.ASK_RESOURCES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    """A copy of the project file, with every folder its profiles point at laid out beside it."""
    root = tmp_path_factory.mktemp("ask-project")
    shutil.copyfile(ask_project.ASK_RESOURCES, root / "ask-resources.json")
    packaging.lay_out_profiles(resources=root / "ask-resources.json")
    return root, ask_project.load_profiles(root / "ask-resources.json")


def test_the_project_has_a_lambda_profile_and_a_web_service_profile(resources):
    assert resources["askcliResourcesVersion"] == "2020-03-31"
    profiles = ask_project.load_profiles()
    assert set(profiles) == {"default", "lambda"}
    web, on_lambda = profiles["default"], profiles["lambda"]
    assert web.deployer is None  # `ask deploy` sends the skill package; the endpoint is the web service's
    assert on_lambda.deployer == "@ask-cli/lambda-deployer"
    assert resources["profiles"]["lambda"]["skillInfrastructure"]["userConfig"]["awsRegion"]
    # `ask run` reads runtime and handler from either profile; both run the same code.
    assert {(p.runtime, p.handler, p.code) for p in profiles.values()} == {
        ("python3.12", "lambda_function.lambda_handler", paths.BUILD / "lambda-code")
    }
    # `ask deploy` writes the function's ARN into the Lambda profile's skill.json: it has its own.
    assert web.skill_package == packaging.PACKAGE_DIR != on_lambda.skill_package


def test_every_folder_the_profiles_use_is_generated_into_build_which_git_ignores():
    for profile in ask_project.load_profiles().values():
        for folder in (profile.skill_package, profile.code):
            assert folder is not None and folder.is_relative_to(paths.BUILD), folder
    ignored = (paths.ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and ".ask/" in ignored  # .ask/: the CLI's state and its copies of the code


def test_the_file_is_written_as_the_ask_cli_rewrites_it(resources):
    # The CLI saves it with JSON.stringify(content, null, 2) after each deploy: the same text leaves git clean.
    assert ask_project.ASK_RESOURCES.read_text(encoding="utf-8") == json.dumps(resources, indent=2)


def test_make_package_lays_out_every_folder_a_profile_points_at(laid_out):
    _, profiles = laid_out
    for profile in profiles.values():
        assert (profile.skill_package / "skill.json").is_file()
        assert (profile.skill_package / "interactionModels" / "custom" / "en-US.json").is_file()
        assert (profile.skill_package / "assets").is_dir()
        code, handler = profile.code_and_handler()
        assert (code / ask_project.handler_file(handler)).is_file()
        assert (code / "requirements.txt").read_text(encoding="utf-8").splitlines() == (
            lambda_package.lambda_requirements()
        )


@pytest.mark.parametrize("profile_name", ["default", "lambda"])
def test_the_handler_is_the_same_function_to_ask_run_and_to_lambda(laid_out, monkeypatch, profile_name):
    root, profiles = laid_out
    profile = profiles[profile_name]
    code, handler = profile.code_and_handler()
    assert profile.code_src is not None
    # The ASK CLI's rule, then ask-sdk-local-debug's loading: the file by its path, run from the project root.
    skill_file, function = ask_project.ask_run_target(profile.code_src, handler)
    spec = importlib.util.spec_from_file_location(function, root / skill_file)
    assert spec is not None and spec.loader is not None, skill_file
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found_by_ask_run = getattr(module, function)
    # Lambda's rule: the module, imported from the code folder at the front of sys.path (/var/task on Lambda).
    module_name, lambda_function = ask_project.lambda_target(handler)
    monkeypatch.syspath_prepend(str(code))
    monkeypatch.delitem(sys.modules, module_name, raising=False)
    found_by_lambda = getattr(importlib.import_module(module_name), lambda_function)
    monkeypatch.delitem(sys.modules, module_name)

    from skill.lambda_entry import lambda_handler

    assert found_by_ask_run is found_by_lambda is lambda_handler


def test_the_two_rules_part_ways_on_a_dotted_module():
    assert ask_project.ask_run_target("./build/lambda-code", "skill.lambda_entry.lambda_handler") == (
        "build/lambda-code/lambda_entry.py",
        "lambda_handler",
    )
    assert ask_project.lambda_target("skill.lambda_entry.lambda_handler") == ("skill.lambda_entry", "lambda_handler")
    assert ask_project.handler_file("lambda_function.lambda_handler") == "lambda_function.py"
    with pytest.raises(ValueError, match=r"file\.function"):
        ask_project.handler_file("skill.lambda_entry.lambda_handler")


def test_the_ask_cli_build_hook_makes_the_lambda_zip_from_its_copy_of_the_code(tmp_path):
    # `ask deploy` runs `hooks/build.sh <zip> <debug>` inside its copy of the code folder; `make` is a stand-in here.
    stand_in = tmp_path / "bin" / "make"
    stand_in.parent.mkdir()
    stand_in.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$MAKE_ARGUMENTS"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    copy = tmp_path / ".ask" / "build" / "lambda-code"
    copy.mkdir(parents=True)
    environment = {"PATH": f"{stand_in.parent}:/usr/bin:/bin", "MAKE_ARGUMENTS": str(tmp_path / "arguments")}
    hook = paths.ROOT / "hooks" / "build.sh"
    subprocess.run([hook, copy / "build.zip", "false"], cwd=copy, env=environment, check=True, timeout=30)
    arguments = (tmp_path / "arguments").read_text(encoding="utf-8").splitlines()
    assert arguments == [
        "-C",
        str(paths.ROOT),
        "--no-print-directory",
        "lambda-zip",
        f"CODE={copy}",
        f"OUT={copy / 'build.zip'}",
    ]
