"""Which place a document or a question is about.

A district office loads documents from its district, its city, its province
and other cities; "广州人才公寓计划建多少套" must never be answered with a
姜堰 figure. Places are read with a gazetteer of China's provinces, cities and
counties (knowledge/places.tsv, from jionlp's public dictionary): full names
("泰州市", "姜堰区") and short names ("泰州", "姜堰"). A place is a path from
the province down ("江苏省 泰州市 姜堰区"); a document about 泰州市 also
covers 姜堰区, one about 广州市 does not.

Short names that are everyday words ("和平", "合作", "比如") are not read as
places: jieba's dictionary says how common a word is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).resolve().parent / "places.tsv"
_ABBREVIATIONS = Path(__file__).resolve().parent / "place_abbreviations.tsv"
_NICKNAMES = Path(__file__).resolve().parent / "place_nicknames.tsv"
# Where a one-character abbreviation is a place: "在京" "来深" … or "深户" "京籍" (place_abbreviations.tsv).
_BEFORE_ABBREVIATION = "在来赴进回离驻留到返"
_AFTER_ABBREVIATION = re.compile(r"户|籍|牌")
_NOT_ADMINISTRATIVE = re.compile(r"示范区|开发区|高新|经济技术|新区|管理区|工业园|农场")


def _municipal_district(name: str, parent: str) -> bool:
    """A 新区 directly under a municipality (浦东新区, 滨海新区) is a district like any other; one
    under a city (天府新区 of 成都市) is a development zone, which the documents do not speak for."""
    return name.endswith("新区") and len(parent.split()) == 1 and parent.endswith("市")


_COMMON_WORD_FREQ = 1000  # jieba frequency above which a name is an everyday word (城区, 和平)
_JOINED_WORD_FREQ = 300   # 市民 3506, 市容 530, 城市 25084 join a spoken name's last character; 市招 33 does not
# Issuers and titles that make a document national: it applies to every place.
_NATIONAL = re.compile(r"^(国务院|中共中央|全国|国家|中华人民共和国|人力资源社会保障部|人力资源和社会保障部|教育部|财政部|"
                       r"住房和城乡建设部|科学技术部|工业和信息化部|共青团中央)")


@dataclass(frozen=True)
class Place:
    name: str                 # "姜堰区"
    path: tuple[str, ...]     # ("江苏省", "泰州市", "姜堰区")

    @property
    def level(self) -> int:
        return len(self.path)

    def covers(self, other: "Place") -> bool:
        """True when this place is ``other`` or contains it (泰州市 covers 姜堰区)."""
        return other.path[:len(self.path)] == self.path

    def __str__(self) -> str:
        return self.name


def compatible(a: Place, b: Place) -> bool:
    """One place contains the other: a document about either can speak to a question about the other."""
    return a.covers(b) or b.covers(a)


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str, str]], common: set[str] = frozenset(),
                 abbreviations: dict[str, str] | None = None, nicknames: dict[str, str] | None = None,
                 frequency=lambda text: 0):
        """``abbreviations``: 京 → 北京市 …; ``nicknames``: 呼市 → 呼和浩特市, names read as the
        place's own; ``frequency``: how common a word is (0: no word), so that an abbreviation
        starting a word (深造, 京剧) or a nickname ending in one (招呼市民) is not read as a place."""
        self.by_form: dict[str, list[Place]] = {}
        self._frequency = frequency
        self.county_short: set[str] = set()  # short names of counties: "姜堰", but also "新建", "三水"
        for name, short, parent in rows:
            if _NOT_ADMINISTRATIVE.search(name) and not _municipal_district(name, parent):
                continue
            place = Place(name, tuple(parent.split()) + (name,))
            prefecture_or_above = place.level == 1 or (place.level == 2 and not name.endswith(("区", "县", "旗")))
            forms = [name] if prefecture_or_above or name not in common else []  # 城区, 郊区, 矿区: words
            if len(short) >= 2 and (prefecture_or_above or short not in common):
                forms.append(short)
                if not prefecture_or_above:
                    self.county_short.add(short)
            for form in forms:
                self.by_form.setdefault(form, []).append(place)
        for places in self.by_form.values():
            places.sort(key=lambda p: p.level)  # a province or city before a county of the same name
        self._nicknames = set()
        for nickname, name in (nicknames or {}).items():
            if name in self.by_form and nickname not in self.by_form:
                self.by_form[nickname] = self.by_form[name][:1]
                self._nicknames.add(nickname)
        # Form lengths by first character, longest first: finding the names in a text looks up
        # only the lengths that can start where it stands. 10x faster than one regular expression
        # of all 6,315 forms, which tried each in turn: reading a 1,004-chunk build's documents'
        # places 0.55 s -> 0.12 s (bench/README.md, 2026-12-04 evening).
        lengths: dict[str, set[int]] = {}
        for form in self.by_form:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}
        self._starts = re.compile("[" + "".join(map(re.escape, sorted(self._lengths))) + "]")
        self.abbreviations = {ch: self.by_form[name][0] for ch, name in (abbreviations or {}).items()
                              if name in self.by_form}
        self._abbreviated = re.compile(f"(?<=[{_BEFORE_ABBREVIATION}])([{''.join(self.abbreviations)}])(.?)|"
                                       f"([{''.join(self.abbreviations)}])(?={_AFTER_ABBREVIATION.pattern})"
                                       ) if self.abbreviations else None

    def mentions(self, text: str, known: frozenset[str] | None = None) -> list[list[Place]]:
        """The places named in ``text``, in order; each mention lists its candidates, best first.

        At each position the longest name wins, and the next is read after it.
        ``known``: the only county short names to read (None: all). Many are
        everyday words too ("新建", "三水"): a document's running text reads none,
        a question all but those (see HybridRetriever.place_of).
        """
        return [self.by_form[form] for form in self._forms_in(text)
                if known is None or form not in self.county_short or form in known]

    def _forms_in(self, text: str) -> list[str]:
        found, pos = [], 0
        while (start := self._starts.search(text, pos)) is not None:
            i = start.start()
            form = next((f for n in self._lengths[text[i]] if (f := text[i:i + n]) in self.by_form
                         and not self._joins_next(f, text, i + n)), None)
            if form is None:
                pos = i + 1
            else:
                found.append(form)
                pos = i + len(form)
        return found

    def _joins_next(self, form: str, text: str, end: int) -> bool:
        """A spoken name whose last character starts a word with the next: "招呼市民" (市民),
        "明星城市" (城市) name no city."""
        return form in self._nicknames and end < len(text) and self._frequency(text[end - 1:end + 1]) >= _JOINED_WORD_FREQ

    def short_names(self, places) -> frozenset[str]:
        """Every name and short name of ``places`` and of the places above them."""
        wanted = {name for p in places for name in p.path}
        return frozenset(form for form, cands in self.by_form.items() if any(c.name in wanted for c in cands))

    def abbreviated(self, text: str) -> list[Place]:
        """Places named by a one-character abbreviation where it is used as one: "在京办居住证",
        "我是深户" (not "在深造", "京剧")."""
        if self._abbreviated is None:
            return []
        out = []
        for m in self._abbreviated.finditer(text):
            ch = m.group(1) or m.group(3)
            if m.group(1) and m.group(2) and self._frequency(ch + m.group(2)) > 0:
                continue  # 在深造: the character starts a word
            place = self.abbreviations[ch]
            if place not in out:
                out.append(place)
        return out

    def county_forms_in(self, text: str, place: Place) -> list[str]:
        """The county short names of ``place`` that ``text`` uses ("闽侯" for 闽侯县)."""
        return [f for f in self._forms_in(text) if f in self.county_short and place in self.by_form[f]]

    def places_in(self, text: str, known: frozenset[str] | None = None, prefer=()) -> list[Place]:
        """Distinct places named in ``text``; an ambiguous name resolved by the other places named,
        else by ``prefer`` (鼓楼 is in 南京, 徐州, 开封 and 福州: with a document about 福州市, 福州's)."""
        mentions = self.mentions(text, known)
        chosen: list[Place] = []
        for candidates in mentions:
            context = [c for other in mentions if other is not candidates for c in other]
            best = next((c for c in candidates if any(compatible(c, o) and o != c for o in context)),
                        next((c for c in candidates if any(p.covers(c) for p in prefer)), candidates[0]))
            if best not in chosen:
                chosen.append(best)
        return chosen

    def most_specific(self, places: list[Place]) -> Place | None:
        """The deepest place consistent with all the others, or the first named."""
        if not places:
            return None
        for place in sorted(places, key=lambda p: -p.level):
            if all(compatible(place, other) for other in places):
                return place
        return places[0]

    def document_region(self, title: str, issuer: str, text: str) -> Place | None:
        """What a document is about: its title and issuer first, else the place its text names most.

        None for a national document (or one that names no place): it applies everywhere.
        """
        head = f"{title} {issuer}".strip()
        if _NATIONAL.match(title) or _NATIONAL.match(issuer):
            return None
        named = self.places_in(head, known=frozenset())
        # A county's short name in a title ("姜堰人才…", but also "人才安居新政") counts only
        # when the text also names the city it belongs to.
        named += [p for p in self.places_in(head) if p not in named and p.level >= 3
                  and any(form in text[:3000] for form in self.short_names([Place(p.path[-2], p.path[:-1])]))]
        if named:
            return self.most_specific(named)
        # In running text only full names and cities count: county short names hide in words (大城市, 延长, 共和国).
        counts = Counter(candidates[0] for candidates in self.mentions(text[:3000], known=frozenset()))
        if not counts:
            return None
        top, n = counts.most_common(1)[0]
        return top if n >= 2 else None  # named once in passing is not what a document is about

    def place(self, path: str) -> Place | None:
        """A stored place path ("江苏省 泰州市 姜堰区") back as a Place."""
        parts = tuple(path.split())
        return Place(parts[-1], parts) if parts else None


# Words that end the name of an area below a city: 临港地区, 浦东新区, 苏州工业园区, 前海合作区.
_AREA_ENDS = ("地区", "新区", "片区", "园区", "开发区", "高新区", "合作区", "示范区", "自贸区", "试验区", "新城")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def areas_named(title: str) -> dict[str, tuple[str, ...]]:
    """Areas below a city that a document's title names and the gazetteer does not hold
    ("…政策支持临港地区新一轮发展…" → 临港), each with the forms a question may use (浦东新区,
    浦东): a question naming one is about the documents on it.

    The word before an area ending (临港 of 临港地区), or one word ending so (苏州工业园区);
    only a name jieba tags as a place or does not know (not 贫困地区, 重点园区, 边远地区),
    and not one the gazetteer reads already.
    """
    from knowledge.text import word_tag, words

    g, out = gazetteer(), {}
    tokens = [t for t in words(title) if t != "新"]  # 临港新片区: 临港
    for before, token in zip([""] + tokens, tokens):
        if token in _AREA_ENDS:
            name = stem = before
        else:
            end = next((e for e in _AREA_ENDS if token.endswith(e) and len(token) > len(e)), None)
            if end is None:
                continue
            name, stem = token, token[:-len(end)]
        if (_HAN.match(stem) and word_tag(stem) in ("ns", None) and name not in g.by_form
                and not g.places_in(name)):
            out[name] = tuple(dict.fromkeys((name, stem)))
    return out


def _pairs(path: Path) -> dict[str, str]:
    """A name file's pairs (a name, TAB, the place it names), comment lines left out."""
    return dict(line.split("\t")[:2] for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from knowledge.text import word_frequency

    rows = []
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, short, parent = (line.split("\t") + ["", ""])[:3]
            rows.append((name, short, parent))
    common = {form for name, short, _ in rows for form in (name, short)
              if form and word_frequency(form) > _COMMON_WORD_FREQ}
    return Gazetteer(rows, common, _pairs(_ABBREVIATIONS), _pairs(_NICKNAMES), word_frequency)
