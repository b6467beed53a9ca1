-- One row per mention whose sentiment an analyst corrected: what the learned
-- layer trains on. The label is the analyst's; the features are those the
-- layer scores every mention with (`int_mentions_learned_scored`): the tokens
-- of `sentiment_tokens` and the lexicon's score and label.

with corrected as (

    select * from {{ ref('int_mentions_corrected') }}
    where corrected_sentiment is not null

),

mentions as (

    select * from {{ ref('int_mentions_unioned') }}

),

languages as (

    select * from {{ ref('int_mentions_languages') }}

),

lexicon as (

    select * from {{ ref('int_mentions_scored') }}

),

final as (

    select
        -- ids
        corrected.mention_id,

        -- dimensions
        languages.lang,
        corrected.corrected_sentiment as label,
        lexicon.sentiment_label as lexicon_label,
        {{ sentiment_tokens("concat(coalesce(mentions.title, ''), ' ', coalesce(mentions.text, ''))") }} as tokens,

        -- measures
        lexicon.sentiment_score as lexicon_score

    from corrected
    inner join mentions
        on mentions.mention_id = corrected.mention_id
    inner join languages
        on languages.mention_id = corrected.mention_id
    inner join lexicon
        on lexicon.mention_id = corrected.mention_id

)

select * from final
