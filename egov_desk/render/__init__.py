"""Drawing with Qt without widgets: the printed checklist, the report's chart, a Qt application for the command
line. Used by the window (egov_desk.ui) and the command line (egov_desk.cli); it imports neither."""
