-- One row per competitive set of listening.yml.

with source as (

    select * from {{ source('listening', 'listening_competitive_sets') }}

),

renamed as (

    select
        -- ids
        cast(competitive_set as {{ dbt.type_string() }}) as competitive_set,

        -- dimensions
        {{ blank_as_null('description') }} as description

    from source

)

select * from renamed
