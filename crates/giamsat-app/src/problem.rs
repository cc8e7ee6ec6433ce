//! What can be wrong with an input, as a stable code and its arguments rather than English
//! text: pages render a [`Problem`] through the Fluent message `problem-<code>` in the
//! reader's language; the API sends the code and the English message; the CLI prints the
//! English. Also the kinds of things a lookup may not find ([`Thing`]).

use std::fmt;

use giamsat_core::EngineError;
use giamsat_core::access::Denied;
use giamsat_core::follow_up::FollowUpError;
use giamsat_core::reporting::{ReportingError, StepError};
use serde::Serialize;

/// One thing wrong with an input: which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: &str, problem: Problem) -> FieldError {
        FieldError {
            field: field.to_owned(),
            problem,
        }
    }
}

/// `{"field": …, "code": …, "message": …}`: the field, the stable code, the English message.
impl Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("FieldError", 3)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("code", self.problem.code())?;
        s.serialize_field("message", &self.problem.to_string())?;
        s.end()
    }
}

/// An argument of a problem, for its message: text, or a number that a plural or a number
/// format may want.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemArg {
    Text(String),
    Number(i64),
}

/// What a broken validation rule says (see [`Problem::RuleViolated`]); boxed, since it is the
/// largest problem and most are small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleViolation {
    pub rule: String,
    pub indicator: String,
    pub other: String,
    pub figure: String,
    pub bound: String,
}

/// A kind of thing that is looked up by a key and may not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Thing {
    Unit,
    Indicator,
    Document,
    Target,
    Observation,
    Person,
    PlannedVisit,
    Delegation,
    WorkingSession,
    Task,
    Recommendation,
    EvidenceFile,
    Report,
    Account,
    ActiveToken,
    /// A reporting regime (*chế độ báo cáo*).
    Regime,
    /// A record of a kind not named above.
    Record,
}

impl Thing {
    pub const ALL: [Thing; 17] = [
        Thing::Unit,
        Thing::Indicator,
        Thing::Document,
        Thing::Target,
        Thing::Observation,
        Thing::Person,
        Thing::PlannedVisit,
        Thing::Delegation,
        Thing::WorkingSession,
        Thing::Task,
        Thing::Recommendation,
        Thing::EvidenceFile,
        Thing::Report,
        Thing::Account,
        Thing::ActiveToken,
        Thing::Regime,
        Thing::Record,
    ];

    /// The stable code (`evidence_file`); its message is `thing-<code, '_' as '-'>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Thing::Unit => "unit",
            Thing::Indicator => "indicator",
            Thing::Document => "document",
            Thing::Target => "target",
            Thing::Observation => "observation",
            Thing::Person => "person",
            Thing::PlannedVisit => "planned_visit",
            Thing::Delegation => "delegation",
            Thing::WorkingSession => "working_session",
            Thing::Task => "task",
            Thing::Recommendation => "recommendation",
            Thing::EvidenceFile => "evidence_file",
            Thing::Report => "report",
            Thing::Account => "account",
            Thing::ActiveToken => "active_token",
            Thing::Regime => "regime",
            Thing::Record => "record",
        }
    }

    /// The English noun, as messages say it.
    pub fn name_en(self) -> &'static str {
        match self {
            Thing::PlannedVisit => "planned visit",
            Thing::WorkingSession => "working session",
            Thing::EvidenceFile => "evidence file",
            Thing::ActiveToken => "active token",
            other => other.as_str(),
        }
    }

    /// The thing the core names in English (`"working session"`), or any record.
    fn from_name_en(name: &str) -> Thing {
        Thing::ALL
            .into_iter()
            .find(|t| t.name_en() == name)
            .unwrap_or(Thing::Record)
    }
}

impl fmt::Display for Thing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

/// One thing that can be wrong with an input, with what the message needs. Arguments are
/// codes, numbers and what the user typed, never English prose; `detail`, where a variant has
/// one, is the core's English explanation, kept for the English message only (it is not among
/// [`Problem::args`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    // Fields given or not.
    Required,
    RequiredWith {
        other: String,
    },
    /// Nothing was read and nothing was said: a fallback.
    Invalid,
    NotOneOf {
        text: String,
        allowed: String,
    },
    NameRequired,
    TitleRequired,
    PersonNameRequired,
    EndsBefore {
        other: String,
    },

    // The text policy of every channel (`crate::text`).
    /// A control character (NUL, escape…), or a line break where one line is expected.
    ControlCharacter {
        /// `U+0000`.
        character: String,
        /// 1-based, in characters.
        position: i64,
    },
    TooLong {
        length: i64,
        max: i64,
    },

    // Values that do not read.
    NotANumber {
        text: String,
        detail: String,
    },
    /// Beyond any figure ([`giamsat_core::text::LARGEST_FIGURE`]).
    NumberTooLarge {
        text: String,
    },
    NotAPeriod {
        text: String,
        detail: String,
    },
    NotADate {
        text: String,
    },
    NoSuchMonth {
        text: String,
        month: i64,
    },
    NoSuchDay {
        text: String,
    },
    NotAYear {
        text: String,
    },
    NotAUnitCode {
        text: String,
        detail: String,
    },
    NotAnIndicatorCode {
        text: String,
        detail: String,
    },
    NotARegimeCode {
        text: String,
        detail: String,
    },
    NotADocumentNumber {
        text: String,
        detail: String,
    },
    NotADocumentKey {
        text: String,
        detail: String,
    },
    DocumentYearMismatch {
        number: String,
        number_year: i64,
        date_year: i64,
    },
    NotAWholeNumber {
        text: String,
    },
    NotAVersion {
        text: String,
    },
    NotALink {
        text: String,
    },
    NotAUsername {
        text: String,
    },

    // What the input names does not exist.
    UnknownUnit {
        code: String,
    },
    UnknownIndicator {
        code: String,
    },
    UnknownDocument {
        key: String,
    },
    UnknownIssuerDocument {
        key: String,
        issuer: String,
    },
    AmbiguousDocument {
        key: String,
        count: i64,
        issuers: String,
    },
    UnknownObservation {
        id: String,
    },
    UnknownTarget {
        id: String,
    },
    UnknownSession {
        id: i64,
    },
    UnknownFile {
        sha256: String,
    },
    Missing {
        thing: Thing,
        key: String,
    },
    /// What a person typed for a unit, document, indicator or person names none of them.
    NoneNamed {
        thing: Thing,
        text: String,
    },
    /// What a person typed names several: the ones it could be, by name.
    AmbiguousName {
        thing: Thing,
        text: String,
        candidates: String,
    },

    // What the input makes exists already.
    UnitExists {
        code: String,
    },
    IndicatorExists {
        code: String,
    },
    DocumentExists {
        key: String,
    },
    TargetExists {
        target: i64,
    },
    SuccessionExists,
    IdTaken {
        id: String,
    },

    // Values out of their range.
    ShareOutOfRange {
        text: String,
    },
    DecimalsOutOfRange {
        text: String,
    },
    PercentOutOfRange {
        percent: i64,
    },
    PercentAbove100,
    DaysOutOfRange {
        days: i64,
    },
    MetOverSet {
        met: i64,
        set: i64,
    },
    NotASingleMonth {
        period: String,
    },

    // Rules of units and indicators.
    SelfSuccession,
    BadSuccession,
    UnitCycle {
        unit: String,
    },
    PartsOnlyForRatio,
    RateSummed,

    // Documents and targets.
    DocumentTypeMismatch {
        number: String,
        doc_type: String,
    },
    KeyMismatch {
        key: String,
    },
    KeyRequired,
    BaselineTooLate {
        baseline: String,
        period: String,
    },

    // Observations and scenarios.
    CorrectionNote,
    CorrectionMismatch {
        observation: i64,
    },
    CorrectionOfSuperseded {
        observation: i64,
    },
    ObservationIdTooLarge {
        observation: i64,
    },
    ScenarioEmpty,
    ScenarioMonthOutside {
        month: String,
        period: String,
    },
    ScenarioMonthTwice {
        month: String,
    },
    ScenarioNotFinite {
        month: String,
    },

    // Follow-up.
    Empty {
        field: String,
    },
    EmptyItem,
    EmptyConclusion,
    NoSuchItem {
        count: i64,
    },
    NoSuchConclusion {
        session: i64,
        item: i64,
    },
    DocumentOrSession,
    SayWhatWasDone,
    WindowBackwards,
    WindowRequired,
    SubjectRequired,
    PositionBackwards {
        from: String,
        to: String,
    },
    AnswerBeforeRecommendation {
        on: String,
        received: String,
    },
    ConclusionTaken {
        session: i64,
        item: i64,
        task: i64,
    },
    TaskDone {
        task: i64,
    },
    Answered {
        recommendation: i64,
    },
    /// A correction without its reason.
    /// A correction that leaves every field as it was.
    NothingChanged,
    /// The record was corrected by someone else since the form was read.
    EditedMeanwhile,

    // The reporting cycle.
    RegimeExists {
        code: String,
    },
    RegimeIndicatorsRequired,
    RegimeReportersRequired,
    NotAReportingPeriod {
        period: String,
    },
    NotAReporter {
        unit: String,
        period: String,
    },
    /// A step that cannot follow the report's state; both are codes (`approved`, `submit`).
    StepNotAllowed {
        state: String,
        action: String,
    },
    ReasonRequired,
    /// A figure that stands out against the unit's history, sent without a word about it.
    ExplanationRequired {
        indicator: String,
    },
    /// A report's figures break a validation rule of its regime: `rule` is the code of what
    /// is broken (`below_min`, `above_max`, `missing`, `part_over_whole`, `parts_off_whole`,
    /// `month_over_year_to_date`), `indicator` and `other` are names, `figure` and `bound`
    /// numbers written as Rust writes them, for the reader's language to format.
    RuleViolated(Box<RuleViolation>),
    /// A validation rule that cannot hold: `reason` is `backwards`, `same_indicator`,
    /// `not_finite` or `not_of_regime`.
    BadRule {
        reason: String,
    },
    /// A figure of a report sent or approved; `state` is the state's code.
    ReportLocked {
        unit: String,
        period: String,
        state: String,
    },
    /// The person who sent a report deciding on it.
    OwnReport,

    // Files.
    FileUnnamed,
    FileSize {
        name: String,
        max_mb: i64,
    },
    FileType {
        name: String,
    },
    FileEmpty,
    FileBlank,
    FileTooLarge {
        size: i64,
        max: i64,
    },
    FileBinary {
        offset: i64,
        byte: String,
    },
    FileEncoding {
        offset: i64,
        byte: String,
    },
    /// A file that holds no text to read, by what it is: `pdf`, `office-97`, `spreadsheet`,
    /// `presentation`, `image`, `archive`.
    FileNotText {
        kind: String,
    },
    FileDamaged {
        detail: String,
    },
    FileUnreadable {
        detail: String,
    },
    ReportTooLarge {
        size_mb: i64,
        max_mb: i64,
    },
    ReportNotKept,

    // Permissions.
    NotPermitted,
    OutsideScope {
        unit: String,
    },

    // Accounts.
    UsernameTaken {
        username: String,
    },
    WrongPassword,
    PasswordLength {
        min: i64,
        max: i64,
    },
    PasswordReused,
    RoleRequired,
    TokenName,
    /// An administrator disabling their own account, or taking their own rights.
    OwnAccount,

    // The demo's own facts.
    DemoName {
        name: String,
        code: String,
    },

    /// A record clashes with one the store holds (its constraint's words, for the English
    /// message only).
    Clash {
        detail: String,
    },
}

fn text(s: &str) -> ProblemArg {
    ProblemArg::Text(s.to_owned())
}

impl Problem {
    /// The stable machine code: `required`, `unknown_unit`…
    pub fn code(&self) -> &'static str {
        use Problem as P;
        match self {
            P::Required => "required",
            P::RequiredWith { .. } => "required_with",
            P::Invalid => "invalid",
            P::NotOneOf { .. } => "not_one_of",
            P::NameRequired => "name_required",
            P::TitleRequired => "title_required",
            P::PersonNameRequired => "person_name_required",
            P::EndsBefore { .. } => "ends_before",
            P::ControlCharacter { .. } => "control_character",
            P::TooLong { .. } => "too_long",
            P::NotANumber { .. } => "not_a_number",
            P::NumberTooLarge { .. } => "number_too_large",
            P::NotAPeriod { .. } => "not_a_period",
            P::NotADate { .. } => "not_a_date",
            P::NoSuchMonth { .. } => "no_such_month",
            P::NoSuchDay { .. } => "no_such_day",
            P::NotAYear { .. } => "not_a_year",
            P::NotAUnitCode { .. } => "not_a_unit_code",
            P::NotAnIndicatorCode { .. } => "not_an_indicator_code",
            P::NotARegimeCode { .. } => "not_a_regime_code",
            P::NotADocumentNumber { .. } => "not_a_document_number",
            P::NotADocumentKey { .. } => "not_a_document_key",
            P::DocumentYearMismatch { .. } => "document_year_mismatch",
            P::NotAWholeNumber { .. } => "not_a_whole_number",
            P::NotAVersion { .. } => "not_a_version",
            P::NotALink { .. } => "not_a_link",
            P::NotAUsername { .. } => "not_a_username",
            P::UnknownUnit { .. } => "unknown_unit",
            P::UnknownIndicator { .. } => "unknown_indicator",
            P::UnknownDocument { .. } => "unknown_document",
            P::UnknownIssuerDocument { .. } => "unknown_issuer_document",
            P::AmbiguousDocument { .. } => "ambiguous_document",
            P::UnknownObservation { .. } => "unknown_observation",
            P::UnknownTarget { .. } => "unknown_target",
            P::UnknownSession { .. } => "unknown_session",
            P::UnknownFile { .. } => "unknown_file",
            P::Missing { .. } => "missing",
            P::NoneNamed { .. } => "none_named",
            P::AmbiguousName { .. } => "ambiguous_name",
            P::UnitExists { .. } => "unit_exists",
            P::IndicatorExists { .. } => "indicator_exists",
            P::DocumentExists { .. } => "document_exists",
            P::TargetExists { .. } => "target_exists",
            P::SuccessionExists => "succession_exists",
            P::IdTaken { .. } => "id_taken",
            P::ShareOutOfRange { .. } => "share_out_of_range",
            P::DecimalsOutOfRange { .. } => "decimals_out_of_range",
            P::PercentOutOfRange { .. } => "percent_out_of_range",
            P::PercentAbove100 => "percent_above_100",
            P::DaysOutOfRange { .. } => "days_out_of_range",
            P::MetOverSet { .. } => "met_over_set",
            P::NotASingleMonth { .. } => "not_a_single_month",
            P::SelfSuccession => "self_succession",
            P::BadSuccession => "bad_succession",
            P::UnitCycle { .. } => "unit_cycle",
            P::PartsOnlyForRatio => "parts_only_for_ratio",
            P::RateSummed => "rate_summed",
            P::DocumentTypeMismatch { .. } => "document_type_mismatch",
            P::KeyMismatch { .. } => "key_mismatch",
            P::KeyRequired => "key_required",
            P::BaselineTooLate { .. } => "baseline_too_late",
            P::CorrectionNote => "correction_note",
            P::CorrectionMismatch { .. } => "correction_mismatch",
            P::CorrectionOfSuperseded { .. } => "correction_of_superseded",
            P::ObservationIdTooLarge { .. } => "observation_id_too_large",
            P::ScenarioEmpty => "scenario_empty",
            P::ScenarioMonthOutside { .. } => "scenario_month_outside",
            P::ScenarioMonthTwice { .. } => "scenario_month_twice",
            P::ScenarioNotFinite { .. } => "scenario_not_finite",
            P::Empty { .. } => "empty",
            P::EmptyItem => "empty_item",
            P::EmptyConclusion => "empty_conclusion",
            P::NoSuchItem { .. } => "no_such_item",
            P::NoSuchConclusion { .. } => "no_such_conclusion",
            P::DocumentOrSession => "document_or_session",
            P::SayWhatWasDone => "say_what_was_done",
            P::WindowBackwards => "window_backwards",
            P::WindowRequired => "window_required",
            P::SubjectRequired => "subject_required",
            P::PositionBackwards { .. } => "position_backwards",
            P::AnswerBeforeRecommendation { .. } => "answer_before_recommendation",
            P::ConclusionTaken { .. } => "conclusion_taken",
            P::TaskDone { .. } => "task_done",
            P::Answered { .. } => "answered",
            P::RegimeExists { .. } => "regime_exists",
            P::RegimeIndicatorsRequired => "regime_indicators_required",
            P::RegimeReportersRequired => "regime_reporters_required",
            P::NotAReportingPeriod { .. } => "not_a_reporting_period",
            P::NotAReporter { .. } => "not_a_reporter",
            P::StepNotAllowed { .. } => "step_not_allowed",
            P::ExplanationRequired { .. } => "explanation_required",
            P::RuleViolated { .. } => "rule_violated",
            P::BadRule { .. } => "bad_rule",
            P::ReportLocked { .. } => "report_locked",
            P::OwnReport => "own_report",
            P::FileUnnamed => "file_unnamed",
            P::FileSize { .. } => "file_size",
            P::FileType { .. } => "file_type",
            P::FileEmpty => "file_empty",
            P::FileBlank => "file_blank",
            P::FileTooLarge { .. } => "file_too_large",
            P::FileBinary { .. } => "file_binary",
            P::FileEncoding { .. } => "file_encoding",
            P::FileNotText { .. } => "file_not_text",
            P::FileDamaged { .. } => "file_damaged",
            P::FileUnreadable { .. } => "file_unreadable",
            P::ReportTooLarge { .. } => "report_too_large",
            P::ReportNotKept => "report_not_kept",
            P::NotPermitted => "not_permitted",
            P::OutsideScope { .. } => "outside_scope",
            P::UsernameTaken { .. } => "username_taken",
            P::WrongPassword => "wrong_password",
            P::PasswordLength { .. } => "password_length",
            P::PasswordReused => "password_reused",
            P::RoleRequired => "role_required",
            P::ReasonRequired => "reason_required",
            P::NothingChanged => "nothing_changed",
            P::EditedMeanwhile => "edited_meanwhile",
            P::OwnAccount => "own_account",
            P::TokenName => "token_name",
            P::DemoName { .. } => "demo_name",
            P::Clash { .. } => "clash",
        }
    }

    /// The arguments of the message, by the names the Fluent messages use. A [`Thing`] is
    /// given by its code (`thing`), for the caller to translate.
    pub fn args(&self) -> Vec<(&'static str, ProblemArg)> {
        use Problem as P;
        use ProblemArg::Number as N;
        match self {
            P::Required
            | P::Invalid
            | P::NameRequired
            | P::TitleRequired
            | P::PersonNameRequired
            | P::SuccessionExists
            | P::PercentAbove100
            | P::SelfSuccession
            | P::BadSuccession
            | P::PartsOnlyForRatio
            | P::RateSummed
            | P::KeyRequired
            | P::CorrectionNote
            | P::ScenarioEmpty
            | P::EmptyItem
            | P::EmptyConclusion
            | P::DocumentOrSession
            | P::SayWhatWasDone
            | P::WindowBackwards
            | P::WindowRequired
            | P::SubjectRequired
            | P::FileUnnamed
            | P::FileEmpty
            | P::FileBlank
            | P::FileUnreadable { .. }
            | P::ReportNotKept
            | P::NotPermitted
            | P::WrongPassword
            | P::PasswordReused
            | P::RoleRequired
            | P::NothingChanged
            | P::EditedMeanwhile
            | P::OwnAccount
            | P::TokenName
            | P::RegimeIndicatorsRequired
            | P::RegimeReportersRequired
            | P::ReasonRequired
            | P::OwnReport
            | P::Clash { .. } => vec![],
            P::RegimeExists { code } => vec![("code", text(code))],
            // A reporting period is a period code the reader's language spells out; the
            // unit is an id, which only the English message of the API and the CLI shows.
            P::NotAReportingPeriod { period } | P::NotAReporter { period, .. } => {
                vec![("reporting_period", text(period))]
            }
            P::StepNotAllowed { state, action } => {
                vec![("state", text(state)), ("action", text(action))]
            }
            P::ExplanationRequired { indicator } => vec![("indicator", text(indicator))],
            P::RuleViolated(v) => vec![
                ("rule", text(&v.rule)),
                ("indicator", text(&v.indicator)),
                ("other", text(&v.other)),
                ("figure", text(&v.figure)),
                ("bound", text(&v.bound)),
            ],
            P::BadRule { reason } => vec![("reason", text(reason))],
            P::ReportLocked { period, state, .. } => {
                vec![("reporting_period", text(period)), ("state", text(state))]
            }
            P::RequiredWith { other } | P::EndsBefore { other } => vec![("other", text(other))],
            P::NotOneOf { text: t, allowed } => {
                vec![("text", text(t)), ("allowed", text(allowed))]
            }
            P::NotANumber { text: t, .. }
            | P::NumberTooLarge { text: t }
            | P::NotAPeriod { text: t, .. }
            | P::NotADate { text: t }
            | P::NoSuchDay { text: t }
            | P::NotAYear { text: t }
            | P::NotAUnitCode { text: t, .. }
            | P::NotAnIndicatorCode { text: t, .. }
            | P::NotARegimeCode { text: t, .. }
            | P::NotADocumentNumber { text: t, .. }
            | P::NotADocumentKey { text: t, .. }
            | P::NotAWholeNumber { text: t }
            | P::NotAVersion { text: t }
            | P::NotALink { text: t }
            | P::NotAUsername { text: t }
            | P::ShareOutOfRange { text: t }
            | P::DecimalsOutOfRange { text: t } => vec![("text", text(t))],
            P::NoSuchMonth { text: t, month } => vec![("text", text(t)), ("month", N(*month))],
            P::DocumentYearMismatch {
                number,
                number_year,
                date_year,
            } => vec![
                ("number", text(number)),
                ("number_year", N(*number_year)),
                ("date_year", N(*date_year)),
            ],
            P::UnknownUnit { code } | P::UnitExists { code } | P::IndicatorExists { code } => {
                vec![("code", text(code))]
            }
            P::UnknownIndicator { code } => vec![("code", text(code))],
            P::UnknownDocument { key } | P::DocumentExists { key } | P::KeyMismatch { key } => {
                vec![("key", text(key))]
            }
            P::UnknownIssuerDocument { key, issuer } => {
                vec![("key", text(key)), ("issuer", text(issuer))]
            }
            P::AmbiguousDocument {
                key,
                count,
                issuers,
            } => vec![
                ("key", text(key)),
                ("count", N(*count)),
                ("issuers", text(issuers)),
            ],
            P::UnknownObservation { id } | P::UnknownTarget { id } | P::IdTaken { id } => {
                vec![("id", text(id))]
            }
            P::UnknownSession { id } => vec![("id", N(*id))],
            P::UnknownFile { sha256 } => vec![("sha256", text(sha256))],
            P::Missing { thing, key } => vec![("thing", text(thing.as_str())), ("key", text(key))],
            P::NoneNamed { thing, text: typed } => {
                vec![("thing", text(thing.as_str())), ("text", text(typed))]
            }
            P::AmbiguousName {
                thing,
                text: typed,
                candidates,
            } => vec![
                ("thing", text(thing.as_str())),
                ("text", text(typed)),
                ("candidates", text(candidates)),
            ],
            P::TargetExists { target } => vec![("target", N(*target))],
            P::PercentOutOfRange { percent } => vec![("percent", N(*percent))],
            P::DaysOutOfRange { days } => vec![("days", N(*days))],
            P::MetOverSet { met, set } => vec![("met", N(*met)), ("set", N(*set))],
            P::NotASingleMonth { period } => vec![("period", text(period))],
            P::UnitCycle { unit } | P::OutsideScope { unit } => vec![("unit", text(unit))],
            P::DocumentTypeMismatch { number, doc_type } => {
                vec![("number", text(number)), ("doc_type", text(doc_type))]
            }
            P::BaselineTooLate { baseline, period } => {
                vec![("baseline", text(baseline)), ("period", text(period))]
            }
            P::CorrectionMismatch { observation }
            | P::CorrectionOfSuperseded { observation }
            | P::ObservationIdTooLarge { observation } => vec![("observation", N(*observation))],
            P::ScenarioMonthOutside { month, period } => {
                vec![("month", text(month)), ("period", text(period))]
            }
            P::ScenarioMonthTwice { month } | P::ScenarioNotFinite { month } => {
                vec![("month", text(month))]
            }
            P::Empty { field } => vec![("field", text(field))],
            P::NoSuchItem { count } => vec![("count", N(*count))],
            P::NoSuchConclusion { session, item } => {
                vec![("session", N(*session)), ("item", N(*item))]
            }
            P::PositionBackwards { from, to } => vec![("from", text(from)), ("to", text(to))],
            P::AnswerBeforeRecommendation { on, received } => {
                vec![("on", text(on)), ("received", text(received))]
            }
            P::ConclusionTaken {
                session,
                item,
                task,
            } => vec![
                ("session", N(*session)),
                ("item", N(*item)),
                ("task", N(*task)),
            ],
            P::TaskDone { task } => vec![("task", N(*task))],
            P::Answered { recommendation } => vec![("recommendation", N(*recommendation))],
            P::FileSize { name, max_mb } => vec![("name", text(name)), ("max_mb", N(*max_mb))],
            P::FileType { name } => vec![("name", text(name))],
            P::FileTooLarge { size, max } => vec![("size", N(*size)), ("max", N(*max))],
            P::FileBinary { offset, byte } | P::FileEncoding { offset, byte } => {
                vec![("offset", N(*offset)), ("byte", text(byte))]
            }
            P::FileNotText { kind } => vec![("kind", text(kind))],
            P::FileDamaged { detail } => vec![("detail", text(detail))],
            P::ReportTooLarge { size_mb, max_mb } => {
                vec![("size_mb", N(*size_mb)), ("max_mb", N(*max_mb))]
            }
            P::UsernameTaken { username } => vec![("username", text(username))],
            P::PasswordLength { min, max } => vec![("min", N(*min)), ("max", N(*max))],
            P::ControlCharacter {
                character,
                position,
            } => vec![("character", text(character)), ("position", N(*position))],
            P::TooLong { length, max } => vec![("length", N(*length)), ("max", N(*max))],
            P::DemoName { name, code } => vec![("name", text(name)), ("code", text(code))],
        }
    }

    /// One value of every variant, for tests that every code has its messages.
    pub fn examples() -> Vec<Problem> {
        use Problem as P;
        let t = |s: &str| s.to_owned();
        let all = vec![
            P::Required,
            P::RequiredWith {
                other: t("baseline_period"),
            },
            P::Invalid,
            P::NotOneOf {
                text: t("king"),
                allowed: t("admin, office, reporter, supervisor, viewer"),
            },
            P::NameRequired,
            P::TitleRequired,
            P::PersonNameRequired,
            P::EndsBefore {
                other: t("valid_from"),
            },
            P::ControlCharacter {
                character: t("U+0000"),
                position: 12,
            },
            P::TooLong {
                length: 20_000,
                max: 10_000,
            },
            P::NotANumber {
                text: t("12,5,3"),
                detail: t("\"12,5,3\" is not a number"),
            },
            P::NumberTooLarge {
                text: t("2000000000000000000000"),
            },
            P::NotAPeriod {
                text: t("2023-Q5"),
                detail: t("quarter 5 does not exist: quarters run from 1 to 4"),
            },
            P::NotADate {
                text: t("tomorrow"),
            },
            P::NoSuchMonth {
                text: t("2023-13-01"),
                month: 13,
            },
            P::NoSuchDay {
                text: t("2023-02-30"),
            },
            P::NotAYear { text: t("20233") },
            P::NotAUnitCode {
                text: t("Hà Nội"),
                detail: t("\"Hà Nội\" is not a unit code"),
            },
            P::NotAnIndicatorCode {
                text: t("GRDP growth"),
                detail: t("\"GRDP growth\" is not an indicator code"),
            },
            P::NotARegimeCode {
                text: t("báo cáo tháng"),
                detail: t("\"báo cáo tháng\" is not a regime code"),
            },
            P::NotADocumentNumber {
                text: t("NQ-TU"),
                detail: t("\"NQ-TU\" does not start with a number"),
            },
            P::NotADocumentKey {
                text: t("21 NQ"),
                detail: t("a document key may hold only letters A–Z"),
            },
            P::DocumentYearMismatch {
                number: t("30/2020/NĐ-CP"),
                number_year: 2020,
                date_year: 2021,
            },
            P::NotAWholeNumber { text: t("15.5") },
            P::NotAVersion { text: t("v2") },
            P::NotALink {
                text: t("javascript:alert(1)"),
            },
            P::NotAUsername {
                text: t("Nguyễn Văn A"),
            },
            P::UnknownUnit { code: t("NOPE") },
            P::UnknownIndicator { code: t("NOPE") },
            P::UnknownDocument {
                key: t("21-NQ-TU-2022"),
            },
            P::UnknownIssuerDocument {
                key: t("21-NQ-TU-2022"),
                issuer: t("40"),
            },
            P::AmbiguousDocument {
                key: t("21-NQ-TU-2022"),
                count: 2,
                issuers: t("40, 42"),
            },
            P::UnknownObservation { id: t("77") },
            P::UnknownTarget { id: t("12") },
            P::UnknownSession { id: 9 },
            P::UnknownFile {
                sha256: t("9f86d081884c7d65"),
            },
            P::Missing {
                thing: Thing::WorkingSession,
                key: t("9"),
            },
            P::NoneNamed {
                thing: Thing::Unit,
                text: t("Ha Lng"),
            },
            P::AmbiguousName {
                thing: Thing::Unit,
                text: t("so cong thuong"),
                candidates: t("Sở Công Thương — Quảng Ninh, Sở Công Thương — Nghệ An"),
            },
            P::UnitExists { code: t("40") },
            P::IndicatorExists {
                code: t("RETAIL_SALES"),
            },
            P::DocumentExists {
                key: t("21-NQ-TU-2022"),
            },
            P::TargetExists { target: 12 },
            P::SuccessionExists,
            P::IdTaken { id: t("12") },
            P::ShareOutOfRange { text: t("1.5") },
            P::DecimalsOutOfRange { text: t("9") },
            P::PercentOutOfRange { percent: 120 },
            P::PercentAbove100,
            P::DaysOutOfRange { days: 5000 },
            P::MetOverSet { met: 16, set: 15 },
            P::NotASingleMonth {
                period: t("2023-Q2"),
            },
            P::SelfSuccession,
            P::BadSuccession,
            P::UnitCycle { unit: t("40") },
            P::PartsOnlyForRatio,
            P::RateSummed,
            P::DocumentTypeMismatch {
                number: t("21-NQ/TU"),
                doc_type: t("resolution"),
            },
            P::KeyMismatch {
                key: t("21-NQ-TU-2022"),
            },
            P::KeyRequired,
            P::BaselineTooLate {
                baseline: t("2025"),
                period: t("2025"),
            },
            P::CorrectionNote,
            P::CorrectionMismatch { observation: 77 },
            P::CorrectionOfSuperseded { observation: 77 },
            P::ObservationIdTooLarge {
                observation: 4_294_967_296,
            },
            P::ScenarioEmpty,
            P::ScenarioMonthOutside {
                month: t("2024-01"),
                period: t("2023"),
            },
            P::ScenarioMonthTwice {
                month: t("2023-06"),
            },
            P::ScenarioNotFinite {
                month: t("2023-06"),
            },
            P::Empty { field: t("title") },
            P::EmptyItem,
            P::EmptyConclusion,
            P::NoSuchItem { count: 3 },
            P::NoSuchConclusion {
                session: 9,
                item: 4,
            },
            P::DocumentOrSession,
            P::SayWhatWasDone,
            P::WindowBackwards,
            P::WindowRequired,
            P::SubjectRequired,
            P::PositionBackwards {
                from: t("2022-01-01"),
                to: t("2021-06-30"),
            },
            P::AnswerBeforeRecommendation {
                on: t("2023-05-01"),
                received: t("2023-06-01"),
            },
            P::ConclusionTaken {
                session: 9,
                item: 2,
                task: 14,
            },
            P::TaskDone { task: 14 },
            P::Answered { recommendation: 21 },
            P::RegimeExists {
                code: t("SCT-THANG"),
            },
            P::RegimeIndicatorsRequired,
            P::RegimeReportersRequired,
            P::NotAReportingPeriod {
                period: t("2025-Q2"),
            },
            P::NotAReporter {
                unit: t("Sở Y tế"),
                period: t("2025-06"),
            },
            P::StepNotAllowed {
                state: t("approved"),
                action: t("submit"),
            },
            P::ExplanationRequired {
                indicator: t("Tổng mức bán lẻ"),
            },
            P::RuleViolated(Box::new(RuleViolation {
                rule: t("part_over_whole"),
                indicator: t("Trong đó: bán lẻ trực tuyến"),
                other: t("Tổng mức bán lẻ"),
                figure: t("3200.5"),
                bound: t("3100"),
            })),
            P::BadRule {
                reason: t("backwards"),
            },
            P::ReportLocked {
                unit: t("Sở Công Thương"),
                period: t("2025-06"),
                state: t("approved"),
            },
            P::OwnReport,
            P::FileUnnamed,
            P::FileSize {
                name: t("minutes.pdf"),
                max_mb: 10,
            },
            P::FileType {
                name: t("tool.exe"),
            },
            P::FileEmpty,
            P::FileBlank,
            P::FileTooLarge {
                size: 40_000_000,
                max: 33_554_432,
            },
            P::FileBinary {
                offset: 12,
                byte: t("0x07"),
            },
            P::FileEncoding {
                offset: 12,
                byte: t("0x81"),
            },
            P::FileNotText { kind: t("pdf") },
            P::FileDamaged {
                detail: t("invalid Zip archive: could not find central directory end"),
            },
            P::FileUnreadable {
                detail: t("No such file or directory (os error 2)"),
            },
            P::ReportTooLarge {
                size_mb: 12,
                max_mb: 10,
            },
            P::ReportNotKept,
            P::NotPermitted,
            P::OutsideScope { unit: t("42") },
            P::UsernameTaken { username: t("lan") },
            P::WrongPassword,
            P::PasswordLength { min: 12, max: 128 },
            P::PasswordReused,
            P::RoleRequired,
            P::ReasonRequired,
            P::NothingChanged,
            P::EditedMeanwhile,
            P::OwnAccount,
            P::TokenName,
            P::DemoName {
                name: t("Quang Ninh"),
                code: t("22"),
            },
            P::Clash {
                detail: t("UNIQUE constraint failed: units.code"),
            },
        ];
        // A new variant fails to compile here until it has a line in this match AND a value in
        // the list above (the test below counts them).
        for problem in &all {
            match problem {
                P::Required
                | P::RequiredWith { .. }
                | P::Invalid
                | P::NotOneOf { .. }
                | P::NameRequired
                | P::TitleRequired
                | P::PersonNameRequired
                | P::EndsBefore { .. }
                | P::ControlCharacter { .. }
                | P::TooLong { .. }
                | P::NotANumber { .. }
                | P::NumberTooLarge { .. }
                | P::NotAPeriod { .. }
                | P::NotADate { .. }
                | P::NoSuchMonth { .. }
                | P::NoSuchDay { .. }
                | P::NotAYear { .. }
                | P::NotAUnitCode { .. }
                | P::NotAnIndicatorCode { .. }
                | P::NotARegimeCode { .. }
                | P::NotADocumentNumber { .. }
                | P::NotADocumentKey { .. }
                | P::DocumentYearMismatch { .. }
                | P::NotAWholeNumber { .. }
                | P::NotAVersion { .. }
                | P::NotALink { .. }
                | P::NotAUsername { .. }
                | P::UnknownUnit { .. }
                | P::UnknownIndicator { .. }
                | P::UnknownDocument { .. }
                | P::UnknownIssuerDocument { .. }
                | P::AmbiguousDocument { .. }
                | P::UnknownObservation { .. }
                | P::UnknownTarget { .. }
                | P::UnknownSession { .. }
                | P::UnknownFile { .. }
                | P::Missing { .. }
                | P::NoneNamed { .. }
                | P::AmbiguousName { .. }
                | P::UnitExists { .. }
                | P::IndicatorExists { .. }
                | P::DocumentExists { .. }
                | P::TargetExists { .. }
                | P::SuccessionExists
                | P::IdTaken { .. }
                | P::ShareOutOfRange { .. }
                | P::DecimalsOutOfRange { .. }
                | P::PercentOutOfRange { .. }
                | P::PercentAbove100
                | P::DaysOutOfRange { .. }
                | P::MetOverSet { .. }
                | P::NotASingleMonth { .. }
                | P::SelfSuccession
                | P::BadSuccession
                | P::UnitCycle { .. }
                | P::PartsOnlyForRatio
                | P::RateSummed
                | P::DocumentTypeMismatch { .. }
                | P::KeyMismatch { .. }
                | P::KeyRequired
                | P::BaselineTooLate { .. }
                | P::CorrectionNote
                | P::CorrectionMismatch { .. }
                | P::CorrectionOfSuperseded { .. }
                | P::ObservationIdTooLarge { .. }
                | P::ScenarioEmpty
                | P::ScenarioMonthOutside { .. }
                | P::ScenarioMonthTwice { .. }
                | P::ScenarioNotFinite { .. }
                | P::Empty { .. }
                | P::EmptyItem
                | P::EmptyConclusion
                | P::NoSuchItem { .. }
                | P::NoSuchConclusion { .. }
                | P::DocumentOrSession
                | P::SayWhatWasDone
                | P::WindowBackwards
                | P::WindowRequired
                | P::SubjectRequired
                | P::PositionBackwards { .. }
                | P::AnswerBeforeRecommendation { .. }
                | P::ConclusionTaken { .. }
                | P::TaskDone { .. }
                | P::Answered { .. }
                | P::RegimeExists { .. }
                | P::RegimeIndicatorsRequired
                | P::RegimeReportersRequired
                | P::NotAReportingPeriod { .. }
                | P::NotAReporter { .. }
                | P::StepNotAllowed { .. }
                | P::ExplanationRequired { .. }
                | P::RuleViolated { .. }
                | P::BadRule { .. }
                | P::ReportLocked { .. }
                | P::OwnReport
                | P::FileUnnamed
                | P::FileSize { .. }
                | P::FileType { .. }
                | P::FileEmpty
                | P::FileBlank
                | P::FileTooLarge { .. }
                | P::FileBinary { .. }
                | P::FileEncoding { .. }
                | P::FileNotText { .. }
                | P::FileDamaged { .. }
                | P::FileUnreadable { .. }
                | P::ReportTooLarge { .. }
                | P::ReportNotKept
                | P::NotPermitted
                | P::OutsideScope { .. }
                | P::UsernameTaken { .. }
                | P::WrongPassword
                | P::PasswordLength { .. }
                | P::PasswordReused
                | P::RoleRequired
                | P::ReasonRequired
                | P::NothingChanged
                | P::EditedMeanwhile
                | P::OwnAccount
                | P::TokenName
                | P::DemoName { .. }
                | P::Clash { .. } => {}
            }
        }
        all
    }

    /// How many variants [`Problem::examples`] must cover: one more with each new variant.
    pub const VARIANTS: usize = 122;

    /// What the engine's refusal of a record says was wrong.
    pub fn of_engine(error: &EngineError) -> Problem {
        use EngineError as E;
        use Problem as P;
        let missing = |thing: Thing, key: String| P::Missing { thing, key };
        match error {
            E::UnknownUnit(id) => missing(Thing::Unit, id.to_string()),
            E::UnknownIndicator(id) => missing(Thing::Indicator, id.to_string()),
            E::UnknownDocument(id) => missing(Thing::Document, id.to_string()),
            E::UnknownTarget(id) => missing(Thing::Target, id.to_string()),
            E::UnknownObservation(id) => missing(Thing::Observation, id.to_string()),
            E::DuplicateUnitCode(code) => P::UnitExists {
                code: code.to_string(),
            },
            E::DuplicateIndicatorCode(code) => P::IndicatorExists {
                code: code.to_string(),
            },
            E::DuplicateDocument { key } => P::DocumentExists {
                key: key.to_string(),
            },
            E::DuplicateTarget(id) => P::TargetExists {
                target: i64::from(id.0),
            },
            E::Cycle(unit) => P::UnitCycle {
                unit: unit.to_string(),
            },
            E::CorrectionMismatch { corrected } => P::CorrectionMismatch {
                observation: number(corrected.0),
            },
            E::DuplicateId(id) => P::IdTaken { id: id.clone() },
            E::CorrectionOfSuperseded { corrected } => P::CorrectionOfSuperseded {
                observation: number(corrected.0),
            },
            E::ObservationIdTooLarge(id) => P::ObservationIdTooLarge {
                observation: number(id.0),
            },
            E::BadSuccession => P::BadSuccession,
            E::DuplicateSuccession { .. } => P::SuccessionExists,
            E::FollowUp(e) => Problem::of_follow_up(e),
            E::Reporting(e) => Problem::of_reporting(e),
            E::Rule(e) => Problem::of_rule(e),
            E::Amendment(e) => Problem::of_amendment(e),
        }
    }

    /// What is wrong with a correction the engine refused (the use cases check each field
    /// first, so these are the engine's last word rather than what a form usually meets).
    pub fn of_amendment(error: &giamsat_core::amendment::AmendmentError) -> Problem {
        use giamsat_core::amendment::AmendmentError as A;
        match error {
            A::Empty => Problem::NothingChanged,
            A::NoReason => Problem::ReasonRequired,
            A::NotFinite => Problem::NotANumber {
                text: String::new(),
                detail: error.to_string(),
            },
            A::Decimals => Problem::DecimalsOutOfRange {
                text: String::new(),
            },
            A::Parts => Problem::PartsOnlyForRatio,
            A::WrongField { .. } => Problem::Clash {
                detail: error.to_string(),
            },
        }
    }

    /// What the reporting book's refusal of a record says was wrong.
    /// What is wrong with a validation rule the engine refused.
    pub fn of_rule(error: &giamsat_core::reporting::validation::RuleError) -> Problem {
        use giamsat_core::reporting::validation::RuleError as R;
        let reason = match error {
            R::DuplicateId(id) => return Problem::IdTaken { id: id.to_string() },
            R::UnknownRegime(id) => {
                return Problem::Missing {
                    thing: Thing::Regime,
                    key: id.to_string(),
                };
            }
            R::NotOfRegime(_) => "not_of_regime",
            R::NotFinite => "not_finite",
            R::Backwards => "backwards",
            R::SameIndicator => "same_indicator",
        };
        Problem::BadRule {
            reason: reason.to_owned(),
        }
    }

    pub fn of_reporting(error: &ReportingError) -> Problem {
        use Problem as P;
        use ReportingError as R;
        match error {
            R::DuplicateId(id) => P::IdTaken { id: id.to_string() },
            R::DuplicateCode(code) => P::RegimeExists {
                code: code.to_string(),
            },
            R::UnknownRegime(id) => P::Missing {
                thing: Thing::Regime,
                key: id.to_string(),
            },
            R::NoIndicators => P::RegimeIndicatorsRequired,
            R::NoReporters => P::RegimeReportersRequired,
            R::NotAPeriod { period } => P::NotAReportingPeriod {
                period: period.code(),
            },
            R::NotAReporter { unit, period } => P::NotAReporter {
                unit: unit.to_string(),
                period: period.code(),
            },
            R::Step(StepError::NotFrom { from, action }) => P::StepNotAllowed {
                state: from.as_str().to_owned(),
                action: (*action).to_owned(),
            },
            R::Step(StepError::NoReason) => P::ReasonRequired,
            R::Step(StepError::EmptyExplanation) => P::Empty {
                field: "explanation".to_owned(),
            },
        }
    }

    /// What the follow-up book's refusal of a record says was wrong.
    pub fn of_follow_up(error: &FollowUpError) -> Problem {
        use FollowUpError as F;
        use Problem as P;
        match error {
            F::DuplicateId(id) => P::IdTaken { id: id.to_string() },
            F::Missing { what, id } => P::Missing {
                thing: Thing::from_name_en(what),
                key: id.clone(),
            },
            F::NoSuchConclusion { session, item } => P::NoSuchConclusion {
                session: i64::from(session.0),
                item: i64::from(*item),
            },
            F::ConclusionTaken {
                session,
                item,
                task,
            } => P::ConclusionTaken {
                session: i64::from(session.0),
                item: i64::from(*item),
                task: i64::from(task.0),
            },
            F::TaskDone(task) => P::TaskDone {
                task: i64::from(task.0),
            },
            F::Answered(r) => P::Answered {
                recommendation: i64::from(r.0),
            },
            F::Empty { field: "reason" } => P::ReasonRequired,
            F::Empty { field } => P::Empty {
                field: (*field).to_owned(),
            },
            F::PositionBackwards { from, to } => P::PositionBackwards {
                from: from.to_string(),
                to: to.to_string(),
            },
            F::NoSubjects => P::SubjectRequired,
            F::EmptyConclusion => P::EmptyConclusion,
            F::PercentAbove100 => P::PercentAbove100,
            F::AnswerBeforeRecommendation { on, received } => P::AnswerBeforeRecommendation {
                on: on.to_string(),
                received: received.to_string(),
            },
            F::NoChange => P::NothingChanged,
            F::Stale { .. } => P::EditedMeanwhile,
            F::NotRevisable(_) | F::NotAField { .. } => P::Invalid,
        }
    }

    /// Why the access rules refused a write.
    pub fn of_denied(denied: &Denied) -> Problem {
        match denied {
            Denied::Role => Problem::NotPermitted,
            Denied::Scope(unit) => Problem::OutsideScope {
                unit: unit.to_string(),
            },
            Denied::Locked {
                unit,
                period,
                state,
            } => Problem::ReportLocked {
                unit: unit.to_string(),
                period: period.code(),
                state: state.as_str().to_owned(),
            },
        }
    }

    /// Why a report's bytes could not be read as text.
    pub fn of_decode(error: &giamsat_intake::DecodeError) -> Problem {
        use giamsat_intake::DecodeError as D;
        match error {
            D::Empty => Problem::FileEmpty,
            D::Blank => Problem::FileBlank,
            D::TooLarge { size } => Problem::FileTooLarge {
                size: number(*size),
                max: number(giamsat_intake::MAX_BYTES),
            },
            D::Binary { offset, byte } => Problem::FileBinary {
                offset: number(*offset),
                byte: format!("{byte:#04x}"),
            },
            D::UnknownEncoding { offset, byte } => Problem::FileEncoding {
                offset: number(*offset),
                byte: format!("{byte:#04x}"),
            },
            D::NotText { kind } => Problem::FileNotText {
                kind: kind.name().to_owned(),
            },
            D::DamagedDocument { detail } => Problem::FileDamaged {
                detail: detail.clone(),
            },
        }
    }
}

/// A count or id as a message argument; the largest values saturate.
pub(crate) fn number<T: TryInto<i64>>(n: T) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// A core error met while reading a field's text: what kind of value was expected.
pub(crate) trait ReadError: fmt::Display {
    fn problem(&self, text: &str) -> Problem;
}

impl ReadError for giamsat_core::text::NumberError {
    fn problem(&self, text: &str) -> Problem {
        match self {
            giamsat_core::text::NumberError::TooLarge { .. } => Problem::NumberTooLarge {
                text: text.to_owned(),
            },
            _ => Problem::NotANumber {
                text: text.to_owned(),
                detail: self.to_string(),
            },
        }
    }
}

impl ReadError for giamsat_core::period::PeriodError {
    fn problem(&self, text: &str) -> Problem {
        Problem::NotAPeriod {
            text: text.to_owned(),
            detail: self.to_string(),
        }
    }
}

impl ReadError for giamsat_core::org::BadUnitCode {
    fn problem(&self, text: &str) -> Problem {
        Problem::NotAUnitCode {
            text: text.to_owned(),
            detail: self.to_string(),
        }
    }
}

impl ReadError for giamsat_core::indicator::BadIndicatorCode {
    fn problem(&self, text: &str) -> Problem {
        Problem::NotAnIndicatorCode {
            text: text.to_owned(),
            detail: self.to_string(),
        }
    }
}

impl ReadError for giamsat_core::reporting::BadRegimeCode {
    fn problem(&self, text: &str) -> Problem {
        Problem::NotARegimeCode {
            text: text.to_owned(),
            detail: self.to_string(),
        }
    }
}

impl ReadError for giamsat_core::document::DocumentNumberError {
    fn problem(&self, text: &str) -> Problem {
        Problem::NotADocumentNumber {
            text: text.to_owned(),
            detail: self.to_string(),
        }
    }
}

impl ReadError for giamsat_core::document::DocumentKeyError {
    fn problem(&self, text: &str) -> Problem {
        use giamsat_core::document::DocumentKeyError as K;
        match self {
            K::Malformed(_) => Problem::NotADocumentKey {
                text: text.to_owned(),
                detail: self.to_string(),
            },
            K::YearMismatch {
                number,
                number_year,
                date_year,
            } => Problem::DocumentYearMismatch {
                number: number.clone(),
                number_year: i64::from(*number_year),
                date_year: i64::from(*date_year),
            },
        }
    }
}

impl ReadError for giamsat_core::target::ScenarioError {
    fn problem(&self, _text: &str) -> Problem {
        use giamsat_core::target::ScenarioError as S;
        match self {
            S::Empty => Problem::ScenarioEmpty,
            S::OutsidePeriod { month, period } => Problem::ScenarioMonthOutside {
                month: month.to_string(),
                period: period.to_string(),
            },
            S::Duplicate(month) => Problem::ScenarioMonthTwice {
                month: month.to_string(),
            },
            S::NotFinite(month) => Problem::ScenarioNotFinite {
                month: month.to_string(),
            },
        }
    }
}

impl ReadError for Problem {
    fn problem(&self, _text: &str) -> Problem {
        self.clone()
    }
}

/// The English message: what the CLI prints and the API sends beside the code.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem as P;
        match self {
            P::Required => write!(f, "is required"),
            P::RequiredWith { other } => write!(f, "is required with {other}"),
            P::Invalid => write!(f, "is invalid"),
            P::NotOneOf { text, allowed } => write!(f, "\"{text}\" is not one of: {allowed}"),
            P::NameRequired => write!(f, "a name is required in at least one language"),
            P::TitleRequired => write!(f, "a title is required in at least one language"),
            P::PersonNameRequired => write!(f, "give a name"),
            P::EndsBefore { other } => write!(f, "ends before {other}"),
            P::ControlCharacter {
                character,
                position,
            } => write!(
                f,
                "holds the control character {character} at character {position}: remove it (only texts of several lines may hold line breaks and tabs)"
            ),
            P::TooLong { length, max } => {
                write!(f, "is {length} characters long: at most {max} are allowed")
            }
            P::NotANumber { detail, .. }
            | P::NotAPeriod { detail, .. }
            | P::NotAUnitCode { detail, .. }
            | P::NotAnIndicatorCode { detail, .. }
            | P::NotARegimeCode { detail, .. }
            | P::NotADocumentNumber { detail, .. }
            | P::NotADocumentKey { detail, .. } => write!(f, "{detail}"),
            P::NumberTooLarge { text } => write!(
                f,
                "\"{text}\" is too large: no figure is above a billion billion (10^18)"
            ),
            P::NotADate { text } => {
                write!(f, "\"{text}\" is not a date: write 2022-01-25 or 25/1/2022")
            }
            P::NoSuchMonth { text, month } => write!(f, "{text}: month {month} does not exist"),
            P::NoSuchDay { text } => write!(f, "{text}: that day does not exist"),
            P::NotAYear { text } => write!(f, "\"{text}\" is not a year between 1945 and 2199"),
            P::DocumentYearMismatch {
                number,
                number_year,
                date_year,
            } => write!(
                f,
                "the number {number} says {number_year} but the document is dated {date_year}"
            ),
            P::NotAWholeNumber { text } => write!(f, "\"{text}\" is not a whole number"),
            P::NotAVersion { text } => write!(
                f,
                "\"{text}\" is not a version: give the id of the observation you read, or 0 for an empty cell"
            ),
            P::NotALink { text } => write!(
                f,
                "\"{text}\" is not a link: give an address starting with https://"
            ),
            P::NotAUsername { text } => write!(
                f,
                "\"{text}\" is not a username: use 1 to 64 letters a–z, digits, '.', '_' or '-', starting with a letter"
            ),
            P::UnknownUnit { code } => write!(f, "no unit has the code {code}"),
            P::UnknownIndicator { code } => write!(f, "no indicator has the code {code}"),
            P::UnknownDocument { key } => write!(f, "no document has the key {key}"),
            P::UnknownIssuerDocument { key, issuer } => {
                write!(f, "no document {key} issued by {issuer}")
            }
            P::AmbiguousDocument {
                key,
                count,
                issuers,
            } => write!(
                f,
                "{count} documents have the key {key} (issued by {issuers}): give document_issuer"
            ),
            P::UnknownObservation { id } => write!(f, "no observation has the id {id}"),
            P::UnknownTarget { id } => write!(f, "no target has the id {id}"),
            P::UnknownSession { id } => write!(f, "no working session has the id {id}"),
            P::UnknownFile { sha256 } => write!(f, "no file {sha256} was given"),
            P::Missing { thing, key } => write!(f, "there is no {thing} {key}"),
            P::NoneNamed { thing, text } => write!(f, "no {thing} is called \"{text}\""),
            P::AmbiguousName {
                thing,
                text,
                candidates,
            } => write!(
                f,
                "\"{text}\" could be more than one {thing}: did you mean {candidates}?"
            ),
            P::UnitExists { code } => write!(f, "a unit with the code {code} already exists"),
            P::IndicatorExists { code } => {
                write!(f, "an indicator with the code {code} already exists")
            }
            P::DocumentExists { key } => write!(f, "this issuer already has the document {key}"),
            P::TargetExists { target } => write!(
                f,
                "this document already sets this target (target {target})"
            ),
            P::SuccessionExists => write!(f, "this succession is already recorded"),
            P::IdTaken { id } => write!(f, "id {id} is already taken"),
            P::ShareOutOfRange { text } => {
                write!(f, "{text} is not a share between 0 (excluded) and 1")
            }
            P::DecimalsOutOfRange { text } => {
                write!(f, "\"{text}\" is not a number of decimals from 0 to 6")
            }
            P::PercentOutOfRange { percent } => {
                write!(f, "{percent} is not a percent from 0 to 100")
            }
            P::PercentAbove100 => write!(f, "a percent is at most 100"),
            P::DaysOutOfRange { days } => {
                write!(f, "{days} is not a number of days from 1 to 3650")
            }
            P::MetOverSet { met, set } => write!(
                f,
                "{met} targets met out of {set} set is more than were set"
            ),
            P::NotASingleMonth { period } => write!(f, "{period} is not a single month"),
            P::SelfSuccession => write!(f, "a unit cannot succeed itself"),
            P::BadSuccession => write!(
                f,
                "a unit cannot succeed itself, and a share must be above 0 and at most 1"
            ),
            P::UnitCycle { unit } => write!(f, "unit {unit} cannot be its own ancestor"),
            P::PartsOnlyForRatio => write!(
                f,
                "numerator, denominator and weight apply only to ratio and weighted_mean"
            ),
            P::RateSummed => write!(
                f,
                "a rate is never summed: use ratio (from its parts), mean, weighted_mean or not_combinable"
            ),
            P::DocumentTypeMismatch { number, doc_type } => {
                write!(f, "the number {number} is a {doc_type}")
            }
            P::KeyMismatch { key } => write!(
                f,
                "the number gives the key {key}; leave key empty or write {key}"
            ),
            P::KeyRequired => write!(f, "is required when the document has no number"),
            P::BaselineTooLate { baseline, period } => write!(
                f,
                "the baseline {baseline} must end before the target's period {period} ends"
            ),
            P::CorrectionNote => write!(f, "say why the observation is corrected"),
            P::CorrectionMismatch { observation } => write!(
                f,
                "observation {observation} is about another indicator, unit or period than its correction"
            ),
            P::CorrectionOfSuperseded { observation } => write!(
                f,
                "observation {observation} is not the current value of its cell: a correction replaces the figure shown"
            ),
            P::ObservationIdTooLarge { observation } => write!(
                f,
                "observation id {observation} is beyond the engine's limit of 4294967295"
            ),
            P::ScenarioEmpty => write!(f, "a scenario needs at least one point"),
            P::ScenarioMonthOutside { month, period } => {
                write!(f, "month {month} is outside the target's period {period}")
            }
            P::ScenarioMonthTwice { month } => {
                write!(f, "month {month} appears twice in the scenario")
            }
            P::ScenarioNotFinite { month } => {
                write!(f, "the value for {month} is not a finite number")
            }
            P::Empty { field } => write!(f, "{field} is empty"),
            P::EmptyItem => write!(f, "an item is empty"),
            P::EmptyConclusion => write!(f, "a conclusion item is empty"),
            P::NoSuchItem { count } => {
                write!(f, "the session's conclusion has items 1 to {count}")
            }
            P::NoSuchConclusion { session, item } => write!(
                f,
                "conclusion item {item} of session {session} does not exist"
            ),
            P::DocumentOrSession => {
                write!(f, "give either a document or a session and its item")
            }
            P::SayWhatWasDone => write!(f, "say what was done"),
            P::WindowBackwards => write!(f, "the window ends before it starts"),
            P::WindowRequired => write!(f, "give the first and last days of the window"),
            P::SubjectRequired => write!(f, "name at least one document or subject"),
            P::PositionBackwards { from, to } => {
                write!(f, "the position ends ({to}) before it starts ({from})")
            }
            P::AnswerBeforeRecommendation { on, received } => write!(
                f,
                "the answer ({on}) comes before the recommendation ({received})"
            ),
            P::ConclusionTaken {
                session,
                item,
                task,
            } => write!(
                f,
                "conclusion item {item} of session {session} is task {task} already"
            ),
            P::TaskDone { task } => write!(f, "task {task} was marked done already"),
            P::Answered { recommendation } => {
                write!(f, "recommendation {recommendation} was answered already")
            }
            P::RegimeExists { code } => write!(f, "a regime with code {code} exists already"),
            P::RegimeIndicatorsRequired => write!(f, "a regime names at least one indicator"),
            P::RegimeReportersRequired => {
                write!(f, "a regime names at least one reporting unit")
            }
            P::NotAReportingPeriod { period } => {
                write!(f, "{period} is not a reporting period of this regime")
            }
            P::NotAReporter { unit, period } => {
                write!(f, "{unit} does not report under this regime for {period}")
            }
            P::StepNotAllowed { state, action } => {
                write!(
                    f,
                    "a report that is {state} cannot be given the step {action}"
                )
            }
            P::ReasonRequired => write!(f, "say why"),
            P::ExplanationRequired { indicator } => write!(
                f,
                "the figure of {indicator} stands out against the unit's history: explain it"
            ),
            P::RuleViolated(v) => {
                let RuleViolation {
                    rule,
                    indicator,
                    other,
                    figure,
                    bound,
                } = &**v;
                match rule.as_str() {
                    "below_min" => write!(f, "{indicator}: {figure} is below the minimum {bound}"),
                    "above_max" => write!(f, "{indicator}: {figure} is above the maximum {bound}"),
                    "missing" => write!(f, "{indicator}: a figure is required"),
                    "part_over_whole" => write!(
                        f,
                        "{indicator} ({figure}) is more than {other} ({bound}), of which it is a part"
                    ),
                    "parts_off_whole" => write!(
                        f,
                        "{indicator} is {bound} but its parts ({other}) add up to {figure}"
                    ),
                    _ => write!(
                        f,
                        "{indicator}: the month's {figure} is more than the year to date {bound} ({other})"
                    ),
                }
            }
            P::BadRule { reason } => match reason.as_str() {
                "backwards" => write!(f, "the minimum is above the maximum"),
                "same_indicator" => write!(f, "a relation needs different indicators"),
                "not_of_regime" => write!(f, "the indicator is not one of the regime's"),
                _ => write!(f, "give finite numbers, and thresholds above zero"),
            },
            P::ReportLocked {
                unit,
                period,
                state,
            } => write!(
                f,
                "the report of {unit} for {period} is {state}: its figures cannot change until the unit above returns or reopens it"
            ),
            P::OwnReport => write!(f, "the person who sent a report cannot decide on it"),
            P::FileUnnamed => write!(f, "the file has no name"),
            P::FileSize { name, max_mb } => {
                write!(f, "{name}: a file of evidence has 1 byte to {max_mb} MB")
            }
            P::FileType { name } => write!(
                f,
                "{name}: give a PDF, PNG, JPEG, Word, Excel, OpenDocument, CSV or text file"
            ),
            P::FileEmpty => write!(f, "the file is empty"),
            P::FileBlank => write!(f, "the file holds no text, only spaces and line breaks"),
            P::FileTooLarge { size, max } => write!(
                f,
                "the file is {size} bytes; intake reads texts of at most {max} bytes"
            ),
            P::FileBinary { offset, byte } => write!(
                f,
                "the file is not text (byte {offset} is a control character {byte}): give a plain-text or HTML file"
            ),
            P::FileEncoding { offset, byte } => write!(
                f,
                "the file is neither UTF-8 nor Windows-1258 (byte {offset}, {byte}, has no character in either): save it as UTF-8"
            ),
            P::FileNotText { kind } => write!(
                f,
                "the file is not a text ({kind}): give a Word document (DOCX), a plain-text or an HTML file"
            ),
            P::FileDamaged { detail } => {
                write!(f, "the Word document cannot be opened: {detail}")
            }
            P::FileUnreadable { detail } => write!(f, "cannot be read as UTF-8 text: {detail}"),
            P::ReportTooLarge { size_mb, max_mb } => write!(
                f,
                "the text read is {size_mb} MB; the review takes up to {max_mb} MB"
            ),
            P::ReportNotKept => write!(f, "the report was not kept as a file"),
            P::NotPermitted => write!(f, "no grant allows writing this kind of record"),
            P::OutsideScope { unit } => write!(
                f,
                "unit {unit} is outside the scope of every grant that allows this write"
            ),
            P::UsernameTaken { username } => write!(f, "the username {username} is taken"),
            P::WrongPassword => write!(f, "the current password is wrong"),
            P::PasswordLength { min, max } => {
                write!(f, "a password has {min} to {max} characters")
            }
            P::PasswordReused => write!(
                f,
                "choose a password other than the current one and the username"
            ),
            P::RoleRequired => write!(f, "give at least one role and its scope"),
            P::NothingChanged => write!(f, "nothing was changed"),
            P::EditedMeanwhile => write!(
                f,
                "someone else corrected this record since you opened it: read it again"
            ),
            P::OwnAccount => write!(f, "an administrator cannot do this to their own account"),
            P::TokenName => write!(
                f,
                "name the token (1 to 100 characters), for example the client that will use it"
            ),
            P::DemoName { name, code } => write!(
                f,
                "the demo maps \"{name}\" to {code}, which has another name"
            ),
            P::Clash { detail } => write!(f, "{detail}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_one_example_and_its_own_code() {
        let examples = Problem::examples();
        assert_eq!(examples.len(), Problem::VARIANTS);
        let mut codes: Vec<&str> = examples.iter().map(Problem::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Problem::VARIANTS, "a code is used twice");
        for problem in &examples {
            let code = problem.code();
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{code}"
            );
            assert!(!problem.to_string().is_empty(), "{code}");
            let mut names: Vec<&str> = problem.args().iter().map(|(n, _)| *n).collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{code} names an argument twice");
        }
    }

    #[test]
    fn field_errors_serialize_with_their_code_and_english_message() {
        let error = FieldError::new(
            "unit",
            Problem::UnknownUnit {
                code: "NOPE".into(),
            },
        );
        assert_eq!(
            serde_json::to_value(&error).expect("json"),
            serde_json::json!({
                "field": "unit",
                "code": "unknown_unit",
                "message": "no unit has the code NOPE",
            })
        );
    }

    #[test]
    fn things_have_distinct_codes_and_read_back_from_the_cores_names() {
        for thing in Thing::ALL {
            assert_eq!(Thing::from_name_en(thing.name_en()), thing);
        }
        assert_eq!(
            Thing::from_name_en("working session"),
            Thing::WorkingSession
        );
    }
}
