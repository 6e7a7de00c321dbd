"""`make preview`: every screen as an HTML page, to look at without a device.

The pages are drawn from the real APL documents and datasources, by a small
interpreter for the part of APL the documents use: the components in
``COMPONENTS``, the properties in ``STYLE_PROPERTIES``, ``${...}`` bindings
that name a value (``${payload.title}``, ``${data.label}``, ``${ordinal}``)
and ``@name`` resources.  Of APL's commands it draws the two the guided steps
use: an ``onMount`` ``AnimateItem`` of a transform (as a CSS animation, so the
hold's progress bar fills on the page as it would on a device) and a
TouchWrapper's ``onPress`` ``SendEvent`` (a button that shows the arguments it
would send).  Anything else raises ``PreviewError``, so a document can't drift
into something the preview silently draws wrong.

    python -m tooling.preview [--locale en-GB] [--viewport 960x480] [--out build/preview]
"""

from __future__ import annotations

import argparse
import re
from html import escape
from pathlib import Path

from skill import content, guides
from skill.catalogue import catalogue_for
from skill.reading import Reading
from skill.replies import Reply, phrase_reply, topic_reply
from skill.routines import STEP_COUNTS
from skill.screens import DOCUMENTS, screen_for
from skill.topics import FIRST_TOPIC
from tooling import paths

ROOT = paths.ROOT
DEFAULT_OUT = ROOT / "build" / "preview"
DEFAULT_VIEWPORT = (1024, 600)  # Echo Show (1st and 2nd generation) in dp

# Properties every component may carry, and the ones only some do.
BASE_PROPERTIES = frozenset(
    {
        "type",
        "width",
        "height",
        "minWidth",
        "maxWidth",
        "minHeight",
        "maxHeight",
        "paddingLeft",
        "paddingRight",
        "paddingTop",
        "paddingBottom",
        "spacing",
        "grow",
        "shrink",
        "opacity",
        "display",
        "when",
        "id",
        "transform",
        "onMount",
    }
)
COMPONENTS = {
    "Container": {"direction", "alignItems", "justifyContent", "wrap", "numbered", "data", "item", "items"},
    "Frame": {"backgroundColor", "borderRadius", "borderWidth", "borderColor", "item", "items"},
    "ScrollView": {"item", "items"},
    "Text": {"text", "color", "fontSize", "fontWeight", "fontStyle", "textAlign", "lineHeight", "maxLines"},
    "TouchWrapper": {"item", "items", "onPress"},
}
# The transforms the preview draws, as CSS functions with their unit.
TRANSFORMS = {"scaleX": ("scaleX", ""), "scaleY": ("scaleY", ""), "translateX": ("translateX", "px")}
ANIMATED_PROPERTIES = frozenset({"transform"})
EASINGS = {"linear": "linear", "ease": "ease", "ease-in": "ease-in", "ease-out": "ease-out"}
STYLE_PROPERTIES = BASE_PROPERTIES.union(*COMPONENTS.values())

_BINDING = re.compile(r"\$\{([^}]*)\}")
_PATH = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_DIMENSION = re.compile(r"(-?\d+(?:\.\d+)?)(dp|px|%|vw|vh)?")
_CSS_WORDS = {
    "start": "flex-start",
    "end": "flex-end",
    "center": "center",
    "stretch": "stretch",
    "baseline": "baseline",
    "spaceBetween": "space-between",
    "spaceAround": "space-around",
    "noWrap": "nowrap",
    "wrap": "wrap",
    "wrapReverse": "wrap-reverse",
    "row": "row",
    "column": "column",
    "rowReverse": "row-reverse",
    "columnReverse": "column-reverse",
}
# APL's defaults where they differ from the browser's (dark theme).
_TEXT_DEFAULTS = {"color": "#fafafa", "fontSize": "40dp", "lineHeight": "125%"}
_SCROLL_DEFAULT_HEIGHT = "100dp"


class PreviewError(ValueError):
    """The document uses APL the preview does not draw."""


class Renderer:
    """Draws one APL document with its datasources as HTML, at one viewport size."""

    def __init__(self, document: dict, datasources: dict, viewport: tuple[int, int] = DEFAULT_VIEWPORT):
        self.width, self.height = viewport
        self.resources: dict[str, object] = {}
        for block in document.get("resources", []):
            for group in ("colors", "dimensions"):
                self.resources.update(block.get(group, {}))
        template = document["mainTemplate"]
        self.root = _as_list(template.get("items", template.get("item")))
        self.context = {name: datasources.get(name) for name in template.get("parameters", [])}
        self.keyframes: list[str] = []  # one @keyframes rule per animation drawn

    def html(self) -> str:
        # As in APL, the main template shows the first of its items.
        return self.component(self.root[0], self.context, parent_direction="column", first=True)

    def component(self, node: dict, context: dict, parent_direction: str, first: bool) -> str:
        if "when" in node and not _truthy(self.value(node["when"], context)):
            return ""
        kind = node.get("type")
        if kind not in COMPONENTS:
            raise PreviewError(f"component {kind!r} is not drawn by the preview")
        unknown = set(node) - BASE_PROPERTIES - COMPONENTS[kind]
        if unknown:
            raise PreviewError(f"{kind} properties not drawn by the preview: {sorted(unknown)}")
        css = self.box_css(node, kind, context, parent_direction, first)
        css += self.mount_css(node, context)
        if kind == "Text":
            text = self.value(node.get("text", ""), context)
            return f'<div class="text" style="{css}">{escape(_plain(text))}</div>'
        direction = self.value(node.get("direction", "column"), context) if kind == "Container" else "column"
        children = self.children(node, context, str(direction))
        if kind == "TouchWrapper":
            sent = escape(" ".join(_plain(a) for a in self.sent_event(node, context)))
            return f'<div class="touchwrapper" role="button" title="SendEvent: {sent}" style="{css}">{children}</div>'
        return f'<div class="{kind.lower()}" style="{css}">{children}</div>'

    def sent_event(self, node: dict, context: dict) -> list[object]:
        """The arguments a TouchWrapper's press would send to the skill (one SendEvent, nothing else)."""
        commands = _as_list(node.get("onPress"))
        if len(commands) != 1 or commands[0].get("type") != "SendEvent" or set(commands[0]) != {"type", "arguments"}:
            raise PreviewError("a TouchWrapper's onPress is drawn only as one SendEvent with arguments")
        return [self.value(argument, context) for argument in _as_list(commands[0]["arguments"])]

    def mount_css(self, node: dict, context: dict) -> str:
        """An onMount AnimateItem of this component's transform, as a CSS animation ("" for none)."""
        rules = []
        for command in _as_list(node.get("onMount")):
            if command.get("type") != "AnimateItem":
                raise PreviewError(f"onMount command {command.get('type')!r} is not drawn by the preview")
            unknown = set(command) - {"type", "componentId", "delay", "duration", "easing", "value", "when"}
            if unknown or command.get("componentId", node.get("id")) != node.get("id"):
                raise PreviewError(f"AnimateItem is drawn only on the component that mounts it: {sorted(unknown)}")
            if "when" in command and not _truthy(self.value(command["when"], context)):
                continue
            values = _as_list(command["value"])
            if any(v.get("property") not in ANIMATED_PROPERTIES for v in values):
                raise PreviewError("only transforms are animated by the preview")
            name = f"animation{len(self.keyframes)}"
            start, end = _transform(values[0]["from"]), _transform(values[0]["to"])
            frames = f"from {{ transform: {start} }} to {{ transform: {end} }}"
            self.keyframes.append(f"@keyframes {name} {{ {frames} }}")
            duration = int(str(self.value(command["duration"], context)))
            delay = int(str(self.value(command.get("delay", 0), context)))
            easing = EASINGS[str(command.get("easing", "linear"))]
            rules.append(f"{name} {duration}ms {easing} {delay}ms forwards")
        return escape(f";animation:{', '.join(rules)}") if rules else ""

    def children(self, node: dict, context: dict, direction: str) -> str:
        templates = _as_list(node.get("items", node.get("item")))
        if "data" not in node:
            pairs = [(template, context) for template in templates]
        else:
            data = _as_list(self.value(node["data"], context))
            numbered = node.get("numbered", False)
            pairs = [(templates[0], _item_context(context, item, index, numbered)) for index, item in enumerate(data)]
        return "".join(
            self.component(template, item_context, direction, first=position == 0)
            for position, (template, item_context) in enumerate(pairs)
        )

    def box_css(self, node: dict, kind: str, context: dict, parent_direction: str, first: bool) -> str:
        props = {
            name: self.value(raw, context)
            for name, raw in node.items()
            if name not in ("item", "items", "data", "when")
        }
        if kind == "Text":
            props = {**_TEXT_DEFAULTS, **props}
        if kind == "ScrollView":
            props.setdefault("height", _SCROLL_DEFAULT_HEIGHT)
        rules = []
        for name, css_name in (
            ("width", "width"),
            ("height", "height"),
            ("minWidth", "min-width"),
            ("maxWidth", "max-width"),
            ("minHeight", "min-height"),
            ("maxHeight", "max-height"),
            ("paddingLeft", "padding-left"),
            ("paddingRight", "padding-right"),
            ("paddingTop", "padding-top"),
            ("paddingBottom", "padding-bottom"),
            ("fontSize", "font-size"),
            ("borderRadius", "border-radius"),
        ):
            if name in props:
                rules.append(f"{css_name}:{self.dimension(props[name])}")
        if "spacing" in props and not first:
            side = "left" if parent_direction.startswith("row") else "top"
            rules.append(f"margin-{side}:{self.dimension(props['spacing'])}")
        rules.append(f"flex-grow:{props.get('grow', 0)};flex-shrink:{props.get('shrink', 0)}")
        for name, css_name in (
            ("direction", "flex-direction"),
            ("alignItems", "align-items"),
            ("justifyContent", "justify-content"),
            ("wrap", "flex-wrap"),
        ):
            if name in props:
                rules.append(f"{css_name}:{_CSS_WORDS[str(props[name])]}")
        for name, css_name in (
            ("color", "color"),
            ("backgroundColor", "background-color"),
            ("fontWeight", "font-weight"),
            ("fontStyle", "font-style"),
            ("textAlign", "text-align"),
            ("opacity", "opacity"),
        ):
            if name in props:
                rules.append(f"{css_name}:{props[name]}")
        if "borderWidth" in props:
            rules.append(
                f"border:{self.dimension(props['borderWidth'])} solid {props.get('borderColor', 'transparent')}"
            )
        if "lineHeight" in props:
            rules.append(f"line-height:{_line_height(props['lineHeight'])}")
        if props.get("maxLines"):
            rules.append(
                f"display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:{props['maxLines']};"
                "overflow:hidden"
            )
        if props.get("display") in ("none", "invisible"):
            rules.append("display:none" if props["display"] == "none" else "visibility:hidden")
        if "transform" in props:
            rules.append(f"transform:{_transform(props['transform'])}")
        return escape(";".join(rules))

    def value(self, raw: object, context: dict) -> object:
        """A property's value: bindings evaluated, resources looked up."""
        if isinstance(raw, str):
            whole = _BINDING.fullmatch(raw)
            if whole:
                return _lookup(whole.group(1), context)
            if _BINDING.search(raw):
                return _BINDING.sub(lambda m: _plain(_lookup(m.group(1), context)), raw)
            if raw.startswith("@"):
                if raw[1:] not in self.resources:
                    raise PreviewError(f"unknown resource {raw}")
                return self.resources[raw[1:]]
        return raw

    def dimension(self, value: object) -> str:
        """An APL dimension as CSS: dp are drawn as px, vw and vh against the viewport."""
        if value == "auto":
            return "auto"
        match = _DIMENSION.fullmatch(str(value))
        if not match:
            raise PreviewError(f"dimension {value!r} is not drawn by the preview")
        number, unit = float(match.group(1)), match.group(2) or "dp"
        if unit == "%":
            return f"{number:g}%"
        if unit in ("vw", "vh"):
            number = number * (self.width if unit == "vw" else self.height) / 100
        return f"{number:g}px"


def _as_list(items: object) -> list:
    if items is None:
        return []
    return items if isinstance(items, list) else [items]


def _item_context(context: dict, item: object, index: int, numbered: bool) -> dict:
    inner = {**context, "data": item, "index": index}
    if numbered:
        inner["ordinal"] = index + 1
    return inner


def _lookup(expression: str, context: dict) -> object:
    expression = expression.strip()
    if not _PATH.fullmatch(expression):
        raise PreviewError(f"binding ${{{expression}}} is not a plain name or path")
    value: object = context
    for part in expression.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _transform(steps: object) -> str:
    """An APL transform ([{"scaleX": 0}]) as CSS; APL transforms about the centre, as CSS does by default."""
    functions = []
    for step in _as_list(steps):
        if not isinstance(step, dict) or len(step) != 1 or next(iter(step)) not in TRANSFORMS:
            raise PreviewError(f"transform {step!r} is not drawn by the preview")
        ((name, amount),) = step.items()
        css_name, unit = TRANSFORMS[name]
        functions.append(f"{css_name}({amount}{unit})")
    return " ".join(functions)


def _truthy(value: object) -> bool:
    """APL's truth: false, null, 0 and the empty string are false."""
    return value not in (False, None, 0, "")


def _plain(value: object) -> str:
    return "" if value is None else str(value)


def _line_height(value: object) -> str:
    text = str(value)
    return f"{float(text[:-1]) / 100:g}" if text.endswith("%") else text


PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} - {name} - preview</title>
<style>
html, body {{ margin: 0; background: #000; }}
.viewport {{ width: {width}px; height: {height}px; overflow: hidden; position: relative;
  font-family: "Amazon Ember", "Bookerly", Helvetica, Arial, sans-serif; }}
.viewport div {{ display: flex; flex-direction: column; box-sizing: border-box; position: relative;
  min-width: 0; min-height: 0; }}
.viewport .text {{ display: block; white-space: pre-line; overflow-wrap: break-word; }}
.viewport .scrollview {{ overflow-y: auto; scrollbar-width: thin; scrollbar-color: #2f5161 transparent; }}
.viewport .touchwrapper {{ cursor: pointer; }}
{animations}
</style>
</head>
<body>
<!-- document {name}.json, datasource from skill.screens -->
<div class="viewport">{body}</div>
</body>
</html>
"""


def screens_to_preview(locale: str) -> list[tuple[str, Reply]]:
    """Every screen a person can meet: the welcome, help, each topic, and each step of a guided session."""
    catalogue = catalogue_for(locale)
    pages = [
        ("welcome", phrase_reply(catalogue, "welcome", offer=FIRST_TOPIC)),
        ("help", phrase_reply(catalogue, "help")),
    ]
    pages += [(topic_id.replace(".", "-"), topic_reply(catalogue, topic_id)) for topic_id in catalogue.topics]
    return pages + guide_screens(locale)


def guide_screens(locale: str) -> list[tuple[str, Reply]]:
    """Each session's opening step, every later step, and a paused routine (which offers Resume)."""
    catalogue = catalogue_for(locale)
    pages = []
    for kind, count in STEP_COUNTS.items():
        pages.append((f"guide-{kind}-0", guides.start(kind, catalogue)[0]))
        pages += [(f"guide-{kind}-{index}", guides.step_at(kind, index, catalogue)) for index in range(1, count)]
    paused = guides.move(guides.PAUSE, Reading(), guides.Guide(guides.STRETCH), None, catalogue)
    assert paused is not None  # a routine always answers "pause"
    return [*pages, ("guide-stretch-paused", paused[0])]


def page(reply: Reply, locale: str, viewport: tuple[int, int] = DEFAULT_VIEWPORT) -> str:
    screen = screen_for(reply, catalogue_for(locale).screen(reply.topic, reply.step))
    renderer = Renderer(DOCUMENTS[screen.document], screen.datasources, viewport)
    body = renderer.html()
    width, height = viewport
    return PAGE.format(
        lang=locale,
        title=escape(reply.card_title),
        name=screen.document,
        width=width,
        height=height,
        body=body,
        animations="\n".join(renderer.keyframes),
    )


def write_previews(
    out_dir: Path = DEFAULT_OUT, locale: str = content.DEFAULT_LOCALE, viewport: tuple[int, int] = DEFAULT_VIEWPORT
) -> list[Path]:
    """Write one page per screen and an index linking them; returns the pages written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    links = []
    for name, reply in screens_to_preview(locale):
        path = out_dir / f"{name}.html"
        path.write_text(page(reply, locale, viewport), encoding="utf-8")
        written.append(path)
        links.append(f'<li><a href="{path.name}">{escape(name)}</a>: {escape(reply.card_title)}</li>')
    index = out_dir / "index.html"
    index.write_text(
        f'<!doctype html>\n<html lang="{locale}"><head><meta charset="utf-8"><title>{content.SKILL_NAME} screens'
        f"</title></head>\n<body><h1>{content.SKILL_NAME} screens ({locale})</h1>\n<ul>\n"
        + "\n".join(links)
        + "\n</ul></body></html>\n",
        encoding="utf-8",
    )
    return [index, *written]


def _viewport(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write every screen as an HTML page.")
    parser.add_argument("--locale", default=content.DEFAULT_LOCALE, choices=content.LOCALES)
    parser.add_argument("--viewport", type=_viewport, default=DEFAULT_VIEWPORT, help="WIDTHxHEIGHT in dp")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    pages = write_previews(args.out, args.locale, args.viewport)
    print(f"wrote {len(pages)} pages to {args.out}; open {pages[0]}")


if __name__ == "__main__":
    main()
