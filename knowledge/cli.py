"""``python -m knowledge eval QA.tsv``: measure retrieval and answers on a QA set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from core.config import load_config
from core.errors import TalentError
from knowledge.evaluate import evaluate, read_qa
from knowledge.service import KnowledgeBase



@click.group()
@click.option("--config", envvar="APP_CONFIG", help="config.yaml to use (default: the project's)")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Query and evaluate the knowledge index."""
    ctx.obj = {"config": config}


@cli.command("eval")
@click.argument("qa_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--index", "index_dir", type=click.Path(file_okay=False), help="index directory (default: knowledge.index_dir)")
@click.option("--json", "as_json", is_flag=True, help="one JSON object: the metrics and a row per question")
@click.option("--llm/--no-llm", default=False, help="answer with the configured LLM (default: extractive)")
@click.option("--show-misses", is_flag=True, help="list the questions that failed")
@click.pass_obj
def eval_cmd(obj, qa_file: Path, index_dir: str | None, as_json: bool, llm: bool, show_misses: bool) -> None:
    """hit@1, hit@3, MRR, answer_contains, no_answer_correct (and source@1) on QA_FILE."""
    try:
        overrides = {"knowledge": {"index_dir": str(Path(index_dir).resolve())}} if index_dir else None
        kb = KnowledgeBase(load_config(obj["config"], overrides))
        result = evaluate(kb, read_qa(qa_file), use_llm=llm)
    except TalentError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            if key != "questions":
                click.echo(f"{key:18} {value if key == 'n' else f'{value:.3f}'}")
    if show_misses:
        for d in result["questions"]:
            if not d["ok"]:
                click.echo(f"MISS rank={d['rank']} rel={d['relevance']} found={d['found']} cited={d['cited']!r} "
                           f"q={d['question']} expected={d['expected']!r} source={d['source']!r} "
                           f"answer={d['answer'][:60]!r}", err=True)


@cli.command("ask")
@click.argument("question")
@click.option("--index", "index_dir", type=click.Path(file_okay=False))
@click.pass_obj
def ask_cmd(obj, question: str, index_dir: str | None) -> None:
    """Answer one question and show the ranked chunks (a quick hit test)."""
    overrides = {"knowledge": {"index_dir": str(Path(index_dir).resolve())}} if index_dir else None
    kb = KnowledgeBase(load_config(obj["config"], overrides))
    answer = kb.answer(question)
    for i, c in enumerate(answer.chunks, 1):
        click.echo(f"{i}. score={c.score:.4f} dense={c.dense} bm25={c.keyword} rel={c.relevance:.2f} "
                   f"{c.chunk.doc_id}#{c.chunk.position} {c.chunk.text[:50]}")
    click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=1))
