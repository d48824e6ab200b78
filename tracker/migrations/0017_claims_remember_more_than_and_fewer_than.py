# Claims and suggestions remember how a bound was said ("more than 30", "fewer than
# 10"). Nothing older can be recovered: existing rows read as said "at least" (False).

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0016_findings_keep_their_id_by_key_and_events_their_summary"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="count_max_exclusive",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text='The upper bound was said as "fewer than" the number above the maximum.',
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="count_min_exclusive",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text='The lower bound was said as "more than" the number below the minimum.',
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="count_max_exclusive",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text='The upper bound was said as "fewer than" the number above the maximum.',
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="count_min_exclusive",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text='The lower bound was said as "more than" the number below the minimum.',
            ),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="count_max_exclusive",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="count_min_exclusive",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="count_max_exclusive",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="count_min_exclusive",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("count_min_exclusive", False), ("count_min__gte", 1), _connector="OR"
                ),
                name="claim_exclusive_min_above_zero",
            ),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("count_max_exclusive", False), ("count_max__isnull", False), _connector="OR"
                ),
                name="claim_exclusive_max_given",
            ),
        ),
    ]
