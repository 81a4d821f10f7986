"""Data files shipped with the app (installed as ``egov_desk.resources``): templates, icons, translations."""
