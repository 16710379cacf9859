"""The audit trail: search and verify (entries are written through shared.audit_log)."""
