"""Scanning from SANE's test device, through python-sane and through scanimage alike: devices listed, feeder and
flatbed pages one by one, gray and colour, the scanner's complaints said in words, cancel between pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from egov_desk.core.messages import say
from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.refusals import ScanRefused
from egov_desk.core.scanning.types import ScannedPage, Scanner, ScanSettings
from tests.core.scanning.sane_device import no_scanners_config, sane_config, use_sane_config

FEEDER = "Automatic Document Feeder"
ROOT = Path(__file__).resolve().parents[3]


def test_the_test_device_is_listed_with_its_sources_and_modes(scanner: Scanner) -> None:
    scanners = Scanners([scanner])
    device = scanners.device(None)
    assert device.address == "test:0"
    assert "frontend-tester" in device.name
    options = scanners.options(device)
    assert options.sources == ("Flatbed", FEEDER)
    assert options.modes == ("gray", "color")  # the test device offers no lineart: it is not offered
    assert options.allows_dpi(200)
    assert 200 in options.dpi_choices()


def test_the_feeder_gives_its_ten_pages_one_by_one_then_is_empty(scanner: Scanner, tmp_path: Path) -> None:
    scanners = Scanners([scanner])
    device = scanners.device("test:0")
    seen = []
    for page in scanners.acquire(device, ScanSettings(source="feeder", pages=None, dpi=50), tmp_path / "pages"):
        seen.append(page.number)
        assert page.path.is_file()  # each page is on disk as it arrives
    assert seen == list(range(1, 11))


def test_a_number_of_pages_from_the_feeder_and_a_flatbed_page(scanner: Scanner, tmp_path: Path) -> None:
    scanners = Scanners([scanner])
    device = scanners.device(None)
    three = list(scanners.acquire(device, ScanSettings(source=FEEDER, pages=3, dpi=50), tmp_path / "feeder"))
    assert [p.number for p in three] == [1, 2, 3]
    flatbed = list(scanners.acquire(device, ScanSettings(source="flatbed", pages=None), tmp_path / "flatbed"))
    assert len(flatbed) == 1  # a flatbed holds one page at a time


@pytest.mark.parametrize(("mode", "image_mode"), [("gray", "L"), ("color", "RGB")])
def test_gray_and_colour_pages_at_200_dpi_are_a4_in_pixels(
    scanner: Scanner, tmp_path: Path, mode: str, image_mode: str
) -> None:
    scanners = Scanners([scanner])
    settings = ScanSettings(source="flatbed", mode=mode, dpi=200)  # type: ignore[arg-type]
    (page,) = scanners.acquire(scanners.device(None), settings, tmp_path / mode)
    with Image.open(page.path) as image:
        assert image.mode == image_mode
        assert image.size == (page.width, page.height)
    assert page.dpi == 200
    assert abs(page.width - 210 / 25.4 * 200) <= 2  # 210 mm at 200 dpi
    assert abs(page.height - 297 / 25.4 * 200) <= 2


def test_lineart_is_refused_where_the_device_does_not_offer_it(scanner: Scanner, tmp_path: Path) -> None:
    scanners = Scanners([scanner])
    with pytest.raises(ScanRefused) as refused:
        list(scanners.acquire(scanners.device(None), ScanSettings(mode="lineart"), tmp_path / "p"))
    assert refused.value.kind == "no_mode"
    assert "不支持黑白扫描" in say(refused.value, "zh_CN")


@pytest.mark.parametrize(
    ("status", "kind", "english", "chinese"),
    [
        ("SANE_STATUS_JAMMED", "jammed", "jammed in the feeder", "进纸器卡纸。请打开进纸器取出卡住的纸张"),
        ("SANE_STATUS_NO_DOCS", "no_docs", "no documents in the feeder", "进纸器中没有文档"),
        ("SANE_STATUS_COVER_OPEN", "cover_open", "cover is open. Close it", "盖板未合上。请合上盖板"),
        ("SANE_STATUS_DEVICE_BUSY", "busy", "busy", "扫描仪正忙"),
        ("SANE_STATUS_ACCESS_DENIED", "access_denied", "may not use the scanner", "无权使用扫描仪"),
        ("SANE_STATUS_IO_ERROR", "io_error", "failed while scanning", "扫描过程中扫描仪出错"),
    ],
)
def test_the_scanners_complaints_are_said_in_words_naming_the_device(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
    status: str,
    kind: str,
    english: str,
    chinese: str,
) -> None:
    if backend == "scanimage":
        # SANE's test backend reads in a forked process; after these statuses scanimage was seen waiting on it
        # for minutes (CI, 2026-11-29). Whether a real backend can do so is not known: the run is then stopped after
        # PAGE_TIMEOUT_S and said as a scanner error, and 停止 ends it sooner. python-sane says these words in-process.
        pytest.skip("the test backend keeps scanimage waiting after this status")
    use_sane_config(monkeypatch, sane_config(tmp_path / "sane", read_status=status))
    scanners = Scanners([_backend(backend)])
    device = scanners.device(None)
    with pytest.raises(ScanRefused) as refused:
        list(scanners.acquire(device, ScanSettings(), tmp_path / "pages"))
    assert refused.value.kind == kind
    assert english in say(refused.value, "en_US")
    assert "test:0" in say(refused.value, "en_US")
    assert chinese in say(refused.value, "zh_CN")
    assert "test:0" in say(refused.value, "zh_CN")


def test_no_scanner_says_how_to_attach_files_instead(tmp_path: Path, backend: str) -> None:
    # libsane reads which backends to load once per process: a fresh process sees the machine without a scanner.
    config = no_scanners_config(tmp_path / "none")
    code = f"""
from egov_desk.core.messages import say
from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.refusals import ScanRefused
from tests.core.scanning.test_sane_scanning import _backend
scanners = Scanners([_backend({backend!r})])
assert scanners.devices() == []
try:
    scanners.device(None)
except ScanRefused as refused:
    print(say(refused, "zh_CN"))
    print(say(refused, "en_US"))
"""
    env = {**os.environ, "SANE_CONFIG_DIR": str(config)}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    chinese, english = ran.stdout.splitlines()
    assert chinese.startswith("未找到扫描仪。请检查扫描仪已连接并开机，或用 egov-desk-cli evidence add")
    assert "`egov-desk-cli evidence add --item CODE FILE…`" in english  # the window names its own action


def test_an_unknown_device_name_lists_those_found(scanner: Scanner) -> None:
    with pytest.raises(ScanRefused) as refused:
        Scanners([scanner]).device("epson:libusb:001:004")
    assert "test:0" in say(refused.value, "en_US")


def test_a_cancel_between_pages_stops_the_scan_keeping_the_pages_so_far(scanner: Scanner, tmp_path: Path) -> None:
    scanners = Scanners([scanner])
    got: list[ScannedPage] = []
    settings = ScanSettings(source="feeder", pages=None, dpi=50)
    for page in scanners.acquire(scanners.device(None), settings, tmp_path / "p", cancelled=lambda: len(got) >= 2):
        got.append(page)
    assert 2 <= len(got) < 10
    assert all(page.path.is_file() for page in got[:2])


@pytest.fixture(params=["python-sane", "scanimage"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _backend(name: str) -> Scanner:
    from tests.core.scanning.conftest import backend_named

    return backend_named(name)


def test_a_scanner_gone_since_it_was_listed_says_to_connect_it_again(scanner: Scanner, tmp_path: Path) -> None:
    from egov_desk.core.scanning.types import ScanDevice

    unplugged = ScanDevice(scanner.backend, "test:7", "Noname frontend-tester")
    with pytest.raises(ScanRefused) as refused:
        list(Scanners([scanner]).acquire(unplugged, ScanSettings(), tmp_path / "p"))
    assert refused.value.kind == "gone"
    assert "无法连接扫描仪" in say(refused.value, "zh_CN")
    assert "test:7" in say(refused.value, "zh_CN")


def test_a_second_scan_into_the_same_folder_leaves_the_first_ones_pages_as_they_were(
    scanner: Scanner, tmp_path: Path
) -> None:
    scanners = Scanners([scanner])
    device = scanners.device(None)
    folder = tmp_path / "pages"
    gray = list(scanners.acquire(device, ScanSettings(source=FEEDER, pages=2, dpi=50), folder))
    colour = list(scanners.acquire(device, ScanSettings(source=FEEDER, mode="color", pages=1, dpi=75), folder))
    assert len({page.path for page in gray + colour}) == 3
    for page, mode in ((gray[0], "L"), (gray[1], "L"), (colour[0], "RGB")):
        with Image.open(page.path) as image:
            assert (image.mode, image.size) == (mode, (page.width, page.height))


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("scanimage: sane_read: Document feeder out of documents", "no_docs"),
        ("scanimage: sane_read: Device busy", "busy"),
        ("scanimage: sane_read: Scanner cover is open", "cover_open"),
        ("scanimage: sane_read: Access to resource has been denied", "access_denied"),
        ("scanimage: sane_read: Error during device I/O", "io_error"),
    ],
)
def test_what_scanimage_prints_of_a_complaint_is_said_as_that_complaint(said: str, kind: str) -> None:
    from egov_desk.core.scanning.scanimage import ScanimageScanner
    from egov_desk.core.scanning.types import ScanDevice

    device = ScanDevice("scanimage", "test:0", "Noname frontend-tester")
    refused = ScanimageScanner._refusal(device, 3, f"Scanning page 1\n{said}\nBatch terminated, 1 page scanned\n")
    assert getattr(refused, "kind", "") == kind
