"""The fee pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.billing import views

urlpatterns: list[URLPattern] = [
    path("utilities/billing-history/", views.billing_history, name="billing_history"),
    path("utilities/transaction-log/", views.transaction_log, name="transaction_log"),
    path("utilities/exemption/", views.exemption_status, name="exemption_status"),
]
