"""Admin forms of the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.history.forms import TrackedEntryForm

from .hours import DAYS, validate_schedule


class DirectoryEntryForm(TrackedEntryForm):
    """An office or branch form that lets staff keep a mere correction out of the public Updates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hours" in self.fields:
            old = self.fields["hours"]
            self.fields["hours"] = WeeklyHoursField(required=False, label=old.label)

    correction_only = forms.BooleanField(
        label=_("Only a correction of a mistake"),
        required=False,
        help_text=_(
            "Tick when you only fix a spelling or a wrong digit: readers are not told about it in Updates, "
            "and the translations stay marked as current. Leave it unticked when an office opens, closes, "
            "moves or gets new phone numbers."
        ),
    )


class WeeklyHoursField(forms.CharField):
    """Weekly hours as staff write them, one rule a line: `MO-FR 09:00-18:00`, `SA 10:00-14:00`,
    optionally `from 2027-01-01` and `until 2027-06-30`; stored as HSDS schedule rows."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 40, "dir": "ltr"})

    def __init__(self, *args, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.setdefault("help_text", _(
            "Only hours a source gives, one rule a line, e.g. MO-FR 09:00-18:00 (days: MO TU WE TH FR SA SU), "
            "optionally followed by: from 2027-01-01 until 2027-06-30. Leave empty when no source gives hours."
        ))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        return "\n".join(rule_line(rule) for rule in value or [])

    def to_python(self, value):
        rules = [parse_rule_line(line) for line in (value or "").splitlines() if line.strip()]
        validate_schedule(rules)
        return rules

    def has_changed(self, initial, data):
        return self.to_python(self.prepare_value(initial)) != self.to_python(data) if data is not None else bool(initial)


def rule_line(rule):
    days = rule["byday"].split(",")
    numbers = [DAYS.index(day) for day in days]
    consecutive = len(days) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    line = f"{days[0]}-{days[-1]}" if consecutive else ",".join(days)
    line += f" {rule['opens_at']}-{rule['closes_at']}"
    if rule.get("valid_from"):
        line += f" from {rule['valid_from']}"
    if rule.get("valid_to"):
        line += f" until {rule['valid_to']}"
    return line


def parse_rule_line(line):
    words = line.upper().replace("–", "-").split()
    try:
        days_text, times = words[0], words[1]
        opens, closes = times.split("-")
        if "-" in days_text:
            first, last = days_text.split("-")
            days = list(DAYS[DAYS.index(first):DAYS.index(last) + 1])
        else:
            days = days_text.split(",")
        rule = {"byday": ",".join(days), "opens_at": opens.zfill(5), "closes_at": closes.zfill(5)}
        options = dict(zip(words[2::2], words[3::2], strict=True))
        if "FROM" in options:
            rule["valid_from"] = options.pop("FROM")
        if "UNTIL" in options:
            rule["valid_to"] = options.pop("UNTIL")
        if options or not days:
            raise ValueError
    except (IndexError, ValueError):
        raise forms.ValidationError(
            _("Could not read “%(line)s”: write e.g. MO-FR 09:00-18:00."), params={"line": line.strip()}
        ) from None
    return rule
