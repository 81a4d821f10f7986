"""A double-click on a department work package (.egovpkg) opens it with egov-desk: the Linux desktop entry and
shared-mime-info type agree, the .deb installs the type, and the Windows installer registers `egov-desk "%1"`."""

from __future__ import annotations

import configparser
import re
import xml.etree.ElementTree as ET  # our own file
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / "egov-desk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_mime_type_names_the_egovpkg_files_and_the_desktop_entry_opens_them() -> None:
    root = ET.parse(LINUX / "egov-desk-mime.xml").getroot()
    [mime_type] = root.findall(f"{MIME}mime-type")
    assert mime_type.get("type") == "application/x-egovpkg"
    assert [glob.get("pattern") for glob in mime_type.findall(f"{MIME}glob")] == ["*.egovpkg"]
    assert any("工作包" in (comment.text or "") for comment in mime_type.findall(f"{MIME}comment"))
    entry = desktop_entry()
    assert "application/x-egovpkg" in entry["MimeType"].split(";")
    assert entry["Exec"].endswith(" %f")  # the file double-clicked is the one positional argument


def test_the_deb_installs_the_mime_type_and_refreshes_the_database() -> None:
    script = (LINUX / "build-deb.sh").read_text(encoding="utf-8")
    assert "egov-desk-mime.xml" in script
    assert "/usr/share/mime/packages/egov-desk.xml" in script
    assert "update-mime-database" in script


def test_the_windows_installer_opens_a_package_with_the_app() -> None:
    script = (ROOT / "packaging" / "windows" / "egov-desk.iss").read_text(encoding="utf-8")
    assert "ChangesAssociations=yes" in script
    assert re.search(
        r'Subkey: "Software\\Classes\\\.egovpkg"; ValueType: string; ValueData: "egovdesk\.package"', script
    )
    [command] = [line for line in script.splitlines() if "shell\\open\\command" in line]
    assert 'ValueData: """{app}\\egov-desk.exe"" ""%1"""' in command
    assert "--workspace" not in command
