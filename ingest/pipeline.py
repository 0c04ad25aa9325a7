"""Documents in, index generation out: the one ingest path.

The CLI (`python -m ingest`) and the staff console both call ``build`` and
``remove`` here, so a document uploaded in the browser is read, cleaned,
chunked and indexed exactly as one built from the command line.

Incremental by design: each document's fingerprint (its bytes' hash plus the
chunking settings and the embedder) is compared with the index; unchanged
documents are not read past hashing and never re-embedded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from core.config import IngestConfig
from core.errors import DocumentError
from ingest.chunking import Chunk, chunk_blocks
from ingest.cleaning import clean_text
from ingest.loaders import load_document, page_title
from ingest.structure import coverage, parse
from ingest.writer import open_writer
from knowledge.embedding import Embedder
from knowledge.index import ChunkRecord, DocumentInfo, KnowledgeIndex, chunk_id
from knowledge.places import gazetteer
from knowledge.snapshot import CARD_HEADING, COVERAGE_WARNING
from knowledge.text import NUMBERING, fold_width, tokenize_many, vocabulary_version, words

log = logging.getLogger(__name__)

PIPELINE_VERSION = "17"  # bump when cleaning/chunking change in a way that needs re-indexing
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[dict] = field(default_factory=list)  # {"doc_id", "coverage", "dropped"}: text that did not reach a chunk
    chunks_embedded: int = 0
    chars: int = 0
    seconds: float = 0.0
    generation: int | None = None  # None: nothing changed, no new generation

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed, {len(self.skipped)} skipped; "
                f"{self.chunks_embedded} chunks embedded ({self.chars} chars) in {self.seconds:.1f}s")


@dataclass
class _Prepared:
    doc: DocumentInfo
    chunks: list[ChunkRecord]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: every file under a directory (hidden ones and those in hidden folders
    aside: .versions, .git); a named file as given.

    A file of a type ingest cannot read (an old .doc, a scan saved as .jpg) is kept, so the
    report says why it was skipped: a staff member's document is never dropped without a word.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            found.append(path)
    return found


def citation_title(path: Path, loaded_title: str) -> str:
    """Staff name files after the document ("2023年…综述.txt"); use that when it is Chinese. A web
    page saved from a browser is named by its page title, site name and all
    ("政府信息公开_厦门市人民政府关于…的通知.htm"): the page's own name for it without the site's.
    A file name is often the document's title shortened ("安家补贴实施细则.txt" headed
    姜堰区高层次人才安家补贴实施细则): the document's own title line wins when it is longer and holds
    every word of the file name (staff test), a saved page's heading too (天河区人才公寓申请公告.html
    headed 关于受理天河区人才公寓申请的公告)."""
    if not _HAS_CJK.search(path.stem):
        return loaded_title or path.stem
    if path.suffix.lower() in (".html", ".htm") and loaded_title:
        name = page_title(path.stem, loaded_title)
        return loaded_title.strip() if _completes(loaded_title, name) else name
    if _completes(loaded_title, path.stem):
        return loaded_title.strip()
    return path.stem


# Inside a title: no sentence punctuation ("欢迎预约驿站，请阅读须知" is a sentence, not a title).
_SENTENCE_MARK = re.compile(r"[，。；：！？,;:!?]")
# A cover notice issuing the document ("…关于印发《深圳市人才引进实施办法》的通知"): the file name
# names the document issued, which is what answers cite, so it stays.
_COVER_NOTICE = re.compile(r"关于(?:印发|转发|发布|公布|颁布|下发)")
# A numbered heading ("一、见习补贴申领对象和条件", "第一条 …"): a section of the document, not its title.
_NUMBERED = re.compile("|".join(f"(?:{label})" for label in NUMBERING.values()))


def _completes(own: str, stem: str) -> bool:
    """Whether ``own`` (a document's title line) is ``stem`` (its file name) said in full: longer,
    a title rather than a sentence, a cover notice or a numbered section's heading, and holding
    each of the file name's words."""
    own, stem = fold_width(own.strip()), fold_width(stem.strip())
    if len(own) <= len(stem) or _SENTENCE_MARK.search(own) or _COVER_NOTICE.search(own) or _NUMBERED.match(own):
        return False
    names = [w for w in words(stem) if _HAS_CJK.search(w) or w.isalnum()]
    return bool(names) and all(w in own for w in names)


def fingerprint(sha256: str, cfg: IngestConfig, embedder: Embedder, overrides: dict[str, str] | None = None) -> str:
    """Everything a document's chunks and vectors depend on: unchanged means nothing to redo.

    The vocabulary (domain dictionary, synonyms) is part of it: a new word
    changes how every document is cut into keywords.
    """
    key = (f"{sha256}|{cfg.chunk_size}|{cfg.chunk_overlap}|{embedder.name}|{PIPELINE_VERSION}|"
           f"{vocabulary_version()}|{json.dumps(overrides or {}, ensure_ascii=False, sort_keys=True)}")
    return hashlib.sha256(key.encode()).hexdigest()


def _overrides_for(doc_id: str, given: dict[str, str] | None, known, replaces: str | None = None) -> dict[str, str]:
    """Staff's corrections for this document: the ones it was given before (a replacement under
    another name: the replaced document's, staff set them on the document, not on its file), with
    those given now on top; a value given as "" clears that one (read from the text again)."""
    kept = _stored_overrides(known.get(doc_id)) or (_stored_overrides(known.get(replaces)) if replaces else {})
    merged = {**kept, **(given or {})}
    return {k: v for k, v in merged.items() if v}


def _stored_overrides(doc: DocumentInfo | None) -> dict[str, str]:
    return json.loads(doc.meta.get("overrides", "{}")) if doc is not None else {}


def document_meta(title: str, text: str, found: dict[str, str], overrides: dict[str, str],
                  own_title: str = "") -> dict[str, str]:
    """What a document is: 文号, issuer, date read from its text, the place it is about, staff's corrections.

    ``region`` is a place path ("江苏省 泰州市"), "" for a national document or
    one that names no place; staff may set it ("广州市", or "全国"). ``own_title``: the title the
    document gives itself (its first line, its Word title), which names its place where the file
    name may not ("见习补贴标准.txt" headed 姜堰区青年就业见习补贴标准: staff test, read as national).
    """
    meta = dict(found)
    # The year it speaks of: its title's, else when this text was written, published, last amended
    # or adopted.
    # (文号 before the date it took effect: 京政办发[2016]39号 took effect on 2017年1月1日.)
    # A title spanning years ("深圳市2014-2016年…工作方案", "…规划（2011—2015）") speaks of each of them.
    dated = " ".join(found.get(k, "") for k in ("date", "published", "amended", "adopted"))
    span = _YEAR_SPAN.search(title)
    year = (span or _YEAR.search(title) or _YEAR.search(chinese_digits(dated)) or _NUMBER_YEAR.search(found.get("doc_number", ""))
            or _YEAR.search(chinese_digits(found.get("effective", ""))))
    if span:
        meta["year"] = f"{span.group(1)}-{span.group(2)}"
    elif year:
        meta["year"] = year.group(1)
    named_in = title if not own_title or own_title in title else f"{title} {own_title}"
    place = gazetteer().document_region(named_in, found.get("issuer", ""), text)
    meta["region"] = " ".join(place.path) if place else ""
    for key, value in overrides.items():
        if key == "region":
            named = gazetteer().most_specific(gazetteer().places_in(value))
            meta["region"] = " ".join(named.path) if named else ""
        elif key != "title":  # the title is the document's own field
            meta[key] = value
    if overrides:
        meta["overrides"] = json.dumps(overrides, ensure_ascii=False, sort_keys=True)
    return meta


_YEAR = re.compile(r"((?:19|20)\d\d)(?:年|-|/|\.|$|\s)")
# A year staff give (--year, the console): 2025, or a span as document_meta writes one (2014-2016).
YEAR_VALUE = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)\d\d)?")
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*年?\s*[-—–－~～至到]\s*((?:19|20)\d\d)")
_NUMBER_YEAR = re.compile(r"[〔\[［(（【]((?:19|20)\d\d)[〕\]］)）】]")
_CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def chinese_digits(text: str) -> str:
    """A year written in Chinese digits (二〇一六年) as Arabic ones; other text unchanged."""
    return re.sub(r"[〇○零一二三四五六七八九]{4}(?=年)", lambda m: m.group(0).translate(_CHINESE_DIGITS), text)


_CARD_FIELDS = (("issuer", "发文机关"), ("doc_number", "文号"), ("date", "成文日期"), ("adopted", "通过日期"),
                ("published", "发布日期"),
                ("effective", "施行日期"), ("amended", "修改日期"))


def document_card(title: str, meta: dict[str, str]) -> str:
    """One chunk stating what the document is ("《…》发文机关：国务院；文号：国令第663号。").

    文号 and issuing lines are kept out of the body chunks (they answer nothing
    about the policy), but "这个办法是哪个文号" is a real question: the card answers it.
    """
    fields = [f"{label}：{meta[key]}" for key, label in _CARD_FIELDS if meta.get(key)]
    return f"《{title}》{'；'.join(fields)}。" if fields else ""


def prepare(path: Path, data: bytes, sha256: str, cfg: IngestConfig, embedder: Embedder,
            overrides: dict[str, str] | None = None) -> _Prepared:
    """Load, clean and chunk one document (no embedding yet)."""
    loaded = load_document(path, max_bytes=int(cfg.max_file_mb * 1024 * 1024))
    text = clean_text(loaded.text)
    structure = parse(text)
    pieces: list[Chunk] = chunk_blocks(structure, cfg.chunk_size, cfg.chunk_overlap)
    if not pieces:
        raise DocumentError(str(path), "no text left after cleaning")
    covered = coverage(text, structure, [p.text for p in pieces])
    overrides = dict(overrides or {})
    title = overrides.get("title") or citation_title(path, loaded.title)
    meta = document_meta(title, text, structure.meta, overrides, own_title=loaded.title)
    card = document_card(title, meta)
    if card:
        pieces.append(Chunk(card, CARD_HEADING, len(pieces)))
    doc = DocumentInfo(
        doc_id=path.name, title=title, source=str(path.resolve()), doc_type=loaded.doc_type,
        sha256=sha256, fingerprint=fingerprint(sha256, cfg, embedder, overrides), size=len(data),
        chars=len(text), chunks=len(pieces), updated_at=time.time(),
        coverage=round(covered.ratio, 4), dropped=covered.dropped[:20], meta=meta,
    )
    chunks = [ChunkRecord(id=chunk_id(doc.doc_id, c.position), doc_id=doc.doc_id, title=title,
                          heading=c.heading, position=c.position, text=c.text) for c in pieces]
    return _Prepared(doc, chunks)


LIFECYCLE = ("enabled", "effective", "expires", "uploaded_by", "uploaded_at")


def lifecycle_of(previous: DocumentInfo | None, given: dict) -> dict:
    """A document's lifecycle fields for its new manifest entry: those given now, else those it had.

    Naming an uploader (``build --by``) is a new upload: its time is now.
    """
    fields = {k: getattr(previous, k) for k in LIFECYCLE} if previous else {"uploaded_at": time.time()}
    fields.update(given)
    if "uploaded_by" in given:
        fields["uploaded_at"] = time.time()
    return fields


def set_lifecycle(index: KnowledgeIndex, doc_ids: Sequence[str], changes: dict,
                  progress: Progress | None = None) -> IngestReport:
    """Enable, disable or date documents: a new generation with the same rows, nothing re-embedded.

    It goes through the one writer like any build, so every process sees it on its next request.
    Unknown ids are reported as skipped; a document already so is ``unchanged``.
    """
    started = time.monotonic()
    report = IngestReport()
    with open_writer(index, on_wait=_waiting(progress)) as writer:
        for doc_id in doc_ids:
            if doc_id not in writer.documents:
                report.skipped.append((doc_id, "no such document in the index"))
            elif writer.update_info(doc_id, **changes):
                report.updated.append(doc_id)
            else:
                report.unchanged.append(doc_id)
        manifest = writer.commit()
        report.generation = manifest.generation if manifest else None
    report.seconds = time.monotonic() - started
    return report


def _index_texts(p: _Prepared) -> list[str]:
    return [Chunk(c.text, c.heading, c.position).index_text(p.doc.title) for c in p.chunks]


def build(index: KnowledgeIndex, embedder: Embedder, paths: Sequence[Path], cfg: IngestConfig,
          rebuild: bool = False, progress: Progress | None = None, replaces: str | None = None,
          overrides: dict[str, str] | None = None, lifecycle: dict | None = None) -> IngestReport:
    """Bring the index in step with the documents under ``paths``.

    Documents that were ingested from under one of ``paths`` and are no
    longer there are removed; documents from elsewhere are left alone.
    ``replaces``: a document that goes away in the same generation in which
    the new one arrives (a replacement under another file name), also when the new
    one is already indexed unchanged; it stays if the new one cannot be ingested. ``overrides``: staff's corrections of what
    the documents are (title, region, issuer, doc_number, year), for every file of this build, on
    top of those it (or the document it replaces) was given before; "" clears one.
    ``lifecycle``: effective/expiry dates and who uploaded it (``LIFECYCLE``), for every file of
    this build; kept across rebuilds like the overrides (a replacement inherits the replaced one's).
    """
    started = time.monotonic()
    report = IngestReport()
    files = discover([Path(p) for p in paths])
    roots = [Path(p).resolve() for p in paths]
    lifecycle = dict(lifecycle or {})
    with open_writer(index, on_wait=_waiting(progress)) as writer:
        writer.duplicate_threshold = cfg.near_duplicate
        writer.embedder = embedder
        known = writer.documents
        seen: set[str] = set()
        todo: list[_Prepared] = []
        for n, path in enumerate(files, 1):
            if progress:
                progress("read", n, len(files))
            if path.name in seen:
                report.skipped.append((str(path), "another document with the same file name is already in this build"))
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                report.skipped.append((str(path), f"cannot read file: {exc.strerror or exc}"))
                log.warning("skipped %s: %s", path, exc)
                continue
            seen.add(path.name)
            sha = hashlib.sha256(data).hexdigest()
            doc_overrides = _overrides_for(path.name, overrides, known, replaces)
            previous = known.get(path.name) or (known.get(replaces) if replaces else None)
            if not rebuild and writer.is_current(path.name, fingerprint(sha, cfg, embedder, doc_overrides)):
                report.unchanged.append(path.name)
                dates = {k: v for k, v in lifecycle.items() if k != "uploaded_by"}  # same bytes: same upload
                if dates:
                    writer.update_info(path.name, **lifecycle_of(previous, dates))
                continue
            try:
                prepared = prepare(path, data, sha, cfg, embedder, doc_overrides)
                prepared.doc = replace(prepared.doc, **lifecycle_of(previous, lifecycle))
                todo.append(prepared)
            except DocumentError as exc:
                report.skipped.append((str(path), exc.reason))
                log.warning("skipped %s: %s", path, exc.reason)
                seen.discard(path.name)
                # A known document that became unreadable keeps its old chunks.
                if path.name in known:
                    seen.add(path.name)

        for prepared in todo:
            doc = prepared.doc
            (report.updated if doc.doc_id in known else report.added).append(doc.doc_id)
            if doc.coverage < COVERAGE_WARNING:
                report.warnings.append({"doc_id": doc.doc_id, "coverage": doc.coverage, "dropped": doc.dropped})
                log.info("%s: only %.1f%% of the text reached the index", doc.doc_id, 100 * doc.coverage)
        if writer.reembed_all:  # built with another embedder: what is not rebuilt now is gone
            report.removed.extend(d for d in writer.base.docs if d not in seen)
        for doc_id, doc in known.items():
            if doc_id not in seen and _under(Path(doc.source), roots):
                writer.drop(doc_id)
                report.removed.append(doc_id)

        texts = [t for p in todo for t in _index_texts(p)]
        vectors = _embed(embedder, texts, progress)
        tokens = tokenize_many(texts)
        offset = 0
        for p in todo:
            n = len(p.chunks)
            writer.put(p.doc, p.chunks, vectors[offset:offset + n], tokens[offset:offset + n])
            offset += n
            report.chars += p.doc.chars
        report.chunks_embedded = len(texts)
        # The replacement is in this generation, new or already indexed unchanged: the replaced goes.
        if replaces and replaces in known and (todo or report.unchanged) and replaces not in seen:
            writer.drop(replaces)
            report.removed.append(replaces)
        manifest = writer.commit()
        report.generation = manifest.generation if manifest else None
    report.seconds = time.monotonic() - started
    return report


def remove(index: KnowledgeIndex, doc_ids: Sequence[str], progress: Progress | None = None) -> IngestReport:
    """Delete documents from the index; unknown ids are reported as skipped."""
    started = time.monotonic()
    report = IngestReport()
    with open_writer(index, on_wait=_waiting(progress)) as writer:
        for doc_id in doc_ids:
            if doc_id in writer.documents:
                writer.drop(doc_id)
                report.removed.append(doc_id)
            else:
                report.skipped.append((doc_id, "no such document in the index"))
        manifest = writer.commit()
        report.generation = manifest.generation if manifest else None
    report.seconds = time.monotonic() - started
    return report


def _waiting(progress: Progress | None):
    """Tell the progress callback that this build waits for another one to finish."""
    return (lambda: progress("waiting", 0, 0)) if progress else None


def _embed(embedder: Embedder, texts: list[str], progress: Progress | None, batch: int = 256) -> np.ndarray:
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    parts = []
    for i in range(0, len(texts), batch):
        parts.append(embedder.embed(texts[i:i + batch]))
        if progress:
            progress("embed", min(i + batch, len(texts)), len(texts))
    return np.vstack(parts)


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)
