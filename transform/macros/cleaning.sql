{#
    Light cleaning used by staging models. Each macro has a portable `default__`
    version and a `duckdb__` one where DuckDB has a better tool. The `default__`
    versions that need regular expressions are written for Spark SQL (the next
    engine): Java regular expressions, backslashes escaped in string literals.
#}

{#-
    Plain text from the light HTML that APIs leave in posts: `<br>` and paragraph
    ends become line breaks, other tags (`<p>`, `<b>`, `<a href=…>`) are removed,
    and entities are decoded. Only what is shaped like a tag is touched, so "<3"
    and "a < b" survive.
-#}
{% macro decode_html(expr) -%}
    {{ return(adapter.dispatch('decode_html', 'ecoute')(expr)) }}
{%- endmacro %}

{#-
    `&amp;` is decoded last so that an escaped entity (`&amp;lt;`) decodes once,
    to the literal text `&lt;`, as a browser would show it.
-#}
{% macro _decode_html_entities(expr) -%}
    replace(replace(replace(replace(replace(replace(replace(replace(
        {{ expr }},
        '&quot;', '"'),
        '&#34;', '"'),
        '&#39;', ''''),
        '&apos;', ''''),
        '&lt;', '<'),
        '&gt;', '>'),
        '&nbsp;', ' '),
        '&amp;', '&')
{%- endmacro %}

{% macro default__decode_html(expr) -%}
    {%- set without_tags -%}
        regexp_replace(
            regexp_replace({{ expr }}, '(?i)<br\\s*/?>|</p\\s*>', chr(10)),
            '</?[A-Za-z][A-Za-z0-9]*(\\s[^>]*)?/?>', ''
        )
    {%- endset -%}
    {{ ecoute._decode_html_entities(without_tags) }}
{%- endmacro %}

{% macro duckdb__decode_html(expr) -%}
    {%- set without_tags -%}
        regexp_replace(
            regexp_replace({{ expr }}, '<br\s*/?>|</p\s*>', chr(10), 'gi'),
            '</?[a-z][a-z0-9]*(\s[^>]*)?/?>', '', 'gi'
        )
    {%- endset -%}
    {{ ecoute._decode_html_entities(without_tags) }}
{%- endmacro %}


{#-
    A language tag as a lower-case ISO 639-1 code: 'FR' → 'fr', 'fr-FR' → 'fr',
    'en_GB' → 'en'; anything else ('und', '', null, 'fra', 'zh-Hant-x') → null,
    because unknown is more honest than a guess.
-#}
{% macro normalize_language(expr) -%}
    {{ return(adapter.dispatch('normalize_language', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__normalize_language(expr) -%}
    {%- set primary_subtag -%}
        {{ dbt.split_part("replace(lower(trim(" ~ expr ~ ")), '_', '-')", "'-'", 1) }}
    {%- endset -%}
    case
        when {{ dbt.length(primary_subtag) }} = 2
            and substring({{ primary_subtag }}, 1, 1) between 'a' and 'z'
            and substring({{ primary_subtag }}, 2, 1) between 'a' and 'z'
            then {{ primary_subtag }}
    end
{%- endmacro %}

{% macro duckdb__normalize_language(expr) -%}
    nullif(regexp_extract(lower(trim({{ expr }})), '^([a-z]{2})(?:[-_].*)?$', 1), '')
{%- endmacro %}


{#- A timestamp with time zone as a timestamp without one, in UTC. -#}
{% macro to_utc_timestamp(expr) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'ecoute')(expr)) }}
{%- endmacro %}

{#- Engines without time-zone-aware types (Spark) must run with a UTC session time zone. -#}
{% macro default__to_utc_timestamp(expr) -%}
    cast({{ expr }} as timestamp)
{%- endmacro %}

{% macro duckdb__to_utc_timestamp(expr) -%}
    timezone('UTC', {{ expr }})
{%- endmacro %}


{#-
    The time a dlt load started, from its `_dlt_load_id` (Unix epoch seconds as a
    string, e.g. '1732312345.123456'), as a UTC timestamp.
-#}
{% macro dlt_load_time(load_id) -%}
    {{ return(adapter.dispatch('dlt_load_time', 'ecoute')(load_id)) }}
{%- endmacro %}

{% macro default__dlt_load_time(load_id) -%}
    {{ dbt.dateadd('second', 'cast(' ~ load_id ~ ' as double)', "cast('1970-01-01 00:00:00' as timestamp)") }}
{%- endmacro %}

{% macro duckdb__dlt_load_time(load_id) -%}
    timezone('UTC', to_timestamp(cast({{ load_id }} as double)))
{%- endmacro %}


{#- Text without leading or trailing spaces, tabs and line breaks (SQL-standard `trim`). -#}
{% macro trim_whitespace(expr) -%}
    trim(both concat(' ', chr(9), chr(10), chr(13)) from {{ expr }})
{%- endmacro %}

{#- Text trimmed of whitespace, null when nothing is left: an empty author name is no name. -#}
{% macro blank_as_null(expr) -%}
    nullif({{ ecoute.trim_whitespace(expr) }}, '')
{%- endmacro %}


{#-
    `column_name` of `relation` when the relation has it, else a typed null.
    For columns a loader adds only in some modes: dlt writes `_dlt_load_id` on
    rows it normalises itself, not on Arrow tables unless asked to
    (`normalize.parquet_normalizer.add_dlt_load_id`). Resolved when the model
    runs; at parse time (no warehouse) the column is assumed present.
-#}
{% macro column_or_null(relation, column_name, data_type) -%}
    {%- set present = true -%}
    {%- if execute -%}
        {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
        {%- set present = column_name | lower in columns -%}
    {%- endif -%}
    {%- if present -%}
        {{ column_name }}
    {%- else -%}
        cast(null as {{ data_type }})
    {%- endif -%}
{%- endmacro %}
