"""Backups of the workspace database (see :mod:`egov_desk.core.backups.copies` for when they are made, what they
are named and which are kept): ``copies`` makes, lists and rotates them, ``restore`` puts one back."""

from egov_desk.core.backup_contents import AssessmentTotal, MissingEvidence
from egov_desk.core.backup_errors import BackupError
from egov_desk.core.backups.copies import (
    BACKUPS,
    DAILY_INTERVAL,
    OPEN_INTERVAL,
    REASONS,
    BackupInfo,
    backup_before,
    backup_if_due,
    backups_folder,
    copy_database,
    create_backup,
    latest_backup,
    list_backups,
    refuse_unwritable,
    rotate,
)
from egov_desk.core.backups.restore import DAMAGED, RestoreReport, find_backup, restore_backup

__all__ = [
    "BACKUPS",
    "DAILY_INTERVAL",
    "DAMAGED",
    "OPEN_INTERVAL",
    "REASONS",
    "AssessmentTotal",
    "BackupError",
    "BackupInfo",
    "MissingEvidence",
    "RestoreReport",
    "backup_before",
    "backup_if_due",
    "backups_folder",
    "copy_database",
    "create_backup",
    "find_backup",
    "latest_backup",
    "list_backups",
    "refuse_unwritable",
    "restore_backup",
    "rotate",
]
