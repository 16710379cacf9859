"""The station's own settings and the first run."""
