-- One row per fingerprint (a distinct normalised text) that nearly copies an
-- earlier one: syndicated news with an agency credit added, copypasta with a
-- word changed. Found without comparing every pair of texts, in four steps:
--
-- 1. shingles: the distinct word pairs of each text of at least `min_words`
--    words (shorter texts, "j'adore Air Aurore", repeat by chance);
-- 2. MinHash: `bands` × `rows_per_band` MinHashes per text (macro `min_hash`:
--    the smallest shingle hash under a seeded hash function). Two texts share
--    one MinHash with a probability equal to their Jaccard similarity;
-- 3. LSH: a text's MinHashes cut into `bands` bands, each hashed into a bucket
--    key. Texts sharing a bucket are candidates. Each text is paired with the
--    earliest and the previous text (in time) of each of its buckets, not with
--    every bucket member: at most two candidates per band, so the pairs stay
--    linear in the number of texts (a bucket of a thousand template-like texts
--    would otherwise make half a million pairs). The previous text finds a
--    source published the same day when older look-alikes fill the bucket;
-- 4. verification: the exact Jaccard similarity of the two shingle sets, at
--    least `similarity_threshold`, and the later text first seen at most
--    `window_hours` after the earlier one was last seen.
--
-- Each text attaches to the earliest of its verified candidates (its parent,
-- always an earlier text), and `root_fingerprint` follows parents to the
-- earliest text of the chain by pointer jumping: each of the `hops` steps
-- doubles the distance followed (2^hops texts), so no iterative graph closure
-- runs. Near copies of near copies chain rarely (a copy mostly meets its source
-- in a bucket); the singular test `assert_near_duplicate_chains_are_resolved`
-- fails if a chain ever outgrows the hops.

-- Word pairs, similarity 0.8: one word changed in a 30-word text keeps 27 of 31
-- distinct pairs (0.87), an agency credit added to a 15-word lede 14 of 16
-- (0.88); two posts of one template with different words in two places fall
-- under 0.7 and stay apart. With 10 bands of 5 MinHashes, a pair at 0.8 becomes
-- a candidate with probability 1 - (1 - 0.8^5)^10 = 0.98, a pair at 0.5 with 0.27.
{%- set min_words = 6 %}
{%- set similarity_threshold = 0.8 %}
{%- set bands = 10 %}
{%- set rows_per_band = 5 %}
-- Syndicated copies come out the same day, copypasta spreads within hours: a
-- similar sentence weeks later is more often two people saying the same thing.
{%- set window_hours = 24 %}
{%- set hops = 5 %}

{#- Each band's MinHashes hashed into one bucket key; the bands form an array, so one pass
    computes every MinHash once and the array then becomes a row per band. #}
{%- set band_keys = [] %}
{%- for band in range(bands) %}
    {%- set band_min_hashes = [] %}
    {%- for seed in range(band * rows_per_band, (band + 1) * rows_per_band) %}
        {%- do band_min_hashes.append(ecoute.min_hash('shingles', seed)) %}
    {%- endfor %}
    {%- do band_keys.append(ecoute.hash_values(band_min_hashes)) %}
{%- endfor %}

with fingerprinted as (

    select * from {{ ref('int_mentions_fingerprinted') }}

),

mentions as (

    select
        mention_id,
        published_at
    from {{ ref('int_mentions_unioned') }}

),

texts as (

    select
        fingerprinted.fingerprint,
        min(fingerprinted.duplicate_text) as duplicate_text,
        min(mentions.published_at) as first_published_at,
        max(mentions.published_at) as last_published_at
    from fingerprinted
    inner join mentions
        on mentions.mention_id = fingerprinted.mention_id
    where fingerprinted.words >= {{ min_words }}
        and not fingerprinted.is_link_only
    group by fingerprinted.fingerprint

),

tokenized as (

    select
        fingerprint,
        first_published_at,
        last_published_at,
        {{ ecoute.split_tokens('duplicate_text') }} as tokens
    from texts

),

shingled as (

    select
        fingerprint,
        first_published_at,
        last_published_at,
        {{ ecoute.word_pair_hashes('tokens') }} as shingles
    from tokenized

),

signatures as (

    select
        fingerprint,
        first_published_at,
        {{ dbt.array_construct(band_keys) }} as buckets
    from shingled

),

banded as (

    select
        fingerprint,
        first_published_at,
        {{ ecoute.unnest_with_position('buckets', 'bucket', 'band') }}
    from signatures

),

bucket_neighbours as (

    select
        fingerprint,
        first_value(fingerprint) over (
            partition by band, bucket
            order by first_published_at, fingerprint
            rows between unbounded preceding and current row
        ) as first_fingerprint,
        lag(fingerprint) over (
            partition by band, bucket
            order by first_published_at, fingerprint
        ) as previous_fingerprint
    from banded

),

candidates as (

    select
        fingerprint,
        first_fingerprint as candidate_fingerprint
    from bucket_neighbours
    where first_fingerprint <> fingerprint
    union
    select
        fingerprint,
        previous_fingerprint as candidate_fingerprint
    from bucket_neighbours
    where previous_fingerprint is not null

),

pairs as (

    select
        candidates.fingerprint,
        candidates.candidate_fingerprint,
        candidate.first_published_at as candidate_published_at,
        {{ ecoute.array_length('later.shingles') }} as text_shingles,
        {{ ecoute.array_length('candidate.shingles') }} as candidate_shingles,
        {{ ecoute.array_overlap_count('later.shingles', 'candidate.shingles') }} as shared_shingles
    from candidates
    inner join shingled as later
        on later.fingerprint = candidates.fingerprint
    inner join shingled as candidate
        on candidate.fingerprint = candidates.candidate_fingerprint
    where later.first_published_at <= {{ dbt.dateadd('hour', window_hours, 'candidate.last_published_at') }}

),

verified as (

    select
        fingerprint,
        candidate_fingerprint,
        candidate_published_at,
        cast(shared_shingles as double)
        / (text_shingles + candidate_shingles - shared_shingles) as similarity
    from pairs

),

parents as (

    select
        fingerprint,
        candidate_fingerprint as matched_fingerprint,
        similarity,
        row_number() over (
            partition by fingerprint
            order by candidate_published_at, candidate_fingerprint
        ) as candidate_rank
    from verified
    where similarity >= {{ similarity_threshold }}

),

hop_0 as (

    select
        fingerprint,
        matched_fingerprint as root_fingerprint
    from parents
    where candidate_rank = 1

),

{%- for hop in range(1, hops + 1) %}

hop_{{ hop }} as (

    select
        descendant.fingerprint,
        coalesce(ancestor.root_fingerprint, descendant.root_fingerprint) as root_fingerprint
    from hop_{{ hop - 1 }} as descendant
    left join hop_{{ hop - 1 }} as ancestor
        on ancestor.fingerprint = descendant.root_fingerprint

),
{%- endfor %}

final as (

    select
        -- ids
        parents.fingerprint,
        parents.matched_fingerprint,
        hop_{{ hops }}.root_fingerprint,

        -- measures
        parents.similarity

    from parents
    inner join hop_{{ hops }}
        on hop_{{ hops }}.fingerprint = parents.fingerprint
    where parents.candidate_rank = 1

)

select * from final
