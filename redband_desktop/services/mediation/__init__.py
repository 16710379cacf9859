"""People's mediation case records (人民调解案卷)."""
