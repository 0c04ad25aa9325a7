"""Standard answers (标准问答): the CLI, matching by paraphrase, and the channels that use them."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import AuditEntry, FaqEntry

PET_Q, PET_A = "驿站可以带宠物吗", "驿站内不允许携带宠物，请谅解。"


def _cli(app, *args):
    return app.test_cli_runner().invoke(args=["faq", *args])


def _ask(client, question: str) -> dict:
    res = client.post("/api/ask", json={"question": question})
    assert res.status_code == 200, res.json
    return res.json


def test_add_list_remove_through_the_cli_and_the_answer_follows(app):
    client = app.test_client()
    assert "标准问答" not in str(_ask(client, PET_Q))  # the documents have nothing on pets

    added = _cli(app, "add", PET_Q, PET_A, "--alias", "宠物能带进驿站吗", "--source", "驿站预约须知")
    assert added.exit_code == 0, added.output
    entry_id = added.output.split()[0]
    listed = _cli(app, "list").output.splitlines()
    assert listed[0].startswith(f"{entry_id}  {PET_Q}") and listed[-1] == "1 entries"

    app.extensions["talent.answers"].cfg = app.extensions["talent.answers"].cfg.model_copy(update={"refresh_s": 0.001})
    for asked in (PET_Q, "驿站能带宠物吗", "宠物能带进驿站吗", "驛站可以帶寵物嗎"):
        reply = _ask(client, asked)
        assert reply["found"] and reply["answer"] == PET_A, (asked, reply)
        assert reply["sources"][0] == {"title": "驿站预约须知", "section": "标准问答", "snippet": PET_A}
    chat = client.post("/api/chat", json={"text": "驿站能带宠物吗"}).json
    assert chat["reply"] == PET_A and chat["sources"][0]["section"] == "标准问答"

    # Near misses keep going to the documents.
    assert _ask(client, "驿站可以带孩子吗")["answer"] != PET_A
    assert "424套" in _ask(client, "人才公寓有多少套")["answer"]

    removed = _cli(app, "remove", entry_id)
    assert removed.exit_code == 0 and f"{entry_id}  removed" in removed.output
    assert _ask(client, PET_Q)["answer"] != PET_A
    with app.extensions["talent.db"]() as s:
        assert [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("faq.%")))] == [
            "faq.add", "faq.remove"]


def test_cli_errors_are_clear(app):
    res = _cli(app, "add", "", "答案")
    assert res.exit_code != 0 and "问题不能为空" in res.output
    res = _cli(app, "remove", "999")
    assert res.exit_code != 0 and "没有编号为999的标准问答" in res.output


def test_import_is_all_or_nothing_and_names_the_bad_line(app, tmp_path):
    good = tmp_path / "faq.csv"
    good.write_text("question,answer,aliases,source\n驿站有洗衣机吗,总站有公用洗衣机。,驿站能洗衣服吗|驿站可以洗衣服吗,\n"
                    "驿站几点关门,驿站晚上11点关门。,,驿站预约须知\n", encoding="utf-8")
    res = _cli(app, "import", str(good))
    assert res.exit_code == 0 and "2 added" in res.output, res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("驿站有空调吗,有。\n只有问题\n", encoding="utf-8")
    res = _cli(app, "import", str(bad))
    assert res.exit_code != 0 and "第2行" in res.output
    with app.extensions["talent.db"]() as s:
        assert sorted(e.question for e in s.scalars(select(FaqEntry))) == ["驿站几点关门", "驿站有洗衣机吗"]
        washer = s.scalar(select(FaqEntry).where(FaqEntry.question == "驿站有洗衣机吗"))
        assert washer.aliases == ["驿站能洗衣服吗", "驿站可以洗衣服吗"]


def test_a_disabled_answer_is_not_used(app):
    from bot import faq

    with app.extensions["talent.db"]() as s:
        entry = faq.add(s, PET_Q, PET_A)
        s.commit()
        faq.set_enabled(s, entry.id, False)
        s.commit()
    answers = app.extensions["talent.answers"]
    answers.cfg = answers.cfg.model_copy(update={"refresh_s": 0.001})
    assert answers.match(PET_Q) is None


def test_a_standard_answer_written_from_unanswered_questions_marks_the_group_handled(app):
    """The console's 写标准答案 sends the group's ids as one comma-separated field; every one of
    them is handled, and a value that is no id ("²" is a digit to Python, not a number) is skipped."""
    from bot.models import UnansweredQuestion
    from tests.admin_helpers import create_staff, csrf_token, login

    visitor = app.test_client()
    for q in ("公积金怎么提取", "如何提取公积金", "落户要什么材料"):
        visitor.post("/api/chat", json={"text": q})
    with app.extensions["talent.db"]() as s:
        ids = {r.question: r.id for r in s.scalars(select(UnansweredQuestion))}
    create_staff(app, "faqeditor", "editor")
    client = app.test_client()
    login(client, "faqeditor")
    group = f"{ids['公积金怎么提取']},{ids['如何提取公积金']},²"
    res = client.post("/admin/faq", data={"csrf_token": csrf_token(client, "/admin/faq"), "question": "公积金怎么提取",
                                          "answer": "携带身份证到公积金中心柜台办理。", "unanswered": group})
    assert res.status_code == 302
    with app.extensions["talent.db"]() as s:
        handled = {r.question: r.handled for r in s.scalars(select(UnansweredQuestion))}
    assert handled == {"公积金怎么提取": True, "如何提取公积金": True, "落户要什么材料": False}
