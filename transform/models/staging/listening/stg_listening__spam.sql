-- The spam settings of listening.yml: exactly one row.

with source as (

    select * from {{ source('listening', 'listening_spam') }}

),

renamed as (

    select
        cast(exclusion_threshold as double) as spam_exclusion_threshold

    from source

)

select * from renamed
