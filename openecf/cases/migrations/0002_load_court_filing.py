"""Give every court its PACER document-id prefix and office digit (openecf/cases/data/court_filing.csv)."""

from django.db import migrations


def load(apps, schema_editor):
    from openecf.cases.courtdata import load_court_filing

    load_court_filing(apps.get_model("courts", "Court"), apps.get_model("cases", "CourtFiling"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial"), ("courts", "0003_court_profiles")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
