from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("store", "0002_data_change")]

    operations = [
        migrations.AddField(
            model_name="datachange",
            name="in_place",
            field=models.BooleanField(default=False),
        ),
    ]
