-- One row per mention with the fingerprint duplicate detection compares: its
-- title and text without what copying changes (macro `duplicate_text`: URLs,
-- @handles, a leading "RT", case, accents, punctuation and spacing), hashed.
-- Two mentions with one fingerprint are exact copies of each other.
--
-- A post that is (almost) nothing but a link ("👉 https://bit.ly/x") keeps its
-- link in the fingerprint: only the same link posted again is a copy, not every
-- bare link. `words` counts the words left; near-duplicate matching
-- (`int_fingerprints_near_matched`) reads the texts long enough to compare.
--
-- Texts are normalised once per distinct text: copies, reshares and bots make
-- many mentions share one, and the regular expressions are the cost here.

{%- set max_link_only_words = 2 %}

with mentions as (

    select
        mention_id,
        concat(coalesce(title, ''), ' ', coalesce(text, '')) as full_text
    from {{ ref('int_mentions_unioned') }}

),

distinct_texts as (

    select distinct full_text
    from mentions

),

normalized as (

    select
        full_text,
        {{ ecoute.duplicate_text('full_text') }} as duplicate_text,
        {{ ecoute.has_url('full_text') }} as has_link
    from distinct_texts

),

counted as (

    select
        full_text,
        duplicate_text,
        has_link,
        case
            when duplicate_text = '' then 0
            else {{ ecoute.array_length(ecoute.split_tokens('duplicate_text')) }}
        end as words
    from normalized

),

fingerprinted as (

    select
        full_text,
        duplicate_text,
        words,
        has_link,
        has_link and words <= {{ max_link_only_words }} as is_link_only,
        {{ dbt.hash(
            "case when words = 0 or (has_link and words <= " ~ max_link_only_words ~ ")"
            ~ " then lower(" ~ ecoute.trim_whitespace('full_text') ~ ") else duplicate_text end"
        ) }} as fingerprint
    from counted

),

final as (

    select
        -- ids
        mentions.mention_id,
        fingerprinted.fingerprint,

        -- dimensions
        fingerprinted.duplicate_text,
        fingerprinted.has_link,
        fingerprinted.is_link_only,

        -- measures
        fingerprinted.words

    from mentions
    inner join fingerprinted
        on fingerprinted.full_text = mentions.full_text

)

select * from final
