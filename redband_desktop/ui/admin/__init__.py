"""Administration pages: user accounts, the audit trail, security settings, backups."""
