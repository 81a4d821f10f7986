"""Painted and small reusable widgets."""
