"""What a scan is made of: a device, the settings asked for, the pages it gave, and the backends' protocol."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

Mode = Literal["gray", "color", "lineart"]
MODES: tuple[Mode, ...] = ("gray", "color", "lineart")
DEFAULT_DPI = 200  # what evaluators need: readable, small


@dataclass(frozen=True)
class ScanDevice:
    """One scanner: ``address`` is the backend's own name for it (``test:0``, a WIA DeviceID)."""

    backend: str  # "sane" | "scanimage" | "wia"
    address: str
    name: str  # as a person knows it: vendor and model

    @property
    def shown(self) -> str:
        """The name with SANE's address (two scanners of one model differ by it); WIA's is a GUID: left out."""
        if self.backend == "wia" or self.address in self.name:
            return self.name
        return f"{self.name} ({self.address})"


@dataclass(frozen=True)
class DeviceOptions:
    """What a device offers: its sources as it names them, our colour modes it has, and its resolutions
    (``dpi_range`` when any whole number between is allowed, else ``dpi_list``)."""

    sources: tuple[str, ...] = ()
    modes: tuple[Mode, ...] = ("gray", "color")
    dpi_list: tuple[int, ...] = ()
    dpi_range: tuple[int, int] | None = None

    def dpi_choices(self) -> tuple[int, ...]:
        """The resolutions worth offering in a list: the device's own, or the usual ones in its range."""
        if self.dpi_list:
            return self.dpi_list
        low, high = self.dpi_range or (75, 600)
        return tuple(d for d in (75, 100, 150, 200, 300, 400, 600) if low <= d <= high) or (low,)

    def allows_dpi(self, dpi: int) -> bool:
        if self.dpi_list:
            return dpi in self.dpi_list
        return self.dpi_range is None or self.dpi_range[0] <= dpi <= self.dpi_range[1]


@dataclass(frozen=True)
class ScanSettings:
    """``source``: the device's name for it, or "flatbed" / "feeder"; None takes the device's default.
    ``pages``: how many; None scans until the feeder is empty (a flatbed gives one)."""

    source: str | None = None
    mode: Mode = "gray"
    dpi: int = DEFAULT_DPI
    pages: int | None = 1


@dataclass
class ScannedPage:
    """One page image (PNG) as the scanner gave it, and the quarter turns asked for before saving (clockwise
    degrees: 0, 90, 180, 270). The image itself is only turned when the PDF is made."""

    path: Path
    dpi: int
    width: int
    height: int
    rotation: int = 0
    number: int = field(default=0)  # the order it was scanned in, from 1

    def turned(self, degrees: int) -> ScannedPage:
        return replace(self, rotation=(self.rotation + degrees) % 360)


class Scanner(Protocol):
    """A backend. ``acquire`` yields the pages one by one as they are scanned (into ``folder``) and looks at
    ``cancelled`` between pages; a device's complaint (no documents, jammed, cover open, busy, access denied,
    gone) is raised as a :class:`~egov_desk.core.scanning.refusals.ScanRefused`."""

    backend: str

    def devices(self) -> list[ScanDevice]: ...

    def options(self, device: ScanDevice) -> DeviceOptions: ...

    def acquire(
        self, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]: ...


def is_feeder(source: str) -> bool:
    """A document feeder, by the names drivers give it (ADF, ADF Duplex, Automatic Document Feeder, 进纸器)."""
    lowered = source.lower()
    return any(word in lowered for word in ("adf", "feeder", "automatic", "进纸", "duplex"))


def pick_source(sources: tuple[str, ...], wanted: str | None) -> str | None:
    """The device's name for the source asked for: its own name as given, or the first of its flatbeds or
    feeders for "flatbed" / "feeder". None when the device names no sources (or none was asked for)."""
    if not wanted or not sources:
        return None
    if wanted in sources:
        return wanted
    lowered = wanted.lower()
    if lowered == "feeder":
        return next((s for s in sources if is_feeder(s)), None)
    if lowered == "flatbed":
        return next((s for s in sources if not is_feeder(s)), None)
    return next((s for s in sources if s.lower() == lowered), None)


def mode_of(name: str) -> Mode | None:
    """Our colour mode for a device's mode name (Gray, Grayscale, True Gray, Color, Lineart, Binary…)."""
    lowered = name.lower()
    if "gray" in lowered or "grey" in lowered:
        return "gray"
    if "color" in lowered or "colour" in lowered:
        return "color"
    if "lineart" in lowered or "binary" in lowered or "black" in lowered:
        return "lineart"
    return None


def device_mode(names: tuple[str, ...] | list[str], mode: Mode) -> str | None:
    """The device's own name for ``mode`` (the first of its names that reads as it)."""
    return next((name for name in names if mode_of(name) == mode), None)
