//! Correcting a document, a target or an indicator without losing history: each correction is
//! an [`Amendment`] that names the fields changed, from what to what, who changed them, when
//! and why (a reason is required). The record as first written stays in the store; pages show
//! it as amended, with its history.
//!
//! As with tasks and sessions (`corrections`), a form sends the fields as they should be and
//! the number of versions it was read at; a field sent as it is changes nothing, a form read
//! before someone else's correction is refused rather than silently undoing it, and a writer
//! without the right to write the record is refused before anything of the input is judged.

use giamsat_core::amendment::{Amended, Amendment, Edit};
use giamsat_core::{
    AcrossUnits, Comparator, Direction, DocumentId, IndicatorCode, IndicatorId, Language, OverTime,
    Record, SamePeriodBase, TargetId, Translations,
};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use crate::input::{Checker, choice, present, translations};
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Thing};

/// A document as it should be. Fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRevisionInput {
    /// The titles; sent together, each as it should be (an empty one is removed).
    #[serde(default)]
    pub title_vi: Option<String>,
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub title_fr: Option<String>,
    /// The date of issue as people write it; sent empty, it is removed.
    #[serde(default)]
    pub issued_on: Option<String>,
    /// Why (required).
    #[serde(default)]
    pub reason: Option<String>,
    /// How many corrections the document had when the form was read.
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A target as it should be. Fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRevisionInput {
    #[serde(default)]
    pub value: Option<String>,
    /// `at_least` or `at_most`.
    #[serde(default)]
    pub comparator: Option<String>,
    /// The baseline's period and value: both, or both empty to remove it.
    #[serde(default)]
    pub baseline_period: Option<String>,
    #[serde(default)]
    pub baseline_value: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

/// An indicator as it should be. Fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRevisionInput {
    /// The names; sent together, each as it should be.
    #[serde(default)]
    pub name_vi: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub name_fr: Option<String>,
    /// The unit of measure; sent together, each as it should be.
    #[serde(default)]
    pub measure_vi: Option<String>,
    #[serde(default)]
    pub measure_en: Option<String>,
    #[serde(default)]
    pub measure_fr: Option<String>,
    #[serde(default)]
    pub decimals: Option<String>,
    /// `higher_is_better` or `lower_is_better`.
    #[serde(default)]
    pub direction: Option<String>,
    /// `sum`, `mean` or `not_combinable`, for an indicator not computed from others.
    #[serde(default)]
    pub across_units: Option<String>,
    /// `flow`, `stock` or `rate`.
    #[serde(default)]
    pub over_time: Option<String>,
    /// `index100`, `growth_percent`, or empty for none.
    #[serde(default)]
    pub same_period_base: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

impl<S: Store> App<S> {
    /// Corrects a document's titles and date of issue, with a reason.
    pub async fn revise_document(
        &self,
        actor: &Actor,
        document: DocumentId,
        input: &DocumentRevisionInput,
        source: &str,
    ) -> Result<giamsat_core::AmendmentId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let of = Amended::Document(document);
        let form = (&input.reason, input.version, &input.source);
        self.amend(
            actor,
            of,
            ("document.revise", source),
            Language::En,
            form,
            |batch, c| {
                let engine = batch.engine();
                let Some(current) = engine.document(document) else {
                    return Vec::new();
                };
                let mut changes = Vec::new();
                if [&input.title_vi, &input.title_en, &input.title_fr]
                    .iter()
                    .any(|t| t.is_some())
                {
                    let after = translations(&input.title_vi, &input.title_en, &input.title_fr);
                    if after.is_empty() {
                        c.fail("title_vi", Problem::NameRequired);
                    }
                    changes.push(Edit::Title {
                        before: current.title.clone(),
                        after,
                    });
                }
                if input.issued_on.is_some()
                    && let Some(after) = c.date("issued_on", &input.issued_on)
                {
                    changes.push(Edit::IssuedOn {
                        before: current.issued_on,
                        after,
                    });
                }
                changes
            },
        )
        .await
    }

    /// Corrects a target's value, comparator and baseline, with a reason. Numbers are read by
    /// `numbers`' conventions (a Vietnamese reader types 36.539,5).
    pub async fn revise_target(
        &self,
        actor: &Actor,
        target: TargetId,
        input: &TargetRevisionInput,
        source: &str,
        numbers: Language,
    ) -> Result<giamsat_core::AmendmentId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let of = Amended::Target(target);
        let form = (&input.reason, input.version, &input.source);
        self.amend(
            actor,
            of,
            ("target.revise", source),
            numbers,
            form,
            |batch, c| {
                let engine = batch.engine();
                let Some(current) = engine.target(target) else {
                    return Vec::new();
                };
                let mut changes = Vec::new();
                if present(&input.value).is_some()
                    && let Some(after) = c.number("value", &input.value)
                {
                    changes.push(Edit::Value {
                        before: current.value,
                        after,
                    });
                }
                if present(&input.comparator).is_some()
                    && let Some(after) = choice::<Comparator>(
                        c,
                        "comparator",
                        &input.comparator,
                        "at_least, at_most",
                    )
                {
                    changes.push(Edit::Comparator {
                        before: current.comparator,
                        after,
                    });
                }
                if input.baseline_period.is_some() || input.baseline_value.is_some() {
                    let after = match (
                        present(&input.baseline_period),
                        present(&input.baseline_value),
                    ) {
                        (None, None) => Some(None),
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
                        (Some(_), Some(_)) => {
                            let period = c.period("baseline_period", &input.baseline_period);
                            let value = c.number("baseline_value", &input.baseline_value);
                            if let Some(p) = period
                                && p.end() >= current.period.end()
                            {
                                c.fail(
                                    "baseline_period",
                                    Problem::BaselineTooLate {
                                        baseline: p.to_string(),
                                        period: current.period.to_string(),
                                    },
                                );
                            }
                            period.zip(value).map(|(period, value)| {
                                Some(giamsat_core::Baseline { period, value })
                            })
                        }
                    };
                    if let Some(after) = after {
                        changes.push(Edit::Baseline {
                            before: current.baseline,
                            after,
                        });
                    }
                }
                changes
            },
        )
        .await
    }

    /// Corrects an indicator's names, unit of measure, decimals, direction and how it
    /// combines, with a reason.
    pub async fn revise_indicator(
        &self,
        actor: &Actor,
        indicator: IndicatorId,
        input: &IndicatorRevisionInput,
        source: &str,
    ) -> Result<giamsat_core::AmendmentId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let of = Amended::Indicator(indicator);
        let form = (&input.reason, input.version, &input.source);
        self.amend(
            actor,
            of,
            ("indicator.revise", source),
            Language::En,
            form,
            |batch, c| match batch.engine().indicator(indicator) {
                Some(current) => indicator_changes(c, current, input),
                None => Vec::new(),
            },
        )
        .await
    }

    /// Builds the amendment of `of` in a batch: the actor's right first, then the fields
    /// (`read`), the reason and the version the form was read at.
    async fn amend<F>(
        &self,
        actor: &Actor,
        of: Amended,
        summary: (&str, &str),
        numbers: Language,
        (reason, version, source): Form<'_>,
        read: F,
    ) -> Result<giamsat_core::AmendmentId, AppError>
    where
        F: Fn(&Batch<'_>, &mut Checker) -> Vec<Edit>,
    {
        let (id, _) = self
            .commit_batch(actor, summary, |batch| {
                batch.read_numbers_as(numbers);
                if !exists(batch.engine(), of) {
                    return Err(not_found(of));
                }
                if !may_amend(actor, batch.engine(), of) {
                    // The probe's refusal, as the record itself would be refused.
                    batch.push(probe(actor, of))?;
                }
                let mut c = Checker::new(&batch.origin);
                let changes = read(batch, &mut c);
                let amendment = amendment(batch, c, of, changes, version, reason, source)?;
                let id = amendment.id;
                batch.push(Record::Amendment(amendment))?;
                Ok(id)
            })
            .await?;
        Ok(id)
    }
}

/// What every correction form sends beside its fields: the reason, the number of versions
/// the form was read at, and the source.
type Form<'a> = (&'a Option<String>, Option<usize>, &'a Option<String>);

fn exists(engine: &giamsat_core::Engine, of: Amended) -> bool {
    match of {
        Amended::Document(d) => engine.document(d).is_some(),
        Amended::Target(t) => engine.target(t).is_some(),
        Amended::Indicator(i) => engine.indicator(i).is_some(),
    }
}

fn not_found(of: Amended) -> AppError {
    let what = match of {
        Amended::Document(_) => Thing::Document,
        Amended::Target(_) => Thing::Target,
        Amended::Indicator(_) => Thing::Indicator,
    };
    AppError::NotFound {
        what,
        key: of.id().to_string(),
    }
}

/// Whether the actor may correct `of`: the same right as writing it, by the one rule.
pub fn may_amend(actor: &Actor, engine: &giamsat_core::Engine, of: Amended) -> bool {
    crate::may_write(actor, engine, &probe(actor, of))
}

/// Whether the actor may define new indicators (the whole tree's: an administrator over a
/// root), by the rule every write is checked by.
pub fn may_define_indicator(actor: &Actor, engine: &giamsat_core::Engine) -> bool {
    let Ok(code) = IndicatorCode::parse("PROBE") else {
        return false;
    };
    let probe = Record::Indicator(giamsat_core::Indicator {
        id: IndicatorId(0),
        code,
        name: Translations::default(),
        measure: Translations::default(),
        decimals: 0,
        direction: Direction::HigherIsBetter,
        across_units: AcrossUnits::Sum,
        over_time: OverTime::Flow,
        same_period_base: None,
        provenance: giamsat_core::Provenance {
            source: String::new(),
            recorded_by: actor.name.clone(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        },
    });
    crate::may_write(actor, engine, &probe)
}

/// Whether the actor may add a body under `parent`, by the rule every write is checked by.
pub fn may_add_unit(
    actor: &Actor,
    engine: &giamsat_core::Engine,
    parent: giamsat_core::UnitId,
) -> bool {
    let Ok(code) = giamsat_core::UnitCode::parse("PROBE") else {
        return false;
    };
    let probe = Record::Unit(giamsat_core::Unit {
        id: giamsat_core::UnitId(0),
        code,
        kind: giamsat_core::UnitKind::Department,
        name: Translations::default(),
        parent: Some(parent),
        valid_from: None,
        valid_to: None,
        provenance: giamsat_core::Provenance {
            source: String::new(),
            recorded_by: actor.name.clone(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        },
    });
    crate::may_write(actor, engine, &probe)
}

fn probe(actor: &Actor, of: Amended) -> Record {
    // One change of the record's kind: the rules look at the kind and at the units of the
    // record corrected, not at the values.
    let change = match of {
        Amended::Document(_) => Edit::IssuedOn {
            before: None,
            after: None,
        },
        Amended::Target(_) => Edit::Value {
            before: 0.0,
            after: 0.0,
        },
        Amended::Indicator(_) => Edit::Decimals {
            before: 0,
            after: 0,
        },
    };
    Record::Amendment(Amendment {
        id: giamsat_core::AmendmentId(0),
        of,
        changes: vec![change],
        reason: String::new(),
        provenance: giamsat_core::Provenance {
            source: String::new(),
            recorded_by: actor.name.clone(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        },
    })
}

/// The amendment of `of` with the changes that change something, its reason required, and
/// the version the form was read at checked.
fn amendment(
    batch: &Batch<'_>,
    mut c: Checker,
    of: Amended,
    changes: Vec<Edit>,
    version: Option<usize>,
    reason: &Option<String>,
    source: &Option<String>,
) -> Result<Amendment, AppError> {
    let engine = batch.engine();
    if version.is_some_and(|v| v != engine.amendments_of(of).len()) {
        return Err(AppError::Conflict(Problem::EditedMeanwhile));
    }
    let reason = present(reason).map(giamsat_core::text::nfc);
    if reason.is_none() {
        c.fail("reason", Problem::ReasonRequired);
    }
    let reason = c.finish(reason).map_err(AppError::Invalid)?;
    let changes: Vec<Edit> = changes.into_iter().filter(|e| !e.is_none()).collect();
    if changes.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "",
            Problem::NothingChanged,
        )]));
    }
    Ok(Amendment {
        id: engine.next_amendment_id(),
        of,
        changes,
        reason,
        provenance: batch.origin.provenance(source),
    })
}

/// The fields of an indicator the input changes.
fn indicator_changes(
    c: &mut Checker,
    current: &giamsat_core::Indicator,
    input: &IndicatorRevisionInput,
) -> Vec<Edit> {
    let mut changes = Vec::new();
    let sent = |fields: [&Option<String>; 3]| fields.iter().any(|f| f.is_some());
    if sent([&input.name_vi, &input.name_en, &input.name_fr]) {
        let after = translations(&input.name_vi, &input.name_en, &input.name_fr);
        if after.is_empty() {
            c.fail("name_vi", Problem::NameRequired);
        }
        changes.push(Edit::Name {
            before: current.name.clone(),
            after,
        });
    }
    if sent([&input.measure_vi, &input.measure_en, &input.measure_fr]) {
        changes.push(Edit::Measure {
            before: current.measure.clone(),
            after: translations(&input.measure_vi, &input.measure_en, &input.measure_fr),
        });
    }
    if let Some(text) = present(&input.decimals) {
        match text.parse::<u8>() {
            Ok(after) if after <= 6 => changes.push(Edit::Decimals {
                before: current.decimals,
                after,
            }),
            _ => c.fail(
                "decimals",
                Problem::DecimalsOutOfRange {
                    text: text.to_owned(),
                },
            ),
        }
    }
    if present(&input.direction).is_some()
        && let Some(after) = choice::<Direction>(
            c,
            "direction",
            &input.direction,
            "higher_is_better, lower_is_better",
        )
    {
        changes.push(Edit::Direction {
            before: current.direction,
            after,
        });
    }
    let over_time = match present(&input.over_time) {
        Some(_) => choice::<OverTime>(c, "over_time", &input.over_time, "flow, stock, rate"),
        None => Some(current.over_time),
    };
    if let Some(after) = over_time.filter(|o| *o != current.over_time) {
        changes.push(Edit::OverTime {
            before: current.over_time,
            after,
        });
    }
    let across = across_units(c, current, &input.across_units);
    if let Some(after) = across.filter(|a| *a != current.across_units) {
        changes.push(Edit::AcrossUnits {
            before: current.across_units,
            after,
        });
    }
    if across == Some(AcrossUnits::Sum) && over_time == Some(OverTime::Rate) {
        c.fail("across_units", Problem::RateSummed);
    }
    if input.same_period_base.is_some() {
        let after = match present(&input.same_period_base) {
            None => Some(None),
            Some(_) => choice::<SamePeriodBase>(
                c,
                "same_period_base",
                &input.same_period_base,
                "index100, growth_percent",
            )
            .map(Some),
        };
        if let Some(after) = after {
            changes.push(Edit::SamePeriodBase {
                before: current.same_period_base,
                after,
            });
        }
    }
    changes
}

/// The rule across units the input asks for: sum, mean or not combinable, and only for an
/// indicator that is not computed from others (a ratio or a weighted mean keeps its rule).
fn across_units(
    c: &mut Checker,
    current: &giamsat_core::Indicator,
    sent: &Option<String>,
) -> Option<AcrossUnits> {
    let Some(text) = present(sent) else {
        return Some(current.across_units);
    };
    let rule = match text.to_ascii_lowercase().as_str() {
        "sum" => AcrossUnits::Sum,
        "mean" => AcrossUnits::Mean,
        "not_combinable" => AcrossUnits::NotCombinable,
        other => {
            c.fail(
                "across_units",
                Problem::NotOneOf {
                    text: other.to_owned(),
                    allowed: "sum, mean, not_combinable".into(),
                },
            );
            return None;
        }
    };
    if !current.parts().is_empty() && rule != current.across_units {
        c.fail("across_units", Problem::PartsOnlyForRatio);
        return None;
    }
    Some(rule)
}

/// A code for a new indicator made from its name, since a person never types one: the
/// name's letters without diacritics, uppercase, words joined by `_` (`Tổng mức bán lẻ` is
/// `TONG_MUC_BAN_LE`), with `_2`, `_3`… when taken.
pub fn indicator_code_for(engine: &giamsat_core::Engine, name: &Translations) -> Option<String> {
    let words = giamsat_core::text::fold(name.get(Language::Vi));
    let base: String = words
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
        .to_ascii_uppercase()
        .chars()
        .take(40)
        .collect();
    let base = base.trim_end_matches('_').to_owned();
    if base.is_empty() {
        return None;
    }
    (1..1000).find_map(|n| {
        let code = if n == 1 {
            base.clone()
        } else {
            format!("{base}_{n}")
        };
        let parsed = IndicatorCode::parse(&code).ok()?;
        engine.indicator_by_code(&parsed).is_none().then_some(code)
    })
}

/// A code for a new body under `parent`, since a person never types one: the parent's code
/// and the initials of the Vietnamese name (`Sở Công Thương` under `40` is `40-SCT`), with
/// `-2`, `-3`… when taken.
pub fn unit_code_for(
    engine: &giamsat_core::Engine,
    parent: Option<giamsat_core::UnitId>,
    name: &Translations,
) -> Option<String> {
    let folded = giamsat_core::text::fold(name.get(Language::Vi));
    let initials: String = folded
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter_map(|w| w.chars().next())
        .take(12)
        .collect::<String>()
        .to_ascii_uppercase();
    if initials.is_empty() {
        return None;
    }
    let prefix = parent
        .and_then(|p| engine.unit(p))
        .map(|u| format!("{}-", u.code))
        .unwrap_or_default();
    (1..1000).find_map(|n| {
        let code = if n == 1 {
            format!("{prefix}{initials}")
        } else {
            format!("{prefix}{initials}-{n}")
        };
        let parsed = giamsat_core::UnitCode::parse(&code).ok()?;
        engine.unit_by_code(&parsed).is_none().then_some(code)
    })
}

#[cfg(test)]
mod tests;
