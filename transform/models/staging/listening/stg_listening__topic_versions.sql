-- One row per period during which a topic's matching (query version) stayed the same.

with source as (

    select * from {{ source('listening', 'listening_topic_versions') }}

),

renamed as (

    select
        -- ids
        cast(topic_id as {{ dbt.type_string() }}) as topic_id,

        -- dimensions
        cast(query_version as {{ dbt.type_string() }}) as query_version,

        -- timestamps (UTC)
        {{ to_utc_timestamp("_dlt_valid_from") }} as valid_from,
        {{ to_utc_timestamp("_dlt_valid_to") }} as valid_to

    from source

)

select * from renamed
