from django.urls import path

from . import views

app_name = "subscribers"

urlpatterns = [
    path("subscribe/", views.subscribe_view, name="subscribe"),
    path("subscribe/sent/", views.sent_view, name="sent"),
    path("confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
    path("preferences/<str:token>/", views.preferences_view, name="preferences"),
    path("preferences/<str:token>/export/", views.export_view, name="export"),
    path("preferences/<str:token>/erase/", views.erase_view, name="erase"),
]
