"""1. Dispatch: in-process latency per request type.

Measured per request: exactly what the webhook does after verification,
``json.loads(body)`` -> ``parse_envelope(dict)`` -> ``dispatch`` ->
``json.dumps(response)``; no Flask, no HTTP, no verification, no logging.

Alongside, the same request through the path this project had before
(ask-sdk's ``DefaultSerializer.deserialize`` parsing the body text a second
time), to show what reading the already-parsed dict saves.
"""

from __future__ import annotations

import json
import time

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from bench import envelopes
from bench.stats import Table, ms, percentile, ratio
from skill.builder import dispatch, invoke, parse_envelope

REQUESTS_PER_TYPE = 5000
BEFORE_PER_TYPE = 1000
_WARM_UP = 200
_SDK = DefaultSerializer()


def webhook_path(body: bytes) -> str:
    return json.dumps(dispatch(parse_envelope(json.loads(body))), separators=(",", ":"))


def sdk_path(body: bytes) -> str:
    json.loads(body)  # the webhook parses once for verification anyway
    envelope = _SDK.deserialize(body.decode(), RequestEnvelope)
    return json.dumps(dispatch(envelope), separators=(",", ":"))


def timings(path, body: bytes, count: int) -> list[float]:
    for _ in range(_WARM_UP):
        path(body)
    clock = time.perf_counter
    samples = []
    for _ in range(count):
        start = clock()
        path(body)
        samples.append(clock() - start)
    return samples


def session_after_launch() -> dict:
    return invoke(envelopes.envelope(envelopes.request("LaunchRequest")))["sessionAttributes"]


def run() -> dict:
    table = Table(
        f"1. Dispatch, in-process: json.loads + parse_envelope + dispatch + json.dumps "
        f"({REQUESTS_PER_TYPE} requests per type; 'before' = ask-sdk deserializer, {BEFORE_PER_TYPE})",
        ["request type", "p50 ms", "p99 ms", "before p50 ms", "p50 before/now"],
    )
    worst_p99 = 0.0
    for name, data in envelopes.cases(session_after_launch()).items():
        body = envelopes.body(data)
        now = timings(webhook_path, body, REQUESTS_PER_TYPE)
        before = timings(sdk_path, body, BEFORE_PER_TYPE)
        p50, p99, before_p50 = percentile(now, 0.5), percentile(now, 0.99), percentile(before, 0.5)
        worst_p99 = max(worst_p99, p99)
        table.add(name, ms(p50), ms(p99), ms(before_p50), ratio(before_p50, p50))
    table.print()
    return {"dispatch_p99_worst_s": worst_p99}


if __name__ == "__main__":
    run()
