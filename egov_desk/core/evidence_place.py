"""Where a server workspace keeps its evidence files — the workspace's choice, made by ``server init --evidence``:

- ``database``: in the server's own database (:mod:`~egov_desk.core.evidence.database_vault`), every client the
  same bytes, each PC a verified cache for what needs a path;
- ``folder PATH``: a shared folder the server's admin names (a UNC path ``\\\\server\\share\\egov``, an SMB share
  mounted at ``/mnt/egov``), the folder vault's own code on it.

The setting ``evidence`` holds ``{"kind": "database"}`` or ``{"kind": "folder", "path": PATH}``; without it a
server workspace keeps what :func:`egov_desk.core.server.vault_folder` says. A workspace folder (SQLite) always keeps
its evidence in its own ``vault/``: the choice is a server's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence.book import EvidenceBook
from egov_desk.core.evidence.vault import Vault
from egov_desk.core.evidence.vaults import EvidenceVault

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from egov_desk.core.store import Store

W = TypeVar("W")

SETTING = "evidence"
DATABASE, FOLDER = "database", "folder"


@dataclass(frozen=True)
class EvidencePlace:
    kind: str  # DATABASE | FOLDER
    path: str = ""  # the shared folder, for FOLDER

    def to_setting(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path} if self.kind == FOLDER else {"kind": self.kind}

    def said(self, chinese: bool = True) -> str:
        if self.kind == DATABASE:
            return "服务器数据库中" if chinese else "in the server's database"
        return f"共享文件夹 {self.path}" if chinese else f"the shared folder {self.path}"


def place(kind: str, path: str | os.PathLike[str] | None = None) -> EvidencePlace:
    """The place named by ``--evidence database`` or ``--evidence folder PATH``, refused in both languages when
    it is neither or the folder is not given."""
    if kind == DATABASE and not path:
        return EvidencePlace(DATABASE)
    if kind == FOLDER and path:
        return EvidencePlace(FOLDER, os.fspath(path))
    given = " ".join(str(part) for part in (kind, path) if part)
    raise WorkspaceError(
        f"--evidence {given}: say database, or folder and the shared folder's path",
        f"--evidence {given}：请写 database，或 folder 加上共享文件夹的路径",
        "evidence_place",
    )


def choose(workspace: Any, chosen: EvidencePlace) -> None:
    """Keep the server workspace's evidence at ``chosen`` from now on (``server init --evidence``). A workspace
    folder is refused: its evidence stays in its own ``vault/``."""
    if workspace.folder is not None:
        raise WorkspaceError(
            f"{workspace.folder}: a workspace folder keeps its evidence in its own vault/ folder; "
            "the place is chosen for a workspace on a server",
            f"{workspace.folder}：本地工作区的佐证材料固定存放在其 vault 文件夹中；存放位置只能为服务器上的工作区选择",
            "evidence_place_local",
        )
    workspace.set_setting(SETTING, chosen.to_setting())
    workspace.evidence = EvidenceBook(workspace.store, vault_for(workspace.store, workspace.engine, chosen))


def place_of(store: Store) -> EvidencePlace | None:
    """The workspace's choice (None: not made, the default folder)."""
    from egov_desk.core.db.models import Setting

    with store.read() as session:
        row = session.get(Setting, SETTING)
    value = row.value if row is not None else None
    if not isinstance(value, dict) or value.get("kind") not in (DATABASE, FOLDER):
        return None
    return EvidencePlace(str(value["kind"]), str(value.get("path") or ""))


def cache_label(engine: Engine) -> str:
    """A folder name for this server database (host, port, database; never the password)."""
    url = engine.url
    return re.sub(r"[^0-9A-Za-z_.-]+", "_", f"{url.host or 'localhost'}_{url.port or 5432}_{url.database or ''}")


def vault_for(store: Store, engine: Engine, chosen: EvidencePlace) -> EvidenceVault:
    from egov_desk.core.evidence.database_vault import DatabaseVault, cache_folder

    if chosen.kind == DATABASE:
        return DatabaseVault(engine, cache_folder(cache_label(engine)))
    return Vault(Path(chosen.path))


def place_evidence(workspace: W, vault: Path | None = None) -> W:
    """A server workspace just connected, its evidence where the workspace chose — for every client alike, so
    ``EGOV_VAULT`` does not move it; only a ``vault`` the caller gives (a test's folder) does. Returns the
    workspace."""
    if vault is not None:
        return workspace
    try:
        opened: Any = workspace
        chosen = place_of(opened.store)
        if chosen is not None:
            opened.evidence = EvidenceBook(opened.store, vault_for(opened.store, opened.engine, chosen))
    except BaseException:
        opened.close()
        raise
    return workspace


@dataclass(frozen=True)
class EvidenceCheck:
    place: EvidencePlace | None
    where: str  # the vault's own words for where the bytes are
    reachable: bool
    reason: str = ""

    def lines(self, chinese: bool = True) -> list[str]:
        said = self.place.said(chinese) if self.place else (f"文件夹 {self.where}" if chinese else self.where)
        if chinese:
            state = "可以访问" if self.reachable else f"无法访问（{self.reason}）"
            return [f"佐证材料存放在：{said}；{state}"]
        state = "reachable" if self.reachable else f"not reachable ({self.reason})"
        return [f"Evidence is kept {said}; {state}"]


def check_evidence(workspace: Any) -> EvidenceCheck:
    """Where the workspace's evidence lives and whether this PC reaches it (a folder read and written, the
    database's evidence tables read)."""
    chosen = place_of(workspace.store)
    vault: EvidenceVault = workspace.evidence.vault
    try:
        if isinstance(vault, Vault) and vault.folder.is_dir():
            vault.clock()  # writes and removes a marker in the folder's tmp/
        elif isinstance(vault, Vault) and chosen is not None and chosen.kind == FOLDER:
            raise FileNotFoundError(f"{vault.folder} does not exist or is not mounted")  # this PC's own: made later
        vault.blobs()
    except Exception as exc:  # an unreachable share, a refused permission, a server gone: said, not raised
        reason = getattr(exc, "strerror", None) or str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return EvidenceCheck(chosen, vault.where(), False, reason or type(exc).__name__)
    return EvidenceCheck(chosen, vault.where(), True)
