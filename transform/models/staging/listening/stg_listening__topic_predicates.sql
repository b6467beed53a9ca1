-- One row per topic and SQL dialect: the compiled predicate of the topic's effective query.

with source as (

    select * from {{ source('listening', 'listening_topic_predicates') }}

),

renamed as (

    select
        -- ids
        cast(topic_id as {{ dbt.type_string() }}) as topic_id,

        -- dimensions
        cast(dialect as {{ dbt.type_string() }}) as dialect,
        cast(query_version as {{ dbt.type_string() }}) as query_version,
        cast(predicate as {{ dbt.type_string() }}) as predicate

    from source

)

select * from renamed
