"""Synthetic screenshot generator: an independent ground truth for Netra's OCR and rules.

Never imports the app (`ocr`, `rules`, `netra`): labels come from construction, not detection.
"""

from .dataset import CATEGORY_SHARES, Shares, World, generate_dataset, make_item, make_world
from .frames import Frame
from .render import BODY_FONTS, PHOTOS, StorySpec, render_image, render_story

__all__ = [
    "BODY_FONTS",
    "CATEGORY_SHARES",
    "PHOTOS",
    "Frame",
    "Shares",
    "StorySpec",
    "World",
    "generate_dataset",
    "make_item",
    "make_world",
    "render_image",
    "render_story",
]
