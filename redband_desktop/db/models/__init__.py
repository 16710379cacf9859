"""ORM models, one module per area. Importing this package registers every table."""

from redband_desktop.db.models.base import Base
from redband_desktop.db.models.station import Setting
from redband_desktop.db.models.structure import Building, District, MarketZone, Site
from redband_desktop.db.models.volunteers import (
    Skill,
    StatusChange,
    Volunteer,
    VolunteerPhoto,
    volunteer_skills,
)

__all__ = [
    "Base",
    "Building",
    "District",
    "MarketZone",
    "Setting",
    "Site",
    "Skill",
    "StatusChange",
    "Volunteer",
    "VolunteerPhoto",
    "volunteer_skills",
]
