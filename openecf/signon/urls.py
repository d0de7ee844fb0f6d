from django.urls import path

from openecf.signon import views

app_name = "signon"

urlpatterns = [
    path("", views.index, name="index"),
    path("courts/<str:court_id>/", views.court_page, name="court"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("help/<slug:topic>/", views.help_page, name="help"),
]
