"""Every text colour of both themes is readable on its background (WCAG 2: 4.5:1), chart marks 3:1. No Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from livedesk.ui import colours
from livedesk.ui.colours import DARK, DARK_PALETTE, DARK_PALETTE_PAIRS, HOST_VIEW, HOST_VIEW_PAIRS, LIGHT, contrast

THEMES = {"light": LIGHT, "dark": DARK}


def _text_pairs():
    for mode, theme in THEMES.items():
        for fg_name, fg, bg_name, bg in theme.text_pairs():
            yield pytest.param(fg, bg, id=f"{mode}:{fg_name}-on-{bg_name}")


def _graphic_pairs():
    for mode, theme in THEMES.items():
        for name, colour, bg_name, bg in theme.graphic_pairs():
            yield pytest.param(colour, bg, id=f"{mode}:{name}-on-{bg_name}")


def test_the_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    with pytest.raises(ValueError):
        contrast("red", "#ffffff")


@pytest.mark.parametrize(("foreground", "background"), list(_text_pairs()))
def test_text_is_readable_on_its_background(foreground, background):
    ratio = contrast(foreground, background)
    assert ratio >= colours.TEXT_CONTRAST, f"{foreground} on {background}: {ratio:.2f}"


@pytest.mark.parametrize(("colour", "background"), list(_graphic_pairs()))
def test_chart_lines_and_marks_stand_out_from_the_plot(colour, background):
    ratio = contrast(colour, background)
    assert ratio >= colours.GRAPHIC_CONTRAST, f"{colour} on {background}: {ratio:.2f}"


@pytest.mark.parametrize(("fg", "bg"), DARK_PALETTE_PAIRS, ids=[f"{f}-on-{b}" for f, b in DARK_PALETTE_PAIRS])
def test_the_dark_palette_keeps_its_own_text_readable(fg, bg):
    assert contrast(DARK_PALETTE[fg], DARK_PALETTE[bg]) >= colours.TEXT_CONTRAST


@pytest.mark.parametrize(("fg", "bg"), HOST_VIEW_PAIRS, ids=[f"{f}-on-{b}" for f, b in HOST_VIEW_PAIRS])
def test_the_host_view_is_readable(fg, bg):
    assert contrast(HOST_VIEW[fg], HOST_VIEW[bg]) >= colours.TEXT_CONTRAST


def test_every_pair_is_checked_and_both_themes_define_the_same_colours():
    assert len(LIGHT.text_pairs()) == len(DARK.text_pairs()) > 60
    assert LIGHT.names().keys() == DARK.names().keys()
    for theme in THEMES.values():
        assert set(theme.kind) == set(theme.band) == set(colours.SEGMENT_KINDS)
        assert set(theme.status) == set(colours.STREAM_STATUSES)
        assert set(theme.role) == set(colours.PRODUCT_ROLES)
        assert len(theme.series) >= 6
        assert 0 < theme.band_alpha < 128


def test_the_dark_set_is_dark_and_the_light_set_light():
    assert colours.relative_luminance(DARK.window) < 0.05 and colours.relative_luminance(DARK.base) < 0.05
    assert colours.relative_luminance(LIGHT.window) > 0.8 and LIGHT.base == "#ffffff"
    assert DARK_PALETTE["Window"] == DARK.window and DARK_PALETTE["Base"] == DARK.base


def test_the_colour_table_needs_no_qt():
    tree = ast.parse(Path(colours.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6") for name in imported)
