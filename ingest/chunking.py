"""Split cleaned text into chunks that carry their own citation.

The document's structure comes first (ingest.structure): headings make the
heading path, each numbered unit (第五条, （一）…) becomes a chunk of its own
with its label at the end of the path — so an answer cites "第五条" — and is
split on sentence ends only when longer than ``size``; table rows, each
carrying its header, are packed whole; plain paragraphs are packed by whole
sentences (。！？；) up to ``size`` characters, consecutive chunks sharing up
to ``overlap`` characters of whole sentences so a fact that straddles a
boundary is still found whole in one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.structure import Block, Structure, parse, starts_item
from knowledge.text import is_row, split_sentences

_LEAD_IN = 12  # characters; a sentence this short introduces the next ones
_CLAUSE = re.compile(r"[^，、,]*[，、,]|[^，、,]+$")


@dataclass(frozen=True)
class Chunk:
    text: str          # the chunk as shown to users
    heading: str       # heading path, " > "-joined ("" before the first heading); a unit's label last
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


def _join(units: list[tuple[str, bool]]) -> str:
    return "".join(("\n" if start and i else "") + s for i, (s, start) in enumerate(units))


def _sentences(paragraph: str, size: int) -> list[tuple[str, bool]]:
    """(sentence, starts the paragraph) for one paragraph, long sentences cut to fit."""
    return [(s, i == 0) for i, s in enumerate(p for sent in split_sentences(paragraph) for p in _pieces(sent, size))]


def _pack(units: list[tuple[str, bool]], size: int, overlap: int, carry: bool = True) -> list[str]:
    """Whole sentences packed up to ``size``; ``carry``: repeat up to ``overlap`` characters."""
    texts: list[str] = []
    current: list[tuple[str, bool]] = []
    for unit in units:
        length = sum(len(s) for s, _ in current)
        if current and length + len(unit[0]) > size:
            # A short closing sentence ("强化投入保障。") is the lead-in of
            # what follows, not the end of what came before: move it on.
            lead = []
            if len(current) > 1 and len(current[-1][0]) <= _LEAD_IN and len(current[-1][0]) + len(unit[0]) <= size:
                lead = [current.pop()]
            texts.append(_join(current))
            carried: list[tuple[str, bool]] = []
            if carry and not lead and not unit[1]:  # a new paragraph is a topic break: no overlap
                for prev in reversed(current):
                    if sum(len(s) for s, _ in carried) + len(prev[0]) > overlap:
                        break
                    carried.insert(0, prev)
            current = lead or carried
            if sum(len(s) for s, _ in current) + len(unit[0]) > size:
                current = []
        current.append(unit)
    if current:
        texts.append(_join(current))
    return texts


class _Chunker:
    def __init__(self, size: int, overlap: int):
        self.size, self.overlap = size, overlap
        self.chunks: list[Chunk] = []
        self.path: list[tuple[int, str]] = []
        self.flowing: list[tuple[str, bool]] = []   # paragraphs and rows waiting to be packed

    @property
    def heading(self) -> str:
        return " > ".join(h for _, h in self.path)

    def emit(self, texts: list[str], heading: str) -> None:
        for text in texts:
            self.chunks.append(Chunk(text, heading, len(self.chunks)))

    def flush(self) -> None:
        if self.flowing:
            self.emit(_pack(self.flowing, self.size, self.overlap), self.heading)
            self.flowing = []

    def _item_groups(self, text: str) -> list[tuple[str, bool]]:
        """A unit's lines as packing units: each numbered item with the unlabelled lines
        that continue it, whole when it fits, else its sentences.

        A chunk boundary then falls between items, never inside one: the lines after
        "（二）城区人口50万至100万的…" stay with it instead of starting a chunk that no
        longer says which item they belong to.
        """
        groups: list[list[str]] = []
        for line in text.split("\n"):
            if not groups or starts_item(line):
                groups.append([line])
            else:
                groups[-1].append(line)
        units: list[tuple[str, bool]] = []
        for group in groups:
            whole = "\n".join(group)
            if len(whole) <= self.size:
                units.append((whole, True))
            else:  # its sentences, but a table row whole (it is short, and cut it no longer says whose cells)
                units.extend(s for line in group
                             for s in ([(line, True)] if is_row(line) else _sentences(line, self.size)))
        return units

    def add(self, block: Block) -> None:
        if block.kind == "heading":
            self.flush()
            self.path = [(lvl, h) for lvl, h in self.path if lvl < block.level] + [(block.level, block.text)]
        elif block.kind == "unit":
            self.flush()
            self.path = [(lvl, h) for lvl, h in self.path if lvl < block.level]  # a unit ends deeper sections
            heading = " > ".join([h for _, h in self.path] + [block.label])
            self.emit(_pack(self._item_groups(block.text), self.size, self.overlap), heading)
        elif block.kind == "row":
            self.flowing.append((block.text, True))  # a row is never split, never overlapped
        elif block.kind == "para" and "\n" in block.text and len(block.text) <= self.size:
            self.flowing.append((block.text, True))  # a question with its answer: one piece, never split
        elif block.kind == "para":
            self.flowing.extend(s for line in block.text.split("\n") for s in _sentences(line, self.size))


def chunk_blocks(structure: Structure, size: int, overlap: int) -> list[Chunk]:
    """Chunk a parsed document (ingest.structure.parse)."""
    chunker = _Chunker(size, overlap)
    for block in structure.blocks:
        chunker.add(block)
    chunker.flush()
    return chunker.chunks


def chunk_text(text: str, size: int, overlap: int) -> list[Chunk]:
    """Chunk cleaned text (one paragraph per line, markdown-style headings)."""
    return chunk_blocks(parse(text), size, overlap)
