//! Indicators (*chỉ tiêu*): what is measured, in what unit, which way is better, and how
//! values combine across units and over time.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::IndicatorId;
use crate::text::Translations;

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Direction {
    /// Retail sales, exports, GRDP growth.
    HigherIsBetter,
    /// A poverty rate, energy intensity.
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];
}

/// How one period's values of several units combine into the value of the unit above them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum AcrossUnits {
    /// Retail sales of a province are the sum of its communes'.
    Sum,
    /// The plain mean of the units that reported.
    Mean,
    /// The mean weighted by another indicator's values at the same units (population…).
    WeightedMean { weight: IndicatorId },
    /// Recomputed from its parts: `numerator ÷ denominator × scale` (a rate in percent has
    /// scale 100). Never summed or averaged.
    Ratio {
        numerator: IndicatorId,
        denominator: IndicatorId,
        scale: f64,
    },
    /// Values of different units cannot be combined (a growth rate without its base, an index).
    NotCombinable,
}

/// How one unit's monthly values combine into a longer period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum OverTime {
    /// Adds up over months: retail sales, exports.
    Flow,
    /// A level at a moment: installed capacity, number of industrial clusters. The value of a
    /// period is the value at its last month.
    Stock,
    /// A ratio or growth rate: never added; recomputed from parts where it has them.
    Rate,
}

impl OverTime {
    pub const ALL: [OverTime; 3] = [OverTime::Flow, OverTime::Stock, OverTime::Rate];
}

/// Indicators already expressed against the same period last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SamePeriodBase {
    /// An index where the same period is 100 (industrial production index 101.62).
    Index100,
    /// A growth rate in percent where the same period is 0 (GRDP growth 13.45%).
    GrowthPercent,
}

/// The stable code of an indicator at every boundary (`RETAIL_SALES`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IndicatorCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an indicator code: use 1 to 48 letters A–Z, digits, '_', '-' or '.'")]
pub struct BadIndicatorCode(pub String);

impl IndicatorCode {
    pub fn parse(text: &str) -> Result<IndicatorCode, BadIndicatorCode> {
        let code = text.trim();
        let ok = (1..=48).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if ok {
            Ok(IndicatorCode(code.to_ascii_uppercase()))
        } else {
            Err(BadIndicatorCode(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IndicatorCode {
    type Error = BadIndicatorCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        IndicatorCode::parse(&value)
    }
}

impl From<IndicatorCode> for String {
    fn from(code: IndicatorCode) -> String {
        code.0
    }
}

impl fmt::Display for IndicatorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub code: IndicatorCode,
    pub name: Translations,
    /// The unit of measure as written for readers: "tỷ đồng", "VND billion", "milliard VND".
    pub measure: Translations,
    /// Decimal places shown.
    pub decimals: u8,
    pub direction: Direction,
    pub across_units: AcrossUnits,
    pub over_time: OverTime,
    pub same_period_base: Option<SamePeriodBase>,
    pub provenance: crate::Provenance,
}

impl Indicator {
    /// The indicators this one is computed from, if any.
    pub fn parts(&self) -> Vec<IndicatorId> {
        match self.across_units {
            AcrossUnits::Ratio {
                numerator,
                denominator,
                ..
            } => vec![numerator, denominator],
            AcrossUnits::WeightedMean { weight } => vec![weight],
            _ => vec![],
        }
    }
}
