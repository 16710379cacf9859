"""Double-click entry point: the command line's default command opens the 红袖标 Desktop window."""

from redband_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
