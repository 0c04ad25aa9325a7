"""Document lifecycle in the console over HTTP: status, uploader, enable/disable, dates, download,
versions with rollback, failed uploads and near-duplicates."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

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


FLAT = "# 人才公寓申请公告\n\n人才公寓租金为市场租金的50%，租期最长3年。\n".encode("utf-8")
FLAT_PAGE = ('<html><head><meta charset="utf-8"><title>公告</title></head><body><h1>人才公寓申请公告</h1>'
             "<p>人才公寓租金为市场租金的40%，租期最长3年。</p></body></html>").encode("utf-8")
FLAT_TITLE = "关于受理天河区人才公寓申请的公告"


def _doc(app, doc_id: str):
    return next(d for d in app.extensions["talent.knowledge"].index.documents() if d.doc_id == doc_id)


def _field(html: str, form_id: str, name: str) -> str:
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', html, re.S).group(0)
    return re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', form).group(1)


def test_a_replacement_keeps_the_title_and_region_staff_gave_the_document(app, editor):
    """Staff test: a document uploaded with 标题 and 地区, replaced (替换) with a file of another name,
    was listed under a title from the new file's name and lost its region. The replacement keeps
    what staff set; the document's page offers the same fields for a replacement, prefilled, and a
    field changed there is the new document's."""
    status = _upload(editor, "天河公告.md", FLAT, title=FLAT_TITLE, region="天河区")
    assert status["added"] == ["天河公告.md"], status
    status = _upload(editor, "人才公寓申请公告.html", FLAT_PAGE, url="/admin/docs/天河公告.md/replace")
    assert status["added"] == ["人才公寓申请公告.html"] and status["removed"] == ["天河公告.md"], status
    doc = _doc(app, "人才公寓申请公告.html")
    assert doc.title == FLAT_TITLE and doc.meta["region"].endswith("天河区")
    row = _row(editor, "人才公寓申请公告.html")
    assert FLAT_TITLE in row and 'data-label="地区">天河区</td>' in row

    page = editor.get("/admin/docs/人才公寓申请公告.html/edit").get_data(as_text=True)
    assert _field(page, "replace-form", "title") == FLAT_TITLE and _field(page, "replace-form", "region") == "天河区"
    status = _upload(editor, "天河公告v3.md", FLAT, url="/admin/docs/人才公寓申请公告.html/replace",
                     title=FLAT_TITLE, region="越秀区")
    assert status["added"] == ["天河公告v3.md"], status
    doc = _doc(app, "天河公告v3.md")
    assert doc.title == FLAT_TITLE and doc.meta["region"].endswith("越秀区")


def test_staff_edit_what_a_document_is_without_uploading_it_again(app, editor):
    """标题, 发文机关, 地区, 文号, 年份 and the dates edited on the document's page: the document is
    indexed again with them (answers cite the new title), a field left as shown keeps what it was,
    and a field emptied is read from the text again."""
    name = "租房补贴.md"
    assert _upload(editor, name, RENT_V1)["added"] == [name]
    assert f'href="/admin/docs/{quote(name)}/edit"' in _row(editor, name)
    page = editor.get(f"/admin/docs/{name}/edit").get_data(as_text=True)
    assert _field(page, "meta-form", "title") == "青年人才租房补贴"
    shown = {k: _field(page, "meta-form", k) for k in ("title", "issuer", "region", "doc_number", "year",
                                                          "effective", "expires")}
    res = editor.post(f"/admin/docs/{name}/meta", data={
        "csrf_token": csrf_token(editor, "/admin/docs"), **shown, "title": "广州市青年人才租房补贴办法",
        "region": "广州市", "issuer": "广州市人社局", "doc_number": "穗人社规字〔2025〕3号", "year": "2025"})
    status = _wait_job(editor, res.headers["Location"])
    assert status["status"] == "done" and status["updated"] == [name], status
    doc = _doc(app, name)
    assert doc.title == "广州市青年人才租房补贴办法" and doc.meta["region"].endswith("广州市")
    assert doc.meta["issuer"] == "广州市人社局" and doc.meta["doc_number"] == "穗人社规字〔2025〕3号"
    assert doc.meta["year"] == "2025" and doc.uploaded_by == "editor1"
    chunks = app.extensions["talent.knowledge"].index.chunks_of(name)
    assert {c.title for c in chunks} == {"广州市青年人才租房补贴办法"}
    reply = editor.post("/api/ask", json={"question": "广州本科毕业生租房补贴每月多少"}).json
    assert "800元" in reply["answer"] and reply["sources"][0]["title"] == "广州市青年人才租房补贴办法", reply
    assert "800元" not in _ask(editor, RENT_Q)  # now a 广州 document: not for the deployment's own region
    assert _audited(app, "doc.meta") == [name]

    # Emptied: read from the text again; the rest as it was.
    page = editor.get(f"/admin/docs/{name}/edit").get_data(as_text=True)
    shown = {k: _field(page, "meta-form", k) for k in shown}
    assert shown["region"] == "广州市" and shown["title"] == "广州市青年人才租房补贴办法"
    res = editor.post(f"/admin/docs/{name}/meta", data={"csrf_token": csrf_token(editor, "/admin/docs"),
                                                        **shown, "title": ""})
    assert _wait_job(editor, res.headers["Location"])["updated"] == [name]
    doc = _doc(app, name)
    assert doc.title == "青年人才租房补贴" and doc.meta["region"].endswith("广州市")

    # Nothing changed, or a bad year: nothing runs, and the page says so.
    page = editor.get(f"/admin/docs/{name}/edit").get_data(as_text=True)
    shown = {k: _field(page, "meta-form", k) for k in shown}
    res = editor.post(f"/admin/docs/{name}/meta", data={"csrf_token": csrf_token(editor, "/admin/docs"), **shown},
                      follow_redirects=True)
    assert "没有改动" in res.get_data(as_text=True)
    res = editor.post(f"/admin/docs/{name}/meta", data={"csrf_token": csrf_token(editor, "/admin/docs"),
                                                        **shown, "year": "去年"}, follow_redirects=True)
    assert "年份" in res.get_data(as_text=True) and _doc(app, name).meta["year"] == "2025"

    agent = app.test_client()
    login(agent, "agent1")
    assert agent.get(f"/admin/docs/{name}/edit").status_code == 403


def test_a_long_title_left_as_shown_is_no_change(app, editor, tmp_path):
    """A title longer than the field's 120 characters (given with ``ingest build --title``), sent
    back as the page showed it with a year changed beside it: the year changes, the title is not
    cut to 120."""
    from ingest.pipeline import build

    name = "长标题.md"
    title = "关于" + "进一步做好高校毕业生等青年就业创业工作" * 7 + "的通知"
    (tmp_path / name).write_text("# 见习补贴\n\n见习补贴标准为每人每月2000元。\n", encoding="utf-8")
    kb = app.extensions["talent.knowledge"]
    build(kb.index, kb.embedder, [tmp_path / name], kb.settings.ingest, overrides={"title": title})
    page = editor.get(f"/admin/docs/{name}/edit").get_data(as_text=True)
    shown = {k: _field(page, "meta-form", k) for k in ("title", "issuer", "region", "doc_number", "year",
                                                          "effective", "expires")}
    assert shown["title"] == title and len(title) > 120
    res = editor.post(f"/admin/docs/{name}/meta", data={"csrf_token": csrf_token(editor, "/admin/docs"),
                                                        **shown}, follow_redirects=True)
    assert "没有改动" in res.get_data(as_text=True)
    res = editor.post(f"/admin/docs/{name}/meta", data={"csrf_token": csrf_token(editor, "/admin/docs"),
                                                        **shown, "year": "2025"})
    assert _wait_job(editor, res.headers["Location"])["updated"] == [name]
    doc = _doc(app, name)
    assert doc.meta["year"] == "2025" and doc.title == title


FLAT_NAME = "天河区人才公寓申请公告.md"
FLAT_PAGE_NAME = "关于受理天河区人才公寓申请的公告.html"
FLAT_Q = "天河区人才公寓租金是多少"
FLAT_V3 = FLAT.replace("50%".encode(), "30%".encode())


def _versions(client, doc_id: str) -> list[str]:
    return re.findall(r'<tr data-version="([^"]+)"', client.get(f"/admin/docs/{doc_id}/versions").get_data(as_text=True))


def test_a_name_left_by_a_replaced_document_can_be_used_again(app, editor):
    """Staff test: a document A replaced (替换) with a file of another name B, then B replaced with a
    file named A, was refused ("知识库里已有另一个文档叫…"): A's old file was left in instance/docs
    though A was no longer in the knowledge base. The replaced file goes to B's versions instead; a
    name the index does not hold can be used again, by a replacement or a new upload."""
    docs = Path(app.instance_path) / "docs"
    assert _upload(editor, FLAT_NAME, FLAT)["added"] == [FLAT_NAME]
    status = _upload(editor, FLAT_PAGE_NAME, FLAT_PAGE, url=f"/admin/docs/{FLAT_NAME}/replace")
    assert status["added"] == [FLAT_PAGE_NAME] and status["removed"] == [FLAT_NAME], status
    assert not (docs / FLAT_NAME).exists()  # no leftover: the old file is a version of the new document
    stored = _versions(editor, FLAT_PAGE_NAME)
    assert len(stored) == 1 and editor.get(f"/admin/docs/{FLAT_PAGE_NAME}/versions/{stored[0]}").data == FLAT
    assert "历史版本（1）" in _row(editor, FLAT_PAGE_NAME)

    # Back under the old name, from the document's page: taken by no document, so not refused.
    page = editor.get(f"/admin/docs/{FLAT_PAGE_NAME}/edit").get_data(as_text=True)
    res = editor.post(f"/admin/docs/{FLAT_PAGE_NAME}/replace", data={
        "csrf_token": csrf_token(editor, "/admin/docs"), "file": (io.BytesIO(FLAT_V3), FLAT_NAME),
        **{k: _field(page, "replace-form", k) for k in ("title", "region")}}, content_type="multipart/form-data")
    assert res.status_code == 302 and "job=" in res.headers["Location"], editor.get("/admin/docs").get_data(as_text=True)
    status = _wait_job(editor, res.headers["Location"])
    assert status["added"] == [FLAT_NAME] and status["removed"] == [FLAT_PAGE_NAME], status
    assert "30%" in _ask(editor, FLAT_Q) and (docs / FLAT_NAME).read_bytes() == FLAT_V3
    assert not (docs / FLAT_PAGE_NAME).exists()
    kept = _versions(editor, FLAT_NAME)  # the whole line of the document: its first file and the page
    assert len(kept) == 2
    assert {editor.get(f"/admin/docs/{FLAT_NAME}/versions/{s}").data for s in kept} == {FLAT, FLAT_PAGE}
    assert editor.get(f"/admin/docs/{FLAT_PAGE_NAME}/versions/{kept[0]}").status_code == 404
    assert _audited(app, "doc.replace") == [FLAT_NAME, FLAT_PAGE_NAME]

    # Away again, then a new document under the old name: a document of its own, with no versions.
    status = _upload(editor, FLAT_PAGE_NAME, FLAT_PAGE, url=f"/admin/docs/{FLAT_NAME}/replace")
    assert status["added"] == [FLAT_PAGE_NAME] and status["removed"] == [FLAT_NAME], status
    assert len(_versions(editor, FLAT_PAGE_NAME)) == 3
    status = _upload(editor, FLAT_NAME, PETS)
    assert status["added"] == [FLAT_NAME], status
    assert _versions(editor, FLAT_NAME) == [] and len(_versions(editor, FLAT_PAGE_NAME)) == 3
    assert "已索引" in _row(editor, FLAT_NAME)
    assert any("不得饲养宠物" in c.text for c in app.extensions["talent.knowledge"].index.chunks_of(FLAT_NAME))
    assert "40%" in _ask(editor, FLAT_Q)

    # A name the index does hold is still refused, both kept.
    res = _post(editor, f"/admin/docs/{FLAT_PAGE_NAME}/replace", file=(io.BytesIO(FLAT_V3), FLAT_NAME))
    assert "知识库里已有另一个文档叫" in res.get_data(as_text=True)
    assert (docs / FLAT_NAME).read_bytes() == PETS and (docs / FLAT_PAGE_NAME).read_bytes() == FLAT_PAGE

    # 回滚 to a version under another name: refused while that name is another document's, else it
    # comes back under its own name, in place of the current one.
    first = next(s for s in _versions(editor, FLAT_PAGE_NAME)
                 if editor.get(f"/admin/docs/{FLAT_PAGE_NAME}/versions/{s}").data == FLAT)
    res = _post(editor, f"/admin/docs/{FLAT_PAGE_NAME}/versions/{first}/rollback")
    assert f"这个版本的文件名“{FLAT_NAME}”现在是另一个文档的" in res.get_data(as_text=True)
    _post(editor, f"/admin/docs/{FLAT_NAME}/delete")
    res = editor.post(f"/admin/docs/{FLAT_PAGE_NAME}/versions/{first}/rollback",
                      data={"csrf_token": csrf_token(editor, "/admin/docs")})
    status = _wait_job(editor, res.headers["Location"])
    assert status["added"] == [FLAT_NAME] and status["removed"] == [FLAT_PAGE_NAME], status
    assert (docs / FLAT_NAME).read_bytes() == FLAT and "50%" in _ask(editor, FLAT_Q)
    assert len(_versions(editor, FLAT_NAME)) == 4  # the whole line again, the page among them

    # Deleting the document deletes its whole line of versions: nothing of it is left on disk.
    _post(editor, f"/admin/docs/{FLAT_NAME}/delete")
    assert not [p for p in docs.iterdir() if p.is_file()] and not list((docs / ".versions").iterdir())
