"""The Qt shell over :mod:`egov_desk.core`. Widgets change data only through the core's Workspace."""
