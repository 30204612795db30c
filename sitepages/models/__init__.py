"""Page types of a school site (one module per section; see DESIGN.md's section table)."""

from sitepages.models.admission import AdmissionPage, FeedbackFormField, FeedbackFormPage
from sitepages.models.albums import AlbumPage, AlbumPhotoBlock
from sitepages.models.base import (
    MonthPeriodPage,
    PeriodPage,
    SchoolPage,
    SchoolYearPeriodPage,
    WeekPeriodPage,
)
from sitepages.models.branding import SchoolBranding
from sitepages.models.disclosure import DisclosureIndexPage, DisclosurePage, DisclosureYearPage
from sitepages.models.documents import DocumentIndexPage, OfficialDocumentPage
from sitepages.models.evidence import (
    EvidenceChainAppendOnly,
    EvidenceEntry,
    EvidenceTombstone,
)
from sitepages.models.home import HomePage, StandardPage
from sitepages.models.news import NewsIndexPage, NewsKind, NewsPage
from sitepages.models.organisation import (
    ContactPage,
    ContactRow,
    Leader,
    LeaderRole,
    OrganisationPage,
)
from sitepages.models.plans import AnnualPlanPage, MonthlyPlanPage, PlanIndexPage, WeeklyPlanPage
from sitepages.models.procedures import ProcedureIndexPage, ProcedurePage
from sitepages.models.schedules import (
    LessonRegisterPage,
    MenuIndexPage,
    MenuPage,
    ScheduleIndexPage,
    Semester,
    TimetableIndexPage,
    TimetablePage,
    WorkSchedulePage,
)
from sitepages.models.subscriptions import Subscriber, SubscriptionDelivery, SubscriptionTopic

__all__ = [
    "AdmissionPage",
    "AlbumPage",
    "AlbumPhotoBlock",
    "AnnualPlanPage",
    "ContactPage",
    "ContactRow",
    "DisclosureIndexPage",
    "DisclosurePage",
    "DisclosureYearPage",
    "DocumentIndexPage",
    "EvidenceChainAppendOnly",
    "EvidenceEntry",
    "EvidenceTombstone",
    "FeedbackFormField",
    "FeedbackFormPage",
    "HomePage",
    "Leader",
    "LeaderRole",
    "LessonRegisterPage",
    "MenuIndexPage",
    "MenuPage",
    "MonthPeriodPage",
    "MonthlyPlanPage",
    "NewsIndexPage",
    "NewsKind",
    "NewsPage",
    "OfficialDocumentPage",
    "OrganisationPage",
    "PeriodPage",
    "PlanIndexPage",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ScheduleIndexPage",
    "SchoolBranding",
    "SchoolPage",
    "SchoolYearPeriodPage",
    "Semester",
    "StandardPage",
    "Subscriber",
    "SubscriptionDelivery",
    "SubscriptionTopic",
    "TimetableIndexPage",
    "TimetablePage",
    "WeekPeriodPage",
    "WeeklyPlanPage",
    "WorkSchedulePage",
]
