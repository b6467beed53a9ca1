-- One row per post or comment loaded by a source connector (RSS/Atom, Reddit,
-- Hacker News, Mastodon, Bluesky, YouTube, X, file drops): every connector
-- writes the same raw shape (`ingestion/common/records.py`), mapped here onto
-- the mention contract's names, typed and lightly cleaned. The connectors are
-- the dbt var `connectors`; one that has not loaded yet adds no row.

{%- set string = dbt.type_string() %}
{%- set bigint = dbt.type_bigint() %}
{%- set timestamp_tz = type_timestamp_tz() %}

with source as (

    {{ union_connector_tables('mentions', {
        'post_id': string, 'query': string, 'platform': string, 'url': string, 'lang': string,
        'author_id': string, 'author_handle': string, 'author_name': string,
        'author_followers': bigint, 'title': string, 'text': string, 'likes': bigint,
        'shares': bigint, 'comments': bigint, 'published_at': timestamp_tz,
        'parent_post_id': string, 'thread_id': string, 'reshare_of_post_id': string,
        '_dlt_load_id': string,
    }) }}

),

renamed as (

    select
        -- ids (the service's own, unique within the connector)
        connector,
        cast(post_id as {{ string }}) as post_id,
        coalesce({{ blank_as_null('author_id') }}, {{ blank_as_null('author_handle') }}) as author_id,
        {{ blank_as_null('reshare_of_post_id') }} as reshare_of_post_id,
        {{ blank_as_null('parent_post_id') }} as parent_post_id,
        {{ blank_as_null('thread_id') }} as thread_id,
        query as connector_query,

        -- dimensions
        lower({{ trim_whitespace('platform') }}) as platform,
        {{ blank_as_null('url') }} as url,
        {{ normalize_language('lang') }} as lang,
        {{ blank_as_null('author_handle') }} as author_handle,
        {{ blank_as_null('author_name') }} as author_name,
        cast(null as {{ string }}) as author_country,
        {{ blank_as_null('title') }} as title,
        coalesce({{ trim_whitespace('text') }}, '') as text,

        -- measures
        author_followers,
        likes,
        shares,
        comments,

        -- timestamps (UTC: the connectors convert)
        {{ to_utc_timestamp('published_at') }} as published_at,
        {{ dlt_load_time('_dlt_load_id') }} as loaded_at

    from source

)

select * from renamed
