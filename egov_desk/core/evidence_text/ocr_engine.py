"""Offline OCR with RapidOCR (``rapidocr_onnxruntime``): the PP-OCRv4 Chinese detection and recognition models
ship inside its wheel and are loaded from there; nothing is ever downloaded (its config names only the wheel's
``models/`` files, and it has no download code).

RapidOCR imports OpenCV, whose wheel carries its own Qt and points QT_QPA_PLATFORM_PLUGIN_PATH at it: this module
is imported only inside the OCR worker process (``egov-desk-cli ocr``), never by the window, and it imports the
engine lazily, on the first page."""

from __future__ import annotations

from importlib import metadata
from typing import Any

from egov_desk.core.evidence_text.normalize import clean
from egov_desk.core.evidence_text.types import Box

MAX_SIDE = 4000  # pixels: a bigger scan is scaled down first (RapidOCR reads at most 2000 of them anyway)
MIN_SCORE = 0.5


def engine_version() -> str:
    try:
        return f"rapidocr-onnxruntime {metadata.version('rapidocr-onnxruntime')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - a frozen app without its metadata
        return "rapidocr-onnxruntime"


class RapidEngine:
    """Reads the lines of a page image; made once per worker (loading the models takes about half a second)."""

    def __init__(self) -> None:
        self._ocr: Any = None

    def _engine(self) -> Any:
        if self._ocr is None:
            from rapidocr_onnxruntime import RapidOCR

            self._ocr = RapidOCR(print_verbose=False)
        return self._ocr

    def read(self, image: Any) -> list[tuple[str, Box]]:
        """The lines on a PIL image, top to bottom, each with its box as fractions of the image."""
        import numpy

        picture = image if image.mode == "RGB" else image.convert("RGB")
        if max(picture.size) > MAX_SIDE:
            scale = MAX_SIDE / max(picture.size)
            picture = picture.resize((max(1, int(picture.width * scale)), max(1, int(picture.height * scale))))
        width, height = picture.size
        pixels = numpy.asarray(picture)[:, :, ::-1]  # RGB → the BGR OpenCV reads
        found, _elapsed = self._engine()(pixels)
        lines: list[tuple[str, Box]] = []
        for points, text, score in found or ():
            words = clean(str(text))
            if not words or float(score) < MIN_SCORE:
                continue
            xs = [float(p[0]) for p in points]
            ys = [float(p[1]) for p in points]
            box = (
                _fraction(min(xs), width),
                _fraction(min(ys), height),
                _fraction(max(xs), width),
                _fraction(max(ys), height),
            )
            lines.append((words, box))
        lines.sort(key=lambda line: (round(line[1][1], 2), line[1][0]))
        return lines


def _fraction(value: float, whole: int) -> float:
    return round(min(1.0, max(0.0, value / whole)), 4) if whole else 0.0
