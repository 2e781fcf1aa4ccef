"""The interface's colours by meaning, in a light and a dark set, and the contrast rule they keep.

No Qt here: `livedesk.ui.theme` turns these into a QPalette and QColors, and the unit tests check every
text/background pair against WCAG 2 (4.5:1 for text, 3:1 for lines and marks on the plot background).
Paper (PDF reports and scripts) is white whatever the theme: it keeps its own colours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
GRAPHIC_CONTRAST = 3.0  # WCAG 2 AA, non-text marks (chart lines, markers)

SEGMENT_KINDS = ("opening", "gather", "retain", "pitch", "proof", "interaction", "welfare", "closing_push", "encore",
                 "wrap_up")
STREAM_STATUSES = ("planned", "scripted", "rehearsed", "live", "reviewed")
PRODUCT_ROLES = ("traffic", "profit", "image", "welfare")
TONES = ("bad", "warn", "good", "info")


@dataclass(frozen=True)
class Colours:
    """One theme's colours, as #rrggbb strings. `*_bg` / `*_fg` are pairs: that text on that background."""

    dark: bool
    # the palette's own surfaces and text (what Fusion paints): text tones are checked against all three
    window: str
    base: str
    alt_base: str
    text: str
    # text on the window or on a table's rows
    muted: str
    bad: str
    warn: str
    good: str
    info: str
    # tinted cells and panels, each with its own text colour (the palette's text is readable on them too)
    bad_bg: str
    bad_fg: str
    warn_bg: str
    warn_fg: str
    good_bg: str
    good_fg: str
    info_bg: str
    info_fg: str
    alert_bg: str  # a row that needs action now (a sold-out product still on the shelf)
    alert_fg: str
    neutral_bg: str  # a disabled call-to-action, a gap in the timeline
    neutral_fg: str
    # solid buttons ("Go live", "Hotkeys ARMED") with white text
    strong_bg: str
    strong_fg: str
    # marks: chart lines, today's date, the sparklines
    accent: str
    axis: str
    series: tuple[str, ...]
    overlay: str
    band_alpha: int  # the review charts' segment bands are these colours at this alpha over the plot
    band: dict[str, str] = field(default_factory=dict)
    # segment blocks on the script's timeline and their swatches, with block_text written on them
    kind: dict[str, str] = field(default_factory=dict)
    block_text: str = "#ffffff"
    status: dict[str, str] = field(default_factory=dict)  # stream status, as text on table rows
    role: dict[str, str] = field(default_factory=dict)  # product role, as text on table rows

    def names(self) -> dict[str, str]:
        """The single colours by name, for stylesheet templates ($bad, $warn_bg, ...)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), str)}

    def text_pairs(self) -> list[tuple[str, str, str, str]]:
        """Every (text name, text, background name, background) this set promises to keep readable."""
        surfaces = [("window", self.window), ("base", self.base), ("alt_base", self.alt_base)]
        pairs = [("text", self.text, name, bg) for name, bg in surfaces]
        for tone in ("muted", *TONES):
            pairs += [(tone, getattr(self, tone), name, bg) for name, bg in surfaces]
        for tone in (*TONES, "alert", "neutral", "strong"):
            bg_name, fg_name = f"{tone}_bg", f"{tone}_fg"
            bg = getattr(self, bg_name)
            pairs.append((fg_name, getattr(self, fg_name), bg_name, bg))
            if tone not in ("strong", "neutral"):
                pairs.append(("text", self.text, bg_name, bg))  # cells that tint only their background
                # cells that colour only their text (the pool's warnings column)
                pairs += [(fg_name, getattr(self, fg_name), name, surface) for name, surface in surfaces[1:]]
        # a conflicted stream's warning column on its tinted row; a rehearsal's overrun on the current row
        pairs += [("bad", self.bad, "bad_bg", self.bad_bg), ("bad", self.bad, "info_bg", self.info_bg)]
        for kind, bg in self.kind.items():
            pairs.append(("block_text", self.block_text, f"kind.{kind}", bg))
        row_backgrounds = [("base", self.base), ("alt_base", self.alt_base)]
        for status, fg in self.status.items():  # conflicted streams tint the whole row bad_bg
            pairs += [(f"status.{status}", fg, name, bg) for name, bg in (*row_backgrounds, ("bad_bg", self.bad_bg))]
        for role, fg in self.role.items():
            pairs += [(f"role.{role}", fg, name, bg) for name, bg in row_backgrounds]
        return pairs

    def graphic_pairs(self) -> list[tuple[str, str, str, str]]:
        """Lines and marks on the plot background (the palette's base)."""
        marks = [("accent", self.accent), ("axis", self.axis), ("overlay", self.overlay), ("bad", self.bad),
                 ("good", self.good)]
        marks += [(f"series.{i}", colour) for i, colour in enumerate(self.series)]
        return [(name, colour, "base", self.base) for name, colour in marks]


LIGHT = Colours(
    dark=False,
    window="#efefef",  # Fusion's standard palette
    base="#ffffff",
    alt_base="#f7f7f7",
    text="#000000",
    muted="#5b616b",
    bad="#b91c1c",
    warn="#92400e",
    good="#166534",
    info="#1d4ed8",
    bad_bg="#fde2e2",
    bad_fg="#991b1b",
    warn_bg="#fdf0c4",
    warn_fg="#7c2d12",
    good_bg="#dcf5e3",
    good_fg="#14532d",
    info_bg="#dde9fc",
    info_fg="#1e3a8a",
    alert_bg="#fbc5c5",
    alert_fg="#7f1d1d",
    neutral_bg="#d8dbe0",
    neutral_fg="#4b5260",
    strong_bg="#c81e1e",
    strong_fg="#ffffff",
    accent="#2563eb",
    axis="#6b7280",
    series=("#2563eb", "#16a34a", "#dc2626", "#9333ea", "#c2410c", "#0e7490"),
    overlay="#ea580c",
    band_alpha=38,
    band={
        "opening": "#3b82f6", "gather": "#06b6d4", "retain": "#14b8a6", "pitch": "#8b5cf6", "proof": "#a855f7",
        "interaction": "#f59e0b", "welfare": "#ef4444", "closing_push": "#f97316", "encore": "#ec4899",
        "wrap_up": "#6b7280",
    },
    kind={
        "opening": "#4f46e5", "gather": "#0369a1", "retain": "#0f766e", "pitch": "#1d4ed8", "proof": "#6d28d9",
        "interaction": "#047857", "welfare": "#b45309", "closing_push": "#b91c1c", "encore": "#be185d",
        "wrap_up": "#475569",
    },
    block_text="#ffffff",
    status={"planned": "#5b616b", "scripted": "#1d4ed8", "rehearsed": "#6d28d9", "live": "#b91c1c",
            "reviewed": "#066046"},
    role={"traffic": "#1d4ed8", "profit": "#047857", "image": "#6d28d9", "welfare": "#a14207"},
)

DARK = Colours(
    dark=True,
    window="#2b2b2b",
    base="#1e1e1e",
    alt_base="#262626",
    text="#e8e8e8",
    muted="#a3a8b0",
    bad="#f87171",
    warn="#fbbf24",
    good="#4ade80",
    info="#7cb4fb",
    bad_bg="#4a1c1c",
    bad_fg="#fecaca",
    warn_bg="#45330a",
    warn_fg="#fde68a",
    good_bg="#143621",
    good_fg="#bbf7d0",
    info_bg="#172a4d",
    info_fg="#bfdbfe",
    alert_bg="#6e1d1d",
    alert_fg="#fee2e2",
    neutral_bg="#3a3d42",
    neutral_fg="#b4b8bf",
    strong_bg="#b91c1c",
    strong_fg="#ffffff",
    accent="#60a5fa",
    axis="#9ca3af",
    series=("#60a5fa", "#4ade80", "#f87171", "#c084fc", "#fb923c", "#22d3ee"),
    overlay="#fb923c",
    band_alpha=50,
    band={
        "opening": "#3b82f6", "gather": "#06b6d4", "retain": "#14b8a6", "pitch": "#8b5cf6", "proof": "#a855f7",
        "interaction": "#f59e0b", "welfare": "#ef4444", "closing_push": "#f97316", "encore": "#ec4899",
        "wrap_up": "#6b7280",
    },
    kind={
        "opening": "#4f46e5", "gather": "#0369a1", "retain": "#0f766e", "pitch": "#1d4ed8", "proof": "#6d28d9",
        "interaction": "#047857", "welfare": "#b45309", "closing_push": "#b91c1c", "encore": "#be185d",
        "wrap_up": "#475569",
    },
    block_text="#ffffff",
    status={"planned": "#a3a8b0", "scripted": "#93c5fd", "rehearsed": "#c4b5fd", "live": "#fca5a5",
            "reviewed": "#6ee7b7"},
    role={"traffic": "#93c5fd", "profit": "#6ee7b7", "image": "#c4b5fd", "welfare": "#fcd34d"},
)

# The dark QPalette (Fusion paints with it). Roles not listed come from the semantic set above.
DARK_PALETTE = {
    "Window": DARK.window,
    "WindowText": DARK.text,
    "Base": DARK.base,
    "AlternateBase": DARK.alt_base,
    "Text": DARK.text,
    "Button": "#353535",
    "ButtonText": DARK.text,
    "BrightText": "#ff6b6b",
    "Light": "#4a4a4a",
    "Midlight": "#3c3c3c",
    "Mid": "#5a5a5a",
    "Dark": "#181818",
    "Shadow": "#0a0a0a",
    "Highlight": "#2f6db5",
    "HighlightedText": "#ffffff",
    "Link": "#7cb4fb",
    "LinkVisited": "#c4a5fb",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": DARK.text,
    "PlaceholderText": "#8e9299",
    "Accent": "#2f6db5",
}
DARK_DISABLED = {
    "WindowText": "#7d7d7d",
    "Text": "#7d7d7d",
    "ButtonText": "#7d7d7d",
    "Base": "#262626",
    "Button": "#2e2e2e",
    "Highlight": "#4a4a4a",
    "HighlightedText": "#a0a0a0",
    "PlaceholderText": "#5f5f5f",
    "BrightText": "#a05050",
    "Link": "#5a7898",
    "LinkVisited": "#7a6898",
    "Light": "#2b2b2b",
    "Accent": "#4a4a4a",
}
# Text pairs of the dark palette itself (selected rows, tooltips, placeholders, links).
DARK_PALETTE_PAIRS = [
    ("HighlightedText", "Highlight"),
    ("ToolTipText", "ToolTipBase"),
    ("ButtonText", "Button"),
    ("PlaceholderText", "Base"),
    ("Link", "Base"),
    ("LinkVisited", "Base"),
    ("WindowText", "Window"),
]

# The host's prompter is black in either theme (a studio screen, often mirrored through glass).
HOST_VIEW = {
    "background": "#000000",
    "title": "#e5e7eb",
    "lines": "#f9fafb",
    "next": "#9ca3af",
    "normal": "#f9fafb",
    "warning": "#fbbf24",
    "overtime": "#f87171",
    "held": "#60a5fa",
    "message_bg": "#c81e1e",
    "message_fg": "#ffffff",
}
HOST_VIEW_PAIRS = [(name, "background") for name in ("title", "lines", "next", "normal", "warning", "overtime", "held")]
HOST_VIEW_PAIRS.append(("message_fg", "message_bg"))


def colours_for(dark: bool) -> Colours:
    return DARK if dark else LIGHT


# --- WCAG 2 contrast ---------------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two opaque colours, 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
