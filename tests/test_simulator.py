"""The simulator's requests, sessions, transports and command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from skill.web.app import create_app
from skill.web.config import Config
from tooling.local_ca import create_app_trusting
from tooling.simulator import alexa_requests as alexa
from tooling.simulator import cli
from tooling.simulator.alexa_requests import ECHO_SHOW
from tooling.simulator.model import IntentModel, InteractionModel, load_model
from tooling.simulator.nlu import NLU
from tooling.simulator.session import DEFAULT_IDENTITY, Simulator
from tooling.simulator.transport import InProcess, TransportError, Webhook, local_ca_signer

SKILL_ID = "amzn1.ask.skill.99999999-8888-7777-6666-555555555555"
REPLAY = Path(__file__).parent / "data" / "dialogs" / "replay-example.json"


class Recorder:
    """A transport that remembers what it sent and lets the skill answer in-process."""

    def __init__(self):
        self.sent: list[dict] = []
        self.skill = InProcess()

    def send(self, body: dict) -> dict:
        self.sent.append(body)
        return self.skill.send(body)


@pytest.fixture
def wire():
    return Recorder()


@pytest.fixture
def sim(wire):
    return Simulator(wire, identity=alexa.Identity(skill_id=SKILL_ID))


# -- envelopes -------------------------------------------------------------------


def test_envelope_is_what_alexa_sends(sim, wire):
    sim.say("open back knot guide")
    body = wire.sent[0]
    assert body["version"] == "1.0"
    session, system, request = body["session"], body["context"]["System"], body["request"]
    assert session["new"] is True and session["attributes"] == {}
    assert session["sessionId"].startswith("amzn1.echo-api.session.")
    assert session["application"]["applicationId"] == system["application"]["applicationId"] == SKILL_ID
    assert session["user"]["userId"] == system["user"]["userId"]
    assert system["device"]["deviceId"] and system["device"]["supportedInterfaces"] == {}
    assert system["apiEndpoint"] == "https://api.amazonalexa.com" and system["apiAccessToken"]
    assert request["type"] == "LaunchRequest" and request["locale"] == "en-US"
    assert request["requestId"].startswith("amzn1.echo-api.request.")
    sent_at = datetime.strptime(request["timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - sent_at) < timedelta(seconds=5)


def test_intent_request_carries_every_declared_slot_with_resolutions(sim, wire):
    sim.say("open back knot guide")
    sim.say("could dehydration be the cause")
    request = wire.sent[1]["request"]
    assert request["type"] == "IntentRequest" and "dialogState" not in request
    assert request["intent"]["name"] == "CausesIntent"
    cause = request["intent"]["slots"]["cause"]
    assert cause["value"] == "dehydration" and cause["source"] == "USER"
    resolution = cause["resolutions"]["resolutionsPerAuthority"][0]
    assert resolution["authority"] == f"amzn1.er-authority.echo-sdk.{SKILL_ID}.CauseType"
    assert resolution["status"]["code"] == "ER_SUCCESS_MATCH"
    assert resolution["values"] == [{"value": {"name": "dehydration", "id": "DEHYDRATION"}}]


def test_unfilled_and_unmatched_slots(sim, wire):
    sim.say("what causes it")
    assert wire.sent[0]["request"]["intent"]["slots"] == {"cause": {"name": "cause", "confirmationStatus": "NONE"}}
    sim.say("did yoga cause this")
    cause = wire.sent[1]["request"]["intent"]["slots"]["cause"]
    resolution = cause["resolutions"]["resolutionsPerAuthority"][0]
    assert cause["value"] == "yoga" and resolution["status"]["code"] == "ER_SUCCESS_NO_MATCH"
    assert "values" not in resolution


def test_dialog_state_only_for_intents_with_a_dialog_model(wire):
    model = InteractionModel(
        "en-US",
        "back knot guide",
        {"RestIntent": IntentModel("RestIntent", {}, ("should i rest",))},
        {},
        frozenset({"RestIntent"}),
    )
    Simulator(wire, nlu=NLU(model)).say("should i rest")
    assert wire.sent[0]["request"]["dialogState"] == "STARTED"


def test_screen_devices_declare_apl(wire):
    Simulator(wire, identity=alexa.Identity(interfaces=alexa.ECHO_SHOW)).say("open back knot guide")
    assert "Alexa.Presentation.APL" in wire.sent[0]["context"]["System"]["device"]["supportedInterfaces"]


def test_changing_one_envelope_in_place_leaves_the_next_untouched():
    identity = alexa.Identity(interfaces=alexa.ECHO_SHOW, user_extra={"permissions": {"consentToken": "t"}})
    attributes = {"offer": "lump"}
    first = alexa.envelope(alexa.launch_request(), identity, attributes=attributes)
    system = first["context"]["System"]
    system["device"]["supportedInterfaces"]["Alexa.Presentation.APL"]["runtime"]["maxVersion"] = "1.0"
    system["device"]["supportedInterfaces"]["AudioPlayer"] = {}
    system["user"]["permissions"]["consentToken"] = "changed"
    first["session"]["attributes"]["offer"] = "changed"

    after = alexa.envelope(alexa.launch_request(), identity, attributes=attributes)
    assert after["context"]["System"]["device"]["supportedInterfaces"] == {
        "Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.2"}}
    }
    assert after["context"]["System"]["device"]["supportedInterfaces"] == alexa.ECHO_SHOW
    assert after["context"]["System"]["user"]["permissions"]["consentToken"] == "t"
    assert after["session"]["user"]["permissions"]["consentToken"] == "t"
    assert first["session"]["user"]["permissions"]["consentToken"] == "t"  # session and System apart
    assert after["session"]["attributes"] == attributes == {"offer": "lump"}


# -- sessions ----------------------------------------------------------------------


def test_session_attributes_travel_from_each_response_to_the_next_request(sim, wire):
    first = sim.say("open back knot guide")
    second = sim.say("yes")
    assert wire.sent[1]["session"]["new"] is False
    assert wire.sent[1]["session"]["sessionId"] == wire.sent[0]["session"]["sessionId"]
    assert wire.sent[1]["session"]["attributes"] == first.response["sessionAttributes"]
    assert first.response["sessionAttributes"]["last"]["offer"] == "lump"  # what "yes" accepts
    assert "myofascial trigger point" in second.speech


def test_session_ends_when_the_response_says_so_and_the_next_utterance_opens_one(sim, wire):
    sim.say("open back knot guide")
    bye = sim.say("stop")
    assert bye.session_ended and not sim.session_open
    sim.say("what causes it")
    assert wire.sent[2]["session"]["new"] is True
    assert wire.sent[2]["session"]["sessionId"] != wire.sent[0]["session"]["sessionId"]
    assert wire.sent[2]["session"]["attributes"] == {}


def test_invoking_the_skill_mid_session_starts_a_new_session(sim, wire):
    sim.say("open back knot guide")
    sim.say("ask back knot guide about heat or ice")
    assert wire.sent[1]["session"]["new"] is True
    assert wire.sent[1]["session"]["sessionId"] != wire.sent[0]["session"]["sessionId"]


def test_exit_sends_session_ended_and_needs_an_open_session(sim, wire):
    assert sim.say("exit").request is None and not wire.sent
    sim.say("open back knot guide")
    turn = sim.say("exit")
    assert wire.sent[-1]["request"]["type"] == "SessionEndedRequest"
    assert wire.sent[-1]["request"]["reason"] == "USER_INITIATED"
    assert turn.session_ended and turn.speech == ""


def test_silence_reprompts_once_then_ends_the_session(sim, wire):
    hello = sim.say("open back knot guide")
    again = sim.silence()
    assert again.request is None and again.speech == hello.reprompt and not again.session_ended
    gone = sim.silence()
    assert wire.sent[-1]["request"]["reason"] == "EXCEEDED_MAX_REPROMPTS" and gone.session_ended


def test_turn_as_json_has_everything_a_script_needs(sim):
    data = sim.say("does a foam roller help").as_json()
    assert data["utterance"] == "does a foam roller help"
    assert data["intent"] == "ReliefIntent" and 0 < data["score"] <= 1
    assert data["slots"]["method"] == {
        "value": "a foam roller",
        "id": "MASSAGE",
        "name": "massage",
        "type": "ReliefMethodType",
        "status": "ER_SUCCESS_MATCH",
    }
    assert data["request"]["request"]["type"] == "IntentRequest"
    assert data["response"]["response"]["outputSpeech"]["type"] == "SSML"
    assert "<" not in data["speech"] and data["reprompt"] and data["card"]["title"]
    json.dumps(data)


def test_other_locales_are_understood_and_sent(wire):
    turn = Simulator(wire, locale="en-GB").say("when should i see a physiotherapist")
    assert wire.sent[0]["request"]["locale"] == "en-GB"
    assert turn.intent == "SeeDoctorIntent" and "physiotherapist" in turn.speech


# -- transport to a running webhook --------------------------------------------------


@pytest.fixture
def serve():
    """Serve a Flask app on 127.0.0.1 (a free port) for the length of a test."""
    servers = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/alexa"

    yield start
    for server in servers:
        server.shutdown()


def test_url_transport_holds_a_conversation(serve):
    url = serve(create_app(Config(skill_id=SKILL_ID, verify=False)))
    sim = Simulator(Webhook(url), identity=alexa.Identity(skill_id=SKILL_ID))
    assert "Welcome" in sim.say("open back knot guide").speech
    assert "myofascial" in sim.say("yes").speech
    assert sim.say("stop").session_ended


def test_signed_requests_pass_a_webhook_that_verifies(serve, tmp_path, monkeypatch):
    ca_dir = tmp_path / "ca"
    signer = local_ca_signer(ca_dir)  # creates the CA the server is told to trust
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    url = serve(create_app_trusting(str(ca_dir)))
    identity = alexa.Identity(skill_id=SKILL_ID)
    signed = Simulator(Webhook(url, signer=signer), identity=identity)
    assert "Welcome" in signed.say("open back knot guide").speech
    with pytest.raises(TransportError, match=r"HTTP 400 .*: missing SignatureCertChainUrl header"):
        Simulator(Webhook(url), identity=identity).say("open back knot guide")


def test_webhook_refusals_are_transport_errors(serve):
    url = serve(create_app(Config(skill_id=SKILL_ID, verify=False)))
    with pytest.raises(TransportError, match="application id does not match"):
        Simulator(Webhook(url)).say("open back knot guide")  # the placeholder id is refused
    with pytest.raises(TransportError, match="not an http"):
        Webhook("ftp://example.com/alexa")


# -- the command line ----------------------------------------------------------------


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_say_prints_the_turn(capsys):
    code, out, _ = run_cli(capsys, "--say", "ask back knot guide should I use heat or ice")
    assert code == 0
    assert "HeatOrIceIntent  score 1.00" in out
    assert "alexa> A warm compress" in out and "reprompt: " in out and "card: Heat and cold" in out
    assert "[session open]" in out and "<speak>" not in out


def test_json_prints_one_object_per_turn(capsys):
    code, out, _ = run_cli(capsys, "--json", "--say", "could it be a hernia")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 1
    turn = json.loads(lines[0])
    assert {"utterance", "intent", "slots", "score", "request", "response"} <= set(turn)
    assert turn["slots"]["warningSign"]["id"] == "OTHER_GROWTH"


def test_replay_runs_every_input_in_one_session(capsys):
    code, out, _ = run_cli(capsys, "--json", "--replay", str(REPLAY))
    turns = [json.loads(line) for line in out.strip().splitlines()]
    replay = json.loads(REPLAY.read_text())
    assert code == 0 and [t["utterance"] for t in turns] == replay["userInput"]
    assert len({t["request"]["session"]["sessionId"] for t in turns}) == 1
    assert [t["request"]["session"]["new"] for t in turns] == [True] + [False] * (len(turns) - 1)
    assert turns[-1]["session_ended"] and not any(t["session_ended"] for t in turns[:-1])
    assert all(t["request"]["context"]["System"]["application"]["applicationId"] == replay["skillId"] for t in turns)
    assert "AMAZON.FallbackIntent" in [t["intent"] for t in turns]  # an odd answer is still exit 0


def test_bad_replay_file_fails_with_a_message(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "text", "userInput": "open back knot guide"}')
    code, out, err = run_cli(capsys, "--replay", str(bad))
    assert code == 1 and out == "" and "userInput" in err
    code, _, err = run_cli(capsys, "--replay", str(tmp_path / "missing.json"))
    assert code == 1 and "cannot read" in err


def test_unreachable_url_fails_with_a_message(capsys):
    code, _, err = run_cli(capsys, "--url", "http://127.0.0.1:9/alexa", "--say", "open back knot guide")
    assert code == 1 and "cannot reach" in err


def test_repl_talks_until_quit_and_closes_the_session(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("open back knot guide\nwhat is this lump\n\n:quit\n"))
    code, out, _ = run_cli(capsys)
    assert code == 0
    assert "LaunchRequest" in out and "LumpIntent" in out
    assert "(silence: Alexa repeats the question)" in out
    assert "SessionEndedRequest (USER_INITIATED)" in out


def test_repl_with_json_keeps_stdout_for_json(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("open back knot guide\n"))
    code, out, _ = run_cli(capsys, "--json")
    assert code == 0
    assert [json.loads(line)["request_type"] for line in out.strip().splitlines()] == [
        "LaunchRequest",
        "SessionEndedRequest",
    ]


def test_module_and_console_script_entry_points():
    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts.get("skill-sim") == "tooling.simulator.cli:main"
    done = subprocess.run(
        [sys.executable, "-m", "tooling.simulator", "--say", "open back knot guide"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Welcome to Back Knot Guide" in done.stdout


def test_a_search_query_slot_carries_the_words_as_transcribed_without_resolution(sim, wire):
    turn = sim.say("um my left foot's gone numb")
    assert turn.intent == "DescribeIntent"
    slot = wire.sent[-1]["request"]["intent"]["slots"]["description"]
    assert slot["value"] == "left foot's gone numb" and "resolutions" not in slot
    assert turn.slots["description"]["status"] is None
    assert "see a doctor" in turn.speech


def test_chat_shows_the_silences_of_a_guided_hold_and_presses_buttons():
    simulator = Simulator(identity=replace(DEFAULT_IDENTITY, interfaces=ECHO_SHOW))
    hold = simulator.say("let's stretch")
    assert "without bouncing. [15 s] Halfway. [15 s] And release." in cli.describe(hold)
    pressed = simulator.press("next")
    assert pressed.request_type == "Alexa.Presentation.APL.UserEvent"
    assert (pressed.request or {})["request"]["arguments"] == ["guide", "next"]
    assert "arguments ['guide', 'next']" in cli.describe(pressed) and "cat-cow" in pressed.speech


def test_an_unknown_word_keeps_its_weight_beside_known_words_as_intents_are_added():
    """New intents must not make words the model never saw count for less (off-topic requests would pass)."""
    model = load_model("en-US")
    extra = {f"Other{i}Intent": IntentModel(f"Other{i}Intent", {}, (f"zq{i} wub{i} fizz{i}",)) for i in range(4)}
    grown = replace(model, intents={**model.intents, **extra})
    rare = "lipoma"  # a word exactly one intent uses, in both models
    gaps = []
    for nlu in (NLU(model), NLU(grown)):
        assert sum(rare in " ".join(i.samples) for i in nlu.model.intents.values()) == 1
        gaps.append(nlu._weight(["zzzunseen"]) - nlu._weight([rare]))
    assert gaps[0] == pytest.approx(gaps[1])
    assert NLU(grown).understand("how do i stop snoring").score == pytest.approx(
        NLU(model).understand("how do i stop snoring").score, abs=0.01
    )
