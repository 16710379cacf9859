"""QR codes for ID cards: encode once, draw as one filled PDF path.

Encoding uses zxing-cpp (C++, ~0.3 ms a code with full mask selection; pure-Python
encoders took 1.3–8 ms, which alone would eat most of the 5 s budget for 1,100 cards).
The same library decodes scanned images on the verification page.

Drawing each dark module as its own rectangle made 1,100 cards take 26 s; here each
row's runs of dark modules become one rectangle, written in module units (short integer
operators) into a single path that is filled once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_DARK_RUN = re.compile(rb"\x01+")

Matrix = Sequence[bytes]  # one bytes object per row, 1 = dark module


def qr_matrix(payload: str) -> tuple[bytes, ...]:
    """The module matrix (1 = dark) without the quiet zone, error correction level M."""
    import zxingcpp

    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    view = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    size = view.shape[0]
    pixels = view.tobytes().translate(_DARK)  # image: 0 = black
    return tuple(pixels[r * size:(r + 1) * size] for r in range(size))


_DARK = bytes([1] + [0] * 255)


def dark_runs(matrix: Matrix) -> list[tuple[int, int, int]]:
    """(row, first column, length) for every horizontal run of dark modules."""
    return [(r, m.start(), m.end() - m.start()) for r, row in enumerate(matrix) for m in _DARK_RUN.finditer(row)]


def draw_qr(canvas, matrix: Matrix, x: float, y: float, size: float) -> None:  # noqa: ANN001
    """Draw the code into the square with lower-left corner (x, y), `size` points wide."""
    module = size / len(matrix)
    ops = " ".join(f"{c} {r} {n} 1 re" for r, c, n in dark_runs(matrix))
    canvas.saveState()
    canvas.transform(module, 0, 0, -module, x, y + size)  # module units, rows downwards
    canvas.addLiteral(f"{ops} f")
    canvas.restoreState()


def decode_qr_image(data: bytes) -> list[str]:
    """The texts of every QR code found in an image file's bytes (photo or scan)."""
    import io

    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            found = zxingcpp.read_barcodes(img.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    except (UnidentifiedImageError, OSError, ValueError):
        return []
    return [code.text for code in found if code.valid]
