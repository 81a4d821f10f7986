"""The domain and the data. Nothing in this package imports Qt (tests/core/test_no_qt.py checks)."""
