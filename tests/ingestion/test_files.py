"""File drops: exports written here byte by byte (encodings, BOMs, quotes, spreadsheets' habits), loaded by dlt into DuckDB."""

from __future__ import annotations

import json
import os
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.files import FileImportSettings, FilesSettings
from ingestion.connectors import CONNECTORS
from ingestion.files import FileImport, files_source, imports_in_folder, prepare, source_for
from ingestion.files.mapping import MappingError, parse_map_spec
from ingestion.files.reader import FileReadError, read_file
from tests.ingestion.connector_testing import load, rows

AS_OF = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
REVIEWS_MAP = "mention_id=id,text=avis,published_at=date,author=auteur,likes=utile"


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run(warehouse: Path, *files: FileImport) -> None:
    load(warehouse, files_source(list(files)))


def mentions(warehouse: Path) -> dict[str, dict]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        frame = connection.sql("select * from raw.files_mentions").pl()
    return {row["post_id"]: row for row in frame.iter_rows(named=True)}


def runs(warehouse: Path) -> list[tuple]:
    return rows(
        warehouse,
        "select query, fetched, loaded, quarantined, duplicates, stopped_because"
        " from raw.files_runs order by started_at",
    )


def reasons(warehouse: Path) -> dict[str, str]:
    return dict(rows(warehouse, "select record_id, reason from raw.files_quarantine"))


# A French review site exported from Excel: `;`, CRLF, cp1252, a UTF-8 BOM a tool put
# in front anyway, a review on two lines, ids and counts rewritten by the spreadsheet.
REVIEWS_CP1252 = (
    b"\xef\xbb\xbfid;avis;date;auteur;utile\r\n"
    b'r-1;"Tr\xe8s d\xe9\xe7u.\r\nLe colis est arriv\xe9 ab\xeem\xe9";Il y a 15 heures;Zo\xe9;1,2E+3\r\n'
    b"1.23457E+18;Bien;hier;Luc;3\r\n"
    b"r-3;Correct;21/11/2026 09:30;Ana;1 234\r\n"
    b"r-4;Cher;la semaine derni\xe8re;Ana;\r\n"
    b"r-5;Rapide;il y a 2 jours;Max;2.5\r\n"
)


def test_a_french_spreadsheet_export_in_cp1252_loads_with_its_quirks_reported(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "avis.csv", REVIEWS_CP1252)
    table = read_file(path)
    assert (table.format, table.delimiter, table.encoding) == ("csv", ";", "cp1252")
    assert table.columns == ["id", "avis", "date", "auteur", "utile"]  # no BOM in the first name
    assert table.notes and "avis.csv:2: not UTF-8" in table.notes[0]

    warehouse = tmp_path / "w.duckdb"
    run(warehouse, FileImport(path, "avis_verifies", REVIEWS_MAP, "Europe/Paris", AS_OF))
    loaded = mentions(warehouse)
    assert set(loaded) == {"avis_verifies:r-1", "avis_verifies:r-3"}
    first = loaded["avis_verifies:r-1"]
    assert (
        first["text"] == "Très déçu.\r\nLe colis est arrivé abîmé"
    )  # the quoted line break, as written
    assert first["published_at"] == datetime(2026, 11, 20, 21, 0, tzinfo=UTC)  # 15 h before AS_OF
    assert first["likes"] == 1200  # a count in scientific notation (decimal comma) is exact enough
    assert (first["author_handle"], first["author_id"]) == ("Zoé", "avis_verifies:Zoé")
    assert first["query"] == "avis.csv" and first["platform"] == "avis_verifies"
    assert json.loads(first["payload"])["date"] == "Il y a 15 heures"
    third = loaded["avis_verifies:r-3"]
    assert third["published_at"] == datetime(2026, 11, 21, 8, 30, tzinfo=UTC)  # Paris, winter
    assert third["likes"] == 1234

    # Lines count from the header (1); the two-line review is line 2, so the next is line 4.
    assert reasons(warehouse) == {
        "avis_verifies:1.23457E+18": "avis.csv:4: id in scientific notation: digits lost"
        " (1.23457E+18 in column 'id'); export the column as text",
        "avis_verifies:r-4": "avis.csv:6: unreadable date 'la semaine dernière' in column 'date'"
        " (expected ISO 8601, DD/MM/YYYY HH:MM, Unix seconds or milliseconds,"
        " 'il y a 3 heures', '3 hours ago')",
        "avis_verifies:r-5": "avis.csv:7: '2.5' in column 'utile' (likes) is not a whole number",
    }
    assert runs(warehouse) == [("avis.csv", 5, 2, 3, 0, "end_of_file")]


def test_a_tsv_keeps_quoted_newlines_and_bare_carriage_returns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "export.tsv",
        "id\ttext\tdate\n"
        '1\t"line one\nline two\nline three"\t2026-11-20T10:00:00+01:00\n'
        '2\t"before\rafter"\t2026-11-20 10:00\n'
        "3\tplain, with a comma; and a semicolon\t1763632800\n"
        "4\ttoo\tmany\tfields\n"
        "\n"
        "5\tlast\t1763632800000\n",
    )
    table = read_file(path)
    assert (table.format, table.delimiter) == ("tsv", "\t")
    assert table.frame["_line"].to_list() == [2, 5, 6, 9]
    warehouse = tmp_path / "w.duckdb"
    run(
        warehouse,
        FileImport(path, "forum", "mention_id=id,text=text,published_at=date", as_of=AS_OF),
    )
    loaded = mentions(warehouse)
    assert loaded["forum:1"]["text"] == "line one\nline two\nline three"
    assert loaded["forum:1"]["published_at"] == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert loaded["forum:2"]["text"] == "before\rafter"
    assert loaded["forum:2"]["published_at"] == datetime(
        2026, 11, 20, 10, 0, tzinfo=UTC
    )  # UTC default
    assert loaded["forum:3"]["published_at"] == datetime(2025, 11, 20, 10, 0, tzinfo=UTC)  # epoch s
    assert loaded["forum:5"]["published_at"] == datetime(
        2025, 11, 20, 10, 0, tzinfo=UTC
    )  # epoch ms
    assert list(reasons(warehouse).values()) == [
        "export.tsv:7: 4 fields where the header (line 1) has 3"
    ]
    assert runs(warehouse) == [("export.tsv", 5, 4, 1, 0, "end_of_file")]


def test_jsonl_keeps_numbers_as_written_and_quarantines_lines_that_are_not_objects(
    tmp_path: Path,
) -> None:
    lines = [
        {
            "id": 1790000000000000001,
            "body": "exact id",
            "at": "2026-11-20T08:00:00Z",
            "user": {"n": 1},
        },
        {"id": 1.23457e18, "body": "float id", "at": "2026-11-20T08:00:00Z"},
        {"id": "c-3", "body": "posted 3 hours ago", "at": "3 hours ago", "shares": 1.2e3},
    ]
    content = "\n".join(json.dumps(line) for line in lines) + '\n[1, 2]\n{"id": "broken"\n'
    path = write(tmp_path, "talkwalker.jsonl", content)
    warehouse = tmp_path / "w.duckdb"
    spec = "mention_id=id,text=body,published_at=at,shares=shares"
    run(warehouse, FileImport(path, "talkwalker", spec, as_of=AS_OF))
    loaded = mentions(warehouse)
    assert set(loaded) == {"talkwalker:1790000000000000001", "talkwalker:c-3"}
    assert json.loads(loaded["talkwalker:1790000000000000001"]["payload"])["user"] == '{"n": 1}'
    assert loaded["talkwalker:c-3"]["published_at"] == datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    assert loaded["talkwalker:c-3"]["shares"] == 1200
    assert rows(warehouse, "select reason from raw.files_quarantine order by reason") == [
        (
            "talkwalker.jsonl:2: id in scientific notation: digits lost (1.23457e+18 in column 'id');"
            " export the column as text",
        ),
        ("talkwalker.jsonl:4: a JSON list, not an object",),
        ("talkwalker.jsonl:5: not JSON (Expecting ',' delimiter)",),
    ]
    assert runs(warehouse) == [("talkwalker.jsonl", 5, 2, 3, 0, "end_of_file")]


def test_parquet_columns_are_read_as_text_and_instants_stay_instants(tmp_path: Path) -> None:
    path = tmp_path / "brandwatch.parquet"
    pl.DataFrame(
        {
            "Mention Id": [101, 102],
            "Full Text": ["Air Aurore again late", "Lovely crew"],
            "Date": [datetime(2026, 11, 20, 9, 0, tzinfo=UTC), None],
            "Impressions": [1500.0, 20.0],
            "Thread Id": [100, 100],
        }
    ).write_parquet(path)
    warehouse = tmp_path / "w.duckdb"
    spec = (
        "mention_id=Mention Id,text=Full Text,published_at=Date,"
        "followers=Impressions,thread_id=Thread Id"
    )
    run(warehouse, FileImport(path, "brandwatch", spec))
    loaded = mentions(warehouse)
    assert list(loaded) == ["brandwatch:101"]
    mention = loaded["brandwatch:101"]
    assert mention["published_at"] == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert (mention["author_followers"], mention["thread_id"]) == (1500, "brandwatch:100")
    assert reasons(warehouse) == {
        "brandwatch:102": "brandwatch.parquet:row 2: no publication date (column 'Date' is empty)"
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Il y a 15 heures", datetime(2026, 11, 20, 21, 0, tzinfo=UTC)),
        ("il y a 2 jours", datetime(2026, 11, 19, 12, 0, tzinfo=UTC)),
        ("il y a une semaine", datetime(2026, 11, 14, 12, 0, tzinfo=UTC)),
        ("il y a 5 min", datetime(2026, 11, 21, 11, 55, tzinfo=UTC)),
        ("hier", datetime(2026, 11, 20, 12, 0, tzinfo=UTC)),
        ("Aujourd’hui", AS_OF),
        ("15 hours ago", datetime(2026, 11, 20, 21, 0, tzinfo=UTC)),
        ("an hour ago", datetime(2026, 11, 21, 11, 0, tzinfo=UTC)),
        ("3d ago", datetime(2026, 11, 18, 12, 0, tzinfo=UTC)),
        ("Yesterday", datetime(2026, 11, 20, 12, 0, tzinfo=UTC)),
        ("2026-11-20T08:15:00.250+0100", datetime(2026, 11, 20, 7, 15, 0, 250_000, tzinfo=UTC)),
        ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),
        ("20/11/2026", datetime(2026, 11, 20, tzinfo=UTC)),
    ],
)
def test_dates_relative_and_absolute(tmp_path: Path, written: str, expected: datetime) -> None:
    path = write(tmp_path, "d.csv", f"id,text,date\n1,x,{written}\n")
    prepared = prepare(
        FileImport(path, "site", "mention_id=id,text=text,published_at=date", as_of=AS_OF)
    )
    assert prepared.mapped.quarantined.is_empty()
    assert prepared.mapped.mentions["published_at"].to_list() == [expected]


def test_relative_dates_count_back_from_the_file_time_without_as_of(tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", "id,text,date\n1,x,il y a 2 heures\n")
    modified = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    os.utime(path, (modified.timestamp(), modified.timestamp()))
    prepared = prepare(FileImport(path, "site", "mention_id=id,text=text,published_at=date"))
    assert prepared.mapped.mentions["published_at"].to_list() == [
        datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    ]


def test_a_bad_map_says_what_would_fit(tmp_path: Path) -> None:
    path = write(tmp_path, "avis.csv", REVIEWS_CP1252)
    with pytest.raises(
        MappingError, match=r"the file's columns are: id, avis, date, auteur, utile"
    ):
        prepare(FileImport(path, "site", "mention_id=id,text=review,published_at=date"))
    with pytest.raises(MappingError, match="unknown target 'body'; targets are mention_id, text"):
        parse_map_spec("mention_id=id,body=avis,published_at=date")
    with pytest.raises(MappingError, match="published_at must be mapped"):
        parse_map_spec("mention_id=id,text=avis")


def test_an_unreadable_file_names_the_file_and_line(tmp_path: Path) -> None:
    broken = write(
        tmp_path, "broken.csv", 'id,text,date\n1,ok,2026-11-20\n2,"unclosed,2026-11-20\n'
    )
    with pytest.raises(FileReadError, match=r"broken.csv:3: not valid CSV from this line"):
        read_file(broken)
    with pytest.raises(FileReadError, match=r"unknown file type '\.xlsx'"):
        read_file(write(tmp_path, "export.xlsx", b"PK"))


def test_a_repeated_id_and_a_reimport_are_duplicates_and_a_changed_row_reloads(
    tmp_path: Path,
) -> None:
    header = "id,text,date,likes\n"
    path = write(
        tmp_path,
        "reviews.csv",
        header + "a,first,2026-11-20,1\nb,second,2026-11-20,2\na,first again,2026-11-20,1\n",
    )
    spec = FileImport(path, "site", "mention_id=id,text=text,published_at=date,likes=likes")
    warehouse = tmp_path / "w.duckdb"
    run(warehouse, spec)
    run(warehouse, spec)
    # The same rows under another name: same content, nothing new either.
    renamed = write(tmp_path, "reviews-copy.csv", path.read_bytes())
    run(warehouse, FileImport(renamed, "site", spec.map_spec))
    path.write_text(header + "a,first,2026-11-20,1\nb,second,2026-11-20,7\n", encoding="utf-8")
    run(warehouse, spec)
    assert runs(warehouse) == [
        ("reviews.csv", 3, 2, 0, 1, "end_of_file"),
        ("reviews.csv", 3, 0, 0, 3, "end_of_file"),
        ("reviews-copy.csv", 3, 0, 0, 3, "end_of_file"),
        ("reviews.csv", 2, 1, 0, 1, "end_of_file"),
    ]
    loaded = mentions(warehouse)
    assert (loaded["site:a"]["text"], loaded["site:b"]["likes"]) == ("first", 7)
    for query, fetched, loaded_, quarantined, duplicates, _ in runs(warehouse):
        assert fetched == loaded_ + quarantined + duplicates, query


def test_the_folder_loads_files_matching_each_import(tmp_path: Path) -> None:
    folder = tmp_path / "drops"
    (folder / "trustpilot").mkdir(parents=True)
    write(folder / "trustpilot", "nov.csv", "Review Id,Content,Date\nt1,Great,2026-11-20\n")
    write(folder, "notes.txt", "not an export")
    settings = FilesSettings(
        enabled=True,
        folder=folder,
        imports={
            "trustpilot": FileImportSettings(
                pattern="trustpilot/*.csv",
                platform="trustpilot",
                map="mention_id=Review Id,text=Content,published_at=Date",
                timezone="Europe/Paris",
            )
        },
    )
    (found,) = imports_in_folder(settings)
    assert (found.path.name, found.platform, found.timezone) == (
        "nov.csv",
        "trustpilot",
        "Europe/Paris",
    )
    warehouse = tmp_path / "w.duckdb"
    load(warehouse, source_for(settings))
    assert mentions(warehouse)["trustpilot:t1"]["published_at"] == datetime(
        2026, 11, 19, 23, 0, tzinfo=UTC
    )


def test_a_file_that_cannot_load_is_a_run_row_and_the_others_go_on(tmp_path: Path) -> None:
    good = write(tmp_path, "good.csv", "id,text,date\n1,x,2026-11-20\n")
    bad = write(tmp_path, "bad.csv", "ident,text,date\n1,x,2026-11-20\n")
    spec = "mention_id=id,text=text,published_at=date"
    warehouse = tmp_path / "w.duckdb"
    run(warehouse, FileImport(bad, "site", spec), FileImport(good, "site", spec))
    (failed, loaded) = runs(warehouse)
    assert failed[:5] == ("bad.csv", 0, 0, 0, 0)
    assert (
        failed[5].startswith("error: ") and "the file's columns are: ident, text, date" in failed[5]
    )
    assert loaded == ("good.csv", 1, 1, 0, 0, "end_of_file")


def test_the_sensor_runs_once_per_change_of_the_folder(tmp_path: Path, monkeypatch) -> None:
    import dagster as dg

    from ecoute.settings import CONFIG_ENV
    from orchestration.defs.files import files_sensor

    config = tmp_path / "listening.yml"
    config.write_text(
        MINIMAL
        + textwrap.indent(
            "enabled: true\nfolder: drops\nimports:\n"
            "  reviews: {pattern: '*.csv', platform: site, map: 'mention_id=id,text=t,published_at=d'}\n",
            "    ",
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv(CONFIG_ENV, str(config))
    (tmp_path / "drops").mkdir()
    assert isinstance(files_sensor(dg.build_sensor_context()), dg.SkipReason)
    write(tmp_path / "drops", "a.csv", "id,t,d\n1,x,2026-11-20\n")
    first = files_sensor(dg.build_sensor_context())
    assert len(first.run_requests) == 1
    assert isinstance(files_sensor(dg.build_sensor_context(cursor=first.cursor)), dg.SkipReason)
    write(tmp_path / "drops", "b.csv", "id,t,d\n2,y,2026-11-20\n")
    changed = files_sensor(dg.build_sensor_context(cursor=first.cursor))
    assert changed.cursor != first.cursor and len(changed.run_requests) == 1


def test_the_connector_is_registered_and_builds_without_a_folder() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "files"]
    default = connector.settings(None)
    assert default.folder is None and not connector.is_configured(default)
    assert list(connector.source(default).resources) == ["files_mentions"]


MINIMAL = """\
version: 1
name: files settings
topics:
  air_aurore:
    kind: brand
    label: Air Aurore
    query: air aurore
sources:
  files:
"""


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("    folder: drops\n    colour: blue\n", "colour"),
        (
            "    imports:\n      x: {pattern: '*.csv', platform: site, map: 'mention_id=id,body=b'}\n",
            "unknown target 'body'",
        ),
        (
            "    imports:\n      x: {pattern: '*.csv', platform: site,"
            " map: 'mention_id=id,text=t,published_at=d', timezone: Mars/Olympus}\n",
            "unknown time zone",
        ),
    ],
)
def test_a_bad_files_setting_is_a_config_error(tmp_path: Path, section: str, message: str) -> None:
    path = tmp_path / "listening.yml"
    path.write_text(MINIMAL + section, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_ecoute_import_loads_one_file_and_says_what_became_of_it(
    tmp_path: Path, monkeypatch
) -> None:
    from click.testing import CliRunner

    from ecoute.cli import main
    from ecoute.settings import WAREHOUSE_ENV

    warehouse = tmp_path / "w" / "ecoute.duckdb"
    monkeypatch.setenv(WAREHOUSE_ENV, str(warehouse))
    path = write(tmp_path, "avis.csv", REVIEWS_CP1252)
    argv = [
        "import", str(path), "--platform", "avis_verifies", "--map", REVIEWS_MAP,
        "--timezone", "Europe/Paris", "--as-of", "2026-11-21T12:00:00Z", "--no-build",
    ]  # fmt: skip
    first = CliRunner().invoke(main, argv)
    assert first.exit_code == 0, first.output
    assert "read 5 record(s)" in first.output and "encoding cp1252, delimiter ';'" in first.output
    assert "2 loaded" in first.output and "3 quarantined" in first.output
    assert "avis.csv:4: id in scientific notation: digits lost" in first.output
    again = CliRunner().invoke(main, argv)
    assert again.exit_code == 0 and "0 loaded" in again.output and "2 duplicate(s)" in again.output
    assert rows(warehouse, "select post_id, likes from raw.files_mentions order by post_id") == [
        ("avis_verifies:r-1", 1200),
        ("avis_verifies:r-3", 1234),
    ]
    bad = CliRunner().invoke(main, [*argv[:5], "mention_id=id,text=review,published_at=date"])
    assert (
        bad.exit_code == 1 and "the file's columns are: id, avis, date, auteur, utile" in bad.output
    )
