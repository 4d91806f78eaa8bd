"""Secrets come from the environment, or are generated once into instance/ in development."""

import stat

import pytest

from app.config import ConfigError, secret_key


def test_development_key_is_generated_once_and_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path, production=False)
    assert len(first) == 64 and secret_key(tmp_path, production=False) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_production_needs_the_key_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        secret_key(tmp_path, production=True)
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path, production=True) == "from-the-environment"
