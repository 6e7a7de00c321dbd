"""Where a verified webhook request spends its time: pyinstrument over WSGI calls.

    .venv/bin/python -m bench.profile [requests] [--html out.html]

Drives the production app (verification on, signed by a generated CA) with
direct WSGI calls, so the profile shows the app, not an HTTP server.
"""

from __future__ import annotations

import argparse
import logging

from pyinstrument import Profiler

from bench import envelopes
from bench.wsgi import post
from skill.web.app import create_app
from skill.web.config import Config
from skill.web.verification import RequestVerifier
from tooling.local_ca import LocalAlexaCA


def signed_app(ca: LocalAlexaCA):
    verifier = RequestVerifier(skill_id=envelopes.SKILL_ID, trust_roots=ca.trust_roots(), fetcher=ca.fetcher())
    return create_app(Config(skill_id=envelopes.SKILL_ID), verifier=verifier)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requests", type=int, nargs="?", default=5000)
    parser.add_argument("--html", help="write pyinstrument's HTML report here")
    args = parser.parse_args()
    ca = LocalAlexaCA.create()
    app = signed_app(ca)
    logging.getLogger("skill.requests").propagate = False  # keep the terminal for the profile
    signed = []
    for data in envelopes.cases({"offer": "lump"}).values():
        body = envelopes.body(data)
        signed.append((body, ca.sign(body)))
    for body, headers in signed:
        post(app, body, headers)
    profiler = Profiler(interval=0.0001)
    with profiler:
        for i in range(args.requests):
            post(app, *signed[i % len(signed)])
    if args.html:
        with open(args.html, "w", encoding="utf-8") as out:
            out.write(profiler.output_html())
    print(profiler.output_text(color=False, unicode=False))


if __name__ == "__main__":
    main()
