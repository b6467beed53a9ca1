-- One row per mention in a language whose learned model is in use
-- (`int_sentiment_learned_weights`): the model's probabilities and label.
--
-- A mention's logit for each label is the model's intercept, plus the weights
-- of the lexicon's verdict (score × its weight, and the weight of "the lexicon
-- said positive" or "… negative"), plus the weights of its distinct tokens
-- (`sentiment_tokens`, as in training). Probabilities are the softmax of the
-- logits; the label is the likeliest; the score is P(positive) − P(negative),
-- in [-1, 1] like the lexicon's.

with weights as (

    select * from {{ ref('int_sentiment_learned_weights') }}
    where is_in_use

),

models as (

    select distinct
        lang,
        model_version
    from weights

),

mentions as (

    select
        unioned.mention_id,
        models.lang,
        models.model_version,
        lexicon.sentiment_score as lexicon_score,
        lexicon.sentiment_label as lexicon_label,
        concat(coalesce(unioned.title, ''), ' ', coalesce(unioned.text, '')) as full_text
    from {{ ref('int_mentions_unioned') }} as unioned
    inner join {{ ref('int_mentions_languages') }} as languages
        on languages.mention_id = unioned.mention_id
    inner join models
        on models.lang = languages.lang
    inner join {{ ref('int_mentions_scored') }} as lexicon
        on lexicon.mention_id = unioned.mention_id

),

tokenized as (

    select
        mention_id,
        lang,
        {{ sentiment_tokens('full_text') }} as tokens
    from mentions

),

tokens as (

    select distinct
        mention_id,
        lang,
        token
    from (
        select
            mention_id,
            lang,
            {{ unnest_with_position('tokens', 'token', 'token_position') }}
        from tokenized
    ) as positioned

),

token_logits as (

    select
        tokens.mention_id,
        weights.label,
        sum(weights.weight) as logit
    from tokens
    inner join weights
        on weights.lang = tokens.lang
        and weights.feature = tokens.token
        and weights.feature_kind = 'token'
    group by tokens.mention_id, weights.label

),

base_logits as (

    select
        mentions.mention_id,
        mentions.model_version,
        weights.label,
        sum(
            case weights.feature_kind
                when 'intercept' then weights.weight
                when 'lexicon_score' then weights.weight * mentions.lexicon_score
                when 'lexicon_positive' then
                    case when mentions.lexicon_label = 'positive' then weights.weight else 0 end
                when 'lexicon_negative' then
                    case when mentions.lexicon_label = 'negative' then weights.weight else 0 end
                else 0
            end
        ) as logit
    from mentions
    inner join weights
        on weights.lang = mentions.lang
        and weights.feature_kind <> 'token'
    group by mentions.mention_id, mentions.model_version, weights.label

),

logits as (

    select
        base_logits.mention_id,
        base_logits.model_version,
        base_logits.label,
        base_logits.logit + coalesce(token_logits.logit, 0) as logit
    from base_logits
    left join token_logits
        on token_logits.mention_id = base_logits.mention_id
        and token_logits.label = base_logits.label

),

-- Shifted by the largest logit of the mention before exponentiation (no overflow).
shifted as (

    select
        mention_id,
        model_version,
        label,
        exp(logit - max(logit) over (partition by mention_id)) as odds
    from logits

),

probabilities as (

    select
        mention_id,
        model_version,
        label,
        odds / sum(odds) over (partition by mention_id) as probability,
        row_number() over (partition by mention_id order by odds desc, label) as likelihood_rank
    from shifted

),

final as (

    select
        mention_id,
        max(model_version) as sentiment_model_version,
        max(case when likelihood_rank = 1 then label end) as sentiment_label,
        sum(case when label = 'positive' then probability else 0 end) as positive_probability,
        sum(case when label = 'negative' then probability else 0 end) as negative_probability,
        sum(case when label = 'positive' then probability else 0 end)
        - sum(case when label = 'negative' then probability else 0 end) as sentiment_score
    from probabilities
    group by mention_id

)

select * from final
