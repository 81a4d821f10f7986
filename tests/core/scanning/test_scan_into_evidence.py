"""Scanned pages become one lossless PDF on the item or requirement: the page size is the scanned size at the
scan's resolution, a turned page is turned in its pixels, the name says item, requirement and time and never
takes another file's name, and the pages' folder goes once the PDF is attached."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from egov_desk.core.messages import say
from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.pdf import write_pdf
from egov_desk.core.scanning.refusals import ScanRefused
from egov_desk.core.scanning.saving import file_name, new_pages_folder, save_scan, scan_file_name
from egov_desk.core.scanning.types import Scanner, ScanSettings
from egov_desk.core.workspace import Workspace

WHEN = datetime(2026, 11, 29, 14, 5)


def test_two_hundred_dpi_pages_make_pdf_pages_of_the_scanned_size_in_points(scanner: Scanner, tmp_path: Path) -> None:
    scanners = Scanners([scanner])
    pages = list(scanners.acquire(scanners.device(None), ScanSettings("feeder", pages=2), tmp_path / "p"))
    pdf = pypdf.PdfReader(write_pdf(pages, tmp_path / "scan.pdf"))
    assert len(pdf.pages) == 2
    for page, scanned in zip(pdf.pages, pages, strict=True):
        assert float(page.mediabox.width) == pytest.approx(scanned.width / 200 * 72, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(scanned.height / 200 * 72, abs=0.01)
        assert float(page.mediabox.width) == pytest.approx(595, abs=1)  # A4 stays A4
        assert float(page.mediabox.height) == pytest.approx(842, abs=1)


def test_the_pixels_go_in_unchanged_and_a_turned_page_is_turned_in_its_pixels(tmp_path: Path) -> None:
    from egov_desk.core.scanning.types import ScannedPage

    source = tmp_path / "page.png"
    image = Image.new("L", (100, 60), 255)
    image.putpixel((0, 0), 0)  # a black dot top left
    image.save(source, dpi=(100, 100))
    turned = ScannedPage(source, 100, 100, 60).turned(90)
    reader = pypdf.PdfReader(write_pdf([turned], tmp_path / "turned.pdf"))
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (pytest.approx(43.2), pytest.approx(72))
    assert page.get("/Rotate", 0) == 0  # upright in every reader: the pixels turned, not a /Rotate entry
    (embedded,) = page.images
    pixels = embedded.image
    assert pixels is not None
    assert pixels.size == (60, 100)
    assert pixels.getpixel((59, 0)) == 0  # a quarter turn right: the dot is now top right
    assert sorted({v for _, v in pixels.getcolors() or []}) == [0, 255]  # no grey: nothing re-encoded lossily
    assert not list(tmp_path.glob("page-r*.png"))  # the turned copy was cleared away


def test_names_say_item_requirement_and_time_and_never_take_a_name_twice() -> None:
    assert file_name("021", None, WHEN) == "021 扫描 2026-11-29 14.05.pdf"
    assert (
        file_name("021", "参加有关业务培训的文件通知等佐证材料", WHEN)
        == "021 参加有关业务培训的文件通知 扫描 2026-11-29 14.05.pdf"  # cut at a word, no “…” in a name
    )
    minutes = file_name("021", "Minutes of the meetings held in 2019", WHEN)
    assert minutes == "021 Minutes of the 扫描 2026-11-29 14.05.pdf"
    assert file_name("021", "a/b: c?", WHEN) == "021 a b c 扫描 2026-11-29 14.05.pdf"
    assert file_name("021", None, WHEN, {"021 扫描 2026-11-29 14.05.pdf"}) == "021 扫描 2026-11-29 14.05 (2).pdf"


def test_a_scan_lands_on_a_requirement_as_one_pdf_and_its_pages_are_cleared(demo: Workspace, test_device: Path) -> None:
    assessment = demo.default_assessment().id
    requirement = demo.evidence.item_evidence(assessment, "003").requirements[0]
    scanners = Scanners()
    folder = new_pages_folder()
    pages = list(scanners.acquire(scanners.device("test:0"), ScanSettings("feeder", pages=3), folder))
    saved = save_scan(demo.evidence, assessment, "003", pages, requirement.id, WHEN)
    assert saved.name == "003 参加有关业务培训的文件通知 扫描 2026-11-29 14.05.pdf"
    assert saved.pages == 3
    (state,) = demo.evidence.item_evidence(assessment, "003").requirements
    (file,) = [f for f in state.files if f.name == saved.name]
    assert file.kind == "pdf"
    assert len(pypdf.PdfReader(demo.evidence.vault.path_of(file.sha256)).pages) == 3
    assert saved.report.links  # unlinking them undoes the attach, as for any attach
    assert not folder.exists()
    again = save_scan(
        demo.evidence,
        assessment,
        "003",
        list(scanners.acquire(scanners.device(None), ScanSettings(), new_pages_folder())),
        requirement.id,
        WHEN,
    )
    assert again.name.endswith("14.05 (2).pdf")  # never overwrites the first
    pages = list(scanners.acquire(scanners.device(None), ScanSettings(), new_pages_folder()))
    named = save_scan(demo.evidence, assessment, "003", pages, requirement.id, WHEN, name="2019 年度测评报告")
    assert named.name == "2019 年度测评报告.pdf"


def test_no_pages_to_save_is_refused_and_nothing_attached(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    before = len(demo.evidence.item_evidence(assessment, "003").files())
    with pytest.raises(ScanRefused):
        save_scan(demo.evidence, assessment, "003", [], None, WHEN)
    assert len(demo.evidence.item_evidence(assessment, "003").files()) == before


def test_a_name_typed_for_the_scan_is_its_file_name_with_pdf_added_and_unsafe_characters_refused() -> None:
    assert scan_file_name("2019 年度网络安全等级保护测评报告") == "2019 年度网络安全等级保护测评报告.pdf"
    assert scan_file_name(" 测评报告.PDF ") == "测评报告.PDF"
    assert scan_file_name("测评报告", {"测评报告.pdf"}) == "测评报告 (2).pdf"
    with pytest.raises(ScanRefused) as refused:
        scan_file_name("报告 2019/2020: 终稿?")
    assert refused.value.kind == "bad_name"
    assert "/ : ?" in say(refused.value, "zh_CN")
    assert "/ : ?" in say(refused.value, "en")
    with pytest.raises(ScanRefused) as empty:
        scan_file_name("  ")
    assert empty.value.kind == "no_name"
