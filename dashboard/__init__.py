"""The browser dashboard (Dash): `create_app()` in dashboard.app, pages in dashboard.pages."""
