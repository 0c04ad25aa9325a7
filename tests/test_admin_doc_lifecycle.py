"""Document lifecycle in the console over HTTP: status, uploader, enable/disable, dates, download,
versions with rollback, failed uploads and near-duplicates."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.models import AuditEntry
from tests.admin_helpers import csrf_token, login
from tests.conftest import DOCS
from tests.test_admin import _wait_job, app  # noqa: F401  (the console on a private index copy)

PETS = "# 驿站宠物规定\n\n青年人才驿站内不得饲养宠物，违者取消入住资格。\n".encode("utf-8")
PETS_Q = "驿站可以养宠物吗"
RENT_V1 = "# 青年人才租房补贴\n\n在本区就业的全日制本科毕业生，租房补贴标准为每月800元，最长发放三年。\n".encode("utf-8")
RENT_V2 = RENT_V1.replace("800元".encode(), "1000元".encode())
RENT_Q = "本科毕业生租房补贴每月多少"


@pytest.fixture()
def editor(app):
    client = app.test_client()
    login(client, "editor1")
    return client


def _upload(client, name: str, data: bytes, url: str = "/admin/docs/upload", **form) -> dict:
    res = client.post(url, data={"csrf_token": csrf_token(client, "/admin/docs"), "file": (io.BytesIO(data), name),
                                 **form}, content_type="multipart/form-data")
    assert res.status_code == 302, res.get_data(as_text=True)
    return _wait_job(client, res.headers["Location"])


def _row(client, doc_id: str) -> str:
    page = client.get("/admin/docs").get_data(as_text=True)
    m = re.search(rf'<tr data-doc="{re.escape(doc_id)}".*?</tr>', page, re.S)
    assert m, f"{doc_id} not listed"
    return m.group(0)


def _post(client, path: str, **form):
    return client.post(path, data={"csrf_token": csrf_token(client, "/admin/docs"), **form}, follow_redirects=True)


def _ask(client, question: str = PETS_Q) -> str:
    return client.post("/api/ask", json={"question": question}).json["answer"]


def _audited(app, action: str) -> list[str]:
    with app.extensions["talent.db"]() as s:
        return [a.target for a in s.scalars(select(AuditEntry).where(AuditEntry.action == action))]


def test_status_uploader_enable_disable_and_dates(app, editor):
    today = app.extensions["talent.knowledge"].today()
    status = _upload(editor, "宠物规定.md", PETS, effective=str(today - timedelta(days=30)),
                     expires=str(today + timedelta(days=30)))
    assert status["status"] == "done" and status["added"] == ["宠物规定.md"], status
    row = _row(editor, "宠物规定.md")
    assert "已索引" in row and "editor1" in row
    assert str(today - timedelta(days=30)) in row and str(today + timedelta(days=30)) in row
    assert "不得饲养宠物" in _ask(editor)

    page = _post(editor, "/admin/docs/宠物规定.md/enabled", enabled="0").get_data(as_text=True)
    assert "已停用《驿站宠物规定》" in page
    assert "已停用" in _row(editor, "宠物规定.md")  # still listed
    assert (Path(app.instance_path) / "docs" / "宠物规定.md").exists()  # and on disk
    assert "不得饲养宠物" not in _ask(editor)
    _post(editor, "/admin/docs/宠物规定.md/enabled", enabled="1")
    assert "已索引" in _row(editor, "宠物规定.md") and "不得饲养宠物" in _ask(editor)

    yesterday = str(today - timedelta(days=1))
    page = _post(editor, "/admin/docs/宠物规定.md/dates", effective="", expires=yesterday).get_data(as_text=True)
    assert "已保存《驿站宠物规定》的生效和失效日期" in page
    assert "已过期" in _row(editor, "宠物规定.md") and "不得饲养宠物" not in _ask(editor)
    _post(editor, "/admin/docs/宠物规定.md/dates", effective=str(today + timedelta(days=1)), expires="")
    row = _row(editor, "宠物规定.md")
    assert "未生效" in row and yesterday not in row and "不得饲养宠物" not in _ask(editor)
    _post(editor, "/admin/docs/宠物规定.md/dates", effective=str(today), expires="")
    assert "已索引" in _row(editor, "宠物规定.md") and "不得饲养宠物" in _ask(editor)

    assert "日期格式不对" in _post(editor, "/admin/docs/宠物规定.md/dates", expires="明年").get_data(as_text=True)
    page = _post(editor, "/admin/docs/宠物规定.md/dates", effective="2027-05-01", expires="2027-04-01")
    assert "失效日期不能早于生效日期" in page.get_data(as_text=True)
    assert _audited(app, "doc.disable") == ["宠物规定.md"] and _audited(app, "doc.enable") == ["宠物规定.md"]
    assert len(_audited(app, "doc.dates")) == 3

    agent = app.test_client()
    login(agent, "agent1")
    assert agent.post("/admin/docs/宠物规定.md/enabled", data={"csrf_token": csrf_token(agent, "/admin/tickets"),
                                                                "enabled": "0"}).status_code == 403


def test_download_versions_rollback_and_failed_uploads(app, editor):
    docs = Path(app.instance_path) / "docs"
    name = "租房补贴.md"
    assert _upload(editor, name, RENT_V1)["added"] == [name]
    assert "还没有历史版本" in editor.get(f"/admin/docs/{name}/versions").get_data(as_text=True)
    status = _upload(editor, name, RENT_V2, url=f"/admin/docs/{name}/replace")
    assert status["updated"] == [name] and "更新1个" in status["summary"]
    assert "1000元" in _ask(editor, RENT_Q)

    res = editor.get(f"/admin/docs/{name}/download")
    assert res.status_code == 200 and res.data == RENT_V2 and "attachment" in res.headers["Content-Disposition"]
    page = editor.get(f"/admin/docs/{name}/versions").get_data(as_text=True)
    stored = re.findall(r'<tr data-version="([^"]+)"', page)
    assert len(stored) == 1 and "editor1" in page
    assert editor.get(f"/admin/docs/{name}/versions/{stored[0]}").data == RENT_V1
    assert editor.get(f"/admin/docs/{name}/versions/..%2F{name}").status_code == 404
    assert "历史版本（1）" in _row(editor, name)

    res = editor.post(f"/admin/docs/{name}/versions/{stored[0]}/rollback",
                      data={"csrf_token": csrf_token(editor, "/admin/docs")})
    status = _wait_job(editor, res.headers["Location"])
    assert status["status"] == "done" and status["updated"] == [name], status
    assert "800元" in _ask(editor, RENT_Q) and (docs / name).read_bytes() == RENT_V1
    assert len(re.findall(r'<tr data-version=', editor.get(f"/admin/docs/{name}/versions").get_data(as_text=True))) == 2

    # A broken replacement: the job says why in Chinese, the good version stays, nothing new is kept.
    status = _upload(editor, name, b"\xff\xfe\x00broken\x00" * 50, url=f"/admin/docs/{name}/replace")
    assert status["skipped"] and re.search(r"[\u4e00-\u9fff]", status["skipped"][0]["reason"]), status
    assert (docs / name).read_bytes() == RENT_V1 and "800元" in _ask(editor, RENT_Q)
    assert len(list((docs / ".versions").glob(f"*-{name}"))) == 2
    row = _row(editor, name)
    assert "上次上传失败" in row and "已索引" in row

    # A refused new document: listed as failed with its reason, nothing of it on disk.
    status = _upload(editor, "病毒.pdf", b"MZ\x90\x00")
    assert status["skipped"]
    row = _row(editor, "病毒.pdf")
    assert "失败（不是有效的PDF文件" in row and "editor1" in row
    assert not (docs / "病毒.pdf").exists() and not list((docs / ".versions").glob("*病毒*"))
    assert _audited(app, "doc.rollback") == [name]

    agent = app.test_client()
    login(agent, "agent1")
    assert agent.get(f"/admin/docs/{name}/download").status_code == 403
    assert agent.get(f"/admin/docs/{name}/versions").status_code == 403

    # Deleting the document deletes its kept versions too: nothing of it is left on disk.
    assert "已删除" in _post(editor, f"/admin/docs/{name}/delete").get_data(as_text=True)
    assert not (docs / name).exists() and not list((docs / ".versions").glob(f"*{name}*"))


def test_near_duplicates_are_flagged_on_both(app, editor):
    body = next(DOCS.glob("*.txt")).read_bytes()
    status = _upload(editor, "综述副本.txt", body.replace("424套".encode(), "425套".encode()))
    assert status["added"] == ["综述副本.txt"]
    assert "与《2023年姜堰区人才工作综述》高度相似" in _row(editor, "综述副本.txt")
    assert "与《综述副本》高度相似" in _row(editor, "2023年姜堰区人才工作综述.txt")
