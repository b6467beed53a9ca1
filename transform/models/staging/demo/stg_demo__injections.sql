-- One row per event the demo generator injected (ground truth for checking the marts).

with source as (

    select * from {{ source('demo', 'demo_injections') }}

),

renamed as (

    select
        -- ids
        cast(event_id as {{ dbt.type_string() }}) as event_id,

        -- dimensions
        cast(kind as {{ dbt.type_string() }}) as event_kind,
        cast(brand as {{ dbt.type_string() }}) as brand_label,
        cast(sentiment as {{ dbt.type_string() }}) as intended_sentiment,
        cast(day as date) as event_date,

        -- measures
        cast(mentions as {{ dbt.type_bigint() }}) as brand_mentions,
        cast(baseline_mentions as {{ dbt.type_bigint() }}) as baseline_mentions

    from source

)

select * from renamed
