"""What a story screen shows, handed from the scene planner to the app renderers."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass
class StorySpec:
    """One story as the viewer app will draw it."""

    platform: str  # whatsapp | instagram
    poster: str  # contact name, phone or handle, before the app cuts it
    age: str  # "Hari ini 14.05", "2 j"
    caption: str = ""
    graphic: Image.Image | None = None
    graphic_texts: list[str] = field(default_factory=list)
    background: str = "auto"  # wa_color, gradient, photo:<kind>, solid
    text_family: str | None = None
    text_effect: str | None = None
    tiny: bool = False
    angle: float = 0.0
    pale_header: bool = False
    music: str | None = None
    poster_keep: int = -1  # leading characters the app must not cut (-1: all, 0: any)
    extras: list[str] = field(default_factory=list)  # small Instagram stickers: @mention, 📍 place


@dataclass
class Screen:
    """The rendered screen and where its parts are."""

    image: Image.Image
    poster_shown: str
    poster_box: tuple[int, int, int, int]  # x0, y0, x1, y1 of the poster line
    texts: list[str]  # every string drawn, top to bottom
    content_texts: list[str]
    noise: list[str] = field(default_factory=list)
