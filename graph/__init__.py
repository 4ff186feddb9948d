"""The store (embedded and remote), SPARQL, and the views the web app and CLI read."""
