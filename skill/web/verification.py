"""Checks that an incoming HTTPS request really comes from Alexa.

Amazon requires every custom skill hosted as a web service to verify the
request signature, the signing certificate chain, the request timestamp and
the application id. The ask-sdk-webservice-support package would do this, but
it cannot be imported on OpenSSL >= 3.0.10 (its oscrypto dependency fails to
detect libcrypto), so these checks are implemented here on ``cryptography``.

This module puts them in order for one request; ``checks`` holds the rules
themselves and ``chain`` the signing chain (fetched, validated, cached).  None
of the three imports Flask or ask-sdk, so the web layer and the tests can use
them on their own.

Nothing logged here may contain user ids, device ids, tokens or the body.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.x509.verification import Store

from skill.request_json import application_id
from skill.web.chain import ChainCache, Signer, default_fetcher, load_trust_roots
from skill.web.checks import (
    CERT_URL_HEADER,
    LEGACY_SIGNATURE_HEADER,
    SIGNATURE_256_HEADER,
    VerificationError,
    check_cert_url,
    check_timestamp,
    decode_signature,
    header,
    utc_now,
)

__all__ = [
    "RequestVerifier",
    "VerificationError",
    "default_fetcher",
    "load_trust_roots",
]

log = logging.getLogger(__name__)


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
        clock: Callable[[], datetime] = utc_now,
        allow_legacy_sha1: bool = False,
        verify_signature: bool = True,
        cache_size: int = 32,
    ) -> None:
        # An empty string usually means an unset environment variable.
        self._skill_id = skill_id or None
        self._clock = clock
        self._allow_legacy_sha1 = allow_legacy_sha1
        self._verify_signature = verify_signature
        # Store() refuses an empty list; with signatures off no chain is ever needed.
        self.chains = ChainCache(Store(list(trust_roots)), fetcher, cache_size) if verify_signature else None
        if self._skill_id is None:
            log.warning("Alexa skill id not configured: application id check disabled")

    # -- public ------------------------------------------------------------

    def verify(self, headers: Mapping[str, str], body: bytes, envelope: dict) -> None:
        """Return None if the request is genuine, else raise VerificationError."""
        if not isinstance(envelope, dict):
            raise VerificationError("request body is not a JSON object")
        self._check_application_id(envelope)
        if self.chains is None:
            return
        cert_url = header(headers, CERT_URL_HEADER)
        if not cert_url:
            raise VerificationError("missing SignatureCertChainUrl header")
        signature, digest = self._pick_signature(headers)
        check_cert_url(cert_url)
        now = self._now()
        signer = self.chains.signer_for(cert_url, now)
        self._check_signature(signer, signature, digest, body)
        request = envelope.get("request")
        if not isinstance(request, dict):
            raise VerificationError("request object is missing")
        check_timestamp(request, now)

    # -- individual checks -------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo else now.replace(tzinfo=UTC)

    def _check_application_id(self, envelope: dict) -> None:
        if self._skill_id is None:
            return
        if application_id(envelope) != self._skill_id:
            raise VerificationError("application id does not match this skill")

    def _pick_signature(self, headers: Mapping[str, str]) -> tuple[bytes, hashes.HashAlgorithm]:
        # Signature-256 always wins, so a request carrying both can never be
        # downgraded to SHA-1 by tampering with the SHA-256 value.
        value = header(headers, SIGNATURE_256_HEADER)
        if value is not None:
            return decode_signature(value), hashes.SHA256()
        legacy = header(headers, LEGACY_SIGNATURE_HEADER)
        if legacy is None:
            raise VerificationError("missing Signature-256 header")
        if not self._allow_legacy_sha1:
            raise VerificationError("legacy SHA-1 signature not accepted")
        return decode_signature(legacy), hashes.SHA1()

    @staticmethod
    def _check_signature(signer: Signer, signature: bytes, digest: hashes.HashAlgorithm, body: bytes) -> None:
        try:
            signer.public_key.verify(signature, bytes(body), padding.PKCS1v15(), digest)
        except InvalidSignature:
            raise VerificationError("signature does not match body") from None
