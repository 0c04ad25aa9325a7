import pytest

from core.config import load_config
from core.errors import ConfigError


def test_shipped_config_is_valid():
    settings = load_config()
    assert settings.knowledge.embedder.provider == "use"
    assert settings.path(settings.knowledge.index_dir).name == "index"


def test_unknown_key_is_named():
    with pytest.raises(ConfigError, match=r"knowledge\.retrieval\.topk: unknown key"):
        load_config(overrides={"knowledge": {"retrieval": {"topk": 3}}})


def test_bad_value_is_named():
    with pytest.raises(ConfigError, match=r"ingest\.chunk_size"):
        load_config(overrides={"ingest": {"chunk_size": "big"}})


def test_cross_field_rule_is_named():
    with pytest.raises(ConfigError, match=r"chunk_overlap must be smaller"):
        load_config(overrides={"ingest": {"chunk_size": 100, "chunk_overlap": 100}})


def test_sentence_transformers_needs_a_model_path():
    with pytest.raises(ConfigError, match=r"knowledge\.embedder.*model_path"):
        load_config(overrides={"knowledge": {"embedder": {"provider": "sentence-transformers"}}})


def test_app_config_env_points_at_another_file(tmp_path, monkeypatch):
    other = tmp_path / "other.yaml"
    other.write_text("ingest:\n  chunk_size: 500\n", encoding="utf-8")
    monkeypatch.setenv("APP_CONFIG", str(other))
    assert load_config().ingest.chunk_size == 500


def test_broken_yaml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("knowledge: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.yaml")


def test_create_app_refuses_bad_config():
    from bot import create_app

    with pytest.raises(ConfigError, match=r"server\.port"):
        create_app({"server": {"port": 0}})
