"""The list of sources moved from guidance to config.sources, so that directory entries cite the
same list as guidance revisions. State only: the table stays `guidance_source`, its rows untouched.

The content type follows the model, so the staff roles keep their permissions on the list.
"""

from django.db import migrations, models


def content_type_follows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="guidance", model="source").update(app_label="sources")


def content_type_returns(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="sources", model="source").update(app_label="guidance")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("guidance", "0011_segments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Source',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.SlugField(help_text='How the content files name it, e.g. 001.', max_length=20, unique=True, verbose_name='key')),
                        ('title', models.CharField(max_length=300, verbose_name='title')),
                        ('title_en', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_kk', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_ar', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_prs', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_zh_hans', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_ug', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_uz', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('title_uk', models.CharField(max_length=300, null=True, verbose_name='title')),
                        ('as_of', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, verbose_name='as of')),
                        ('as_of_en', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_ru', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_kk', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_ar', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_prs', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_zh_hans', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_ug', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_uz', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('as_of_uk', models.CharField(help_text='When its facts were true, as the document says it.', max_length=100, null=True, verbose_name='as of')),
                        ('year', models.PositiveSmallIntegerField(help_text='The last year its facts are known to be true.', verbose_name='year')),
                    ],
                    options={
                        'verbose_name': 'source',
                        'verbose_name_plural': 'sources',
                        'ordering': ['year', 'key'],
                        'db_table': 'guidance_source',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_follows, content_type_returns, elidable=False),
    ]
