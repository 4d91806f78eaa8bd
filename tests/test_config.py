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


def test_the_data_key_is_generated_once_in_development_and_required_in_production(
    tmp_path, monkeypatch
):
    from app.cases.crypto import data_key

    monkeypatch.delenv("PATHWAYS_DATA_KEY", raising=False)
    first = data_key(tmp_path, production=False)
    assert data_key(tmp_path, production=False) == first
    assert stat.S_IMODE((tmp_path / "data_key").stat().st_mode) == 0o600
    with pytest.raises(ConfigError, match="PATHWAYS_DATA_KEY must be set"):
        data_key(tmp_path / "elsewhere", production=True)


def test_a_malformed_data_key_is_refused_at_start(app):
    from app import create_app

    with pytest.raises(ConfigError, match="not a valid Fernet key"):
        create_app({"DATA_KEY": "too-short", "SECRET_KEY": "x"})


def test_a_rotated_key_still_reads_what_the_old_one_wrote(app):
    from cryptography.fernet import Fernet

    from app.cases import crypto

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app.extensions["pathways_cipher"] = crypto.check_key(old)
    token = crypto.encrypt("Lan Nguyen")
    app.extensions["pathways_cipher"] = crypto.check_key(f"{new},{old}")
    assert crypto.decrypt(token) == "Lan Nguyen"
    app.extensions["pathways_cipher"] = crypto.check_key(new)
    with pytest.raises(crypto.DataKeyError):
        crypto.decrypt(token)
