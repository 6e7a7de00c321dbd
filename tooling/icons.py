"""The skill's store icons, drawn from one small vector description.

    python -m tooling.icons [DIR]    # icon-108.png and icon-512.png into DIR (default build/icons/)

Certification asks for a 108 x 108 and a 512 x 512 PNG.  Both are drawn here
from the shapes below, on a 100 x 100 canvas: a figure in a standing side
stretch on a calm teal ground, with one warm dot where the lower back's knot
sits.  No text and no medical cross; the strokes are thick enough to read at
108 px.  Each size is drawn four times larger and scaled down, which smooths
the edges.  Pillow (the `tools` extra) is needed only here, never by skill/.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tooling import paths

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

ICONS_DIR = paths.BUILD / "icons"
# Size in pixels -> file name; skill.json's smallIconUri and largeIconUri name these.
ICON_FILES = {108: "icon-108.png", 512: "icon-512.png"}
_OVERSAMPLE = 4

GROUND = "#0e5a61"  # deep teal: calm, and dark enough for the figure to stand out
HALO = "#17757c"
FIGURE = "#fbf4e4"  # warm white
KNOT = "#f08a63"  # coral: the knot, small and warm rather than alarming

Point = tuple[float, float]


@dataclass(frozen=True)
class Disc:
    centre: Point
    radius: float
    colour: str


@dataclass(frozen=True)
class Limb:
    """A thick quadratic Bézier stroke with round ends, from ``start`` bent towards ``bend``."""

    start: Point
    bend: Point
    end: Point
    width: float
    colour: str

    def points(self, steps: int = 200) -> list[Point]:
        (x0, y0), (x1, y1), (x2, y2) = self.start, self.bend, self.end
        return [
            (
                (1 - t) ** 2 * x0 + 2 * (1 - t) * t * x1 + t**2 * x2,
                (1 - t) ** 2 * y0 + 2 * (1 - t) * t * y1 + t**2 * y2,
            )
            for t in (i / steps for i in range(steps + 1))
        ]


# The figure, in drawing order, on a 100 x 100 canvas (y grows downwards).
SHAPES: tuple[Disc | Limb, ...] = (
    Disc((50, 50), 44, HALO),
    Limb((48, 64), (44, 76), (39, 88), 9, FIGURE),  # legs
    Limb((48, 64), (54, 76), (60, 88), 9, FIGURE),
    Limb((48, 66), (41, 48), (56, 33), 12, FIGURE),  # torso, bending to one side
    Limb((59, 39), (68, 47), (61, 58), 6, FIGURE),  # one arm down at the side
    Limb((51, 35), (36, 2), (76, 17), 6, FIGURE),  # the other over the head, reaching across
    Disc((64, 25), 7.5, FIGURE),  # head
    Disc((43, 56), 4.5, KNOT),  # the knot, low on the stretched side
)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` x ``size`` pixels, opaque RGB."""
    # Imported here so that skill.json can be generated without Pillow.
    from PIL import Image, ImageDraw

    big = size * _OVERSAMPLE
    scale = big / 100
    image = Image.new("RGB", (big, big), GROUND)
    pen = ImageDraw.Draw(image)
    for shape in SHAPES:
        if isinstance(shape, Disc):
            _disc(pen, shape.centre, shape.radius, shape.colour, scale)
        else:
            # Discs stamped along the curve: a wide polyline would leave seams at its joints.
            for point in shape.points():
                _disc(pen, point, shape.width / 2, shape.colour, scale)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _disc(pen: ImageDraw.ImageDraw, centre: Point, radius: float, colour: str, scale: float) -> None:
    x, y = centre
    pen.ellipse([(x - radius) * scale, (y - radius) * scale, (x + radius) * scale, (y + radius) * scale], fill=colour)


def write_icons(directory: Path = ICONS_DIR) -> Path:
    """Draw every size into ``directory``; returns it."""
    directory.mkdir(parents=True, exist_ok=True)
    for size, name in ICON_FILES.items():
        draw(size).save(directory / name, format="PNG", optimize=True)
    return directory


if __name__ == "__main__":
    target = write_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ICONS_DIR)
    print(f"wrote {', '.join(ICON_FILES.values())} in {target}")
