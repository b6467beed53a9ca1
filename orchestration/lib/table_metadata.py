"""Row counts and previews of warehouse tables, for the metadata of their assets.

Read after the writer (dlt or dbt) has finished: the DuckDB file has one writer
at a time, and reading here rather than through the tools' own helpers keeps
this process from holding connections of its own when the run ends.
"""

import dagster as dg

from ecoute.warehouse import markdown_preview, query

PREVIEW_ROWS = 5


def table_metadata(key: dg.AssetKey, preview: bool = False) -> dict[str, dg.MetadataValue]:
    """`dagster/row_count` of the table behind `key` (`<schema>/<table>`), and a preview.

    Views get neither: counting one re-runs its query, which is the cost a view
    exists to avoid.
    """
    schema, table = key.path
    kinds = query(
        "select table_type from information_schema.tables "
        "where table_schema = ? and table_name = ?",
        [schema, table],
    )
    if kinds.is_empty() or kinds["table_type"][0] == "VIEW":
        return {}
    relation = f'"{schema}"."{table}"'
    rows = int(query(f"select count(*) as n from {relation}")["n"][0])
    metadata = {"dagster/row_count": dg.MetadataValue.int(rows)}
    if preview:
        frame = query(f"select * from {relation} limit {PREVIEW_ROWS}")
        metadata["preview"] = dg.MetadataValue.md(markdown_preview(frame))
    return metadata
