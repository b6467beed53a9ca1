-- One row per correction an analyst made, typed, in load order.

with source as (

    select * from {{ source('corrections', 'corrections') }}

),

renamed as (

    select
        -- ids
        cast(correction_id as {{ dbt.type_string() }}) as correction_id,
        cast(mention_id as {{ dbt.type_string() }}) as mention_id,

        -- dimensions
        cast(sentiment as {{ dbt.type_string() }}) as corrected_sentiment,
        cast(intents as {{ dbt.type_string() }}) as corrected_intents,
        cast(corrected_by as {{ dbt.type_string() }}) as corrected_by,
        cast(reason as {{ dbt.type_string() }}) as reason,
        cast(origin as {{ dbt.type_string() }}) as origin,

        -- timestamps (UTC)
        {{ to_utc_timestamp('corrected_at') }} as corrected_at

    from source

)

select * from renamed
