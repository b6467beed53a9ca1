-- One row per intent, language and SQL dialect: the rule's query and its compiled predicate.

with source as (

    select * from {{ source('listening', 'listening_intent_rules') }}

),

renamed as (

    select
        -- ids
        cast(intent as {{ dbt.type_string() }}) as intent,
        cast(lang as {{ dbt.type_string() }}) as lang,

        -- dimensions
        cast(dialect as {{ dbt.type_string() }}) as dialect,
        {{ blank_as_null('description') }} as description,
        cast(query as {{ dbt.type_string() }}) as query,
        cast(predicate as {{ dbt.type_string() }}) as predicate

    from source

)

select * from renamed
