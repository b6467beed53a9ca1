{#-
    The compiled predicate of every topic for this adapter, read at execution
    time from `stg_listening__topic_predicates`: a list of {topic_id, predicate}.
    The predicates come from Écoute's query compiler (`ecoute/query/sql.py`),
    which quotes every literal of a query; they are inlined as they are.
    Returns [] while dbt parses (nothing is read then).
-#}
{% macro topic_predicates(predicates_relation) -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set rows = run_query(
        "select topic_id, predicate from " ~ predicates_relation
        ~ " where dialect = '" ~ target.type ~ "' order by topic_id"
    ).rows -%}
    {%- if rows | length == 0 and run_query("select count(*) from " ~ predicates_relation).rows[0][0] > 0 -%}
        {{ exceptions.raise_compiler_error(
            "No topic predicate is compiled for the '" ~ target.type ~ "' adapter in "
            ~ predicates_relation ~ ": add this dialect to ecoute/query/sql.py (DIALECTS)."
        ) }}
    {%- endif -%}
    {{ return(rows | map('list') | list) }}
{%- endmacro %}
