-- One row per (mention, topic) where the mention matches the topic's effective
-- query (its query, minus its exclusions and presets). Each topic's query arrives
-- compiled to a SQL predicate over `int_mentions_matchable`; one select per
-- topic, all reading the same prepared columns. The table is rebuilt from all
-- stored mentions on every run, so a changed query re-matches history.
--
-- Each select reads the model itself rather than a shared import CTE: DuckDB
-- materialises a CTE referenced several times, which doubled the time of this
-- model at 1M mentions (benchmarks/README.md).

{%- set predicates = ecoute.compiled_predicates(ref('stg_listening__topic_predicates'), ['topic_id']) %}

with matched as (

    {%- for topic_id, predicate in predicates %}

    select
        mention_id,
        '{{ topic_id }}' as topic_id
    from {{ ref('int_mentions_matchable') }}
    where {{ predicate }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- else %}

    select
        mention_id,
        cast(null as {{ dbt.type_string() }}) as topic_id
    from {{ ref('int_mentions_matchable') }}
    where 1 = 0
    {%- endfor %}

)

select * from matched
