-- The reporting settings of listening.yml: exactly one row.

with source as (

    select * from {{ source('listening', 'listening_reporting') }}

),

renamed as (

    select
        cast(timezone as {{ dbt.type_string() }}) as reporting_timezone

    from source

)

select * from renamed
