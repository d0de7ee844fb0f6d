"""A court's CM/ECF password pages: "Forgot your password?" and the e-mailed reset link. config/urls.py serves them
under /ecf/<court>/ in the ``cmecf`` namespace, beside the court's other CM/ECF pages."""

from django.urls import URLPattern, path

from openecf.ecfpasswords import views

urlpatterns: list[URLPattern] = [
    path("password/forgot/", views.forgot, name="password_forgot"),
    path("password/reset/<str:token>/", views.open_link, name="password_reset"),
    path("password/new/", views.new_password, name="password_new"),
]
