"""The ASK CLI project: what each profile in ask-resources.json points at, and how its handler is found.

A profile's handler string is read by two programs, each by its own rule:

- The ASK CLI's ``ask run`` (ask-cli 2.30, ``lib/commands/run/helper.ts``,
  ``getNonHostedSkillInvocationInfo``) splits it on every "." and pops the last
  two parts: the function, then a file name.  ``run-flow/python-run.js`` then
  starts ``python3 <site-packages>/ask_sdk_local_debug/local_debugger_invoker.py
  --accessToken <token> --skillId <id> --skillHandler <function> --skillFilePath
  <code src>/<file>.py --region <NA|EU|FE>``, from the project root.  So
  "a.b.func" means the file ``<code src>/b.py``; "a" is dropped.
- AWS Lambda's Python runtime (awslambdaric ``bootstrap.py``, ``_get_handler``)
  splits once at the last "." and imports the rest as a module from the code
  root: "a.b.func" means ``<root>/a/b.py``.  The ASK CLI's lambda-deployer
  (``lambda-deployer/helper.js``, ``_getLambdaFunctionConfig``) hands Lambda the
  string unchanged.

Only "file.function", with the file at the top of the code folder, means the
same file to both; ``handler_file`` refuses anything else.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from tooling import paths

ASK_RESOURCES = paths.ROOT / "ask-resources.json"
LAMBDA_DEPLOYER = "@ask-cli/lambda-deployer"


@dataclass(frozen=True)
class Profile:
    """One profile of ask-resources.json, its folders resolved against the project root."""

    name: str
    skill_package: Path
    code: Path | None  # the folder `ask run` runs from and `ask deploy` builds from
    code_src: str | None  # the same folder as written in the file (the CLI joins paths to it as given)
    handler: str | None
    runtime: str | None
    deployer: str | None  # None: `ask deploy` sends the skill package only

    def code_and_handler(self) -> tuple[Path, str]:
        if self.code is None or not self.handler:
            raise ValueError(f"profile {self.name!r} has no code folder or no handler")
        return self.code, self.handler


def load_profiles(path: Path = ASK_RESOURCES) -> dict[str, Profile]:
    resources = json.loads(path.read_text(encoding="utf-8"))
    return {name: _profile(name, entry, path.parent) for name, entry in resources["profiles"].items()}


def lambda_profile(path: Path = ASK_RESOURCES) -> Profile:
    """The one profile that `ask deploy` deploys to AWS Lambda."""
    found = [profile for profile in load_profiles(path).values() if profile.deployer == LAMBDA_DEPLOYER]
    if len(found) != 1:
        raise ValueError(f"{path.name} needs exactly one {LAMBDA_DEPLOYER} profile, not {len(found)}")
    return found[0]


def _profile(name: str, entry: dict, root: Path) -> Profile:
    code_src = entry.get("code", {}).get("default", {}).get("src")
    infrastructure = entry.get("skillInfrastructure", {})
    user_config = infrastructure.get("userConfig", {})
    return Profile(
        name=name,
        skill_package=(root / entry["skillMetadata"]["src"]).resolve(),
        code=(root / code_src).resolve() if code_src else None,
        code_src=code_src,
        handler=user_config.get("handler"),
        runtime=user_config.get("runtime"),
        deployer=infrastructure.get("type"),
    )


def ask_run_target(code_src: str, handler: str) -> tuple[str, str]:
    """(--skillFilePath, --skillHandler) as `ask run` passes them: the ASK CLI's rule."""
    parts = handler.split(".")
    function = parts.pop()
    file_name = parts.pop()
    return posixpath.normpath(posixpath.join(code_src, f"{file_name}.py")), function


def lambda_target(handler: str) -> tuple[str, str]:
    """(module, function) as AWS Lambda's Python runtime imports them: Lambda's rule."""
    module, function = handler.rsplit(".", 1)
    return module, function


def handler_file(handler: str) -> str:
    """The file at the top of the code folder that both rules name, or ValueError when they differ."""
    file_path, function = ask_run_target(".", handler)
    module, lambda_function = lambda_target(handler)
    if file_path != f"{module.replace('.', '/')}.py" or function != lambda_function:
        raise ValueError(
            f"handler {handler!r}: ask run reads {file_path}:{function}, Lambda imports {module}.{lambda_function}; "
            "write it as file.function, with the file at the top of the code folder"
        )
    return file_path
