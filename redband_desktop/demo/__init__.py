"""The demonstration station: a seeded, believable 金家河派出所 with 1,100-odd active volunteers, two
years of incidents, clues and mediation cases. A producer of data for trials and tests,
not a user action: it writes with the models directly, below the services."""
