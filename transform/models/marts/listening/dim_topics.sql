-- One row per topic of listening.yml, with its competitive sets and keyword counts.

with topics as (

    select * from {{ ref('stg_listening__topics') }}

),

keywords as (

    select * from {{ ref('stg_listening__topic_keywords') }}

),

memberships as (

    select * from {{ ref('stg_listening__topic_competitive_sets') }}

),

keyword_counts as (

    select
        topic_id,
        sum(case when is_exclusion then 0 else 1 end) as keyword_count,
        sum(case when is_exclusion then 1 else 0 end) as exclusion_count
    from keywords
    group by topic_id

),

competitive_sets as (

    select
        topic_id,
        {{ dbt.listagg('competitive_set', "','", 'order by competitive_set') }} as competitive_sets
    from memberships
    group by topic_id

),

final as (

    select
        -- ids
        topics.topic_id,

        -- dimensions
        topics.label,
        topics.kind,
        topics.description,
        competitive_sets.competitive_sets,

        -- measures
        cast(coalesce(keyword_counts.keyword_count, 0) as {{ dbt.type_bigint() }}) as keyword_count,
        cast(coalesce(keyword_counts.exclusion_count, 0) as {{ dbt.type_bigint() }}) as exclusion_count

    from topics
    left join keyword_counts
        on keyword_counts.topic_id = topics.topic_id
    left join competitive_sets
        on competitive_sets.topic_id = topics.topic_id

)

select * from final
