from django.contrib import admin
from django.http import HttpRequest

from openecf.courts.models import Court


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    """Read-only: go-live dates change through set_nextgen_date (audited), never by editing a row."""

    list_display = ["id", "short_name", "type", "nextgen_go_live", "link_item_location", "time_zone"]
    list_filter = ["type", "link_item_location"]
    search_fields = ["id", "name", "short_name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
