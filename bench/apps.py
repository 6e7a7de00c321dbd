"""The two apps served by gunicorn in the HTTP benchmarks.

- ``verified_skill()``: the production webhook (``create_app`` with its
  config from the environment, verification on, trust roots from
  $ALEXA_TRUST_ROOTS = the local CA's root).  Only the chain download is
  replaced, by the local CA's in-memory page, because the signing chain is
  not on S3.  It reads just root.pem and chain.pem: ``LocalAlexaCA.load()``
  also loads and checks three private keys (~90 ms here), which a server
  never needs and which would be counted as the skill's cold start.
- ``bare()``: the baseline, a Flask endpoint that reads the body and
  returns a fixed JSON (the skill's answer, byte for byte, so both send the
  same size).  It imports nothing but Flask.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, Response, request


def verified_skill() -> Flask:
    from skill.web.app import create_app
    from skill.web.config import Config
    from skill.web.verification import RequestVerifier, load_trust_roots
    from tooling.local_ca import CERT_URL, LocalFetcher

    config = Config.from_env()
    chain = (Path(os.environ["LOCAL_CA_DIR"]) / "chain.pem").read_bytes()
    verifier = RequestVerifier(
        skill_id=config.skill_id,
        trust_roots=load_trust_roots(config.trust_roots),
        fetcher=LocalFetcher({CERT_URL: chain}),
        allow_legacy_sha1=config.allow_legacy_sha1,
    )
    return create_app(config, verifier=verifier)


def bare() -> Flask:
    answer = Path(os.environ["BENCH_BARE_ANSWER"]).read_bytes()
    app = Flask(__name__)

    @app.post("/alexa")
    def alexa() -> Response:
        request.get_data()
        return Response(answer, mimetype="application/json")

    return app
