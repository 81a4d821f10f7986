"""The Windows path: WIA through comtypes, driven here by a fake WIA device object written in this test, shaped
like the COM objects WIA documents (DeviceManager.DeviceInfos, DeviceInfo.Connect(), Device.Items[1],
Item.Transfer(format) → ImageFile.SaveFile). The real COM object is not ours and this was not run on hardware."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from egov_desk.core.messages import say
from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.refusals import ScanRefused
from egov_desk.core.scanning.types import ScanSettings
from egov_desk.core.scanning.wia import FORMAT_PNG, WiaScanner

PAPER_EMPTY, PAPER_JAM, COVER_OPEN = 0x80210003, 0x80210002, 0x80210016


class ComError(Exception):
    """What comtypes raises: its ``hresult`` says why."""

    def __init__(self, hresult: int) -> None:
        super().__init__(hresult, "WIA error")
        self.hresult = hresult - (1 << 32)  # comtypes gives it signed


class Collection:
    def __init__(self, members: list[Any]) -> None:
        self.members = members

    @property
    def Count(self) -> int:
        return len(self.members)

    def __getitem__(self, number: int) -> Any:
        return self.members[number - 1]  # WIA counts from 1


class Property:
    def __init__(self, number: int, value: Any, low: int = 0, high: int = 0) -> None:
        self.PropertyID, self.Value, self.SubTypeMin, self.SubTypeMax = number, value, low, high


class ImageFile:
    def __init__(self, size: tuple[int, int], dpi: int, mode: str) -> None:
        self.size, self.dpi, self.mode = size, dpi, mode

    def SaveFile(self, path: str) -> None:
        Image.new(self.mode, self.size, "white").save(path, dpi=(self.dpi, self.dpi))


class ScannerItem:
    def __init__(self, device: FakeDevice) -> None:
        self.device = device
        self.Properties = Collection([Property(6146, 0), Property(6147, 150, 75, 600), Property(6148, 150)])

    def value(self, number: int) -> Any:
        return next(p.Value for p in self.Properties.members if p.PropertyID == number)

    def Transfer(self, format_id: str) -> ImageFile:
        assert format_id == FORMAT_PNG
        if self.device.fail is not None:
            raise ComError(self.device.fail)
        feeder = self.device.value(3088) == 1
        if feeder:
            if self.device.sheets == 0:
                raise ComError(PAPER_EMPTY)
            self.device.sheets -= 1
        dpi = self.value(6147)
        mode = {1: "RGB", 2: "L", 4: "1"}[self.value(6146)]
        return ImageFile((round(8.27 * dpi), round(11.69 * dpi)), dpi, mode)


class FakeDevice:
    def __init__(self, sheets: int, fail: int | None) -> None:
        self.sheets, self.fail = sheets, fail
        self.Properties = Collection([Property(3086, 3), Property(3088, 2), Property(3096, 1)])
        self.Items = Collection([ScannerItem(self)])

    def value(self, number: int) -> Any:
        return next(p.Value for p in self.Properties.members if p.PropertyID == number)


class DeviceInfo:
    def __init__(self, device: FakeDevice, kind: int = 1) -> None:
        self.device, self.Type, self.DeviceID = device, kind, "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"
        self.Properties = Collection([Property(7, "Canon DR-C225")])

    def Connect(self) -> FakeDevice:
        return self.device


class DeviceManager:
    def __init__(self, *infos: DeviceInfo) -> None:
        self.DeviceInfos = Collection(list(infos))


def wia(sheets: int = 5, fail: int | None = None) -> tuple[Scanners, FakeDevice]:
    device = FakeDevice(sheets, fail)
    camera = DeviceInfo(FakeDevice(0, None), kind=2)  # a camera is not a scanner
    return Scanners([WiaScanner(lambda: DeviceManager(camera, DeviceInfo(device)))]), device


def test_the_scanner_is_listed_by_its_name_and_offers_flatbed_and_feeder() -> None:
    scanners, _ = wia()
    (device,) = scanners.devices()
    assert device.name == "Canon DR-C225"
    assert device.shown == "Canon DR-C225"  # WIA's GUID is not shown
    options = scanners.options(device)
    assert options.sources == ("Flatbed", "Feeder")
    assert options.dpi_range == (75, 600)


def test_the_feeder_is_scanned_until_empty_at_the_resolution_and_colour_asked(tmp_path: Path) -> None:
    scanners, fake = wia(sheets=4)
    settings = ScanSettings(source="feeder", mode="color", dpi=200, pages=None)
    pages = list(scanners.acquire(scanners.device(None), settings, tmp_path / "pages"))
    assert [p.number for p in pages] == [1, 2, 3, 4]
    assert fake.value(3088) == 1  # feeder
    assert fake.value(3096) == 0  # all it holds
    item = fake.Items[1]
    assert (item.value(6146), item.value(6147), item.value(6148)) == (1, 200, 200)
    with Image.open(pages[0].path) as image:
        assert image.mode == "RGB"
        assert image.size == (1654, 2338)


def test_a_flatbed_page_in_gray(tmp_path: Path) -> None:
    scanners, fake = wia()
    (page,) = scanners.acquire(scanners.device(None), ScanSettings(source="flatbed"), tmp_path / "p")
    assert fake.value(3088) == 2
    with Image.open(page.path) as image:
        assert image.mode == "L"


@pytest.mark.parametrize(
    ("hresult", "sheets", "source", "chinese"),
    [
        (None, 0, "feeder", "进纸器中没有文档"),
        (PAPER_JAM, 3, "feeder", "进纸器卡纸"),
        (COVER_OPEN, 3, "flatbed", "盖板未合上"),
    ],
)
def test_wias_errors_are_said_in_words(
    tmp_path: Path, hresult: int | None, sheets: int, source: str, chinese: str
) -> None:
    scanners, _ = wia(sheets=sheets, fail=hresult)
    with pytest.raises(ScanRefused) as refused:
        list(scanners.acquire(scanners.device(None), ScanSettings(source=source), tmp_path / "p"))
    assert chinese in say(refused.value, "zh_CN")
    assert "Canon DR-C225" in say(refused.value, "zh_CN")


def test_a_resolution_the_scanner_lacks_is_refused_naming_those_it_has(tmp_path: Path) -> None:
    scanners, _ = wia()
    with pytest.raises(ScanRefused) as refused:
        list(scanners.acquire(scanners.device(None), ScanSettings(dpi=1200), tmp_path / "p"))
    assert refused.value.kind == "no_dpi"
    assert "300" in say(refused.value, "zh_CN")
