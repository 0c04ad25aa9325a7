"""What the document list shows: each document's status, dates, uploader, last failure and near-duplicates.

The status and dates come from the index manifest (so every worker shows the
same), judged against today's date (``KnowledgeBase.today``); a failed upload
or replacement comes from the audit log (``doc.*.result``), where the job that
refused it recorded why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from flask import flash
from sqlalchemy import select

from bot import messages
from bot.admin.jobs import doc_reason
from bot.admin.versions import versions_of
from bot.db import get_db
from bot.models import AuditEntry, utcnow
from ingest.pipeline import YEAR_VALUE
from knowledge.snapshot import DocumentInfo, Manifest

RESULT_ACTIONS = ("doc.upload.result", "doc.replace.result", "doc.rollback.result")
FAILED_SHOWN_DAYS = 7  # a refused new upload stays on the list this long, so staff see what happened


@dataclass
class DocRow:
    doc: DocumentInfo
    status: str                  # indexed | coverage | disabled | expired | pending (DocumentInfo.status)
    failure: str = ""            # the last upload/replacement of this name failed, why (this version still answers)
    similar: list[str] = field(default_factory=list)
    versions: int = 0

    @property
    def label(self) -> str:
        return messages.DOC_STATUS[self.status]

    @property
    def failure_note(self) -> str:
        return messages.DOC_LAST_FAILED.format(reason=self.failure)


@dataclass
class FailedUpload:
    """A new document that never made it into the index: nothing of it is on disk."""

    doc_id: str
    actor: str
    at: datetime
    reason: str

    @property
    def label(self) -> str:
        return messages.DOC_FAILED.format(reason=self.reason)


def document_rows(manifest: Manifest | None, today: date, docs_dir: Path) -> tuple[list[DocRow], list[FailedUpload]]:
    docs = manifest.docs if manifest else {}
    last = _last_results()
    rows = []
    for doc in sorted(docs.values(), key=lambda d: d.doc_id):
        entry = last.get(doc.doc_id)
        failed_since = entry is not None and not entry.detail.get("ok") and (
            entry.created_at.replace(tzinfo=timezone.utc).timestamp() > doc.updated_at)  # not mended since
        failure = doc_reason(entry.detail.get("reason") or "build failed") if failed_since else ""
        rows.append(DocRow(doc, doc.status(today), failure, versions=len(versions_of(docs_dir, doc.doc_id))))
    by_id = {r.doc.doc_id: r for r in rows}
    for a, b, jaccard in (manifest.similar if manifest else []):
        if a in by_id and b in by_id:
            pct = round(100 * jaccard)
            by_id[a].similar.append(messages.DOC_SIMILAR.format(title=docs[b].title, pct=pct))
            by_id[b].similar.append(messages.DOC_SIMILAR.format(title=docs[a].title, pct=pct))
    since = utcnow() - timedelta(days=FAILED_SHOWN_DAYS)
    failed = [FailedUpload(target, e.actor.removeprefix("staff:"), e.created_at,
                           doc_reason(e.detail.get("reason") or "build failed"))
              for target, e in last.items()
              if target not in docs and not e.detail.get("ok") and e.created_at >= since]
    return rows, failed


def _last_results() -> dict[str, AuditEntry]:
    """The latest upload/replace/rollback outcome per file name."""
    entries = get_db().scalars(select(AuditEntry).where(AuditEntry.action.in_(RESULT_ACTIONS))
                               .order_by(AuditEntry.id.desc()).limit(1000))
    last: dict[str, AuditEntry] = {}
    for e in entries:
        last.setdefault(e.target, e)
    return last


def date_args(form, blank_clears: bool = False) -> list[str] | None:
    """The form's effective/expiry dates as ``ingest`` options; None (and a flash) when they are wrong.

    A blank field is left alone at upload, and clears the date on the document list (``blank_clears``).
    """
    values = {}
    for key in ("effective", "expires"):
        raw = (form.get(key) or "").strip()
        if not raw:
            if blank_clears:
                values[key] = ""
            continue
        try:
            values[key] = date.fromisoformat(raw).isoformat()
        except ValueError:
            flash(messages.DOC_DATES_BAD, "error")
            return None
    if values.get("effective") and values.get("expires") and values["expires"] < values["effective"]:
        flash(messages.DOC_DATES_ORDER, "error")
        return None
    return [f"--{key}={value}" for key, value in values.items()]


# What staff may say a document is (the upload form's fields and ingest's document_meta), as the
# console's form fields; "doc_number" is ``ingest build --doc-number``.
META_FIELDS = ("title", "issuer", "region", "doc_number", "year")
DATE_FIELDS = ("effective", "expires")


def meta_values(doc: DocumentInfo) -> dict[str, str]:
    """What the document's page shows in its fields: the region as staff wrote it (else the place
    ingest read, its last part, as the list shows it), the rest as the index has it."""
    overrides = json.loads(doc.meta.get("overrides", "{}"))
    region = overrides.get("region") or " ".join((doc.meta.get("region") or "").split()[-1:])
    values = {"title": doc.title, "region": region}
    values.update({k: doc.meta.get(k, "") for k in ("issuer", "doc_number", "year")})
    values.update({k: getattr(doc, k) or "" for k in DATE_FIELDS})
    return values


def _as_field(value: str) -> str:
    """A metadata value as one line of at most 120 characters, as the form takes it."""
    return " ".join(value.split())[:120]


def meta_changes(form, doc: DocumentInfo | None) -> list[str] | None:
    """The fields staff changed from what the page showed them, as ``ingest build`` options
    ("--title=…"; an emptied field is "--title=", read from the text again); a field the form
    lacks, or left as shown, is not passed, so the document keeps what it had (and a replacement
    keeps what staff set, and reads the rest from its new file). None (and a flash) when wrong."""
    shown = meta_values(doc) if doc is not None else {}
    changed: dict[str, str] = {}
    for key in META_FIELDS + DATE_FIELDS:
        value = form.get(key)
        if value is None:
            continue
        value = _as_field(value)
        # compared as the field holds it: a long title or one with line breaks, left as shown,
        # is no change (else saving the page would cut or flatten it)
        if value != _as_field(shown.get(key, "")):
            changed[key] = value
    if changed.get("year") and not YEAR_VALUE.fullmatch(changed["year"]):
        flash(messages.DOC_YEAR_BAD, "error")
        return None
    for key in DATE_FIELDS:
        if changed.get(key):
            try:
                changed[key] = date.fromisoformat(changed[key]).isoformat()
            except ValueError:
                flash(messages.DOC_DATES_BAD, "error")
                return None
    effective, expires = (changed.get(k, shown.get(k, "")) for k in DATE_FIELDS)
    if effective and expires and expires < effective:
        flash(messages.DOC_DATES_ORDER, "error")
        return None
    return [f"--{key.replace('_', '-')}={value}" for key, value in changed.items()]
