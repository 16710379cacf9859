"""Floors: the least work that gives the same answer, measured in the same run as the
benchmark it is the baseline of (the recorded ratio = benchmark / floor).

- startup_floor.py — a bare PySide6 window with a table filled by one SQLAlchemy query
  (reportlab imported too, as the issue's floor does), started as a whole process;
  app_startup.py starts the app's signed-in window the same way.
- sql.py — the narrowest raw SQL (sqlite3 / psycopg2) returning the same count and first
  page as the roster search, the incident register and the statistics' category table.
- cards.py — a minimal reportlab loop drawing the same card elements from the same data.
- sheet.py — a raw calamine and openpyxl read of the same import sheet.
"""
