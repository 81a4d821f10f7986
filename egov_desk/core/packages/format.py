"""The ``.egovpkg`` format, version 1: a ZIP holding a manifest, a payload and the evidence files.

Members:

- ``manifest.json``: ``{"format": "egovpkg", "version": 1, "kind": "department" | "return", "workspace": <the
  workspace's id, a uuid4>, "assessment": {"id", "year", "title", "unit"}, "department", "sequence": <the
  package's number among this department's, from 1>, "made_at": <UTC, ISO with offset>, "made_by": {"login",
  "name", "role"}, "app": <the egov-desk version>, "members": {<name>: {"sha256", "size"}, …} (every other member),
  "content_sha256"}``. ``content_sha256`` is the SHA-256 of the manifest's canonical JSON without it (sorted keys,
  no spaces, UTF-8 as it is: :func:`canonical`), so the manifest's members' hashes cover the whole package.
- ``payload.json``: what the department works on (see :mod:`.export`).
- ``evidence/<sha256>``: each evidence file once, named by the SHA-256 of its bytes, stored uncompressed.

A reader (:mod:`.reading`) trusts nothing it has not hashed: the manifest's own hash, then every member's, read
as a stream out of the ZIP, never past the size the manifest declares.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from egov_desk.core.errors import Refused
from egov_desk.core.importers.limits import MAX_PART

FORMAT = "egovpkg"
VERSION = 1
DEPARTMENT, RETURN = "department", "return"
KINDS = (DEPARTMENT, RETURN)
SUFFIX = ".egovpkg"
MANIFEST = "manifest.json"
PAYLOAD = "payload.json"
EVIDENCE = "evidence/"

# What a package may hold. The manifest and the payload are JSON a few hundred KB at most: they get an import's
# part limit (importers/limits.py). Evidence files are scans: each one's size is the manifest's (the ZIP's own
# headers are not trusted), at most MAX_FILE, all together at most MAX_PACKAGE.
MAX_MEMBERS = 20_000
MAX_JSON = MAX_PART
MAX_FILE = 4 * 1024**3
MAX_PACKAGE = 64 * 1024**3

_SHA256 = re.compile(r"[0-9a-f]{64}")


class PackageRefused(Refused):
    """A package that cannot be read as given: not a package, damaged, tampered, unsafe or too large. ``kind``
    names the case; the message says it in one line, naming the file."""


def refusal(file: str, kind: str, english: str, chinese: str, **values: Any) -> PackageRefused:
    """A one-line refusal starting with the file's name."""
    return PackageRefused(f"{file}: {english}", f"{file}：{chinese}", kind, file=file, **values)


def canonical(data: Any) -> bytes:
    """JSON as hashed: sorted keys, no spaces, characters as they are, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(manifest: Mapping[str, Any]) -> str:
    """The SHA-256 of the manifest's canonical JSON without its ``content_sha256``."""
    return hashlib.sha256(canonical({k: v for k, v in manifest.items() if k != "content_sha256"})).hexdigest()


def evidence_member(sha256: str) -> str:
    return f"{EVIDENCE}{sha256}"


def is_sha256(text: object) -> bool:
    return isinstance(text, str) and _SHA256.fullmatch(text) is not None


def unsafe_name(name: str) -> bool:
    """Whether a member's name could point outside a folder it is unpacked into (zip-slip), or means different
    things on Windows and POSIX: absolute, a drive letter, a backslash, a "." or ".." step, an empty step."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return True
    if re.match(r"^[A-Za-z]:", name):
        return True
    return any(step in ("", ".", "..") for step in name.split("/"))


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class AssessmentRef:
    id: int
    year: int
    title: str
    unit: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "year": self.year, "title": self.title, "unit": self.unit}


@dataclass(frozen=True)
class MadeBy:
    login: str
    name: str = ""
    role: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"login": self.login, "name": self.name, "role": self.role}

    @property
    def label(self) -> str:
        return f"{self.name}/{self.login}" if self.name else self.login


@dataclass(frozen=True)
class Manifest:
    kind: str
    workspace: str
    assessment: AssessmentRef
    department: str
    sequence: int
    made_at: str
    made_by: MadeBy
    app: str
    members: Mapping[str, Member] = field(default_factory=dict)
    version: int = VERSION
    content_sha256: str = ""

    def body(self) -> dict[str, Any]:
        """The manifest as JSON, without its content hash."""
        return {
            "format": FORMAT,
            "version": self.version,
            "kind": self.kind,
            "workspace": self.workspace,
            "assessment": self.assessment.to_json(),
            "department": self.department,
            "sequence": self.sequence,
            "made_at": self.made_at,
            "made_by": self.made_by.to_json(),
            "app": self.app,
            "members": {name: member.to_json() for name, member in sorted(self.members.items())},
        }

    def to_json(self) -> dict[str, Any]:
        """The manifest as written: its body and the body's content hash."""
        body = self.body()
        return body | {"content_sha256": content_hash(body)}

    @property
    def evidence(self) -> list[str]:
        """The SHA-256 of every evidence file the package holds."""
        return [name[len(EVIDENCE) :] for name in self.members if name.startswith(EVIDENCE)]


def _field(data: Mapping[str, Any], key: str, kind: type, file: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise refusal(
            file,
            "malformed_manifest",
            f"the manifest's {key!r} is missing or not a {kind.__name__} — not a package egov-desk wrote",
            f"清单（manifest.json）中的“{key}”缺失或格式不对，不是 egov-desk 写出的工作包",
            field=key,
        )
    return value


def manifest_from_json(data: Mapping[str, Any], file: str) -> Manifest:
    """The manifest's fields, each checked for its type (format, version and hash are checked by the reader)."""
    assessment = _field(data, "assessment", dict, file)
    made_by = _field(data, "made_by", dict, file)
    members: dict[str, Member] = {}
    for name, member in _field(data, "members", dict, file).items():
        if not isinstance(member, dict):
            raise refusal(
                file,
                "malformed_manifest",
                f"the manifest's entry for {name} is not an object",
                f"清单中 {name} 的条目格式不对",
            )
        sha256, size = member.get("sha256"), member.get("size")
        if (
            not isinstance(sha256, str)
            or not is_sha256(sha256)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
        ):
            raise refusal(
                file,
                "malformed_manifest",
                f"the manifest's entry for {name} has no valid SHA-256 and size",
                f"清单中 {name} 的条目缺少有效的 SHA-256 或大小",
                member=name,
            )
        members[name] = Member(sha256, size)
    return Manifest(
        kind=_field(data, "kind", str, file),
        workspace=_field(data, "workspace", str, file),
        assessment=AssessmentRef(
            _field(assessment, "id", int, file),
            _field(assessment, "year", int, file),
            _field(assessment, "title", str, file),
            _field(assessment, "unit", str, file),
        ),
        department=_field(data, "department", str, file),
        sequence=_field(data, "sequence", int, file),
        made_at=_field(data, "made_at", str, file),
        made_by=MadeBy(_field(made_by, "login", str, file), str(made_by.get("name", "")), str(made_by.get("role", ""))),
        app=str(data.get("app", "")),
        members=members,
        version=_field(data, "version", int, file),
        content_sha256=_field(data, "content_sha256", str, file),
    )
