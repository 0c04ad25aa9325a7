"""Split cleaned text into chunks that carry their own citation.

Chinese text has no spaces, so we split on structure first (headings, then
paragraphs) and only then on sentence ends (。！？；), packing whole sentences
up to ``size`` characters. Consecutive chunks share up to ``overlap``
characters of whole sentences so a fact that straddles a boundary is still
found whole in one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.cleaning import is_heading
from knowledge.text import split_sentences

_LEAD_IN = 12  # characters; a sentence this short introduces the next ones
_CLAUSE = re.compile(r"[^，、,]*[，、,]|[^，、,]+$")


@dataclass(frozen=True)
class Chunk:
    text: str          # the chunk as shown to users
    heading: str       # heading path, " > "-joined ("" before the first heading)
    position: int      # 0-based order within the document

    def index_text(self, title: str) -> str:
        """What we embed and keyword-index: the body plus where it sits.

        Headings name the topic of a section ("做实“优堰”生态保障") in words
        the body does not repeat, so they help both rankers.
        """
        context = " ".join(p for p in (title, self.heading.replace(" > ", " ")) if p)
        return f"{context}\n{self.text}" if context else self.text


def _pieces(sentence: str, size: int) -> list[str]:
    """A sentence longer than a chunk is cut at commas, then hard at ``size``."""
    if len(sentence) <= size:
        return [sentence]
    out, cur = [], ""
    for clause in (m.group(0) for m in _CLAUSE.finditer(sentence)):
        while len(clause) > size:
            out.append(clause[:size])
            clause = clause[size:]
        if cur and len(cur) + len(clause) > size:
            out.append(cur)
            cur = ""
        cur += clause
    if cur:
        out.append(cur)
    return out


def _sections(text: str) -> list[tuple[str, list[str]]]:
    """Group paragraphs under their heading path."""
    sections: list[tuple[str, list[str]]] = []
    path: list[tuple[int, str]] = []
    body: list[str] = []

    def flush() -> None:
        if body:
            sections.append((" > ".join(h for _, h in path), body.copy()))
            body.clear()

    for line in text.split("\n"):
        if not line.strip():
            continue
        if is_heading(line):
            flush()
            level = len(line) - len(line.lstrip("#")) if line.startswith("#") else 7
            heading = line.lstrip("#").strip()
            path = [(lvl, h) for lvl, h in path if lvl < level] + [(level, heading)]
        else:
            body.append(line.strip())
    flush()
    return sections


def _join(units: list[tuple[str, bool]]) -> str:
    return "".join(("\n" if start and i else "") + s for i, (s, start) in enumerate(units))


def chunk_text(text: str, size: int, overlap: int) -> list[Chunk]:
    """Chunk cleaned text (one paragraph per line, markdown-style headings)."""
    chunks: list[Chunk] = []
    for heading, paragraphs in _sections(text):
        units: list[tuple[str, bool]] = []  # (sentence, starts a paragraph)
        for para in paragraphs:
            for i, sentence in enumerate(s for sent in split_sentences(para) for s in _pieces(sent, size)):
                units.append((sentence, i == 0))
        current: list[tuple[str, bool]] = []
        for unit in units:
            length = sum(len(s) for s, _ in current)
            if current and length + len(unit[0]) > size:
                # A short closing sentence ("强化投入保障。") is the lead-in of
                # what follows, not the end of what came before: move it on.
                lead = []
                if len(current) > 1 and len(current[-1][0]) <= _LEAD_IN and len(current[-1][0]) + len(unit[0]) <= size:
                    lead = [current.pop()]
                chunks.append(Chunk(_join(current), heading, len(chunks)))
                carried: list[tuple[str, bool]] = []
                if not lead and not unit[1]:  # a new paragraph is a topic break: no overlap
                    for prev in reversed(current):
                        if sum(len(s) for s, _ in carried) + len(prev[0]) > overlap:
                            break
                        carried.insert(0, prev)
                current = lead or carried
                if sum(len(s) for s, _ in current) + len(unit[0]) > size:
                    current = []
            current.append(unit)
        if current:
            chunks.append(Chunk(_join(current), heading, len(chunks)))
    return chunks
