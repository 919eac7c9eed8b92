"""Read-only JSON API (``/api/v1/``): placements, succession and data quality, read with
a personal token under exactly the scope of its user (docs/web-api.md)."""
