"""Renderers: sheet rows in, bytes out."""
