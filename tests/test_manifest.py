"""skill.json: the store listing, privacy flags, endpoint and interfaces Amazon's manifest schema asks for."""

import json

import pytest

from skill import content
from tooling import locales, packaging

MANIFEST = json.loads(packaging.MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]
LISTINGS = MANIFEST["publishingInformation"]["locales"]
# Limits from the skill manifest schema and the certification checklist.
SUMMARY_MAX = 160
DESCRIPTION_MAX = 4000
KEYWORDS_MAX = 30


def test_committed_manifest_is_what_the_generator_makes():
    committed = packaging.MANIFEST_PATH.read_text(encoding="utf-8")
    assert committed == locales.render(packaging.manifest()), (
        "skill.json is stale: run `make generate` (python -m tooling.packaging generate)"
    )


def test_category_version_and_distribution():
    info = MANIFEST["publishingInformation"]
    assert MANIFEST["manifestVersion"] == "1.0"
    assert info["category"] == "HEALTH_AND_FITNESS"
    assert info["isAvailableWorldwide"] is False
    assert info["distributionCountries"] == ["US", "GB", "CA", "AU", "IN"]
    assert info["testingInstructions"].strip()


def test_every_locale_has_a_listing():
    assert list(LISTINGS) == list(content.LOCALES)
    for locale, listing in LISTINGS.items():
        assert listing["name"] == content.SKILL_NAME
        assert 0 < len(listing["summary"]) <= SUMMARY_MAX, locale
        assert 0 < len(listing["description"]) <= DESCRIPTION_MAX, locale
        assert 0 < len(listing["keywords"]) <= KEYWORDS_MAX and all(k.strip() for k in listing["keywords"])


@pytest.mark.parametrize("locale", content.LOCALES)
def test_description_says_educational_and_not_a_substitute_for_medical_advice(locale):
    description = LISTINGS[locale]["description"]
    assert description.endswith(content.MANIFEST_DISCLAIMER)
    for words in (
        "educational information",
        "not a substitute for professional medical advice, diagnosis or treatment",
    ):
        assert words in description


def test_listings_use_each_locales_words():
    assert "physiotherapist" in LISTINGS["en-GB"]["description"]
    assert "physical therapist" in LISTINGS["en-US"]["description"]


def test_example_phrases_open_the_skill_then_ask_it():
    """Each is a sample of the model with its launch phrase (`make lint-model` checks that); these are the shape."""
    for listing in LISTINGS.values():
        phrases = listing["examplePhrases"]
        assert phrases[0] == "Alexa, open back knot guide"
        assert all(phrase.startswith("Alexa, ask back knot guide ") for phrase in phrases[1:])


def test_privacy_and_compliance():
    assert MANIFEST["privacyAndCompliance"] == {
        "allowsPurchases": False,
        "usesPersonalInfo": False,
        "isChildDirected": False,
        "isExportCompliant": True,
        "containsAds": False,
    }


def test_endpoint_placeholder_is_https_with_a_certificate_type():
    endpoint = MANIFEST["apis"]["custom"]["endpoint"]
    assert endpoint["uri"].startswith("https://") and endpoint["uri"].endswith("/alexa")
    assert endpoint["sslCertificateType"] in packaging.CERTIFICATE_TYPES


def test_endpoint_can_be_a_real_host_or_a_lambda_arn():
    host = packaging.manifest("https://alexa.example.org/alexa", "Wildcard")["manifest"]["apis"]["custom"]
    assert host["endpoint"] == {"uri": "https://alexa.example.org/alexa", "sslCertificateType": "Wildcard"}
    arn = "arn:aws:lambda:us-east-1:123456789012:function:back-knot-guide"
    assert packaging.manifest(arn)["manifest"]["apis"]["custom"]["endpoint"] == {"uri": arn}
    for bad in ("http://plain.example.org/alexa", "skill.example.org"):
        with pytest.raises(ValueError):
            packaging.manifest(bad)
    with pytest.raises(ValueError):
        packaging.manifest("https://alexa.example.org/alexa", "Whatever")


def test_declares_the_apl_interface_with_viewports():
    (interface,) = MANIFEST["apis"]["custom"]["interfaces"]
    assert interface["type"] == "ALEXA_PRESENTATION_APL"
    for viewport in interface["supportedViewports"]:
        assert viewport["mode"] in ("HUB", "TV", "PC", "MOBILE", "AUTO") and viewport["shape"] in ("RECTANGLE", "ROUND")
        assert viewport["minWidth"] <= viewport["maxWidth"] and viewport["minHeight"] <= viewport["maxHeight"]
    # The preview's Echo Show size is among the screens declared.
    assert any(
        v["minWidth"] <= 1024 <= v["maxWidth"] and v["minHeight"] <= 600 <= v["maxHeight"]
        for v in interface["supportedViewports"]
    )
