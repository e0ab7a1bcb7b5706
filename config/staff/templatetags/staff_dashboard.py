from django import template

from config.staff import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_dashboard(context):
    """The dashboard lines of the person viewing the admin home."""
    return dashboard.lines(context["request"].user)
