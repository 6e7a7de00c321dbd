"""The webhook's edges: bad input gets a clear 4xx, never a 500 or a traceback."""

import json
import logging

import pytest
from helpers import (
    API_TOKEN,
    CONSENT_TOKEN,
    DEVICE_ID,
    SKILL_ID,
    USER_ID,
    Conversation,
    envelope,
    intent_request,
    launch_request,
    slot,
)

from skill.web.app import MAX_JSON_DEPTH, create_app
from skill.web.config import Config, ConfigError
from skill.web.verification import RequestVerifier
from tooling.local_ca import CERT_URL, LocalFetcher


def post(client, body, content_type="application/json", **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/alexa", data=data, content_type=content_type, headers=headers)


def test_health(client):
    reply = client.get("/healthz")
    assert reply.status_code == 200 and reply.get_json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("body", "content_type", "status", "reason"),
    [
        ("{not json", "application/json", 400, "body is not valid JSON"),
        ("[1, 2, 3]", "application/json", 400, "body must be a JSON object"),
        ('"text"', "application/json", 400, "body must be a JSON object"),
        ("{}", "application/json", 400, "application id does not match this skill"),
        ("{}", "text/plain", 415, "content type must be application/json"),
        (b"\xff\xfe\x00garbage", "application/json", 400, "body is not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "application/json", 413, "request body too large"),
    ],
)
def test_bad_bodies_get_a_clear_4xx(client, body, content_type, status, reason):
    reply = post(client, body, content_type)
    assert reply.status_code == status
    assert reply.get_json() == {"error": reason}


@pytest.mark.parametrize(
    ("request_value", "reason"), [(None, "missing request"), ("LaunchRequest", "not an Alexa request envelope")]
)
def test_envelopes_without_a_usable_request_are_refused(client, request_value, reason):
    body = envelope(launch_request()) | {"request": request_value}
    reply = post(client, body)
    assert reply.status_code == 400 and reply.get_json() == {"error": reason}


def test_deep_nesting_under_the_size_limit_is_refused_not_crashed(client):
    # Deep enough that json.loads itself gives up: refused as not valid JSON.
    reply = post(client, "[" * 20_000 + "]" * 20_000)
    assert reply.status_code == 400 and reply.get_json() == {"error": "body is not valid JSON"}


def test_nesting_the_parser_reads_is_refused_by_the_nesting_guard(client):
    # Shallow enough for json.loads, deeper than the skill reads: the guard refuses it.
    body = envelope(launch_request())
    body["session"]["attributes"] = {"deep": json.loads("[" * (MAX_JSON_DEPTH + 5) + "]" * (MAX_JSON_DEPTH + 5))}
    reply = post(client, body)
    assert reply.status_code == 400 and reply.get_json() == {"error": "body is nested too deeply"}


def test_unknown_request_type_is_refused(client):
    request = launch_request() | {"type": "Alexa.Unheard.Of"}
    reply = post(client, envelope(request))
    assert reply.status_code == 400 and "error" in reply.get_json()


def test_known_but_unused_request_types_get_an_empty_answer(client):
    request = launch_request() | {
        "type": "System.ExceptionEncountered",
        "error": {"type": "INVALID_RESPONSE", "message": "x"},
        "cause": {"requestId": "amzn1.echo-api.request.1"},
    }
    reply = post(client, envelope(request))
    assert reply.status_code == 200 and "outputSpeech" not in reply.get_json()["response"]


def test_wrong_types_inside_the_envelope_are_refused(client):
    body = envelope(intent_request("LumpIntent"))
    body["request"]["intent"]["slots"] = "not a map"
    reply = post(client, body)
    assert reply.status_code == 400 and reply.get_json() == {"error": "not an Alexa request envelope"}


def test_other_methods_and_paths(client):
    assert client.get("/alexa").status_code == 405
    assert client.get("/nope").get_json() == {"error": "not found"}


def test_foreign_skill_id_is_refused_even_without_signature_checks(client):
    body = envelope(launch_request())
    body["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else"
    reply = post(client, body)
    assert reply.status_code == 400


def test_unsigned_request_is_refused_when_verification_is_on():
    app = create_app(Config(skill_id=SKILL_ID, verify=True))
    reply = post(app.test_client(), envelope(launch_request()))
    assert reply.status_code == 400
    assert set(reply.get_json()) == {"error"}


def test_verification_needs_a_skill_id():
    with pytest.raises(ConfigError):
        Config(verify=True, skill_id=None)
    with pytest.raises(ConfigError):
        Config.from_env({"ALEXA_VERIFY": "maybe"})
    assert Config.from_env({"ALEXA_VERIFY": "0"}).verify is False
    assert Config.from_env({"ALEXA_SKILL_ID": "x", "PORT": "9000"}).port == 9000


def test_turning_verification_off_warns_loudly(caplog):
    with caplog.at_level(logging.WARNING):
        create_app(Config(verify=False))
    assert "NOT checked" in caplog.text


def test_one_log_line_per_request_without_personal_data(client, caplog):
    with caplog.at_level(logging.INFO, logger="skill"):
        chat = Conversation(client)
        chat.launch()
        chat.ask("LumpIntent")
        chat.ask("AMAZON.StopIntent")
        post(client, "{broken")
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "skill.requests"]
    assert [line["status"] for line in lines] == [200, 200, 200, 400]
    assert lines[1]["intent"] == "LumpIntent" and lines[1]["request_type"] == "IntentRequest"
    assert all("duration_ms" in line and "request_id" in line for line in lines[:3])
    for secret in (USER_ID, DEVICE_ID, API_TOKEN, chat.session_id):
        assert secret not in caplog.text


class RecordingConversation(Conversation):
    """A conversation that keeps every body it sent, to look for them in the logs."""

    def __init__(self, client, sign):
        super().__init__(client, sign=sign)
        self.bodies: list[str] = []

    def send(self, request):
        self.bodies.append(
            json.dumps(
                envelope(
                    request,
                    attributes=self.attributes,
                    new=self.new,
                    session_id=self.session_id,
                    interfaces=self.interfaces,
                )
            )
        )
        return super().send(request)


def test_a_full_signed_dialog_and_its_failures_log_nothing_personal(local_ca, caplog):
    fetcher = LocalFetcher({CERT_URL: local_ca.chain_pem})
    verifier = RequestVerifier(skill_id=SKILL_ID, trust_roots=local_ca.trust_roots(), fetcher=fetcher)
    client = create_app(Config(skill_id=SKILL_ID, max_body_bytes=4096), verifier=verifier).test_client()
    chat = RecordingConversation(client, local_ca.sign)
    signed = dict(local_ca.sign(b"{}"))
    with caplog.at_level(logging.DEBUG):  # every logger, every level
        chat.launch()
        chat.ask("AMAZON.YesIntent")
        chat.ask("CausesIntent", slot("cause", "dehydration", slot_type="CauseType", value_id="DEHYDRATION"))
        chat.ask("RedFlagIntent", slot("warningSign", "numb legs", slot_type="WarningSignType"))
        chat.ask("AMAZON.RepeatIntent")
        chat.ask("AMAZON.HelpIntent")
        chat.ask("AMAZON.StopIntent")
        chat.end()
        failures = [
            (json.dumps(envelope(launch_request())), {}),  # unsigned
            (chat.bodies[1], signed),  # signature over another body
            (json.dumps(envelope(launch_request()) | {"request": "x"}), {}),
            ("{broken " + USER_ID, {}),
            (json.dumps(envelope(launch_request())) + " " * 5000, {}),  # too large
            (json.dumps(envelope(intent_request("LumpIntent")) | {"context": None}), {}),
        ]
        for body, headers in failures:
            reply = client.post("/alexa", data=body, content_type="application/json", headers=headers)
            assert 400 <= reply.status_code < 500
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "skill.requests"]
    assert len(lines) == 8 + len(failures)
    assert [line["status"] for line in lines[:8]] == [200] * 8
    assert [line["request_type"] for line in lines[1:7]] == ["IntentRequest"] * 6
    assert lines[2]["intent"] == "CausesIntent" and lines[7]["request_type"] == "SessionEndedRequest"
    assert all(set(line) >= {"status", "duration_ms"} for line in lines)
    assert all(line["request_id"].startswith("amzn1.echo-api.request.") for line in lines[:8])
    assert all(line.get("reason") for line in lines[8:])
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    secrets = [USER_ID, DEVICE_ID, API_TOKEN, CONSENT_TOKEN, chat.session_id, signed["Signature-256"][:24]]
    for secret in secrets + chat.bodies + [body for body, _ in failures]:
        assert secret not in text


def test_config_check_explains_a_missing_skill_id(monkeypatch, capsys):
    from skill.web import config

    monkeypatch.delenv("ALEXA_SKILL_ID", raising=False)
    monkeypatch.setenv("ALEXA_VERIFY", "1")
    assert config.main() == 2
    assert "ALEXA_SKILL_ID is required" in capsys.readouterr().err
    monkeypatch.setenv("ALEXA_VERIFY", "0")
    assert config.main() == 0


@pytest.mark.parametrize(
    ("entry", "forbidden"),
    [
        # The webhook and the Lambda entry import nothing from tooling/ (nor its rapidfuzz).
        ("skill.web.app, skill.lambda_entry", ("tooling", "rapidfuzz")),
        # The Lambda entry needs neither skill/web/ nor Flask: the Lambda zip ships neither.
        ("skill.lambda_entry", ("skill.web", "flask", "gunicorn")),
    ],
)
def test_the_runtime_imports_only_what_it_ships(entry, forbidden):
    import subprocess
    import sys

    probe = f"import sys, {entry}; print(sorted(m for m in sys.modules if m.startswith({forbidden!r})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout
