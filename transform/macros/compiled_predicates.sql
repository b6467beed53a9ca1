{#-
    Compiled query predicates for this adapter, read at execution time from a
    staging relation with a `dialect` and a `predicate` column: a list of rows,
    each the values of `key_columns` followed by the predicate. The predicates
    come from Écoute's query compiler (`ecoute/query/sql.py`), which quotes
    every literal of a query; they are inlined as they are. Returns [] while
    dbt parses (nothing is read then).
-#}
{% macro compiled_predicates(predicates_relation, key_columns) -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set rows = run_query(
        "select " ~ key_columns | join(", ") ~ ", predicate from " ~ predicates_relation
        ~ " where dialect = '" ~ target.type ~ "' order by " ~ key_columns | join(", ")
    ).rows -%}
    {%- if rows | length == 0 and run_query("select count(*) from " ~ predicates_relation).rows[0][0] > 0 -%}
        {{ exceptions.raise_compiler_error(
            "No query predicate is compiled for the '" ~ target.type ~ "' adapter in "
            ~ predicates_relation ~ ": add this dialect to ecoute/query/sql.py (DIALECTS)."
        ) }}
    {%- endif -%}
    {{ return(rows | map('list') | list) }}
{%- endmacro %}
