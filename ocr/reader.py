"""Reading a story screenshot: the header (who posted, when) apart from the body.

The header is small UI text at the top; the body is large stylised text anywhere below.
They need different preprocessing, so they are read separately:
- header: the top band, upscaled ×2, as a near-white mask (header text is white on every
  platform and theme; over a pale background, the brightness above the local median
  instead), read line by line; stretched grey, brighter-than-surroundings and a name-only
  strip follow, one at a time, while the poster is not identified and the content backs
  someone (see `netra.analysis`);
- body (with the footer, which tells Instagram from WhatsApp): the grey image at half size,
  a near-white mask (as is, and without shapes that cannot be glyphs), a mask of pixels
  brighter than their surroundings (shadowed text on photos), masks of vivid text hues
  (cyan, yellow, lime…), of one flat fill colour and of the text cut out of its boxes, each
  read by its own tesseract run; their texts are joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps

from ocr import preprocess as pp
from ocr.engine import OcrEngine, OcrLine

HEADER_SCALE = 2.0


@dataclass(frozen=True, slots=True)
class BodyText:
    text: str
    variants: tuple[str, ...] = field(default=())


HEADER_VARIANTS = ("white", "grey", "tophat", "strip", "strip-faint")
# Where the poster's name sits in both apps' headers (fractions of width and height): right of
# the avatar, below the status bar and progress segments.
NAME_STRIP = (0.10, 0.045, 0.80, 0.11)


def read_header(image: Image.Image, engine: OcrEngine, variant: str = "white") -> list[OcrLine]:
    """Lines of the header band, top to bottom (coordinates in the upscaled band).

    Variants, cheapest and most often right first (the analysis stops at the first that
    identifies the poster): "white" — near-white pixels (header text is white everywhere),
    or over a pale background the brightness above the local median;
    "grey" — contrast-stretched grey, for white text over pale backgrounds; "tophat" — pixels
    much brighter than their surroundings, for white text over bright, busy photos; "strip"
    — only the name line, strictly white, enlarged, for white names over pale photos;
    "strip-faint" — the name line as its contrast to the local median, for white names over
    a white cup or sky (measured: it reads names no other variant does).
    """
    if variant in ("strip", "strip-faint"):
        # Only the name line(s), enlarged ×3: for white names over pale, busy photos, where
        # the band-wide variants drown in clutter. "strip": a strict white threshold;
        # "strip-faint": the brightness above the local median, read as one line.
        left, top, right, bottom = NAME_STRIP
        w, h = image.size
        strip = image.crop((round(w * left), round(h * top), round(w * right), round(h * bottom)))
        rgb = pp.as_array(strip)
        if variant == "strip-faint":
            return engine.lines(pp.upscale(pp.faint_bright_text(rgb, gain=6), 3.0), psm=7)
        mask = pp.white_text_mask(rgb, min_level=235, max_spread=40)
        return engine.lines(pp.upscale(pp.to_image(mask), 3.0), psm=6)
    band = pp.HEADER.crop(image)
    rgb = pp.as_array(band)
    if variant == "grey":
        prepared = ImageOps.autocontrast(pp.grey(rgb), cutoff=3)
    elif variant == "tophat":
        prepared = pp.to_image(pp.brighter_than_surroundings(rgb))
    else:
        mask = pp.white_text_mask(rgb, min_level=170, max_spread=90)
        # Over a pale background the mask is all background: read the faint contrast instead.
        prepared = pp.faint_bright_text(rgb) if pp.is_pale(mask) else pp.to_image(mask)
    return engine.lines(pp.upscale(prepared, HEADER_SCALE), psm=6)


def body_psm(variant: str) -> int:
    """Page segmentation per variant: sparse text (11) for the half-size grey image, where
    large isolated words sit far apart; a uniform block (6) for the masks."""
    return 11 if variant == "grey-half" else 6


def body_variants(image: Image.Image, max_colours: int = 1) -> tuple[list[Image.Image], list[str]]:
    band = pp.BODY.crop(image)
    rgb = pp.as_array(band)
    # The plain grey image at half size: tesseract binarises it itself (dark or light text on
    # flat colour), and the smaller size catches very large glyphs (a big "02"). Measured with
    # bench/ocr_variants.py, the full-size grey image added little beside the others.
    grey_half = pp.upscale(pp.grey(rgb), 0.5)
    white = pp.white_text_mask(rgb)
    images = [
        grey_half,
        pp.to_image(white),
        pp.to_image(pp.brighter_than_mean(rgb)),
    ]
    names = ["grey-half", "white", "bright"]
    # The white mask again without photo clutter (sky, shirts, highlights): tesseract finds
    # lines in it that the cluttered mask hides (+1.0 point of words on the held-out set).
    images.append(pp.to_image(pp.glyph_components(white)))
    names.append("white-glyphs")
    for hue, mask in pp.vivid_text_masks(rgb):
        images.append(pp.to_image(mask))
        names.append(f"vivid{hue}")
    for colour, share in pp.fill_colours(rgb, limit=max_colours):
        mask = pp.colour_mask(rgb, colour)
        images.append(pp.to_image(mask))
        names.append(f"fill{tuple(int(c) for c in colour)}:{share:.2f}")
        boxed = pp.text_in_boxes(mask)
        if boxed is not None:
            # Tesseract reads nothing of light text inside dark boxes; the holes alone it reads.
            images.append(pp.to_image(boxed))
            names.append(f"boxed{tuple(int(c) for c in colour)}")
    return images, names


def read_body(image: Image.Image, engine: OcrEngine, max_colours: int = 1) -> BodyText:
    """Body and footer text from every variant, one tesseract run each.

    Stacking the variants into one image to pay tesseract's start-up once was measured and
    rejected: page-level binarisation and layout analysis over the mixed stack lost most of
    the text that each variant alone reads (bench/ocr_variants.py).
    """
    images, names = body_variants(image, max_colours)
    texts = [engine.text(im, psm=body_psm(name)) for im, name in zip(images, names, strict=True)]
    return BodyText(text="\n".join(texts), variants=tuple(names))
