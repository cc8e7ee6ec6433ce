//! What a user gives to create a record, as text with external codes: the same fields whether
//! they come from a CSV row, a JSON body or a form. [`Validate`] turns an input into a record
//! checked against the engine, or into the list of everything wrong with it, field by field.

use giamsat_core::document::DocumentNumberError;
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::org::UnitCode;
use giamsat_core::target::Baseline;
use giamsat_core::text::{Language, parse_number};
use giamsat_core::{
    AcrossUnits, Comparator, Direction, Document, DocumentKey, DocumentNumber, DocumentType,
    Engine, Horizon, Indicator, Month, Observation, ObservationId, ObservationKind, OverTime,
    Period, Provenance, Record, ReportedScorecard, SamePeriodBase, Scenario, Target, Translations,
    Unit, UnitKind,
};
use serde::{Deserialize, Serialize};

use crate::problem::ReadError;
pub use crate::problem::{FieldError, Problem};
use crate::text::TextFields;

/// Collects field errors while an input is read, so that every problem is reported at once.
pub(crate) struct Checker {
    errors: Vec<FieldError>,
    /// The convention numbers are written in.
    numbers: Language,
    /// The units of the writer's scope, which names are looked for in first.
    scope: Vec<giamsat_core::UnitId>,
}

impl Checker {
    pub(crate) fn new(origin: &Origin<'_>) -> Checker {
        Checker {
            errors: Vec::new(),
            numbers: origin.numbers,
            scope: origin.scope.clone(),
        }
    }

    pub(crate) fn fail(&mut self, field: &str, problem: Problem) {
        self.errors.push(FieldError::new(field, problem));
    }

    pub(crate) fn required<'a>(
        &mut self,
        field: &str,
        value: &'a Option<String>,
    ) -> Option<&'a str> {
        match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(v),
            _ => {
                self.fail(field, Problem::Required);
                None
            }
        }
    }

    /// The value read from `text`, or the problem of what was expected (a period, a unit
    /// code…) recorded against `field`.
    pub(crate) fn check<T, E: ReadError>(
        &mut self,
        field: &str,
        text: &str,
        result: Result<T, E>,
    ) -> Option<T> {
        result.map_err(|e| self.fail(field, e.problem(text))).ok()
    }

    pub(crate) fn number(&mut self, field: &str, value: &Option<String>) -> Option<f64> {
        let text = self.required(field, value)?;
        self.check(field, text, parse_number(text, self.numbers))
    }

    pub(crate) fn period(&mut self, field: &str, value: &Option<String>) -> Option<Period> {
        let text = self.required(field, value)?;
        self.check(field, text, giamsat_core::written::read_period(text))
    }

    pub(crate) fn unit(
        &mut self,
        engine: &Engine,
        field: &str,
        value: &Option<String>,
    ) -> Option<giamsat_core::UnitId> {
        let text = self.required(field, value)?;
        self.unit_code(engine, field, text)
    }

    pub(crate) fn optional_unit(
        &mut self,
        engine: &Engine,
        field: &str,
        value: &Option<String>,
    ) -> Option<Option<giamsat_core::UnitId>> {
        match present(value) {
            None => Some(None),
            Some(text) => self.unit_code(engine, field, text).map(Some),
        }
    }

    pub(crate) fn unit_code(
        &mut self,
        engine: &Engine,
        field: &str,
        text: &str,
    ) -> Option<giamsat_core::UnitId> {
        let code = UnitCode::parse(text);
        if let Some(unit) = code.as_ref().ok().and_then(|c| engine.unit_by_code(c)) {
            return Some(unit.id);
        }
        match crate::names::unit(engine, &self.scope, text) {
            Ok(id) => Some(id),
            // Something written as a code that names nothing is reported as the code it is.
            Err(Problem::NoneNamed { .. }) if code.is_ok() => {
                let code = code.map(|c| c.to_string()).unwrap_or_default();
                self.fail(field, Problem::UnknownUnit { code });
                None
            }
            Err(problem) => {
                self.fail(field, problem);
                None
            }
        }
    }

    pub(crate) fn indicator_id(
        &mut self,
        engine: &Engine,
        field: &str,
        value: &Option<String>,
    ) -> Option<giamsat_core::IndicatorId> {
        let text = self.required(field, value)?;
        let code = IndicatorCode::parse(text);
        if let Some(indicator) = code.as_ref().ok().and_then(|c| engine.indicator_by_code(c)) {
            return Some(indicator.id);
        }
        match crate::names::indicator(engine, text) {
            Ok(id) => Some(id),
            Err(Problem::NoneNamed { .. }) if code.is_ok() => {
                let code = code.map(|c| c.to_string()).unwrap_or_default();
                self.fail(field, Problem::UnknownIndicator { code });
                None
            }
            Err(problem) => {
                self.fail(field, problem);
                None
            }
        }
    }

    pub(crate) fn date(
        &mut self,
        field: &str,
        value: &Option<String>,
    ) -> Option<Option<time::Date>> {
        match present(value) {
            None => Some(None),
            Some(text) => self.check(field, text, read_date(text)).map(Some),
        }
    }

    pub(crate) fn year(&mut self, field: &str, value: &Option<String>) -> Option<Option<i32>> {
        match present(value) {
            None => Some(None),
            Some(text) => match text.parse::<i32>() {
                Ok(y) if (1945..=2199).contains(&y) => Some(Some(y)),
                _ => {
                    self.fail(
                        field,
                        Problem::NotAYear {
                            text: text.to_owned(),
                        },
                    );
                    None
                }
            },
        }
    }

    /// A document by key, with the issuer's code when two bodies used the same number.
    pub(crate) fn document(
        &mut self,
        engine: &Engine,
        field: &str,
        key: &str,
        issuer: &Option<String>,
    ) -> Option<giamsat_core::DocumentId> {
        let typed = key;
        let Ok(key) = DocumentKey::parse(typed) else {
            // Not a key: a number as written, or words of the title.
            return match crate::names::document(engine, &self.scope, typed) {
                Ok(id) => Some(id),
                Err(problem) => {
                    self.fail(field, problem);
                    None
                }
            };
        };
        if let Some(issuer_text) = present(issuer) {
            let issuer = self.unit_code(engine, "document_issuer", issuer_text)?;
            return match engine.document_by_issuer_key(issuer, &key) {
                Some(d) => Some(d.id),
                None => {
                    self.fail(
                        field,
                        Problem::UnknownIssuerDocument {
                            key: key.to_string(),
                            issuer: issuer_text.to_owned(),
                        },
                    );
                    None
                }
            };
        }
        match engine.documents_by_key(&key).as_slice() {
            [one] => Some(one.id),
            [] => {
                // A key that names nothing may still be words of a title or a number.
                if let Ok(id) = crate::names::document(engine, &self.scope, typed) {
                    return Some(id);
                }
                self.fail(
                    field,
                    Problem::UnknownDocument {
                        key: key.to_string(),
                    },
                );
                None
            }
            many => {
                let issuers: Vec<String> = many
                    .iter()
                    .filter_map(|d| engine.unit(d.issued_by).map(|u| u.code.to_string()))
                    .collect();
                self.fail(
                    field,
                    Problem::AmbiguousDocument {
                        key: key.to_string(),
                        count: crate::problem::number(many.len()),
                        issuers: issuers.join(", "),
                    },
                );
                None
            }
        }
    }

    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ if self.errors.is_empty() => Err(vec![FieldError::new("", Problem::Invalid)]),
            _ => Err(self.errors),
        }
    }
}

pub(crate) fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Reads a civil date as people write it (`2022-01-25`, `25/1/2022`, `25.01.2022`,
/// `ngày 25 tháng 1 năm 2022`, `25 January 2022`); the error in English.
pub fn parse_date(text: &str) -> Result<time::Date, String> {
    read_date(text).map_err(|p| p.to_string())
}

/// Reads a civil date as [`parse_date`] does; the error as a [`Problem`].
pub fn read_date(text: &str) -> Result<time::Date, Problem> {
    use giamsat_core::written::DateError;
    let text = text.trim();
    giamsat_core::written::read_date(text).map_err(|e| match e {
        DateError::NoSuchMonth(month) => Problem::NoSuchMonth {
            text: text.to_owned(),
            month: i64::from(month),
        },
        DateError::NoSuchDay(_) => Problem::NoSuchDay {
            text: text.to_owned(),
        },
        DateError::Empty | DateError::Unrecognised(_) => Problem::NotADate {
            text: text.to_owned(),
        },
    })
}

pub(crate) fn translations(
    vi: &Option<String>,
    en: &Option<String>,
    fr: &Option<String>,
) -> Translations {
    Translations::default()
        .with(Language::Vi, vi.as_deref().unwrap_or(""))
        .with(Language::En, en.as_deref().unwrap_or(""))
        .with(Language::Fr, fr.as_deref().unwrap_or(""))
}

pub(crate) fn choice<T: for<'de> Deserialize<'de>>(
    checker: &mut Checker,
    field: &str,
    value: &Option<String>,
    allowed: &str,
) -> Option<T> {
    let text = checker.required(field, value)?;
    match serde_json::from_value(serde_json::Value::String(text.to_ascii_lowercase())) {
        Ok(v) => Some(v),
        Err(_) => {
            checker.fail(
                field,
                Problem::NotOneOf {
                    text: text.to_owned(),
                    allowed: allowed.to_owned(),
                },
            );
            None
        }
    }
}

/// The context every validation needs: who records, from what source, when.
pub struct Origin<'a> {
    pub recorded_by: &'a str,
    /// The default source when the input names none (a file and line, "API").
    pub source: String,
    pub at: time::OffsetDateTime,
    /// The convention numbers are written in: English (`36539.5`) unless a file says otherwise.
    pub numbers: Language,
    /// The units the writer's grants are over, where names are looked for first; empty for
    /// the system and for files.
    pub scope: Vec<giamsat_core::UnitId>,
}

impl Origin<'_> {
    pub(crate) fn provenance(&self, source: &Option<String>) -> Provenance {
        Provenance {
            source: present(source).map_or_else(|| self.source.clone(), str::to_owned),
            recorded_by: self.recorded_by.to_owned(),
            recorded_at: self.at,
        }
    }
}

/// Turns an input into a record checked against the engine.
pub trait Validate: TextFields {
    /// The record, once every text field passed the text policy ([`crate::text`]) and the
    /// input's own rules.
    fn validate(&self, engine: &Engine, origin: &Origin<'_>) -> Result<Record, Vec<FieldError>> {
        crate::text::check(self)?;
        self.check_fields(engine, origin)
    }

    /// The input's own rules; callers go through [`Validate::validate`], which applies the
    /// text policy first.
    fn check_fields(&self, engine: &Engine, origin: &Origin<'_>)
    -> Result<Record, Vec<FieldError>>;

    /// Whether the input was made from the current state of what it changes: a writer that
    /// read a figure, and sends the version it read, must not overwrite one recorded since.
    fn check_version(&self, _engine: &Engine) -> Result<(), Stale> {
        Ok(())
    }
}

/// A write made from a value that has changed since the writer read it: the later of two
/// concurrent edits, refused so that neither is silently lost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stale {
    /// The cell: `observation:RETAIL_SALES/40/2023-YTD05`.
    pub object: String,
    /// The version the writer read (0: the cell was empty).
    pub expected: u64,
    /// What the cell holds now.
    pub current: Option<CurrentValue>,
}

/// The current value of a cell, as a conflict shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentValue {
    /// The id of the observation that holds it: the version to send with the next write.
    pub version: u64,
    pub value: f64,
    pub kind: ObservationKind,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} was changed after version {} was read: ",
            self.object, self.expected
        )?;
        match &self.current {
            Some(c) => write!(
                f,
                "it now holds {} ({}, version {}); read it again and resend your change if it still holds",
                c.value,
                c.kind.as_str(),
                c.version
            ),
            None => write!(f, "it is now empty"),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitInput {
    pub code: Option<String>,
    pub kind: Option<String>,
    pub parent: Option<String>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub name_fr: Option<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub source: Option<String>,
}

impl Validate for UnitInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let code = c
            .required("code", &self.code)
            .and_then(|t| c.check("code", t, UnitCode::parse(t)));
        if let Some(code) = &code
            && engine.unit_by_code(code).is_some()
        {
            c.fail(
                "code",
                Problem::UnitExists {
                    code: code.to_string(),
                },
            );
        }
        let kind = c.required("kind", &self.kind).and_then(|t| {
            let kind = UnitKind::parse(t);
            if kind.is_none() {
                let names: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
                c.fail(
                    "kind",
                    Problem::NotOneOf {
                        text: t.to_owned(),
                        allowed: names.join(", "),
                    },
                );
            }
            kind
        });
        let parent = c.optional_unit(engine, "parent", &self.parent);
        let name = translations(&self.name_vi, &self.name_en, &self.name_fr);
        if name.is_empty() {
            c.fail("name_vi", Problem::NameRequired);
        }
        let valid_from = c.date("valid_from", &self.valid_from);
        let valid_to = c.date("valid_to", &self.valid_to);
        if let (Some(Some(from)), Some(Some(to))) = (valid_from, valid_to)
            && to < from
        {
            c.fail(
                "valid_to",
                Problem::EndsBefore {
                    other: "valid_from".into(),
                },
            );
        }
        let record = (|| {
            Some(Record::Unit(Unit {
                id: engine.next_unit_id(),
                code: code?,
                kind: kind?,
                name,
                parent: parent?,
                valid_from: valid_from?,
                valid_to: valid_to?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

/// A unit taking over from another on a date (*sáp nhập*, *chia tách*): merged into it
/// (share 1), or split, with the share of the predecessor's additive figures it carries.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuccessionInput {
    pub predecessor: Option<String>,
    pub successor: Option<String>,
    /// Between 0 (excluded) and 1; 1 when not given.
    pub share: Option<String>,
    /// The first day the successor holds the predecessor's territory.
    pub from: Option<String>,
    pub source: Option<String>,
}

impl Validate for SuccessionInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let predecessor = c.unit(engine, "predecessor", &self.predecessor);
        let successor = c.unit(engine, "successor", &self.successor);
        let share = match present(&self.share) {
            None => Some(1.0),
            Some(text) => c
                .check("share", text, parse_number(text, c.numbers))
                .and_then(|share| {
                    if share > 0.0 && share <= 1.0 {
                        Some(share)
                    } else {
                        c.fail(
                            "share",
                            Problem::ShareOutOfRange {
                                text: text.to_owned(),
                            },
                        );
                        None
                    }
                }),
        };
        let from = c
            .required("from", &self.from)
            .and_then(|t| c.check("from", t, read_date(t)));
        if let (Some(p), Some(s)) = (predecessor, successor) {
            if p == s {
                c.fail("successor", Problem::SelfSuccession);
            } else if engine.successors(p).any(|x| x.successor == s) {
                c.fail("successor", Problem::SuccessionExists);
            }
        }
        let record = (|| {
            Some(Record::Succession(giamsat_core::Succession {
                predecessor: predecessor?,
                successor: successor?,
                share: share?,
                from: from?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorInput {
    pub code: Option<String>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub name_fr: Option<String>,
    pub measure_vi: Option<String>,
    pub measure_en: Option<String>,
    pub measure_fr: Option<String>,
    pub decimals: Option<String>,
    pub direction: Option<String>,
    pub across_units: Option<String>,
    pub weight: Option<String>,
    pub numerator: Option<String>,
    pub denominator: Option<String>,
    pub scale: Option<String>,
    pub over_time: Option<String>,
    pub same_period_base: Option<String>,
    pub source: Option<String>,
}

impl Validate for IndicatorInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let code = c
            .required("code", &self.code)
            .and_then(|t| c.check("code", t, IndicatorCode::parse(t)));
        if let Some(code) = &code
            && engine.indicator_by_code(code).is_some()
        {
            c.fail(
                "code",
                Problem::IndicatorExists {
                    code: code.to_string(),
                },
            );
        }
        let name = translations(&self.name_vi, &self.name_en, &self.name_fr);
        if name.is_empty() {
            c.fail("name_vi", Problem::NameRequired);
        }
        let measure = translations(&self.measure_vi, &self.measure_en, &self.measure_fr);
        let decimals = match present(&self.decimals) {
            None => Some(0),
            Some(t) => match t.parse::<u8>() {
                Ok(d) if d <= 6 => Some(d),
                _ => {
                    c.fail(
                        "decimals",
                        Problem::DecimalsOutOfRange { text: t.to_owned() },
                    );
                    None
                }
            },
        };
        let direction: Option<Direction> = choice(
            &mut c,
            "direction",
            &self.direction,
            "higher_is_better, lower_is_better",
        );
        let over_time: Option<OverTime> =
            choice(&mut c, "over_time", &self.over_time, "flow, stock, rate");
        let same_period_base: Option<Option<SamePeriodBase>> = match present(&self.same_period_base)
        {
            None => Some(None),
            Some(_) => choice(
                &mut c,
                "same_period_base",
                &self.same_period_base,
                "index100, growth_percent",
            )
            .map(Some),
        };
        let rule = c
            .required("across_units", &self.across_units)
            .map(str::to_ascii_lowercase);
        let across_units = match rule.as_deref() {
            Some("sum") => Some(AcrossUnits::Sum),
            Some("mean") => Some(AcrossUnits::Mean),
            Some("not_combinable") => Some(AcrossUnits::NotCombinable),
            Some("weighted_mean") => c
                .indicator_id(engine, "weight", &self.weight)
                .map(|weight| AcrossUnits::WeightedMean { weight }),
            Some("ratio") => {
                let numerator = c.indicator_id(engine, "numerator", &self.numerator);
                let denominator = c.indicator_id(engine, "denominator", &self.denominator);
                let scale = match present(&self.scale) {
                    None => Some(1.0),
                    Some(_) => c.number("scale", &self.scale),
                };
                match (numerator, denominator, scale) {
                    (Some(numerator), Some(denominator), Some(scale)) => Some(AcrossUnits::Ratio {
                        numerator,
                        denominator,
                        scale,
                    }),
                    _ => None,
                }
            }
            Some(other) => {
                c.fail(
                    "across_units",
                    Problem::NotOneOf {
                        text: other.to_owned(),
                        allowed: "sum, mean, weighted_mean, ratio, not_combinable".into(),
                    },
                );
                None
            }
            None => None,
        };
        if matches!(rule.as_deref(), Some("sum" | "mean" | "not_combinable"))
            && (present(&self.numerator).is_some()
                || present(&self.denominator).is_some()
                || present(&self.weight).is_some())
        {
            c.fail("across_units", Problem::PartsOnlyForRatio);
        }
        if rule.as_deref() == Some("sum") && over_time == Some(OverTime::Rate) {
            c.fail("across_units", Problem::RateSummed);
        }
        let record = (|| {
            Some(Record::Indicator(Indicator {
                id: engine.next_indicator_id(),
                code: code?,
                name,
                measure,
                decimals: decimals?,
                direction: direction?,
                across_units: across_units?,
                over_time: over_time?,
                same_period_base: same_period_base?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentInput {
    /// The number in any spelling (`21/NQ-TU`); absent for documents known by title only.
    pub number: Option<String>,
    /// Required when there is no number; otherwise derived from the number and year.
    pub key: Option<String>,
    /// Required when there is no number; otherwise read from the number.
    pub doc_type: Option<String>,
    pub issued_by: Option<String>,
    pub issued_on: Option<String>,
    pub title_vi: Option<String>,
    pub title_en: Option<String>,
    pub title_fr: Option<String>,
    pub target_year: Option<String>,
    pub orientation_year: Option<String>,
    pub vision_year: Option<String>,
    pub source: Option<String>,
}

impl Validate for DocumentInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let issued_by = c.unit(engine, "issued_by", &self.issued_by);
        let issued_on = c.date("issued_on", &self.issued_on);
        let number = present(&self.number)
            .and_then(|t| c.check::<_, DocumentNumberError>("number", t, DocumentNumber::parse(t)));
        let number_given = present(&self.number).is_some();
        let doc_type: Option<DocumentType> = match (&number, present(&self.doc_type)) {
            (Some(n), None) => Some(n.doc_type()),
            (Some(n), Some(_)) => {
                let given: Option<DocumentType> = choice(
                    &mut c,
                    "doc_type",
                    &self.doc_type,
                    "resolution, decision, conclusion, directive, plan, notice, guidance, report, programme, decree, circular",
                );
                if given.is_some_and(|g| g != n.doc_type()) {
                    c.fail(
                        "doc_type",
                        Problem::DocumentTypeMismatch {
                            number: n.to_string(),
                            doc_type: n.doc_type().name_en().to_owned(),
                        },
                    );
                }
                given
            }
            (None, _) if number_given => None,
            (None, _) => choice(
                &mut c,
                "doc_type",
                &self.doc_type,
                "resolution, decision, conclusion, directive, plan, notice, guidance, report, programme, decree, circular",
            ),
        };
        let key = match (&number, present(&self.key)) {
            (Some(n), given) => {
                let derived = c.check(
                    "number",
                    present(&self.number).unwrap_or(""),
                    DocumentKey::of_number(n, issued_on.flatten().map(|d| d.year())),
                );
                if let (Some(d), Some(g)) = (&derived, given)
                    && DocumentKey::parse(g).ok().as_ref() != Some(d)
                {
                    c.fail("key", Problem::KeyMismatch { key: d.to_string() });
                }
                derived
            }
            (None, Some(k)) => c.check("key", k, DocumentKey::parse(k)),
            (None, None) if number_given => None,
            (None, None) => {
                c.fail("key", Problem::KeyRequired);
                None
            }
        };
        if let (Some(issuer), Some(key)) = (issued_by, &key)
            && engine.document_by_issuer_key(issuer, key).is_some()
        {
            c.fail(
                "number",
                Problem::DocumentExists {
                    key: key.to_string(),
                },
            );
        }
        let title = translations(&self.title_vi, &self.title_en, &self.title_fr);
        if title.is_empty() {
            c.fail("title_vi", Problem::TitleRequired);
        }
        let horizon = (|| {
            Some(Horizon {
                target_year: c.year("target_year", &self.target_year)?,
                orientation_year: c.year("orientation_year", &self.orientation_year)?,
                vision_year: c.year("vision_year", &self.vision_year)?,
            })
        })();
        let record = (|| {
            Some(Record::Document(Document {
                id: engine.next_document_id(),
                key: key?,
                number: number.map(|n| n.to_string()),
                doc_type: doc_type?,
                issued_by: issued_by?,
                issued_on: issued_on?,
                title,
                horizon: horizon?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetInput {
    pub document: Option<String>,
    pub document_issuer: Option<String>,
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub value: Option<String>,
    /// `at_least` or `at_most`; by default, what the indicator's direction implies.
    pub comparator: Option<String>,
    pub baseline_period: Option<String>,
    pub baseline_value: Option<String>,
    pub source: Option<String>,
}

impl Validate for TargetInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let document = c
            .required("document", &self.document)
            .and_then(|k| c.document(engine, "document", k, &self.document_issuer));
        let indicator = c.indicator_id(engine, "indicator", &self.indicator);
        let unit = c.unit(engine, "unit", &self.unit);
        let period = c.period("period", &self.period);
        let value = c.number("value", &self.value);
        let comparator: Option<Comparator> = match (present(&self.comparator), indicator) {
            (Some(_), _) => choice(&mut c, "comparator", &self.comparator, "at_least, at_most"),
            (None, Some(i)) => engine
                .indicator(i)
                .map(|i| Comparator::for_direction(i.direction)),
            (None, None) => None,
        };
        let baseline = match (
            present(&self.baseline_period),
            present(&self.baseline_value),
        ) {
            (None, None) => Some(None),
            (Some(_), Some(_)) => {
                let bp = c.period("baseline_period", &self.baseline_period);
                let bv = c.number("baseline_value", &self.baseline_value);
                if let (Some(bp), Some(p)) = (bp, period)
                    && bp.end() >= p.end()
                {
                    c.fail(
                        "baseline_period",
                        Problem::BaselineTooLate {
                            baseline: bp.to_string(),
                            period: p.to_string(),
                        },
                    );
                }
                bp.zip(bv)
                    .map(|(period, value)| Some(Baseline { period, value }))
            }
            (Some(_), None) => {
                c.fail(
                    "baseline_value",
                    Problem::RequiredWith {
                        other: "baseline_period".into(),
                    },
                );
                None
            }
            (None, Some(_)) => {
                c.fail(
                    "baseline_period",
                    Problem::RequiredWith {
                        other: "baseline_value".into(),
                    },
                );
                None
            }
        };
        if let (Some(d), Some(i), Some(u), Some(p)) = (document, indicator, unit, period)
            && let Some(existing) = engine.target_for(d, i, u, p)
        {
            c.fail(
                "period",
                Problem::TargetExists {
                    target: i64::from(existing.id.0),
                },
            );
        }
        let record = (|| {
            Some(Record::Target(Target {
                id: engine.next_target_id(),
                document: document?,
                indicator: indicator?,
                unit: unit?,
                period: period?,
                value: value?,
                comparator: comparator?,
                baseline: baseline?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObservationInput {
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub value: Option<String>,
    /// `estimate`, `preliminary` or `official`.
    pub kind: Option<String>,
    pub reported_by: Option<String>,
    pub document: Option<String>,
    pub document_issuer: Option<String>,
    /// The id of the observation this one corrects.
    pub corrects: Option<String>,
    /// Why: required for a correction.
    pub note: Option<String>,
    pub source: Option<String>,
    /// The version of the cell the writer read (the id of its current observation, 0 when it
    /// was empty). When given, the write is refused if the cell has changed since. Files
    /// are statements of figures, not edits: exports leave it out.
    #[serde(default, skip_serializing)]
    pub expected_version: Option<String>,
}

impl ObservationInput {
    /// The text fields as the text policy walks them (by name, as serde writes the input),
    /// each with its name; `expected_version` is not written, so not walked.
    fn texts(&self) -> [(&'static str, &Option<String>); 11] {
        [
            ("corrects", &self.corrects),
            ("document", &self.document),
            ("document_issuer", &self.document_issuer),
            ("indicator", &self.indicator),
            ("kind", &self.kind),
            ("note", &self.note),
            ("period", &self.period),
            ("reported_by", &self.reported_by),
            ("source", &self.source),
            ("unit", &self.unit),
            ("value", &self.value),
        ]
    }

    /// The number of a field as [`ObservationInput::field_mut`] reaches it, by its name as a
    /// column of a file.
    pub(crate) fn field_of(name: &str) -> Option<usize> {
        ObservationInput::default()
            .texts()
            .iter()
            .position(|(field, _)| *field == name)
    }

    /// A field by its number (the order of `texts`), for a reader that fills one input row
    /// after row.
    pub(crate) fn field_mut(&mut self, field: usize) -> &mut Option<String> {
        match field {
            0 => &mut self.corrects,
            1 => &mut self.document,
            2 => &mut self.document_issuer,
            3 => &mut self.indicator,
            4 => &mut self.kind,
            5 => &mut self.note,
            6 => &mut self.period,
            7 => &mut self.reported_by,
            8 => &mut self.source,
            9 => &mut self.unit,
            _ => &mut self.value,
        }
    }

    /// [`Validate::validate`] for the millions of rows of an import: the same text policy,
    /// giving the same problems in the same order, read from the fields themselves rather
    /// than from the input written out as JSON (a dozen allocations a row).
    pub(crate) fn validate_row(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let problems: Vec<FieldError> = self
            .texts()
            .into_iter()
            .filter_map(|(name, text)| {
                let problem =
                    crate::text::problem_of(text.as_deref()?, crate::text::Shape::of(name))?;
                Some(FieldError::new(name, problem))
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.check_fields(engine, origin)
    }
}

impl Validate for ObservationInput {
    fn check_version(&self, engine: &Engine) -> Result<(), Stale> {
        // An unreadable version, indicator, unit or period is a field error, for validate.
        let Some(expected) = present(&self.expected_version).and_then(|t| t.parse::<u64>().ok())
        else {
            return Ok(());
        };
        let cell = (|| {
            let indicator =
                engine.indicator_by_code(&IndicatorCode::parse(present(&self.indicator)?).ok()?)?;
            let unit = engine.unit_by_code(&UnitCode::parse(present(&self.unit)?).ok()?)?;
            let period = giamsat_core::written::read_period(present(&self.period)?).ok()?;
            Some((indicator, unit, period))
        })();
        let Some((indicator, unit, period)) = cell else {
            return Ok(());
        };
        // The figure the form was filled over: a draft its report holds, or the published one.
        let current = engine.latest(indicator.id, unit.id, period);
        if current.map_or(0, |(id, ..)| id.0) == expected {
            return Ok(());
        }
        Err(Stale {
            object: format!("observation:{}/{}/{period}", indicator.code, unit.code),
            expected,
            current: current.map(|(id, kind, value)| CurrentValue {
                version: id.0,
                value,
                kind,
            }),
        })
    }

    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let indicator = c.indicator_id(engine, "indicator", &self.indicator);
        let unit = c.unit(engine, "unit", &self.unit);
        let period = c.period("period", &self.period);
        let value = c.number("value", &self.value);
        let kind = c.required("kind", &self.kind).and_then(|t| {
            let kind = ObservationKind::parse(&t.to_ascii_lowercase());
            if kind.is_none() {
                c.fail(
                    "kind",
                    Problem::NotOneOf {
                        text: t.to_owned(),
                        allowed: "estimate, preliminary, official".into(),
                    },
                );
            }
            kind
        });
        let reported_by = c.optional_unit(engine, "reported_by", &self.reported_by);
        let document = match present(&self.document) {
            None => Some(None),
            Some(k) => c
                .document(engine, "document", k, &self.document_issuer)
                .map(Some),
        };
        let corrects = match present(&self.corrects) {
            None => Some(None),
            Some(t) => match t.parse::<u64>() {
                Ok(id) if engine.has_observation(ObservationId(id)) => {
                    Some(Some(ObservationId(id)))
                }
                _ => {
                    c.fail("corrects", Problem::UnknownObservation { id: t.to_owned() });
                    None
                }
            },
        };
        if matches!(corrects, Some(Some(_))) && present(&self.note).is_none() {
            c.fail("note", Problem::CorrectionNote);
        }
        let note = present(&self.note).map(giamsat_core::text::nfc);
        // A version is the id of a figure already recorded (0: none): a larger one was never
        // read from this system, and would otherwise pass for a stale read.
        if let Some(t) = present(&self.expected_version)
            && t.parse::<u64>()
                .map_or(true, |v| v > engine.last_observation_id())
        {
            c.fail(
                "expected_version",
                Problem::NotAVersion { text: t.to_owned() },
            );
        }
        let record = (|| {
            Some(Record::Observation(Observation {
                id: engine.next_observation_id(),
                indicator: indicator?,
                unit: unit?,
                period: period?,
                value: value?,
                kind: kind?,
                reported_by: reported_by?,
                document: document?,
                corrects: corrects?,
                note,
                provenance: origin.provenance(&self.source),
            }))
        })();
        // A correction must be about the same cell; the engine says so in its own words.
        if let Some(record) = &record
            && c.errors.is_empty()
            && let Err(e) = engine.check(record)
        {
            c.fail("corrects", Problem::of_engine(&e));
        }
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioPointInput {
    pub month: Option<String>,
    pub value: Option<String>,
}

/// A target's trajectory: the cumulative (or level) value expected by the end of months.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioInput {
    pub target: Option<String>,
    pub points: Vec<ScenarioPointInput>,
    pub source: Option<String>,
}

impl Validate for ScenarioInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let target = c.required("target", &self.target).and_then(|t| {
            match t
                .parse::<u32>()
                .ok()
                .and_then(|id| engine.target(giamsat_core::TargetId(id)))
            {
                Some(target) => Some(target),
                None => {
                    c.fail("target", Problem::UnknownTarget { id: t.to_owned() });
                    None
                }
            }
        });
        let mut points: Vec<(Month, f64)> = Vec::new();
        for (i, point) in self.points.iter().enumerate() {
            let month = c
                .period(&format!("points[{i}].month"), &point.month)
                .and_then(|p| {
                    if p.month_count() == 1 {
                        Some(p.start())
                    } else {
                        c.fail(
                            &format!("points[{i}].month"),
                            Problem::NotASingleMonth {
                                period: p.to_string(),
                            },
                        );
                        None
                    }
                });
            let value = c.number(&format!("points[{i}].value"), &point.value);
            if let (Some(m), Some(v)) = (month, value) {
                points.push((m, v));
            }
        }
        let record = target.and_then(|t| {
            c.check(
                "points",
                "",
                Scenario::new(t.id, t.period, points, origin.provenance(&self.source)),
            )
            .map(Record::Scenario)
        });
        c.finish(record)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportedScorecardInput {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub met: Option<String>,
    pub set: Option<String>,
    pub document: Option<String>,
    pub document_issuer: Option<String>,
    pub source: Option<String>,
}

impl Validate for ReportedScorecardInput {
    fn check_fields(
        &self,
        engine: &Engine,
        origin: &Origin<'_>,
    ) -> Result<Record, Vec<FieldError>> {
        let mut c = Checker::new(origin);
        let unit = c.unit(engine, "unit", &self.unit);
        let period = c.period("period", &self.period);
        let mut count = |field: &str, value: &Option<String>| {
            let text = c.required(field, value)?;
            match text.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    c.fail(
                        field,
                        Problem::NotAWholeNumber {
                            text: text.to_owned(),
                        },
                    );
                    None
                }
            }
        };
        let met = count("met", &self.met);
        let set = count("set", &self.set);
        if let (Some(m), Some(s)) = (met, set)
            && m > s
        {
            c.fail(
                "met",
                Problem::MetOverSet {
                    met: i64::from(m),
                    set: i64::from(s),
                },
            );
        }
        let document = match present(&self.document) {
            None => Some(None),
            Some(k) => c
                .document(engine, "document", k, &self.document_issuer)
                .map(Some),
        };
        let record = (|| {
            Some(Record::ReportedScorecard(ReportedScorecard {
                unit: unit?,
                period: period?,
                met: met?,
                set: set?,
                document: document?,
                provenance: origin.provenance(&self.source),
            }))
        })();
        c.finish(record)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every field the text policy walks, as serde writes an input with all of them given.
    fn walked_fields() -> Vec<String> {
        let full = ObservationInput {
            indicator: Some("x".into()),
            unit: Some("x".into()),
            period: Some("x".into()),
            value: Some("x".into()),
            kind: Some("x".into()),
            reported_by: Some("x".into()),
            document: Some("x".into()),
            document_issuer: Some("x".into()),
            corrects: Some("x".into()),
            note: Some("x".into()),
            source: Some("x".into()),
            expected_version: Some("x".into()),
        };
        match serde_json::to_value(&full) {
            Ok(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
            other => panic!("an input is an object: {other:?}"),
        }
    }

    #[test]
    fn the_row_check_reads_every_field_the_policy_walks_in_its_order() {
        let listed: Vec<String> = ObservationInput::default()
            .texts()
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        assert_eq!(listed, walked_fields());
    }

    #[test]
    fn a_column_of_a_file_of_figures_fills_the_field_of_its_name() {
        let mut input = ObservationInput::default();
        for (name, _) in ObservationInput::default().texts() {
            let field = ObservationInput::field_of(name).expect("a field");
            *input.field_mut(field) = Some(name.to_owned());
        }
        for (name, text) in input.texts() {
            assert_eq!(text.as_deref(), Some(name));
        }
        assert_eq!(ObservationInput::field_of("expected_version"), None);
    }

    fn text() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            Just(Some(String::new())),
            "[a-z0-9 .,\u{0}\u{7}\t\n\u{1b}\u{85}]{0,12}".prop_map(Some),
            Just(Some("x".repeat(501))),
            Just(Some("RETAIL_SALES".into())),
            Just(Some("40".into())),
            Just(Some("2023-05".into())),
            Just(Some("12.5".into())),
            Just(Some("official".into())),
        ]
    }

    proptest! {
        #[test]
        fn the_row_check_finds_what_validate_finds(
            indicator in text(), unit in text(), period in text(), value in text(),
            kind in text(), note in text(), source in text(), reported_by in text(),
        ) {
            let input = ObservationInput {
                indicator, unit, period, value, kind, note, source, reported_by,
                ..Default::default()
            };
            let engine = Engine::new();
            let origin = Origin {
                recorded_by: "tester",
                source: "f.csv:2".into(),
                at: time::OffsetDateTime::UNIX_EPOCH,
                numbers: Language::En,
                scope: Vec::new(),
            };
            let fast = input.validate_row(&engine, &origin);
            let slow = input.validate(&engine, &origin);
            prop_assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
        }
    }
}
