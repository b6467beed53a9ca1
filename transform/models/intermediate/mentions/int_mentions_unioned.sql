-- The mention contract: one row per mention from every source, in one shape.
-- Adding a source is one more CTE below, selecting the same columns in the same
-- order from its staging model, and one more `union all`. The source connectors
-- (`ingestion/<service>/`) all come through `stg_connectors__mentions`.

with demo_mentions as (

    select
        'demo' as source,
        post_id as source_post_id,
        author_id as source_author_id,
        reshare_of_post_id as reshare_of_source_post_id,
        cast(null as {{ dbt.type_string() }}) as parent_source_post_id,
        cast(null as {{ dbt.type_string() }}) as thread_source_post_id,
        platform,
        url,
        lang,
        author_handle,
        author_name,
        author_country,
        title,
        text,
        author_followers,
        likes,
        shares,
        comments,
        published_at,
        loaded_at
    from {{ ref('stg_demo__mentions') }}

),

connector_mentions as (

    select
        connector as source,
        post_id as source_post_id,
        author_id as source_author_id,
        reshare_of_post_id as reshare_of_source_post_id,
        parent_post_id as parent_source_post_id,
        thread_id as thread_source_post_id,
        platform,
        url,
        lang,
        author_handle,
        author_name,
        author_country,
        title,
        text,
        author_followers,
        likes,
        shares,
        comments,
        published_at,
        loaded_at
    from {{ ref('stg_connectors__mentions') }}

),

unioned as (

    select * from demo_mentions
    union all
    select * from connector_mentions

),

final as (

    select
        -- ids: qualified by source, so two sources can never collide
        concat(source, ':', source_post_id) as mention_id,
        source,
        source_post_id,
        concat(source, ':', source_author_id) as author_id,
        case
            when reshare_of_source_post_id is not null
                then concat(source, ':', reshare_of_source_post_id)
        end as reshare_of_mention_id,
        case
            when parent_source_post_id is not null
                then concat(source, ':', parent_source_post_id)
        end as parent_mention_id,
        case
            when thread_source_post_id is not null
                then concat(source, ':', thread_source_post_id)
        end as thread_mention_id,

        -- dimensions
        platform,
        url,
        lang,
        author_handle,
        author_name,
        author_country,
        title,
        text,

        -- measures
        author_followers,
        likes,
        shares,
        comments,

        -- timestamps (UTC)
        published_at,
        loaded_at

    from unioned

)

select * from final
