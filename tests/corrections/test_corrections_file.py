"""Reading analysts' corrections: what is accepted, what is refused, and how it is reported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute.corrections import (
    CorrectionsError,
    correction_from_command_line,
    read_corrections_file,
)

INTENTS = ["churn_threat", "complaint", "praise", "question"]


def write(tmp_path: Path, text: str, name: str = "corrections.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_spreadsheet_export_in_french_loads_normalised(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeffMention_ID,Sentiment,Intents,Corrected_By,Corrected_At,Reason\n"
        "demo:1,négatif,Complaint; churn_threat ,ana,2026-11-20T10:00:00+01:00,ironie\n"
        "demo:2,Positif,,ana,,\n"
        "demo:3,,none,léo,2026-11-21,\n",
    )
    rows = read_corrections_file(path, INTENTS)
    assert rows["mention_id"].to_list() == ["demo:1", "demo:2", "demo:3"]
    assert rows["sentiment"].to_list() == ["negative", "positive", None]
    assert rows["intents"].to_list() == ["churn_threat,complaint", None, "none"]
    assert rows["origin"].to_list() == [
        "corrections.csv:2",
        "corrections.csv:3",
        "corrections.csv:4",
    ]
    # +01:00 read as 09:00 UTC; no date → the file's modification time.
    assert rows["corrected_at"][0] == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    assert abs((rows["corrected_at"][1] - modified).total_seconds()) < 1
    assert rows["reason"].to_list() == ["ironie", None, None]


def test_every_bad_line_is_reported_with_its_line_and_nothing_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mention_id,sentiment,intents,corrected_by,corrected_at\n"
        "demo:1,negative,,ana,\n"
        "demo:2,bof,,ana,\n"
        ",positive,,ana,\n"
        "demo:4,positive,refund,ana,\n"
        "demo:5,,,ana,\n"
        "demo:6,neutral,,,\n"
        "demo:7,neutral,,ana,hier\n",
    )
    with pytest.raises(CorrectionsError) as raised:
        read_corrections_file(path, INTENTS)
    message = str(raised.value)
    assert "6 correction(s)" in message and "nothing was loaded" in message
    assert "corrections.csv:3: sentiment 'bof': expected negative, neutral or positive" in message
    assert "corrections.csv:4: no mention_id" in message
    assert "corrections.csv:5: unknown intent(s) refund; known: churn_threat, complaint" in message
    assert "corrections.csv:6: neither sentiment nor intents is given" in message
    assert "corrections.csv:7: no corrected_by" in message
    assert "corrections.csv:8: corrected_at 'hier' is not an ISO 8601 date" in message
    assert "corrections.csv:2" not in message


def test_a_header_without_the_needed_columns_says_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(CorrectionsError, match=r"corrections.csv:1: the header needs mention_id"):
        read_corrections_file(write(tmp_path, "id,label\n1,positive\n"), INTENTS)
    with pytest.raises(CorrectionsError, match=r"corrections.csv:1: unknown column\(s\) score"):
        read_corrections_file(
            write(tmp_path, "mention_id,sentiment,score\n1,positive,3\n"), INTENTS
        )


def test_a_missing_author_column_takes_the_default_author(tmp_path: Path) -> None:
    path = write(tmp_path, "mention_id,sentiment\ndemo:1,neutral\n")
    with pytest.raises(CorrectionsError, match="no corrected_by"):
        read_corrections_file(path, INTENTS)
    assert read_corrections_file(path, INTENTS, default_author="ana")["corrected_by"][0] == "ana"


def test_ids_are_stable_across_reads_and_differ_between_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mention_id,sentiment,corrected_by,corrected_at\n"
        "demo:1,negative,ana,2026-11-20T10:00:00Z\n"
        "demo:1,negative,ana,2026-11-20T10:00:00Z\n",
    )
    first = read_corrections_file(path, INTENTS)["correction_id"].to_list()
    again = read_corrections_file(path, INTENTS)["correction_id"].to_list()
    assert first == again
    assert first[0] != first[1]  # the same words on two lines are two corrections


def test_a_command_line_correction_is_checked_like_a_file_line() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    row = correction_from_command_line("demo:9", "neu", "praise", "ana", "hors sujet", INTENTS, now)
    assert row.row(0, named=True) | {"correction_id": None} == {
        "correction_id": None,
        "mention_id": "demo:9",
        "sentiment": "neutral",
        "intents": "praise",
        "corrected_by": "ana",
        "corrected_at": now,
        "reason": "hors sujet",
        "origin": "command line",
    }
    with pytest.raises(CorrectionsError, match="command line: sentiment 'great'"):
        correction_from_command_line("demo:9", "great", None, "ana", None, INTENTS, now)


def test_importing_into_a_new_warehouse_then_again_adds_each_correction_once(
    tmp_path: Path, monkeypatch
) -> None:
    """The real dlt load into a DuckDB file with no corrections table yet, then a re-import."""
    import duckdb
    from click.testing import CliRunner

    from ecoute.cli import main
    from ecoute.settings import WAREHOUSE_ENV

    warehouse = tmp_path / "w" / "ecoute.duckdb"
    monkeypatch.setenv(WAREHOUSE_ENV, str(warehouse))
    path = write(
        tmp_path,
        "mention_id,sentiment,intents,corrected_by\n"
        "demo:1,négatif,complaint,ana\n"
        "demo:2,positif,,ana\n",
    )
    first = CliRunner().invoke(main, ["corrections", "import", str(path), "--no-build"])
    assert first.exit_code == 0, first.output
    assert "2 new correction(s)" in first.output and "(0 already there)" in first.output
    again = CliRunner().invoke(main, ["corrections", "import", str(path), "--no-build"])
    assert again.exit_code == 0, again.output
    assert "0 new correction(s)" in again.output and "(2 already there)" in again.output
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.sql(
            "select mention_id, sentiment, intents from raw.corrections order by mention_id"
        ).fetchall()
    assert rows == [("demo:1", "negative", "complaint"), ("demo:2", "positive", None)]


def test_a_previous_build_is_none_only_when_the_table_does_not_exist() -> None:
    import duckdb

    from ecoute.warehouse import previous_build

    connection = duckdb.connect()
    assert previous_build(connection, "main.never_built") is None
    connection.execute("create table built as select 1 as x")
    assert previous_build(connection, "main.built")["x"].to_list() == [1]
    with pytest.raises(duckdb.ParserException):
        previous_build(connection, "main.built where")
