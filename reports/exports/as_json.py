"""The report as JSON (UTF-8, Vietnamese unescaped): the document itself."""

import json


def render(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
