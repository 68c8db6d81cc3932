"""Bad input gets a clear, readable refusal; good input is normalised to 1280 px."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from ocr.image_input import ImageRejected, load_screenshot


def _jpeg(size: tuple[int, int] = (720, 1280)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def test_telegram_sized_jpeg_is_accepted_unchanged() -> None:
    shot = load_screenshot(_jpeg())
    assert shot.image.size == (720, 1280)
    assert shot.format == "JPEG"


def test_original_file_is_scaled_to_working_size() -> None:
    shot = load_screenshot(_jpeg((1080, 2400)))
    assert max(shot.image.size) == 1280
    assert shot.original_size == (1080, 2400)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"", "kosong"),
        (b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF", "PDF"),
        (b"hello, this is a text file, not a picture", "bukan gambar"),
    ],
)
def test_non_images_are_refused_with_a_reason(data: bytes, phrase: str) -> None:
    with pytest.raises(ImageRejected, match=phrase):
        load_screenshot(data)


def test_truncated_jpeg_is_refused() -> None:
    data = _jpeg()
    with pytest.raises(ImageRejected, match="rusak"):
        load_screenshot(data[: len(data) // 3])


def test_decompression_bomb_is_refused_without_decoding() -> None:
    buf = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buf, "PNG")  # tiny file, 400 megapixels
    assert len(buf.getvalue()) < 2_000_000
    with pytest.raises(ImageRejected, match="terlalu besar"):
        load_screenshot(buf.getvalue())


def test_animated_gif_is_refused() -> None:
    frames = [Image.new("RGB", (200, 300), c) for c in ((255, 0, 0), (0, 255, 0))]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    with pytest.raises(ImageRejected, match="animasi"):
        load_screenshot(buf.getvalue())


def test_huge_file_is_refused_unread() -> None:
    with pytest.raises(ImageRejected, match="terlalu besar"):
        load_screenshot(b"\xff\xd8" + b"0" * (21 * 1024 * 1024))
