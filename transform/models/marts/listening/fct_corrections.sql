-- One row per correction an analyst ever made (the audit trail), with whether it
-- is the one in force for its mention and what the lexicon scorer says.

with corrections as (

    select * from {{ ref('stg_corrections__corrections') }}

),

in_force as (

    select * from {{ ref('int_mentions_corrected') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

final as (

    select
        -- ids
        corrections.correction_id,
        corrections.mention_id,

        -- dimensions
        corrections.corrected_sentiment,
        corrections.corrected_intents,
        corrections.corrected_by,
        corrections.reason,
        corrections.origin,
        mentions.mention_id is not null as is_known_mention,
        coalesce(
            in_force.sentiment_correction_id = corrections.correction_id
            or in_force.intents_correction_id = corrections.correction_id,
            false
        ) as is_in_force,
        mentions.lang,
        mentions.lexicon_sentiment_label,

        -- timestamps (UTC)
        corrections.corrected_at

    from corrections
    left join in_force
        on in_force.mention_id = corrections.mention_id
    left join mentions
        on mentions.mention_id = corrections.mention_id

)

select * from final
