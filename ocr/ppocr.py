"""PP-OCRv4 (text detector + recognizer) run by ONNX Runtime, via `rapidocr_onnxruntime`.

Why this engine reads first: story text is large, stylised, coloured, rotated or small over
photos; a detector trained on scene text finds those lines where tesseract's page layout
analysis does not (README, "Which OCR engine"). The wheel of `rapidocr_onnxruntime==1.4.4`
carries its models, so it works offline.

Cost control, measured on 720×1280 screenshots (bench/ocr_engines.py):
- detection runs on the image scaled so its short side is 480 px (0.15 s instead of 0.35 s at
  full size, the same lines found); recognition reads each line from the full-size image;
- no angle classifier (stories are never upside down);
- one intra-op thread per call: the analysis pool runs one screenshot per core, and the
  sessions are created once per process and shared by its threads (ONNX Runtime's `run` is
  thread-safe), so workers scale with cores without a copy of the models each.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image

from ocr.engine import OcrLine, OcrUnavailable, sort_lines

DET_SHORT_SIDE = 480
# The recognizer reads one line at a time (`_recognise`), not six at a time padded to the
# widest of them (RapidOCR's default). Measured (2026-12-02, 167 lines of ten screenshots,
# one thread, three passes each): 118 s six at a time, 68 s one at a time. A line is padded
# to at least 320 px wide at its 48 px height (PaddleOCR's own alignment): from 160 px it was
# faster again (50 s), but small text read worse ("Cohlos No ?" for "Coblos No. 2" in a
# 12 px font read enlarged). A short line ("80%", "20j", "02", "Balas": 120 px or less at
# that height, a third of a page's lines) is padded only to 160 px: its cost is the padded
# width (26 ms at 320, 13.5 ms at 160), and on ten looked-at sets no verdict changed.
REC_MIN_WIDTH = 320
SHORT_LINE = 120
SHORT_MIN_WIDTH = 160
REC_HEIGHT = 48
FINE_SHORT_SIDE = 720
MIN_SCORE = 0.5
# A second look (`OcrEngine.read`'s `second_look`: an ASN's story body enlarged, nothing clear
# found in it yet) keeps lines down to this. A short word in a script font is read right but
# unsure there: "HEZu" (0.47) under "MENANG BERSAMA" (ours 9279 0244), "LIEIS" (0.26) of
# "LILIS" (9277 0030). Measured on 23 scored sets (2026-12-08): three true flags gained, no
# false flag, one neutral commission graphic's scraps sent to review.
SECOND_LOOK_MIN_SCORE = 0.2
# The recognizer's alphabet is Chinese + Latin: on emoji, icons and noise it sometimes emits
# CJK glyphs. No story in Indonesian or English needs them.
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3000-\u303f]")

_lock = threading.Lock()
_models: Any = None


def _load() -> Any:
    """The RapidOCR object, created once per process (model loading takes ~0.5 s)."""
    global _models
    with _lock:
        if _models is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:  # the package, or opencv's libGL, is missing
                raise OcrUnavailable(
                    "PP-OCR is not available (pip install rapidocr_onnxruntime==1.4.4; "
                    f"apt-get install libgl1 libglib2.0-0): {exc}"
                ) from exc
            _models = RapidOCR(
                intra_op_num_threads=1,
                inter_op_num_threads=1,
                use_cls=False,
                print_verbose=False,
                rec_img_shape=[3, REC_HEIGHT, REC_MIN_WIDTH],
            )
            # Detection input is sized by us (see `read`); the detector must not rescale it.
            _models.text_det.limit_type = "min"
            _models.text_det.limit_side_len = 32
            for wrapper in (_models.text_det.infer, _models.text_rec.session):
                wrapper.session = _with_arena(wrapper.session)
        return _models


def _with_arena(session: Any) -> Any:
    """The same model in a session that keeps ONNX Runtime's memory arena, which RapidOCR
    turns off. Without it every run allocates and frees its activations afresh: measured
    (2026-12-02, a story's body enlarged ×2, detected at 704×1024, one thread) 0.42 s a
    detection without the arena, 0.30 s with it. The arena keeps the largest run's memory
    for the next one (README, "Speed": resident memory measured with it). Each model is
    loaded a second time, once per process. An ONNX Runtime that no longer tells a
    session's model path keeps RapidOCR's session: slower, the same readings."""
    import onnxruntime as ort

    path = getattr(session, "_model_path", None)
    if not isinstance(path, str):
        return session
    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = True
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


class PpOcrEngine:
    """Lines with boxes from PP-OCRv4. Thread-safe; models shared per process."""

    name = "ppocr"

    def __init__(self, det_short_side: int = DET_SHORT_SIDE, min_score: float = MIN_SCORE) -> None:
        self.det_short_side = det_short_side
        self.min_score = min_score

    def read(
        self,
        image: Image.Image,
        *,
        fine: bool = False,
        known: Sequence[OcrLine] = (),
        second_look: bool = False,
        whole_width: int = 0,
    ) -> list[OcrLine]:
        """`known`: lines an earlier reading of the same picture (in this image's coordinates)
        read with confidence at a legible size; a detected line that is one of them keeps its
        text instead of being recognised again (recognition is most of the cost).
        `second_look`: see `_second_look`; `whole_width`: see `OcrEngine`."""
        models = _load()
        rgb = np.asarray(image.convert("RGB"))
        bgr = np.ascontiguousarray(rgb[:, :, ::-1])
        h, w = bgr.shape[:2]
        # Never upscale for detection: small crops are already at the size we want read.
        side = FINE_SHORT_SIDE if fine else self.det_short_side
        scale = min(1.0, side / min(h, max(w, whole_width)))
        det_w = max(32, round(w * scale / 32) * 32)
        det_h = max(32, round(h * scale / 32) * 32)
        small = np.asarray(Image.fromarray(rgb).resize((det_w, det_h), Image.Resampling.BILINEAR))[
            :, :, ::-1
        ]
        boxes, _elapsed = models.text_det(np.ascontiguousarray(small))
        if boxes is None or len(boxes) == 0:
            return []
        factor = np.array([w / det_w, h / det_h], dtype=np.float32)
        quads = [np.asarray(box, dtype=np.float32) * factor for box in boxes]
        lines = []
        unknown = []
        for quad in quads:
            same = _same_line(quad, known)
            if same is not None:
                lines.append(_line(quad, same.text, same.conf))
            else:
                unknown.append(quad)
        if unknown:
            crops = models.get_crop_img_list(bgr, unknown)
            results = _recognise(models, crops)
            seconds = _second_look(models, bgr, unknown, results) if second_look else {}
            least = min(self.min_score, SECOND_LOOK_MIN_SCORE) if second_look else self.min_score
            for i, (quad, (raw, score)) in enumerate(zip(unknown, results, strict=True)):
                text = _clean(raw)
                if float(score) < least or not text:
                    continue
                lines.append(_line(quad, text, float(score), seconds.get(i, "")))
        return sort_lines(lines)


# A line recognised less surely than this is recognised once more, from a tighter crop.
UNSURE = 0.9
TIGHTER = 0.1  # of the box's height, off its top and off its bottom


def _second_look(
    models: Any, bgr: np.ndarray, quads: list[np.ndarray], results: list[tuple[str, float]]
) -> dict[int, str]:
    """Each unsure line recognised again from its box shrunk in height: the text read where
    it differs, by the line's index. The detector's boxes are generous (its unclip margin),
    and for small text the margin is a large share of what the recognizer is given, so a
    crop a few pixels off reads otherwise: "terbukti. RUZU!" read "terbukt RUU!" (0.82) from
    the box as detected and "terbukti RUZU!" (0.92) from the tighter one. Neither is
    surely the better (measured on 25 sets, taking the surer one lost as many flags as it
    gained): the caller weighs what each says."""
    unsure = [i for i, (_raw, score) in enumerate(results) if float(score) < UNSURE]
    if not unsure:
        return {}
    tight = []
    for i in unsure:
        q = quads[i].copy()
        (x0, y0), _p1, _p2, (x3, y3) = q.tolist()
        # Along the box's own height (it may be rotated): its top edge down, its bottom up.
        step = np.array([x3 - x0, y3 - y0], dtype=np.float32) * TIGHTER
        q[[0, 1]] += step
        q[[2, 3]] -= step
        tight.append(q)
    again = _recognise(models, models.get_crop_img_list(bgr, tight))
    seconds = {}
    for i, (raw, _score) in zip(unsure, again, strict=True):
        text = _clean(raw)
        if text and text != _clean(results[i][0]):
            seconds[i] = text
    return seconds


def _recognise(models: Any, crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """Each line's text and confidence, recognised one at a time (see `REC_MIN_WIDTH`).
    RapidOCR's own call batches and pads every line to one width; its steps are used here
    with a width chosen per line."""
    rec = models.text_rec
    results = []
    for crop in crops:
        h, w = crop.shape[:2]
        ratio = w / max(1, h)
        least = SHORT_MIN_WIDTH if ratio * REC_HEIGHT <= SHORT_LINE else REC_MIN_WIDTH
        wide = max(least / REC_HEIGHT, ratio)
        batch = rec.resize_norm_img(crop, wide)[np.newaxis, :].astype(np.float32)
        preds = rec.session(batch)[0]
        results.append(
            rec.postprocess_op(preds, False, wh_ratio_list=[ratio], max_wh_ratio=wide)[0]
        )
    return results


def _same_line(quad: np.ndarray, known: Sequence[OcrLine]) -> OcrLine | None:
    """The known line this detected box is (its box mostly the same), if any."""
    left, top = float(quad[:, 0].min()), float(quad[:, 1].min())
    right, bottom = float(quad[:, 0].max()), float(quad[:, 1].max())
    area = (right - left) * (bottom - top)
    for line in known:
        w = min(right, line.right) - max(left, line.left)
        h = min(bottom, line.bottom) - max(top, line.top)
        if w <= 0 or h <= 0:
            continue
        union = area + (line.right - line.left) * (line.bottom - line.top) - w * h
        if union > 0 and w * h / union >= 0.6:
            return line
    return None


def _clean(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw)  # full-width "：" and "１" to ASCII
    return " ".join(_CJK.sub(" ", text).split())


def _line(quad: np.ndarray, text: str, score: float, second: str = "") -> OcrLine:
    xs, ys = quad[:, 0], quad[:, 1]
    (x0, y0), (x1, y1), _p2, (x3, y3) = quad.tolist()
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    height = math.hypot(x3 - x0, y3 - y0)
    return OcrLine(
        text=text,
        left=int(xs.min()),
        top=int(ys.min()),
        right=math.ceil(xs.max()),
        bottom=math.ceil(ys.max()),
        conf=round(score, 3),
        height=round(height, 1),
        angle=round(angle, 1),
        second=second,
    )
