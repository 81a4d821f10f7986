"""装订成册: what the bound PDF of an item, a department or the whole unit holds (Qt-free; egov_desk.render.binder
paints and joins it)."""

from egov_desk.core.binder.contents import (
    DEPARTMENT,
    ITEM,
    UNIT,
    Binder,
    BinderFile,
    BinderItem,
    BinderRefused,
    ChecklistLine,
    Scope,
    build_binder,
    lead_counts,
    nothing_led,
)

__all__ = [
    "DEPARTMENT",
    "ITEM",
    "UNIT",
    "Binder",
    "BinderFile",
    "BinderItem",
    "BinderRefused",
    "ChecklistLine",
    "Scope",
    "build_binder",
    "lead_counts",
    "nothing_led",
]
