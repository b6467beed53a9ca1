-- One row per (topic, competitive set) membership.

with source as (

    select * from {{ source('listening', 'listening_topic_competitive_sets') }}

),

renamed as (

    select
        -- ids
        cast(topic_id as {{ dbt.type_string() }}) as topic_id,
        cast(competitive_set as {{ dbt.type_string() }}) as competitive_set

    from source

)

select * from renamed
