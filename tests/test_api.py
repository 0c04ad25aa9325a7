"""POST /api/ask and GET /healthz through the Flask app on the shipped index."""


def test_healthz_reports_the_index(client):
    res = client.get("/healthz")
    assert res.status_code == 200
    assert res.json["status"] == "ok"
    assert res.json["index"]["documents"] == 1
    assert res.json["index"]["chunks"] > 5


def test_ask_answers_with_source(client):
    res = client.post("/api/ask", json={"question": "去年新建了多少套人才公寓？"})
    assert res.status_code == 200
    body = res.json
    assert body["found"] is True
    assert "424套" in body["answer"]
    assert body["sources"][0]["title"] == "2023年姜堰区人才工作综述"
    assert set(body["sources"][0]) == {"title", "section", "snippet"}
    assert body["sources"][0]["section"]


def test_ask_says_so_when_nothing_is_found(client):
    res = client.post("/api/ask", json={"question": "公积金贷款利率是多少"})
    assert res.status_code == 200
    assert res.json["found"] is False
    assert res.json["sources"] == []
    assert "没有找到" in res.json["answer"]


def test_ask_rejects_bad_input(client):
    assert client.post("/api/ask", data="not json", content_type="application/json").status_code == 400
    assert client.post("/api/ask", json={"q": "x"}).status_code == 400
    assert client.post("/api/ask", json={"question": "   "}).status_code == 400
    res = client.post("/api/ask", json={"question": "长" * 501})
    assert res.status_code == 400 and "500字" in res.json["error"]


def test_oversized_body_is_refused(client):
    res = client.post("/api/ask", data="x" * (70 * 1024), content_type="application/json")
    assert res.status_code == 413
    assert res.json["error"]


def test_missing_index_gives_503(tmp_path):
    from bot import create_app

    client = create_app({"instance_path": str(tmp_path), "knowledge": {"index_dir": str(tmp_path / "none")}}).test_client()
    assert client.get("/healthz").status_code == 503
    res = client.post("/api/ask", json={"question": "人才公寓"})
    assert res.status_code == 503 and "准备中" in res.json["error"]


def test_warm_up_loads_what_the_first_question_needs(app):
    """gunicorn workers run this at boot (bot/wsgi.py): no user waits for a model to load."""
    knowledge = app.extensions["talent.knowledge"]
    dialogue = app.extensions["talent.dialogue"]
    assert "retriever" not in vars(knowledge) and dialogue.classifier._examples is None
    dialogue.warm_up()
    assert {"embedder", "index", "retriever"} <= set(vars(knowledge))
    assert dialogue.classifier._examples  # the intent examples are embedded


def test_the_readme_example_is_answered(client):
    """README's first example: colloquial 人才房, "去年", "建了" — none of them the report's words."""
    res = client.post("/api/ask", json={"question": "人才房去年建了几套"}).json
    assert res["found"] and "424套" in res["answer"] and res["sources"][0]["title"] == "2023年姜堰区人才工作综述"
