"""3b. Where a verified request's time goes, in-process (explains table 3).

Each stage of the webhook is timed on its own over the load generator's mix
of signed requests (mean CPU per request), next to one whole request through
each app's WSGI callable (no HTTP server).  Stages timed alone come out a
little cheaper than inside a request, where RSA and the rest share the caches.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from bench import envelopes
from bench.loadgen import sample_envelopes, signed_requests
from bench.stats import Table
from bench.wsgi import post
from tooling.local_ca import LocalAlexaCA

_PASSES = 200  # over the whole mix


def cpu_per_item(items: list, work: Callable) -> float:
    for item in items:
        work(item)
    started = time.process_time()
    for _ in range(_PASSES):
        for item in items:
            work(item)
    return (time.process_time() - started) / (_PASSES * len(items))


def run(ca: LocalAlexaCA, bare_answer_path: str) -> None:
    from ask_sdk_core.serialize import DefaultSerializer
    from werkzeug.datastructures import Headers

    from bench.apps import bare
    from bench.profile import signed_app
    from bench.verification import rsa_floor
    from skill.builder import SKILL
    from skill.envelope import parse_envelope
    from skill.web.app import MAX_JSON_DEPTH, _nesting_exceeds
    from skill.web.verification import RequestVerifier

    signed = signed_requests(ca, sample_envelopes(envelopes.SKILL_ID))
    bodies = [r.body for r in signed]
    parsed = [json.loads(b) for b in bodies]
    verifier = RequestVerifier(skill_id=envelopes.SKILL_ID, trust_roots=ca.trust_roots(), fetcher=ca.fetcher())
    checks = [(Headers(dict(r.headers)), r.body, p) for r, p in zip(signed, parsed, strict=True)]
    models = [parse_envelope(p) for p in parsed]
    responses = [SKILL.invoke(request_envelope=m, context=None) for m in models]
    serializer = DefaultSerializer()
    answers = [serializer.serialize(r) for r in responses]
    log_line = json.dumps(
        {
            "request_id": "amzn1.echo-api.request." + "0" * 36,
            "request_type": "IntentRequest",
            "intent": "CausesIntent",
            "status": 200,
            "duration_ms": 0.25,
        },
        separators=(",", ":"),
    )
    request_log = logging.getLogger("skill.requests")
    stages: dict[str, tuple[list, Callable[[Any], object]]] = {
        "json.loads(body)": (bodies, json.loads),
        "nesting check (app.py)": (parsed, lambda p: _nesting_exceeds(p, MAX_JSON_DEPTH)),
        "verify, chain cached": (checks, lambda c: verifier.verify(*c)),
        "parse_envelope(dict)": (parsed, parse_envelope),
        "SKILL.invoke (handlers)": (models, lambda m: SKILL.invoke(request_envelope=m, context=None)),
        "serialize response (ask-sdk)": (responses, serializer.serialize),
        "json.dumps(answer)": (answers, lambda a: json.dumps(a, separators=(",", ":"))),
        "request log line": (bodies, lambda _: request_log.info(log_line)),
    }
    os.environ["BENCH_BARE_ANSWER"] = bare_answer_path
    apps = {"bare Flask app": bare(), "verified webhook app": signed_app(ca)}
    logging.getLogger("skill.web.verification").setLevel(logging.WARNING)  # "fetched the chain", twice
    table = Table(
        "3b. Where the time goes, in-process: CPU per request, mean over the load mix", ["stage", "us/request"]
    )
    # The request log goes to /dev/null here: the cost of a line, not of a terminal.
    with open(os.devnull, "w") as sink:
        handler, propagate = logging.StreamHandler(sink), request_log.propagate
        request_log.addHandler(handler)
        request_log.propagate = False
        try:
            for name, (items, work) in stages.items():
                table.add(name, f"{cpu_per_item(items, work) * 1e6:.1f}")
            table.add("  (RSA-2048 check inside verify)", f"{rsa_floor(ca, 2000) * 1e6:.1f}")
            for name, app in apps.items():
                total = cpu_per_item(signed, lambda r, app=app: post(app, r.body, dict(r.headers)))
                table.add(f"whole request, {name} (WSGI)", f"{total * 1e6:.1f}")
        finally:
            request_log.removeHandler(handler)
            request_log.propagate = propagate
    table.print()
