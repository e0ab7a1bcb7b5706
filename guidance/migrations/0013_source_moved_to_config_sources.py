"""Guidance's list of sources is now config.sources' (see sources 0001): state only, no table changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("guidance", "0012_search_index_moves_to_site"),
        ("sources", "0001_source_moved_from_guidance"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="revision",
                    name="sources",
                    field=models.ManyToManyField(
                        blank=True, help_text="The documents this text is based on.", related_name="revisions",
                        to="sources.source", verbose_name="sources",
                    ),
                ),
                migrations.DeleteModel(name="Source"),
            ],
            database_operations=[],
        ),
    ]
