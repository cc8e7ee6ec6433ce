//! Reports written from data: which facts a report states, and in what order, as the offices
//! write them. Pure functions over the engine and its evaluation, no I/O and no text: the web
//! crate words them in the reader's language (Fluent) and lays them out as a page or a Word
//! document.
//!
//! - [`locality_review`]: a review of localities (seed 004): who met every target, who met
//!   most, who met fewer; double-digit and negative growth; who missed a growth plan.
//! - [`unit_report`]: a unit's periodic report on its targets (seed 003): each figure with
//!   its period, share of plan and change over the same period; what is on track, what is
//!   behind.
//! - [`session_notice`]: a working session's notice of conclusions (seed 002): delegation,
//!   findings, conclusions, and the task each became with its lead and deadline.

use giamsat_core::evaluation::{self, Status};
use giamsat_core::follow_up::{Delegation, TaskView, WorkingSession};
use giamsat_core::org::UnitKind;
use giamsat_core::{
    Engine, FollowUpId, IndicatorId, ObservationKind, OverTime, Period, PeriodKind, TargetId,
    UnitId,
};

/// The share of targets met from which a review counts a locality among those that met most
/// of them (seed 004's "high rate": its lowest is 13/14, its highest "lower rate" 14/21).
pub const HIGH_SHARE: f64 = 0.8;

/// Growth from which a review calls it double-digit, in percent.
pub const DOUBLE_DIGIT: f64 = 10.0;

/// Who issues a report, and where: the name of a province or city is the place on a document
/// issued within it; a central body's place is the capital (`place` is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issuer {
    pub unit: UnitId,
    /// The body the issuer belongs to, named above it (a department under its committee).
    pub superior: Option<UnitId>,
    pub place: Option<UnitId>,
}

/// The issuer of a report by or about `unit`: a locality reports through its People's
/// Committee when it has one.
pub fn issuer_of(engine: &Engine, unit: UnitId) -> Issuer {
    let committee = engine.unit(unit).and_then(|u| {
        (u.kind == UnitKind::Locality)
            .then(|| {
                engine
                    .children(u.id)
                    .into_iter()
                    .find(|c| c.kind == UnitKind::PeoplesCommittee)
                    .map(|c| c.id)
            })
            .flatten()
    });
    let issuer = committee.unwrap_or(unit);
    let superior = engine.unit(issuer).and_then(|u| {
        matches!(
            u.kind,
            UnitKind::Department | UnitKind::StandingCommittee | UnitKind::Agency
        )
        .then_some(u.parent)
        .flatten()
    });
    Issuer {
        unit: issuer,
        superior,
        place: province_of(engine, issuer),
    }
}

/// The province (a locality right under the nation) that holds `unit`, if any.
fn province_of(engine: &Engine, unit: UnitId) -> Option<UnitId> {
    let mut at = engine.unit(unit)?;
    // The tree is shallow; the bound only guards against a cycle in bad data.
    for _ in 0..64 {
        let parent = at.parent.and_then(|p| engine.unit(p));
        match parent {
            Some(p) if p.kind == UnitKind::Nation => {
                return (at.kind == UnitKind::Locality).then_some(at.id);
            }
            Some(p) => at = p,
            None => return None,
        }
    }
    None
}

/// A locality's scorecard as a review states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    pub unit: UnitId,
    pub met: u32,
    pub set: u32,
}

/// A locality's growth as a review states it, in percent over the same period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Growth {
    pub unit: UnitId,
    pub percent: f64,
}

/// A review of localities for a period (seed 004's shape).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalityReview {
    pub period: Period,
    pub issuer: Issuer,
    /// Localities with a scorecard for the period.
    pub scored: usize,
    /// Every target met, in tree order.
    pub all_met: Vec<Card>,
    /// Not every target met, but at least [`HIGH_SHARE`] of them, best first.
    pub most_met: Vec<Card>,
    /// Fewer than [`HIGH_SHARE`] met, best first.
    pub fewer_met: Vec<Card>,
    pub growth_indicator: Option<IndicatorId>,
    /// Localities with a growth figure for the period.
    pub growth_counted: usize,
    /// Growth of [`DOUBLE_DIGIT`] percent or more, highest first.
    pub double_digit: Vec<Growth>,
    /// Negative growth, from the least negative, as the reviews list them.
    pub negative: Vec<Growth>,
    /// Localities whose growth target for the period is not met.
    pub missed_growth_plan: Vec<UnitId>,
}

/// The review of `units` (the provinces of a date) for `period`, with growth read from
/// `growth` (an indicator measured against the same period).
pub fn locality_review(
    engine: &Engine,
    period: Period,
    units: &[UnitId],
    growth: Option<IndicatorId>,
) -> LocalityReview {
    let ranked = evaluation::scorecard_ranking_of(engine, period, units.iter().copied());
    let card = |r: &evaluation::ScorecardRow| Card {
        unit: r.unit,
        met: r.scorecard.met,
        set: r.scorecard.set,
    };
    let mut all_met: Vec<Card> = ranked.iter().filter(|r| r.all_met()).map(card).collect();
    all_met.sort_by_key(|c| engine.unit(c.unit).map(|u| u.code.to_string()));
    let rest = ranked
        .iter()
        .filter(|r| !r.all_met() && r.scorecard.set > 0);
    let (most_met, fewer_met): (Vec<_>, Vec<_>) =
        rest.partition(|r| r.scorecard.share_met() >= HIGH_SHARE);
    let changes = growth
        .map(|g| evaluation::change_ranking(engine, g, units.iter().copied(), period))
        .unwrap_or_default();
    let growth_of = |r: &evaluation::ChangeRow| Growth {
        unit: r.unit,
        percent: r.change,
    };
    let mut negative: Vec<Growth> = changes
        .iter()
        .filter(|r| r.change < 0.0)
        .map(growth_of)
        .collect();
    negative.sort_by(|a, b| b.percent.total_cmp(&a.percent));
    let missed_growth_plan = growth
        .map(|g| {
            let mut missed: Vec<UnitId> = engine
                .targets()
                .filter(|t| t.indicator == g && t.period == period && units.contains(&t.unit))
                .filter(|t| {
                    matches!(
                        evaluation::evaluate(engine, t).status,
                        Status::OffTrack | Status::AtRisk
                    )
                })
                .map(|t| t.unit)
                .collect();
            missed.dedup();
            missed
        })
        .unwrap_or_default();
    LocalityReview {
        period,
        issuer: review_issuer(engine, period, units),
        scored: ranked.len(),
        all_met,
        most_met: most_met.into_iter().map(card).collect(),
        fewer_met: fewer_met.into_iter().map(card).collect(),
        growth_indicator: growth,
        growth_counted: changes.len(),
        double_digit: changes
            .iter()
            .filter(|r| r.change >= DOUBLE_DIGIT)
            .map(growth_of)
            .collect(),
        negative,
        missed_growth_plan,
    }
}

/// Who issues a review: the issuer of the document its reported scorecards come from when
/// they share one, else the nation the localities belong to.
fn review_issuer(engine: &Engine, period: Period, units: &[UnitId]) -> Issuer {
    let mut documents = engine
        .reported_scorecards()
        .filter(|c| c.period == period)
        .map(|c| c.document);
    let shared = documents
        .next()
        .flatten()
        .filter(|first| documents.all(|d| d == Some(*first)));
    let issuer = shared
        .and_then(|d| engine.document(d))
        .map(|d| d.issued_by)
        .or_else(|| {
            units
                .first()
                .and_then(|u| engine.unit(*u))
                .and_then(|u| u.parent)
        });
    match issuer {
        Some(unit) => issuer_of(engine, unit),
        None => Issuer {
            unit: UnitId(0),
            superior: None,
            place: None,
        },
    }
}

/// One figure of a unit's periodic report.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub indicator: IndicatorId,
    /// The span the figure covers ("first 5 months of 2023", "June 2023").
    pub span: Period,
    pub value: f64,
    pub kind: ObservationKind,
    pub change: Option<f64>,
    /// The target of the period the figure is judged against, if one is set.
    pub target: Option<TargetId>,
    pub percent_of_plan: Option<f64>,
    pub status: Option<Status>,
}

/// A unit's periodic report on its targets for a year (seed 003's shape).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitReport {
    pub unit: UnitId,
    pub issuer: Issuer,
    pub period: Period,
    /// In the order the indicators were registered, as a report lists them.
    pub figures: Vec<Figure>,
    /// Indicators whose target is met or on its trajectory.
    pub on_track: Vec<IndicatorId>,
    /// Indicators whose target is at risk or off track.
    pub behind: Vec<IndicatorId>,
    /// Targets set for the period with no figure yet.
    pub no_data: Vec<IndicatorId>,
}

/// The years a unit has figures or targets in, latest first: the periods its report can be for.
pub fn report_years(engine: &Engine, unit: UnitId) -> Vec<Period> {
    let mut years: Vec<i32> = engine
        .targets()
        .filter(|t| t.unit == unit)
        .map(|t| t.period.start().year())
        .chain(
            engine
                .cells_reported(unit, None)
                .into_iter()
                .map(|(_, p)| p.start().year()),
        )
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .filter_map(|y| Period::year(y).ok())
        .collect()
}

/// The report of `unit` for `year`: for each indicator, how far its figures reach within the
/// year, with the change over the same period and the share of the year's target.
pub fn unit_report(engine: &Engine, unit: UnitId, year: Period) -> UnitReport {
    let mut figures = Vec::new();
    let mut no_data = Vec::new();
    let mut indicators: Vec<_> = engine.indicators().collect();
    indicators.sort_by_key(|i| i.id);
    for indicator in indicators {
        let target = engine
            .targets()
            .filter(|t| t.unit == unit && t.indicator == indicator.id && year.covers(t.period))
            .min_by_key(|t| (t.period.kind() != PeriodKind::Year, t.id));
        let Some((through, span, resolved)) = engine.latest_within(indicator.id, unit, year) else {
            if let Some(t) = target {
                no_data.push(t.indicator);
            }
            continue;
        };
        // A stock is a level at a month ("up to now"), not an amount over months.
        let span = if indicator.over_time == OverTime::Stock {
            Period::month(through)
        } else {
            span
        };
        let (change, _) =
            evaluation::change_over_same_period(engine, indicator, unit, span, resolved.value);
        let judged = target.map(|t| evaluation::evaluate(engine, t));
        figures.push(Figure {
            indicator: indicator.id,
            span,
            value: resolved.value,
            kind: resolved.kind,
            change,
            target: target.map(|t| t.id),
            percent_of_plan: judged.as_ref().and_then(|e| e.percent_of_plan),
            status: judged.map(|e| e.status),
        });
    }
    let with = |wanted: &[Status]| {
        figures
            .iter()
            .filter(|f| f.status.is_some_and(|s| wanted.contains(&s)))
            .map(|f| f.indicator)
            .collect()
    };
    UnitReport {
        unit,
        issuer: issuer_of(engine, unit),
        period: year,
        on_track: with(&[Status::Achieved, Status::OnTrack]),
        behind: with(&[Status::AtRisk, Status::OffTrack]),
        no_data,
        figures,
    }
}

/// A working session's notice of conclusions (seed 002's shape).
#[derive(Debug, Clone)]
pub struct SessionNotice<'e> {
    pub session: &'e WorkingSession,
    pub delegation: Option<&'e Delegation>,
    pub issuer: Issuer,
    /// Each item of the conclusion with the task it became, if it became one.
    pub items: Vec<(&'e str, Option<TaskView<'e>>)>,
}

/// The notice of session `id`, its tasks' status as of `today`.
pub fn session_notice(
    engine: &Engine,
    id: FollowUpId,
    today: time::Date,
) -> Option<SessionNotice<'_>> {
    let book = engine.follow_up();
    let session = book.session(id)?;
    let items = session
        .conclusions
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let task = book
                .task_of_conclusion(session.id, i)
                .and_then(|t| book.task_view(t, today));
            (text.as_str(), task)
        })
        .collect();
    Some(SessionNotice {
        session,
        delegation: session.delegation.and_then(|d| book.delegation(d)),
        issuer: issuer_of(engine, session.body),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actor, App};

    async fn demo() -> (tempfile::TempDir, App<giamsat_store::SqlStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let store = giamsat_store::SqlStore::open(path.to_str().expect("utf-8 path"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("test")).await.expect("demo");
        (dir, app)
    }

    fn code(engine: &Engine, unit: UnitId) -> String {
        engine
            .unit(unit)
            .map(|u| u.code.to_string())
            .unwrap_or_default()
    }

    #[tokio::test]
    async fn the_review_of_2023_states_seed_004s_facts() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let year: Period = "2023".parse().expect("period");
        let units = engine.provinces_on(year.last_day().expect("day"));
        let grdp = engine
            .indicators()
            .find(|i| i.code.as_str() == "GRDP_GROWTH")
            .map(|i| i.id);
        let review = locality_review(&engine, year, &units, grdp);
        let cards = |cards: &[Card]| -> Vec<(String, u32, u32)> {
            cards
                .iter()
                .map(|c| (code(&engine, c.unit), c.met, c.set))
                .collect()
        };
        assert_eq!(
            cards(&review.all_met),
            [
                ("22".to_owned(), 15, 15),
                ("25".to_owned(), 15, 15),
                ("93".to_owned(), 18, 18)
            ]
        );
        // Seed 004's twenty, and Nghệ An counted from its own three targets for 2023.
        assert_eq!(review.scored, 21);
        assert_eq!(review.most_met.len(), 9, "{:?}", cards(&review.most_met));
        let fewer = cards(&review.fewer_met);
        assert_eq!(fewer.len(), 9, "{fewer:?}");
        assert!(fewer.contains(&("79".to_owned(), 17, 31)), "{fewer:?}");
        let growth = |g: &[Growth]| -> Vec<(String, f64)> {
            g.iter()
                .map(|g| (code(&engine, g.unit), (g.percent * 100.0).round() / 100.0))
                .collect()
        };
        let double: Vec<(String, f64)> = crate::demo::SEED_004_GROWTH[..7]
            .iter()
            .map(|(_, c, p)| ((*c).to_owned(), p.parse().expect("number")))
            .collect();
        assert_eq!(growth(&review.double_digit), double);
        let negative: Vec<(String, f64)> = crate::demo::SEED_004_GROWTH[7..]
            .iter()
            .map(|(_, c, p)| ((*c).to_owned(), p.parse().expect("number")))
            .collect();
        assert_eq!(growth(&review.negative), negative);
        // The Secretariat's report is where the scorecards come from; it sits in the capital.
        assert_eq!(code(&engine, review.issuer.unit), "BBT");
        assert_eq!(review.issuer.place, None);
    }

    #[tokio::test]
    async fn the_report_of_nghe_an_states_seed_003s_figures() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let nghe_an = engine
            .units()
            .find(|u| u.code.as_str() == "40")
            .map(|u| u.id)
            .expect("Nghệ An");
        let years = report_years(&engine, nghe_an);
        // The real 2025 plan of the demo is the newest year; seed 003 reports on 2023.
        let codes: Vec<String> = years.iter().map(|p| p.code()).collect();
        assert_eq!(codes[..2], ["2025", "2023"]);
        let report = unit_report(&engine, nghe_an, years[1]);
        assert_eq!(code(&engine, report.issuer.unit), "40-UBND");
        assert_eq!(report.issuer.place, Some(nghe_an));
        let find = |c: &str| {
            report
                .figures
                .iter()
                .find(|f| {
                    engine
                        .indicator(f.indicator)
                        .is_some_and(|i| i.code.as_str() == c)
                })
                .expect(c)
        };
        let retail = find("RETAIL_SALES");
        assert_eq!(retail.span.code(), "2023-YTD05");
        assert!((retail.change.expect("change") - 9.63).abs() < 1e-6);
        assert!((retail.percent_of_plan.expect("plan") - 42.98).abs() < 1e-6);
        let iip = find("IIP");
        assert!((iip.change.expect("change") - 1.62).abs() < 1e-6);
        assert_eq!(iip.target, None);
        assert_eq!(find("POWER_PLANTS").span.code(), "2023-06");
        // Five months are 41.7% of the year: retail sales keep pace, trade does not.
        let codes = |ids: &[IndicatorId]| -> Vec<String> {
            ids.iter()
                .filter_map(|i| engine.indicator(*i).map(|i| i.code.to_string()))
                .collect()
        };
        assert_eq!(codes(&report.on_track), ["RETAIL_SALES"]);
        assert_eq!(codes(&report.behind), ["EXPORTS", "IMPORTS"]);
    }

    #[tokio::test]
    async fn the_notice_of_seed_002_lists_its_conclusions_with_their_tasks() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let session = engine
            .follow_up()
            .sessions()
            .find(|s| s.conclusions.len() == 5)
            .map(|s| s.id)
            .expect("session 002");
        let today = time::macros::date!(2026 - 12 - 07);
        let notice = session_notice(&engine, session, today).expect("notice");
        assert_eq!(notice.items.len(), 5);
        assert!(notice.items.iter().all(|(_, task)| task.is_some()));
        assert_eq!(code(&engine, notice.issuer.unit), "S002-BTV");
        assert_eq!(
            notice.issuer.superior.map(|u| code(&engine, u)).as_deref(),
            Some("S002-TU")
        );
        assert!(notice.delegation.is_some());
    }
}
