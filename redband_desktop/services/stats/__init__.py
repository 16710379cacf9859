"""Figures over the whole station for `redband stats`."""
