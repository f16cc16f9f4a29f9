"""WSGI entry point for production: `gunicorn --no-control-socket dashboard.wsgi:server`.

The store comes from INDICATORS_DB (see indicators.config); several workers can share it.
"""

from dashboard.app import create_app

app = create_app()
server = app.server
