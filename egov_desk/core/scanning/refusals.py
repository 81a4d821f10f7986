"""What a scanner's complaints mean, said in both languages: the device, what is wrong, what to do."""

from __future__ import annotations

from egov_desk.core.errors import Refused
from egov_desk.core.scanning.types import is_feeder

# SANE's status texts (sane_strstatus, read under LC_ALL=C) and the numbers scanimage exits with.
SANE_STATUS_TEXTS = {
    "Document feeder out of documents": "no_docs",
    "Document feeder jammed": "jammed",
    "Scanner cover is open": "cover_open",
    "Device busy": "busy",
    "Access to resource has been denied": "access_denied",
    "Error during device I/O": "io_error",
    "Out of memory": "no_memory",
    "Invalid argument": "invalid",
    "Operation not supported": "unsupported",
    "Operation was cancelled": "cancelled",
}
SANE_STATUS_CODES = {
    1: "unsupported",
    2: "cancelled",
    3: "busy",
    4: "invalid",
    6: "jammed",
    7: "no_docs",
    8: "cover_open",
    9: "io_error",
    10: "no_memory",
    11: "access_denied",
}

_WORDS: dict[str, tuple[str, str]] = {
    "no_docs": (
        "{device}: there are no documents in the feeder. Put the pages in the feeder and scan again, "
        "or choose the flatbed.",
        "{device}：进纸器中没有文档。请把文件放入进纸器后重新扫描，或改用平板。",
    ),
    "jammed": (
        "{device}: the paper jammed in the feeder. Open the feeder, take the jammed sheet out, put the pages "
        "back and scan again.",
        "{device}：进纸器卡纸。请打开进纸器取出卡住的纸张，重新放好后再扫描。",
    ),
    "cover_open": (
        "{device}: the scanner's cover is open. Close it and scan again.",
        "{device}：扫描仪盖板未合上。请合上盖板后重新扫描。",
    ),
    "busy": (
        "{device}: the scanner is busy (another program may be using it). Close that program or wait a "
        "moment, then scan again.",
        "{device}：扫描仪正忙（可能有其他程序在使用）。请关闭该程序或稍候，再重新扫描。",
    ),
    "access_denied": (
        "{device}: this account may not use the scanner. Ask the administrator to allow it (on Linux: the "
        "scanner or lp group), then scan again.",
        "{device}：当前账户无权使用扫描仪。请让管理员开通权限（Linux 上加入 scanner 或 lp 组）后再扫描。",
    ),
    "gone": (
        "{device}: the scanner cannot be reached (unplugged or switched off?). Connect it, switch it on and "
        "choose it again.",
        "{device}：无法连接扫描仪（可能已拔出或关机）。请连接并开机后重新选择扫描仪。",
    ),
    "io_error": (
        "{device}: the scanner failed while scanning. Switch it off and on again, then scan again.",
        "{device}：扫描过程中扫描仪出错。请关闭扫描仪再打开，然后重新扫描。",
    ),
    "no_memory": (
        "{device}: the scanner ran out of memory. Choose a lower resolution or fewer pages and scan again.",
        "{device}：扫描仪内存不足。请降低分辨率或减少页数后重新扫描。",
    ),
    "unsupported": (
        "{device}: the scanner cannot scan with these settings. Choose another source, colour mode or "
        "resolution and scan again.",
        "{device}：扫描仪不支持这些设置。请换一种来源、色彩模式或分辨率后重新扫描。",
    ),
    "invalid": (
        "{device}: the scanner refused these settings. Choose another source, colour mode or resolution and "
        "scan again.",
        "{device}：扫描仪不接受这些设置。请换一种来源、色彩模式或分辨率后重新扫描。",
    ),
    "cancelled": (
        "{device}: the scan was cancelled at the scanner. Scan again when ready.",
        "{device}：扫描已在扫描仪上取消。准备好后请重新扫描。",
    ),
    "failed": (
        "{device}: the scanner reported “{reason}”. Check the scanner and scan again.",
        "{device}：扫描仪报告“{reason}”。请检查扫描仪后重新扫描。",
    ),
}


class ScanRefused(Refused):
    """A scan that could not be made: ``kind`` names the case (``no_docs``, ``jammed``, ``no_scanner``…)."""


def device_refusal(device: str, kind: str, reason: str = "") -> ScanRefused:
    """The device's complaint ``kind`` (see ``SANE_STATUS_TEXTS``; "gone", "failed") in words."""
    english, chinese = _WORDS.get(kind, _WORDS["failed"])
    values = {"device": device, "reason": reason or kind}
    return ScanRefused(english.format(**values), chinese.format(**values), kind, **values)


def status_kind(text: str) -> str:
    """The case a SANE status text names ("failed" for any other)."""
    return SANE_STATUS_TEXTS.get(text.strip().rstrip("."), "failed")


def no_scanner(add_action: str | None = None) -> ScanRefused:
    """``add_action``: the window's action that attaches files, by its name as shown; None on the command line."""
    if add_action is None:
        return ScanRefused(
            "No scanner was found. Check that the scanner is connected and switched on, or add the scanned files "
            "with `egov-desk-cli evidence add --item CODE FILE…`.",
            "未找到扫描仪。请检查扫描仪已连接并开机，或用 egov-desk-cli evidence add --item 编号 文件… "
            "把扫描好的文件加进来。",
            "no_scanner",
        )
    return ScanRefused(
        "No scanner was found. Check that the scanner is connected and switched on, or add the scanned files "
        f"with “{add_action}” or by dragging them onto the item's evidence.",
        f"未找到扫描仪。请检查扫描仪已连接并开机，或用「{add_action}」/拖放把扫描好的文件加进来。",
        "no_scanner",
    )


def unknown_device(name: str, known: list[str]) -> ScanRefused:
    listed = ", ".join(known)
    return ScanRefused(
        f"There is no scanner “{name}”. The scanners found: {listed}. Name one of them with --device.",
        f"没有名为“{name}”的扫描仪。已找到的扫描仪：{listed}。请用 --device 指定其中之一。",
        "unknown_device",
        device=name,
        known=known,
    )


def source_in_chinese(source: str) -> str:
    """A source as the window names it in Chinese (drivers name theirs in English); an unknown one as given."""
    lowered = source.lower()
    if "duplex" in lowered:
        return "自动进纸器（双面）"
    if is_feeder(source):
        return "自动进纸器"
    if any(word in lowered for word in ("flatbed", "platen", "glass")):
        return "平板"
    return source


def no_source(device: str, wanted: str, sources: tuple[str, ...]) -> ScanRefused:
    listed = "、".join(source_in_chinese(source) for source in sources) or "—"
    said = {"feeder": "进纸器", "flatbed": "平板"}.get(wanted.lower(), wanted)
    return ScanRefused(
        f"{device} has no {wanted} (it offers: {', '.join(sources) or 'no choice of source'}). Choose one it offers.",
        f"{device} 没有 {said}（可选来源：{listed}）。请选择其中之一。",
        "no_source",
        device=device,
        source=wanted,
    )


def no_mode(device: str, mode: str) -> ScanRefused:
    zh = {"gray": "灰度", "color": "彩色", "lineart": "黑白"}.get(mode, mode)
    return ScanRefused(
        f"{device} cannot scan in {mode}. Choose gray or color.",
        f"{device} 不支持{zh}扫描。请选择灰度或彩色。",
        "no_mode",
        device=device,
        mode=mode,
    )


def no_dpi(device: str, dpi: int, choices: tuple[int, ...]) -> ScanRefused:
    listed = ", ".join(str(d) for d in choices)
    return ScanRefused(
        f"{device} cannot scan at {dpi} dpi. Choose one of {listed} dpi.",
        f"{device} 不支持 {dpi} dpi。请选择 {listed} dpi 之一。",
        "no_dpi",
        device=device,
        dpi=dpi,
    )


def no_pages() -> ScanRefused:
    return ScanRefused(
        "There are no scanned pages to save. Scan at least one page first.",
        "没有可保存的扫描页。请先扫描至少一页。",
        "no_pages",
    )


def no_name() -> ScanRefused:
    return ScanRefused(
        "The scan has no file name. Type a name for it, for example “2019 security assessment report”.",
        "扫描件没有文件名。请输入文件名，例如“2019 年度网络安全等级保护测评报告”。",
        "no_name",
    )


def bad_name(name: str, characters: list[str]) -> ScanRefused:
    listed = " ".join(characters)
    return ScanRefused(
        f"The file name “{name}” holds {listed}, which a file name cannot hold. Leave them out or use - instead.",
        f"文件名“{name}”含有文件名不能使用的字符 {listed}。请删去这些字符或改用 -。",
        "bad_name",
        name=name,
        characters=listed,
    )
