"""The stamp "编号 第 n 页" on evidence PDF pages, as a reader sees them: at the visible foot of a page whose crop box
does not start at the origin, turned by any quarter; on each of several pages that share one resource dictionary;
and on the pages of an earlier binder bound again, which keep the stamps they had."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from egov_desk.core.binder import Scope, build_binder
from egov_desk.core.workspace import Workspace
from egov_desk.render.binder import write_binder
from tests.render.binder_helpers import CODE, attach, page_texts, pdf_bytes


def bind(workspace: Workspace, out: Path) -> list[str]:
    write_binder(build_binder(workspace, workspace.default_assessment().id, Scope("item", CODE)), out)
    return [unicodedata.normalize("NFKC", text) for text in page_texts(out)]


def rendered(pdf: Path, page: int, folder: Path) -> Image.Image:
    stem = folder / f"page-{page}"
    which = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-png", "-cropbox", "-singlefile", *which, str(pdf), str(stem)], check=True
    )
    return Image.open(stem.with_suffix(".png")).convert("L")


def edited(path: Path, pages: list[tuple[float, float]], change: object) -> Path:
    """A PDF of blank pages, changed by ``change(pdf)`` before it is saved."""
    with pikepdf.open(io.BytesIO(pdf_bytes(pages))) as pdf:
        change(pdf)  # type: ignore[operator]
        pdf.save(path)
    return path


@pytest.mark.parametrize("turned", [0, 90, 180, 270])
def test_a_cropped_page_turned_by_any_quarter_is_stamped_at_its_visible_foot(
    demo: Workspace, tmp_path: Path, turned: int
) -> None:
    def crop_and_turn(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0].obj
        page.CropBox = pikepdf.Array([50, 30, 645, 872])  # 595 × 842 seen, inside a 700 × 900 sheet
        page.Rotate = turned

    attach(demo, edited(tmp_path / f"裁切{turned}.pdf", [(700, 900)], crop_and_turn))
    out = tmp_path / "binder.pdf"
    texts = bind(demo, out)
    assert "001 第 2 页" in texts[3]
    seen = rendered(out, 4, tmp_path)
    assert seen.width / seen.height == pytest.approx(842 / 595 if turned % 180 else 595 / 842, rel=0.02)
    inked = seen.point(lambda value: 255 if value < 200 else 0).getbbox()
    assert inked is not None
    assert inked[1] > seen.height * 0.88, (turned, inked, seen.size)  # ink only at its foot
    assert abs((inked[0] + inked[2]) / 2 - seen.width / 2) < seen.width * 0.05  # in the middle


def test_pages_sharing_one_resource_dictionary_each_show_their_own_stamp(demo: Workspace, tmp_path: Path) -> None:
    def share(pdf: pikepdf.Pdf) -> None:
        shared = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary()))
        for page in pdf.pages:
            page.obj.Resources = shared

    attach(demo, edited(tmp_path / "共用资源.pdf", [(595, 842)] * 3, share))
    texts = bind(demo, tmp_path / "binder.pdf")
    for page, number in ((4, 2), (5, 3), (6, 4)):
        assert f"001 第 {number} 页" in texts[page - 1]
        assert texts[page - 1].count("第") == 1, texts[page - 1]


def test_pages_whose_resources_are_damaged_are_bound_and_stamped(demo: Workspace, tmp_path: Path) -> None:
    def damage(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].obj.Resources = 5
        pdf.pages[1].obj.Resources = pikepdf.Dictionary(Font=pikepdf.Array([1]))

    attach(demo, edited(tmp_path / "损坏的资源.pdf", [(595, 842)] * 2, damage))
    texts = bind(demo, tmp_path / "binder.pdf")
    assert "001 第 2 页" in texts[3]
    assert "001 第 3 页" in texts[4]


def test_an_earlier_binder_bound_again_keeps_its_stamps_beside_the_new_ones(demo: Workspace, tmp_path: Path) -> None:
    first = tmp_path / "第一次装订.pdf"
    attach(demo, edited(tmp_path / "通知.pdf", [(595, 842)], lambda pdf: None))
    assert "001 第 2 页" in bind(demo, first)[3]
    attach(demo, first)
    again = tmp_path / "再次装订.pdf"
    bind(demo, again)
    # the new binder: cover, contents, separator (第 1 页), 通知 (第 2 页), then the first binder's four pages;
    # on its last the two stamps lie one over the other: read in the order they are drawn
    last = subprocess.run(["pdftotext", "-raw", "-f", "8", "-l", "8", str(again), "-"], capture_output=True, text=True)
    assert last.stdout.split("\n")[:2] == ["001 第 2 页", "001 第 6 页"]


@pytest.mark.parametrize("damaged", [pikepdf.Name("/Ninety"), pikepdf.String("90"), 45])
def test_a_page_whose_turn_is_damaged_is_bound_and_stamped_unturned(
    demo: Workspace, tmp_path: Path, damaged: object
) -> None:
    def damage(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].obj.Rotate = damaged

    attach(demo, edited(tmp_path / "损坏的旋转.pdf", [(595, 842)], damage))
    texts = bind(demo, tmp_path / "binder.pdf")
    assert "001 第 2 页" in texts[3]
