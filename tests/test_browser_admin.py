"""The staff console in a real browser (Playwright + Debian chromium), laptop and tablet sizes."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from bot import create_app
from tests.admin_helpers import browser_login, create_staff
from tests.conftest import app_overrides, users_today


@pytest.fixture()
def app(shipped_index, shipped_kb, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(shipped_index, index)
    app = create_app(app_overrides(index, tmp_path), embedder=shipped_kb.embedder)
    create_staff(app, "boss", "admin")
    create_staff(app, "editor1", "editor")
    return app


def _login(page, base: str, name: str) -> None:
    page.goto(f"{base}/admin/")
    assert "/admin/login" in page.url  # unauthenticated: sent to the login
    browser_login(page, base, name)


def _upload_as_editor(browser, base: str, viewport: dict, path):
    """An editor's page on the document list after uploading ``path`` there; (page, its row)."""
    page = browser.new_page(viewport=viewport)
    page.on("dialog", lambda dialog: dialog.accept())
    _login(page, base, "editor1")
    page.goto(f"{base}/admin/docs")
    page.set_input_files("#upload-file", str(path))
    page.click("#upload")
    row = page.locator(f'#documents tr[data-doc="{path.name}"]')
    row.wait_for(timeout=60000)
    return page, row


def _docx(path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("姜堰区青年人才创业扶持办法", level=0)
    d.add_heading("创业场地补贴", level=1)
    d.add_paragraph("首次创业的青年人才入驻孵化基地，可享受每年最高3万元的场地租金补贴，最长3年。")
    d.save(path)


def test_staff_console_end_to_end(app, live_server, browser, artifacts, tmp_path):
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    _login(page, base, "boss")
    assert page.locator("#dashboard").is_visible()
    page.screenshot(path=str(artifacts / "admin-dashboard.png"), full_page=True)

    # Upload a .docx and watch the progress until it is indexed.
    doc = tmp_path / "创业扶持办法.docx"
    _docx(doc)
    page.goto(f"{base}/admin/docs")
    page.set_input_files("#upload-file", str(doc))
    page.click("#upload")
    page.wait_for_selector("#documents >> text=创业扶持办法", timeout=60000)
    page.screenshot(path=str(artifacts / "admin-docs.png"), full_page=True)

    # Hit testing finds it, and the web chat answers from it.
    page.goto(f"{base}/admin/search")
    page.fill("#question", "创业场地补贴有多少")
    page.click("#search")
    reply = page.locator("#bot-reply")
    assert "3万元" in reply.inner_text() and "创业扶持办法" in reply.inner_text()
    assert page.locator("#ranked tr").count() > 2
    page.screenshot(path=str(artifacts / "admin-search.png"), full_page=True)

    visitor = browser.new_page(viewport={"width": 390, "height": 780})
    visitor.goto(f"{base}/chat")
    visitor.fill("#text", "创业场地租金补贴最高多少")
    visitor.click("#send")
    visitor.locator(".msg.bot .bubble").nth(1).locator(".source").wait_for(timeout=15000)
    assert "3万元" in visitor.locator(".msg.bot .bubble").nth(1).inner_text()

    # The visitor opens a ticket; staff answer it; the reply reaches the chat page.
    visitor.fill("#text", "转人工 我想咨询人才落户")
    visitor.click("#send")
    visitor.wait_for_selector(".msg.bot .bubble >> text=已为您登记工单", timeout=15000)
    page.goto(f"{base}/admin/tickets")
    page.click("#tickets a")
    assert "人才落户" in page.content()
    page.fill("#reply-text", "您好，落户请携带身份证和毕业证到区人才服务中心办理。")
    page.click("#send-reply")
    page.wait_for_selector("text=已回复")
    page.screenshot(path=str(artifacts / "admin-ticket.png"), full_page=True)
    visitor.wait_for_selector(".msg.bot .bubble >> text=区人才服务中心办理", timeout=15000)
    visitor.screenshot(path=str(artifacts / "webchat-staff-reply.png"), full_page=True)

    # A booking shows in the station calendar (tablet width).
    night = users_today() + timedelta(days=2)
    visitor.request.post(f"{base}/api/bookings", data={
        "station": "jiangyan-main", "check_in": night.isoformat(), "nights": 2, "name": "张三",
        "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}})
    tablet = browser.new_page(viewport={"width": 820, "height": 1180})
    tablet.context.add_cookies(page.context.cookies())
    tablet.goto(f"{base}/admin/stations/jiangyan-main/calendar?month={night.strftime('%Y-%m')}")
    cell = tablet.locator(f'#calendar .day[data-date="{night.isoformat()}"]')
    assert "张三" in cell.inner_text() and "已住 1/" in cell.inner_text()
    tablet.click(f'#calendar .day[data-date="{night.isoformat()}"] a')
    assert "13800000000" in tablet.locator("#booking").inner_text()
    tablet.screenshot(path=str(artifacts / "admin-booking-tablet.png"), full_page=True)
    for p in (page, visitor, tablet):
        p.close()


def test_editor_cannot_reach_staff_accounts(app, live_server, browser):
    page = browser.new_page()
    _login(page, live_server.url, "editor1")
    assert page.locator("nav >> text=账号").count() == 0
    res = page.goto(f"{live_server.url}/admin/staff")
    assert res.status == 403 and "没有权限" in page.content()
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_a_standard_answer_written_from_an_unanswered_question_answers_the_chat(app, live_server, browser,
                                                                                artifacts, viewport):
    """未答问题 → 写标准答案 → save: the web chat answers a paraphrase with it, citing 标准问答;
    hit testing says the standard answer wins; the question is marked handled."""
    base = live_server.url
    visitor = browser.new_page(viewport=viewport)
    visitor.goto(f"{base}/chat")
    visitor.fill("#text", "驿站可以带宠物吗")
    visitor.press("#text", "Enter")
    visitor.wait_for_selector(".msg.bot .bubble >> text=没有找到", timeout=15000)

    page = browser.new_page(viewport=viewport)
    _login(page, base, "editor1")
    page.goto(f"{base}/admin/unanswered")
    row = page.locator("#unanswered tr", has_text="驿站可以带宠物吗")
    row.locator("a.write-faq").click()
    assert page.input_value("#faq-form input[name=question]") == "驿站可以带宠物吗"
    page.fill("#faq-form textarea[name=aliases]", "宠物能带进驿站吗")
    page.fill("#faq-form textarea[name=answer]", "驿站内不允许携带宠物，请谅解。")
    page.click("#faq-form button[type=submit]")
    page.wait_for_selector("#faq >> text=驿站内不允许携带宠物", timeout=15000)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-faq-{viewport['width']}.png"), full_page=True)

    page.goto(f"{base}/admin/search")
    page.fill("#question", "驿站能带宠物吗")
    page.click("#search")
    page.wait_for_selector("#faq-wins", timeout=15000)
    page.goto(f"{base}/admin/unanswered")
    assert page.locator("#unanswered tr", has_text="驿站可以带宠物吗").count() == 0  # handled

    visitor.fill("#text", "宠物能带进驿站吗")
    visitor.press("#text", "Enter")
    visitor.wait_for_selector(".msg.bot .bubble .source >> text=来源：《标准问答》", timeout=15000)
    assert visitor.locator(".msg.bot .bubble").last.inner_text().startswith("驿站内不允许携带宠物，请谅解。")
    visitor.close()
    page.close()


def _ask_chat(visitor, question: str) -> str:
    """Ask in the web chat and return the bot's reply to it."""
    before = visitor.locator(".msg.bot .bubble:not(.typing)").count()
    visitor.fill("#text", question)
    visitor.press("#text", "Enter")
    visitor.wait_for_function("n => document.querySelectorAll('.msg.bot .bubble:not(.typing)').length > n "
                              "&& !document.querySelector('.msg.bot .typing')", arg=before, timeout=15000)
    return visitor.locator(".msg.bot .bubble").last.inner_text()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 375, "height": 812}],
                         ids=["desktop", "phone"])
def test_an_expiry_date_that_has_passed_stops_the_document_answering(app, live_server, browser, artifacts,
                                                                      tmp_path, viewport):
    """Upload a document, see the chat answer from it; set its expiry date to yesterday on the docs page:
    the row says 已过期 and the chat no longer answers from it (the file is still listed)."""
    base = live_server.url
    doc = tmp_path / "宠物规定.md"
    doc.write_text("# 驿站宠物规定\n\n青年人才驿站内不得饲养宠物，违者取消入住资格。\n", encoding="utf-8")
    page, row = _upload_as_editor(browser, base, viewport, doc)
    assert "已索引" in row.locator(".status").inner_text() and "editor1" in row.inner_text()

    visitor = browser.new_page(viewport=viewport)
    visitor.goto(f"{base}/chat")
    assert "不得饲养宠物" in _ask_chat(visitor, "驿站可以养宠物吗")

    yesterday = app.extensions["talent.knowledge"].today() - timedelta(days=1)
    row.locator("input[name=expires]").fill(yesterday.isoformat())
    row.locator("form.dates button").click()
    page.wait_for_selector("text=的生效和失效日期", timeout=30000)
    row = page.locator('#documents tr[data-doc="宠物规定.md"]')
    assert row.locator(".status").inner_text().startswith("已过期")
    assert row.locator("input[name=expires]").input_value() == yesterday.isoformat()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-docs-expired-{viewport['width']}.png"), full_page=True)

    reply = _ask_chat(visitor, "驿站可以养宠物吗")
    assert "不得饲养宠物" not in reply and "宠物规定" not in reply, reply
    visitor.screenshot(path=str(artifacts / f"webchat-expired-{viewport['width']}.png"), full_page=True)
    visitor.close()
    page.close()


def _wait_job_done(page) -> None:
    """After a form that starts an ingest job: its page, then the reload it makes once the index is live."""
    page.wait_for_url("**/admin/docs?job=*", timeout=15000)
    page.wait_for_url("**/admin/docs?done=*", timeout=60000)


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 375, "height": 812}],
                         ids=["desktop", "phone"])
def test_a_replaced_version_is_listed_and_rolled_back(app, live_server, browser, artifacts, tmp_path, viewport):
    """Replace a document in the list, open 历史版本 (the old one with its uploader), 回滚: the job
    re-ingests it and the chat answers from the old text again."""
    base = live_server.url
    v1, v2 = tmp_path / "v1" / "租房补贴.md", tmp_path / "v2" / "租房补贴.md"
    for path, amount in ((v1, "800元"), (v2, "1000元")):
        path.parent.mkdir()
        path.write_text(f"# 青年人才租房补贴\n\n全日制本科毕业生租房补贴标准为每月{amount}，最长发放三年。\n", encoding="utf-8")
    page, row = _upload_as_editor(browser, base, viewport, v1)
    row.locator("form.replace input[type=file]").set_input_files(str(v2))
    row.locator("form.replace button").click()
    _wait_job_done(page)
    assert "历史版本（1）" in page.locator('#documents tr[data-doc="租房补贴.md"]').inner_text()

    visitor = browser.new_page(viewport=viewport)
    visitor.goto(f"{base}/chat")
    assert "1000元" in _ask_chat(visitor, "本科生租房补贴每月多少")

    page.click('#documents tr[data-doc="租房补贴.md"] >> text=历史版本')
    versions = page.locator("#versions tr[data-version]")
    assert versions.count() == 1 and "editor1" in versions.first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-versions-{viewport['width']}.png"), full_page=True)
    versions.first.locator("button").click()  # 回滚到此版本 (confirmed)
    _wait_job_done(page)
    assert "历史版本（2）" in page.locator('#documents tr[data-doc="租房补贴.md"]').inner_text()
    assert "800元" in _ask_chat(visitor, "本科生租房补贴每月多少")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-docs-rolled-back-{viewport['width']}.png"), full_page=True)
    visitor.close()
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 375, "height": 812}],
                         ids=["desktop", "phone"])
def test_a_broken_replacement_keeps_the_good_version(app, live_server, browser, artifacts, tmp_path, viewport):
    """Replace a .docx in the list with a broken file of the same name: the page says why it was
    not taken, the row says the good version is still in use, the chat still answers from it and
    the good file is still the one on disk."""
    from pathlib import Path

    base = live_server.url
    good, broken = tmp_path / "good" / "创业扶持办法.docx", tmp_path / "broken" / "创业扶持办法.docx"
    good.parent.mkdir()
    broken.parent.mkdir()
    _docx(good)
    broken.write_bytes(b"PK\x03\x04" + b"\x00not a word document\xff" * 40)
    page, row = _upload_as_editor(browser, base, viewport, good)
    row.locator("form.replace input[type=file]").set_input_files(str(broken))
    row.locator("form.replace button").click()
    page.wait_for_url("**/admin/docs?job=*", timeout=15000)
    page.wait_for_selector("#job-text:has-text('无法读取')", timeout=60000)  # the job says why, and stays
    assert "创业扶持办法.docx" in page.locator("#job-text").inner_text()
    assert page.locator("#job-text").inner_text().startswith("未导入：")  # not "完成：" (staff test)
    page.screenshot(path=str(artifacts / f"admin-docs-broken-job-{viewport['width']}.png"), full_page=True)
    page.goto(f"{base}/admin/docs")
    row = page.locator('#documents tr[data-doc="创业扶持办法.docx"]')
    assert "仍在使用这一版" in row.inner_text(), row.inner_text()
    assert "历史版本（" not in row.inner_text()  # the broken file left no version behind
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-docs-broken-replace-{viewport['width']}.png"), full_page=True)

    visitor = browser.new_page(viewport=viewport)
    visitor.goto(f"{base}/chat")
    assert "3万元" in _ask_chat(visitor, "创业场地补贴最高多少")
    assert (Path(app.instance_path) / "docs" / "创业扶持办法.docx").read_bytes() == good.read_bytes()
    visitor.close()
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 375, "height": 812}],
                         ids=["desktop", "phone"])
def test_a_file_over_the_limit_is_refused_on_the_page_before_it_is_sent(app, live_server, browser, artifacts,
                                                                         tmp_path, viewport):
    """QA: a 30 MB upload was cut off by the server mid-way and the browser showed its own
    "connection reset" page (behind nginx: nginx's English 413). The page refuses it at once,
    naming the file and the limit, for the upload form and for 替换 in a row; nothing is sent."""
    base = live_server.url
    small = tmp_path / "宠物规定.md"
    small.write_text("# 驿站宠物规定\n\n青年人才驿站内不得饲养宠物。\n", encoding="utf-8")
    page, row = _upload_as_editor(browser, base, viewport, small)
    big = tmp_path / "big" / "宠物规定.md"
    big.parent.mkdir()
    with open(big, "wb") as f:
        f.truncate(int(app.config["SETTINGS"].ingest.max_file_mb * 1024 * 1024) + 1)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(f"{base}/admin/docs")
    for submit in (lambda: (page.set_input_files("#upload-file", str(big)), page.click("#upload")),
                   lambda: (row.locator("form.replace input[type=file]").set_input_files(str(big)),
                            row.locator("form.replace button").click())):
        submit()
        note = page.locator("#upload-too-large")
        note.wait_for(timeout=5000)
        assert note.inner_text().startswith("《宠物规定.md》有20.0MB。") and "不能超过20MB" in note.inner_text()
        assert page.url == f"{base}/admin/docs"
    assert posts == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-docs-too-large-{viewport['width']}.png"))
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 780}],
                         ids=["laptop", "phone"])
def test_several_files_are_chosen_and_uploaded_at_once(app, live_server, browser, artifacts, tmp_path, viewport):
    """Staff test: the picker took one file ("Non-multiple file input"), so loading a folder of
    policies meant one upload per file. It takes several, names how many were chosen, uploads
    them in one job; a broken one among them is named with its reason, the others are indexed.
    Chosen files whose total is over the limit are refused on the page, nothing sent."""
    base = live_server.url
    good = [tmp_path / "驿站延住规定.md", tmp_path / "购房补贴办法.txt"]
    good[0].write_text("# 驿站延住规定\n\n入住满7天可申请延住一次，最长再住7天。\n", encoding="utf-8")
    good[1].write_text("姜堰区人才购房补贴办法\n\n第一条 博士购房补贴20万元。\n", encoding="utf-8")
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage \x00\xff" * 10)
    page = browser.new_page(viewport=viewport)
    _login(page, base, "editor1")
    page.goto(f"{base}/admin/docs")
    page.set_input_files("#upload-file", [str(p) for p in (*good, broken)])
    assert page.locator("form .pick-name").first.inner_text().startswith("已选3个文件：")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-docs-several-chosen-{viewport['width']}.png"))
    page.click("#upload")
    page.wait_for_selector("#job-text:has-text('无法读取')", timeout=90000)
    text = page.locator("#job-text").inner_text()
    assert text.startswith("完成：新增2个") and "无法读取 坏文件.pdf：不是有效的PDF文件" in text, text
    page.click("#job-refresh")  # the list below was the one from before: a link brings the new one
    page.wait_for_url(f"{base}/admin/docs")
    for p in good:
        assert page.locator(f'#documents tr[data-doc="{p.name}"]').count() == 1
    assert page.locator('#documents tr.doc-failed[data-doc="坏文件.pdf"]').count() == 1
    page.screenshot(path=str(artifacts / f"admin-docs-several-uploaded-{viewport['width']}.png"), full_page=True)
    half = int(app.config["SETTINGS"].ingest.max_file_mb * 1024 * 1024 * 0.6)
    halves = []
    for name in ("上册.md", "下册.md"):
        (tmp_path / "big").mkdir(exist_ok=True)
        halves.append(tmp_path / "big" / name)
        with open(halves[-1], "wb") as f:
            f.truncate(half)
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.set_input_files("#upload-file", [str(p) for p in halves])
    page.click("#upload")
    note = page.locator("#upload-too-large")
    note.wait_for(timeout=5000)
    assert note.inner_text().startswith("这次选的2个文件合计24.0MB，一次上传合计不能超过20MB"), note.inner_text()
    assert posts == []
    page.close()


def test_a_failed_upload_never_squeezes_the_document_titles(app, live_server, browser, artifacts, tmp_path):
    """QA: a failed upload's long reason (失败（不是有效的PDF文件（文件已损坏或格式不对））) sat in
    a tag that never wrapped, so on a laptop the 状态 column took the room and every title was
    two characters a line. The reason wraps; titles keep a readable width; the table fits its card."""
    base = live_server.url
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage \x00\xff" * 10)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    _login(page, base, "editor1")
    page.goto(f"{base}/admin/docs")
    page.set_input_files("#upload-file", str(broken))
    page.click("#upload")
    page.wait_for_selector("#job-text:has-text('无法读取')", timeout=60000)
    page.goto(f"{base}/admin/docs")
    failed = page.locator('#documents tr.doc-failed[data-doc="坏文件.pdf"] .status')
    assert "不是有效的PDF文件" in failed.inner_text()
    title = page.locator("#documents tr[data-doc] td.title").first
    assert title.bounding_box()["width"] >= 100, title.bounding_box()
    table, card = page.locator("#documents").bounding_box(), page.locator("#documents").locator("..").bounding_box()
    assert table["x"] + table["width"] <= card["x"] + card["width"] + 1
    page.screenshot(path=str(artifacts / "admin-docs-failed-row-1366.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}],
                         ids=["laptop", "phone"])
def test_a_staff_members_walk_through_the_console_reads_in_chinese_and_fits(app, live_server, browser, artifacts,
                                                                            tmp_path, viewport):
    """Staff test, walking the console as a staff member: the file pickers were the browser's own
    ("Choose File / No file chosen" in an English browser, cut to "No fil…osen" in a row); on a
    phone a document's 地区 and 文件 were unlabelled values, 检索测试 ran a table's rows into one
    paragraph, and the ticket list hid 时长 and 更新时间 off to the right; the chunk page had no way
    back. Each in a real browser."""
    base = live_server.url
    table = tmp_path / "人才租房补贴标准.md"
    table.write_text("# 姜堰区人才租房补贴标准\n\n| 学历 | 每月补贴 | 最长期限 |\n| --- | --- | --- |\n"
                     "| 博士 | 2000元 | 36个月 |\n| 硕士 | 1200元 | 36个月 |\n| 本科 | 800元 | 24个月 |\n",
                     encoding="utf-8")
    app.test_client().post("/api/chat", json={"text": "转人工 外籍人才子女入学怎么办理，电话13812345678"})
    page = browser.new_page(viewport=viewport)
    page.on("dialog", lambda dialog: dialog.accept())
    _login(page, base, "boss")
    page.goto(f"{base}/admin/docs")
    picker = page.locator("label.pick", has=page.locator("#upload-file"))
    assert picker.locator(".pick-button").inner_text() == "选择文件"
    assert picker.locator(".pick-name").inner_text() == "未选择文件"
    page.set_input_files("#upload-file", str(table))
    assert picker.locator(".pick-name").inner_text() == "人才租房补贴标准.md"
    page.click("#upload")
    row = page.locator(f'#documents tr[data-doc="{table.name}"]')
    row.wait_for(timeout=60000)
    for file_input in page.locator("input[type=file]").all():  # the browser's own picker never shows
        box = file_input.bounding_box()
        assert box is None or (box["width"] <= 1 and box["height"] <= 1)
    replace = row.locator("form.replace label.pick")
    assert replace.locator(".pick-button").inner_text() == "选择新文件"
    button = replace.locator(".pick-button")
    assert button.evaluate("b => b.scrollWidth <= b.clientWidth")  # never cut off
    row.locator("form.replace input[type=file]").set_input_files(str(table))
    assert replace.locator(".pick-name").inner_text() == table.name
    if viewport["width"] < 640:  # a card of labelled lines: every value says what it is
        for cell in row.locator("td").all():
            if cell.is_visible() and cell.inner_text().strip():
                label = cell.evaluate("c => getComputedStyle(c, '::before').content")
                assert label not in ("none", "normal", '""'), cell.inner_text()
        labels = [c.evaluate("c => getComputedStyle(c, '::before').content") for c in row.locator("td").all()]
        assert '"地区："' in labels and '"文件："' in labels, labels
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-walk-docs-{viewport['width']}.png"), full_page=True)

    row.locator("td.title a").click()
    page.click("text=返回文档列表")
    assert page.url.endswith("/admin/docs")

    page.goto(f"{base}/admin/search")
    page.fill("#question", "硕士每月补贴多少")
    page.click("#search")
    chunk = page.locator("#ranked td.chunk", has_text="学历：硕士").first
    assert chunk.evaluate("c => getComputedStyle(c).whiteSpace") == "pre-wrap"
    line = chunk.evaluate("c => parseFloat(getComputedStyle(c).lineHeight)")
    assert chunk.bounding_box()["height"] >= 3 * line  # a row a line
    page.screenshot(path=str(artifacts / f"admin-walk-search-{viewport['width']}.png"), full_page=True)

    page.goto(f"{base}/admin/tickets")
    for cell in ("td.waited", "td.assignee"):
        box = page.locator(f"#tickets {cell}").first.bounding_box()
        assert box["x"] + box["width"] <= viewport["width"] + 1, cell  # on screen, not scrolled away
    page.screenshot(path=str(artifacts / f"admin-walk-tickets-{viewport['width']}.png"), full_page=True)

    page.goto(f"{base}/admin/docs")
    page.locator(f'#documents tr[data-doc="{table.name}"] button.danger').click()
    assert "已删除《姜堰区人才租房补贴标准》（人才租房补贴标准.md）" in page.locator(".flash").inner_text()
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}],
                         ids=["laptop", "phone"])
def test_staff_edit_a_documents_title_and_region_on_its_page_and_the_chat_cites_it(app, live_server, browser,
                                                                                   artifacts, tmp_path, viewport):
    """Staff test: the list let staff edit only the dates, so a wrong title or region meant deleting
    and uploading again. 编辑信息 opens the document's page: its fields filled in, the replace form
    with the same fields; saving re-indexes it and the chat cites the new title."""
    base = live_server.url
    doc = tmp_path / "公寓公告.md"
    doc.write_text("# 人才公寓公告\n\n人才公寓租金为市场租金的50%，租期最长3年。\n", encoding="utf-8")
    page, row = _upload_as_editor(browser, base, viewport, doc)
    row.locator("a.edit").click()
    assert page.input_value("#meta-title") == "人才公寓公告" and page.input_value("#replace-title") == "人才公寓公告"
    page.fill("#meta-title", "关于受理人才公寓申请的公告")
    page.fill("#meta-issuer", "区住建局")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
    page.screenshot(path=str(artifacts / f"admin-doc-edit-{viewport['width']}.png"), full_page=True)
    page.click("#save-meta")
    _wait_job_done(page)
    row = page.locator('#documents tr[data-doc="公寓公告.md"]')
    assert "关于受理人才公寓申请的公告" in row.locator("td.title").inner_text()

    visitor = browser.new_page(viewport=viewport)
    visitor.goto(f"{base}/chat")
    reply = _ask_chat(visitor, "人才公寓租金是多少")
    assert "50%" in reply and "关于受理人才公寓申请的公告" in reply, reply
    row.locator("a.edit").click()
    assert page.input_value("#replace-issuer") == "区住建局"
    visitor.close()
    page.close()
