"""Booking free stays: in chat (web and encrypted WeChat) and through the JSON API."""

from __future__ import annotations

import sys
from datetime import timedelta

import pytest

from bot import create_app
from tests.conftest import app_overrides, users_today
from tests.wx import WeChatSim, text_xml

TODAY = users_today()
ONE_STATION = [{"id": "main", "name": "姜堰青年人才驿站", "address": "人才服务中心", "beds": 2}]
TWO_STATIONS = ONE_STATION + [{"id": "lake", "name": "溱湖青年人才驿站", "address": "溱湖", "beds": 1}]


_embedder = None  # the session's one loaded model (shipped_kb's), set for each test below


@pytest.fixture(autouse=True)
def _shared_embedder(shipped_kb, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "_embedder", shipped_kb.embedder)


def _app(shipped_index, tmp_path, stations=TWO_STATIONS, **extra):
    return create_app(app_overrides(shipped_index, tmp_path, stations=stations, **extra), embedder=_embedder)


def _chat(client, *texts) -> list[str]:
    return [client.post("/api/chat", json={"text": t}).json["reply"] for t in texts]


ANSWERS = ["是", "是", "是"]


def test_full_booking_in_web_chat_with_a_correction(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path).test_client()
    replies = _chat(client, "我想预约驿站", "姜堰", "明天", "两晚", *ANSWERS, "张三", "138 1234 5678")
    assert "请选择驿站" in replies[0] and "溱湖青年人才驿站" in replies[0]
    assert "哪天入住" in replies[1] and "几晚" in replies[2] and "35周岁" in replies[3]
    assert "姓名" in replies[6] and "手机号" in replies[7]  # asked once the eligibility questions are answered
    summary = replies[-1]
    tomorrow = TODAY + timedelta(days=1)
    assert f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日" in summary and "共2晚" in summary
    assert "13812345678" in summary
    # Correct the name before confirming.
    assert "姓名" in _chat(client, "名字写错了，改一下")[0]
    assert "李四" in _chat(client, "李四")[0]
    done = _chat(client, "确认")[0]
    assert "预约成功" in done and "YZ" in done
    mine = client.get("/api/bookings").json["bookings"]
    assert len(mine) == 1 and mine[0]["name"] == "李四" and mine[0]["nights"] == 2
    assert mine[0]["check_in"] == tomorrow.isoformat() and mine[0]["station"] == "main"
    listed = _chat(client, "我的预约")[0]
    assert mine[0]["number"] in listed and "已预约" in listed


@pytest.mark.parametrize("typed, expected", [
    ("后天", TODAY + timedelta(days=2)),
    ("下周一", TODAY - timedelta(days=TODAY.weekday()) + timedelta(days=7)),
    (f"{(TODAY + timedelta(days=5)).month}月{(TODAY + timedelta(days=5)).day}日", TODAY + timedelta(days=5)),
    (f"{(TODAY + timedelta(days=6)).month}.{(TODAY + timedelta(days=6)).day}", TODAY + timedelta(days=6)),
])
def test_date_forms(shipped_index, tmp_path, typed, expected):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    replies = _chat(client, "预约驿站", typed, "1晚", *ANSWERS, "王五", "13900000000")
    assert "请选择驿站" not in replies[0]  # one station: not asked
    assert f"{expected.year}年{expected.month}月{expected.day}日" in replies[-1]


def test_bad_answers_are_asked_again(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    replies = _chat(client, "预约驿站", "某天吧", "明天", "十晚", "3晚", "也许", *ANSWERS, "张", "张三", "12345",
                    "13900000000")
    assert "没看懂这个日期" in replies[1]
    assert "1到7晚" in replies[3]
    assert "请回复“是”或“否”" in replies[5]
    assert "姓名格式不对" in replies[9]
    assert "手机号格式不对" in replies[11]
    assert "请确认预约信息" in replies[12]


def test_date_outside_the_window_is_refused(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    far = TODAY + timedelta(days=45)
    reply = _chat(client, "预约驿站", far.isoformat())[1]
    assert "30天内" in reply


def test_ineligible_user_is_told_why(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    replies = _chat(client, "预约驿站", "明天", "1", "否")
    assert "35周岁" in replies[-1] and "暂不符合" in replies[-1]
    assert not any("姓名" in r or "手机号" in r for r in replies)  # no personal data asked for nothing
    assert client.get("/api/bookings").json["bookings"] == []
    assert "424套" in _chat(client, "人才公寓建了多少套")[0]


def test_cancel_out_of_the_flow(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    replies = _chat(client, "预约驿站", "明天", "取消", "人才公寓建了多少套")
    assert "已退出" in replies[2]
    assert "424套" in replies[3]


def test_full_night_offers_alternatives(shipped_index, tmp_path):
    app = _app(shipped_index, tmp_path)
    day = (TODAY + timedelta(days=3)).isoformat()
    a, b, c = app.test_client(), app.test_client(), app.test_client()
    for i, client in enumerate((a, b)):
        res = client.post("/api/bookings", json={"station": "main", "check_in": day, "nights": 1, "name": "用户" + "甲乙"[i],
                                                 "phone": f"1380000000{i}",
                                                 "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}})
        assert res.status_code == 201
    replies = _chat(c, "预约驿站", "姜堰", day, "1晚", *ANSWERS, "孙七", "13600000000", "确认")
    assert "约满" in replies[-1]
    assert "溱湖青年人才驿站" in replies[-1]  # the other station has a bed that night
    assert "入住有空床" in replies[-1]          # and other dates at this one


def test_one_active_booking_per_person_for_overlapping_dates(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path).test_client()
    body = {"station": "main", "check_in": (TODAY + timedelta(days=2)).isoformat(), "nights": 3, "name": "张三",
            "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}
    assert client.post("/api/bookings", json=body).status_code == 201
    overlap = dict(body, station="lake", check_in=(TODAY + timedelta(days=4)).isoformat(), nights=1)
    res = client.post("/api/bookings", json=overlap)
    assert res.status_code == 409 and "不能重复预约" in res.json["error"]
    later = dict(body, check_in=(TODAY + timedelta(days=5)).isoformat(), nights=1)
    assert client.post("/api/bookings", json=later).status_code == 201


def test_api_validation_and_cancel(shipped_index, tmp_path):
    app = _app(shipped_index, tmp_path)
    client, other = app.test_client(), app.test_client()
    good = {"station": "main", "check_in": (TODAY + timedelta(days=1)).isoformat(), "nights": 1, "name": "张三",
            "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}
    for bad, needle in [({**good, "phone": "123"}, "手机号"), ({**good, "nights": 99}, "1到7晚"),
                        ({**good, "check_in": "tomorrow"}, "YYYY-MM-DD"), ({**good, "station": "nope"}, "驿站"),
                        ({**good, "answers": {"age": "no", "graduate": "yes", "purpose": "yes"}}, "35周岁"),
                        ({**good, "answers": {}}, "请先回答")]:
        res = client.post("/api/bookings", json=bad)
        assert res.status_code == 400 and needle in res.json["error"], (bad, res.json)
    res = client.post("/api/bookings", json=good)
    assert res.status_code == 201
    number = res.json["booking"]["number"]
    assert res.json["booking"]["phone"] == "138****0000"
    assert other.delete(f"/api/bookings/{number}").status_code == 404  # not theirs
    assert client.delete(f"/api/bookings/{number}").status_code == 200
    assert client.delete(f"/api/bookings/{number}").status_code == 409
    stations = client.get("/api/stations", query_string={"days": 3}).json["stations"]
    assert {s["id"] for s in stations} == {"main", "lake"}
    main = next(s for s in stations if s["id"] == "main")
    assert main["free"][(TODAY + timedelta(days=1)).isoformat()] == 2  # the cancelled bed is free again


def test_cancel_in_chat(shipped_index, tmp_path):
    # 18 messages in about a second: more than a person's burst, so the bucket is made bigger here.
    client = _app(shipped_index, tmp_path, stations=ONE_STATION, dialogue={"rate_burst": 100}).test_client()
    done = _chat(client, "预约驿站", "明天", "1", *ANSWERS, "张三", "13800000000", "确认")[-1]
    number = done.split("预约编号：")[1][:8]
    assert number in _chat(client, "取消预约")[0]
    asked = _chat(client, f"取消预约 {number}")[0]
    assert "确定要取消" in asked and number in asked  # one tap on a chip does not cancel
    assert "保留" in _chat(client, "保留预约")[0] and "已预约" in _chat(client, "我的预约")[0]
    assert "已取消" in _chat(client, f"取消预约 {number}", "确认")[1]
    assert "已经取消" in _chat(client, f"取消预约 {number}")[0]
    listed = _chat(client, "我的预约")[0]
    assert "已取消" in listed and "如需取消" not in listed  # nothing left to cancel: no hint


def test_booking_through_the_encrypted_webhook_and_retry_books_once(shipped_index, tmp_path):
    from sqlalchemy import func, select

    from bot.models import Booking

    app = _app(shipped_index, tmp_path, stations=ONE_STATION)
    wx = WeChatSim(app.test_client())
    for text in ["预约驿站", "明天", "2晚", *ANSWERS, "周八", "13800000000"]:
        wx.say("o_booker", text)
    confirm = text_xml("o_booker", "确认", msg_id=777000111)
    first = wx.reply(wx.post(confirm))["Content"]
    again = wx.reply(wx.post(confirm))["Content"]  # WeChat's retry
    assert "预约成功" in first and again == first
    with app.extensions["talent.db"]() as s:
        assert s.scalar(select(func.count()).select_from(Booking)) == 1
    assert "已预约" in wx.say("o_booker", "我的预约")


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # at any hour, one of them is not UTC's date
def test_today_is_the_users_today_not_the_servers(shipped_index, tmp_path, zone):
    from bot.dates import local_today

    client = _app(shipped_index, tmp_path, booking={"timezone": zone}).test_client()
    today = local_today(zone)
    body = {"station": "main", "nights": 1, "name": "张三", "phone": "13800000000",
            "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}
    res = client.post("/api/bookings", json=dict(body, check_in=(today - timedelta(days=1)).isoformat()))
    assert res.status_code == 400 and "不能早于今天" in res.json["error"]
    assert client.post("/api/bookings", json=dict(body, check_in=today.isoformat())).status_code == 201
    (tmp_path / "chat").mkdir()
    chat = _app(shipped_index, tmp_path / "chat", booking={"timezone": zone}).test_client()
    _chat(chat, "预约驿站", "溱湖", "今天", "1晚", *ANSWERS, "李四", "13900000000", "确认")
    assert chat.get("/api/bookings").json["bookings"][0]["check_in"] == today.isoformat()


def test_one_stay_per_person_across_chat_identities(shipped_index, tmp_path):
    app = _app(shipped_index, tmp_path)
    body = {"station": "main", "check_in": (TODAY + timedelta(days=2)).isoformat(), "nights": 2, "name": "张三",
            "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}
    assert app.test_client().post("/api/bookings", json=body).status_code == 201
    res = app.test_client().post("/api/bookings", json=body)  # the same person with a new browser cookie
    assert res.status_code == 409 and "不能重复预约" in res.json["error"]


def test_api_takes_only_whole_nights_and_iso_dates(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path).test_client()
    good = {"station": "main", "check_in": (TODAY + timedelta(days=1)).isoformat(), "nights": 1, "name": "张三",
            "phone": "13800000000", "answers": {"age": True, "graduate": True, "purpose": True}}
    for bad in ({**good, "nights": 1.9}, {**good, "nights": True},
                {**good, "check_in": (TODAY + timedelta(days=1)).strftime("%Y%m%d")}):
        res = client.post("/api/bookings", json=bad)
        assert res.status_code == 400 and "YYYY-MM-DD" in res.json["error"], bad
    assert client.post("/api/bookings", json=good).status_code == 201  # JSON true answers "yes"


def test_summary_edits_take_the_date_the_user_means(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    day = TODAY + timedelta(days=3)
    _chat(client, "预约驿站", f"{day.month}月{day.day}日", "2晚", *ANSWERS, "张三", "13800000000")
    tomorrow = TODAY + timedelta(days=1)
    reply = _chat(client, "改成明晚")[0]
    assert f"{tomorrow.month}月{tomorrow.day}日" in reply and "2晚" in reply  # the date changed, the nights kept
    target = TODAY + timedelta(days=5)
    reply = _chat(client, f"不是明天，是{target.month}月{target.day}日")[0]
    assert f"{target.month}月{target.day}日" in reply


def test_too_far_names_the_last_bookable_day(shipped_index, tmp_path):
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    far = TODAY + timedelta(days=40)
    last = TODAY + timedelta(days=30)
    reply = _chat(client, "预约驿站", f"{far.year}-{far.month}-{far.day}")[-1]
    assert f"{last.month}月{last.day}日" in reply and f"{far.month}月{far.day}日" not in reply


def _fill_lake(client, day: str) -> None:
    res = client.post("/api/bookings", json={"station": "lake", "check_in": day, "nights": 1, "name": "周八",
                                             "phone": "13900000009",
                                             "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}})
    assert res.status_code == 201


def test_a_full_station_suggests_the_nearest_free_days_both_ways(shipped_index, tmp_path):
    """User test B40: 溱湖 full on the 30th offered the 23rd-25th, a week earlier, though the 31st was free."""
    from bot.dates import day_label

    app = _app(shipped_index, tmp_path)
    full = TODAY + timedelta(days=10)
    _fill_lake(app.test_client(), full.isoformat())
    reply = _chat(app.test_client(), "预约驿站", "溱湖", full.isoformat(), "1晚", *ANSWERS, "孙七",
                  "13600000000", "确认")[-1]
    assert "约满" in reply
    assert day_label(full - timedelta(days=1)) in reply and day_label(full + timedelta(days=1)) in reply
    assert day_label(full - timedelta(days=7)) not in reply


@pytest.mark.parametrize("taking", ["那就姜堰的吧", "换姜堰驿站", "姜堰青年人才驿站"])
def test_the_station_suggested_when_one_is_full_can_be_taken(shipped_index, tmp_path, taking):
    """User test B40: "那就总站吧" after "溱湖…已约满…总站有空床" was read as a date, and the
    summary kept the full station; the booking can now go on at the station suggested, same day."""
    app = _app(shipped_index, tmp_path)
    day = TODAY + timedelta(days=5)
    _fill_lake(app.test_client(), day.isoformat())
    client = app.test_client()
    full = _chat(client, "预约驿站", "溱湖", day.isoformat(), "1晚", *ANSWERS, "孙七", "13600000000", "确认")[-1]
    assert "约满" in full and "姜堰青年人才驿站" in full
    res = client.post("/api/chat", json={"text": taking}).json
    assert "请确认预约信息" in res["reply"] and "驿站：姜堰青年人才驿站" in res["reply"], res["reply"]
    assert "没看懂这个日期" not in res["reply"]
    done = _chat(client, "确认")[0]
    assert "预约成功" in done and "姜堰青年人才驿站" in done


def test_the_full_station_offers_the_other_as_a_quick_reply(shipped_index, tmp_path):
    app = _app(shipped_index, tmp_path)
    day = TODAY + timedelta(days=5)
    _fill_lake(app.test_client(), day.isoformat())
    client = app.test_client()
    for text in ("预约驿站", "溱湖", day.isoformat(), "1晚", *ANSWERS, "孙七", "13600000000"):
        client.post("/api/chat", json={"text": text})
    res = client.post("/api/chat", json={"text": "确认"}).json
    assert "姜堰青年人才驿站" in res["actions"]


def _book_by_api(client, station: str, days_ahead: int) -> str:
    body = {"station": station, "check_in": (TODAY + timedelta(days=days_ahead)).isoformat(), "nights": 1,
            "name": "张三", "phone": "13800000000", "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}}
    res = client.post("/api/bookings", json=body)
    assert res.status_code == 201, res.json
    return res.json["booking"]["number"]


def test_cancelling_several_bookings_named_in_one_message(shipped_index, tmp_path):
    """User test B33b: "取消预约 YZ940511、YZ281843", the form the bot itself suggests, asked about
    the first and cancelled only it; the list gave no dates to tell the bookings apart."""
    from bot.dates import day_label

    client = _app(shipped_index, tmp_path).test_client()
    first, second = _book_by_api(client, "main", 2), _book_by_api(client, "lake", 5)
    listed = _chat(client, "取消预约")[0]
    for number, station, days in ((first, "姜堰青年人才驿站", 2), (second, "溱湖青年人才驿站", 5)):
        assert number in listed and station in listed and day_label(TODAY + timedelta(days=days)) in listed, listed
    asked = _chat(client, f"取消预约 {first}、{second}")[0]
    assert "确定要取消" in asked and first in asked and second in asked, asked
    assert day_label(TODAY + timedelta(days=5)) in asked and "溱湖青年人才驿站" in asked
    done = _chat(client, "确认")[0]
    assert first in done and second in done and "已取消" in done, done
    assert "已预约" not in _chat(client, "我的预约")[0]
    assert "已取消" not in _chat(client, "确认")[0]  # a retried 确认 cancels nothing more


def test_numbers_that_cannot_be_cancelled_are_named(shipped_index, tmp_path):
    app = _app(shipped_index, tmp_path)
    client, other = app.test_client(), app.test_client()
    mine, theirs = _book_by_api(client, "main", 2), _book_by_api(other, "lake", 3)
    asked = _chat(client, f"取消预约 {mine} {theirs}")[0]
    assert f"没有找到编号为{theirs}的预约" in asked and mine in asked and "确定要取消" in asked, asked
    done = _chat(client, "确认")[0]
    assert f"预约{mine}已取消" in done and theirs not in done, done
    assert "已预约" in _chat(other, "我的预约")[0]  # another person's booking is untouched


def test_the_booking_command_after_a_full_station_starts_the_booking_again(shipped_index, tmp_path):
    """User test B17b, B31: after "已约满…请问哪天入住？", "预约驿站" got "没看懂这个日期" until 取消."""
    app = _app(shipped_index, tmp_path)
    day = TODAY + timedelta(days=5)
    _fill_lake(app.test_client(), day.isoformat())
    client = app.test_client()
    full = _chat(client, "预约驿站", "溱湖", day.isoformat(), "1晚", *ANSWERS, "孙七", "13600000000", "确认")[-1]
    assert "约满" in full
    again = _chat(client, "预约驿站")[0]
    assert "请选择驿站" in again and "没看懂" not in again, again
    summary = _chat(client, "姜堰", day.isoformat(), "1晚")[-1]
    assert "请确认预约信息" in summary and "孙七" in summary, summary  # the person is not asked again
    assert "预约成功" in _chat(client, "确认")[0]


def test_a_refused_eligibility_answer_can_be_taken_back(shipped_index, tmp_path):
    """User test B20: a mis-tapped 否 ended the booking, and "我点错了" was a policy question."""
    client = _app(shipped_index, tmp_path, stations=ONE_STATION).test_client()
    refused = _chat(client, "预约驿站", "明天", "1", "否")[-1]
    assert "暂不符合" in refused and "重新选" in refused
    again = _chat(client, "我说错了")[0]  # feedback words: inside a flow they are the flow's
    assert "35周岁" in again and "暂不符合" not in again, again
    summary = _chat(client, *ANSWERS, "赵六", "13700000000")[-1]
    assert "请确认预约信息" in summary and "赵六" in summary, summary
    assert "预约成功" in _chat(client, "确认")[0]


def test_a_change_to_a_full_stay_keeps_the_booking_and_one_to_a_free_stay_moves_it(shipped_index, tmp_path):
    """"溱湖那个改到…" (user test 19): the change is made in one transaction, so a full night leaves the
    booking made as it was, its own night still held; a free stay cancels it for a new one."""
    app = _app(shipped_index, tmp_path)  # 溱湖 has one bed
    later = TODAY + timedelta(days=3)
    first, second = (TODAY + timedelta(days=2)).isoformat(), later.isoformat()
    other = app.test_client()
    res = other.post("/api/bookings", json={"station": "lake", "check_in": second, "nights": 1, "name": "用户乙",
                                            "phone": "13800000001",
                                            "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}})
    assert res.status_code == 201
    me = app.test_client()
    _chat(me, f"预约驿站 溱湖 {first} 1晚", "是 是 是", "孙七 13600000000", "确认")  # few: under the burst limit
    number = me.get("/api/bookings").json["bookings"][0]["number"]
    asked = _chat(me, f"改到{later.month}月{later.day}号")[0]
    assert "回复“确认”即可修改" in asked
    refused = _chat(me, "确认")[0]
    assert "约满" in refused and f"原预约{number}保持不变" in refused
    mine = me.get("/api/bookings").json["bookings"]
    assert [(b["number"], b["status"], b["check_in"]) for b in mine] == [(number, "active", first)]
    # The night given back in the failed change is still held: no one else can take it.
    taken = other.post("/api/bookings", json={"station": "lake", "check_in": first, "nights": 1, "name": "用户丙",
                                              "phone": "13800000002",
                                              "answers": {"age": "yes", "graduate": "yes", "purpose": "yes"}})
    assert taken.status_code == 409
    _chat(me, "多住一晚")
    done = _chat(me, "确认")[0]
    assert "约满" in done  # the second night is 用户乙's: still refused, still kept
    switched = _chat(me, "换到姜堰驿站")[0]
    assert "姜堰青年人才驿站" in switched, switched
    moved = _chat(me, "确认")[0]
    assert "改好了" in moved and f"原预约{number}已取消" in moved
    statuses = {b["number"]: (b["status"], b["station"]) for b in me.get("/api/bookings").json["bookings"]}
    assert statuses[number] == ("cancelled", "lake") and ("active", "main") in statuses.values()


def test_the_phone_or_name_of_a_booking_made_is_put_right_in_one_transaction(shipped_index, tmp_path):
    """"手机号填错了 应该是…" (user test 20): ``change_contact`` writes the same bookings (numbers, nights
    and beds unchanged) or none of them: a mistyped phone, another person's phone for an overlapping
    stay, or one booking of the list not the user's own leaves every booking as it was."""
    from bot import bookings
    from bot.bookings import BookingConflict, BookingError, BookingNotFound, change_contact

    app = _app(shipped_index, tmp_path)
    day = TODAY + timedelta(days=2)
    answers = {"age": "yes", "graduate": "yes", "purpose": "yes"}
    other = app.test_client().post("/api/bookings", json={"station": "main", "check_in": day.isoformat(), "nights": 1,
                                                          "name": "用户乙", "phone": "13800000001", "answers": answers})
    assert other.status_code == 201
    sessions = app.extensions["talent.db"]
    with sessions() as s:
        mine = bookings.book(s, app.config["SETTINGS"], "web:me", bookings.BookingRequest(
            "main", day, 2, "孙七", "13600000000", answers), today=TODAY).number
        later = bookings.book(s, app.config["SETTINGS"], "web:me", bookings.BookingRequest(
            "main", day + timedelta(days=5), 1, "孙七", "13600000000", answers), today=TODAY).number
    with sessions() as s:
        for wrong, refusal in (({"phone": "1360000000"}, BookingError), ({"name": "孙"}, BookingError),
                               ({"phone": "13800000001"}, BookingConflict)):  # 用户乙's phone, the same night
            with pytest.raises(refusal):
                change_contact(s, "web:me", [mine], TODAY, **wrong)
        with pytest.raises(BookingNotFound):  # someone else's booking in the list: none is changed
            change_contact(s, "web:me", [later, other.json["booking"]["number"]], TODAY, phone="13600009999")
    with sessions() as s:
        done = change_contact(s, "web:me", [mine, later], TODAY, phone="13600009999", name="孙琪")
        assert [b.number for b in done] == [mine, later]
    with sessions() as s:
        from bot.models import Booking, StationNight

        kept = {b.number: (b.name, b.phone, b.status, b.nights) for b in s.query(Booking)}
        booked = sum(n.booked for n in s.query(StationNight))
    assert kept[mine] == ("孙琪", "13600009999", "active", 2) and kept[later][:2] == ("孙琪", "13600009999")
    assert kept[other.json["booking"]["number"]][:2] == ("用户乙", "13800000001")
    assert booked == 4  # the beds as they were: nothing released, nothing taken
    with sessions() as s:
        assert bookings.last_contact(s, "web:me") == ("孙琪", "13600009999")  # offered on the next booking
        with pytest.raises(BookingConflict):  # an ended stay is no longer changed
            change_contact(s, "web:me", [mine], day + timedelta(days=2), phone="13600008888")
