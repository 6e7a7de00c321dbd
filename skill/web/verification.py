"""Checks that an incoming HTTPS request really comes from Alexa.

Amazon requires every custom skill hosted as a web service to verify the
request signature, the signing certificate chain, the request timestamp and
the application id. The ask-sdk-webservice-support package would do this, but
it cannot be imported on OpenSSL >= 3.0.10 (its oscrypto dependency fails to
detect libcrypto), so these checks are implemented here on ``cryptography``.

This module is pure: it imports neither Flask nor ask-sdk, so the web layer
and the tests can use it on their own.

Nothing logged here may contain user ids, device ids, tokens or the body.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import logging
import posixpath
import re
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store
from cryptography.x509.verification import VerificationError as _ChainError

__all__ = [
    "RequestVerifier",
    "VerificationError",
    "default_fetcher",
    "load_trust_roots",
]

log = logging.getLogger(__name__)

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_256_HEADER = "Signature-256"
LEGACY_SIGNATURE_HEADER = "Signature"

_CERT_HOST = "s3.amazonaws.com"
_CERT_PATH_PREFIX = "/echo.api/"
_SIGNER_DNS_NAME = "echo-api.amazon.com"

TIMESTAMP_TOLERANCE_S = 150
# Amazon delivers skill events (enable, disable, permission changes) late and
# documents a one-hour tolerance for them.
SKILL_EVENT_TOLERANCE_S = 3600
_SKILL_EVENT_PREFIX = "AlexaSkillEvent."

# Followers of an in-flight chain fetch give up after this long, so a hung
# fetcher cannot pin every worker thread forever.
_SINGLE_FLIGHT_WAIT_S = 30.0

_PEM_CERT_RE = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


class VerificationError(Exception):
    """The request must be rejected; ``reason`` is short and safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


# --------------------------------------------------------------------------
# Fetching and trust roots
# --------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect would move the fetch off the host the URL check approved.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(req.full_url, code, "redirect refused", headers, fp)


def _build_opener() -> urllib.request.OpenerDirector:
    # certifi rather than the OS store: slim container images often ship none.
    tls = ssl.create_default_context(cafile=certifi.where())
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=tls), _NoRedirect())


def default_fetcher(url: str, *, timeout: float = 5.0, max_bytes: int = 65536) -> bytes:
    """Download ``url`` and return its bytes, or raise VerificationError.

    ``timeout`` applies to each socket operation and, checked between reads,
    to the download as a whole, so a server trickling bytes cannot hold a
    worker for long. At most ``max_bytes`` are accepted.
    """
    deadline = time.monotonic() + timeout
    try:
        with _build_opener().open(url, timeout=timeout) as resp:
            data = _read_capped(resp, max_bytes, deadline)
    except VerificationError:
        raise
    except (OSError, ValueError, http.client.HTTPException):
        raise VerificationError("certificate chain could not be fetched") from None
    return data


def _read_capped(resp: Any, max_bytes: int, deadline: float) -> bytes:
    # Read one byte past the cap so an oversized answer is detected, not truncated.
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise VerificationError("certificate chain fetch timed out")
        chunk = resp.read1(max_bytes + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise VerificationError("certificate chain too large")
    return b"".join(chunks)


def load_trust_roots(pem_path: str | None = None) -> list[x509.Certificate]:
    """Trusted roots from a PEM bundle; ``None`` means certifi's bundle."""
    return list(_load_roots_cached(pem_path or certifi.where()))


@lru_cache(maxsize=8)
def _load_roots_cached(pem_path: str) -> tuple[x509.Certificate, ...]:
    with open(pem_path, "rb") as fh:
        blocks = _PEM_CERT_RE.findall(fh.read())
    roots = []
    for block in blocks:
        # One odd root (certifi has one with a non-positive serial, which newer
        # cryptography releases refuse) must not take the whole bundle down.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            try:
                roots.append(x509.load_pem_x509_certificate(block))
            except ValueError:
                continue
    if not roots:
        raise ValueError(f"no certificates found in {pem_path}")
    return tuple(roots)


# --------------------------------------------------------------------------
# Small pure checks
# --------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    # Flask's headers are case-insensitive; a plain dict (tests, other
    # frameworks) may not be, so fall back to a scan only on a miss.
    value = headers.get(name)
    if value is None:
        wanted = name.lower()
        value = next(
            (v for k, v in headers.items() if isinstance(k, str) and k.lower() == wanted),
            None,
        )
    return value if isinstance(value, str) else None


def _check_cert_url(url: str) -> None:
    # Stray whitespace, control characters, backslashes or non-ASCII let
    # different URL parsers disagree about the host; Amazon never sends them.
    if not url.isascii() or any(c <= " " or c in "\\\x7f" for c in url):
        raise VerificationError("certificate URL is malformed")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        raise VerificationError("certificate URL is malformed") from None
    if parts.scheme.lower() != "https":
        raise VerificationError("certificate URL scheme must be https")
    if "@" in parts.netloc:
        raise VerificationError("certificate URL must not contain user info")
    if parts.hostname != _CERT_HOST:  # urlsplit already lower-cases hostname
        raise VerificationError("certificate URL host not allowed")
    if port is not None and port != 443:
        raise VerificationError("certificate URL port not allowed")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise VerificationError("certificate URL must not have a query or fragment")
    # Decode %2e%2e and friends before removing dot segments, otherwise an
    # encoded "../" would survive normalisation and escape /echo.api/.
    path = posixpath.normpath(urllib.parse.unquote(parts.path))
    if not path.startswith(_CERT_PATH_PREFIX):
        raise VerificationError("certificate URL path not allowed")


def _decode_signature(value: str) -> bytes:
    try:
        sig = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise VerificationError("signature is not valid base64") from None
    if not sig:
        raise VerificationError("signature is empty")
    return sig


def _dict_at(obj: Any, *keys: str) -> Any:
    """Walk nested dicts; any non-dict on the way yields None."""
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _application_id(envelope: dict) -> Any:
    # The session copy is only authoritative when Amazon sent no context.
    if envelope.get("context") is not None:
        return _dict_at(envelope, "context", "System", "application", "applicationId")
    return _dict_at(envelope, "session", "application", "applicationId")


def _parse_timestamp(raw: Any) -> datetime:
    if isinstance(raw, bool):  # bool is an int subclass; never a timestamp
        raise VerificationError("request timestamp is not valid")
    try:
        if isinstance(raw, (int, float)):
            return datetime.fromtimestamp(raw / 1000.0, tz=UTC)
        if isinstance(raw, str):
            parsed = datetime.fromisoformat(raw)
            # Alexa timestamps are UTC; a missing offset means UTC, not local time.
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        pass
    raise VerificationError("request timestamp is not valid")


def _check_timestamp(request: dict, now: datetime) -> None:
    raw = request.get("timestamp")
    if raw is None:
        raise VerificationError("request timestamp is missing")
    age = (now - _parse_timestamp(raw)).total_seconds()
    req_type = request.get("type")
    is_event = isinstance(req_type, str) and req_type.startswith(_SKILL_EVENT_PREFIX)
    tolerance = SKILL_EVENT_TOLERANCE_S if is_event else TIMESTAMP_TOLERANCE_S
    if age > tolerance:
        raise VerificationError("request timestamp too old")
    if age < -tolerance:
        raise VerificationError("request timestamp is in the future")


def _has_exact_san(leaf: x509.Certificate) -> bool:
    # cryptography would also accept a wildcard such as *.amazon.com; Amazon's
    # rule asks for the literal name echo-api.amazon.com.
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return False
    names = san.value.get_values_for_type(x509.DNSName)
    return any(name.lower() == _SIGNER_DNS_NAME for name in names)


# --------------------------------------------------------------------------
# Chain cache
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Signer:
    """What the hot path needs from a validated chain: a key and its window."""

    public_key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime

    def usable_at(self, now: datetime) -> bool:
        return self.not_before <= now <= self.not_after


@dataclass
class _Flight:
    """One in-progress chain load that concurrent callers wait on."""

    done: threading.Event = field(default_factory=threading.Event)
    signer: _Signer | None = None
    reason: str = "certificate chain could not be loaded"


class RequestVerifier:
    """Applies Amazon's "request was sent by Alexa" checks to one request.

    Thread-safe: one instance is meant to be shared by all worker threads so
    the validated-chain cache is shared too.
    """

    def __init__(
        self,
        *,
        skill_id: str | None,
        trust_roots: list[x509.Certificate],
        fetcher: Callable[[str], bytes] = default_fetcher,
        clock: Callable[[], datetime] = _utc_now,
        allow_legacy_sha1: bool = False,
        verify_signature: bool = True,
        cache_size: int = 32,
    ) -> None:
        if cache_size < 1:
            raise ValueError("cache_size must be at least 1")
        # An empty string usually means an unset environment variable.
        self._skill_id = skill_id or None
        self._fetcher = fetcher
        self._clock = clock
        self._allow_legacy_sha1 = allow_legacy_sha1
        self._verify_signature = verify_signature
        self._cache_size = cache_size
        # Store() refuses an empty list; with signatures off no store is needed.
        self._store = Store(list(trust_roots)) if verify_signature else None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, _Signer] = OrderedDict()
        self._inflight: dict[str, _Flight] = {}
        if self._skill_id is None:
            log.warning("Alexa skill id not configured: application id check disabled")

    # -- public ------------------------------------------------------------

    def verify(self, headers: Mapping[str, str], body: bytes, envelope: dict) -> None:
        """Return None if the request is genuine, else raise VerificationError."""
        if not isinstance(envelope, dict):
            raise VerificationError("request body is not a JSON object")
        self._check_application_id(envelope)
        if not self._verify_signature:
            return
        cert_url = _header(headers, CERT_URL_HEADER)
        if not cert_url:
            raise VerificationError("missing SignatureCertChainUrl header")
        signature, digest = self._pick_signature(headers)
        _check_cert_url(cert_url)
        now = self._now()
        signer = self._signer_for(cert_url, now)
        self._check_signature(signer, signature, digest, body)
        request = envelope.get("request")
        if not isinstance(request, dict):
            raise VerificationError("request object is missing")
        _check_timestamp(request, now)

    # -- individual checks -------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo else now.replace(tzinfo=UTC)

    def _check_application_id(self, envelope: dict) -> None:
        if self._skill_id is None:
            return
        if _application_id(envelope) != self._skill_id:
            raise VerificationError("application id does not match this skill")

    def _pick_signature(self, headers: Mapping[str, str]) -> tuple[bytes, hashes.HashAlgorithm]:
        # Signature-256 always wins, so a request carrying both can never be
        # downgraded to SHA-1 by tampering with the SHA-256 value.
        value = _header(headers, SIGNATURE_256_HEADER)
        if value is not None:
            return _decode_signature(value), hashes.SHA256()
        legacy = _header(headers, LEGACY_SIGNATURE_HEADER)
        if legacy is None:
            raise VerificationError("missing Signature-256 header")
        if not self._allow_legacy_sha1:
            raise VerificationError("legacy SHA-1 signature not accepted")
        return _decode_signature(legacy), hashes.SHA1()

    @staticmethod
    def _check_signature(signer: _Signer, signature: bytes, digest: hashes.HashAlgorithm, body: bytes) -> None:
        try:
            signer.public_key.verify(signature, bytes(body), padding.PKCS1v15(), digest)
        except InvalidSignature:
            raise VerificationError("signature does not match body") from None

    # -- chain cache -------------------------------------------------------

    def _signer_for(self, url: str, now: datetime) -> _Signer:
        with self._lock:
            signer = self._cached(url, now)
            if signer is not None:
                return signer
            flight = self._inflight.get(url)
            leader = flight is None
            if leader:
                flight = self._inflight[url] = _Flight()
        assert flight is not None  # set above, under the lock, by whoever leads
        if leader:
            return self._lead_flight(url, now, flight)
        return self._follow_flight(flight)

    def _cached(self, url: str, now: datetime) -> _Signer | None:
        # Caller holds self._lock.
        signer = self._cache.get(url)
        if signer is None:
            return None
        if not signer.usable_at(now):
            # Expired (or clock moved before the chain's start): forget it so
            # the chain is fetched and validated again.
            del self._cache[url]
            return None
        self._cache.move_to_end(url)
        return signer

    def _lead_flight(self, url: str, now: datetime, flight: _Flight) -> _Signer:
        try:
            signer = self._load_signer(url, now)
            flight.signer = signer
            with self._lock:
                self._cache[url] = signer
                self._cache.move_to_end(url)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            return signer
        except VerificationError as exc:
            flight.reason = exc.reason
            raise
        finally:
            with self._lock:
                self._inflight.pop(url, None)
            flight.done.set()

    @staticmethod
    def _follow_flight(flight: _Flight) -> _Signer:
        if not flight.done.wait(_SINGLE_FLIGHT_WAIT_S):
            raise VerificationError("certificate chain fetch timed out")
        if flight.signer is None:
            # Same outcome as the thread that did the fetch; nothing cached.
            raise VerificationError(flight.reason)
        return flight.signer

    def _load_signer(self, url: str, now: datetime) -> _Signer:
        chain = self._fetch_chain(url)
        validated = self._validate_chain(chain, now)
        key = chain[0].public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationError("certificate key is not RSA")
        # Usable only while every certificate on the validated path is.
        return _Signer(
            public_key=key,
            not_before=max(c.not_valid_before_utc for c in validated),
            not_after=min(c.not_valid_after_utc for c in validated),
        )

    def _fetch_chain(self, url: str) -> list[x509.Certificate]:
        try:
            pem = self._fetcher(url)
        except VerificationError:
            raise
        except Exception:  # an injected fetcher may raise anything
            raise VerificationError("certificate chain could not be fetched") from None
        try:
            chain = x509.load_pem_x509_certificates(pem)
        except (TypeError, ValueError):
            raise VerificationError("certificate chain is not valid PEM") from None
        log.info("fetched Alexa signing certificate chain from %s", url)
        return chain

    def _validate_chain(self, chain: list[x509.Certificate], now: datetime) -> list[x509.Certificate]:
        leaf, intermediates = chain[0], chain[1:]
        # Checked separately only to give a precise reason; the verifier below
        # enforces validity for the whole path anyway.
        if now > leaf.not_valid_after_utc:
            raise VerificationError("certificate has expired")
        if now < leaf.not_valid_before_utc:
            raise VerificationError("certificate is not yet valid")
        if not _has_exact_san(leaf):
            raise VerificationError("certificate is not issued to echo-api.amazon.com")
        if self._store is None:
            raise VerificationError("signature checks are off")
        verifier = PolicyBuilder().store(self._store).time(now).build_server_verifier(x509.DNSName(_SIGNER_DNS_NAME))
        try:
            return verifier.verify(leaf, intermediates)
        except _ChainError:
            raise VerificationError("certificate chain is not trusted or not valid now") from None
