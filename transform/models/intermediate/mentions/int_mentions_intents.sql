-- One row per (mention, intent): what the mention does — complains, asks, wants
-- to buy, praises, asks for a recommendation, threatens to leave.
--
-- Each intent has one query per language (`stg_listening__intent_rules`:
-- `ecoute/intent/intents.yml` with listening.yml's `intents` applied), compiled
-- to a predicate over `int_mentions_matchable`. A rule reads only the mentions
-- of its language (`int_mentions_languages`). Per language, one scan evaluates
-- all that language's rules; the flags are then unpivoted.

-- depends_on: {{ ref('int_mentions_languages') }}

{%- set rules = ecoute.compiled_predicates(ref('stg_listening__intent_rules'), ['lang', 'intent']) %}
{%- set languages = [] %}
{%- for rule in rules if rule[0] not in languages %}
    {%- do languages.append(rule[0]) %}
{%- endfor %}

{%- if rules %}

with
{%- for lang in languages %}

flags_{{ lang }} as (

    select
        mention_id
        {%- for rule_lang, intent, predicate in rules if rule_lang == lang %},
        coalesce({{ predicate }}, false) as is_{{ intent }}
        {%- endfor %}
    from {{ ref('int_mentions_matchable') }}
    where mention_id in (
        select mention_id
        from {{ ref('int_mentions_languages') }}
        where lang = '{{ lang }}'
    )

),
{%- endfor %}

matched as (

    {%- for rule_lang, intent, predicate in rules %}

    select
        mention_id,
        '{{ intent }}' as intent
    from flags_{{ rule_lang }}
    where is_{{ intent }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

)

select * from matched

{%- else %}

select
    mention_id,
    cast(null as {{ dbt.type_string() }}) as intent
from {{ ref('int_mentions_matchable') }}
where 1 = 0

{%- endif %}
