"""The skill manifest, the ASK CLI skill package, and the AWS Lambda zip.

    python -m tooling.packaging generate     # rewrite skill.json and the generated locale models
    python -m tooling.packaging package [--endpoint URL|ARN] [--certificate Trusted|Wildcard|SelfSigned]
    python -m tooling.packaging lambda-zip

``skill.json`` is generated from the content module (store text, disclaimer)
and the interaction models (invocation name, example phrases), and committed
so that it can be read and pasted; a test fails while it is stale.  The
skill package is always built from the sources, into ``build/``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from skill import content
from tooling import icons, locales, paths

ROOT = paths.ROOT
BUILD = paths.BUILD
MANIFEST_PATH = paths.MANIFEST_PATH
PACKAGE_DIR = BUILD / "skill-package"
PACKAGE_ZIP = BUILD / "skill-package.zip"
LAMBDA_DIR = BUILD / "lambda"
LAMBDA_ZIP = BUILD / "lambda.zip"

# Replace with your own host (or a Lambda ARN) through `make package ENDPOINT=...`.
PLACEHOLDER_ENDPOINT = "https://skill.example.com/alexa"
CERTIFICATE_TYPES = ("Trusted", "Wildcard", "SelfSigned")
LAMBDA_ARN_PREFIX = "arn:aws:lambda:"

# The icons, in the package's assets/; skill.json names them relative to the package
# (file://), which `ask deploy` and the package import upload.
ICONS_IN_PACKAGE = "assets/images"
SMALL_ICON, LARGE_ICON = 108, 512

DISTRIBUTION_COUNTRIES = {"en-US": "US", "en-GB": "GB", "en-CA": "CA", "en-AU": "AU", "en-IN": "IN"}
# Sample utterances shown as "Alexa, ask back knot guide <sample>"; each must be a
# sample in every locale's model (a test checks).
EXAMPLE_SAMPLES = ("what causes muscle knots", "should i use heat or ice")
# The rectangular Echo Show and Fire TV screens the documents are laid out for.
SUPPORTED_VIEWPORTS = (
    {"mode": "HUB", "shape": "RECTANGLE", "minWidth": 960, "maxWidth": 1279, "minHeight": 480, "maxHeight": 599},
    {"mode": "HUB", "shape": "RECTANGLE", "minWidth": 960, "maxWidth": 1279, "minHeight": 600, "maxHeight": 959},
    {"mode": "HUB", "shape": "RECTANGLE", "minWidth": 1280, "maxWidth": 1920, "minHeight": 600, "maxHeight": 1279},
    {"mode": "TV", "shape": "RECTANGLE", "minWidth": 960, "maxWidth": 960, "minHeight": 540, "maxHeight": 540},
)
TESTING_INSTRUCTIONS = (
    "No account linking, permissions or purchases. Say 'Alexa, open back knot guide', answer yes to the "
    "offers, and try 'what causes muscle knots', 'should I use heat or ice', 'repeat', 'help' and 'stop'. "
    "'I have numbness in my leg' sends the user to a doctor. On Echo Show every answer also shows a screen; "
    "the relief methods show as a table."
)

# What the Lambda handler imports; Flask, gunicorn and cryptography serve only the web service.
LAMBDA_DEPENDENCIES = ("ask-sdk-core",)
LAMBDA_PLATFORM = "manylinux2014_x86_64"
LAMBDA_PYTHON = "3.12"
PYPI = "https://pypi.org/simple/"
LAMBDA_HANDLER = "skill.lambda_entry.lambda_handler"
# Not shipped to Lambda: caches, and the console scripts pip puts in bin/.
_LEFT_OUT = ("__pycache__", "bin")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same sources give the same zip


# --------------------------------------------------------------------------
# manifest
# --------------------------------------------------------------------------


def manifest(endpoint: str = PLACEHOLDER_ENDPOINT, certificate: str = "Trusted") -> dict:
    """The skill manifest (skill.json) for every locale."""
    return {
        "manifest": {
            "manifestVersion": "1.0",
            "publishingInformation": {
                "locales": {locale: _store_listing(locale) for locale in content.LOCALES},
                "isAvailableWorldwide": False,
                "distributionCountries": [DISTRIBUTION_COUNTRIES[locale] for locale in content.LOCALES],
                "distributionMode": "PUBLIC",
                "category": "HEALTH_AND_FITNESS",
                "testingInstructions": TESTING_INSTRUCTIONS,
            },
            "privacyAndCompliance": {
                "allowsPurchases": False,
                "usesPersonalInfo": False,
                "isChildDirected": False,
                "isExportCompliant": True,
                "containsAds": False,
            },
            "apis": {
                "custom": {
                    "endpoint": _endpoint(endpoint, certificate),
                    "interfaces": [
                        {"type": "ALEXA_PRESENTATION_APL", "supportedViewports": list(SUPPORTED_VIEWPORTS)},
                    ],
                }
            },
        }
    }


def _endpoint(uri: str, certificate: str) -> dict:
    if uri.startswith(LAMBDA_ARN_PREFIX):
        return {"uri": uri}  # a certificate type is for HTTPS endpoints only
    if not uri.startswith("https://"):
        raise ValueError(f"the endpoint must be an https:// URL or a Lambda ARN, not {uri!r}")
    if certificate not in CERTIFICATE_TYPES:
        raise ValueError(f"certificate type must be one of {CERTIFICATE_TYPES}")
    return {"uri": uri, "sslCertificateType": certificate}


def _store_listing(locale: str) -> dict:
    return {
        "name": content.SKILL_NAME,
        "summary": content.regional(content.STORE_SUMMARY, locale),
        "description": content.regional(content.STORE_DESCRIPTION, locale),
        "examplePhrases": example_phrases(locale),
        "keywords": list(content.STORE_KEYWORDS),
        "smallIconUri": _icon_uri(SMALL_ICON),
        "largeIconUri": _icon_uri(LARGE_ICON),
    }


def _icon_uri(size: int) -> str:
    return f"file://{ICONS_IN_PACKAGE}/{icons.ICON_FILES[size]}"


def example_phrases(locale: str) -> list[str]:
    invocation = locales.model_for(locale)["interactionModel"]["languageModel"]["invocationName"]
    asks = (f"Alexa, ask {invocation} {_as_written(sample)}" for sample in EXAMPLE_SAMPLES)
    return [f"Alexa, open {invocation}", *asks]


def _as_written(sample: str) -> str:
    """A sample utterance as a person writes it: samples are lower case, "I" is not."""
    return re.sub(r"\bi\b", "I", sample)


def generate() -> list[Path]:
    """Rewrite every generated file that is committed: the locale models and skill.json."""
    written = locales.write_models()
    MANIFEST_PATH.write_text(locales.render(manifest()), encoding="utf-8")
    return [*written, MANIFEST_PATH]


# --------------------------------------------------------------------------
# ASK CLI skill package
# --------------------------------------------------------------------------


def build_skill_package(
    out_dir: Path = PACKAGE_DIR,
    zip_path: Path = PACKAGE_ZIP,
    endpoint: str = PLACEHOLDER_ENDPOINT,
    certificate: str = "Trusted",
    icons_dir: Path | None = None,
) -> Path:
    """skill.json, interactionModels/custom/<locale>.json and the icons under ``out_dir``, and a zip of that folder.

    The icons are drawn into ``icons_dir`` (default: ``icons/`` beside ``out_dir``) and copied from there.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    models = out_dir / "interactionModels" / "custom"
    models.mkdir(parents=True)
    (out_dir / "skill.json").write_text(locales.render(manifest(endpoint, certificate)), encoding="utf-8")
    for locale in content.LOCALES:
        (models / f"{locale}.json").write_text(locales.render(locales.model_for(locale)), encoding="utf-8")
    shutil.copytree(icons.write_icons(icons_dir or out_dir.with_name("icons")), out_dir / ICONS_IN_PACKAGE)
    # The package API takes a zip of the top-level folder itself.
    _zip_tree(out_dir, zip_path, prefix=out_dir.name)
    return zip_path


# --------------------------------------------------------------------------
# AWS Lambda deployment zip
# --------------------------------------------------------------------------


def lambda_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The Lambda handler's dependencies, with the lower bounds pyproject.toml pins."""
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    by_name = {re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0].lower(): spec for spec in declared}
    missing = [name for name in LAMBDA_DEPENDENCIES if name not in by_name]
    if missing:
        raise ValueError(f"pyproject.toml does not declare {missing}")
    return [by_name[name] for name in LAMBDA_DEPENDENCIES]


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


def build_lambda_zip(work_dir: Path = LAMBDA_DIR, zip_path: Path = LAMBDA_ZIP, index_url: str = PYPI) -> Path:
    """The deployment zip: the dependencies for Python 3.12, then the skill package on top."""
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    subprocess.run(pip_command(work_dir, index_url), check=True, env=_pypi_only_environment())
    return assemble_lambda_zip(work_dir, zip_path)


def assemble_lambda_zip(dependencies_dir: Path, zip_path: Path) -> Path:
    """Zip installed dependencies together with the ``skill`` package, as Lambda expects them."""
    skill_copy = dependencies_dir / "skill"
    if skill_copy.exists():
        shutil.rmtree(skill_copy)
    # skill/web/ is the web service (Flask, gunicorn, the signature checks): Lambda needs none of it.
    shutil.copytree(ROOT / "skill", skill_copy, ignore=shutil.ignore_patterns(*_LEFT_OUT, "web"))
    _zip_tree(dependencies_dir, zip_path, prefix="")
    return zip_path


def _zip_tree(source: Path, zip_path: Path, prefix: str) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in source.rglob("*") if p.is_file() and not _left_out(p.relative_to(source)))
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = "/".join(filter(None, (prefix, path.relative_to(source).as_posix())))
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def _left_out(relative: Path) -> bool:
    return relative.parts[0] == "bin" or "__pycache__" in relative.parts


# --------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="rewrite skill.json and the generated locale models")
    package = commands.add_parser("package", help="build the ASK CLI skill package and its zip")
    package.add_argument("--endpoint", default=PLACEHOLDER_ENDPOINT, help="https:// URL or Lambda ARN")
    package.add_argument("--certificate", default="Trusted", choices=CERTIFICATE_TYPES)
    lambda_zip = commands.add_parser("lambda-zip", help="build the AWS Lambda deployment zip")
    lambda_zip.add_argument("--index-url", default=PYPI, help="package index (default: PyPI)")
    args = parser.parse_args(argv)

    if args.command == "generate":
        for path in generate():
            print(f"wrote {path.relative_to(ROOT)}")
    elif args.command == "package":
        zip_path = build_skill_package(endpoint=args.endpoint, certificate=args.certificate)
        print(f"wrote {PACKAGE_DIR.relative_to(ROOT)}/ and {zip_path.relative_to(ROOT)}")
    else:
        zip_path = build_lambda_zip(index_url=args.index_url)
        size = zip_path.stat().st_size / 1e6
        print(
            f"wrote {zip_path.relative_to(ROOT)} ({size:.1f} MB); runtime python{LAMBDA_PYTHON}, "
            f"handler {LAMBDA_HANDLER}"
        )


if __name__ == "__main__":
    main()
