"""Documents: pure functions from plain data to file bytes (PDF, XLSX). No Qt, no
SQLAlchemy; heavy libraries (reportlab, openpyxl) load only when a document is made."""
