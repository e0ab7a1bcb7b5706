"""Two key figures were loaded with days no source gives; give them the dates the sources do give.

More than 16,000 people granted citizenship: the factsheet's key figures are as of 1 January 2025.
57,000 people who said they were stateless: the brochure names only the 2009 census, no day.
Only rows with exactly the wrong dates are changed, so that `load_content` finds the corrected
figures instead of adding them a second time.
"""

import datetime

from django.db import migrations

CORRECTIONS = [
    # value, wrong date, right date, only the year is known
    (16000, datetime.date(2025, 3, 31), datetime.date(2025, 1, 1), False),
    (57000, datetime.date(2009, 2, 25), datetime.date(2009, 1, 1), True),
]


def correct(apps, schema_editor):
    KeyFigure = apps.get_model("guidance", "KeyFigure")
    for value, wrong, right, year_only in CORRECTIONS:
        KeyFigure.objects.filter(value=value, as_of=wrong).update(as_of=right, as_of_year_only=year_only)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0008_source_permissions")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
