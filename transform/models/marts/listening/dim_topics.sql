-- One row per topic of listening.yml, with its competitive sets, its query and
-- the version of its matching, with when that version took effect.

with topics as (

    select * from {{ ref('stg_listening__topics') }}

),

memberships as (

    select * from {{ ref('stg_listening__topic_competitive_sets') }}

),

versions as (

    select * from {{ ref('stg_listening__topic_versions') }}

),

competitive_sets as (

    select
        topic_id,
        {{ dbt.listagg('competitive_set', "','", 'order by competitive_set') }} as competitive_sets
    from memberships
    group by topic_id

),

versions_in_force as (

    select
        topic_id,
        query_version,
        valid_from as query_version_since
    from versions
    where valid_to is null

),

version_counts as (

    select
        topic_id,
        count(*) as query_versions
    from versions
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
        topics.query,
        topics.effective_query,
        topics.query_version,
        topics.exclude_presets,

        -- measures
        cast(coalesce(version_counts.query_versions, 1) as {{ dbt.type_bigint() }}) as query_versions,

        -- timestamps (UTC)
        versions_in_force.query_version_since

    from topics
    left join competitive_sets
        on competitive_sets.topic_id = topics.topic_id
    left join versions_in_force
        on versions_in_force.topic_id = topics.topic_id
        and versions_in_force.query_version = topics.query_version
    left join version_counts
        on version_counts.topic_id = topics.topic_id

)

select * from final
