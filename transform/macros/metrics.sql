{#
    Every metric of the marts is defined once, here, and its formula is repeated
    in the column docs. Arguments are SQL expressions (usually column names or
    aggregates); results are doubles, null when the ratio is undefined.
#}

{#-
    Net sentiment: (positive − negative) / (positive + negative), in [-1, 1].
    Neutral mentions do not dilute it. Null when there is no positive and no
    negative mention: "no opinion" is not "balanced opinion" (0).
-#}
{% macro net_sentiment(positive, negative) -%}
    cast(({{ positive }}) - ({{ negative }}) as double)
        / nullif(({{ positive }}) + ({{ negative }}), 0)
{%- endmacro %}

{#- A part's share of a total, in [0, 1]; null when the total is 0. -#}
{% macro share(part, total) -%}
    cast({{ part }} as double) / nullif({{ total }}, 0)
{%- endmacro %}

{#-
    Engagement of a mention: likes + shares + comments, a missing count (the
    platform does not report it) counting as 0.
-#}
{% macro engagement(likes, shares, comments) -%}
    coalesce({{ likes }}, 0) + coalesce({{ shares }}, 0) + coalesce({{ comments }}, 0)
{%- endmacro %}

{#-
    Lexicon sentiment: the sum of the valences found in a text (VADER's scale,
    a clear word ±2) squashed into (-1, 1) by s / sqrt(s² + 15), VADER's
    "compound": one clear word gives ±0.46, two ±0.72, a long rant saturates slowly.
-#}
{% macro squash_sentiment(valence_sum) -%}
    ({{ valence_sum }}) / sqrt(({{ valence_sum }}) * ({{ valence_sum }}) + 15)
{%- endmacro %}
