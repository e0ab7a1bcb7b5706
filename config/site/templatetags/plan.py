"""The compact "What should I do now?" form that home and guidance pages carry (no database needed)."""

from django import template

from config.site.plan import PlanForm

register = template.Library()


@register.inclusion_tag("site/includes/plan_form.html")
def plan_form(situation="", cities=()):
    """The plan form, with `situation` chosen in advance (e.g. the guidance page's audience), and a city
    field where the page has the cities at hand (the home page), so the first answer names the office."""
    return {"form": PlanForm(initial={"situation": situation}, cities=cities), "with_city": bool(cities)}
