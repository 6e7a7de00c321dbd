"""The webhook: POST /alexa for Alexa, GET /healthz for health checks."""

from __future__ import annotations

import json
import logging
import time

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException

from skill.builder import dispatch
from skill.envelope import BadEnvelope, parse_envelope
from skill.web.config import Config
from skill.web.verification import RequestVerifier, VerificationError, load_trust_roots

log = logging.getLogger("skill.requests")
# Alexa's envelopes nest about ten deep. ask-sdk deep-copies session
# attributes recursively, so a few hundred levels would exhaust the stack.
MAX_JSON_DEPTH = 64


def create_app(config: Config | None = None, *, verifier: RequestVerifier | None = None) -> Flask:
    """Build the Flask app.  Tests pass a config and, for signing, a verifier."""
    config = config or Config.from_env()
    _configure_logging()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.extensions["alexa_verifier"] = verifier or _build_verifier(config)
    if not config.verify:
        log.warning(
            "ALEXA_VERIFY=0: request signatures and timestamps are NOT checked. "
            "Never expose this server to the internet."
        )
    app.add_url_rule("/alexa", view_func=_alexa, methods=["POST"])
    app.add_url_rule("/healthz", view_func=_healthz, methods=["GET"])
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    app.before_request(_start_clock)
    app.after_request(_log_request)
    return app


def _build_verifier(config: Config) -> RequestVerifier:
    roots = load_trust_roots(config.trust_roots) if config.verify else []
    return RequestVerifier(
        skill_id=config.skill_id,
        trust_roots=roots,
        allow_legacy_sha1=config.allow_legacy_sha1,
        verify_signature=config.verify,
    )


def _configure_logging() -> None:
    # gunicorn leaves the root logger bare; give the request log somewhere to go.
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s")


def _json(payload: dict, status: int = 200) -> Response:
    return Response(json.dumps(payload, separators=(",", ":")), status, mimetype="application/json")


def _refuse(status: int, reason: str) -> Response:
    g.reason = reason
    return _json({"error": reason}, status)


def _alexa() -> Response:
    if not request.is_json:
        return _refuse(415, "content type must be application/json")
    body = request.get_data(cache=False)
    try:
        envelope = json.loads(body)
    except (ValueError, RecursionError):
        return _refuse(400, "body is not valid JSON")
    if not isinstance(envelope, dict):
        return _refuse(400, "body must be a JSON object")
    if _nesting_exceeds(envelope, MAX_JSON_DEPTH):
        return _refuse(400, "body is nested too deeply")
    _note_request(envelope)
    try:
        current_app.extensions["alexa_verifier"].verify(request.headers, body, envelope)
    except VerificationError as error:
        return _refuse(400, str(error))
    try:
        parsed = parse_envelope(envelope)  # already parsed: no second json.loads
    except BadEnvelope as error:
        return _refuse(400, str(error))
    return _json(dispatch(parsed))


def _nesting_exceeds(value: object, limit: int) -> bool:
    """True if containers nest deeper than ``limit``; iterative, so it cannot recurse."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth >= limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _note_request(envelope: dict) -> None:
    """Keep what the request log may show: ids of the request, never of people."""
    req = envelope.get("request")
    if not isinstance(req, dict):
        return
    intent = req.get("intent")
    g.log_fields = {
        "request_id": _short_text(req.get("requestId")),
        "request_type": _short_text(req.get("type")),
        "intent": _short_text(intent.get("name")) if isinstance(intent, dict) else None,
    }


def _short_text(value: object) -> str | None:
    return value[:120] if isinstance(value, str) else None


def _healthz() -> Response:
    return _json({"status": "ok"})


def _start_clock() -> None:
    g.started = time.perf_counter()


def _log_request(response: Response) -> Response:
    if request.path != "/alexa":
        return response
    fields = dict(getattr(g, "log_fields", {}))
    fields["status"] = response.status_code
    fields["duration_ms"] = round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 2)
    if g.get("reason"):
        fields["reason"] = g.reason
    log.info(json.dumps(fields, separators=(",", ":")))
    return response


def _http_error(error: HTTPException) -> Response:
    reasons = {413: "request body too large", 404: "not found", 405: "method not allowed"}
    code = error.code or 400
    return _refuse(code, reasons.get(code, error.name.lower()))


def _unexpected_error(error: Exception) -> Response:
    # The type only: the message could quote the request.
    logging.getLogger(__name__).error("unhandled error: %s", type(error).__name__)
    return _refuse(400, "request could not be handled")
