//! `/api/v1/regimes/{code}/rules` and `/api/v1/regimes/{code}/validation`: a regime's
//! validation rules, setting one, and the validation report of a period (every rule broken
//! and every figure standing out, unit by unit, with the explanations sent).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::validation::{RuleInput, violation_problem};
use giamsat_core::reporting::Regime;
use giamsat_core::reporting::validation::{Against, Check, Rule, validation_report};
use giamsat_core::{Engine, IndicatorId};
use serde::Serialize;

use super::regimes::{PeriodQuery, period_of, regime_of};
use super::{JsonBody, created, read_input};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct RuleView {
    id: u32,
    regime: String,
    /// The check (`check`: bounds, required, part_of, sum_of, month_within_year_to_date,
    /// outlier) and its fields, indicators by code, fractions as fractions.
    #[serde(flatten)]
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    check: serde_json::Value,
    source: String,
    recorded_by: String,
    #[serde(with = "time::serde::rfc3339")]
    recorded_at: time::OffsetDateTime,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ViolationView {
    rule: &'static str,
    indicator: String,
    /// The English sentence; pages say it in the reader's language.
    message: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OutlierView {
    indicator: String,
    value: f64,
    /// What it stands out against: `{"against": "previous_period" | "same_period_last_year",
    /// "value", "change"}` or `{"against": "history", "median", "z"}`.
    #[schema(value_type = Vec<Object>)]
    against: Vec<Against>,
    explanation: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UnitValidationView {
    unit: String,
    state: &'static str,
    violations: Vec<ViolationView>,
    outliers: Vec<OutlierView>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ValidationReportView {
    regime: String,
    period: String,
    units: Vec<UnitValidationView>,
}

fn code_of(engine: &Engine, id: IndicatorId) -> String {
    engine
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| i.code.to_string())
}

fn rule_view(engine: &Engine, regime: &Regime, rule: &Rule) -> RuleView {
    let code = |id: &IndicatorId| serde_json::Value::String(code_of(engine, *id));
    let mut check = serde_json::to_value(&rule.check).unwrap_or_default();
    // Indicators by code, as everywhere in the API.
    if let Some(fields) = check.as_object_mut() {
        for key in ["indicator", "part", "whole", "month", "year_to_date"] {
            if let Some(id) = fields.get(key).and_then(serde_json::Value::as_u64) {
                let id = IndicatorId(u32::try_from(id).unwrap_or(u32::MAX));
                fields.insert(key.into(), code(&id));
            }
        }
        if let Check::SumOf { parts, .. } = &rule.check {
            fields.insert("parts".into(), parts.iter().map(code).collect());
        }
    }
    RuleView {
        id: rule.id.0,
        regime: regime.code.to_string(),
        check,
        source: rule.provenance.source.clone(),
        recorded_by: rule.provenance.recorded_by.clone(),
        recorded_at: rule.provenance.recorded_at,
    }
}

/// The rules in effect for a regime.
#[utoipa::path(get, path = "/api/v1/regimes/{code}/rules", tag = "reporting", summary = "The validation rules in effect for a regime", params(("code" = String, Path, description = "The regime's code", example = "QN-SO-THANG")), responses((status = 200, body = Vec<RuleView>)))]
pub async fn list_rules<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
) -> Result<Json<Vec<RuleView>>, ApiError> {
    let engine = state.app.engine();
    let regime = regime_of(&engine, &code)?;
    Ok(Json(
        engine
            .validation()
            .of_regime(regime.id)
            .iter()
            .map(|r| rule_view(&engine, regime, r))
            .collect(),
    ))
}

/// Sets a rule of the regime in the path (a `regime` in the body must be the same).
#[utoipa::path(post, path = "/api/v1/regimes/{code}/rules", tag = "reporting", summary = "Set a validation rule of a regime (replaces the one on the same indicators)", params(("code" = String, Path, description = "The regime's code", example = "QN-SO-THANG")), request_body = RuleInput, responses((status = 201, body = RuleView)))]
pub async fn set_rule<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(code): Path<String>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let mut input: RuleInput = read_input(&body)?;
    // The path's regime first: an unknown one is not found, whatever the body says.
    regime_of(&state.app.engine(), &code)?;
    // An empty regime is no regime: the path's. Another one is a field at fault.
    if let Some(other) = input
        .regime
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case(&code))
    {
        return Err(ApiError::App(giamsat_app::AppError::Invalid(vec![
            giamsat_app::input::FieldError::new(
                "regime",
                giamsat_app::Problem::NotOneOf {
                    text: other.to_owned(),
                    allowed: code.clone(),
                },
            ),
        ])));
    }
    input.regime = Some(code.clone());
    let id = state.app.set_rule(&who.0.actor, &input, "API").await?;
    let engine = state.app.engine();
    let regime = regime_of(&engine, &code)?;
    let rule = engine
        .validation()
        .of_regime(regime.id)
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::not_found("rule", id.to_string()))?;
    Ok(created(rule_view(&engine, regime, rule)))
}

/// The validation report of a period (by default the one whose reports were due last).
#[utoipa::path(get, path = "/api/v1/regimes/{code}/validation", tag = "reporting", summary = "Every rule broken and every figure standing out, unit by unit", params(("code" = String, Path, description = "The regime's code", example = "QN-SO-THANG"), PeriodQuery), responses((status = 200, body = ValidationReportView)))]
pub async fn validation<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Json<ValidationReportView>, ApiError> {
    let engine = state.app.engine();
    let regime = regime_of(&engine, &code)?;
    let period = period_of(regime, query.period.as_deref())?;
    let units = validation_report(&engine, regime, period)
        .into_iter()
        .map(|(unit, findings)| {
            let submission = engine
                .reporting()
                .submission_or_draft(regime.id, unit, period);
            UnitValidationView {
                unit: unit_code(&engine, unit),
                state: submission.state.as_str(),
                violations: findings
                    .violations
                    .iter()
                    .map(|v| ViolationView {
                        rule: v.code(),
                        indicator: code_of(&engine, v.indicator()),
                        message: violation_problem(&engine, v, giamsat_core::Language::En)
                            .to_string(),
                    })
                    .collect(),
                outliers: findings
                    .outliers
                    .iter()
                    .map(|o| OutlierView {
                        indicator: code_of(&engine, o.indicator),
                        value: o.value,
                        against: o.against.clone(),
                        explanation: submission.explanation(o.indicator).map(str::to_owned),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Json(ValidationReportView {
        regime: regime.code.to_string(),
        period: period.code(),
        units,
    }))
}
