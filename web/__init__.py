"""Placeholder; the web app is built in web/app.py."""
