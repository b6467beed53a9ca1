{#
    Aggregates with no portable spelling. As elsewhere, the `default__`
    versions are written for Spark SQL.
#}

{#- The value of `value` on a row where `ordering` is largest; which one among ties is unspecified. -#}
{% macro arg_max(value, ordering) -%}
    {{ return(adapter.dispatch('arg_max', 'ecoute')(value, ordering)) }}
{%- endmacro %}

{% macro default__arg_max(value, ordering) -%}
    max_by({{ value }}, {{ ordering }})
{%- endmacro %}

{% macro duckdb__arg_max(value, ordering) -%}
    arg_max({{ value }}, {{ ordering }})
{%- endmacro %}


{#-
    The second largest value of `expr` in the group, counting repeats (the
    largest again when it occurs twice); null when the group has one row.
-#}
{% macro second_largest(expr) -%}
    {{ return(adapter.dispatch('second_largest', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__second_largest(expr) -%}
    case
        when count({{ expr }}) > 1 then sort_array(collect_list({{ expr }}), false)[1]
    end
{%- endmacro %}

{#- `max(x, n)` keeps the n largest values, largest first, in one pass. -#}
{% macro duckdb__second_largest(expr) -%}
    max({{ expr }}, 2)[2]
{%- endmacro %}
