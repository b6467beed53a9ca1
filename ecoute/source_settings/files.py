"""`sources.files` in `listening.yml`: a folder where exports are dropped, and how to read each kind of file.

Each import names a glob `pattern` (relative to the folder), the `platform`
its rows come from and the column `map` (the spec of `ecoute import --map`).
Every run loads the folder's matching files; re-loading a file whose rows are
already in the warehouse adds nothing.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from ecoute.settings import config_path
from ecoute.source_settings import ConnectorSettings, Name, StrictSettings


class FileImportSettings(StrictSettings):
    """One kind of export: which files, from which platform, which column holds what."""

    pattern: str = Field(min_length=1)  # a glob under the folder, e.g. "trustpilot/*.csv"
    platform: Name
    map: str = Field(min_length=1)  # target=COLUMN,…, as `ecoute import --map`
    timezone: str = "UTC"  # for dates written without a zone
    delimiter: str | None = Field(default=None, min_length=1, max_length=1)  # sniffed when absent
    encoding: str | None = None  # UTF-8, else cp1252/latin-1 (reported), when absent

    @field_validator("map")
    @classmethod
    def _map_is_a_spec(cls, value: str) -> str:
        from ingestion.files.mapping import MappingError, parse_map_spec

        try:
            parse_map_spec(value)
        except MappingError as error:
            raise ValueError(str(error).removeprefix("--map: ")) from None
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone_exists(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. 'UTC', 'Europe/Paris')") from None
        return value

    @field_validator("encoding")
    @classmethod
    def _encoding_exists(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown encoding {value!r} (e.g. 'utf-8', 'cp1252')") from None
        return value


class FilesSettings(ConnectorSettings):
    # Relative to the directory of listening.yml; none: no folder is watched.
    folder: Path | None = None
    imports: dict[Name, FileImportSettings] = Field(default_factory=dict)

    def folder_path(self) -> Path | None:
        if self.folder is None:
            return None
        folder = self.folder.expanduser()
        return (folder if folder.is_absolute() else config_path().parent / folder).resolve()
