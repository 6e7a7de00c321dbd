"""Amazon's rules for one request, as pure checks: headers, the certificate URL, the
application id, the signature encoding, the timestamp and the signing certificate's name.

Each raises VerificationError with a short reason that is safe to log.  Nothing here
fetches, caches or logs; nothing here may see user ids, device ids, tokens or the body
beyond what a rule needs.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import urllib.parse
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from cryptography import x509

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_256_HEADER = "Signature-256"
LEGACY_SIGNATURE_HEADER = "Signature"

_CERT_HOST = "s3.amazonaws.com"
_CERT_PATH_PREFIX = "/echo.api/"
SIGNER_DNS_NAME = "echo-api.amazon.com"

TIMESTAMP_TOLERANCE_S = 150
# Amazon delivers skill events (enable, disable, permission changes) late and
# documents a one-hour tolerance for them.
SKILL_EVENT_TOLERANCE_S = 3600
_SKILL_EVENT_PREFIX = "AlexaSkillEvent."


class VerificationError(Exception):
    """The request must be rejected; ``reason`` is short and safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def utc_now() -> datetime:
    return datetime.now(UTC)


def header(headers: Mapping[str, str], name: str) -> str | None:
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


def check_cert_url(url: str) -> None:
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


def decode_signature(value: str) -> bytes:
    try:
        sig = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise VerificationError("signature is not valid base64") from None
    if not sig:
        raise VerificationError("signature is empty")
    return sig


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


def check_timestamp(request: dict, now: datetime) -> None:
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


def has_exact_san(leaf: x509.Certificate) -> bool:
    # cryptography would also accept a wildcard such as *.amazon.com; Amazon's
    # rule asks for the literal name echo-api.amazon.com.
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return False
    names = san.value.get_values_for_type(x509.DNSName)
    return any(name.lower() == SIGNER_DNS_NAME for name in names)
