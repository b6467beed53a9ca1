{#-
    The source connectors (`ingestion/<name>/`) all write the same raw shapes:
    `raw.<name>_mentions`, `raw.<name>_quarantine` and `raw.<name>_runs`
    (`ingestion/common/records.py`). The connectors are listed in the dbt var
    `connectors`, and each has a source of that name (`_connectors__sources.yml`).
-#}

{#-
    One `select` of `columns` (name → SQL type) from the `table_suffix` table of
    every connector, `union all`. A connector that has not loaded yet has no
    table: it adds no row, and with no table at all the result is empty and typed.
-#}
{% macro union_connector_tables(table_suffix, columns) -%}
    {%- set selects = [] -%}
    {%- for connector in var('connectors') -%}
        {%- set relation = source(connector, connector ~ '_' ~ table_suffix) -%}
        {#- At parse time (no warehouse) every table and column is assumed present. -#}
        {%- set exists = true -%}
        {%- set present = columns.keys() | list -%}
        {%- if execute -%}
            {%- set exists = adapter.get_relation(relation.database, relation.schema, relation.identifier) is not none -%}
            {%- if exists -%}
                {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
            {%- endif -%}
        {%- endif -%}
        {%- if exists -%}
            {%- set select -%}
    select
        '{{ connector }}' as connector,
        {%- for name in columns %}
        {{ name if name in present else 'cast(null as ' ~ columns[name] ~ ')' }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
            {%- endset -%}
            {%- do selects.append(select) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if selects -%}
        {{ selects | join('\n    union all\n') }}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as connector,
        {%- for name in columns %}
        cast(null as {{ columns[name] }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    where 1 = 0
    {%- endif -%}
{%- endmacro %}


{#- The type of a timestamp with time zone, as the connectors' raw tables hold them (portable: plain timestamp). -#}
{% macro type_timestamp_tz() -%}
    {{ return(adapter.dispatch('type_timestamp_tz', 'ecoute')()) }}
{%- endmacro %}

{% macro default__type_timestamp_tz() -%}
    timestamp
{%- endmacro %}

{% macro duckdb__type_timestamp_tz() -%}
    timestamptz
{%- endmacro %}
