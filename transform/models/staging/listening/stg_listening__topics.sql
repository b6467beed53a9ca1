-- One row per topic of listening.yml.

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
        {{ blank_as_null('description') }} as description

    from source

)

select * from renamed
