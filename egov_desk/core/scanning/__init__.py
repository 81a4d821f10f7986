"""Scanning straight into an item: the office scanner's pages, one lossless PDF, attached as evidence.

Three backends answer one small protocol (:class:`~egov_desk.core.scanning.types.Scanner`): SANE through the
``python-sane`` module, SANE through the ``scanimage`` program when the module is missing (Linux, UOS, Kylin), and
WIA through ``comtypes`` on Windows. :mod:`~egov_desk.core.scanning.devices` picks what the machine has;
:mod:`~egov_desk.core.scanning.pdf` makes the PDF; :mod:`~egov_desk.core.scanning.saving` attaches it.
No Qt here: the window and the command line both use these.
"""
