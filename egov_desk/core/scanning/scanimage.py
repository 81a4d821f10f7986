"""SANE through the ``scanimage`` program (Debian's sane-utils), for when the python-sane module is missing.

``scanimage -L`` lists the devices, ``-A`` their options; a scan is one ``--batch --batch-print`` run writing
PNG pages into the scan's folder, each page's name printed once it is written — so pages arrive one by one, and
a cancel between pages interrupts the run (SIGINT: scanimage cancels the scan and exits). The program speaks C
locale here, so its status texts can be read.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from egov_desk.core.scanning.refusals import (
    SANE_STATUS_CODES,
    device_refusal,
    no_dpi,
    no_mode,
    no_source,
    status_kind,
)
from egov_desk.core.scanning.types import (
    MODES,
    DeviceOptions,
    ScanDevice,
    ScannedPage,
    ScanSettings,
    device_mode,
    is_feeder,
    mode_of,
    pick_source,
)

LISTED = re.compile(r"device [`‘'](?P<address>.+?)['’] is an? (?P<name>.+)$")
OPTION = re.compile(r"^\s+--(?P<key>mode|source|resolution) (?P<values>.+?) \[(?P<default>[^\]]*)\]")
STATUS = re.compile(r"(?:sane_start|sane_read|open of device .+? failed): (?P<text>.+)$", re.MULTILINE)
PAGE_TIMEOUT_S = 180.0  # a page that takes longer means the device hangs: the run is stopped and said


def program() -> str | None:
    return shutil.which("scanimage")


def _run(arguments: list[str], timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    command = [program() or "scanimage", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=_env(), check=False)


def _env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C", "LANGUAGE": "C"}


def read_options(text: str) -> tuple[DeviceOptions, list[str]]:
    """The options ``scanimage -A`` prints (``--mode Gray|Color [Gray]``, ``--resolution 1..1200dpi …``), and
    the device's own mode names."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = OPTION.match(line)
        if match and match["key"] not in found:
            found[match["key"]] = match["values"]
    sources = tuple(s.strip() for s in found.get("source", "").split("|") if s.strip())
    names = [m.strip() for m in found.get("mode", "").split("|") if m.strip()]
    modes = tuple(m for m in MODES if any(mode_of(name) == m for name in names)) or ("gray", "color")
    resolution = re.sub(r"dpi.*$", "", found.get("resolution", "")).strip()
    if ".." in resolution:
        low, high = resolution.split("..", 1)
        return DeviceOptions(sources, modes, dpi_range=(max(1, round(float(low))), round(float(high)))), names
    listed = tuple(sorted({round(float(d)) for d in resolution.split("|") if re.fullmatch(r"[\d.]+", d)}))
    return DeviceOptions(sources, modes, dpi_list=listed), names


class ScanimageScanner:
    backend = "scanimage"

    def devices(self) -> list[ScanDevice]:
        listed = _run(["-L"])
        devices = []
        for line in listed.stdout.splitlines():
            match = LISTED.search(line.strip())
            if match:
                devices.append(ScanDevice(self.backend, match["address"], match["name"].strip()))
        return devices

    def _options(self, device: ScanDevice) -> tuple[DeviceOptions, list[str]]:
        described = _run(["-d", device.address, "-A"])
        if described.returncode != 0 and "--" not in described.stdout:
            raise self._refusal(device, described.returncode, described.stderr)
        return read_options(described.stdout)

    def options(self, device: ScanDevice) -> DeviceOptions:
        return self._options(device)[0]

    @staticmethod
    def _refusal(device: ScanDevice, code: int, stderr: str) -> Exception:
        for line in reversed(stderr.splitlines()):
            match = STATUS.search(line)
            if match:
                kind = status_kind(match["text"])
                if "open of device" in line and kind in ("invalid", "failed"):
                    kind = "gone"
                return device_refusal(device.shown, kind, match["text"])
        kind = SANE_STATUS_CODES.get(code, "failed")
        return device_refusal(device.shown, kind, stderr.strip().splitlines()[-1] if stderr.strip() else str(code))

    def acquire(
        self, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]:
        options, mode_names = self._options(device)
        source = pick_source(options.sources, settings.source)
        if settings.source and options.sources and source is None:
            raise no_source(device.shown, settings.source, options.sources)
        mode = device_mode(mode_names, settings.mode)
        if mode is None and mode_names:
            raise no_mode(device.shown, settings.mode)
        if not options.allows_dpi(settings.dpi):
            raise no_dpi(device.shown, settings.dpi, options.dpi_choices())
        feeder = source is not None and is_feeder(source)
        count = settings.pages if settings.pages is not None else (None if feeder else 1)
        arguments = ["-d", device.address, "--format=png"]
        arguments += [f"--resolution={settings.dpi}"] if options.dpi_list or options.dpi_range else []
        arguments += [f"--mode={mode}"] if mode else []
        arguments += [f"--source={source}"] if source else []
        arguments += [f"--batch={folder / 'page-%04d.png'}", "--batch-print"]
        arguments += [f"--batch-count={count}"] if count is not None else []
        yield from self._run_batch(device, arguments, cancelled, settings.dpi)

    def _run_batch(
        self, device: ScanDevice, arguments: list[str], cancelled: Callable[[], bool], dpi: int
    ) -> Iterator[ScannedPage]:
        from PIL import Image

        process = subprocess.Popen(
            [program() or "scanimage", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(),
        )
        assert process.stdout is not None
        assert process.stderr is not None
        number, stopped, said, printed = 0, False, list[bytes](), b""
        watch = selectors.DefaultSelector()
        watch.register(process.stdout, selectors.EVENT_READ)
        watch.register(process.stderr, selectors.EVENT_READ)  # read as it comes: a full pipe would stall it
        last, open_streams = time.monotonic(), 2
        try:
            while open_streams:
                if cancelled() and not stopped:
                    process.send_signal(signal.SIGINT)  # scanimage cancels the page under way and exits
                    stopped = True
                ready = watch.select(0.2)
                if not ready and time.monotonic() - last > PAGE_TIMEOUT_S:
                    process.kill()
                    raise device_refusal(device.shown, "io_error", "no page for a long time")
                for key, _events in ready:
                    chunk = os.read(key.fd, 65536)
                    if not chunk:
                        watch.unregister(key.fileobj)
                        open_streams -= 1
                    elif key.fileobj is process.stderr:
                        said.append(chunk)
                    else:
                        last = time.monotonic()
                        printed += chunk
                        *lines, printed = printed.split(b"\n")
                        for line in lines:
                            path = Path(os.fsdecode(line.strip()))
                            if stopped or not path.is_file():
                                continue
                            number += 1
                            with Image.open(path) as image:
                                size = image.size
                            yield ScannedPage(path, dpi, size[0], size[1], number=number)
            code = process.wait(timeout=30)
        finally:
            watch.close()
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
            process.stderr.close()
        stderr = b"".join(said).decode("utf-8", "replace")
        if stopped:
            return
        failure = self._refusal(device, code, stderr) if (code != 0 or STATUS.search(stderr)) else None
        if failure is None:
            return
        if getattr(failure, "kind", "") == "no_docs" and number:
            return  # the feeder is empty: every page is in (fewer than asked for: those there were are kept)
        raise failure
