"""The names of the editor's undo steps, in the person's words: what was done to which level or item
(“修改 030 的分值”, “添加评分项”, “移动“明确信息共享需求””), shown in the Edit menu's 撤销/重做."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from egov_desk.core.system_draft import Place, SystemDraft


def field_name(key: str) -> str:
    names = {
        "code": QCoreApplication.translate("SystemEditor", "code"),
        "name": QCoreApplication.translate("SystemEditor", "name"),
        "points": QCoreApplication.translate("SystemEditor", "points"),
        "rule": QCoreApplication.translate("SystemEditor", "rule as printed"),
        "evidence": QCoreApplication.translate("SystemEditor", "evidence"),
        "lead": QCoreApplication.translate("SystemEditor", "lead department"),
        "cooperating": QCoreApplication.translate("SystemEditor", "cooperating departments"),
        "veto": QCoreApplication.translate("SystemEditor", "veto"),
        "scoring": QCoreApplication.translate("SystemEditor", "rule"),
        "section": QCoreApplication.translate("SystemEditor", "section"),
        "cap": QCoreApplication.translate("SystemEditor", "section's cap"),
        "weight": QCoreApplication.translate("SystemEditor", "weight"),
        "scale": QCoreApplication.translate("SystemEditor", "scale"),
    }
    return names.get(key, key)


def _named(draft: SystemDraft, place: Place) -> tuple[bool, str]:
    entry = draft.entry(place)
    if place.is_item:
        return True, str(entry.get("code") or "").strip() or QCoreApplication.translate("SystemEditor", "(no code)")
    return False, str(entry.get("name") or "").strip() or QCoreApplication.translate("SystemEditor", "(no name)")


def entry_name(draft: SystemDraft, place: Place) -> str:
    """An item by its code, a level by its name in quotes (“明确信息共享需求”)."""
    item, name = _named(draft, place)
    return name if item else f"“{name}”"


def _said(draft: SystemDraft, place: Place, for_item: str, for_level: str) -> str:
    item, name = _named(draft, place)
    text = for_item if item else for_level  # marked with QT_TRANSLATE_NOOP where the callers write them
    return QCoreApplication.translate("SystemEditor", text).replace("%1", name)  # marked


def change(draft: SystemDraft, place: Place, key: str) -> str:
    """“修改 030 的分值”, “修改“明确信息共享需求”的名称”."""
    said = _said(
        draft,
        place,
        str(QT_TRANSLATE_NOOP("SystemEditor", "Change the %2 of item %1")),
        str(QT_TRANSLATE_NOOP("SystemEditor", "Change the %2 of level %1")),
    )
    return said.replace("%2", field_name(key))


def move(draft: SystemDraft, place: Place) -> str:
    return _said(
        draft,
        place,
        str(QT_TRANSLATE_NOOP("SystemEditor", "Move item %1")),
        str(QT_TRANSLATE_NOOP("SystemEditor", "Move level %1")),
    )


def removal(draft: SystemDraft, place: Place) -> str:
    return _said(
        draft,
        place,
        str(QT_TRANSLATE_NOOP("SystemEditor", "Remove item %1")),
        str(QT_TRANSLATE_NOOP("SystemEditor", "Remove level %1")),
    )


def new_item() -> str:
    return QCoreApplication.translate("SystemEditor", "Add an item")


def new_level() -> str:
    return QCoreApplication.translate("SystemEditor", "Add a level")
