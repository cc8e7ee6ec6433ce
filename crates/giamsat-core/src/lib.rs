//! The domain of giamsat and its rules: organisation tree, documents, indicators, periods,
//! targets, observations, and their evaluation.
//!
//! This crate does no I/O and reads no clock: the store feeds it records, the application
//! layer applies changes to its [`Engine`], and everything a dashboard shows is computed here.

pub mod access;
pub mod amendment;
pub mod document;
pub mod engine;
pub mod evaluation;
pub mod follow_up;
pub mod inbox;
pub mod indicator;
pub mod observation;
#[cfg(feature = "openapi")]
mod openapi;
pub mod org;
pub mod period;
pub mod reporting;
#[cfg(test)]
mod stored_formats;
pub mod target;
pub mod text;
pub mod written;

pub use document::{Document, DocumentKey, DocumentNumber, DocumentType, Horizon};
pub use engine::{Engine, EngineError, Record, Rejected, TargetGroup};
pub use evaluation::{Scorecard, ScorecardSource, Status, TargetEvaluation};
pub use indicator::{AcrossUnits, Direction, Indicator, IndicatorCode, OverTime, SamePeriodBase};
pub use observation::{Observation, ObservationKind, ReportedScorecard};
pub use org::{Succession, Unit, UnitCode, UnitKind};
pub use period::{Month, Period, PeriodKind};
pub use target::{Baseline, Comparator, Scenario, Target};
pub use text::{Language, Translations};

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident($inner:ty)) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name(pub $inner);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A unit of the organisation tree, inside the system (codes are used outside).
    UnitId(u32)
);
id_type!(
    /// An indicator (*chỉ tiêu*), inside the system.
    IndicatorId(u32)
);
id_type!(
    /// A document, inside the system.
    DocumentId(u32)
);
id_type!(
    /// A target: what a document asks of one unit for one indicator and period.
    TargetId(u32)
);
id_type!(
    /// One recorded observation; ids grow in the order observations were recorded.
    ObservationId(u64)
);
id_type!(
    /// A reporting regime (*chế độ báo cáo*), inside the system.
    RegimeId(u32)
);
id_type!(
    /// A step of a submission (submitted, approved, returned, reopened); regimes and steps
    /// share one sequence, the order they were recorded in.
    StepId(u32)
);
id_type!(
    /// A validation rule of a reporting regime.
    RuleId(u32)
);
id_type!(
    /// A correction of a document, a target or an indicator: one sequence.
    AmendmentId(u32)
);
id_type!(
    /// A record of follow-up (a person, a session, a task, a recommendation…): one sequence.
    FollowUpId(u32)
);

/// Where a record came from and who put it into giamsat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// A citation a reader can follow: a report, a session, a file and line, an article.
    pub source: String,
    /// The account or process that recorded it.
    pub recorded_by: String,
    /// When it was recorded, in UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: time::OffsetDateTime,
}
