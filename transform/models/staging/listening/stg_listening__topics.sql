-- One row per topic of listening.yml, with its query and the version of its matching.

with source as (

    select * from {{ source('listening', 'listening_topics') }}

),

renamed as (

    select
        -- ids
        cast(topic_id as {{ dbt.type_string() }}) as topic_id,

        -- dimensions
        cast(label as {{ dbt.type_string() }}) as label,
        lower(cast(kind as {{ dbt.type_string() }})) as kind,
        {{ blank_as_null('description') }} as description,
        cast(query as {{ dbt.type_string() }}) as query,
        cast(effective_query as {{ dbt.type_string() }}) as effective_query,
        cast(query_version as {{ dbt.type_string() }}) as query_version,
        {{ blank_as_null('exclude_presets') }} as exclude_presets

    from source

)

select * from renamed
