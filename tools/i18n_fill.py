"""Fill the French wording catalogue: every message without a French text gets its source.

    python tools/i18n_fill.py cep_desk/resources/i18n/cep_desk_fr.ts   (make i18n runs it)

The interface is written in French, so ``cep_desk_fr.ts`` is the catalogue of its wording: a
message starts as its source text (marked finished, so that ``lrelease`` compiles it) and can
then be reworded in Qt Linguist without touching the code. A text already changed is kept; a
message whose source changed comes back as new (lupdate marks the old one vanished).
Standard library only (xml.etree), so that it runs before anything is installed.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(path: Path) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if forms and all(not (f.text or "") for f in forms):
                for form in forms:
                    form.text = source
                translation.attrib.pop("type", None)
                filled += 1
            continue
        if not (translation.text or ""):
            translation.text = source
            translation.attrib.pop("type", None)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )
    return filled


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {fill(Path(name))} messages given their French source text")
