"""The home page (工作台): today's work at a glance, each figure opening its list."""
