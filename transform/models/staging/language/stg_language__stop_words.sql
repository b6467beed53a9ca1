-- One row per stop word (folded), whatever its language: a keyword is never one
-- of them, since posts mix languages and a stop word of one language is rarely
-- a meaningful word of another.

with source as (

    select * from {{ source('language', 'stop_words') }}

),

final as (

    select distinct
        cast(term as {{ dbt.type_string() }}) as term
    from source

)

select * from final
