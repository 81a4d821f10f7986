"""Score editors, one per rule type: ``editor_for(rule)`` picks the one that fits."""

from egov_desk.ui.editors.base import RuleEditor
from egov_desk.ui.editors.composite import editor_for

__all__ = ["RuleEditor", "editor_for"]
