"""The office's record of what it sent: each department's package numbers with the time each was written through;
a package whose export failed keeps its number, with no time."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.errors import EgovError
from egov_desk.core.packages.export import export_department_package
from egov_desk.core.packages.identity import packages_sent


def test_each_package_written_is_recorded_with_its_time(tmp_path: Path) -> None:
    with create_demo_workspace(tmp_path / "office") as office:
        assessment = office.default_assessment().id
        assert packages_sent(office) == {}
        first = export_department_package(office, assessment, "办公室", tmp_path / "1.egovpkg")
        export_department_package(office, assessment, "办公室", tmp_path / "2.egovpkg")
        export_department_package(office, assessment, "信息中心", tmp_path / "3.egovpkg")
        sent = packages_sent(office)
        assert [number for number, _ in sent["办公室"]] == [1, 2]
        assert [number for number, _ in sent["信息中心"]] == [1]
        assert all(when for _, when in sent["办公室"])
        assert first.sequence == 1


def test_a_package_not_written_keeps_its_number_without_a_time(tmp_path: Path) -> None:
    with create_demo_workspace(tmp_path / "office") as office:
        assessment = office.default_assessment().id
        export_department_package(office, assessment, "办公室", tmp_path / "1.egovpkg")
        for blob in (office.folder / "vault").rglob("*"):  # stored files damaged: the next export fails
            if blob.is_file():
                blob.write_bytes(b"damaged")
        with pytest.raises(EgovError):
            export_department_package(office, assessment, "办公室", tmp_path / "2.egovpkg")
        sent = packages_sent(office)["办公室"]
        assert [number for number, _ in sent] == [1, 2]
        assert sent[0][1]
        assert sent[1][1] == ""
