"""`python -m redband_desktop`: the same command line as `redband`."""

from redband_desktop.cli import main

raise SystemExit(main())
