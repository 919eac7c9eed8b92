"""The API instance and its URL patterns (mounted at ``/api/v1/``)."""

from __future__ import annotations

from ninja import NinjaAPI

from bakat.web.api import placements, quality, succession
from bakat.web.api.auth import TokenAuth, TokenThrottle

api = NinjaAPI(
    title="bakat API",
    version="1",
    description=(
        "API JSON baca-saja: penempatan, suksesi, dan kualitas data, dengan token pribadi "
        "dan cakupan yang sama dengan penggunanya. / Read-only JSON API scoped like its user."
    ),
    auth=TokenAuth(),
    throttle=[TokenThrottle()],
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url=None,
)
api.add_router("", placements.router)
api.add_router("", succession.router)
api.add_router("", quality.router)

urlpatterns = [*api.urls[0]]
app_name = "api"
