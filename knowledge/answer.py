"""The one answer entry point: ``Answerer.answer(question)``.

Extractive by default: no LLM, no network, no invented facts. We pick the
sentences of the top chunks that best answer the question (term overlap plus
embedding similarity) and return them with their sources. If an LLM endpoint
is configured, it writes the answer from the same retrieved context only,
under a time limit, and the extractive answer is the fallback whenever it
fails, times out or declines.
"""

from __future__ import annotations

import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

import numpy as np

from core.config import AnswerConfig, LLMConfig, RetrievalConfig
from core.errors import LLMError
from knowledge.evidence import (ANSWER_CHUNKS, LIST_ASKED, answer_candidates, asked_after, asked_years, chunk_year,
                                dated_within, list_items, score_candidates, sibling_rows, speaks_after)
from knowledge.neighbours import using
from knowledge.relevance import agreement, asking_clauses, attribute_fit
from knowledge.retriever import HybridRetriever, RetrievedChunk, Retrieval
from knowledge.text import CLOSERS, SENTENCE_ENDS, read_question

log = logging.getLogger(__name__)

_NOT_FOUND_MARK = "NOT_FOUND"

LLM_SYSTEM_PROMPT = (
    "你是{assistant}。只能根据下面“资料”中的内容，用简体中文简短回答用户的问题（不超过120字），"
    "不要编造资料中没有的信息。如果资料中没有答案，只回复 " + _NOT_FOUND_MARK + "。"
)


@dataclass(frozen=True)
class Answer:
    question: str
    text: str                      # the answer itself, without the source line
    found: bool
    sources: list[dict] = field(default_factory=list)   # [{"title", "section", "snippet", ...}]
    chunks: list[RetrievedChunk] = field(default_factory=list)
    mode: str = "extractive"       # "extractive" | "llm" | "none"
    generation: int = 0            # the index generation it was answered from
    missing_place: str = ""        # not found, and no document is about the place the question named
    silent_place: str = ""         # not found: the documents about the place named say nothing on it

    def to_json(self) -> dict:
        return {"answer": self.text, "found": self.found,
                "sources": [{k: s[k] for k in ("title", "section", "snippet")} for s in self.sources]}


class Answerer:
    def __init__(self, retriever: HybridRetriever, answer_cfg: AnswerConfig, retrieval_cfg: RetrievalConfig,
                 llm_cfg: LLMConfig | None = None, chat_model=None):
        self.retriever = retriever
        self.cfg = answer_cfg
        self.min_relevance = retrieval_cfg.min_relevance
        self.wider_min_agreement = retrieval_cfg.wider_min_agreement
        self.llm_cfg = llm_cfg
        self.chat_model = chat_model
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm") if chat_model is not None else None

    def answer(self, question: str, filters: dict | None = None, use_llm: bool = True) -> Answer:
        question = question.strip()
        retrieval = self.retriever.retrieve(question, filters=filters)
        relevant = [c for c in retrieval.chunks if self.may_answer(c, retrieval)]
        # A question naming a place no document is about ("武汉大学生落户条件") asks for that
        # place's own rules: a national text found for it is not them, so say which place is missing.
        missing = retrieval.place.name if retrieval.place_named and not retrieval.place_covered else ""
        # Another place whose documents are here but say nothing on the question ("济南本科生落户",
        # only Shandong's market regulations held): the national text found is not its rule either,
        # nor is a district's where the city has rules of its own ("广州积分入户本科算多少分" is not
        # answered by 番禺's school-place points: dev no_answer +2, no answer lost).
        unspoken = not retrieval.place_own and relevant and (not self._regional(relevant[0]) or not relevant[0].local)
        if not question or not relevant or missing or unspoken:
            return Answer(question, "", False, [], retrieval.chunks, "none", retrieval.generation,
                          missing_place=missing, silent_place=retrieval.place.name if unspoken else "")
        if use_llm and self.chat_model is not None:
            try:
                return self._llm_answer(question, relevant, retrieval)
            except LLMError as exc:
                log.warning("LLM answer failed, using the extractive answer: %s", exc)
        return self.extractive(question, relevant, retrieval)

    def may_answer(self, chunk: RetrievedChunk, retrieval: Retrieval) -> bool:
        """Whether an answer may be drawn from ``chunk``: its relevance reaches ``min_relevance``, and
        where texts about the place asked are held, a wider area's (its province's regulation, a
        national law) must agree in meaning too (``wider_min_agreement``): its 残疾人就业比例 article shares
        words with "五险一金各交多少比例" (multi_dev no_answer .689 → .727 for 6 answers of 732). Without
        any text about the place (a deployment whose documents name none) every text is judged alike.
        The console's retrieval test shows it per chunk."""
        if chunk.relevance < self.min_relevance:
            return False
        if retrieval.place is None or not retrieval.place_covered or chunk.nearness >= 1:
            return True
        return agreement(chunk.relevance, chunk.dense) >= self.wider_min_agreement

    def _regional(self, chunk: RetrievedChunk) -> bool:
        """Whether the chunk's document is about some place (not a national text, which has no region)."""
        doc = self.retriever.index.current().manifest.docs.get(chunk.chunk.doc_id)
        return doc is None or bool(doc.meta.get("region"))

    # ------------------------------------------------------------ extractive
    def extractive(self, question: str, relevant: list[RetrievedChunk], retrieval: Retrieval) -> Answer:
        asked, question = question, retrieval.heard or read_question(question)  # as the retriever read it
        chunks = relevant[:ANSWER_CHUNKS]
        candidates = answer_candidates([c.chunk for c in chunks])
        if not candidates:
            return Answer(asked, "", False, [], retrieval.chunks, "none", retrieval.generation)
        semantic = None
        if retrieval.query_vector is not None:
            semantic = self.retriever.embedder.embed([c.text for c in candidates]) @ retrieval.query_vector
        with using(retrieval.near):  # the question read as the retriever read it
            scored = score_candidates(question, candidates, [c.chunk for c in chunks], [c.nearness for c in chunks],
                                      self.retriever.cfg.place_weight, semantic)
        score = scored.score
        # "2024年计划建多少套" is not answered by what a 2023 report says was built that year; a
        # section headed "2014年…学位供给情况" of a document dated 2013 speaks of 2014.
        docs = self.retriever.index.current().manifest.docs  # what each chunk's document is dated
        years = asked_years(question)
        newest = not years and _NEWEST.search(question)
        after = asked_after(question)
        dated = [chunk_year(chunks[c.rank].chunk, docs) for c in candidates] if years or newest or after else []
        if years:
            score = np.where([not y or dated_within(y, years) or any(f"{a}年" in f"{c.lead}{c.text}" for a in years)
                              for c, y in zip(candidates, dated)], score, -np.inf)
        elif newest:
            score = score + _newest_bonus(dated)
        if after:
            score = np.where([speaks_after(y, f"{c.lead}{c.text}", after) for c, y in zip(candidates, dated)],
                             score, -np.inf)
        if not np.isfinite(score).any():  # none states the kind of fact asked about the subject asked
            return Answer(asked, "", False, [], retrieval.chunks, "none", retrieval.generation)
        order = list(np.argsort(-score))
        chosen = [order[0]]
        first = candidates[order[0]]
        # A second sentence only if it is from the same chunk and nearly as good:
        # two half-related sentences read worse than one good one.
        # "有什么条件": the conditions a text states one sentence each, one more of them than otherwise.
        most = self.cfg.max_sentences + (1 if LIST_ASKED.search(question) else 0)
        for i in order[1:]:
            if len(chosen) >= most:
                break
            if candidates[i].row != first.row:
                continue  # table rows are alternatives (本科 80分, 大专 70分): one row answers, not two
            if candidates[i].rank == first.rank and score[i] >= 0.8 * score[order[0]] and scored.lexical[i] > 0:
                chosen.append(i)
        chosen += _other_part(question, candidates, score, order, chosen, self.cfg.max_sentences)
        rows = sibling_rows(question, order[0], candidates, score, scored.tables)
        if len(rows) > 1:  # "租房补贴多少": every degree's row
            chosen = self._as_fit(rows, candidates, order[0], chosen)
        chosen.sort(key=lambda i: candidates[i].position)
        if LIST_ASKED.search(question):  # "还有啥扶持": the whole list its first item opens
            items = list_items(first, candidates)
            if len(items) > 1:
                chosen = self._as_fit(items, candidates, order[0], chosen, len(first.lead))
        parts: list[str] = []
        for i in chosen:
            c = candidates[i]
            lead = c.lead if len(c.lead) + len(c.text) <= self.cfg.max_chars else ""
            parts.extend(p for p in (lead, c.text) if p and not _said(p, parts))
        # A heading has no end mark: it is followed by a full stop, not run into the next sentence.
        last = len(parts) - 1
        text = "".join(p if p.endswith(_ENDS) or i == last else p + "。" for i, p in enumerate(parts))
        text = _TRAILING_PAUSE.sub("。", text)  # an item of a "；" list said alone ends as a sentence does
        text = _fit(_dated(text, chunk_year(chunks[first.rank].chunk, docs)), self.cfg.max_chars)
        source_chunks = [chunks[first.rank]] + [c for j, c in enumerate(chunks) if j != first.rank]
        return Answer(asked, text, True, _sources(source_chunks), retrieval.chunks, "extractive", retrieval.generation)

    def _as_fit(self, pieces: list, candidates: list, best: int, otherwise: list[int], said: int = 0) -> list[int]:
        """The indices of ``pieces`` (in order), as many as fit in an answer after ``said`` characters;
        ``otherwise`` when the best candidate is not among them."""
        where = {id(c): i for i, c in enumerate(candidates)}
        fits, total = [], said
        for c in pieces:
            total += len(c.text)
            if total > self.cfg.max_chars:
                break
            fits.append(where[id(c)])
        return fits if best in fits else otherwise

    # ------------------------------------------------------------ LLM
    def _llm_answer(self, question: str, relevant: list[RetrievedChunk], retrieval: Retrieval) -> Answer:
        context = relevant[: self.llm_cfg.max_context_chunks if self.llm_cfg else 4]
        material = "\n\n".join(f"[{i + 1}]《{c.chunk.title}》{c.chunk.heading}\n{c.chunk.text}" for i, c in enumerate(context))
        assistant = self.llm_cfg.assistant_name if self.llm_cfg else "人才服务助手"
        messages = [("system", LLM_SYSTEM_PROMPT.format(assistant=assistant)), ("human", f"资料：\n{material}\n\n问题：{question}")]
        timeout = self.llm_cfg.timeout_s if self.llm_cfg else 8.0
        started = time.monotonic()
        future = self._pool.submit(self.chat_model.invoke, messages)
        try:
            reply = future.result(timeout=timeout)
        except FutureTimeout:
            future.cancel()
            raise LLMError(f"no answer within {timeout:.1f}s") from None
        except Exception as exc:  # any provider error: fall back, never fail the user
            raise LLMError(f"{type(exc).__name__}: {exc}") from exc
        text = str(getattr(reply, "content", reply)).strip()
        log.info("LLM answered in %.2fs", time.monotonic() - started)
        if not text or _NOT_FOUND_MARK in text:
            raise LLMError("the LLM found no answer in the context")
        return Answer(question, _fit(text, self.cfg.max_chars), True, _sources(context), retrieval.chunks, "llm",
                      retrieval.generation)


def _other_part(question: str, candidates: list, score: np.ndarray, order: list, chosen: list[int],
                most: int) -> list[int]:
    """"签注几次 收费不": the best sentence of the chosen one's chunk answering a part of the message
    that the chosen sentences leave unanswered ("办理签注手续不得收取费用"), however its score
    compares: each part asked deserves its answer."""
    clauses = asking_clauses(question)
    if len(clauses) < 2 or len(chosen) >= most:
        return []
    said = [candidates[i] for i in chosen]
    open_parts = [c for c in clauses if not any(attribute_fit(c, s.text.lower()) > 0 for s in said)]
    rank = said[0].rank
    for i in order:
        c = candidates[i]
        if open_parts and i not in chosen and c.rank == rank and c.row == said[0].row and np.isfinite(score[i]) \
                and any(attribute_fit(part, c.text.lower()) > 0 for part in open_parts):
            return [i]
    return []


_ENDS = tuple(SENTENCE_ENDS + CLOSERS + "：:…")  # a part ending so needs no "。" added
_TRAILING_PAUSE = re.compile(r"[；;，,、]$")  # a pause at the very end of an answer


# "全年新建人才公寓424套" in a 2023 report, read in 2026: the year it speaks of is not the reader's.
_RELATIVE_YEAR = re.compile(r"全年|今年|去年|前年")
_YEAR_STATED = re.compile(r"(?:19|20)\d\d年")


# "新标准下每小时最低多少" "最新的政策": the newest of the texts that say it, not the one it replaced.
_NEWEST = re.compile(r"新标准|最新|现行|新规|新政策|调整后|新的标准")
_NEWEST_BONUS = 0.3


def _newest_bonus(dated: list[str]) -> np.ndarray:
    """For a question asking for the newest: a bonus for the candidates from the newest dated texts
    among them (2025's notice, not the 2023 explainer of the standard it replaced)."""
    starts = [y.partition("-")[0] for y in dated]
    known = {y for y in starts if y}
    if len(known) < 2:
        return np.zeros(len(dated))
    return np.array([_NEWEST_BONUS if y == max(known) else 0.0 for y in starts])


def _dated(text: str, year: str) -> str:
    """``text`` with its document's year in front when it counts by a year it does not name."""
    if year.isdigit() and _RELATIVE_YEAR.search(text) and not _YEAR_STATED.search(text):  # not a span: which year?
        return f"（{year}年）{text}"
    return text


def _said(part: str, parts: list[str]) -> bool:
    """``part`` is already in the answer, word for word, maybe inside a longer sentence: a rule
    repeated for two stations ("凭本人身份证入住。") is said once."""
    core = part.rstrip("。；;！!？?")
    return any(core in p for p in parts)


def _sources(chunks: list[RetrievedChunk]) -> list[dict]:
    """One source per document, best chunk first."""
    seen, out = set(), []
    for c in chunks:
        if c.chunk.doc_id not in seen:
            seen.add(c.chunk.doc_id)
            out.append(c.citation())
    return out


def _fit(text: str, limit: int) -> str:
    """Shorten at a sentence end when possible, never mid-character."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for mark in "。！？；":
        pos = cut.rfind(mark)
        if pos >= limit // 2:
            return cut[: pos + 1]
    return cut[: limit - 1] + "…"


def make_chat_model(cfg: LLMConfig):
    """ChatOpenAI for an OpenAI-compatible endpoint; the key comes from the environment."""
    import os

    from langchain_openai import ChatOpenAI

    api_key = os.environ.get(cfg.api_key_env, "")
    if not api_key:
        log.warning("knowledge.llm is enabled but $%s is empty; sending no key", cfg.api_key_env)
    return ChatOpenAI(base_url=cfg.base_url, api_key=api_key or "none", model=cfg.model,
                      temperature=cfg.temperature, timeout=cfg.timeout_s, max_retries=0)
