"""The signing certificate chain: fetched from Amazon, validated against trusted roots,
and cached, with one fetch for many requests that need the same new chain.
"""

from __future__ import annotations

import http.client
import logging
import re
import ssl
import threading
import time
import urllib.error
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import certifi
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store
from cryptography.x509.verification import VerificationError as _ChainError

from skill.web.checks import SIGNER_DNS_NAME, VerificationError, has_exact_san

log = logging.getLogger(__name__)

# Followers of an in-flight chain fetch give up after this long, so a hung
# fetcher cannot pin every worker thread forever.
_SINGLE_FLIGHT_WAIT_S = 30.0

_PEM_CERT_RE = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", re.DOTALL)


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


@dataclass(frozen=True)
class Signer:
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
    signer: Signer | None = None
    reason: str = "certificate chain could not be loaded"


class ChainCache:
    """Validated signing chains by URL, least recently used dropped, each kept until it expires.

    Thread-safe: one instance is shared by all worker threads.
    """

    def __init__(self, store: Store, fetcher: Callable[[str], bytes], cache_size: int = 32) -> None:
        if cache_size < 1:
            raise ValueError("cache_size must be at least 1")
        self._store = store
        self._fetcher = fetcher
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, Signer] = OrderedDict()
        self._inflight: dict[str, _Flight] = {}

    def signer_for(self, url: str, now: datetime) -> Signer:
        """The key that verifies signatures from ``url``'s chain, fetched and validated once."""
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

    def _cached(self, url: str, now: datetime) -> Signer | None:
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

    def _lead_flight(self, url: str, now: datetime, flight: _Flight) -> Signer:
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
    def _follow_flight(flight: _Flight) -> Signer:
        if not flight.done.wait(_SINGLE_FLIGHT_WAIT_S):
            raise VerificationError("certificate chain fetch timed out")
        if flight.signer is None:
            # Same outcome as the thread that did the fetch; nothing cached.
            raise VerificationError(flight.reason)
        return flight.signer

    def _load_signer(self, url: str, now: datetime) -> Signer:
        chain = self._fetch_chain(url)
        validated = self._validate_chain(chain, now)
        key = chain[0].public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationError("certificate key is not RSA")
        # Usable only while every certificate on the validated path is.
        return Signer(
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
        if not has_exact_san(leaf):
            raise VerificationError("certificate is not issued to echo-api.amazon.com")
        verifier = PolicyBuilder().store(self._store).time(now).build_server_verifier(x509.DNSName(SIGNER_DNS_NAME))
        try:
            return verifier.verify(leaf, intermediates)
        except _ChainError:
            raise VerificationError("certificate chain is not trusted or not valid now") from None
