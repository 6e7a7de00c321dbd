"""Verification through the HTTP layer: each failure class is a 400 with a short reason.

test_verification.py proves every rule on RequestVerifier itself; these tests
prove the Flask app wires it in, answers signed requests, and turns every
refusal into a clear 400, never a 500.
"""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from helpers import SKILL_ID, Conversation, envelope, intent_request, launch_request, slot

from skill.web.app import create_app
from skill.web.config import Config
from skill.web.verification import RequestVerifier
from tooling.local_ca import CERT_URL, SLOW_CERT_URL, LocalFetcher, create_app_trusting, new_key

DAY = timedelta(days=1)


@pytest.fixture
def signed_app(local_ca, tmp_path, monkeypatch):
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    monkeypatch.setenv("ALEXA_VERIFY", "0")  # create_app_trusting verifies regardless
    return create_app_trusting(str(local_ca.save(tmp_path / "ca")))


def post(client, body: bytes, headers: dict):
    reply = client.post("/alexa", data=body, content_type="application/json", headers=headers)
    return reply.status_code, reply.get_json()


def encode(body: dict) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def stamped(seconds_from_now: float) -> dict:
    when = datetime.now(UTC) + timedelta(seconds=seconds_from_now)
    return envelope(launch_request() | {"timestamp": when.strftime("%Y-%m-%dT%H:%M:%SZ")})


def test_signed_dialog_is_answered(signed_app, local_ca):
    chat = Conversation(signed_app.test_client(), sign=local_ca.sign)
    assert "?" in chat.launch().speech
    answer = chat.ask("CausesIntent", slot("cause", "dehydration", slot_type="CauseType", value_id="DEHYDRATION"))
    assert "water" in answer.speech.lower() or "hydrat" in answer.speech.lower()
    assert chat.ask("AMAZON.StopIntent").ended


def _drop(*names):
    def mutate(ca, body):
        headers = ca.sign(body)
        for name in names:
            headers.pop(name)
        return headers, body

    return mutate


def _with(changes: dict):
    def mutate(ca, body):
        return ca.sign(body) | changes, body

    return mutate


def _signed_by(transform):
    def mutate(ca, body):
        return transform(ca, body), body

    return mutate


FAILURES = {
    "no headers": (_drop("SignatureCertChainUrl", "Signature-256"), "missing SignatureCertChainUrl header"),
    "no signature": (_drop("Signature-256"), "missing Signature-256 header"),
    "no cert url": (_drop("SignatureCertChainUrl"), "missing SignatureCertChainUrl header"),
    "signature not base64": (_with({"Signature-256": "%%%not-base64%%%"}), "signature is not valid base64"),
    "signature over another body": (lambda ca, body: (ca.sign(body + b" "), body), "signature does not match body"),
    "signature by another key": (
        _signed_by(lambda ca, body: replace(ca, leaf_key=new_key()).sign(body)),
        "signature does not match body",
    ),
    "http cert url": (
        _signed_by(lambda ca, body: ca.sign(body, url=CERT_URL.replace("https", "http"))),
        "certificate URL scheme must be https",
    ),
    "port 8443": (
        _signed_by(lambda ca, body: ca.sign(body, url=CERT_URL.replace(".com/", ".com:8443/"))),
        "certificate URL port not allowed",
    ),
    "path escapes echo.api": (
        _signed_by(lambda ca, body: ca.sign(body, url="https://s3.amazonaws.com/echo.api/../evil.pem")),
        "certificate URL path not allowed",
    ),
    "cert url not served": (
        _signed_by(lambda ca, body: ca.sign(body, url="https://s3.amazonaws.com/echo.api/gone.pem")),
        "certificate chain could not be fetched",
    ),
    "legacy SHA-1": (
        _signed_by(lambda ca, body: ca.sign(body, header="Signature")),
        "legacy SHA-1 signature not accepted",
    ),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_each_header_failure_is_a_400_with_a_short_reason(signed_app, local_ca, case):
    mutate, reason = FAILURES[case]
    headers, body = mutate(local_ca, encode(envelope(launch_request())))
    assert post(signed_app.test_client(), body, headers) == (400, {"error": reason})


@pytest.mark.parametrize(
    ("timestamp", "reason"),
    [
        # The exact 150 s boundary is tested with an injected clock in test_verification.py.
        (-160, "request timestamp too old"),
        (+160, "request timestamp is in the future"),
        ("garbled", "request timestamp is not valid"),
        (None, "request timestamp is missing"),
    ],
)
def test_each_timestamp_failure_is_a_400(signed_app, local_ca, timestamp, reason):
    body = stamped(timestamp) if isinstance(timestamp, int) else envelope(launch_request())
    if not isinstance(timestamp, int):
        body["request"]["timestamp"] = timestamp
    data = encode(body)
    assert post(signed_app.test_client(), data, local_ca.sign(data)) == (400, {"error": reason})


def test_skill_event_59_minutes_old_is_answered(signed_app, local_ca):
    event = stamped(-59 * 60)
    event["request"]["type"] = "AlexaSkillEvent.SkillEnabled"
    event["request"]["eventCreationTime"] = event["request"]["timestamp"]
    data = encode(event)
    status, _ = post(signed_app.test_client(), data, local_ca.sign(data))
    assert status == 200


def test_wrong_application_id_is_a_400(signed_app, local_ca):
    body = envelope(launch_request())
    body["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else"
    data = encode(body)
    assert post(signed_app.test_client(), data, local_ca.sign(data)) == (
        400,
        {"error": "application id does not match this skill"},
    )


def _app_serving(ca, chain: bytes):
    verifier = RequestVerifier(skill_id=SKILL_ID, trust_roots=ca.trust_roots(), fetcher=LocalFetcher({CERT_URL: chain}))
    return create_app(Config(skill_id=SKILL_ID), verifier=verifier)


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "chain_args", "reason"),
    [
        (-60 * DAY, -DAY, {}, "certificate has expired"),
        (DAY, 60 * DAY, {}, "certificate is not yet valid"),
        (-DAY, 30 * DAY, {"san": ("example.com",)}, "certificate is not issued to echo-api.amazon.com"),
        (-DAY, 30 * DAY, {"self_signed": True}, "certificate chain is not trusted or not valid now"),
        (-DAY, 30 * DAY, {"with_intermediate": False}, "certificate chain is not trusted or not valid now"),
    ],
)
def test_each_chain_failure_is_a_400(local_ca, valid_from, valid_to, chain_args, reason):
    now = datetime.now(UTC)
    chain = local_ca.issue_chain(not_before=now + valid_from, not_after=now + valid_to, **chain_args)
    data = encode(envelope(launch_request()))
    assert post(_app_serving(local_ca, chain).test_client(), data, local_ca.sign(data)) == (400, {"error": reason})


def test_failed_fetch_leaves_the_worker_healthy(local_ca):
    fetcher = LocalFetcher({})
    verifier = RequestVerifier(skill_id=SKILL_ID, trust_roots=local_ca.trust_roots(), fetcher=fetcher)
    client = create_app(Config(skill_id=SKILL_ID), verifier=verifier).test_client()
    data = encode(envelope(launch_request()))
    assert post(client, data, local_ca.sign(data)) == (400, {"error": "certificate chain could not be fetched"})
    assert client.get("/healthz").status_code == 200
    fetcher.pages[CERT_URL] = local_ca.chain_pem  # S3 is back
    assert post(client, data, local_ca.sign(data))[0] == 200


class GatedFetcher(LocalFetcher):
    """Holds every fetch of SLOW_CERT_URL until the test opens the gate."""

    def __init__(self, pages):
        super().__init__(pages)
        self.entered = threading.Event()
        self.gate = threading.Event()

    def __call__(self, url: str) -> bytes:
        if url == SLOW_CERT_URL:
            self.entered.set()
            assert self.gate.wait(30), "test never opened the gate"
        return super().__call__(url)


def test_a_slow_fetch_does_not_stall_other_verified_requests(local_ca):
    # Ordering, not timing: twenty requests on the usual chain complete while
    # a fetch for another chain is provably still in progress.
    fetcher = GatedFetcher({CERT_URL: local_ca.chain_pem, SLOW_CERT_URL: local_ca.chain_pem})
    verifier = RequestVerifier(skill_id=SKILL_ID, trust_roots=local_ca.trust_roots(), fetcher=fetcher)
    app = create_app(Config(skill_id=SKILL_ID), verifier=verifier)
    slow_body = encode(envelope(launch_request()))
    slow_result: list = []
    slow = threading.Thread(
        target=lambda: slow_result.append(
            post(app.test_client(), slow_body, local_ca.sign(slow_body, url=SLOW_CERT_URL))[0]
        )
    )
    slow.start()
    try:
        assert fetcher.entered.wait(10)
        client = app.test_client()
        for intent in ["LumpIntent", "CausesIntent", "AMAZON.HelpIntent", "ReliefIntent"] * 5:
            data = encode(envelope(intent_request(intent)))
            assert post(client, data, local_ca.sign(data))[0] == 200
        assert slow.is_alive() and not slow_result  # still waiting on its fetch
    finally:
        fetcher.gate.set()
        slow.join(10)
    assert slow_result == [200]


def test_create_app_trusting_needs_a_ca(monkeypatch):
    monkeypatch.delenv("LOCAL_CA_DIR", raising=False)
    with pytest.raises(RuntimeError, match="LOCAL_CA_DIR"):
        create_app_trusting()


def test_create_app_trusting_reads_the_ca_dir_from_the_environment(local_ca, tmp_path, monkeypatch):
    monkeypatch.setenv("LOCAL_CA_DIR", str(local_ca.save(tmp_path / "ca")))
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    client = create_app_trusting().test_client()
    data = encode(envelope(launch_request()))
    assert post(client, data, {})[0] == 400  # verification is on
    assert post(client, data, local_ca.sign(data))[0] == 200
