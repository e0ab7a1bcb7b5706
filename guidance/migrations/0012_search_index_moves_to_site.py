# The search index now belongs to the site app (config/site/models.py); state only, the table stays.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0011_segments'),
        ('site', '0002_search_index_moves_to_site'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='SearchEntry'),
        ]),
    ]
