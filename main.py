"""Double-click entry point: starts the 红袖标 Desktop window."""

from redband_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
