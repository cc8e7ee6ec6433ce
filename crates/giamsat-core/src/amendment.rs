//! Correcting a document, a target or an indicator without losing what it was: an
//! [`Amendment`] says which fields changed, from what to what, who changed them, when and why.
//! The record it amends is never rewritten in the store; the engine applies the amendments in
//! the order they were recorded, so the record's current state is its first version with every
//! amendment after it, and the amendments are its history.
//!
//! What identifies a record stays: a document's number and issuer, a target's document,
//! indicator, unit and period, an indicator's code. Changing those makes another record.

use serde::{Deserialize, Serialize};

use crate::indicator::{AcrossUnits, Direction, OverTime, SamePeriodBase};
use crate::target::{Baseline, Comparator};
use crate::text::Translations;
use crate::{AmendmentId, DocumentId, IndicatorId, Provenance, TargetId};

/// The record an amendment corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Amended {
    Document(DocumentId),
    Target(TargetId),
    Indicator(IndicatorId),
}

impl Amended {
    /// The stable name of the kind of record, for the store and the audit trail.
    pub fn kind(&self) -> &'static str {
        match self {
            Amended::Document(_) => "document",
            Amended::Target(_) => "target",
            Amended::Indicator(_) => "indicator",
        }
    }

    /// The record's internal id.
    pub fn id(&self) -> u32 {
        match self {
            Amended::Document(d) => d.0,
            Amended::Target(t) => t.0,
            Amended::Indicator(i) => i.0,
        }
    }
}

/// One field, as it was and as it becomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Edit {
    /// A document's title in each language.
    Title {
        before: Translations,
        after: Translations,
    },
    /// A document's date of issue.
    IssuedOn {
        before: Option<time::Date>,
        after: Option<time::Date>,
    },
    /// A target's value.
    Value {
        before: f64,
        after: f64,
    },
    /// Whether a target is met at or above its value, or at or below it.
    Comparator {
        before: Comparator,
        after: Comparator,
    },
    /// The level a target starts from.
    Baseline {
        before: Option<Baseline>,
        after: Option<Baseline>,
    },
    /// An indicator's name in each language.
    Name {
        before: Translations,
        after: Translations,
    },
    /// An indicator's unit of measure in each language.
    Measure {
        before: Translations,
        after: Translations,
    },
    Decimals {
        before: u8,
        after: u8,
    },
    Direction {
        before: Direction,
        after: Direction,
    },
    /// How an indicator combines across units: only between rules without parts (sum, mean,
    /// not combinable), since the indicators computed from others are kept apart.
    AcrossUnits {
        before: AcrossUnits,
        after: AcrossUnits,
    },
    OverTime {
        before: OverTime,
        after: OverTime,
    },
    SamePeriodBase {
        before: Option<SamePeriodBase>,
        after: Option<SamePeriodBase>,
    },
}

impl Edit {
    /// The stable name of the field changed, for messages and the audit trail.
    pub fn field(&self) -> &'static str {
        match self {
            Edit::Title { .. } => "title",
            Edit::IssuedOn { .. } => "issued_on",
            Edit::Value { .. } => "value",
            Edit::Comparator { .. } => "comparator",
            Edit::Baseline { .. } => "baseline",
            Edit::Name { .. } => "name",
            Edit::Measure { .. } => "measure",
            Edit::Decimals { .. } => "decimals",
            Edit::Direction { .. } => "direction",
            Edit::AcrossUnits { .. } => "across_units",
            Edit::OverTime { .. } => "over_time",
            Edit::SamePeriodBase { .. } => "same_period_base",
        }
    }

    /// Whether the field belongs to the kind of record `of` is.
    pub fn fits(&self, of: &Amended) -> bool {
        match self {
            Edit::Title { .. } | Edit::IssuedOn { .. } => matches!(of, Amended::Document(_)),
            Edit::Value { .. } | Edit::Comparator { .. } | Edit::Baseline { .. } => {
                matches!(of, Amended::Target(_))
            }
            _ => matches!(of, Amended::Indicator(_)),
        }
    }

    /// Whether the change leaves the field as it was.
    pub fn is_none(&self) -> bool {
        match self {
            Edit::Title { before, after }
            | Edit::Name { before, after }
            | Edit::Measure { before, after } => before == after,
            Edit::IssuedOn { before, after } => before == after,
            Edit::Value { before, after } => before == after,
            Edit::Comparator { before, after } => before == after,
            Edit::Baseline { before, after } => before == after,
            Edit::Decimals { before, after } => before == after,
            Edit::Direction { before, after } => before == after,
            Edit::AcrossUnits { before, after } => before == after,
            Edit::OverTime { before, after } => before == after,
            Edit::SamePeriodBase { before, after } => before == after,
        }
    }

    /// What makes the new value unusable, if anything.
    pub fn fault(&self) -> Option<AmendmentError> {
        let without_parts = |rule: &AcrossUnits| {
            matches!(
                rule,
                AcrossUnits::Sum | AcrossUnits::Mean | AcrossUnits::NotCombinable
            )
        };
        match self {
            Edit::Value { after, .. } if !after.is_finite() => Some(AmendmentError::NotFinite),
            Edit::Baseline { after: Some(b), .. } if !b.value.is_finite() => {
                Some(AmendmentError::NotFinite)
            }
            Edit::Decimals { after, .. } if *after > 6 => Some(AmendmentError::Decimals),
            Edit::AcrossUnits { before, after }
                if !without_parts(before) || !without_parts(after) =>
            {
                Some(AmendmentError::Parts)
            }
            _ => None,
        }
    }
}

/// A correction of a document, a target or an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amendment {
    pub id: AmendmentId,
    pub of: Amended,
    pub changes: Vec<Edit>,
    /// Why (required): the decision that amended the plan, the mistake corrected.
    pub reason: String,
    pub provenance: Provenance,
}

/// Why an amendment cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmendmentError {
    #[error("an amendment changes at least one field")]
    Empty,
    #[error("an amendment says why")]
    NoReason,
    #[error("the field {field} does not belong to a {kind}")]
    WrongField {
        field: &'static str,
        kind: &'static str,
    },
    #[error("a value must be a finite number")]
    NotFinite,
    #[error("decimals are 0 to 6")]
    Decimals,
    #[error(
        "only sum, mean and not combinable replace one another: an indicator computed from others is a new indicator"
    )]
    Parts,
}

impl Amendment {
    /// Checks the amendment on its own: at least one field, each of its record's kind and
    /// usable, and a reason.
    pub fn check(&self) -> Result<(), AmendmentError> {
        if self.changes.is_empty() {
            return Err(AmendmentError::Empty);
        }
        if self.reason.trim().is_empty() {
            return Err(AmendmentError::NoReason);
        }
        for edit in &self.changes {
            if !edit.fits(&self.of) {
                return Err(AmendmentError::WrongField {
                    field: edit.field(),
                    kind: self.of.kind(),
                });
            }
            if let Some(fault) = edit.fault() {
                return Err(fault);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amendment(of: Amended, changes: Vec<Edit>, reason: &str) -> Amendment {
        Amendment {
            id: AmendmentId(1),
            of,
            changes,
            reason: reason.into(),
            provenance: Provenance {
                source: String::new(),
                recorded_by: "lan".into(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        }
    }

    #[test]
    fn a_field_of_another_kind_of_record_an_empty_change_or_no_reason_is_refused() {
        let value = Edit::Value {
            before: 1.0,
            after: 2.0,
        };
        let document = Amended::Document(DocumentId(1));
        let target = Amended::Target(TargetId(1));
        assert_eq!(
            amendment(document, vec![value.clone()], "x").check(),
            Err(AmendmentError::WrongField {
                field: "value",
                kind: "document"
            })
        );
        assert_eq!(
            amendment(target, vec![], "x").check(),
            Err(AmendmentError::Empty)
        );
        assert_eq!(
            amendment(target, vec![value.clone()], " ").check(),
            Err(AmendmentError::NoReason)
        );
        assert_eq!(amendment(target, vec![value], "x").check(), Ok(()));
    }

    #[test]
    fn rules_with_parts_are_not_swapped_in_or_out() {
        let indicator = Amended::Indicator(IndicatorId(3));
        let ratio = AcrossUnits::Ratio {
            numerator: IndicatorId(1),
            denominator: IndicatorId(2),
            scale: 100.0,
        };
        let swap = |before, after| {
            amendment(indicator, vec![Edit::AcrossUnits { before, after }], "x").check()
        };
        assert_eq!(
            swap(AcrossUnits::Sum, AcrossUnits::Mean),
            Ok(()),
            "sum to mean"
        );
        assert_eq!(swap(ratio, AcrossUnits::Sum), Err(AmendmentError::Parts));
        assert_eq!(swap(AcrossUnits::Sum, ratio), Err(AmendmentError::Parts));
    }
}
