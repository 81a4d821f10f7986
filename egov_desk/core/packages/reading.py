"""Reading a ``.egovpkg``: every check before anything is believed, nothing unpacked to disk.

:func:`read_package` refuses, in one line naming the file and what is wrong (``kind`` names the case):

- ``not_a_package`` (not a ZIP), ``truncated`` (a ZIP cut short), ``unreadable``;
- ``too_many_members``, ``too_large`` (limits in :mod:`.format`);
- ``unsafe_name`` (zip-slip: absolute, "..", backslashes, drive letters), ``duplicate_member``;
- ``no_manifest``, ``malformed_manifest``, ``unknown_format``, ``newer_version`` ("made by a newer egov-desk"),
  ``unknown_version``, ``unknown_kind``, ``tampered_manifest`` (its content hash differs);
- ``unlisted_member``, ``missing_member``, ``unexpected_member``;
- ``tampered_member`` (its SHA-256 or size differs), ``damaged_member`` (its bytes cannot be read back);
- ``malformed_payload``.

Members are hashed as streams out of the ZIP, never read past the size the manifest declares.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from egov_desk.core.evidence.vault import CHUNK
from egov_desk.core.packages.format import (
    EVIDENCE,
    FORMAT,
    KINDS,
    MANIFEST,
    MAX_FILE,
    MAX_JSON,
    MAX_MEMBERS,
    MAX_PACKAGE,
    PAYLOAD,
    RETURN,
    VERSION,
    Manifest,
    Member,
    PackageRefused,
    content_hash,
    evidence_member,
    manifest_from_json,
    refusal,
    unsafe_name,
)
from egov_desk.core.packages.meter import Meter


@dataclass(frozen=True)
class Package:
    """A package that passed every check: its manifest and payload, and its evidence readable by hash."""

    path: Path
    manifest: Manifest
    payload: dict[str, Any]

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self.payload["items"])

    @property
    def files(self) -> list[dict[str, Any]]:
        return list(self.payload["files"])

    @contextmanager
    def evidence(self, sha256: str) -> Iterator[IO[bytes]]:
        """The stored bytes of one evidence file, as a stream (checked when the package was read)."""
        with zipfile.ZipFile(self.path) as archive, archive.open(evidence_member(sha256)) as stream:
            yield stream

    def to_json(self) -> dict[str, Any]:
        """What ``package inspect --json`` prints."""
        manifest = self.manifest
        items = self.items
        return {
            "path": str(self.path),
            "format": FORMAT,
            "version": manifest.version,
            "kind": manifest.kind,
            "workspace": manifest.workspace,
            "assessment": manifest.assessment.to_json(),
            "department": manifest.department,
            "sequence": manifest.sequence,
            "made_at": manifest.made_at,
            "made_by": manifest.made_by.to_json(),
            "app": manifest.app,
            "content_sha256": manifest.content_sha256,
            "deadlines": self.payload.get("deadlines", {}),
            "items": [
                {
                    "code": item.get("code"),
                    "role": item.get("role"),
                    "title": item.get("title", ""),
                    "score": item.get("score"),
                    "status": item.get("status"),
                    "requirements": len(item.get("requirements", [])),
                    "files": len(
                        {*item.get("general", []), *(f for r in item.get("requirements", []) for f in r["files"])}
                    ),
                    **({"changes": list(item.get("changes", []))} if manifest.kind == RETURN else {}),
                }
                for item in items
            ],
            "files": len(self.files),
            "evidence": {
                "files": len(manifest.evidence),
                "bytes": sum(member.size for name, member in manifest.members.items() if name.startswith(EVIDENCE)),
            },
        }


def _open(path: Path, file: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        try:
            with path.open("rb") as reader:
                head = reader.read(4)
        except OSError:
            head = b""
        if head == b"PK\x03\x04":
            raise refusal(
                file,
                "truncated",
                "the package is cut short (copied incompletely?) — ask for it again",
                "工作包不完整（可能没有复制完），请重新获取",
            ) from None
        raise refusal(
            file, "not_a_package", "not an egov-desk package (not a ZIP file)", "不是 egov-desk 工作包（不是 ZIP 文件）"
        ) from None
    except OSError as exc:
        raise refusal(
            file, "unreadable", f"cannot be read ({exc.strerror or exc})", f"无法读取（{exc.strerror or exc}）"
        ) from None


def _stream(
    archive: zipfile.ZipFile, name: str, limit: int, file: str, keep: bool, meter: Meter | None = None
) -> tuple[str, int, bytes]:
    """Hash a member as it streams out of the ZIP, reading at most ``limit`` + 1 bytes: (sha256, size, bytes if
    ``keep``)."""
    digest = hashlib.sha256()
    size, kept = 0, []
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(min(CHUNK, limit + 1 - size)):
                if meter:
                    meter.add(len(chunk))
                size += len(chunk)
                digest.update(chunk)
                if keep:
                    kept.append(chunk)
                if size > limit:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise refusal(
            file,
            "damaged_member",
            f"{name} cannot be read back (the file is damaged) — ask for the package again",
            f"其中的 {name} 无法读出（文件已损坏），请重新获取工作包",
            member=name,
        ) from None
    return digest.hexdigest(), size, b"".join(kept)


def _json(data: bytes, file: str, name: str, kind: str) -> dict[str, Any]:
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        parsed = None
    if not isinstance(parsed, dict):
        raise refusal(file, kind, f"{name} is not a JSON object", f"其中的 {name} 不是有效的 JSON 对象", member=name)
    return parsed


def _check_names(archive: zipfile.ZipFile, file: str) -> set[str]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS + 1:
        raise refusal(
            file,
            "too_many_members",
            f"holds {len(infos)} members, more than the {MAX_MEMBERS + 1} a package may — refused",
            f"包含 {len(infos)} 个成员，超过工作包允许的 {MAX_MEMBERS + 1} 个，已拒绝",
            count=len(infos),
        )
    names: set[str] = set()
    for info in infos:
        if unsafe_name(info.filename):
            raise refusal(
                file,
                "unsafe_name",
                f"a member is named {info.filename!r}, which points outside the package (zip-slip) — refused",
                f"其中的成员名“{info.filename}”指向工作包以外的位置（zip-slip），已拒绝",
                member=info.filename,
            )
        if info.filename in names:
            raise refusal(
                file,
                "duplicate_member",
                f"{info.filename} appears twice — refused",
                f"其中的 {info.filename} 出现了两次，已拒绝",
                member=info.filename,
            )
        names.add(info.filename)
    if MANIFEST not in names:
        raise refusal(
            file,
            "no_manifest",
            "not an egov-desk package (no manifest.json)",
            "不是 egov-desk 工作包（缺少 manifest.json）",
        )
    return names


def _check_manifest(data: dict[str, Any], file: str) -> Manifest:
    if data.get("format") != FORMAT:
        raise refusal(
            file,
            "unknown_format",
            f"not an egov-desk package (format {data.get('format')!r})",
            "不是 egov-desk 工作包（格式不符）",
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise refusal(
            file,
            "newer_version",
            f"made by a newer egov-desk (package format {version}; this one reads {VERSION}) — update egov-desk",
            f"该工作包由更新版本的 egov-desk 制作（格式版本 {version}，本程序只能读取版本 {VERSION}），"
            "请先升级 egov-desk",
            version=version,
        )
    if version != VERSION:
        raise refusal(
            file,
            "unknown_version",
            f"unknown package format version {version!r}",
            f"未知的工作包格式版本：{version}",
            version=version,
        )
    if data.get("content_sha256") != content_hash(data):
        raise refusal(
            file,
            "tampered_manifest",
            "its manifest was changed after the package was made (content hash differs) — refused",
            "工作包的清单（manifest.json）在制作后被改动过（内容哈希不符），已拒绝",
        )
    manifest = manifest_from_json(data, file)
    if manifest.kind not in KINDS:
        raise refusal(
            file,
            "unknown_kind",
            f"unknown package kind {manifest.kind!r}",
            f"未知的工作包类型：{manifest.kind}",
            package_kind=manifest.kind,
        )
    return manifest


def _check_members(manifest: Manifest, names: set[str], file: str) -> None:
    present = names - {MANIFEST}
    listed = set(manifest.members)
    if extras := sorted(present - listed):
        extra = extras[0]
        raise refusal(
            file,
            "unlisted_member",
            f"{extra} is in the package but not in its manifest (added afterwards?) — refused",
            f"其中的 {extra} 不在工作包清单中（可能是事后加入的），已拒绝",
            member=extra,
        )
    if absents := sorted(listed - present):
        absent = absents[0]
        raise refusal(
            file,
            "missing_member",
            f"{absent} is in its manifest but missing from the package — refused",
            f"工作包清单列出的 {absent} 在包中缺失，已拒绝",
            member=absent,
        )
    if PAYLOAD not in listed:
        raise refusal(
            file, "missing_member", f"{PAYLOAD} is missing — refused", f"工作包缺少 {PAYLOAD}，已拒绝", member=PAYLOAD
        )
    total = 0
    for name, member in sorted(manifest.members.items()):
        if name != PAYLOAD and name != evidence_member(member.sha256):
            raise refusal(
                file,
                "unexpected_member",
                f"{name} is not a member a version {VERSION} package holds — refused",
                f"其中的 {name} 不是版本 {VERSION} 的工作包应有的内容，已拒绝",
                member=name,
            )
        limit = MAX_JSON if name == PAYLOAD else MAX_FILE
        total += member.size
        if member.size > limit or total > MAX_PACKAGE:
            shown = limit if member.size > limit else MAX_PACKAGE
            raise refusal(
                file,
                "too_large",
                f"{name} would take the package past {shown // 1024**2} MB — refused",
                f"其中的 {name} 使工作包超过 {shown // 1024**2} MB 的上限，已拒绝",
                member=name,
                limit=shown,
            )


def _check_member(archive: zipfile.ZipFile, name: str, member: Member, file: str, meter: Meter | None) -> bytes:
    if archive.getinfo(name).file_size == member.size:
        sha256, size, data = _stream(archive, name, member.size, file, name == PAYLOAD, meter)
        if sha256 == member.sha256 and size == member.size:
            return data
    raise _tampered(file, name)


def _tampered(file: str, name: str) -> PackageRefused:
    return refusal(
        file,
        "tampered_member",
        f"{name} was changed after the package was made (its SHA-256 differs from the manifest's) — refused",
        f"其中的 {name} 在工作包制作后被改动过（SHA-256 与清单不符），已拒绝",
        member=name,
    )


def _check_payload(payload: dict[str, Any], manifest: Manifest, file: str) -> None:
    items, files = payload.get("items"), payload.get("files")
    held = set(manifest.evidence)
    fine = (
        isinstance(items, list)
        and isinstance(files, list)
        and all(isinstance(item, dict) and isinstance(item.get("code"), str) for item in items)
        and all(isinstance(entry, dict) and entry.get("sha256") in held for entry in files)
        and payload.get("department") == manifest.department
    )
    if not fine:
        raise refusal(
            file,
            "malformed_payload",
            f"{PAYLOAD} does not hold what a version {VERSION} package holds — refused",
            f"其中的 {PAYLOAD} 内容不符合版本 {VERSION} 工作包的格式，已拒绝",
        )


def read_package(path: Path | str, meter: Meter | None = None, evidence: bool = True) -> Package:
    """Check a package through and return what it holds; refuse (:class:`~.format.PackageRefused`) at the first
    thing wrong. Nothing is written anywhere. A ``meter`` hears the members' bytes as they are hashed (its total
    grows by theirs once the manifest is read) and can cancel. ``evidence`` False leaves the evidence members'
    hashes to a caller that hashes them anyway as it copies them, refusing and undoing everything on the first
    that differs (opening a package: one read of the bytes instead of two); their sizes are still checked."""
    path = Path(path)
    file = str(path)
    with _open(path, file) as archive:
        names = _check_names(archive, file)
        _, _, raw = _stream(archive, MANIFEST, MAX_JSON, file, keep=True)
        if len(raw) > MAX_JSON:
            raise refusal(
                file,
                "too_large",
                f"{MANIFEST} is larger than {MAX_JSON // 1024**2} MB — refused",
                f"其中的 {MANIFEST} 超过 {MAX_JSON // 1024**2} MB，已拒绝",
            )
        manifest = _check_manifest(_json(raw, file, MANIFEST, "malformed_manifest"), file)
        _check_members(manifest, names, file)
        checked = {name: member for name, member in manifest.members.items() if evidence or name == PAYLOAD}
        if meter:
            meter.total += sum(member.size for member in checked.values())
        for name, member in manifest.members.items():
            if name not in checked and archive.getinfo(name).file_size != member.size:
                raise _tampered(file, name)
        payload = b""
        for name, member in sorted(checked.items()):
            data = _check_member(archive, name, member, file, meter)
            if name == PAYLOAD:
                payload = data
    parsed = _json(payload, file, PAYLOAD, "malformed_payload")
    _check_payload(parsed, manifest, file)
    return Package(path, manifest, parsed)
