"""The `ecoute` command as a user meets it: help, the report, and its errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ecoute.cli import main
from ecoute.settings import WAREHOUSE_ENV

pytestmark = pytest.mark.slow


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_help_lists_every_command(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "report", "check-config", "prepare"):
        assert f"  {command} " in result.output


def test_report_shows_the_crisis_as_the_brand_spike(runner, built, monkeypatch):
    monkeypatch.setenv(WAREHOUSE_ENV, str(built.path))
    result = runner.invoke(main, ["report"])
    assert result.exit_code == 0, result.output
    crisis_day = built.scalar("select day from raw.demo_injections where kind = 'crisis'")
    spikes = result.output.split("Biggest daily spikes")[1]
    assert f"| Air Aurore | {crisis_day}" in spikes
    assert "Share of voice by month" in result.output
    assert str(built.path) in result.output


def test_report_without_a_warehouse_says_how_to_build_one(runner, tmp_path, monkeypatch):
    monkeypatch.setenv(WAREHOUSE_ENV, str(tmp_path / "none.duckdb"))
    result = runner.invoke(main, ["report"])
    assert result.exit_code == 1
    assert "no warehouse here yet" in result.output
    assert "ecoute run" in result.output


def test_check_config_names_file_line_and_field(runner, tmp_path):
    config = tmp_path / "listening.yml"
    config.write_text(
        "version: 1\nname: x\ntopics:\n  a:\n    kind: brnd\n    label: A\n    query: a\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check-config", str(config)])
    assert result.exit_code == 1
    assert f"{config}:5:11: topics.a.kind" in result.output
