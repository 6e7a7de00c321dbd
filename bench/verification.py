"""2. Verification: CPU per verified request, first and cached, ours against the stock verifier.

Every request is signed by a generated CA (tooling.local_ca) that both
verifiers trust; the chain URL is answered from memory.  Each measurement
runs in a fresh process, so "first request" is really the first in a process
(after imports, including building the verifier) and each verifier's
one-time work (the stock one loads the OS trust list) is counted once.

- ours: ``skill.web.verification.RequestVerifier.verify(headers, body, dict)``:
  URL rules, chain (validated once, then cached), signature, timestamp and
  skill id.
- stock: ask-sdk-webservice-support 1.3.3 ``RequestVerifier`` +
  ``TimestampVerifier``, as flask-ask-sdk runs them (import patched
  in-bench, see bench/stock_verifier.py); its envelope is deserialised
  beforehand, outside the timing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from bench import envelopes
from bench.stats import Table, median, ms, percentile
from tooling.local_ca import LocalAlexaCA

CACHED_REQUESTS = {"ours": 5000, "stock": 1000}
FIRST_REQUEST_PROCESSES = 5


def _verifier(kind: str, ca: LocalAlexaCA, body: bytes, headers: dict):
    """A zero-argument check of one request, timed from before the verifier is built."""
    if kind == "ours":
        from skill.web.verification import RequestVerifier

        parsed = json.loads(body)
        started = time.perf_counter()
        verifier = RequestVerifier(skill_id=envelopes.SKILL_ID, trust_roots=ca.trust_roots(), fetcher=ca.fetcher())
        return started, lambda: verifier.verify(headers, body, parsed)
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model import RequestEnvelope

    from bench import stock_verifier

    stock_verifier.load()  # imports are cold start, not the first request
    parsed = DefaultSerializer().deserialize(body.decode(), RequestEnvelope)
    text = body.decode()
    started = time.perf_counter()
    signature, timestamp = stock_verifier.make_verifiers(ca.root_pem, ca.fetcher())

    def check() -> None:
        signature.verify(headers, text, parsed)
        timestamp.verify(headers, text, parsed)

    return started, check


def measure(kind: str, ca_dir: str, count: int) -> dict:
    """In this process: the first request, then ``count`` cached ones."""
    ca = LocalAlexaCA.load(ca_dir)
    body = envelopes.body(envelopes.envelope(envelopes.request("LaunchRequest")))
    started, check = _verifier(kind, ca, body, ca.sign(body))
    check()
    first = time.perf_counter() - started
    samples = []
    cpu_started = time.process_time()
    for _ in range(count):
        start = time.perf_counter()
        check()
        samples.append(time.perf_counter() - start)
    cpu = (time.process_time() - cpu_started) / count if count else 0.0
    return {"first": first, "samples": samples, "cpu": cpu}


def _in_fresh_process(kind: str, ca_dir: str, count: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.verification", kind, ca_dir, str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def rsa_floor(ca: LocalAlexaCA, count: int = 5000) -> float:
    """One RSA-2048 PKCS#1 v1.5 SHA-256 check: the least any verifier must do."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    body = b"x" * 1000
    signature = ca.leaf_key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    key = ca.leaf_key.public_key()
    started = time.process_time()
    for _ in range(count):
        key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
    return (time.process_time() - started) / count


def stock_available() -> str | None:
    """None if the stock verifier loads (patched) in a fresh process, else why not."""
    probe = "from bench import stock_verifier; stock_verifier.load()"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return None if out.returncode == 0 else (out.stderr.strip().splitlines() or ["unknown"])[-1]


def run(ca: LocalAlexaCA, ca_dir: str) -> dict:
    from bench.stock_verifier import LABEL

    kinds = {"ours": "ours (skill/web/verification.py)"}
    unavailable = stock_available()
    if unavailable is None:
        kinds["stock"] = LABEL
    results = {}
    for kind in kinds:
        runs = [_in_fresh_process(kind, ca_dir, CACHED_REQUESTS[kind])]
        runs += [_in_fresh_process(kind, ca_dir, 0) for _ in range(FIRST_REQUEST_PROCESSES - 1)]
        samples = runs[0]["samples"]
        results[kind] = {
            "first": median([r["first"] for r in runs]),
            "cpu": runs[0]["cpu"],
            "p50": percentile(samples, 0.5),
            "p99": percentile(samples, 0.99),
            "n": len(samples),
        }
    floor = rsa_floor(ca)
    table = Table(
        "2. Verification per request (signed by a generated CA both trust; first = median of "
        f"{FIRST_REQUEST_PROCESSES} fresh processes, after imports)",
        ["verifier", "cached CPU ms", "cached p50 ms", "cached p99 ms", "requests", "first ms"],
    )
    for kind, label in kinds.items():
        r = results[kind]
        table.add(label, ms(r["cpu"]), ms(r["p50"]), ms(r["p99"]), r["n"], f"{r['first'] * 1000:.1f}")
    table.add("RSA-2048 signature check alone", ms(floor), "", "", 5000, "")
    if "stock" in results:
        ours, stock = results["ours"], results["stock"]
        table.add(
            "stock / ours",
            f"{stock['cpu'] / ours['cpu']:.0f}x",
            f"{stock['p50'] / ours['p50']:.0f}x",
            "",
            "",
            f"{stock['first'] / ours['first']:.1f}x",
        )
    table.print()
    if "stock" in results:
        print(
            "stock verifier = ask-sdk-webservice-support 1.3.3 RequestVerifier + TimestampVerifier; oscrypto's\n"
            "libcrypto version regex corrected in memory in the bench process only (bench/stock_verifier.py);\n"
            "the generated CA is an extra trust root next to the OS list; the chain is served from memory."
        )
    if unavailable:
        print(f"stock verifier not shown: it cannot be imported here ({unavailable})")
    return {"verify_cached_cpu_s": results["ours"]["cpu"], "verify_stock_cpu_s": results.get("stock", {}).get("cpu")}


if __name__ == "__main__":
    kind_arg, dir_arg, count_arg = sys.argv[1:4]
    result = measure(kind_arg, dir_arg, int(count_arg))
    print(json.dumps(result))
