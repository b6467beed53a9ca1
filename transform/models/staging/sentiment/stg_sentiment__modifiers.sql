-- One row per language and normalised modifying term, with its roles side by
-- side (a term listed under two roles keeps both).

with source as (

    select * from {{ source('sentiment', 'sentiment_modifiers') }}

),

normalized as (

    select
        cast(lang as {{ dbt.type_string() }}) as lang,
        lower(cast(role as {{ dbt.type_string() }})) as role,
        {{ normalize_for_sentiment('term') }} as term,
        cast(weight as double) as weight
    from source

),

final as (

    select
        lang,
        term,
        max(case when role = 'negator' then 1 else 0 end) = 1 as is_negator,
        max(case when role = 'contrast' then 1 else 0 end) = 1 as is_contrast,
        coalesce(avg(case when role in ('booster', 'diminisher') then weight end), 0) as boost
    from normalized
    where term <> ''
    group by lang, term

)

select * from final
