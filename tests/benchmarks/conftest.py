"""Benchmarks print figures; they are not pass/fail timings and are not part of
`make test` (run them with `make bench`)."""
