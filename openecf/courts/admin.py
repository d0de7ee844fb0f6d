from django.contrib import admin

from openecf.courts.models import Court


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ["id", "short_name", "type", "nextgen_go_live", "link_item_location", "time_zone"]
    list_filter = ["type", "link_item_location"]
    search_fields = ["id", "name", "short_name"]
