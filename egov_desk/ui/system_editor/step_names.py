"""The names of the editor's undo steps, in the person's words: what was done to which level or item
(“修改 030 的分值”, “添加评分项”, “移动“明确信息共享需求””), shown in the Edit menu's 撤销/重做."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from egov_desk.core.system_draft import Place, SystemDraft


def _tr(text: str) -> str:
    return QCoreApplication.translate("SystemEditor", text)


def field_name(key: str) -> str:
    names = {
        "code": _tr("code"),
        "name": _tr("name"),
        "points": _tr("points"),
        "rule": _tr("rule as printed"),
        "evidence": _tr("evidence"),
        "lead": _tr("lead department"),
        "cooperating": _tr("cooperating departments"),
        "veto": _tr("veto"),
        "scoring": _tr("rule"),
        "section": _tr("section"),
        "cap": _tr("section's cap"),
        "weight": _tr("weight"),
        "scale": _tr("scale"),
    }
    return names.get(key, key)


def _named(draft: SystemDraft, place: Place) -> tuple[bool, str]:
    entry = draft.entry(place)
    if place.is_item:
        return True, str(entry.get("code") or "").strip() or _tr("(no code)")
    return False, str(entry.get("name") or "").strip() or _tr("(no name)")


def entry_name(draft: SystemDraft, place: Place) -> str:
    """An item by its code, a level by its name in quotes (“明确信息共享需求”)."""
    item, name = _named(draft, place)
    return name if item else f"“{name}”"


def _said(draft: SystemDraft, place: Place, for_item: str, for_level: str) -> str:
    item, name = _named(draft, place)
    return _tr(for_item if item else for_level).replace("%1", name)


def change(draft: SystemDraft, place: Place, key: str) -> str:
    """“修改 030 的分值”, “修改“明确信息共享需求”的名称”."""
    said = _said(draft, place, "Change the %2 of item %1", "Change the %2 of level %1")
    return said.replace("%2", field_name(key))


def move(draft: SystemDraft, place: Place) -> str:
    return _said(draft, place, "Move item %1", "Move level %1")


def removal(draft: SystemDraft, place: Place) -> str:
    return _said(draft, place, "Remove item %1", "Remove level %1")


def new_item() -> str:
    return _tr("Add an item")


def new_level() -> str:
    return _tr("Add a level")
