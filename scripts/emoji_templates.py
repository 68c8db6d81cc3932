"""Render the emoji templates `ocr/emoji.py` compares against, from Noto Color Emoji (the
emoji font of Android and of most Linux systems). Run once; the PNGs are committed, so the
product needs no emoji font.

    .venv/bin/python scripts/emoji_templates.py [/path/to/NotoColorEmoji.ttf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ocr.emoji_likeness import TEMPLATE_SIDE
from ocr.emoji_names import TEMPLATES

FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
OUT = Path(__file__).resolve().parent.parent / "ocr" / "data" / "emoji"


def render(ch: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    canvas = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((10, 10), ch, font=font, embedded_color=True)
    box = canvas.getbbox()
    assert box is not None, ch
    glyph = canvas.crop(box)
    side = max(glyph.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(glyph, ((side - glyph.width) // 2, (side - glyph.height) // 2))
    return square.resize((TEMPLATE_SIDE, TEMPLATE_SIDE), Image.Resampling.LANCZOS)


def main(argv: list[str]) -> None:
    font = ImageFont.truetype(argv[0] if argv else FONT, 109)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, ch in TEMPLATES.items():
        render(ch, font).save(OUT / f"{name}.png")
    print(f"{len(TEMPLATES)} templates in {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
