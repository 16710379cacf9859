"""红袖标 Desktop: offline management of a police station's red-armband volunteers."""

__version__ = "0.1.0"
APP_NAME = "redband-desktop"
APP_AUTHOR = "redband"
