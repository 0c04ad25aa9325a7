"""The one retrieval entry point: ``HybridRetriever.retrieve``.

The answerer, the LangChain adapter, the staff hit-testing page and the eval
command all call it, so they can never disagree about what was found.

Dense and keyword (BM25 over jieba's words, and over character pairs) rankings
are fused with weighted reciprocal rank fusion: ranks, not raw scores, because
cosine similarities and BM25 scores live on unrelated scales. Every side searches
the same loaded generation (knowledge.index.Snapshot), so an answer never mixes two.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from datetime import date
from typing import Callable, Literal

import numpy as np

from core.config import RetrievalConfig
from knowledge.embedding import Embedder
from knowledge.evidence import (ANSWER_CHUNKS, answer_candidates, asked_years, chunk_year, dated_within, defines,
                                score_candidates)
from knowledge.index import ChunkRecord, KnowledgeIndex
from knowledge.neighbours import Near, Neighbours, using
from knowledge.places import Place, compatible, gazetteer
from knowledge.relevance import DEFINITION_ASKED, about_the_asker, asked_clause, relevance, subject_share, subject_terms
from knowledge.text import heard_as, normalise_query, read_question, word_spans, word_tag, words

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "keyword"]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年")
_DEFINES = 0.2  # of a chunk's order: the chunk defining the term a question asks about
_OTHER_YEAR = 0.3  # of a chunk's order: a chunk dated another year than the one asked goes below those that may answer


@dataclass(frozen=True)
class RetrievedChunk:
    chunk: ChunkRecord
    score: float              # fused RRF score, what the ranking is by
    dense: float | None       # cosine similarity, if the dense side ranked it
    keyword: float | None     # BM25 score, if the keyword side ranked it
    relevance: float          # 0..1: does this chunk speak to the question at all?
    nearness: float = 0.0     # how near its document's place is to the one asked (_nearness): 0 when not about it

    @property
    def local(self) -> bool:
        """From a document about the place asked (not a national one)."""
        return self.nearness > 0

    def citation(self, snippet_chars: int = 80) -> dict:
        text = self.chunk.text.replace("\n", "")
        snippet = text if len(text) <= snippet_chars else text[:snippet_chars] + "…"
        section = self.chunk.heading.split(" > ")[-1] if self.chunk.heading else ""
        if section == self.chunk.title:  # text right under the document's own title line: no section
            section = ""
        return {"title": self.chunk.title, "section": section, "snippet": snippet,
                "doc_id": self.chunk.doc_id, "chunk_id": self.chunk.id}


@dataclass(frozen=True)
class Retrieval:
    query: str
    chunks: list[RetrievedChunk]
    query_vector: np.ndarray | None
    generation: int = 0        # the index generation every chunk came from
    place: Place | None = None  # the place searched for: named in the question, else the deployment's
    place_named: bool = False   # the question itself named it
    place_covered: bool = True  # some document is about that place (not only national ones)
    place_own: bool = True      # no place named, or the deployment's own: national texts speak for it
    near: Near | None = None  # the near words the question was read with (the answer reads it so too)
    heard: str = ""           # the question as read: simplified, years in full, words mistyped by sound respelt


# What may follow a county's short name inside the word that names it: 昆山市, 闽侯县.
_COUNTY_SUFFIX = "市区县旗"


def _said_as_a_name(form: str, query: str) -> bool:
    """Whether ``form`` (a county's short name) is a word of ``query`` as jieba cuts it, or the
    start of one that adds the county's suffix: "中山交城乡居民养老" is 中山/交/城乡居民, no 交城县.
    County short names are ordinary syllables (交城, 新建, 三水); place names are words of their own."""
    spans, lined_up = word_spans(query)
    if not lined_up:
        return True  # the cut does not line up with the text (spaces, case): keep the place
    starts, ends = {start for start, _ in spans}, {end for _, end in spans}
    at = query.find(form)
    while at >= 0:
        end = at + len(form)
        if at in starts and (end in ends or query[end:end + 1] in _COUNTY_SUFFIX and query[end:end + 1]):
            return True
        at = query.find(form, at + 1)
    return False


# Words that put a place after them: "在滨江办居住证", "到三水上班", "回新建".
_LOCATIVE = re.compile(r"(?:在|到|去|来|回|从|往|于|住)$")


def _said_as_a_place(form: str, query: str) -> bool:
    """Whether ``form`` follows a word that puts a place after it ("在滨江办居住证"): said so, a
    county's short name is the place even where a document uses it as a word (8号桥滨江园 is no
    reason to read "在滨江" as anything but 滨江区; "三水人才之家在哪" still names no place)."""
    at = query.find(form)
    while at >= 0:
        if _LOCATIVE.search(query[:at]):
            return True
        at = query.find(form, at + 1)
    return False


# The words a school's name ends with: 南京大学, 泰州学院, 扬州中学 (大学生 is a student, not a school).
_SCHOOL_ENDS = ("大学", "学院", "中学", "高中", "职校", "技校", "师大", "工大", "农大", "医大")
_NAME_PARTS = frozenset({"n", "nz", "ns", "nt", "j", "vn", None})  # 南京/工业/大学: the words a name is made of


def without_school_names(text: str) -> str:
    """``text`` without the names of schools: "我南京工业大学研二" → "我研二". jieba holds many whole
    (南京大学, 上海交通大学); others are a place and up to two nouns before 大学 or 学院 (扬州/大学,
    南京/工业/大学). "南京有哪些大学" and "我在南京上的大学" keep their place: a verb or 的 comes between."""
    out: list[str] = []
    for word in words(text):
        if word.endswith(_SCHOOL_ENDS) and len(word) > 2:
            continue  # a school's whole name
        if word in _SCHOOL_ENDS:
            name = out[-2:]
            while name and word_tag(name[0]) not in _NAME_PARTS:
                name.pop(0)
            if name and all(word_tag(w) in _NAME_PARTS for w in name) and gazetteer().places_in(name[0]):
                del out[len(out) - len(name):]
                continue
        out.append(word)
    return "".join(out)


# The chunks the best sentence each holds may reorder: one more than an answer is drawn from
# (ANSWER_CHUNKS), so a chunk holding the answer fourth can come up — the booking steps, below three
# chunks on who may stay, for "怎么预约驿站". qa_blind and qa_blind2 answers +1 each, hit@3 +2 and +4;
# multi_dev hit@1 and answers −1 each (bench/README.md for its cost).
EVIDENCE_CHUNKS = ANSWER_CHUNKS + 1


class HybridRetriever:
    def __init__(self, index: KnowledgeIndex, embedder: Embedder, cfg: RetrievalConfig, region: str | None = None,
                 today: Callable[[], date] = date.today):
        """``region``: the deployment's place; questions that name none are about it.
        ``today``: the date documents' effective and expiry dates are checked against (tests pass their own)."""
        self.index = index
        self.today = today
        self.embedder = embedder
        self.cfg = cfg
        self.home = gazetteer().most_specific(gazetteer().places_in(region)) if region else None
        self._neighbours: tuple[object, Neighbours | None] = (None, None)
        self._neighbours_lock = threading.Lock()

    def neighbours(self, snap) -> Neighbours | None:
        """The near words of ``snap``'s vocabulary (knowledge.neighbours), loaded once per generation."""
        key, found = self._neighbours
        if key is snap:
            return found
        with self._neighbours_lock:
            if self._neighbours[0] is not snap:
                found = None
                if snap.directory is not None:
                    found = (Neighbours.load(snap.directory, self.embedder, len(snap.ids))
                             or Neighbours.make(snap.directory, snap.keyword.row_tokens(), self.embedder))
                self._neighbours = (snap, found)
            return self._neighbours[1]

    def places_of(self, query: str, snap) -> tuple[tuple[Place, ...], bool]:
        """The places a question is about, and whether it named them (else the deployment's own).

        Every place name is read, county short names included (昆山, 闽侯: a question about a
        place no document covers is told so), except everyday words (the gazetteer's) and a
        county short name that a document about elsewhere uses as a word (三水人才之家 in the
        姜堰 report, while 三水区 is in 佛山). An ambiguous name (four 鼓楼区) is the documented
        city's; one-character abbreviations count where used as places (在京, 深户); so do the
        areas below a city that documents' titles name (临港, which no gazetteer holds).
        Places inside one another are one, the most specific ("广州天河" is 天河区); unrelated
        ones are each a place asked about ("社保在佛山交的，申请东莞积分入户…"). A place named only
        in a school's name says where one studied, not what is asked about ("我是南京大学毕业的，驿站能
        住几天"), unless documents are about it ("深圳技师学院毕业积分能加吗").
        """
        g = gazetteer()
        served = snap.regions() + ([self.home] if self.home else [])
        found = g.places_in(query, prefer=served)
        places = [p for p in found  # "在滨江", "杭州滨江": said as a place, or beside the city holding it
                  if not any((snap.used_as_a_word(form, p) and not _said_as_a_place(form, query)
                              and not any(q.covers(p) and q != p for q in found))
                             or not _said_as_a_name(form, query) for form in g.county_forms_in(query, p))]
        places += [p for p in g.abbreviated(query) if not any(compatible(p, q) for q in places)]
        places += [p for form, p in snap.areas().items() if form in query and p not in places]
        distinct: list[Place] = []  # in the order last named: the question comes last
        for place in places:
            near = next((i for i, q in enumerate(distinct) if compatible(place, q)), None)
            if near is not None:  # "泰州本地人在苏州读的大专，想回姜堰…": 泰州 and 姜堰 are one, named last
                other = distinct.pop(near)
                place = place if place.level > other.level else other
            distinct.append(place)
        if distinct and any(end in query for end in _SCHOOL_ENDS):
            # the places a school's name holds, and no other word of the question (not 在京, 深户, 临港)
            schooled = set(g.places_in(query)) - set(g.places_in(without_school_names(query)))
            regions = snap.regions()
            distinct = [p for p in distinct if p not in schooled or any(compatible(p, r) for r in regions)]
        if distinct:
            return tuple(distinct), True
        return ((self.home,) if self.home else ()), False

    def _scope(self, places: tuple[Place, ...], snap) -> tuple[frozenset[str] | None, frozenset[str]]:
        """The documents that may answer a question about ``places`` today, and those about the one asked."""
        today = self.today()
        if not places:
            return snap.documents_about(None, today)
        scopes = [snap.documents_about(p, today) for p in places]
        if len(scopes) == 1:  # the memoised sets themselves: the row mask cached for them is found again
            return scopes[0]
        # A message puts its background first and its question last ("我社保在佛山交的，申请东莞积分
        # 入户要开啥证明"): the documents about the last place named are the ones about the question.
        return frozenset().union(*(d for d, _ in scopes)), scopes[-1][1]

    def retrieve(self, query: str, k: int | None = None, filters: dict | None = None,
                 mode: Mode = "hybrid") -> Retrieval:
        """Ranked chunks for ``query``, best first, each with its scores and citation."""
        # 繁體 read as 简体 throughout, as documents are stored; 25年 as 2025年
        return self._retrieve(query, read_question(query), k or self.cfg.top_k, filters, mode, respell=True)

    def _retrieve(self, asked: str, query: str, k: int, filters: dict | None, mode: Mode, respell: bool) -> Retrieval:
        """``retrieve`` of ``asked`` read as ``query``; ``respell``: a word of it typed by pinyin input
        as another that sounds the same may be read as the word of the candidates it sounds like."""
        expanded = normalise_query(query)
        pool = max(self.cfg.candidates, k)
        snap = self.index.current()  # one generation for the whole question, even if a build switches now
        places, named = self.places_of(query, snap)
        place = places[-1] if places else None
        # never evidence from a document about another place, a disabled one or one out of its dates
        docs, local = self._scope(places, snap)
        covered = place is None or bool(local)
        dense: list[tuple[str, float]] = []
        keyword: list[tuple[str, float]] = []
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed([expanded])[0]
            dense = snap.dense_search(vector, pool, filters, docs)
        pairs: list[tuple[str, float]] = []
        if mode in ("hybrid", "keyword"):
            keyword = snap.keyword_search(expanded, pool, filters, docs)
            if self.cfg.pair_weight:
                pairs = snap.pair_search(expanded, pool, filters, docs)

        fused: dict[str, float] = {}
        for weight, ranking in ((self.cfg.dense_weight, dense), (self.cfg.keyword_weight, keyword),
                                (self.cfg.pair_weight, pairs)):
            for rank, (cid, _) in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + weight / (self.cfg.rrf_k + rank + 1)
        dense_of, keyword_of = dict(dense), dict(keyword)
        subject = subject_terms(query)
        neighbours = self.neighbours(snap)
        near = neighbours.near(subject, (snap.row[c] for c in fused)) if neighbours else {}
        with using(near):  # every reading of the question below meets the documents' paraphrases too
            rel = {cid: relevance(query, snap.chunks[cid], dense_of.get(cid)) for cid in fused}
            top = max(fused.values(), default=1.0)
            w = self.cfg.rerank_weight
            # A question that names a document ("北京人才市场条例说…", "2014年户籍改革意见…") asks what it says.
            titled = snap.named_documents(subject + tuple(_YEAR.findall(query)), query) if self.cfg.title_weight else {}
            # Of two texts that speak to the question, the one about the place asked is the rule that
            # applies there (a city's 实施办法 details the national 条例): it goes first.
            # Of the texts about it, the one about the place itself is nearer than its province's: for a
            # question about 姜堰区 (or naming none), 姜堰's own text before Jiangsu's regulation, which
            # still goes before a national one (each text weighs by the share of the place's levels it names).
            nearness = _nearness(local, place, snap.manifest.docs)
            order = {cid: (1 - w) * fused[cid] / top + w * rel[cid]
                     + self.cfg.place_weight * nearness.get(snap.chunks[cid].doc_id, 0.0)
                     + self.cfg.title_weight * titled.get(snap.chunks[cid].doc_id, 0.0) for cid in fused}
            # "东莞2013年小学一年级多少学位": a section or document dated another year answers no question of
            # 2013 (the answerer leaves it out) and makes way for one that does, unless it names the year.
            years = asked_years(query)
            if years:
                for cid in fused:
                    chunk = snap.chunks[cid]
                    dated = chunk_year(chunk, snap.manifest.docs)
                    if dated and not dated_within(dated, years) and not any(f"{y}年" in chunk.text for y in years):
                        order[cid] -= _OTHER_YEAR
            # "算不算新就业形态劳动者": the article defining the term answers, however many others name it.
            if DEFINITION_ASKED.search(query):
                for cid in fused:
                    if defines(subject, snap.chunks[cid].text):
                        order[cid] += _DEFINES
            ranked = sorted(fused, key=lambda c: -order[c])
            if self.cfg.evidence_weight:
                self._answer_first(query, ranked, order, snap, nearness)
            best = ranked[:k]
            # Whether to answer is judged on the question's last clause too; most questions have none.
            clause = asked_clause(query.lower())
            gate = ({cid: max(rel[cid], relevance(query, snap.chunks[cid], dense_of.get(cid), clause=True))
                     for cid in best} if clause else rel)
            if clause and about_the_asker(query.lower()):
                # "我是应届生 想了解下见习补贴": a text matching only who asks (青年人才驿站面向…高校毕业生),
                # naming nothing of what is asked, is judged on what is asked alone.
                for cid in best:
                    chunk = snap.chunks[cid]
                    if subject_share(clause, f"{chunk.title} {chunk.heading} {chunk.text}".lower()) == 0:
                        gate[cid] = relevance(clause, chunk, dense_of.get(cid))
        chunks = [
            RetrievedChunk(chunk=snap.chunks[cid], score=order[cid], dense=dense_of.get(cid),
                           keyword=keyword_of.get(cid), relevance=gate[cid],
                           nearness=nearness.get(snap.chunks[cid].doc_id, 0.0))
            for cid in best
        ]
        if respell and neighbours is not None and max(gate.values(), default=0.0) < self.cfg.min_relevance:
            # Nothing found speaks to it. "有没有倒师", "公中号": pinyin input offers the common
            # characters, so a word may have come out as others of the same sound that make no word.
            # Read as the word of the documents found that it sounds like, it is searched again.
            heard = heard_as(query, neighbours.words_of(snap.row[c] for c in fused))
            if heard != query:
                return self._retrieve(asked, heard, k, filters, mode, respell=False)
        return Retrieval(query=asked, chunks=chunks, query_vector=vector, generation=snap.generation,
                         place=place, place_named=named, place_covered=covered, near=near, heard=query,
                         place_own=not named or (self.home is not None and compatible(place, self.home)))

    def _answer_first(self, query: str, ranked: list[str], order: dict[str, float], snap,
                      nearness: dict[str, float]) -> None:
        """Reorder the chunks an answer is drawn from, and the one after them (``EVIDENCE_CHUNKS``), by the best
        sentence each holds (knowledge.evidence: the kind of fact asked, about the subject asked),
        so the one holding the answer goes first, not only the one with most words in common.

        Lexical evidence only (no embedding): retrieval stays one query embedding. A chunk
        with no such sentence keeps its place; it is not pushed out of the first few.
        Measured on multi_dev: hit@1 0.762 → 0.842, answers unchanged (bench/README.md).
        """
        head = ranked[:EVIDENCE_CHUNKS]
        records = [snap.chunks[cid] for cid in head]
        candidates = answer_candidates(records)
        if not candidates:
            return
        scored = score_candidates(query, candidates, records, [nearness.get(r.doc_id, 0.0) for r in records],
                                  self.cfg.place_weight, rank_weight=0.0, in_document=False)
        for cid, best in zip(head, scored.best_per_chunk(candidates, len(head))):
            order[cid] += self.cfg.evidence_weight * (best or 0.0)
        ranked[:EVIDENCE_CHUNKS] = sorted(head, key=lambda c: -order[c])

    def as_langchain(self, k: int | None = None):
        """This retriever as a LangChain ``BaseRetriever`` (same ranking, same scores)."""
        from knowledge.lc import LangChainRetriever

        return LangChainRetriever(hybrid=self, k=k or self.cfg.top_k)


def _nearness(local: frozenset[str], place: Place | None, docs: dict) -> dict[str, float]:
    """For each document about ``place``: the share of the place's levels its region names, up to 1
    (江苏省 for 姜堰区: 1/3; 泰州市: 2/3; 姜堰区, or a place within it: 1)."""
    if place is None or not local:
        return {}
    out = {}
    for doc_id in local:
        doc = docs.get(doc_id)
        region = doc.meta.get("region", "") if doc is not None else ""
        out[doc_id] = min(1.0, len(region.split()) / place.level) if region else 1.0
    return out
