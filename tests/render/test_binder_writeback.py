"""The binder's file handed to the disk while it is written: what arrives in many small pieces is the file, whole."""

from __future__ import annotations

import os
from pathlib import Path

from egov_desk.render.binder.writeback import STARTED_EVERY, written_back


def test_many_small_pieces_past_several_writebacks_make_the_file_whole(tmp_path: Path) -> None:
    pieces = [os.urandom(size) for size in (1, 7, 300, 65_537, 3) * 200] + [os.urandom(STARTED_EVERY * 2 + 5)]
    pieces += [os.urandom(size) for size in (11, 4096, 1) * 500]
    path = tmp_path / "binder.pdf.part"
    path.write_bytes(b"an earlier run's longer file" * 1_000_000)
    with written_back(path) as file:
        for piece in pieces:
            file.write(piece)
    assert path.read_bytes() == b"".join(pieces)
