"""Amazon's stock verifier (ask-sdk-webservice-support 1.3.3), importable in this process only.

Its dependency oscrypto 1.3.0 finds the libcrypto version with the pattern
``\\b(\\d\\.\\d\\.\\d[a-z]*)\\b``, which does not match a two-digit patch
release such as "OpenSSL 3.0.19", so the import fails with "Error detecting
the version of libcrypto" (oscrypto issue 78; fixed only in unreleased
source, and installing from git is not allowed here).  ``load()`` installs an
import hook that compiles oscrypto's two libcrypto modules with that one
pattern corrected, in memory, in the benchmark process.  Nothing on disk
changes, and skill/ and the server never import this module.

Results from it are labelled "stock verifier, import patched in-bench".
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

LABEL = "stock verifier, import patched in-bench"

_PATCHED_MODULES = ("oscrypto._openssl._libcrypto_cffi", "oscrypto._openssl._libcrypto_ctypes")
_BROKEN = "'\\\\b(\\\\d\\\\.\\\\d\\\\.\\\\d[a-z]*)\\\\b'"
_FIXED = "'\\\\b(\\\\d\\\\.\\\\d\\\\.\\\\d+[a-z]*)\\\\b'"


class StockUnavailable(RuntimeError):
    """The stock verifier cannot be loaded; the message says why."""


class _PatchedSource(importlib.machinery.SourceFileLoader):
    """Loads one oscrypto module from its source with the version pattern fixed."""

    def get_data(self, path: str) -> bytes:
        if not path.endswith(".py"):
            raise OSError("no bytecode: the patched source must be compiled")
        source = super().get_data(path).decode("utf-8")
        if _BROKEN not in source:
            raise ImportError(f"oscrypto's version pattern not found in {path}; patch does not apply")
        return source.replace(_BROKEN, _FIXED, 1).encode("utf-8")

    def path_stats(self, path: str) -> dict:
        raise OSError("never reuse cached bytecode of the unpatched module")


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in _PATCHED_MODULES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return spec
        loader = _PatchedSource(fullname, spec.origin)
        return importlib.util.spec_from_file_location(fullname, spec.origin, loader=loader)


@functools.cache
def load() -> ModuleType:
    """ask_sdk_webservice_support.verifier, or StockUnavailable with the reason."""
    try:
        import oscrypto  # noqa: F401  (only to tell "not installed" apart)
    except ImportError:
        raise StockUnavailable("ask-sdk-webservice-support is not installed (pip install -e '.[bench]')") from None
    finder = _Finder()
    sys.meta_path.insert(0, finder)
    try:
        from ask_sdk_webservice_support import verifier
    except Exception as error:  # whatever the import raises is the reason
        raise StockUnavailable(f"{type(error).__name__}: {error}") from None
    finally:
        sys.meta_path.remove(finder)
    return verifier


def make_verifiers(ca_pem: bytes, fetch: Callable[[str], bytes]) -> tuple[Any, Any]:
    """The stock RequestVerifier and TimestampVerifier, trusting ``ca_pem``.

    Two bench-only adaptations, neither of which removes any of its work:
    - certvalidator is given the generated CA as an *extra* root, so the OS
      trust list is still loaded and searched as in production;
    - the chain URL is answered from memory instead of S3 (no network).
    """
    verifier = load()
    from certvalidator import CertificateValidator, ValidationContext

    def validator(end_cert, intermediates):
        # The stock code builds a fresh default context per request; so do we.
        context = ValidationContext(extra_trust_roots=[ca_pem])
        return CertificateValidator(end_cert, intermediates, validation_context=context)

    # Patched in this process only: the module's own names, replaced in its namespace.
    vars(verifier)["CertificateValidator"] = validator
    vars(verifier)["urlopen"] = lambda url: _Answer(fetch(url))
    return verifier.RequestVerifier(), verifier.TimestampVerifier()


class _Answer:
    """What urlopen returns, enough for the stock verifier's ``with ... read()``."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self) -> bytes:
        return self._data

    def __enter__(self) -> _Answer:
        return self

    def __exit__(self, *exc) -> None:
        return None
