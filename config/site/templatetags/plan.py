"""The compact "What should I do now?" form that home and guidance pages carry (no database needed)."""

from django import template

from config.site.plan import PlanForm

register = template.Library()


@register.inclusion_tag("site/includes/plan_form.html")
def plan_form(situation=""):
    """The plan form, with `situation` chosen in advance (e.g. the guidance page's audience)."""
    return {"form": PlanForm(initial={"situation": situation})}
