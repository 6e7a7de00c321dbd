"""A small HTTP/1.1 load generator for the webhook, on loopback only.

``run_load`` sends ``total`` POSTs over ``concurrency`` keep-alive
connections (asyncio streams, no third-party client), cycling through the
given requests, and stops by itself at ``total`` or ``time_limit_s``. It
reports throughput, p50, p99 and errors: any answer other than the expected
status, a timeout, or a dropped connection.

    from bench.loadgen import run_load, signed_requests, sample_envelopes
    result = run_load("127.0.0.1", 8080, signed_requests(ca, sample_envelopes(skill_id)),
                      total=20_000, concurrency=64)
    print(result.summary())

As a script: ``python -m bench.loadgen --port 8080 --skill-id ... [--ca-dir DIR]``
(with --ca-dir the bodies are signed by that saved LocalAlexaCA).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import itertools
import json
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bench.envelopes import body
from skill.topics import INTENT_ROUTES
from tooling.simulator import alexa_requests as alexa

__all__ = ["LoadResult", "Request", "run_load", "sample_envelopes", "signed_requests", "unsigned_requests"]


@dataclass(frozen=True)
class Request:
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class LoadResult:
    requests: int  # answered or failed, not counting those never sent
    errors: int
    seconds: float
    concurrency: int
    latencies_ms: list[float]  # sorted, one per answered request
    statuses: Counter = field(default_factory=Counter)
    error_kinds: Counter = field(default_factory=Counter)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        if not self.latencies_ms:
            return float("nan")
        rank = max(1, round(p / 100 * len(self.latencies_ms)))
        return self.latencies_ms[min(rank, len(self.latencies_ms)) - 1]

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "concurrency": self.concurrency,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "throughput_rps": round(self.throughput, 1),
            "p50_ms": round(self.percentile(50), 2),
            "p99_ms": round(self.percentile(99), 2),
            "max_ms": round(self.latencies_ms[-1], 2) if self.latencies_ms else None,
            "statuses": dict(self.statuses),
            "error_kinds": dict(self.error_kinds),
        }

    def summary(self) -> str:
        d = self.as_dict()
        return (
            f"{d['requests']} requests over {d['concurrency']} connections in {d['seconds']} s: "
            f"{d['throughput_rps']} req/s, p50 {d['p50_ms']} ms, p99 {d['p99_ms']} ms, "
            f"max {d['max_ms']} ms, errors {d['errors']} {d['error_kinds'] or ''}".rstrip()
        )


def run_load(
    host: str,
    port: int,
    requests: Sequence[Request],
    *,
    total: int,
    concurrency: int,
    path: str = "/alexa",
    time_limit_s: float = 120.0,
    timeout_s: float = 10.0,
    expect_status: int = 200,
) -> LoadResult:
    """Send ``total`` requests (cycling through ``requests``) and measure them."""
    if not _is_loopback(host):
        raise ValueError(f"load generator refuses non-loopback host {host!r}")
    if not requests or total < 1 or concurrency < 1:
        raise ValueError("need at least one request, total >= 1 and concurrency >= 1")
    wire = [_encode(host, port, path, r) for r in requests]
    return asyncio.run(_run(host, port, wire, total, concurrency, time_limit_s, timeout_s, expect_status))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _encode(host: str, port: int, path: str, request: Request) -> bytes:
    head = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(request.body)}",
        *(f"{k}: {v}" for k, v in request.headers.items()),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + request.body


@dataclass
class _Tally:
    done: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)


async def _run(host, port, wire, total, concurrency, time_limit_s, timeout_s, expect_status) -> LoadResult:
    tally = _Tally()
    tickets = itertools.count()  # shared by every connection; asyncio runs one at a time
    started = time.perf_counter()
    deadline = started + time_limit_s
    workers = [
        _connection(host, port, wire, total, tickets, deadline, timeout_s, expect_status, tally)
        for _ in range(min(concurrency, total))
    ]
    await asyncio.gather(*workers)
    seconds = time.perf_counter() - started
    errors = sum(tally.errors.values())
    return LoadResult(
        requests=tally.done,
        errors=errors,
        seconds=seconds,
        concurrency=concurrency,
        latencies_ms=sorted(tally.latencies),
        statuses=tally.statuses,
        error_kinds=tally.errors,
    )


async def _connection(host, port, wire, total, tickets, deadline, timeout_s, expect_status, tally) -> None:
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    try:
        while time.perf_counter() < deadline:
            ticket = next(tickets)
            if ticket >= total:
                return
            tally.done += 1
            sent = time.perf_counter()
            try:
                if writer is None or reader is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout_s)
                assert reader is not None and writer is not None  # opened just above when closed
                writer.write(wire[ticket % len(wire)])
                await writer.drain()
                status, keep_alive = await asyncio.wait_for(_read_response(reader), timeout_s)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                tally.errors[type(error).__name__] += 1
                _close(writer)
                reader = writer = None
                continue
            tally.latencies.append((time.perf_counter() - sent) * 1000)
            tally.statuses[status] += 1
            if status != expect_status:
                tally.errors["unexpected status"] += 1
            if not keep_alive:
                _close(writer)
                reader = writer = None
    finally:
        _close(writer)


def _close(writer) -> None:
    if writer is not None:
        writer.close()
    return


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; return its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    version, status = lines[0].split(" ", 2)[:2]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip().lower()
    if headers.get("transfer-encoding") == "chunked":
        await _skip_chunks(reader)
    else:
        await reader.readexactly(int(headers.get("content-length", "0")))
    closes = headers.get("connection") == "close" or (
        version == "HTTP/1.0" and headers.get("connection") != "keep-alive"
    )
    return int(status), not closes


async def _skip_chunks(reader: asyncio.StreamReader) -> None:
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return


# --------------------------------------------------------------------------
# Bodies: a mix of what Alexa sends during real conversations
# --------------------------------------------------------------------------

# (request type or intent, spoken slot value, the value id it resolves to, session attributes)
_MIX = [
    ("LaunchRequest", None, None, {}),
    ("LumpIntent", None, None, {}),
    ("MuscleKnotIntent", None, None, {}),
    ("CausesIntent", "dehydration", "DEHYDRATION", {}),
    ("CausesIntent", "lifting too much", None, {}),  # words the slot type does not know
    ("SymptomsIntent", None, None, {}),
    ("ReliefIntent", "massage", "MASSAGE", {}),
    ("StretchingIntent", None, None, {}),
    ("PreventionIntent", None, None, {}),
    ("RedFlagIntent", "numb legs", "NUMBNESS_TINGLING", {}),
    ("SeeDoctorIntent", None, None, {}),
    ("AMAZON.YesIntent", None, None, {"offer": "lump"}),
    ("AMAZON.NoIntent", None, None, {"offer": "knot"}),
    ("AMAZON.HelpIntent", None, None, {}),
    ("AMAZON.RepeatIntent", None, None, {}),
    ("AMAZON.FallbackIntent", None, None, {}),
    ("AMAZON.StopIntent", None, None, {}),
    ("SessionEndedRequest", None, None, {}),
]


def sample_envelopes(skill_id: str) -> list[dict]:
    """One full envelope per entry of the mix, each from its own user, device and session."""
    return [_envelope(skill_id, *entry) for entry in _MIX]


def _envelope(skill_id: str, kind: str, said: str | None, value_id: str | None, attributes: dict) -> dict:
    # A user and device per request, as a fleet of Echos would send them.
    identity = alexa.Identity(
        skill_id=skill_id,
        user_id=f"amzn1.ask.account.LOAD{uuid.uuid4().hex}",
        device_id=f"amzn1.ask.device.LOAD{uuid.uuid4().hex}",
        api_access_token="eyJ.LOAD.token",
        interfaces=alexa.ECHO_DOT,
    )
    return alexa.envelope(
        _request(skill_id, kind, said, value_id),
        identity,
        attributes=attributes,
        new=kind == "LaunchRequest",
        session_id=alexa.new_session_id(),
    )


def _request(skill_id: str, kind: str, said: str | None, value_id: str | None) -> dict:
    if kind == "LaunchRequest":
        return alexa.launch_request()
    if kind == "SessionEndedRequest":
        return alexa.session_ended_request()
    slots = None
    route = INTENT_ROUTES.get(kind)
    if said and route and route.slot:
        slots = alexa.slot(route.slot, said, slot_type=route.slot_type, value_id=value_id, skill_id=skill_id)
    return alexa.intent_request(kind, slots)


def unsigned_requests(envelopes: Iterable[dict]) -> list[Request]:
    return [Request(body(e)) for e in envelopes]


def signed_requests(ca, envelopes: Iterable[dict], **sign_kwargs) -> list[Request]:
    """Bodies signed by a tooling.local_ca.LocalAlexaCA, as Alexa signs them."""
    return [Request(r.body, ca.sign(r.body, **sign_kwargs)) for r in unsigned_requests(envelopes)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--path", default="/alexa")
    parser.add_argument("-n", "--requests", type=int, default=20_000)
    parser.add_argument("-c", "--concurrency", type=int, default=64)
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds; keep under 150 for signed bodies")
    parser.add_argument("--skill-id", required=True)
    parser.add_argument("--ca-dir", help="sign with the LocalAlexaCA saved here (server verifies)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    envelopes = sample_envelopes(args.skill_id)
    if args.ca_dir:
        from tooling.local_ca import LocalAlexaCA

        requests = signed_requests(LocalAlexaCA.load(args.ca_dir), envelopes)
    else:
        requests = unsigned_requests(envelopes)
    result = run_load(
        args.host,
        args.port,
        requests,
        total=args.requests,
        concurrency=args.concurrency,
        path=args.path,
        time_limit_s=args.time_limit,
    )
    print(json.dumps(result.as_dict()) if args.json else result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
