"""A local stand-in for Amazon's signing PKI, for tests, the simulator and benchmarks.

It builds a root -> intermediate -> leaf chain (RSA-2048, leaf issued to
echo-api.amazon.com), signs request bodies the way Alexa does, and serves the
chain from memory instead of from S3. The server's defaults never use it:
``create_app()`` trusts certifi's roots and fetches from Amazon; only
``create_app_trusting()`` below, meant for load tests and the simulator on
loopback, trusts this CA.

A CA saved with ``save()`` can be loaded by another process, so a gunicorn
server and a separate load generator or simulator share one CA.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["CERT_URL", "SLOW_CERT_URL", "LocalAlexaCA", "LocalFetcher", "create_app_trusting"]

# Both pass Amazon's URL rules, so the verifier treats them like the real thing.
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-local.pem"
# Served only by a fetcher built with a delay: one slow fetch, for load tests.
SLOW_CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-local-slow.pem"

SIGNER_NAME = "echo-api.amazon.com"
_DAY = timedelta(days=1)
_FILES = ("root.pem", "root-key.pem", "intermediate.pem", "intermediate-key.pem", "leaf-key.pem", "chain.pem")


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=False,
        key_encipherment=not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(
    cn: str,
    key: rsa.RSAPrivateKey,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey] | None,
    not_before: datetime,
    not_after: datetime,
    *,
    ca: bool = False,
    san: tuple[str, ...] = (),
) -> x509.Certificate:
    """A certificate that satisfies cryptography's web-PKI profile; issuer None = self-signed."""
    issuer_name, issuer_key = (issuer[0].subject, issuer[1]) if issuer else (_name(cn), key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .add_extension(_key_usage(ca=ca), critical=True)
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in san]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class LocalFetcher:
    """Serves PEM pages from memory in place of the network; counts calls.

    ``delays`` holds, per URL, how long a fetch of it takes. An unknown URL
    raises like an HTTP 404 would.
    """

    def __init__(self, pages: Mapping[str, bytes], delays: Mapping[str, float] | None = None):
        self.pages = dict(pages)
        self.delays = dict(delays or {})
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, url: str) -> bytes:
        with self._lock:
            self.calls.append(url)
        delay = self.delays.get(url, 0.0)
        if delay:
            time.sleep(delay)
        if url not in self.pages:
            raise OSError("HTTP 404")
        return self.pages[url]


def _rsa_key(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the local CA's keys are RSA keys")
    return key


@dataclass(frozen=True)
class LocalAlexaCA:
    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    intermediate: x509.Certificate
    intermediate_key: rsa.RSAPrivateKey
    leaf_key: rsa.RSAPrivateKey
    chain_pem: bytes  # leaf + intermediate: what CERT_URL serves

    @classmethod
    def create(cls, now: datetime | None = None) -> LocalAlexaCA:
        """A fresh CA; its leaf is valid from a day before ``now`` to 30 days after."""
        now = now or datetime.now(UTC)
        root_key, inter_key, leaf_key = new_key(), new_key(), new_key()
        root = _certificate("Local Alexa Test Root CA", root_key, None, now - 3650 * _DAY, now + 3650 * _DAY, ca=True)
        inter = _certificate(
            "Local Alexa Test Intermediate CA",
            inter_key,
            (root, root_key),
            now - 1000 * _DAY,
            now + 1000 * _DAY,
            ca=True,
        )
        ca = cls(root, root_key, inter, inter_key, leaf_key, b"")
        chain = ca.issue_chain(not_before=now - _DAY, not_after=now + 30 * _DAY)
        return dataclasses.replace(ca, chain_pem=chain)

    @property
    def root_pem(self) -> bytes:
        return pem(self.root)

    def issue_chain(
        self,
        *,
        not_before: datetime,
        not_after: datetime,
        san: tuple[str, ...] = (SIGNER_NAME,),
        with_intermediate: bool = True,
        self_signed: bool = False,
    ) -> bytes:
        """A PEM chain whose leaf holds ``leaf_key``, so it verifies what ``sign`` signs."""
        issuer = None if self_signed else (self.intermediate, self.intermediate_key)
        leaf = _certificate(SIGNER_NAME, self.leaf_key, issuer, not_before, not_after, san=tuple(san))
        if with_intermediate and not self_signed:
            return pem(leaf, self.intermediate)
        return pem(leaf)

    def sign(
        self,
        body: bytes,
        *,
        url: str = CERT_URL,
        header: str = "Signature-256",
        digest: hashes.HashAlgorithm | None = None,
    ) -> dict[str, str]:
        """The signature headers Alexa would send with ``body``.

        The digest follows the header (SHA-256 for ``Signature-256``, SHA-1
        for the legacy ``Signature``) unless one is given.
        """
        digest = digest or (hashes.SHA1() if header == "Signature" else hashes.SHA256())
        signature = self.leaf_key.sign(bytes(body), padding.PKCS1v15(), digest)
        return {"SignatureCertChainUrl": url, header: base64.b64encode(signature).decode("ascii")}

    def fetcher(self, *, slow_fetch_s: float = 0.0) -> LocalFetcher:
        """Serves ``chain_pem`` at CERT_URL; with a delay, also at SLOW_CERT_URL, slowly."""
        if not slow_fetch_s:
            return LocalFetcher({CERT_URL: self.chain_pem})
        return LocalFetcher({CERT_URL: self.chain_pem, SLOW_CERT_URL: self.chain_pem}, {SLOW_CERT_URL: slow_fetch_s})

    def trust_roots(self) -> list[x509.Certificate]:
        return [self.root]

    def save(self, directory: str | os.PathLike) -> Path:
        """Write the CA to ``directory`` (keys readable by the owner only)."""
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        blobs = (
            self.root_pem,
            _key_pem(self.root_key),
            pem(self.intermediate),
            _key_pem(self.intermediate_key),
            _key_pem(self.leaf_key),
            self.chain_pem,
        )
        for name, blob in zip(_FILES, blobs, strict=True):
            target = path / name
            target.touch(mode=0o600, exist_ok=True)
            target.write_bytes(blob)
        return path

    @classmethod
    def load(cls, directory: str | os.PathLike) -> LocalAlexaCA:
        blobs = [(Path(directory) / name).read_bytes() for name in _FILES]
        root, root_key, inter, inter_key, leaf_key, chain = blobs
        return cls(
            root=x509.load_pem_x509_certificate(root),
            root_key=_rsa_key(root_key),
            intermediate=x509.load_pem_x509_certificate(inter),
            intermediate_key=_rsa_key(inter_key),
            leaf_key=_rsa_key(leaf_key),
            chain_pem=chain,
        )


def create_app_trusting(ca_dir: str | None = None):
    """The webhook with verification on, trusting only a saved local CA.

    For gunicorn in load tests, benchmarks and the simulator, on loopback:
    ``gunicorn 'tooling.local_ca:create_app_trusting()'``. The CA directory is
    ``ca_dir`` or $LOCAL_CA_DIR; the skill id is $ALEXA_SKILL_ID (required).
    $LOCAL_CA_SLOW_FETCH_S > 0 makes SLOW_CERT_URL take that long to fetch.
    """
    # Imported here so tests and tools that only sign need neither Flask nor ask-sdk.
    from skill.web.app import create_app
    from skill.web.config import Config
    from skill.web.verification import RequestVerifier

    directory = ca_dir or os.environ.get("LOCAL_CA_DIR")
    if not directory:
        raise RuntimeError("create_app_trusting needs ca_dir or LOCAL_CA_DIR")
    if not (Path(directory) / "root.pem").exists():
        LocalAlexaCA.create().save(Path(directory))  # the first of server and simulator makes it
    ca = LocalAlexaCA.load(directory)
    config = dataclasses.replace(Config.from_env(), verify=True)
    verifier = RequestVerifier(
        skill_id=config.skill_id,
        trust_roots=ca.trust_roots(),
        fetcher=ca.fetcher(slow_fetch_s=float(os.environ.get("LOCAL_CA_SLOW_FETCH_S") or 0)),
        allow_legacy_sha1=config.allow_legacy_sha1,
    )
    return create_app(config, verifier=verifier)
