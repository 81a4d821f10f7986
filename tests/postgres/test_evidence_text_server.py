"""The evidence text on a server: the OCR worker runs as the login of the window that starts it, so every person
may write the text tables (migration 0009); a 填报人's scan, read by their own worker, is found by a 审核人."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.evidence_place import place
from egov_desk.core.evidence_server import keep_evidence
from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.worker import work_queue
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import page_image
from tests.postgres.test_row_security import as_login, logins  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


def test_a_fillers_worker_reads_their_scan_and_a_reviewer_finds_it(
    server_url: str,
    logins: dict[str, str],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    keep_evidence(server_url, place("database"))
    scan = page_image(tmp_path / "培训签到表.png", ["网络安全培训签到表", "办公室全体人员"])
    with Workspace.connect(as_login(server_url, logins["filler"])) as filler:
        assessment = filler.default_assessment().id
        assert not filler.evidence.attach(assessment, "019", [scan]).failed
        assert filler.evidence_text.progress().pending == 1
        worked = work_queue(filler, RapidEngine())
        assert (worked.done, worked.failed) == (1, 0)
    with Workspace.connect(as_login(server_url, logins["reviewer"])) as reviewer:
        [hit] = reviewer.evidence_text.search("安全培训", assessment)
        assert (hit.code, hit.file_name, hit.page, hit.source) == ("019", "培训签到表.png", 1, "ocr")
        assert reviewer.evidence_text.search("全", assessment)[0].boxes  # one character: ILIKE on the server
