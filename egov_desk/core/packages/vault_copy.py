"""Copying an evidence file out of a package into a workspace's vault, the vault's way (:meth:`~egov_desk.core.
evidence.vault.Vault.copy_into`: streamed while hashed, kept only when its bytes hash to the name the package gave
them; an intact stored copy of the same bytes is left as it is), whichever vault the workspace has."""

from __future__ import annotations

import zipfile
import zlib
from typing import IO

from egov_desk.core.evidence.vault import BytesDiffer
from egov_desk.core.evidence.vaults import EvidenceVault
from egov_desk.core.packages.format import refusal


def copy_into_vault(vault: EvidenceVault, stream: IO[bytes], sha256: str, size: int, file: str) -> bool:
    """Store the stream's bytes as ``sha256``; whether they were new to the vault. Bytes that do not hash to
    ``sha256`` are refused (naming the package ``file``) and leave nothing behind."""
    try:
        return vault.copy_into(stream, sha256, size)
    except (zipfile.BadZipFile, zlib.error, EOFError):  # its bytes cannot be read back out of the ZIP
        raise refusal(
            file,
            "damaged_member",
            f"evidence/{sha256} cannot be read back (the file is damaged) — ask for the package again",
            f"其中的 evidence/{sha256} 无法读出（文件已损坏），请重新获取工作包",
            member=f"evidence/{sha256}",
        ) from None
    except BytesDiffer:
        raise refusal(
            file,
            "tampered_member",
            f"evidence/{sha256} changed while it was read — ask for the package again",
            f"其中的 evidence/{sha256} 在读取时发生了变化，请重新获取工作包",
            member=f"evidence/{sha256}",
        ) from None
