"""Screens and cards: what an Echo Show shows, what the Alexa app shows, and that both say what Alexa said."""

import re
from pathlib import Path

import pytest
from helpers import Conversation, envelope, launch_request

from skill import content, guides, screens
from skill.builder import invoke
from skill.catalogue import catalogue_for
from skill.reading import Reading
from skill.replies import Reply, phrase_reply, topic_reply
from skill.routines import BUTTON_INTENTS, EVENT_SOURCE, STEP_COUNTS
from tooling.preview import (
    COMPONENTS,
    STYLE_PROPERTIES,
    PreviewError,
    Renderer,
    guide_screens,
    page,
    write_previews,
)
from tooling.simulator.alexa_requests import ECHO_DOT, ECHO_SHOW, user_event_request
from tooling.simulator.session import GUIDE_TOKEN


def shown(reply: Reply, locale: str) -> screens.Screen:
    """The screen a device in ``locale`` shows for ``reply``."""
    return screens.screen_for(reply, catalogue_for(locale).screen(reply.topic, reply.step))


RENDER_DOCUMENT = "Alexa.Presentation.APL.RenderDocument"
CARD_LIMIT = 8000  # title and content together, per Amazon's card documentation
# Every component APL documents (https://developer.amazon.com/docs/alexa-presentation-language/).
APL_COMPONENTS = {
    "Container",
    "EditText",
    "Frame",
    "GridSequence",
    "Image",
    "Pager",
    "ScrollView",
    "Sequence",
    "Text",
    "TouchWrapper",
    "VectorGraphic",
    "Video",
}
BINDING = re.compile(r"\$\{([^}]*)\}")
PHRASE_KEYS = ("welcome", "help", "fallback", "goodbye", "declined", "nothing_to_repeat", "error")


def directives(turn) -> list[dict]:
    return [d for d in turn.response.get("directives", []) if d["type"] == RENDER_DOCUMENT]


def payload_of(turn) -> dict:
    (directive,) = directives(turn)
    return directive["datasources"][screens.DATASOURCE]


def every_reply(locale: str) -> list[Reply]:
    cat = catalogue_for(locale)
    replies = [topic_reply(cat, topic_id) for topic_id in cat.topics] + [phrase_reply(cat, key) for key in PHRASE_KEYS]
    return replies + [reply for _, reply in guide_screens(locale)]


# --------------------------------------------------------------------------
# which devices get a screen
# --------------------------------------------------------------------------


def test_echo_show_launch_gets_a_screen_and_echo_dot_does_not(client):
    show = Conversation(client, interfaces=ECHO_SHOW).launch()
    (directive,) = directives(show)
    assert directive["document"]["type"] == "APL"
    assert payload_of(show)["text"] == show.speech.removesuffix(" " + (show.reprompt or ""))

    dot = Conversation(client, interfaces=ECHO_DOT).launch()
    assert "directives" not in dot.response
    assert dot.speech == show.speech  # the voice is the same either way


def test_every_kind_of_answer_gets_a_screen_on_a_show(client):
    chat = Conversation(client, interfaces=ECHO_SHOW)
    tokens = [
        directives(chat.ask(intent))[0]["token"]
        for intent in ("ReliefIntent", "CausesIntent", "HeatOrIceIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent")
    ]
    assert tokens == [
        "backKnotGuide.table",
        "backKnotGuide.list",
        "backKnotGuide.answer",
        "backKnotGuide.answer",
        "backKnotGuide.answer",
    ]


def test_a_runtime_too_old_for_the_documents_gets_no_screen():
    old = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "1.4"}}}
    assert "directives" not in invoke(envelope(launch_request(), interfaces=old))["response"]
    unstated: dict[str, dict] = {"Alexa.Presentation.APL": {}}
    assert invoke(envelope(launch_request(), interfaces=unstated))["response"]["directives"]


def test_an_envelope_without_context_gets_no_screen():
    body = envelope(launch_request(), interfaces=ECHO_SHOW)
    del body["context"]
    response = invoke(body)["response"]
    assert "directives" not in response and response["outputSpeech"]


def test_yes_and_repeat_show_what_they_say(client):
    chat = Conversation(client, interfaces=ECHO_SHOW)
    chat.launch()
    lump = chat.ask("AMAZON.YesIntent")
    assert payload_of(lump)["title"] == catalogue_for("en-US").topics["lump"].title
    chat.ask("AMAZON.YesIntent")  # how a knot forms
    causes = chat.ask("AMAZON.YesIntent")
    again = chat.ask("AMAZON.RepeatIntent")
    assert directives(again) == directives(causes)
    assert [item["title"] for item in payload_of(again)["items"]] == [e.title for e in content.CAUSES]


def test_a_tampered_topic_in_the_session_is_dropped_and_the_screen_shows_what_is_said(client):
    chat = Conversation(client, interfaces=ECHO_SHOW)
    chat.ask("RestIntent")
    chat.attributes["last"]["topic"] = "no.such.topic"
    again = chat.ask("AMAZON.RepeatIntent")
    assert directives(again)[0]["token"] == "backKnotGuide.answer"
    assert payload_of(again)["text"] == catalogue_for("en-US").phrases["nothing_to_repeat"]


def test_documents_are_read_once_not_per_request(client, monkeypatch):
    def no_reading(*args, **kwargs):
        raise AssertionError("a file was read while answering")

    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    turn = Conversation(client, interfaces=ECHO_SHOW).ask("ReliefIntent")
    assert directives(turn)


# --------------------------------------------------------------------------
# the documents
# --------------------------------------------------------------------------


def _nodes(node):
    if isinstance(node, dict):
        if "type" in node:
            yield node
        for key in ("item", "items", "firstItem", "lastItem"):
            yield from _nodes(node.get(key))
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child)


@pytest.mark.parametrize("name", sorted(screens.DOCUMENTS))
def test_each_document_has_the_required_apl_fields(name):
    document = screens.DOCUMENTS[name]
    assert document["type"] == "APL"
    assert re.fullmatch(r"\d+\.\d+", document["version"])
    template = document["mainTemplate"]
    assert template["parameters"] == [screens.DATASOURCE]
    assert isinstance(template["items"], list) and template["items"]
    runtime = ECHO_SHOW["Alexa.Presentation.APL"]["runtime"]["maxVersion"]
    assert screens._version(document["version"]) <= screens._version(runtime)


@pytest.mark.parametrize("name", sorted(screens.DOCUMENTS))
def test_each_document_uses_only_documented_components_the_preview_draws(name):
    nodes = list(_nodes(screens.DOCUMENTS[name]["mainTemplate"]["items"]))
    assert nodes
    for node in nodes:
        assert node["type"] in APL_COMPONENTS and node["type"] in COMPONENTS, node["type"]
        assert set(node) <= STYLE_PROPERTIES, set(node) - STYLE_PROPERTIES
        if node["type"] in ("ScrollView", "Frame"):
            assert len(node.get("items", [node.get("item")])) == 1, "ScrollView and Frame hold one child"


@pytest.mark.parametrize("name", sorted(screens.DOCUMENTS))
def test_every_binding_names_a_field_the_datasources_fill(name):
    document = screens.DOCUMENTS[name]
    text = str(document["mainTemplate"])
    paths = {match.strip() for match in BINDING.findall(text)}
    filled = set()
    for reply in every_reply("en-US"):
        screen = shown(reply, "en-US")
        if screen.document == name:
            filled |= set(screen.datasources[screens.DATASOURCE])
    assert filled, f"no reply shows {name}"
    for path in paths:
        root, _, rest = path.partition(".")
        if root == screens.DATASOURCE:
            assert rest.split(".")[0] in filled, path
        else:
            assert root in ("data", "ordinal"), path


def test_all_documents_share_one_apl_version():
    assert {d["version"] for d in screens.DOCUMENTS.values()} == {screens.DOCUMENT_VERSION}


# --------------------------------------------------------------------------
# datasources carry the facts of the speech
# --------------------------------------------------------------------------


@pytest.mark.parametrize("locale", content.LOCALES)
def test_every_screen_shows_what_alexa_says(locale):
    for reply in every_reply(locale):
        payload = shown(reply, locale).datasources[screens.DATASOURCE]
        assert payload["text"] == reply.speech
        assert payload["title"] == reply.card_title
        assert payload["prompt"] == (reply.question or "")


@pytest.mark.parametrize("locale", content.LOCALES)
def test_lists_show_the_entries_behind_the_overview(locale):
    cat = catalogue_for(locale)
    for topic_id in ("causes", "symptoms", "see_doctor"):
        topic = cat.topics[topic_id]
        screen = shown(topic_reply(cat, topic_id), locale)
        assert screen.document == "list"
        items = screen.datasources[screens.DATASOURCE]["items"]
        assert [item["title"] for item in items] == [entry.title for entry in topic.entries]
        for item, entry in zip(items, topic.entries, strict=True):
            # A list whose speech already names each entry in full shows no detail; the others show it.
            assert item["detail"] == (entry.detail if topic.card_details else "")


@pytest.mark.parametrize("locale", content.LOCALES)
def test_relief_table_shows_each_method_and_how_in_the_methods_own_words(locale):
    cat = catalogue_for(locale)
    relief = cat.topics["relief"]
    screen = shown(topic_reply(cat, "relief"), locale)
    assert screen.document == "table"
    rows = screen.datasources[screens.DATASOURCE]["rows"]
    assert [row["method"] for row in rows] == [entry.title for entry in relief.entries]
    for row, entry in zip(rows, relief.entries, strict=True):
        assert row["how"], entry.id
        for line in row["how"]:
            assert line["text"] in f"{entry.detail} {entry.more or ''}", (entry.id, line["text"])


def test_relief_table_covers_hold_times_tools_and_heat_versus_ice():
    rows = {
        row["method"]: row["how"]
        for row in shown(topic_reply(catalogue_for("en-US"), "relief"), "en-US").datasources["payload"]["rows"]
    }
    table = " ".join(line["text"] for how in rows.values() for line in how)
    for fact in ("20 to 30 seconds", "30 to 60 seconds", "foam roller", "massage ball"):
        assert fact in table
    assert [line["label"] for line in rows["Heat and cold"]] == ["Heat", "Ice"]


def test_a_single_method_shows_how_to_do_it():
    cat = catalogue_for("en-US")
    payload = shown(topic_reply(cat, "method.massage"), "en-US").datasources["payload"]
    assert payload["pointsHeading"]
    said = f"{payload['text']} {cat.topics['method.massage.more'].speech}"  # what it says, and "tell me more"
    assert all(point["text"] in said for point in payload["points"])
    other = shown(topic_reply(cat, "cause.stress"), "en-US").datasources["payload"]
    assert other["points"] == [] and other["pointsHeading"] == ""


@pytest.mark.parametrize("locale", content.LOCALES)
def test_screens_hold_no_markup_characters(locale):
    for reply in every_reply(locale):
        datasources = str(shown(reply, locale).datasources)
        assert not set("<>&") & set(datasources), reply.card_title


def test_british_screens_use_british_words(client):
    turn = Conversation(client, locale="en-GB", interfaces=ECHO_SHOW).ask("SeeDoctorIntent")
    assert "physiotherapist" in str(payload_of(turn)) and "physical therapist" not in str(payload_of(turn))


# --------------------------------------------------------------------------
# cards
# --------------------------------------------------------------------------


@pytest.mark.parametrize("locale", content.LOCALES)
def test_every_answer_has_a_card_within_alexas_limit_with_the_same_facts(locale):
    for reply in every_reply(locale):
        assert reply.card_title.strip() and reply.card_text.strip()
        assert len(reply.card_title) + len(reply.card_text) <= CARD_LIMIT
        assert reply.card_text.startswith(reply.speech) or reply.card_text == reply.speech


def test_cards_reach_the_alexa_app_on_every_device(client):
    for interfaces in (ECHO_DOT, ECHO_SHOW):
        card = Conversation(client, interfaces=interfaces).ask("SymptomsIntent").card
        assert card is not None and card["type"] == "Simple" and "Referred pain" in card["content"]


# --------------------------------------------------------------------------
# the HTML preview
# --------------------------------------------------------------------------


def test_preview_of_the_relief_table_shows_every_method_and_how():
    cat = catalogue_for("en-US")
    html = page(topic_reply(cat, "relief"), "en-US")
    for entry in cat.topics["relief"].entries:
        assert entry.title in html
        for _, quote in content.RELIEF_HOW[entry.id]:
            assert quote.replace("'", "&#x27;") in html
    assert "width:1024px;height:600px" in html  # the 100vw x 100vh frame, at Echo Show size


def test_preview_writes_one_page_per_screen_and_an_index(tmp_path):
    pages = write_previews(tmp_path, "en-AU", (960, 480))
    names = {p.name for p in pages}
    assert "index.html" in names and "relief.html" in names and "welcome.html" in names
    assert len(names) == 1 + 2 + len(catalogue_for("en-AU").topics) + len(guide_screens("en-AU"))
    assert {"guide-stretch-0.html", "guide-foam-0.html", "guide-check-4.html", "guide-stretch-paused.html"} <= names
    assert "physiotherapist" in (tmp_path / "see_doctor.html").read_text(encoding="utf-8")


def test_preview_refuses_apl_it_cannot_draw():
    with pytest.raises(PreviewError):
        Renderer({"mainTemplate": {"items": [{"type": "Video"}]}}, {}).html()
    with pytest.raises(PreviewError):
        Renderer(
            {"mainTemplate": {"parameters": ["payload"], "items": [{"type": "Text", "text": "${payload.a + 1}"}]}}, {}
        ).html()


# --------------------------------------------------------------------------
# guided sessions: a step's screen, its progress bar and its buttons
# --------------------------------------------------------------------------


def _guide_payload(reply: Reply, locale: str = "en-US") -> dict:
    screen = shown(reply, locale)
    assert screen.document == screens.GUIDE_DOCUMENT
    return screen.datasources[screens.DATASOURCE]


@pytest.mark.parametrize("locale", content.LOCALES)
def test_every_guided_step_shows_its_place_and_its_buttons(locale):
    for name, reply in guide_screens(locale):
        payload = _guide_payload(reply, locale)
        kind, index = name.split("-")[1], name.split("-")[2]
        number = 1 if index == "paused" else int(index) + 1
        assert payload["progress"] == f"Step {number} of {STEP_COUNTS[kind]}"
        actions = [button["action"] for button in payload["buttons"]]
        assert set(actions) <= set(BUTTON_INTENTS) and "stop" in actions
        expected = {"check": ["yes", "no", "unsure", "stop"], "paused": ["next", "resume", "stop"]}
        assert actions == expected.get(kind if kind == "check" else index, ["next", "pause", "stop"])
        assert payload["text"] == reply.speech and payload["prompt"] == reply.question


def test_a_hold_fills_its_bar_while_alexa_is_silent():
    book = catalogue_for("en-US")
    hold = _guide_payload(guides.start("stretch", book)[0])
    assert hold["hold"] is True
    # The bar starts once the opening words are said, and runs through both halves of the hold.
    assert 3000 < hold["holdStartMs"] < 15000
    assert content.STRETCH_HOLD_SECONDS * 1000 <= hold["holdMs"] < (content.STRETCH_HOLD_SECONDS + 3) * 1000
    question = _guide_payload(guides.start("check", book)[0])
    assert question["hold"] is False and question["holdMs"] == 0


def test_the_guide_document_animates_the_bar_on_mount_and_sends_the_buttons_action():
    document = screens.DOCUMENTS[screens.GUIDE_DOCUMENT]
    nodes = list(_nodes(document["mainTemplate"]["items"]))
    (bar,) = [node for node in nodes if node.get("id") == "holdBar"]
    (animation,) = bar["onMount"]
    assert animation["type"] == "AnimateItem" and animation["componentId"] == "holdBar"
    assert animation["duration"] == "${payload.holdMs}" and animation["delay"] == "${payload.holdStartMs}"
    (button,) = [node for node in nodes if node["type"] == "TouchWrapper"]
    assert button["onPress"] == [{"type": "SendEvent", "arguments": [EVENT_SOURCE, "${data.action}"]}]


def test_preview_draws_the_hold_bar_filling_and_the_buttons():
    html = page(guides.start("foam", catalogue_for("en-US"))[0], "en-US")
    assert "@keyframes animation0 { from { transform: scaleX(0) } to { transform: scaleX(1) } }" in html
    assert re.search(r"animation:animation0 \d+ms linear \d+ms forwards", html)
    for action in ("next", "pause", "stop"):
        assert f'title="SendEvent: guide {action}"' in html
    check = page(guides.start("check", catalogue_for("en-US"))[0], "en-US")
    assert "@keyframes" not in check and 'title="SendEvent: guide unsure"' in check


@pytest.mark.parametrize(
    "node",
    [
        {"type": "TouchWrapper", "onPress": [{"type": "OpenURL", "source": "https://example.com"}]},
        {"type": "Frame", "id": "a", "onMount": [{"type": "SetValue", "property": "opacity", "value": 0}]},
        {
            "type": "Frame",
            "id": "a",
            "onMount": [{"type": "AnimateItem", "componentId": "b", "duration": 1, "value": []}],
        },
        {"type": "Frame", "transform": [{"rotate": 45}]},
    ],
)
def test_preview_refuses_commands_and_transforms_it_cannot_draw(node):
    with pytest.raises(PreviewError):
        Renderer({"mainTemplate": {"items": [node]}}, {}).html()


def test_a_button_drives_the_session_through_the_webhook(client):
    """A touch arrives as Alexa.Presentation.APL.UserEvent, in a full envelope, and moves the session as words do."""
    show = Conversation(client, interfaces=ECHO_SHOW)
    show.launch()
    first = show.ask("StretchRoutineIntent")
    assert directives(first)[0]["token"] == GUIDE_TOKEN
    assert payload_of(first)["progress"] == "Step 1 of 3"
    pressed = show.send(user_event_request([EVENT_SOURCE, "next"], GUIDE_TOKEN))
    assert "cat-cow" in pressed.speech and '<break time="10s"/>' in pressed.ssml
    assert payload_of(pressed)["progress"] == "Step 2 of 3"
    paused = show.send(user_event_request([EVENT_SOURCE, "pause"], GUIDE_TOKEN))
    assert [b["action"] for b in payload_of(paused)["buttons"]] == ["next", "resume", "stop"]
    assert show.attributes["guide"] == {"kind": "stretch", "step": 1, "paused": True, "unclear": 0}
    stopped = show.send(user_event_request([EVENT_SOURCE, "stop"], GUIDE_TOKEN))
    assert stopped.ended and "Goodbye" in stopped.speech


@pytest.mark.parametrize(
    "arguments", [["guide", "explode"], ["other", "next"], ["guide"], [], ["guide", "next", "extra"], [{"a": 1}, 2]]
)
def test_a_button_the_skill_does_not_know_gets_a_short_apology_not_an_error(client, arguments):
    show = Conversation(client, interfaces=ECHO_SHOW)
    show.ask("FoamRollingTimerIntent")
    turn = show.send(user_event_request(arguments, GUIDE_TOKEN))
    assert turn.status == 200 and turn.speech.startswith(catalogue_for("en-US").phrases["unknown_button"])
    assert turn.reprompt == catalogue_for("en-US").phrases["foam_again"]
    assert show.attributes["guide"]["kind"] == "foam"


def test_a_user_event_with_arguments_that_are_not_a_list_is_answered_too(client):
    request = user_event_request([EVENT_SOURCE, "next"], GUIDE_TOKEN)
    request["arguments"] = "next"
    turn = Conversation(client, interfaces=ECHO_SHOW).send(request)
    assert turn.status == 200 and turn.reprompt


def test_a_paused_guided_step_still_has_a_screen_of_its_own():
    paused = guides.move(guides.PAUSE, Reading(), guides.Guide("foam", 1), None, catalogue_for("en-US"))
    assert paused is not None
    assert _guide_payload(paused[0])["buttons"][1]["action"] == "resume"
