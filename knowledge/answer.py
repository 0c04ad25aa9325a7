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
from knowledge.relevance import attribute_fit, numbers_fit, preferred_fit, sentence_terms, subject_share
from knowledge.retriever import HybridRetriever, RetrievedChunk, Retrieval
from knowledge.text import normalise_query, split_sentences

log = logging.getLogger(__name__)

_MIN_SENTENCE = 8   # characters; shorter ones are lead-ins like "办好爱才实事。"
# Share of the question's specific terms (its subject: 人才公寓, 租金…) the answer sentence,
# its heading and its document's title must hold at least: below it the sentence is about
# something else (measured on multi_dev, qa.tsv: no answer lost, one wrong answer fewer).
_SUBJECT_SHARE = 0.25
_PARALLEL_MAX = 120  # characters: a sentence of parallel "；" items up to this long is answered whole
_FULL_STOP = re.compile(r"[^。！？!?\n]*[。！？!?]+[”’』」）)]*|[^。！？!?\n]+")


def answer_units(text: str) -> list[str]:
    """The pieces an answer is made of: sentences, with their "；" items kept together when short.

    "本科每月800元；硕士每月1200元；博士每月2000元。" answers "硕士补贴多少"
    only whole: cut at "；", the item that names the subsidy (本科…) and the one
    that names the degree (硕士…) compete. A long enumeration is cut at "；".
    """
    out = []
    for sentence in (m.group(0).strip() for m in _FULL_STOP.finditer(text)):
        if not sentence:
            continue
        out.extend([sentence] if len(sentence) <= _PARALLEL_MAX else split_sentences(sentence))
    return out
_END_MARK = re.compile(r"[。！？!?；;]")
_NOT_TEXT = re.compile(r"[\W_]+")


def restates_title(unit: str, title: str) -> bool:
    """A line without a sentence end that only repeats the document's title
    ("——国务院法制办负责人就《…》热点问题答记者问"): a subtitle, never an answer."""
    if _END_MARK.search(unit):
        return False
    chars = _NOT_TEXT.sub("", unit)
    return bool(chars) and sum(ch in title for ch in chars) / len(chars) >= 0.8


# A table row as ingest writes it: "header：cell；header：cell；…。" (ingest/structure.py).
_ROW = re.compile(r"^(?:[^：；。\n]{1,16}：[^；\n]*；){2,}")
_ROW_FIELD = re.compile(r"(?:^|；)([^：；。\n]{1,16}：)")
_SHORT_FIELD = 60  # characters: a cell longer than this is an explanation, not a value of the row


def row_units(line: str) -> list[tuple[str, str]] | None:
    """A table row's answer pieces as (unit, lead) pairs, or None if ``line`` is no row.

    The row's short cells together are one unit: "三级指标：全日制大专学历；指标分值：70分"
    answers only whole, and cut at the "。" inside a cell the degree and its
    score fall apart. A long cell (an explanation) is answered sentence by
    sentence, each led by the row's short cells so it keeps saying which row it is.
    """
    if not _ROW.match(line):
        return None
    starts = [m.start(1) for m in _ROW_FIELD.finditer(line)]
    fields = [line[a:b].rstrip("；。") for a, b in zip(starts, starts[1:] + [len(line)])]
    short = "；".join(f for f in fields if len(f) <= _SHORT_FIELD) + "。"
    out = [(short, "")]
    for cell in (f for f in fields if len(f) > _SHORT_FIELD):
        out.extend((sentence, short) for sentence in split_sentences(cell))
    return out


# A numbered item's opening (（二）…, 3.…, 第五条…): what its later sentences are about.
_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十百\d]+条)")
_INTRO_END = ("：", ":")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百\d]+条")
_REFERS_BACK = re.compile(r"本条|前款|本款|上述|前述")
_NOT_FOUND_MARK = "NOT_FOUND"

LLM_SYSTEM_PROMPT = (
    "你是{assistant}。只能根据下面“资料”中的内容，用简体中文简短回答用户的问题（不超过120字），"
    "不要编造资料中没有的信息。如果资料中没有答案，只回复 " + _NOT_FOUND_MARK + "。"
)


@dataclass(frozen=True)
class Candidate:
    """One piece an extractive answer may be: a sentence, a numbered item or a table row."""
    rank: int                    # its chunk's place among the relevant chunks
    position: int                # its place in that chunk: chosen pieces are shown in document order
    text: str
    lead: str = ""               # what it continues, shown before it (an item's opening, the line
                                 # announcing a list, a row's short cells)
    row: tuple[int, int] | None = None  # (chunk rank, line) of the table row it is from

    @property
    def scored(self) -> str:
        """The text it is judged by: with its lead, which says what it is about."""
        return (self.lead + self.text).lower()


def answer_candidates(chunks: list[RetrievedChunk], max_chars: int) -> list[Candidate]:
    """Every piece of ``chunks`` that could answer, each with the lead it needs.

    ``lead`` is the opening sentence of the numbered item a sentence continues ("其中，…不得
    超过3年" after "（二）城区人口50万至100万的…") or the line ending in "：" that the numbered
    items below it complete ("享受下列便利：" before "（四）申领机动车驾驶证；").
    """
    out: list[Candidate] = []
    for rank, rc in enumerate(chunks):
        pos, intro, article = 0, "", ""  # article: the opening sentence of the 第X条 the lines below continue
        for n, line in enumerate(rc.chunk.text.split("\n")):
            row = row_units(line)
            if row is not None:
                for sentence, lead in row:
                    pos += 1
                    if len(sentence) >= _MIN_SENTENCE:
                        out.append(Candidate(rank, pos, sentence, lead if len(lead) + len(sentence) <= max_chars else "",
                                             (rank, n)))
                continue
            units = answer_units(line)
            item = bool(units) and bool(_ITEM.match(units[0]))
            intro = intro if item else ""
            if units and _ARTICLE.match(units[0]):
                article = units[0]
            for i, sentence in enumerate(units):
                pos += 1
                if len(sentence) >= _MIN_SENTENCE and not restates_title(sentence, rc.chunk.title):
                    # A later paragraph of an article that refers back to it ("符合本条规定人员迁户时，…")
                    # is about what its opening says ("第十一条 持有深圳市居住证…可办理居住社保迁户").
                    refers = article and article != sentence and _REFERS_BACK.search(sentence)
                    lead = units[0] if i and item else intro if item else article if refers else ""
                    out.append(Candidate(rank, pos, sentence, lead if len(lead) + len(sentence) <= max_chars else ""))
            if units and units[-1].endswith(_INTRO_END):
                intro = units[-1]
    return out


@dataclass(frozen=True)
class ScoredCandidates:
    score: np.ndarray    # how well each candidate answers (higher is better)
    fits: np.ndarray     # -1: it lacks the kind of fact asked; 1: states it; 0: none asked
    lexical: np.ndarray  # share of the question's terms it holds


def score_candidates(question: str, candidates: list[Candidate], relevant: list[RetrievedChunk],
                     query_vector: np.ndarray | None, embedder, place_weight: float) -> ScoredCandidates:
    """How well each candidate answers ``question``: its words, its meaning, the kind of fact
    and the numbers asked, its chunk's rank and whether that chunk is about the place asked."""
    expanded = normalise_query(question)
    scored = [c.scored for c in candidates]
    terms = np.array([sentence_terms(expanded, s) for s in scored])
    lexical, specific = terms[:, 0], terms[:, 1]
    # The sentence that states the kind of fact asked (an amount, a duration…) and the
    # numbers the question names (50万, 2020年) answers it; a neighbour on the same topic does not.
    # The section heading counts here: under "入住条件" a sentence listing them states conditions.
    headings = [relevant[c.rank].chunk.heading.lower() for c in candidates]
    fits = np.array([attribute_fit(question, f"{h} {s}") for h, s in zip(headings, scored)], dtype=float)
    numbers = np.array([numbers_fit(expanded, s) for s in scored])
    preferred = np.array([preferred_fit(question, s) for s in scored])
    semantic = np.zeros(len(candidates))
    if query_vector is not None:
        semantic = embedder.embed([c.text for c in candidates]) @ query_vector
    prior = np.array([1.0 / (1 + c.rank) for c in candidates])
    # The rule of the place asked wins over a national one saying the same kind of thing.
    local = np.array([relevant[c.rank].local for c in candidates], dtype=float)
    score = (0.40 * lexical + 0.20 * specific + 0.25 * semantic + 0.10 * prior
             + 0.15 * fits + 0.15 * preferred + 0.10 * numbers + place_weight * local)
    return ScoredCandidates(score, fits, lexical)


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

    def to_json(self) -> dict:
        return {"answer": self.text, "found": self.found,
                "sources": [{k: s[k] for k in ("title", "section", "snippet")} for s in self.sources]}


class Answerer:
    def __init__(self, retriever: HybridRetriever, answer_cfg: AnswerConfig, retrieval_cfg: RetrievalConfig,
                 llm_cfg: LLMConfig | None = None, chat_model=None):
        self.retriever = retriever
        self.cfg = answer_cfg
        self.min_relevance = retrieval_cfg.min_relevance
        self.llm_cfg = llm_cfg
        self.chat_model = chat_model
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm") if chat_model is not None else None

    def answer(self, question: str, filters: dict | None = None, use_llm: bool = True) -> Answer:
        question = question.strip()
        retrieval = self.retriever.retrieve(question, filters=filters)
        relevant = [c for c in retrieval.chunks if c.relevance >= self.min_relevance]
        # A question naming a place no document is about ("武汉大学生落户条件") asks for that
        # place's own rules: a national text found for it is not them, so say which place is missing.
        missing = retrieval.place.name if retrieval.place_named and not retrieval.place_covered else ""
        if not question or not relevant or missing:
            return Answer(question, "", False, [], retrieval.chunks, "none", retrieval.generation, missing)
        if use_llm and self.chat_model is not None:
            try:
                return self._llm_answer(question, relevant, retrieval)
            except LLMError as exc:
                log.warning("LLM answer failed, using the extractive answer: %s", exc)
        return self.extractive(question, relevant, retrieval)

    # ------------------------------------------------------------ extractive
    def extractive(self, question: str, relevant: list[RetrievedChunk], retrieval: Retrieval) -> Answer:
        candidates = answer_candidates(relevant[:3], self.cfg.max_chars)
        if not candidates:
            return Answer(question, "", False, [], retrieval.chunks, "none", retrieval.generation)
        expanded = normalise_query(question)
        scored = score_candidates(question, candidates, relevant, retrieval.query_vector, self.retriever.embedder,
                                  self.retriever.cfg.place_weight)
        if (scored.fits < 0).all():  # asked for an amount, a duration…: no sentence states one, so none answers
            return Answer(question, "", False, [], retrieval.chunks, "none", retrieval.generation)
        # Only a sentence stating the kind of fact asked may answer: "人才公寓租金多少" is not
        # answered by "新建人才公寓424套", however close its words.
        # On topic: the sentence (with its title and heading) names the subject itself, not only the
        # kind of fact asked ("落户需要什么材料" is not answered by the materials of something else).
        on_topic = np.array([subject_share(expanded, f"{relevant[c.rank].chunk.title} {relevant[c.rank].chunk.heading} "
                                                     f"{c.scored}".lower()) for c in candidates])
        score = np.where((scored.fits < 0) | (on_topic < _SUBJECT_SHARE), -np.inf, scored.score)
        if not np.isfinite(score).any():  # every sentence left is about something else
            return Answer(question, "", False, [], retrieval.chunks, "none", retrieval.generation)
        order = list(np.argsort(-score))
        chosen = [order[0]]
        first = candidates[order[0]]
        # A second sentence only if it is from the same chunk and nearly as good:
        # two half-related sentences read worse than one good one.
        for i in order[1:]:
            if len(chosen) >= self.cfg.max_sentences:
                break
            if candidates[i].row != first.row:
                continue  # table rows are alternatives (本科 80分, 大专 70分): one row answers, not two
            if candidates[i].rank == first.rank and score[i] >= 0.8 * score[order[0]] and scored.lexical[i] > 0:
                chosen.append(i)
        chosen.sort(key=lambda i: candidates[i].position)
        parts: list[str] = []
        for i in chosen:
            parts.extend(p for p in (candidates[i].lead, candidates[i].text) if p and p not in parts)
        text = _fit("".join(parts), self.cfg.max_chars)
        source_chunks = [relevant[first.rank]] + [c for j, c in enumerate(relevant[:3]) if j != first.rank]
        return Answer(question, text, True, _sources(source_chunks), retrieval.chunks, "extractive", retrieval.generation)

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
