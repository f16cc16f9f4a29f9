"""WSGI entry point for production: `gunicorn --no-control-socket dashboard.wsgi:server`.

The store comes from INDICATORS_DB (see indicators.config); several workers can share it. It is
opened on first use: while it cannot be read, every page answers 503 with the reason, /health
answers it as JSON, and the reason is logged once (one line); no restart is needed after the fix.
"""

from dashboard.app import create_app

app = create_app()
server = app.server
