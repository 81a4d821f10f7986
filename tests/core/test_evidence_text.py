"""The text inside the evidence: attached files are read (their own text, or offline OCR of scans and images), then
found by a word on them — on the right page, with the box of the line it stands on — and checked against the
assessment (a date outside its year, another unit's name). Real files, made here; the real OCR models."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.types import TextProgress
from egov_desk.core.evidence_text.worker import Step, work_queue
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import docx, line_top, ofd, outlined_pdf, page_image, scanned_pdf, text_pdf

NOTICE = ["关于报送政务信息的通知", "各科室：请于月底前报送材料。", "联系人张三"]


@pytest.fixture(scope="module")
def ocr() -> RapidEngine:
    return RapidEngine()


def attach(workspace: Workspace, code: str, *paths: Path) -> int:
    assessment = workspace.default_assessment().id
    report = workspace.evidence.attach(assessment, code, list(paths))
    assert not report.failed
    return assessment


def test_a_chinese_scan_is_read_offline_and_found_on_its_page_with_the_line_box(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = attach(workspace, "001", page_image(tmp_path / "通知.png", NOTICE))
    assert workspace.evidence_text.progress() == TextProgress(done=0, failed=0, pending=1)
    assert workspace.evidence_text.search("政务信息", assessment) == []  # not read yet

    def no_network(*_args: object, **_kwargs: object) -> socket.socket:
        raise OSError("the network is unreachable in this test")

    monkeypatch.setattr(socket, "socket", no_network)  # the models ship in the wheel: nothing may be fetched
    steps: list[Step] = []
    worked = work_queue(workspace, RapidEngine(), steps.append)
    monkeypatch.undo()

    assert (worked.done, worked.failed) == (1, 0)
    assert steps[0] == Step(0, 1, "通知.png", 1, 1)
    assert workspace.evidence_text.progress() == TextProgress(done=1, failed=0, pending=0)
    [hit] = workspace.evidence_text.search("政务信息", assessment)
    assert (hit.code, hit.file_name, hit.page, hit.kind, hit.source) == ("001", "通知.png", 1, "png", "ocr")
    assert hit.snippet[hit.match[0] : hit.match[1]] == "政务信息"
    [box] = hit.boxes
    x0, y0, x1, y1 = box
    assert 0 < x0 < x1 <= 1
    assert 0 < y0 < y1 <= 1
    assert abs(y0 - line_top(0)) < 0.05  # the first line's box, where it was drawn
    page = workspace.evidence_text.page_text(hit.sha256, 1)
    assert page is not None
    assert page.source == "ocr"
    assert "报送材料" in page.text
    assert page.lines[0][0] == "关于报送政务信息的通知"


def test_a_scanned_pdf_is_read_page_by_page_and_a_word_of_page_two_is_found_there(
    workspace: Workspace, tmp_path: Path, ocr: RapidEngine
) -> None:
    first = page_image(tmp_path / "1.png", ["第一页：年度工作计划"])
    second = page_image(tmp_path / "2.png", ["第二页：网站安全检查记录"])
    assessment = attach(workspace, "002", scanned_pdf(tmp_path / "扫描件.pdf", [first, second]))
    work_queue(workspace, ocr)

    [hit] = workspace.evidence_text.search("安全检查", assessment)
    assert (hit.file_name, hit.page, hit.source) == ("扫描件.pdf", 2, "ocr")
    assert hit.boxes
    assert [h.page for h in workspace.evidence_text.search("工作计划", assessment)] == [1]


def test_a_born_digital_pdf_and_a_docx_are_found_by_their_own_text_without_boxes(
    workspace: Workspace, tmp_path: Path, ocr: RapidEngine, qapp: object
) -> None:
    pdf = text_pdf(tmp_path / "方案.pdf", [["政务公开实施方案"], ["第二部分：信息安全保障措施"]])
    word = docx(tmp_path / "总结.docx", ["年度电子政务工作总结", "完成了门户网站改版。"])
    assessment = attach(workspace, "003", pdf, word)
    work_queue(workspace, ocr)

    [in_pdf] = workspace.evidence_text.search("信息安全保障", assessment)
    assert (in_pdf.file_name, in_pdf.page, in_pdf.source, in_pdf.boxes) == ("方案.pdf", 2, "pdf", ())
    [in_docx] = workspace.evidence_text.search("门户网站", assessment)
    assert (in_docx.file_name, in_docx.page, in_docx.source) == ("总结.docx", 1, "docx")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm renders a page without text or image")
def test_a_pdf_page_of_outlined_words_is_rendered_and_read(workspace: Workspace, tmp_path: Path, qapp: object) -> None:
    assessment = attach(workspace, "003", outlined_pdf(tmp_path / "海报.pdf", ["数字政府建设宣传周"]))
    work_queue(workspace, RapidEngine())

    [hit] = workspace.evidence_text.search("宣传周", assessment)
    assert (hit.file_name, hit.page, hit.source) == ("海报.pdf", 1, "ocr")
    assert hit.boxes


def test_an_ofd_is_read_page_by_page(workspace: Workspace, tmp_path: Path) -> None:
    assessment = attach(workspace, "003", ofd(tmp_path / "公文.ofd", ["关于报送材料的函", "附件：网站普查表"]))
    work_queue(workspace, RapidEngine())

    [hit] = workspace.evidence_text.search("网站普查", assessment)
    assert (hit.file_name, hit.page, hit.source, hit.boxes) == ("公文.ofd", 2, "ofd", ())


def test_one_and_two_character_words_are_found_too(workspace: Workspace, tmp_path: Path, qapp: object) -> None:
    pdf = text_pdf(tmp_path / "a.pdf", [["网站备案"], ["数据共享"]])
    assessment = attach(workspace, "004", pdf)
    work_queue(workspace, RapidEngine())

    assert [h.page for h in workspace.evidence_text.search("网站", assessment)] == [1]
    assert [h.page for h in workspace.evidence_text.search("享", assessment)] == [2]
    assert [h.page for h in workspace.evidence_text.search("数据 享", assessment)] == [2]  # every word, any length
    assert workspace.evidence_text.search("网站 享", assessment) == []


def test_a_file_attached_to_two_items_is_a_hit_under_each(workspace: Workspace, tmp_path: Path, qapp: object) -> None:
    pdf = text_pdf(tmp_path / "共用.pdf", [["年度考核结果通报"]])
    assessment = attach(workspace, "001", pdf)
    attach(workspace, "005", pdf)
    work_queue(workspace, RapidEngine())

    hits = workspace.evidence_text.search("考核结果", assessment)
    assert sorted(h.code for h in hits) == ["001", "005"]
    assert {h.page for h in hits} == {1}


def test_a_broken_file_fails_alone_with_its_reason_and_the_queue_goes_on(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a PDF body\n%%EOF")
    good = text_pdf(tmp_path / "好文件.pdf", [["绩效考评自查报告"]])
    assessment = attach(workspace, "006", broken, good)
    worked = work_queue(workspace, RapidEngine())

    assert (worked.done, worked.failed) == (1, 1)
    assert workspace.evidence_text.progress() == TextProgress(done=1, failed=1, pending=0)
    [(name, reason)] = workspace.evidence_text.failures()
    assert name == "坏文件.pdf"
    assert "无法读取" in reason or "cannot be read" in reason
    assert [h.file_name for h in workspace.evidence_text.search("自查报告", assessment)] == ["好文件.pdf"]


def test_the_text_flags_a_document_dated_outside_the_year_and_another_units_letterhead(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    info = workspace.default_assessment()
    assert info.year == 2019
    other = text_pdf(
        tmp_path / "外单位.pdf",
        [
            [
                "某某县人民政府文件",
                "关于2018年工作的总结",
                "依据2012年3月1日施行的条例开展工作。",
                "某某县人民政府",
                "2017年12月5日",
            ]
        ],
    )
    own = text_pdf(tmp_path / "本单位.pdf", [[f"{info.unit}文件", "二〇一九年十二月五日"]])
    assessment = attach(workspace, "007", other, own)
    work_queue(workspace, RapidEngine())

    found = workspace.evidence_text.findings(assessment)
    said = sorted((f.file_name, f.kind, f.found) for f in found)
    assert said == [
        ("外单位.pdf", "date_outside_year", "2017年12月5日"),
        ("外单位.pdf", "other_unit", "某某县人民政府"),
    ]  # the cited 2012 law and the year named in a sentence are not the document's date; the unit's own is fine
    unit = next(f for f in found if f.kind == "other_unit")
    assert unit.said() == "可能是其他单位的材料：某某县人民政府（外单位.pdf 第 1 页）"
    assert unit.code == "007"
    assert unit.page == 1


def test_a_password_protected_pdf_a_huge_image_and_a_page_bomb_fail_with_their_reasons(
    workspace: Workspace, tmp_path: Path
) -> None:
    from PIL import Image
    from pypdf import PdfWriter

    locked = PdfWriter()
    locked.add_blank_page(595, 842)
    locked.encrypt("秘密")
    locked.write(tmp_path / "加密.pdf")
    Image.new("1", (12_000, 11_000), 1).save(tmp_path / "巨图.png")  # 132 million pixels, a few KB of PNG
    bomb = PdfWriter()
    for _ in range(2001):
        bomb.add_blank_page(10, 10)
    bomb.write(tmp_path / "页数过多.pdf")
    attach(workspace, "008", tmp_path / "加密.pdf", tmp_path / "巨图.png", tmp_path / "页数过多.pdf")

    worked = work_queue(workspace, RapidEngine())

    assert (worked.done, worked.failed) == (0, 3)
    reasons = {name: reason.split("\n")[1] for name, reason in workspace.evidence_text.failures()}
    assert reasons == {
        "加密.pdf": "PDF 文件设有密码，无法读取内容；请添加未加密的副本",
        "巨图.png": "图片为 12000×11000 像素，超过可识别的 120 百万像素；请用较低分辨率扫描",
        "页数过多.pdf": "共 2001 页，超过可识别的 2000 页；请拆分文件",
    }
    assert workspace.evidence_text.progress() == TextProgress(done=0, failed=3, pending=0)


def test_the_window_may_import_the_evidence_text_without_loading_the_ocr_engine() -> None:
    import subprocess
    import sys

    script = (
        "import sys, egov_desk.core.workspace, egov_desk.core.evidence_text.worker;"
        "loaded = [m for m in ('rapidocr_onnxruntime', 'cv2', 'onnxruntime') if m in sys.modules];"
        "print(loaded)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"  # OpenCV's own Qt must never reach the window's process


def test_a_workbooks_sheets_are_its_pages_and_a_multi_page_tiff_is_read_frame_by_frame_oldest_file_first(
    workspace: Workspace, tmp_path: Path, ocr: RapidEngine
) -> None:
    from openpyxl import Workbook
    from PIL import Image

    book = Workbook()
    first = book.active
    assert first is not None
    first.append(["部门", "完成情况"])
    book.create_sheet("第二张").append(["政务外网接入", 12])
    book.save(tmp_path / "台账.xlsx")
    frames = [
        Image.open(page_image(tmp_path / f"{n}.png", [text], size=(600, 200)))
        for n, text in enumerate(["封面页", "值班记录表"])
    ]
    frames[0].save(tmp_path / "值班.tif", save_all=True, append_images=frames[1:])
    assessment = attach(workspace, "009", tmp_path / "台账.xlsx")
    attach(workspace, "009", tmp_path / "值班.tif")
    steps: list[Step] = []
    work_queue(workspace, ocr, steps.append)

    assert [step.file for step in steps][:2] == ["台账.xlsx", "台账.xlsx"]  # attached first, read first
    [cell] = workspace.evidence_text.search("外网接入", assessment)
    assert (cell.file_name, cell.page, cell.source) == ("台账.xlsx", 2, "xlsx")
    [frame] = workspace.evidence_text.search("值班记录", assessment)
    assert (frame.file_name, frame.page, frame.source) == ("值班.tif", 2, "ocr")
