"""The store icons: drawn at the two sizes certification asks for, not blank, legible, named in skill.json."""

import json

import pytest
from PIL import Image

from skill import content
from tooling import icons, packaging


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> dict[int, Image.Image]:
    folder = icons.write_icons(tmp_path_factory.mktemp("icons"))
    return {size: Image.open(folder / name) for size, name in icons.ICON_FILES.items()}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _share_near(image: Image.Image, colour: str, tolerance: int = 12) -> float:
    """The share of pixels within ``tolerance`` of ``colour`` on every channel."""
    target = _rgb(colour)
    data = image.convert("RGB").tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    near = sum(all(abs(c - t) <= tolerance for c, t in zip(pixel, target, strict=True)) for pixel in pixels)
    return near / len(pixels)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_two_png_icons_at_108_and_512_pixels(drawn):
    assert sorted(drawn) == [108, 512]
    for size, image in drawn.items():
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGB"  # opaque: no transparent corners in the store


@pytest.mark.parametrize("size", [108, 512])
def test_the_figure_and_the_knot_are_drawn(drawn, size):
    image = drawn[size]
    figure = _share_near(image, icons.FIGURE)
    assert 0.08 < figure < 0.5, f"the figure covers {figure:.0%}"
    knot = _share_near(image, icons.KNOT) * size * size
    assert knot >= 0.004 * size * size, f"the knot is {knot:.0f} pixels"
    assert _share_near(image, icons.GROUND) + _share_near(image, icons.HALO) > 0.4


def test_the_figure_stands_out_from_its_ground():
    """WCAG's contrast ratio for large graphics is 3:1; the figure clears 4.5:1 on both greens."""
    for ground in (icons.GROUND, icons.HALO):
        lighter, darker = sorted((_luminance(icons.FIGURE), _luminance(ground)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, ground


def test_the_same_shapes_give_the_same_pixels(tmp_path, drawn):
    again = icons.write_icons(tmp_path)
    for size, name in icons.ICON_FILES.items():
        assert Image.open(again / name).tobytes() == drawn[size].tobytes()


def test_skill_json_names_both_icons_for_every_locale():
    listings = json.loads(packaging.MANIFEST_PATH.read_text(encoding="utf-8"))["manifest"]["publishingInformation"]
    for locale in content.LOCALES:
        listing = listings["locales"][locale]
        assert listing["smallIconUri"] == "file://assets/images/icon-108.png", locale
        assert listing["largeIconUri"] == "file://assets/images/icon-512.png", locale
