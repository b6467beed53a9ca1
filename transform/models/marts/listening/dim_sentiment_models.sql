-- One row per language with a learned sentiment model: version, size, quality, use.

with weights as (

    select * from {{ ref('int_sentiment_learned_weights') }}

),

final as (

    select
        lang,
        model_version,
        max(examples) as examples,
        count(distinct case when feature_kind = 'token' then feature end) as features,
        max(cv_macro_f1) as cv_macro_f1,
        max(lexicon_macro_f1) as lexicon_macro_f1,
        bool_or(is_in_use) as is_in_use,
        max(trained_at) as trained_at
    from weights
    group by lang, model_version

)

select * from final
