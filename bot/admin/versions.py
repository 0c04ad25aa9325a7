"""Earlier versions of uploaded documents, kept beside them in ``instance/docs/.versions/``.

Every replacement (an upload under a known name, 替换, 回滚) first copies the
file it replaces here, with a small JSON note of who had uploaded that version
and when. If the new file does not ingest, ``restore`` moves the copy back and
nothing new is left on disk; if it does, the copy stays as a version staff can
download or roll back to.

A replacement by a file of another name ends the old document: once it has
ingested, ``retire`` moves the old file here and hands the old document's
versions to the new one (the note's ``doc``), so ``instance/docs`` holds only
indexed documents' files and their old names are free to use again.
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
    doc_id: str         # the document it is a version of
    name: str           # the file's own name (another one when the document was replaced by another name)
    kept_at: datetime   # when it was replaced (UTC)
    uploaded_by: str    # who had uploaded it ("" when not known)
    uploaded_at: float  # when (epoch seconds; 0 when not known)
    size: int


def keep(target: Path, uploaded_by: str = "", uploaded_at: float = 0.0, doc_id: str | None = None) -> Path:
    """Copy ``target`` into the versions folder before it is replaced; returns the copy.

    ``doc_id``: the document it is a version of, when not the file's own name.
    """
    folder = target.parent / VERSIONS
    folder.mkdir(exist_ok=True)
    kept = folder / f"{utcnow():{_STAMP}}-{target.name}"
    kept.write_bytes(target.read_bytes())
    note = {"uploaded_by": uploaded_by, "uploaded_at": uploaded_at}
    if doc_id and doc_id != target.name:
        note["doc"] = doc_id
    _write_note(kept, note)
    return kept


def retire(old: Path, new_doc: str, uploaded_by: str = "", uploaded_at: float = 0.0) -> None:
    """The document ``old`` was indexed as has been replaced by ``new_doc`` (a file of another name):
    its file and its versions become versions of ``new_doc``, and nothing is left under its name."""
    for v in versions_of(old.parent, old.name):
        path = old.parent / VERSIONS / v.stored
        note = _read_note(path)
        _write_note(path, {**note, "doc": new_doc})
    if old.is_file():
        keep(old, uploaded_by, uploaded_at, doc_id=new_doc)
        old.unlink()


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
        if not m or path.suffix == ".json":
            continue
        note = _read_note(path)
        if note.get("doc", m.group(2)) != doc_id:
            continue
        kept_at = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=timezone.utc)
        found.append(Version(path.name, doc_id, m.group(2), kept_at, note.get("uploaded_by", ""),
                             float(note.get("uploaded_at") or 0), path.stat().st_size))
    return sorted(found, key=lambda v: v.stored, reverse=True)


def version_of(docs_dir: Path, doc_id: str, stored: str) -> Version | None:
    """One kept version of ``doc_id``; None for any other name (no path tricks)."""
    return next((v for v in versions_of(docs_dir, doc_id) if v.stored == stored), None)


def _note(kept: Path) -> Path:
    return kept.with_name(kept.name + ".json")


def _read_note(kept: Path) -> dict:
    try:
        note = json.loads(_note(kept).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return note if isinstance(note, dict) else {}


def _write_note(kept: Path, note: dict) -> None:
    _note(kept).write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")


def discard_all(docs_dir: Path, doc_id: str) -> None:
    """Delete every kept version of a document that staff deleted: nothing of it stays on disk."""
    for v in versions_of(docs_dir, doc_id):
        path = docs_dir / VERSIONS / v.stored
        path.unlink(missing_ok=True)
        _note(path).unlink(missing_ok=True)
