"""Bringing the station's existing sheets in: reading .xlsx/.xls/.et/.ods/.csv files,
matching their columns, checking every row with the volunteer form's rules, previewing
and then writing the chosen rows in one transaction (see service.py)."""
