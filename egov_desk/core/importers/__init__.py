"""Indicator tables from Word (.docx) and Excel (.xlsx) into the interchange JSON.

``read_grid`` turns a file into a plain :class:`~.grid.Grid` (merged cells resolved); ``understand`` in
``table.py`` finds the header, the column roles and the tree; ``findings.py`` checks the result. The
whole path is :func:`egov_desk.core.importers.pipeline.import_table`.
"""
