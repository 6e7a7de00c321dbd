"""skill-sim: talk to the skill offline, as the developer console's simulator would.

    skill-sim                          an interactive conversation (REPL)
    skill-sim --say "open back knot guide"
    skill-sim --replay tests/data/dialogs/replay-example.json
    skill-sim --json --say "ask back knot guide what causes it"
    skill-sim --url http://127.0.0.1:8080/alexa [--sign DIR]

The exit status is non-zero only when the simulator itself fails (a bad
file, an unreachable webhook), never because of what the skill answers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from skill.speech import plain
from tooling.simulator import alexa_requests as alexa
from tooling.simulator.model import ModelError
from tooling.simulator.nlu import nlu_for
from tooling.simulator.session import Simulator, Turn
from tooling.simulator.transport import InProcess, Transport, TransportError, Webhook, local_ca_signer

FAILED = 1

REPL_HELP = """Type what you would say to Alexa, e.g. "open back knot guide".
An empty line is silence (Alexa reprompts, then ends the session).
:press next (or pause, resume, stop, yes, no, unsure) touches a button of a guided step's screen.
:new ends the session, :quit (or Ctrl-D) leaves."""
PRESS = ":press "


class ReplayError(ValueError):
    """The replay file is not in the `ask dialog` replay format."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skill-sim", description="Talk to the skill offline, through its own interaction model."
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--say", metavar="TEXT", help="one utterance, one turn")
    mode.add_argument(
        "--replay",
        metavar="FILE",
        type=Path,
        help="an `ask dialog` replay file: every userInput is one turn of one session",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per turn (utterance, intent, slots, score, request, response)",
    )
    parser.add_argument("--locale", help="en-US (default), en-GB, en-CA, en-AU or en-IN")
    parser.add_argument("--url", help="drive a running webhook instead of calling the skill in-process")
    parser.add_argument(
        "--sign",
        metavar="DIR",
        type=Path,
        help="with --url: sign requests with the local test CA in DIR (created if missing)",
    )
    parser.add_argument(
        "--skill-id",
        default=os.environ.get("ALEXA_SKILL_ID") or alexa.DEFAULT_SKILL_ID,
        help="application id to send (default: $ALEXA_SKILL_ID, else a placeholder)",
    )
    parser.add_argument("--screen", action="store_true", help="act as an Echo Show (APL) instead of an Echo Dot")
    return parser


def read_replay(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReplayError(f"cannot read {path}: {error}") from None
    if not isinstance(data, dict) or data.get("type", "text") != "text":
        raise ReplayError(f'{path}: expected an object with "type": "text"')
    inputs = data.get("userInput")
    if not isinstance(inputs, list) or not all(isinstance(i, str) for i in inputs):
        raise ReplayError(f'{path}: "userInput" must be a list of strings')
    return data


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.sign and not args.url:
        parser.error("--sign needs --url")
    try:
        replay = read_replay(args.replay) if args.replay else None
        simulator = _simulator(args, replay)
        output = _Output(sys.stdout, args.json)
        if args.say is not None:
            output.turn(simulator.say(args.say))
        elif replay is not None:
            for utterance in replay["userInput"]:
                output.turn(simulator.say(utterance))
        else:
            _repl(simulator, output)
    except BrokenPipeError:
        # The reader went away (`skill-sim --json ... | head`): nothing failed here.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (ReplayError, ModelError, TransportError, OSError, ValueError) as error:
        print(f"skill-sim: {error}", file=sys.stderr)
        return FAILED
    return 0


def _simulator(args: argparse.Namespace, replay: dict | None) -> Simulator:
    locale = args.locale or (replay or {}).get("locale") or "en-US"
    skill_id = (replay or {}).get("skillId") or args.skill_id
    identity = alexa.Identity(skill_id=skill_id)
    if args.screen:
        identity = replace(identity, interfaces=alexa.ECHO_SHOW)
    transport: Transport
    if args.url:
        signer = local_ca_signer(args.sign) if args.sign else None
        transport = Webhook(args.url, signer=signer)
    else:
        transport = InProcess()
    return Simulator(transport, locale=locale, identity=identity, nlu=nlu_for(locale))


def _repl(simulator: Simulator, output: _Output) -> None:
    interactive = sys.stdin.isatty()
    if interactive:
        _enable_line_editing()
    if not output.json:
        print(REPL_HELP)
    while True:
        try:
            line = _read_line(output.json, interactive)
            if not interactive and not output.json:
                print(line)  # piped input: show what was "said"
        except EOFError:
            print(file=sys.stderr if output.json else sys.stdout)
            line = ":quit"
        except KeyboardInterrupt:
            print()
            line = ":quit"
        if line in (":quit", ":q", ":exit"):
            if simulator.session_open:
                output.turn(simulator.end())
            return
        if line == ":new":
            output.turn(simulator.end())
        elif line == ":help":
            print(REPL_HELP)
        elif not line:
            output.turn(simulator.silence())
        elif line.startswith(PRESS):
            try:
                output.turn(simulator.press(line.removeprefix(PRESS).strip()))
            except TransportError as error:
                print(f"skill-sim: {error}", file=sys.stderr)
        else:
            try:
                output.turn(simulator.say(line))
            except TransportError as error:  # one failed turn need not end the conversation
                print(f"skill-sim: {error}", file=sys.stderr)


def _read_line(as_json: bool, interactive: bool) -> str:
    if not as_json:
        return input("you> ").strip()
    if interactive:  # keep stdout for the JSON lines
        print("you> ", end="", file=sys.stderr, flush=True)
    return input().strip()


def _enable_line_editing() -> None:
    with contextlib.suppress(ImportError):  # not on every platform
        import readline  # noqa: F401  (arrow keys and history in input())


class _Output:
    """Writes turns for people, or as JSON lines for scripts."""

    def __init__(self, stream: TextIO, as_json: bool):
        self.stream = stream
        self.json = as_json

    def turn(self, turn: Turn) -> None:
        if self.json:
            print(json.dumps(turn.as_json(), ensure_ascii=False), file=self.stream, flush=True)
        else:
            print(describe(turn), file=self.stream, flush=True)


USER_EVENT = "Alexa.Presentation.APL.UserEvent"
_BREAKS = re.compile(r'(?:\s*<break time="(\d+)s"/>)+')
_BREAK_SECONDS = re.compile(r'<break time="(\d+)s"/>')


def with_pauses(ssml: str) -> str:
    """What a listener hears, with each silence shown as "[15 s]"."""

    def silence(match: re.Match) -> str:
        return f" [{sum(int(s) for s in _BREAK_SECONDS.findall(match.group(0)))} s]"

    return plain(_BREAKS.sub(silence, ssml))


def describe(turn: Turn) -> str:
    """A turn as the console simulator would show it, SSML stripped."""
    lines = []
    if turn.request is None:
        lines.append("  (silence: Alexa repeats the question)" if turn.speech else "  (no session open)")
    elif turn.request_type == "IntentRequest":
        lines.append(f"  {turn.intent}  score {turn.score:.2f}")
        for name, slot in turn.slots.items():
            if slot["status"] is None:  # a built-in type: the words, as transcribed
                lines.append(f'    {name} = "{slot["value"]}" ({slot["type"]})')
                continue
            resolved = f"-> {slot['id']}" if slot["id"] else "-> no match"
            lines.append(f'    {name} = "{slot["value"]}" {resolved} ({slot["status"]})')
    elif turn.request_type == USER_EVENT:
        lines.append(f"  {turn.request_type}  arguments {turn.request['request'].get('arguments')}")
    else:
        reason = turn.request.get("request", {}).get("reason")
        lines.append(f"  {turn.request_type}" + (f" ({reason})" if reason else ""))
    if turn.speech:
        lines.append(f"alexa> {with_pauses(turn.ssml)}")
    if turn.reprompt:
        lines.append(f"  reprompt: {turn.reprompt}")
    if turn.card:
        lines.append(f"  card: {turn.card.get('title', '')}")
    for directive in turn.directives:
        lines.append(f"  directive: {directive}")
    lines.append("  [session ended]" if turn.session_ended else "  [session open]")
    return "\n".join(lines)
