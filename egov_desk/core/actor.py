"""Who is making a change: the operating system's account, asked of the OS.

Environment variables (USER, LOGNAME, USERNAME) are whatever anyone sets: ``USER=局长 egov-desk-cli …`` must not
put 局长 in the audit trail. POSIX: the password database entry of the real user id. Windows: GetUserNameW.
"""

from __future__ import annotations

import os
import sys

UNKNOWN = "unknown"


def os_account() -> str:
    """The login name of the account running this process, as the OS knows it."""
    if sys.platform == "win32":
        return _windows_account()
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name or UNKNOWN
    except (ImportError, KeyError, OSError):  # a uid without a passwd entry (some containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else UNKNOWN


def _windows_account() -> str:  # pragma: no cover - runs on Windows only
    import ctypes
    from ctypes import wintypes

    size = wintypes.DWORD(257)
    buffer = ctypes.create_unicode_buffer(size.value)
    if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
        return buffer.value or UNKNOWN
    return UNKNOWN
