{#
    Calendar periods in the reporting time zone (`reporting.timezone` of
    listening.yml). Timestamps in the models are UTC without a zone; a mart's day
    is the reader's day, so a post at 23:30 UTC on 31 August is a 1 September
    post in Paris.
#}

{#- The calendar date of a UTC timestamp in the IANA time zone `timezone` (an expression). -#}
{% macro local_date(utc_timestamp, timezone) -%}
    {{ return(adapter.dispatch('local_date', 'ecoute')(utc_timestamp, timezone)) }}
{%- endmacro %}

{% macro default__local_date(utc_timestamp, timezone) -%}
    to_date(from_utc_timestamp({{ utc_timestamp }}, {{ timezone }}))
{%- endmacro %}

{#- timezone('UTC', ts) reads the naive timestamp as UTC whatever the session's zone is. -#}
{% macro duckdb__local_date(utc_timestamp, timezone) -%}
    cast(timezone({{ timezone }}, timezone('UTC', {{ utc_timestamp }})) as date)
{%- endmacro %}
