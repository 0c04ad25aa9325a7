"""Earlier versions of uploaded documents, kept beside them in ``instance/docs/.versions/``.

Every replacement (an upload under a known name, 替换, 回滚) first copies the
file it replaces here, with a small JSON note of who had uploaded that version
and when. If the new file does not ingest, ``restore`` moves the copy back and
nothing new is left on disk; if it does, the copy stays as a version staff can
download or roll back to.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot.models import utcnow

VERSIONS = ".versions"
_STAMP = "%Y%m%d-%H%M%S-%f"
_STORED = re.compile(r"^(\d{8}-\d{6}-\d{6})-(.+)$")


@dataclass(frozen=True)
class Version:
    stored: str         # its file name under .versions/
    doc_id: str
    kept_at: datetime   # when it was replaced (UTC)
    uploaded_by: str    # who had uploaded it ("" when not known)
    uploaded_at: float  # when (epoch seconds; 0 when not known)
    size: int


def keep(target: Path, uploaded_by: str = "", uploaded_at: float = 0.0) -> Path:
    """Copy ``target`` into the versions folder before it is replaced; returns the copy."""
    folder = target.parent / VERSIONS
    folder.mkdir(exist_ok=True)
    kept = folder / f"{utcnow():{_STAMP}}-{target.name}"
    kept.write_bytes(target.read_bytes())
    _note(kept).write_text(json.dumps({"uploaded_by": uploaded_by, "uploaded_at": uploaded_at}, ensure_ascii=False),
                           encoding="utf-8")
    return kept


def restore(kept: Path, target: Path) -> None:
    """Put a kept version back in place of a file that did not ingest (the copy is consumed)."""
    os.replace(kept, target)
    _note(kept).unlink(missing_ok=True)


def versions_of(docs_dir: Path, doc_id: str) -> list[Version]:
    """The kept versions of ``doc_id``, newest first."""
    folder = docs_dir / VERSIONS
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        m = _STORED.match(path.name)
        if not m or m.group(2) != doc_id or path.suffix == ".json":
            continue
        try:
            note = json.loads(_note(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            note = {}
        kept_at = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=timezone.utc)
        found.append(Version(path.name, doc_id, kept_at, note.get("uploaded_by", ""),
                             float(note.get("uploaded_at") or 0), path.stat().st_size))
    return sorted(found, key=lambda v: v.stored, reverse=True)


def version_path(docs_dir: Path, doc_id: str, stored: str) -> Path | None:
    """The file of one kept version of ``doc_id``; None for any other name (no path tricks)."""
    m = _STORED.match(stored)
    path = docs_dir / VERSIONS / stored
    if not m or m.group(2) != doc_id or "/" in stored or stored.endswith(".json") or not path.is_file():
        return None
    return path


def _note(kept: Path) -> Path:
    return kept.with_name(kept.name + ".json")


def discard_all(docs_dir: Path, doc_id: str) -> None:
    """Delete every kept version of a document that staff deleted: nothing of it stays on disk."""
    for v in versions_of(docs_dir, doc_id):
        path = docs_dir / VERSIONS / v.stored
        path.unlink(missing_ok=True)
        _note(path).unlink(missing_ok=True)
