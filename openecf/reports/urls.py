"""Query and Reports on a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.reports import views

urlpatterns: list[URLPattern] = [
    path("cgi-bin/possible_case_numbers.pl", views.possible_case_numbers, name="possible_case_numbers"),
    path("cgi-bin/iquery.pl", views.iquery, name="iquery"),
    path("cgi-bin/DktRpt.pl", views.docket_report, name="dktrpt"),
    path("cgi-bin/HistDocQry.pl", views.history, name="histdocqry"),
]
