-- One row per mention an analyst corrected: the latest correction of its
-- sentiment and the latest correction of its intents, each with who and when.
-- A sentiment correction and an intents correction are independent: correcting
-- one later does not undo the other. Ties in time go to the larger correction id,
-- so the result never depends on load order. Corrections of mentions the
-- warehouse does not hold are left out here (`fct_corrections` shows them).

with corrections as (

    select * from {{ ref('stg_corrections__corrections') }}

),

mentions as (

    select mention_id from {{ ref('int_mentions_unioned') }}

),

sentiment_corrections as (

    select
        mention_id,
        correction_id,
        corrected_sentiment,
        corrected_by,
        corrected_at,
        row_number() over (
            partition by mention_id order by corrected_at desc, correction_id desc
        ) as recency_rank
    from corrections
    where corrected_sentiment is not null

),

intents_corrections as (

    select
        mention_id,
        correction_id,
        corrected_intents,
        corrected_by,
        corrected_at,
        row_number() over (
            partition by mention_id order by corrected_at desc, correction_id desc
        ) as recency_rank
    from corrections
    where corrected_intents is not null

),

latest_sentiment as (

    select * from sentiment_corrections where recency_rank = 1

),

latest_intents as (

    select * from intents_corrections where recency_rank = 1

),

final as (

    select
        -- ids
        mentions.mention_id,
        latest_sentiment.correction_id as sentiment_correction_id,
        latest_intents.correction_id as intents_correction_id,

        -- dimensions
        latest_sentiment.corrected_sentiment,
        latest_sentiment.corrected_by as sentiment_corrected_by,
        latest_intents.corrected_intents,
        latest_intents.corrected_by as intents_corrected_by,

        -- timestamps (UTC)
        latest_sentiment.corrected_at as sentiment_corrected_at,
        latest_intents.corrected_at as intents_corrected_at

    from mentions
    left join latest_sentiment
        on latest_sentiment.mention_id = mentions.mention_id
    left join latest_intents
        on latest_intents.mention_id = mentions.mention_id
    where latest_sentiment.mention_id is not null
        or latest_intents.mention_id is not null

)

select * from final
