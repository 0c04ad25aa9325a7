"""Check multi_dev.tsv / multi_holdout.tsv against corpus/.

- header is exactly question<TAB>expected<TAB>source
- every row has 3 fields, non-empty question
- expected and source are both empty or both set
- every source file exists in corpus/
- every expected occurs (whitespace removed) in its source document
- prints counts

Run:  python3 knowledge/eval/check_multi_eval.py
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus" / "docs"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    errors = []
    docs = {p.name: squash(p.read_text(encoding="utf-8")) for p in CORPUS.iterdir()
            if p.is_file() and p.name != "README.md"}
    seen_q = set()
    used = {}
    for name in ("multi_dev.tsv", "multi_holdout.tsv"):
        lines = (HERE / name).read_text(encoding="utf-8").split("\n")
        if lines[-1] == "":
            lines = lines[:-1]
        if lines[0] != "question\texpected\tsource":
            errors.append(f"{name}: bad header {lines[0]!r}")
        ans = unans = 0
        for i, line in enumerate(lines[1:], start=2):
            parts = line.split("\t")
            if len(parts) != 3:
                errors.append(f"{name}:{i}: {len(parts)} fields")
                continue
            q, exp, src = parts
            if not q.strip():
                errors.append(f"{name}:{i}: empty question")
            if q in seen_q:
                errors.append(f"{name}:{i}: duplicate question {q}")
            seen_q.add(q)
            if bool(exp) != bool(src):
                errors.append(f"{name}:{i}: expected/source must both be set or both empty")
                continue
            if not exp:
                unans += 1
                continue
            ans += 1
            if src not in docs:
                errors.append(f"{name}:{i}: source not in corpus: {src}")
                continue
            if squash(exp) not in docs[src]:
                errors.append(f"{name}:{i}: {exp!r} not found in {src}")
            used[src] = used.get(src, 0) + 1
        print(f"{name}: {ans + unans} questions, {ans} answerable, {unans} unanswerable")
    print("answerable questions per document:")
    for doc in sorted(docs):
        print(f"  {used.get(doc, 0):3d}  {doc}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
