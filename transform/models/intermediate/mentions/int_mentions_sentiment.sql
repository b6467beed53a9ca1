-- One row per mention with the sentiment the marts show, and where it comes from:
--   * 'human': an analyst's latest correction (`int_mentions_corrected`); its
--     score is +1, 0 or -1 and its version names the correction;
--   * 'model': the local transformer model, when one is configured
--     (`int_mentions_model_scored`, `$ECOUTE_SENTIMENT_MODEL`);
--   * 'learned': the learned model of the mention's language, where one is in
--     use (`int_mentions_learned_scored`), which also weighs the lexicon's verdict;
--   * 'lexicon': the lexicon scorer (`int_mentions_scored`) everywhere else.
-- The lexicon's own score and label are kept beside, for comparison.

with lexicon as (

    select * from {{ ref('int_mentions_scored') }}

),

learned as (

    select * from {{ ref('int_mentions_learned_scored') }}

),

transformer as (

    select * from {{ ref('int_mentions_model_scored') }}

),

corrected as (

    select * from {{ ref('int_mentions_corrected') }}
    where corrected_sentiment is not null

),

final as (

    select
        lexicon.mention_id,
        case
            when corrected.mention_id is not null then
                case corrected.corrected_sentiment
                    when 'positive' then 1.0
                    when 'negative' then -1.0
                    else 0.0
                end
            when transformer.mention_id is not null then transformer.sentiment_score
            when learned.mention_id is not null then learned.sentiment_score
            else lexicon.sentiment_score
        end as sentiment_score,
        coalesce(
            corrected.corrected_sentiment,
            transformer.sentiment_label,
            learned.sentiment_label,
            lexicon.sentiment_label
        ) as sentiment_label,
        case
            when corrected.mention_id is not null then 'human'
            when transformer.mention_id is not null then 'model'
            when learned.mention_id is not null then 'learned'
            else lexicon.sentiment_source
        end as sentiment_source,
        case
            when corrected.mention_id is not null then 'human'
            when transformer.mention_id is not null then 'transformer'
            when learned.mention_id is not null then 'learned_v1'  -- ecoute.sentiment.learning.METHOD
            else lexicon.sentiment_method
        end as sentiment_method,
        case
            when corrected.mention_id is not null
                then {{ dbt.concat(["'correction-'", "corrected.sentiment_correction_id"]) }}
            when transformer.mention_id is not null then transformer.sentiment_model_version
            when learned.mention_id is not null then learned.sentiment_model_version
            else lexicon.sentiment_model_version
        end as sentiment_model_version,
        lexicon.sentiment_score as lexicon_sentiment_score,
        lexicon.sentiment_label as lexicon_sentiment_label
    from lexicon
    left join learned
        on learned.mention_id = lexicon.mention_id
    left join transformer
        on transformer.mention_id = lexicon.mention_id
    left join corrected
        on corrected.mention_id = lexicon.mention_id

)

select * from final
