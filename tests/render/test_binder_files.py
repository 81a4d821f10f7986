"""Each kind of evidence file in a binder: a damaged or locked PDF gives a page saying so rather than failing the
binder; images sit on A4 pages the way they are seen (EXIF turned, a huge scan read no bigger than the page shows);
a landscape or turned PDF page keeps its shape and gets its stamp at its visible foot; a Word file is converted
when LibreOffice is there; an OFD or a ZIP is listed as 见材料包; a cancel leaves no file."""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pikepdf
import pypdf
import pytest
from PIL import Image

from egov_desk.core.binder import Scope, build_binder
from egov_desk.core.errors import Cancelled
from egov_desk.core.workspace import Workspace
from egov_desk.render.binder import BinderWritten, write_binder
from tests.core.rendering import needs_libreoffice
from tests.render.binder_helpers import CODE, attach, page_sizes, page_texts, pdf_bytes, toc_numbers


def bind(workspace: Workspace, out: Path) -> tuple[BinderWritten, list[str]]:
    binder = build_binder(workspace, workspace.default_assessment().id, Scope("item", CODE))
    written = write_binder(binder, out)
    return written, [unicodedata.normalize("NFKC", text) for text in page_texts(out)]


def test_a_damaged_and_a_locked_pdf_each_give_a_page_saying_why(demo: Workspace, tmp_path: Path) -> None:
    damaged = tmp_path / "损坏的通知.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << >>\n%%EOF")
    locked = tmp_path / "加密的方案.pdf"
    with pikepdf.open(_one_page(tmp_path)) as source:
        source.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    attach(demo, damaged, locked)
    written, texts = bind(demo, tmp_path / "binder.pdf")
    assert written.pages == 5  # cover, contents, separator, one page for each file
    assert "无法装订:损坏的通知.pdf(" in "".join(texts[3].split())
    assert "无法装订:加密的方案.pdf(加密文件,需要密码才能打开)" in "".join(texts[4].split())
    assert len(written.not_bound) == 2
    assert "001 第 3 页" in texts[4]


def test_images_sit_on_a4_as_they_are_seen(demo: Workspace, tmp_path: Path) -> None:
    turned = tmp_path / "竖拍的签到表.jpg"  # stored 600×300, EXIF says: turn a quarter — seen 300×600
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (600, 300), (200, 180, 160)).save(turned, exif=exif.tobytes())
    huge = tmp_path / "大幅扫描.png"
    Image.new("L", (9000, 6000), 230).save(huge)
    attach(demo, turned, huge)
    _written, texts = bind(demo, tmp_path / "binder.pdf")
    assert page_sizes(tmp_path / "binder.pdf")[3:] == [(595, 842), (842, 595)]
    reader = pypdf.PdfReader(tmp_path / "binder.pdf")
    shown = [image.image for image in reader.pages[4].images]
    assert shown
    assert max(shown[0].size) <= 3600
    assert "001 第 2 页" in texts[3]
    assert "001 第 3 页" in texts[4]


def test_a_landscape_and_a_turned_pdf_keep_their_shape_and_are_stamped_at_their_foot(
    demo: Workspace, tmp_path: Path
) -> None:
    wide = tmp_path / "横版统计表.pdf"
    wide.write_bytes(pdf_bytes([(842, 595)]))
    turned = tmp_path / "旋转的图纸.pdf"
    turned.write_bytes(pdf_bytes([(595, 842)], rotate=90))
    attach(demo, wide, turned)
    out = tmp_path / "binder.pdf"
    _written, texts = bind(demo, out)
    assert page_sizes(out)[3:] == [(842, 595), (842, 595)]
    assert pypdf.PdfReader(out).pages[4].rotation == 90  # the page itself is not rewritten
    for page, number in ((4, 2), (5, 3)):
        assert f"001 第 {number} 页" in texts[page - 1]
        seen = _rendered(out, page, tmp_path)  # the page as a viewer shows it, turned by its /Rotate
        inked = seen.point(lambda value: 255 if value < 200 else 0).getbbox()
        assert inked is not None
        assert inked[1] > seen.height * 0.88, (page, inked, seen.size)  # ink only at its foot
        assert abs((inked[0] + inked[2]) / 2 - seen.width / 2) < seen.width * 0.05  # in the middle


@needs_libreoffice
def test_a_word_document_is_converted_when_libreoffice_is_there(demo: Workspace, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发装订测试文档的通知")
    path = tmp_path / "装订测试.docx"
    document.save(str(path))
    attach(demo, path)
    written, texts = bind(demo, tmp_path / "binder.pdf")
    assert written.pages == 4
    assert not written.not_bound
    assert "关于印发装订测试文档的通知" in texts[3]
    assert "001 第 2 页" in texts[3]


def test_an_ofd_and_an_archive_are_listed_as_in_the_package(demo: Workspace, tmp_path: Path) -> None:
    ofd = tmp_path / "电子公文.ofd"
    with zipfile.ZipFile(ofd, "w") as archive:
        archive.writestr("OFD.xml", '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
    archive_file = tmp_path / "照片合集.zip"
    with zipfile.ZipFile(archive_file, "w") as archive:
        archive.writestr("a.txt", "x")
    attach(demo, ofd, archive_file)
    _written, texts = bind(demo, tmp_path / "binder.pdf")
    assert "见材料包:电子公文.ofd" in "".join(texts[3].split())
    assert "见材料包:照片合集.zip" in "".join(texts[4].split())


def test_a_cancel_leaves_no_binder_and_nothing_beside_it(demo: Workspace, tmp_path: Path) -> None:
    attach(demo, *(_one_page(tmp_path, f"第{n}份.pdf") for n in range(3)))
    binder = build_binder(demo, demo.default_assessment().id, Scope("unit"))
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 4

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_binder(binder, folder / "全部.pdf", cancelled=cancelled)
    assert list(folder.iterdir()) == []


def _rendered(pdf: Path, page: int, folder: Path) -> Image.Image:
    stem = folder / f"page-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    return Image.open(stem.with_suffix(".png")).convert("L")


def _one_page(folder: Path, name: str = "one.pdf") -> Path:
    path = folder / name
    path.write_bytes(pdf_bytes([(595, 842)]))
    return path


def test_a_long_checklist_continues_its_separator_and_the_contents_still_name_the_right_pages(
    demo: Workspace, tmp_path: Path
) -> None:
    assessment = demo.default_assessment().id
    for number in range(45):
        demo.evidence.add_requirement(assessment, CODE, f"第{number + 1}次调研座谈的会议纪要、签到表及反馈意见材料")
    out = tmp_path / "binder.pdf"
    binder = build_binder(demo, assessment, Scope("department", "政策法规科"))
    written = write_binder(binder, out)
    texts = [unicodedata.normalize("NFKC", text) for text in page_texts(out)]
    first = next(n for n, text in enumerate(texts) if "编号 001" in text)
    assert "编号 001(续)" in texts[first + 1]
    assert "001 第 2 页" in texts[first + 1]
    following = next(item.code for item in binder.items if item.code != CODE)
    assert f"编号 {following}" in texts[toc_numbers(texts)[following] - 1]
    assert written.pages == len(texts)


def test_a_multi_page_tiff_gives_a_page_per_frame(demo: Workspace, tmp_path: Path) -> None:
    tiff = tmp_path / "多页扫描.tif"
    frames = [Image.new("L", (850, 1100), shade) for shade in (200, 150, 100)]
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    attach(demo, tiff)
    written, texts = bind(demo, tmp_path / "binder.pdf")
    assert written.pages == 3 + 3
    assert "001 第 4 页" in texts[5]
