"""egov-desk: the annual e-government performance evaluation (电子政务工作绩效年终考评), offline."""

__version__ = "0.1.0"
APP_NAME = "egov-desk"
APP_AUTHOR = "egov-desk"
