"""ORM models, one module per area. Importing this package registers every table."""

from redband_desktop.db.models.accounts import User
from redband_desktop.db.models.activities import (
    Activity,
    ActivityIncident,
    ActivityParticipant,
    ActivityPhoto,
)
from redband_desktop.db.models.audit import AuditEntry
from redband_desktop.db.models.base import Base
from redband_desktop.db.models.cards import Card
from redband_desktop.db.models.clues import Clue, ClueAttachment, ClueCounter
from redband_desktop.db.models.incidents import Incident, IncidentCounter, IncidentVolunteer
from redband_desktop.db.models.mediation import (
    MediationCase,
    MediationFollowUp,
    MediationInvestigation,
    MediationParty,
    MediationPerformance,
    MediationSession,
)
from redband_desktop.db.models.points import PointRedemption, PointRule
from redband_desktop.db.models.records import (
    Certificate,
    CertificateCounter,
    Commendation,
    Evaluation,
)
from redband_desktop.db.models.rota import (
    Attendance,
    PatrolLog,
    Shift,
    ShiftAssignment,
    ShiftTemplate,
    SkippedDate,
)
from redband_desktop.db.models.station import Setting
from redband_desktop.db.models.structure import Building, District, MarketZone, PlaceHead, Site
from redband_desktop.db.models.volunteers import (
    Skill,
    StatusChange,
    Volunteer,
    VolunteerNumberCounter,
    VolunteerPhoto,
    volunteer_skills,
)

__all__ = [
    "Certificate",
    "CertificateCounter",
    "Commendation",
    "Evaluation",
    "PointRedemption",
    "PointRule",
    "Attendance",
    "PatrolLog",
    "Shift",
    "ShiftAssignment",
    "ShiftTemplate",
    "SkippedDate",
    "Card",
    "Clue",
    "ClueAttachment",
    "ClueCounter",
    "Incident",
    "IncidentCounter",
    "IncidentVolunteer",
    "AuditEntry",
    "User",
    "Base",
    "Building",
    "District",
    "MarketZone",
    "MediationCase",
    "MediationFollowUp",
    "MediationInvestigation",
    "MediationParty",
    "MediationPerformance",
    "MediationSession",
    "PlaceHead",
    "Setting",
    "Site",
    "Skill",
    "StatusChange",
    "Volunteer",
    "VolunteerNumberCounter",
    "VolunteerPhoto",
    "Activity",
    "ActivityIncident",
    "ActivityParticipant",
    "ActivityPhoto",
    "volunteer_skills",
]

# Every inserted volunteer gets its number, whichever path inserts it.
from redband_desktop.db import volunteer_numbers  # noqa: E402, F401
