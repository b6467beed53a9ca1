-- One row per keyword of a topic, as written in listening.yml (normalised where it is matched).

with source as (

    select * from {{ source('listening', 'listening_topic_keywords') }}

),

renamed as (

    select
        -- ids
        cast(topic_id as {{ dbt.type_string() }}) as topic_id,

        -- dimensions
        cast(keyword as {{ dbt.type_string() }}) as keyword,
        cast(is_exclusion as {{ dbt.type_boolean() }}) as is_exclusion

    from source

)

select * from renamed
