"""The public Wagtail API v2, wired in one place: /api/v2/{pages,events,images,documents}/."""

from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import DocumentsEndpoint, EventsEndpoint, ImagesEndpoint, PagesEndpoint

api_router = WagtailAPIRouter("coffee_api")
# Order matters: an EventPage's detail_url is found through the first endpoint whose model it
# is an instance of, so "pages" comes first.
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("events", EventsEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
