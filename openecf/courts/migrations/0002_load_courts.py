"""Load every federal court from the shipped court data (openecf/courts/data/courts.csv)."""

from django.db import migrations


def load(apps, schema_editor):
    from openecf.courts.data import upsert_courts

    upsert_courts(apps.get_model("courts", "Court"), keep_dates=True, profiles=False)  # the profile fields come in 0003


class Migration(migrations.Migration):
    dependencies = [("courts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
