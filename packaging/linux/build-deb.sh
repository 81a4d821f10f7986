#!/usr/bin/env bash
# Build the one-folder app and wrap it into a .deb that installs offline under /opt/egov-desk:
#   packaging/linux/build-deb.sh            → build/egov-desk_<version>_<arch>.deb
# Needs the project's .venv with PyInstaller (make package does it). Removing the package leaves every user's
# workspace (~/.local/share/egov-desk) alone: it lives in their home, not under /opt.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$("$PYTHON" -c 'import egov_desk; print(egov_desk.__version__)')
ARCH=$(dpkg --print-architecture)

"$PYTHON" -m PyInstaller packaging/egov-desk.spec --noconfirm --distpath build/dist --workpath build/work

STAGE=build/deb/egov-desk_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/egov-desk" \
         "$STAGE/usr/share/mime/packages"
cp -a build/dist/egov-desk "$STAGE/opt/egov-desk"
ln -s /opt/egov-desk/egov-desk "$STAGE/usr/bin/egov-desk"
ln -s /opt/egov-desk/egov-desk-cli "$STAGE/usr/bin/egov-desk-cli"
install -m 644 packaging/linux/egov-desk.desktop "$STAGE/usr/share/applications/egov-desk.desktop"
install -m 644 packaging/linux/egov-desk-mime.xml "$STAGE/usr/share/mime/packages/egov-desk.xml"
install -m 644 resources/icons/egov-desk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/egov-desk.svg"
install -m 644 docs/install.md "$STAGE/usr/share/doc/egov-desk/install.md"
install -m 644 LICENSE "$STAGE/usr/share/doc/egov-desk/copyright"
SIZE=$(du -sk "$STAGE/opt" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: egov-desk
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: egov-desk developers <egov-desk@localhost>
Installed-Size: ${SIZE}
Section: misc
Priority: optional
Depends: libc6, libgl1, libegl1, libfontconfig1, libglib2.0-0, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei
Recommends: libsane1 | libsane, sane-utils
Description: e-government performance evaluation workbench (电子政务绩效考评)
 Self-score the year's e-government indicator system, gather and verify evidence,
 print department checklists and export the score sheet, report and evidence package.
 Works offline; data stays in each user's workspace folder.
CONTROL
cat > "$STAGE/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q /usr/share/icons/hicolor || true; fi
POSTINST
chmod 755 "$STAGE/DEBIAN/postinst"
dpkg-deb --root-owner-group --build "$STAGE" "build/egov-desk_${VERSION}_${ARCH}.deb"
echo "built build/egov-desk_${VERSION}_${ARCH}.deb ($(du -h "build/egov-desk_${VERSION}_${ARCH}.deb" | cut -f1); folder $(du -sh build/dist/egov-desk | cut -f1))"
