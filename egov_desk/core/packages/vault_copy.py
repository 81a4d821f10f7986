"""Copying an evidence file out of a package into a workspace's vault, the vault's way (:mod:`~egov_desk.core.
evidence.vault`): streamed to ``vault/tmp`` while hashed, fsynced, renamed into ``vault/ab/abcdef…`` — kept only
when its bytes hash to the name the package gave them (an intact stored copy of the same bytes is left as it is)."""

from __future__ import annotations

import hashlib
import os
import uuid
from typing import IO

from egov_desk.core.evidence.vault import CHUNK, Vault
from egov_desk.core.filesystems import fsync_folder
from egov_desk.core.packages.format import refusal


def copy_into_vault(vault: Vault, stream: IO[bytes], sha256: str, size: int, file: str) -> bool:
    """Store the stream's bytes as ``sha256``; whether they were new to the vault. Bytes that do not hash to
    ``sha256`` are refused (naming the package ``file``) and leave nothing behind."""
    target = vault.path_of(sha256)
    if target.is_file() and target.stat().st_size == size and vault.hash_of(sha256) == sha256:
        return False
    vault.tmp.mkdir(parents=True, exist_ok=True)
    temporary = vault.tmp / f"{uuid.uuid4().hex}.part"
    digest, copied = hashlib.sha256(), 0
    try:
        with temporary.open("wb") as writer:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                copied += len(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        if digest.hexdigest() != sha256 or copied != size:
            raise refusal(
                file,
                "tampered_member",
                f"evidence/{sha256} changed while it was read — ask for the package again",
                f"其中的 evidence/{sha256} 在读取时发生了变化，请重新获取工作包",
                member=f"evidence/{sha256}",
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, target)
        fsync_folder(target.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return True
