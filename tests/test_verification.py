"""Tests for skill.web.verification: Amazon's "request was sent by Alexa" checks.

No network: certificates come from tooling.local_ca, the chain fetcher serves
them from memory, the clock is fixed, and default_fetcher is exercised against a loopback server.
"""

from __future__ import annotations

import http.server
import json
import logging
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

import skill.web.chain as chain
from skill.web.verification import (
    RequestVerifier,
    VerificationError,
    default_fetcher,
    load_trust_roots,
)
from tooling.local_ca import CERT_URL, LocalAlexaCA, LocalFetcher, new_key

UTC = UTC
T0 = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)
SKILL_ID = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"
USER_ID = "amzn1.ask.account.SECRETUSERIDXYZ"
DEVICE_ID = "amzn1.ask.device.SECRETDEVICEIDXYZ"
API_TOKEN = "eyJSECRETTOKENXYZ"

FIXTURE_DIR = Path(__file__).parent / "data" / "fixtures" / "alexa-signed-request-sha1"


# --------------------------------------------------------------------------
# Test PKI: tooling.local_ca's root -> intermediate -> leaves, all RSA 2048
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PKI:
    ca: LocalAlexaCA  # signs with the key every leaf below holds
    root: x509.Certificate
    roots_path: str
    chain: bytes  # good leaf (valid T0-1d .. T0+30d) + intermediate
    renewed_chain: bytes  # good leaf valid T0 .. T0+365d
    expired_chain: bytes
    not_yet_valid_chain: bytes
    wrong_san_chain: bytes
    wildcard_san_chain: bytes
    self_signed_chain: bytes
    leaf_only_chain: bytes  # intermediate missing


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> PKI:
    ca = LocalAlexaCA.create(now=T0)
    day = timedelta(days=1)
    # Saved the way a server process would load it; roots come from the saved PEM.
    saved = ca.save(tmp_path_factory.mktemp("ca"))

    def leaf(nb, na, **kw):
        return ca.issue_chain(not_before=nb, not_after=na, **kw)

    return PKI(
        ca=ca,
        root=ca.root,
        roots_path=str(saved / "root.pem"),
        chain=ca.chain_pem,
        renewed_chain=leaf(T0, T0 + 365 * day),
        expired_chain=leaf(T0 - 60 * day, T0 - day),
        not_yet_valid_chain=leaf(T0 + day, T0 + 60 * day),
        wrong_san_chain=leaf(T0 - day, T0 + 30 * day, san=("example.com",)),
        wildcard_san_chain=leaf(T0 - day, T0 + 30 * day, san=("*.amazon.com",)),
        self_signed_chain=leaf(T0 - day, T0 + 30 * day, self_signed=True),
        leaf_only_chain=leaf(T0 - day, T0 + 30 * day, with_intermediate=False),
    )


# --------------------------------------------------------------------------
# Fakes and helpers
# --------------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


def iso(ts: datetime) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_envelope(timestamp, *, app_id=SKILL_ID, req_type="LaunchRequest") -> dict:
    """A realistic full LaunchRequest envelope, shaped like Alexa's."""
    if isinstance(timestamp, datetime):
        timestamp = iso(timestamp)
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.0000-test",
            "application": {"applicationId": app_id},
            "attributes": {},
            "user": {"userId": USER_ID},
        },
        "context": {
            "System": {
                "application": {"applicationId": app_id},
                "user": {"userId": USER_ID},
                "device": {"deviceId": DEVICE_ID, "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": API_TOKEN,
            }
        },
        "request": {
            "type": req_type,
            "requestId": "amzn1.echo-api.request.0000-test",
            "timestamp": timestamp,
            "locale": "en-US",
            "shouldLinkResultBeReturned": False,
        },
    }


@dataclass
class Req:
    headers: dict
    body: bytes
    envelope: dict

    def args(self):
        return self.headers, self.body, self.envelope


def sign(envelope, ca: LocalAlexaCA, *, url=CERT_URL, algo=None, header="Signature-256") -> Req:
    body = json.dumps(envelope, separators=(",", ":")).encode()
    return Req(ca.sign(body, url=url, header=header, digest=algo), body, envelope)


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def fetcher(pki) -> LocalFetcher:
    return LocalFetcher({CERT_URL: pki.chain})


@pytest.fixture
def make_verifier(pki, clock, fetcher):
    # Trust roots come from a PEM bundle path, the way the app's setting does.
    roots = load_trust_roots(pki.roots_path)

    def make(**kw) -> RequestVerifier:
        kw.setdefault("skill_id", SKILL_ID)
        kw.setdefault("trust_roots", roots)
        kw.setdefault("fetcher", fetcher)
        kw.setdefault("clock", clock)
        return RequestVerifier(**kw)

    return make


@pytest.fixture
def good(pki, clock) -> Req:
    return sign(make_envelope(clock.now), pki.ca)


def rejected(verifier, req: Req, reason_part: str) -> str:
    with pytest.raises(VerificationError) as info:
        verifier.verify(*req.args())
    assert reason_part in info.value.reason
    assert str(info.value) == info.value.reason
    return info.value.reason


# --------------------------------------------------------------------------
# Happy path and header handling
# --------------------------------------------------------------------------


def test_valid_request_passes(make_verifier, good, fetcher):
    make_verifier().verify(*good.args())
    assert fetcher.calls == [CERT_URL]


def test_saved_local_ca_signs_for_another_process(pki, clock):
    # A load generator loads the CA the server saved; its signatures must pass
    # a verifier that trusts only the loaded roots and serves the loaded chain.
    loaded = LocalAlexaCA.load(Path(pki.roots_path).parent)
    assert loaded.root == pki.root and loaded.chain_pem == pki.chain
    verifier = RequestVerifier(
        skill_id=SKILL_ID, trust_roots=loaded.trust_roots(), fetcher=loaded.fetcher(), clock=clock
    )
    verifier.verify(*sign(make_envelope(clock.now), loaded).args())
    assert loaded.fetcher()(CERT_URL) == pki.chain
    with pytest.raises(OSError):
        loaded.fetcher()("https://s3.amazonaws.com/echo.api/other.pem")


def test_plain_dict_headers_are_case_insensitive(make_verifier, good):
    lowered = {k.lower(): v for k, v in good.headers.items()}
    make_verifier().verify(lowered, good.body, good.envelope)


@pytest.mark.parametrize(
    "url",
    [
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert-test.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert-test.pem",
    ],
)
def test_allowed_url_variants(pki, clock, make_verifier, url):
    fetcher = LocalFetcher({url: pki.chain})
    req = sign(make_envelope(clock.now), pki.ca, url=url)
    make_verifier(fetcher=fetcher).verify(*req.args())
    assert fetcher.calls == [url]


def test_missing_signature_256_header(make_verifier, good, fetcher):
    del good.headers["Signature-256"]
    rejected(make_verifier(), good, "missing Signature-256")
    assert fetcher.calls == []


def test_missing_cert_url_header(make_verifier, good, fetcher):
    del good.headers["SignatureCertChainUrl"]
    rejected(make_verifier(), good, "missing SignatureCertChainUrl")
    assert fetcher.calls == []


@pytest.mark.parametrize(
    "value, reason",
    [
        ("not base64!!", "not valid base64"),
        ("abc", "not valid base64"),
        ("QUJD\n", "not valid base64"),
        ("", "signature is empty"),
    ],
)
def test_signature_not_base64(make_verifier, good, value, reason):
    good.headers["Signature-256"] = value
    rejected(make_verifier(), good, reason)


def test_valid_signature_with_junk_characters_rejected(make_verifier, good):
    # A lenient decoder would drop the junk and accept the signature.
    sig = good.headers["Signature-256"]
    good.headers["Signature-256"] = sig[:10] + "!*" + sig[10:]
    rejected(make_verifier(), good, "not valid base64")


def test_signature_over_another_body(make_verifier, pki, clock, good):
    other = sign(make_envelope(clock.now, req_type="SessionEndedRequest"), pki.ca)
    good.headers["Signature-256"] = other.headers["Signature-256"]
    rejected(make_verifier(), good, "signature does not match body")


def test_one_byte_of_body_changed(make_verifier, good):
    body = bytearray(good.body)
    pos = body.index(b"0000-test")
    body[pos] = ord("1")
    tampered = Req(good.headers, bytes(body), json.loads(bytes(body)))
    rejected(make_verifier(), tampered, "signature does not match body")


def test_signature_by_another_key(pki, make_verifier, clock):
    req = sign(make_envelope(clock.now), replace(pki.ca, leaf_key=new_key()))
    rejected(make_verifier(), req, "signature does not match body")


# --------------------------------------------------------------------------
# Certificate URL rules: rejected before any fetch
# --------------------------------------------------------------------------

BAD_URLS = [
    "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "//s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://notamazon.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem",
    "https://evil.s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:abc/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
    "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api",
    "https://s3.amazonaws.com/echo.api/../evil.pem",
    "https://s3.amazonaws.com/echo.api/%2e%2e/evil.pem",
    "https://s3.amazonaws.com/echo.api%2f..%2fevil.pem",
    "https://evil.com/?https://s3.amazonaws.com/echo.api/",
    "https://evil.com/#https://s3.amazonaws.com/echo.api/x.pem",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#frag",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?",
    "https://s3.amazonaws.com@evil.com/echo.api/x.pem",
    "https://s3.amazonaws.com:443@evil.com/echo.api/x.pem",
    "https://user:pw@s3.amazonaws.com/echo.api/x.pem",
    "https://s3.amazonaws.com\\@evil.com/echo.api/x.pem",
    "https://s3.amazonaws.com/echo.api/x.pem\r\nHost: evil.com",
    " https://s3.amazonaws.com/echo.api/x.pem",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_cert_url_rejected_before_fetch(pki, clock, make_verifier, url):
    # The fake would happily serve a valid chain at the bad URL, so only the
    # URL check itself can stop this request.
    fetcher = LocalFetcher({url: pki.chain})
    req = sign(make_envelope(clock.now), pki.ca, url=url)
    rejected(make_verifier(fetcher=fetcher), req, "certificate URL")
    assert fetcher.calls == []


# --------------------------------------------------------------------------
# Chain validation
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chain_attr, reason",
    [
        ("expired_chain", "expired"),
        ("not_yet_valid_chain", "not yet valid"),
        ("wrong_san_chain", "echo-api.amazon.com"),
        ("wildcard_san_chain", "echo-api.amazon.com"),
        ("self_signed_chain", "not trusted"),
        ("leaf_only_chain", "not trusted"),
    ],
)
def test_bad_chain_rejected(pki, make_verifier, good, chain_attr, reason):
    # Every leaf here uses the key that signed the body: only the chain check fails.
    fetcher = LocalFetcher({CERT_URL: getattr(pki, chain_attr)})
    rejected(make_verifier(fetcher=fetcher), good, reason)


def test_chain_from_untrusted_root(pki, make_verifier, good):
    other_root_verifier = make_verifier(trust_roots=load_trust_roots())  # certifi only
    rejected(other_root_verifier, good, "not trusted")


@pytest.mark.parametrize(
    "payload", [b"", b"not a pem", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "text"]
)
def test_garbage_chain_rejected(make_verifier, good, payload):
    fetcher = LocalFetcher({CERT_URL: payload})
    rejected(make_verifier(fetcher=fetcher), good, "certificate chain")


# --------------------------------------------------------------------------
# Timestamp
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "offset_s, req_type, reason",
    [
        (-151, "LaunchRequest", "too old"),
        (151, "LaunchRequest", "in the future"),
        (-59 * 60, "LaunchRequest", "too old"),
        (-61 * 60, "AlexaSkillEvent.SkillEnabled", "too old"),
        (61 * 60, "AlexaSkillEvent.SkillEnabled", "in the future"),
    ],
)
def test_timestamp_out_of_window(pki, clock, make_verifier, offset_s, req_type, reason):
    env = make_envelope(clock.now + timedelta(seconds=offset_s), req_type=req_type)
    rejected(make_verifier(), sign(env, pki.ca), reason)


@pytest.mark.parametrize(
    "timestamp",
    [
        T0 - timedelta(seconds=150),
        T0 + timedelta(seconds=150),
        "2025-06-01T11:59:00.123Z",
        "2025-06-01T12:01:00+00:00",
        "2025-06-01T14:01:00+02:00",
        int((T0 - timedelta(seconds=100)).timestamp() * 1000),
        (T0 + timedelta(seconds=100)).timestamp() * 1000.0,
    ],
)
def test_timestamp_inside_window_accepted(pki, make_verifier, timestamp):
    make_verifier().verify(*sign(make_envelope(timestamp), pki.ca).args())


def test_epoch_millis_outside_window(pki, make_verifier):
    ms = int((T0 - timedelta(seconds=151)).timestamp() * 1000)
    rejected(make_verifier(), sign(make_envelope(ms), pki.ca), "too old")


def test_skill_event_59_minutes_old_accepted(pki, clock, make_verifier):
    env = make_envelope(clock.now - timedelta(minutes=59), req_type="AlexaSkillEvent.SkillDisabled")
    make_verifier().verify(*sign(env, pki.ca).args())


def test_timestamp_missing(pki, clock, make_verifier):
    env = make_envelope(clock.now)
    del env["request"]["timestamp"]
    rejected(make_verifier(), sign(env, pki.ca), "timestamp is missing")


@pytest.mark.parametrize("garbled", ["yesterday", "", "2025-13-45T99:99:99Z", True, [], {"t": 1}, float("nan"), 10**30])
def test_timestamp_garbled(pki, make_verifier, garbled):
    env = make_envelope("x")
    env["request"]["timestamp"] = garbled
    rejected(make_verifier(), sign(env, pki.ca), "timestamp is not valid")


# --------------------------------------------------------------------------
# Application id and envelope shape
# --------------------------------------------------------------------------


def test_wrong_application_id(pki, clock, make_verifier, fetcher):
    env = make_envelope(clock.now, app_id="amzn1.ask.skill.someone-else")
    rejected(make_verifier(), sign(env, pki.ca), "application id")
    assert fetcher.calls == []  # cheap check runs before any fetch


def test_context_app_id_wins_over_session(pki, clock, make_verifier):
    env = make_envelope(clock.now)
    env["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    rejected(make_verifier(), sign(env, pki.ca), "application id")


def test_session_app_id_used_only_without_context(pki, clock, make_verifier):
    env = make_envelope(clock.now)
    del env["context"]
    make_verifier().verify(*sign(env, pki.ca).args())
    env["session"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    rejected(make_verifier(), sign(env, pki.ca), "application id")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda e: e.update(context=[]),
        lambda e: e.update(context="x"),
        lambda e: e["context"].update(System=None),
        lambda e: e["context"]["System"].update(application=[1]),
        lambda e: e["context"]["System"]["application"].update(applicationId=5),
    ],
)
def test_malformed_application_path(pki, clock, make_verifier, mutate):
    env = make_envelope(clock.now)
    mutate(env)
    rejected(make_verifier(), sign(env, pki.ca), "application id")


@pytest.mark.parametrize("request_value", [None, [], "LaunchRequest"])
def test_malformed_request_object(pki, clock, make_verifier, request_value):
    env = make_envelope(clock.now)
    env["request"] = request_value
    rejected(make_verifier(), sign(env, pki.ca), "request object")


@pytest.mark.parametrize("envelope", [[], "x", None, 3])
def test_envelope_not_an_object(make_verifier, good, envelope):
    rejected(make_verifier(), Req(good.headers, good.body, envelope), "not a JSON object")


def test_no_skill_id_configured_skips_only_app_id_check(pki, clock, make_verifier):
    env = make_envelope(clock.now, app_id="amzn1.ask.skill.anything")
    verifier = make_verifier(skill_id=None)
    verifier.verify(*sign(env, pki.ca).args())
    stale = make_envelope(clock.now - timedelta(seconds=500), app_id="x")
    rejected(verifier, sign(stale, pki.ca), "too old")


# --------------------------------------------------------------------------
# Legacy SHA-1 signature
# --------------------------------------------------------------------------


def _sha1_request(pki, clock) -> Req:
    return sign(make_envelope(clock.now), pki.ca, algo=hashes.SHA1(), header="Signature")


def test_legacy_sha1_refused_by_default(pki, clock, make_verifier, fetcher):
    rejected(make_verifier(), _sha1_request(pki, clock), "legacy SHA-1")
    assert fetcher.calls == []


def test_legacy_sha1_accepted_when_allowed(pki, clock, make_verifier):
    make_verifier(allow_legacy_sha1=True).verify(*_sha1_request(pki, clock).args())


def test_legacy_sha1_is_not_a_fallback_for_a_bad_signature_256(pki, clock, make_verifier):
    req = _sha1_request(pki, clock)
    other = sign(make_envelope(clock.now - timedelta(seconds=1)), pki.ca)
    req.headers["Signature-256"] = other.headers["Signature-256"]
    rejected(make_verifier(allow_legacy_sha1=True), req, "signature does not match body")


def test_sha1_signature_in_signature_256_header_rejected(pki, clock, make_verifier):
    req = sign(make_envelope(clock.now), pki.ca, algo=hashes.SHA1())
    rejected(make_verifier(allow_legacy_sha1=True), req, "signature does not match body")


# --------------------------------------------------------------------------
# verify_signature=False (ALEXA_VERIFY=0)
# --------------------------------------------------------------------------


def test_verification_disabled_skips_signature_and_timestamp(clock, make_verifier, fetcher):
    env = make_envelope(clock.now - timedelta(days=3))
    verifier = make_verifier(verify_signature=False, trust_roots=[])
    verifier.verify({}, b"not even the body", env)
    assert fetcher.calls == []


def test_verification_disabled_still_checks_skill_id(clock, make_verifier):
    env = make_envelope(clock.now, app_id="amzn1.ask.skill.other")
    rejected(make_verifier(verify_signature=False), Req({}, b"{}", env), "application id")
    make_verifier(verify_signature=False, skill_id=None).verify({}, b"{}", env)


# --------------------------------------------------------------------------
# Chain cache
# --------------------------------------------------------------------------


def test_second_request_uses_cache(pki, clock, make_verifier, fetcher, monkeypatch):
    verifier = make_verifier()
    verifier.verify(*sign(make_envelope(clock.now), pki.ca).args())

    # From now on neither PEM parsing nor chain building may happen.
    def boom(*_a, **_k):
        raise AssertionError("hot path rebuilt the chain")

    monkeypatch.setattr(chain.x509, "load_pem_x509_certificates", boom)
    monkeypatch.setattr(chain, "PolicyBuilder", boom)
    clock.advance(seconds=30)
    verifier.verify(*sign(make_envelope(clock.now), pki.ca).args())
    verifier.verify(*sign(make_envelope(clock.now, req_type="IntentRequest"), pki.ca).args())
    assert fetcher.calls == [CERT_URL]


def test_cached_chain_dropped_when_leaf_expires(pki, clock, make_verifier, fetcher):
    verifier = make_verifier()
    verifier.verify(*sign(make_envelope(clock.now), pki.ca).args())
    clock.advance(days=31)  # good leaf expired at T0+30d
    fresh = sign(make_envelope(clock.now), pki.ca)
    rejected(verifier, fresh, "expired")
    assert fetcher.calls == [CERT_URL, CERT_URL]
    # Amazon rotates the file at the same URL: the renewed chain is picked up.
    fetcher.pages[CERT_URL] = pki.renewed_chain
    verifier.verify(*fresh.args())
    assert len(fetcher.calls) == 3


def test_cache_is_bounded(pki, clock, make_verifier):
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{i}.pem" for i in range(4)]
    fetcher = LocalFetcher(dict.fromkeys(urls, pki.chain))
    verifier = make_verifier(fetcher=fetcher, cache_size=3)
    env = make_envelope(clock.now)
    for url in urls:
        verifier.verify(*sign(env, pki.ca, url=url).args())
    verifier.verify(*sign(env, pki.ca, url=urls[-1]).args())
    assert fetcher.calls == urls  # most recent still cached
    verifier.verify(*sign(env, pki.ca, url=urls[0]).args())
    assert fetcher.calls == [*urls, urls[0]]  # oldest was evicted


def test_cache_is_lru(pki, clock, make_verifier):
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{i}.pem" for i in range(3)]
    fetcher = LocalFetcher(dict.fromkeys(urls, pki.chain))
    verifier = make_verifier(fetcher=fetcher, cache_size=2)
    env = make_envelope(clock.now)
    run = lambda u: verifier.verify(*sign(env, pki.ca, url=u).args())  # noqa: E731
    run(urls[0])
    run(urls[1])
    run(urls[0])
    run(urls[2])
    run(urls[0])  # recently used, so urls[1] was evicted instead
    assert fetcher.calls == urls


def _hammer(verifier, req: Req, n: int) -> list:
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def worker(i):
        barrier.wait()
        try:
            verifier.verify(*req.args())
            results[i] = "ok"
        except VerificationError as exc:
            results[i] = exc
        except Exception as exc:  # pragma: no cover - reported by the assert
            results[i] = repr(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


def test_concurrent_first_requests_fetch_once(pki, good, make_verifier):
    fetcher = LocalFetcher({CERT_URL: pki.chain}, {CERT_URL: 0.2})
    results = _hammer(make_verifier(fetcher=fetcher), good, 16)
    assert results == ["ok"] * 16
    assert fetcher.calls == [CERT_URL]


def test_concurrent_failed_fetch_not_cached(pki, good, make_verifier):
    fetcher = LocalFetcher({}, {CERT_URL: 0.1})
    verifier = make_verifier(fetcher=fetcher)
    results = _hammer(verifier, good, 8)
    assert all(isinstance(r, VerificationError) for r in results), results
    fetcher.pages[CERT_URL] = pki.chain
    fetcher.delays.clear()
    verifier.verify(*good.args())


def test_failing_fetcher_then_good_fetch(pki, good, make_verifier):
    fetcher = LocalFetcher({})
    verifier = make_verifier(fetcher=fetcher)
    rejected(verifier, good, "could not be fetched")
    fetcher.pages[CERT_URL] = pki.chain
    verifier.verify(*good.args())
    assert fetcher.calls == [CERT_URL, CERT_URL]


def test_fetcher_raising_anything_becomes_verification_error(good, make_verifier):
    def broken(url):
        raise RuntimeError("boom with internals")

    reason = rejected(make_verifier(fetcher=broken), good, "could not be fetched")
    assert "boom" not in reason


def test_invalid_chain_not_cached(pki, good, make_verifier):
    fetcher = LocalFetcher({CERT_URL: pki.expired_chain})
    verifier = make_verifier(fetcher=fetcher)
    rejected(verifier, good, "expired")
    fetcher.pages[CERT_URL] = pki.chain
    verifier.verify(*good.args())
    assert len(fetcher.calls) == 2


# --------------------------------------------------------------------------
# Logging hygiene
# --------------------------------------------------------------------------


def test_nothing_sensitive_is_logged(pki, clock, make_verifier, good, caplog):
    caplog.set_level(logging.DEBUG)
    verifier = make_verifier()
    verifier.verify(*good.args())
    for req in (
        sign(make_envelope(clock.now, app_id="amzn1.ask.skill.x"), pki.ca),
        Req(good.headers, good.body + b" ", good.envelope),
        sign(make_envelope(clock.now - timedelta(hours=1)), pki.ca),
    ):
        with pytest.raises(VerificationError):
            verifier.verify(*req.args())
    text = caplog.text
    for secret in (USER_ID, DEVICE_ID, API_TOKEN, good.headers["Signature-256"][:20]):
        assert secret not in text


def test_module_is_pure():
    # The web layer and tooling import this without Flask or ask-sdk installed.
    code = (
        "import sys, skill.web.verification; "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'werkzeug', 'ask_sdk_core', 'ask_sdk_model', 'ask_sdk_webservice_support')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------
# Trust roots
# --------------------------------------------------------------------------


def test_load_trust_roots_default_is_certifi():
    roots = load_trust_roots()
    names = {r.subject.rfc4514_string() for r in roots}
    assert "CN=Amazon Root CA 1,O=Amazon,C=US" in names
    assert len(roots) > 50


def test_load_trust_roots_from_path(pki):
    assert load_trust_roots(pki.roots_path) == [pki.root]


def test_load_trust_roots_rejects_empty_bundle(tmp_path):
    empty = tmp_path / "empty.pem"
    empty.write_text("nothing here\n")
    with pytest.raises(ValueError):
        load_trust_roots(str(empty))


# --------------------------------------------------------------------------
# default_fetcher against a loopback HTTP server
# --------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, *, chunked: bool = False) -> None:
        self.send_response(200)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 4096):
                part = body[i : i + 4096]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/small":
            self._send(b"x" * 100)
        elif path == "/exact":
            self._send(b"x" * 65536)
        elif path == "/big":
            self._send(b"x" * 65537)
        elif path == "/big-chunked":
            self.protocol_version = "HTTP/1.1"
            self._send(b"x" * 200_000, chunked=True)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(b"late")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/small")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on /slow and /drip is the point of those tests


@pytest.fixture(scope="module")
def loopback():
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_proxy(monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_default_fetcher_reads_small_response(loopback, no_proxy):
    assert default_fetcher(loopback + "/small") == b"x" * 100
    assert default_fetcher(loopback + "/exact") == b"x" * 65536


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_default_fetcher_refuses_oversized_response(loopback, no_proxy, path):
    with pytest.raises(VerificationError, match="too large"):
        default_fetcher(loopback + path)


def test_default_fetcher_honours_custom_cap(loopback, no_proxy):
    with pytest.raises(VerificationError, match="too large"):
        default_fetcher(loopback + "/small", max_bytes=99)


def test_default_fetcher_times_out(loopback, no_proxy):
    # How long it took is for make bench; here, that it gave up at all.
    with pytest.raises(VerificationError, match=r"could not be fetched|timed out"):
        default_fetcher(loopback + "/slow", timeout=0.3)


def test_default_fetcher_total_deadline_beats_slow_drip(loopback, no_proxy):
    # Each byte arrives well inside the socket timeout; only the overall
    # deadline stops the download.
    with pytest.raises(VerificationError, match="timed out"):
        default_fetcher(loopback + "/drip", timeout=0.5)


@pytest.mark.parametrize("path", ["/missing", "/redirect"])
def test_default_fetcher_http_errors(loopback, no_proxy, path):
    with pytest.raises(VerificationError, match="could not be fetched"):
        default_fetcher(loopback + path)


def test_default_fetcher_connection_refused(no_proxy):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(VerificationError, match="could not be fetched"):
        default_fetcher(f"http://127.0.0.1:{port}/x", timeout=1)


# --------------------------------------------------------------------------
# Real Amazon capture (legacy SHA-1, echo-api-cert-7 chain, 2019-07-15)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def amazon():
    if not FIXTURE_DIR.is_dir():  # pragma: no cover
        pytest.skip(f"fixture missing: {FIXTURE_DIR}")
    body = (FIXTURE_DIR / "body.json").read_bytes()
    headers = json.loads((FIXTURE_DIR / "headers.json").read_text())
    chain = (FIXTURE_DIR / "cert-chain.pem").read_bytes()
    envelope = json.loads(body)
    return {
        "body": body,
        "headers": headers,
        "envelope": envelope,
        "fetcher": LocalFetcher({headers["SignatureCertChainUrl"]: chain}),
        "skill_id": envelope["context"]["System"]["application"]["applicationId"],
    }


def _amazon_verifier(amazon, *, when: datetime, **kw) -> RequestVerifier:
    return RequestVerifier(
        skill_id=amazon["skill_id"],
        trust_roots=load_trust_roots(),
        fetcher=amazon["fetcher"],
        clock=lambda: when,
        **kw,
    )


# The brief's clock: 2 s before request.timestamp (22:44:23Z), well inside 150 s.
AMAZON_TIME = datetime(2019, 7, 15, 22, 44, 21, tzinfo=UTC)


def test_amazon_fixture_bytes_are_untouched(amazon):
    import hashlib

    digest = hashlib.sha256(amazon["body"]).hexdigest()
    assert digest == "438970d0ff1b3826befd1fa9aef85d4c8dee00780e62726954f2f4af28c76fac"
    # SOURCE.md's 22:44:21Z is the Geolocation timestamp; the request's own is 2 s later.
    assert amazon["envelope"]["request"]["timestamp"] == "2019-07-15T22:44:23Z"


def test_amazon_capture_verifies_with_legacy_allowed(amazon):
    verifier = _amazon_verifier(amazon, when=AMAZON_TIME, allow_legacy_sha1=True)
    verifier.verify(amazon["headers"], amazon["body"], amazon["envelope"])


def test_amazon_capture_refused_by_default(amazon):
    verifier = _amazon_verifier(amazon, when=AMAZON_TIME)
    with pytest.raises(VerificationError, match="legacy SHA-1"):
        verifier.verify(amazon["headers"], amazon["body"], amazon["envelope"])


def test_amazon_capture_one_byte_changed(amazon):
    body = bytearray(amazon["body"])
    pos = body.index(b"amzn1.echo-api.session.") + len("amzn1.echo-api.session.")
    body[pos] = ord("6") if body[pos] != ord("6") else ord("7")
    verifier = _amazon_verifier(amazon, when=AMAZON_TIME, allow_legacy_sha1=True)
    with pytest.raises(VerificationError, match="signature does not match body"):
        verifier.verify(amazon["headers"], bytes(body), json.loads(bytes(body)))


def test_amazon_chain_validates_at_request_time(amazon):
    verifier = _amazon_verifier(amazon, when=AMAZON_TIME)
    url = amazon["headers"]["SignatureCertChainUrl"]
    assert verifier.chains is not None
    signer = verifier.chains.signer_for(url, AMAZON_TIME)
    assert signer.not_after == datetime(2020, 5, 15, 12, 0, tzinfo=UTC)


def test_amazon_chain_fails_after_expiry(amazon):
    later = datetime(2020, 5, 16, tzinfo=UTC)
    verifier = _amazon_verifier(amazon, when=later, allow_legacy_sha1=True)
    with pytest.raises(VerificationError, match="expired"):
        verifier.verify(amazon["headers"], amazon["body"], amazon["envelope"])


def test_amazon_chain_validates_against_amazon_root_ca_1_alone(amazon, tmp_path):
    # The README's advice: ALEXA_TRUST_ROOTS may pin trust to Amazon Root CA 1 alone.
    from cryptography.hazmat.primitives.serialization import Encoding

    root = [r for r in load_trust_roots() if r.subject.rfc4514_string() == "CN=Amazon Root CA 1,O=Amazon,C=US"]
    bundle = tmp_path / "amazon-root-ca-1.pem"
    bundle.write_bytes(root[0].public_bytes(Encoding.PEM))
    verifier = RequestVerifier(
        skill_id=amazon["skill_id"],
        trust_roots=load_trust_roots(str(bundle)),
        fetcher=amazon["fetcher"],
        clock=lambda: AMAZON_TIME,
        allow_legacy_sha1=True,
    )
    verifier.verify(amazon["headers"], amazon["body"], amazon["envelope"])
