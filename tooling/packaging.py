"""The skill manifest, the ASK CLI project's folders, and the AWS Lambda zip.

    python -m tooling.packaging generate     # rewrite skill.json and the generated locale models
    python -m tooling.packaging package [--endpoint URL|ARN] [--certificate Trusted|Wildcard|SelfSigned]
    python -m tooling.packaging lambda-zip [--code DIR] [--out ZIP]

``skill.json`` is generated from the content module (store text, disclaimer)
and the interaction models (invocation name, example phrases), and committed
so that it can be read and pasted; a test fails while it is stale.  The
skill package is always built from the sources, into ``build/``: ``package``
lays out every folder a profile of ask-resources.json points at.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from skill import content
from tooling import ask_project, icons, lambda_package, locales, paths, zips

ROOT = paths.ROOT
BUILD = paths.BUILD
MANIFEST_PATH = paths.MANIFEST_PATH
PACKAGE_DIR = BUILD / "skill-package"
PACKAGE_ZIP = BUILD / "skill-package.zip"
# The skill package's assets/ (the icons) are copied from here when it exists.

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
    zip_path: Path | None = PACKAGE_ZIP,
    endpoint: str = PLACEHOLDER_ENDPOINT,
    certificate: str = "Trusted",
    icons_dir: Path | None = None,
) -> Path:
    """skill.json, interactionModels/custom/<locale>.json and the icons in assets/ under ``out_dir``, and a zip
    of that folder (unless ``zip_path`` is None).

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
    if zip_path is not None:
        # The package API takes a zip of the top-level folder itself.
        zips.write_zip(out_dir, zip_path, prefix=out_dir.name)
    return out_dir


# --------------------------------------------------------------------------
# the ASK CLI project (ask-resources.json)
# --------------------------------------------------------------------------


def lay_out_profiles(
    endpoint: str = PLACEHOLDER_ENDPOINT, certificate: str = "Trusted", resources: Path = ask_project.ASK_RESOURCES
) -> list[Path]:
    """Every skill package and code folder that a profile points at.

    Each profile has a skill package of its own: `ask deploy` writes the Lambda
    function's ARN into the skill.json of the profile it deploys.
    """
    packages: list[Path] = []
    code_folders: list[Path] = []
    for profile in ask_project.load_profiles(resources).values():
        zip_path = PACKAGE_ZIP if profile.skill_package == PACKAGE_DIR else None
        packages.append(build_skill_package(profile.skill_package, zip_path, endpoint, certificate))
        if profile.code is not None and profile.code not in code_folders:
            code_folders.append(lambda_package.lay_out_code(*profile.code_and_handler()))
    return [*packages, *code_folders]


# --------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", help="rewrite skill.json and the generated locale models")
    package = commands.add_parser("package", help="lay out the folders the profiles of ask-resources.json use")
    package.add_argument("--endpoint", default=PLACEHOLDER_ENDPOINT, help="https:// URL or Lambda ARN")
    package.add_argument("--certificate", default="Trusted", choices=CERTIFICATE_TYPES)
    lambda_zip = commands.add_parser("lambda-zip", help="build the AWS Lambda deployment zip")
    lambda_zip.add_argument("--code", type=Path, help="a code folder already laid out (default: lay it out anew)")
    lambda_zip.add_argument("--out", type=Path, default=lambda_package.LAMBDA_ZIP, help="the zip to write")
    lambda_zip.add_argument("--index-url", default=lambda_package.PYPI, help="package index (default: PyPI)")
    args = parser.parse_args(argv)

    if args.command == "generate":
        for path in generate():
            print(f"wrote {path.relative_to(ROOT)}")
    elif args.command == "package":
        for path in lay_out_profiles(endpoint=args.endpoint, certificate=args.certificate):
            print(f"wrote {path.relative_to(ROOT)}/")
        print(f"wrote {PACKAGE_ZIP.relative_to(ROOT)}")
    else:
        _lambda_zip(args.code, args.out, args.index_url)


def _lambda_zip(code: Path | None, out: Path, index_url: str) -> None:
    profile = ask_project.lambda_profile()
    if code is None:
        code = lambda_package.lay_out_code(*profile.code_and_handler())
    python = lambda_package.lambda_python()
    if python is None:
        print(
            f"warning: no Python {lambda_package.LAMBDA_PYTHON} found (set LAMBDA_BUILD_PYTHON): the zip ships "
            "source only, and Lambda will compile it, with warnings, at every cold start",
            file=sys.stderr,
        )
    zip_path = lambda_package.build_lambda_zip(code, out, index_url=index_url, python=python)
    print(
        f"wrote {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB), compiled by {python or 'nothing'}; "
        f"runtime {profile.runtime}, handler {profile.handler}"
    )


if __name__ == "__main__":
    main()
