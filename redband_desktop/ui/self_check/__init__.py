"""`redband self-test`'s Qt side: can Qt load, its platform and print plugins, the bundled
font, the PDF preview, and a walk through every page of the window (see cli/self_test.py)."""
