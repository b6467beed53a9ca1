{#
    Models land in the schema their folder names (`staging`, `intermediate`,
    `marts`), not dbt's default `<target schema>_<custom schema>`: the layer names
    are the warehouse's public interface (dashboards read `marts.*`), and the
    Dagster asset keys are built from them.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
