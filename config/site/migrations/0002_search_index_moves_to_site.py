# The search index moves from guidance to the site layer that combines guidance and the directory.
# State only: the table (guidance_searchentry) and its rows stay as they are.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('site', '0001_notices'),
        ('guidance', '0011_segments'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='SearchEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('language', models.CharField(max_length=10, verbose_name='language of the reader')),
                    ('kind', models.CharField(choices=[('guidance', 'Guidance'), ('city', 'City'), ('service', 'Kind of help'), ('office', 'Office'), ('partner', 'Partner organisation')], max_length=10, verbose_name='kind')),
                    ('object_id', models.PositiveIntegerField(verbose_name='object id')),
                    ('position', models.PositiveSmallIntegerField(default=0, help_text='0 is the top of the page.', verbose_name='section')),
                    ('priority', models.PositiveSmallIntegerField(default=100, verbose_name='priority')),
                    ('path', models.CharField(max_length=300, verbose_name='address')),
                    ('anchor', models.TextField(blank=True, verbose_name='section anchor')),
                    ('title', models.TextField(verbose_name='title')),
                    ('title_language', models.CharField(max_length=10)),
                    ('heading', models.TextField(blank=True, verbose_name='section heading')),
                    ('body', models.TextField(blank=True, verbose_name='text')),
                    ('body_language', models.CharField(max_length=10)),
                    ('text_search_config', models.CharField(default='simple', max_length=20, verbose_name='PostgreSQL text search configuration')),
                    ('search_title', models.TextField(blank=True)),
                    ('search_heading', models.TextField(blank=True)),
                    ('search_body', models.TextField(blank=True)),
                    ('search_other_languages', models.TextField(blank=True)),
                ],
                options={
                    'verbose_name': 'search entry',
                    'verbose_name_plural': 'search entries',
                    'db_table': 'guidance_searchentry',
                    'ordering': ['language', 'priority', 'kind', 'object_id', 'position'],
                    'indexes': [models.Index(fields=['kind', 'object_id'], name='search_entry_source')],
                    'constraints': [models.UniqueConstraint(fields=('language', 'kind', 'object_id', 'position'), name='unique_search_entry_per_section')],
                },
            ),
        ]),
    ]
