-- One row per post of the demo feed: renamed, typed and lightly cleaned.
-- Nothing is invented: a value the API did not give stays null.

with source as (

    select * from {{ source('demo', 'demo_mentions') }}

),

renamed as (

    select
        -- ids
        cast(post_id as {{ dbt.type_string() }}) as post_id,
        cast(author_id as {{ dbt.type_string() }}) as author_id,
        cast(reshare_of_post_id as {{ dbt.type_string() }}) as reshare_of_post_id,

        -- dimensions
        lower({{ trim_whitespace('platform') }}) as platform,
        {{ blank_as_null('url') }} as url,
        {{ normalize_language('lang') }} as lang,
        {{ blank_as_null('author_handle') }} as author_handle,
        {{ blank_as_null(decode_html('author_name')) }} as author_name,
        upper({{ blank_as_null('author_country') }}) as author_country,
        {{ blank_as_null(decode_html('title')) }} as title,
        {{ trim_whitespace(decode_html('text')) }} as text,

        -- measures
        cast(author_followers as {{ dbt.type_bigint() }}) as author_followers,
        cast(like_count as {{ dbt.type_bigint() }}) as likes,
        cast(share_count as {{ dbt.type_bigint() }}) as shares,
        cast(comment_count as {{ dbt.type_bigint() }}) as comments,

        -- timestamps
        {{ to_utc_timestamp('created_at') }} as published_at,
        {{ dlt_load_time(column_or_null(source('demo', 'demo_mentions'), '_dlt_load_id', dbt.type_string())) }} as loaded_at

    from source

)

select * from renamed
