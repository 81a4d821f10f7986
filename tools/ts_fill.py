"""Fill unfinished messages of a Qt Linguist .ts file from a JSON mapping {source: translation}; a key
"Context::source" gives one context its own words where the same English means different things.

For maintainers without Qt Linguist at hand:  python tools/ts_fill.py resources/translations/egov_desk_zh_CN.ts
new.json, then `make translations`. Numerus messages take the one Chinese form. Never overwrites a finished one.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET  # our own file, not untrusted input
from pathlib import Path


def fill(ts_path: Path, mapping: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            words = mapping.get(f"{name}::{source}", mapping.get(source))
            if words is None:
                missing.append(source)
                continue
            forms = translation.findall("numerusform")
            if forms:
                for form in forms:
                    form.text = words
            else:
                translation.text = words
            del translation.attrib["type"]
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for source in left:
        print(f"untranslated: {source}")
    sys.exit(1 if left else 0)
