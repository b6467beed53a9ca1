-- One row per language and marker word, normalised as the identifier reads text.

with source as (

    select * from {{ source('language', 'language_markers') }}

),

normalized as (

    select
        cast(lang as {{ dbt.type_string() }}) as lang,
        {{ normalize_for_language('term') }} as term,
        cast(weight as double) as weight
    from source

),

final as (

    select
        lang,
        term,
        max(weight) as weight
    from normalized
    where term <> ''
    group by lang, term

)

select * from final
