//! The in-memory engine: the organisation tree, indicators, documents, targets, scenarios and
//! the current value of every observed cell, fed by the store and kept current by every write.
//!
//! Dashboards and evaluation read from here and never from the store.
//!
//! The current values are held as columns, one *series* per (indicator, period): the
//! depth-first positions of the units that reported, in order, beside their values, kinds and
//! observation ids (17 bytes a cell). A subtree is a range of positions, so a sum over it is
//! one scan of contiguous values: a few thousand additions for a whole country, which costs
//! less than keeping prefix sums current would in memory (8 more bytes a cell) and needs no
//! rebuild after a write. Resolved values are remembered per indicator ([`Memo`]) and
//! forgotten when a figure of that indicator, or of one it is computed from, is recorded, so
//! a new figure is in the very next read.

mod checkpoint;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

use crate::amendment::{Amended, Amendment, Edit};
use crate::document::{Document, DocumentKey};
use crate::evaluation::Status;
use crate::follow_up::{FollowUp, FollowUpBook};
use crate::indicator::{AcrossUnits, Indicator, IndicatorCode, OverTime};
use crate::observation::{Observation, ObservationKind, ReportedScorecard};
use crate::org::{Numbering, Succession, Unit, UnitCode};
use crate::period::{Month, Period};
use crate::reporting::{HeldFigure, Reporting, ReportingBook};
use crate::target::{Scenario, Target};
use crate::text::fold;
use crate::{DocumentId, IndicatorId, ObservationId, TargetId, UnitId};

pub use checkpoint::{CheckpointError, CheckpointParts, PART_BYTES};

/// One record as the store holds it, to be applied to the engine. Its JSON form travels in
/// the store's change log from the process that wrote it to the others.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", content = "record", rename_all = "snake_case")]
pub enum Record {
    Unit(Unit),
    Indicator(Indicator),
    Document(Document),
    Target(Target),
    Scenario(Scenario),
    Observation(Observation),
    ReportedScorecard(ReportedScorecard),
    Succession(Succession),
    /// A person, a session, a task, a recommendation… (see [`crate::follow_up`]).
    FollowUp(FollowUp),
    /// A reporting regime or a step of a submission (see [`crate::reporting`]).
    Reporting(Reporting),
    /// A validation rule of a regime's reports (see [`crate::reporting::validation`]).
    Rule(crate::reporting::validation::Rule),
    /// A correction of a document, a target or an indicator (see [`crate::amendment`]).
    Amendment(crate::amendment::Amendment),
}

/// Why a record cannot be applied: it refers to something that does not exist, or clashes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("unit {0} does not exist")]
    UnknownUnit(UnitId),
    #[error("indicator {0} does not exist")]
    UnknownIndicator(IndicatorId),
    #[error("document {0} does not exist")]
    UnknownDocument(DocumentId),
    #[error("target {0} does not exist")]
    UnknownTarget(TargetId),
    #[error("observation {0} does not exist")]
    UnknownObservation(ObservationId),
    #[error("a unit with code {0} already exists")]
    DuplicateUnitCode(UnitCode),
    #[error("an indicator with code {0} already exists")]
    DuplicateIndicatorCode(IndicatorCode),
    #[error("the document {key} of this issuer already exists")]
    DuplicateDocument { key: DocumentKey },
    #[error("the same target (document, indicator, unit, period) already exists as target {0}")]
    DuplicateTarget(TargetId),
    #[error("unit {0} cannot be its own ancestor")]
    Cycle(UnitId),
    #[error(
        "observation {corrected} is about another indicator, unit or period than its correction"
    )]
    CorrectionMismatch { corrected: ObservationId },
    #[error("id {0} is already taken")]
    DuplicateId(String),
    #[error(
        "observation {corrected} is not the current value of its cell: a correction replaces the figure shown"
    )]
    CorrectionOfSuperseded { corrected: ObservationId },
    #[error("observation id {0} is beyond the engine's limit of 4294967295")]
    ObservationIdTooLarge(ObservationId),
    #[error("a unit cannot succeed itself, and a share must be above 0 and at most 1")]
    BadSuccession,
    #[error("unit {successor} already succeeds unit {predecessor}")]
    DuplicateSuccession {
        predecessor: UnitId,
        successor: UnitId,
    },
    #[error(transparent)]
    FollowUp(#[from] crate::follow_up::FollowUpError),
    #[error(transparent)]
    Reporting(#[from] crate::reporting::ReportingError),
    #[error(transparent)]
    Rule(#[from] crate::reporting::validation::RuleError),
    #[error(transparent)]
    Amendment(#[from] crate::amendment::AmendmentError),
}

/// A record the engine refused, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub record: Box<Record>,
    pub error: EngineError,
}

/// A value as the engine resolves it, with how final its weakest part is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    pub value: f64,
    /// The least final kind among the observations it rests on.
    pub kind: ObservationKind,
    /// Whether it was computed (summed, averaged, recomputed) rather than reported as is.
    pub derived: bool,
}

/// The current values of one (indicator, period) at every unit that reported it, ordered by
/// tree position. Columns rather than a map of cells: this is most of the engine's memory at
/// national scale (tens of millions of cells), and a subtree is one contiguous slice.
#[derive(Debug, Default, Clone)]
struct Series {
    positions: Vec<u32>,
    values: Vec<f64>,
    kinds: Vec<ObservationKind>,
    /// The id of the observation each value comes from: the cell's version.
    ids: Vec<u32>,
    /// At least the highest of `ids`: the latest figures are found by looking only into the
    /// series recorded last, not through every cell of a country.
    newest: u32,
    /// What the units below each unit that has some reported (a province's communes), so that
    /// a subtree's total is one lookup instead of a scan: a first answer after a start sums a
    /// province's year from twelve of them. `subtotal_positions` holds the unit's own
    /// position, in order, for the units with something below; `subtotals` their sums.
    /// Worked out again by [`Series::sum_subtrees`] whenever a figure changes the series or the
    /// tree is numbered again; while `subtotals_current` is false they are not read and a
    /// subtree is scanned, which gives the same sums (the same additions in the same order).
    subtotal_positions: Vec<u32>,
    subtotals: Vec<RangeSum>,
    subtotals_current: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct RangeSum {
    sum: f64,
    count: usize,
    kind: ObservationKind,
}

impl Series {
    fn index_of(&self, position: u32) -> Option<usize> {
        self.positions.binary_search(&position).ok()
    }

    /// Records an observation at `position` if it outranks the current one: a higher kind,
    /// or the same kind recorded later. Returns whether it did.
    /// `units` is how many positions the tree has: a series never holds more, so columns
    /// grow by doubling up to that and no further, and a full series wastes nothing.
    fn record(
        &mut self,
        position: u32,
        id: u32,
        kind: ObservationKind,
        value: f64,
        units: usize,
    ) -> bool {
        match self.positions.binary_search(&position) {
            Ok(i) => {
                if (kind, id) <= (self.kinds[i], self.ids[i]) {
                    return false;
                }
                self.subtotals_current = false;
                self.newest = self.newest.max(id);
                self.values[i] = value;
                self.kinds[i] = kind;
                self.ids[i] = id;
            }
            Err(i) => {
                self.subtotals_current = false;
                let len = self.positions.len();
                if len == self.positions.capacity() {
                    let grown = (len * 2).max(8).min(units).max(len + 1);
                    self.positions.reserve_exact(grown - len);
                    self.values.reserve_exact(grown - len);
                    self.kinds.reserve_exact(grown - len);
                    self.ids.reserve_exact(grown - len);
                }
                self.positions.insert(i, position);
                self.values.insert(i, value);
                self.kinds.insert(i, kind);
                self.ids.insert(i, id);
                self.newest = self.newest.max(id);
            }
        }
        true
    }

    /// The entries whose positions fall in `range`, as indexes into the columns.
    fn index_range(&self, range: Range<u32>) -> Range<usize> {
        let lo = self.positions.partition_point(|p| *p < range.start);
        let hi = self.positions.partition_point(|p| *p < range.end);
        lo..hi
    }

    /// The combined figures of the units strictly below the unit at `position`, whose
    /// subtree is `position..end`: its subtotal when they are current, else a scan.
    fn below(&self, position: u32, end: u32) -> Option<RangeSum> {
        if self.subtotals_current {
            let i = self.subtotal_positions.binary_search(&position).ok()?;
            return Some(self.subtotals[i]);
        }
        self.range_sum(position + 1..end)
    }

    /// Works out the subtotal of every unit with units below it (`parents`: each one's
    /// position and the end of its subtree, in position order) by the scan that
    /// [`Series::below`] would otherwise make.
    fn sum_subtrees(&mut self, parents: &[(u32, u32)]) {
        self.subtotal_positions.clear();
        self.subtotals.clear();
        if let (Some(first), Some(last)) = (self.positions.first(), self.positions.last()) {
            for &(position, end) in parents {
                // A parent's subtree holds no cell of this series: nothing to keep.
                if end <= *first || position >= *last {
                    continue;
                }
                if let Some(sum) = self.range_sum(position + 1..end) {
                    self.subtotal_positions.push(position);
                    self.subtotals.push(sum);
                }
            }
        }
        self.subtotal_positions.shrink_to_fit();
        self.subtotals.shrink_to_fit();
        self.subtotals_current = true;
    }

    fn range_sum(&self, range: Range<u32>) -> Option<RangeSum> {
        let idx = self.index_range(range);
        if idx.is_empty() {
            return None;
        }
        let sum = self.values[idx.clone()].iter().sum();
        let kind = self.kinds[idx.clone()]
            .iter()
            .copied()
            .min()
            .unwrap_or(ObservationKind::Official);
        Some(RangeSum {
            sum,
            count: idx.len(),
            kind,
        })
    }

    /// Moves every entry to its unit's position in a new numbering. Numbering visits children
    /// in code order, so adding units keeps the others' relative order and the columns stay
    /// sorted; they are sorted again only if that ever stops being true.
    fn renumber(&mut self, old: &Numbering, new: &Numbering) {
        self.subtotals_current = false;
        for position in &mut self.positions {
            *position = old
                .unit_at(*position)
                .and_then(|unit| new.position(unit))
                .unwrap_or(u32::MAX);
        }
        if !self.positions.is_sorted() {
            let mut order: Vec<usize> = (0..self.positions.len()).collect();
            order.sort_by_key(|i| self.positions[*i]);
            self.positions = order.iter().map(|i| self.positions[*i]).collect();
            self.values = order.iter().map(|i| self.values[*i]).collect();
            self.kinds = order.iter().map(|i| self.kinds[*i]).collect();
            self.ids = order.iter().map(|i| self.ids[*i]).collect();
        }
    }

    fn shrink_to_fit(&mut self) {
        self.positions.shrink_to_fit();
        self.values.shrink_to_fit();
        self.kinds.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    fn len(&self) -> usize {
        self.positions.len()
    }
}

/// A set of small numbers, one bit each: the ids of every observation ever applied (for
/// refusing a duplicate and finding what a correction names), the positions that reported
/// an indicator.
#[derive(Debug, Default, Clone)]
struct IdSet(Vec<u64>);

impl IdSet {
    fn contains(&self, id: u32) -> bool {
        self.0
            .get(id as usize / 64)
            .is_some_and(|word| word & (1 << (id % 64)) != 0)
    }

    /// The numbers in the set, smallest first.
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(w, word)| {
            let mut bits = *word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros();
                    bits &= bits - 1;
                    (w * 64) as u32 + bit
                })
            })
        })
    }

    fn insert(&mut self, id: u32) {
        let word = id as usize / 64;
        if word >= self.0.len() {
            // Grow by half again, so a stream of new ids costs amortised constant time.
            let len = (word + 1).max(self.0.len() + self.0.len() / 2);
            self.0.resize(len, 0);
        }
        self.0[word] |= 1 << (id % 64);
    }
}

/// What is remembered of one indicator: its resolved values, and the evaluations of its
/// targets, which are computed from those values and forgotten with them.
#[derive(Default)]
struct Remembered {
    values: FxHashMap<(UnitId, Period), Option<Resolved>>,
    evaluations: FxHashMap<TargetId, crate::evaluation::TargetEvaluation>,
}

type MemoShard = FxHashMap<IndicatorId, Remembered>;

/// What the dashboards count and order over many targets at once, kept while every
/// evaluation they were made from is remembered: the overview and the rankings ask for every
/// province's scorecard and a period's targets in status order on each visit, thousands of
/// remembered evaluations each time, where one lookup does. Forgotten, whole, whenever any
/// evaluation is: a write touches one indicator, and the next visit counts again from the
/// remembered evaluations of the others.
#[derive(Default)]
struct Aggregates {
    scorecards: FxHashMap<(UnitId, Period), crate::evaluation::Scorecard>,
    /// Whether every target of a period has data (what the ranking shows by default).
    complete: FxHashMap<Period, bool>,
    in_status_order: FxHashMap<TargetGroup, Arc<[(Status, TargetId)]>>,
    /// The latest figures of a unit or of all, by how many were asked for: every page
    /// shows them, and finding them looks at each of a country's series.
    latest_cells: FxHashMap<(Option<UnitId>, usize), Vec<CurrentCell>>,
}

/// A set of targets the pages list in status order, remembered as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetGroup {
    /// A unit's own targets.
    OfUnit(UnitId),
    /// Every target set for exactly a period.
    InPeriod(Period),
    /// Every target set on an indicator.
    OnIndicator(IndicatorId),
    /// The targets a document set.
    SetBy(DocumentId),
}

/// Values already resolved by [`Engine::value`], per indicator. Evaluating a province's
/// yearly target resolves a dozen months over a hundred communes, and a ranking of every
/// province does that thousands of times; remembered, the second time is a lookup. Recording
/// a figure forgets its indicator's values and those of indicators computed from it; adding a
/// unit, a succession or an indicator forgets everything. Sharded by indicator so readers of
/// different indicators do not wait for each other.
#[derive(Default)]
struct Memo {
    shards: [RwLock<MemoShard>; 16],
    aggregates: RwLock<Aggregates>,
    /// Whether anything was remembered since everything was last forgotten, so that loading
    /// millions of figures does not look for values to forget after each.
    holds_anything: std::sync::atomic::AtomicBool,
}

/// Entries kept per indicator before its memory is started again, so that reads of many
/// distinct cells cannot grow it without bound: a dashboard asks for a few hundred values of
/// an indicator, a list of every commune a few thousand; at most about 400 KB an indicator.
const MEMO_LIMIT: usize = 1 << 13;

impl Memo {
    fn shard(&self, indicator: IndicatorId) -> &RwLock<MemoShard> {
        &self.shards[indicator.0 as usize % self.shards.len()]
    }

    fn get(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<Option<Resolved>> {
        let shard = self
            .shard(indicator)
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        shard.get(&indicator)?.values.get(&(unit, period)).copied()
    }

    fn evaluation(
        &self,
        indicator: IndicatorId,
        target: TargetId,
    ) -> Option<crate::evaluation::TargetEvaluation> {
        let shard = self
            .shard(indicator)
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        shard.get(&indicator)?.evaluations.get(&target).cloned()
    }

    /// Remembers a target's evaluation: at most one per target, so bounded by the targets.
    fn put_evaluation(
        &self,
        indicator: IndicatorId,
        evaluation: crate::evaluation::TargetEvaluation,
    ) {
        let mut shard = self
            .shard(indicator)
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        shard
            .entry(indicator)
            .or_default()
            .evaluations
            .insert(evaluation.target, evaluation);
        self.holds_anything
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Forgets one target's evaluation (its value, comparator or scenario changed).
    fn forget_evaluation(&mut self, indicator: IndicatorId, target: TargetId) {
        let index = indicator.0 as usize % self.shards.len();
        if let Some(remembered) = self.shards[index]
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get_mut(&indicator)
        {
            remembered.evaluations.remove(&target);
        }
        self.forget_aggregates();
    }

    fn forget_aggregates(&mut self) {
        let aggregates = self
            .aggregates
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !aggregates.scorecards.is_empty()
            || !aggregates.complete.is_empty()
            || !aggregates.in_status_order.is_empty()
            || !aggregates.latest_cells.is_empty()
        {
            *aggregates = Aggregates::default();
        }
    }

    fn aggregates(&self) -> std::sync::RwLockReadGuard<'_, Aggregates> {
        self.aggregates
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Remembers what `put` does to the aggregates.
    fn put_aggregate(&self, put: impl FnOnce(&mut Aggregates)) {
        put(&mut self
            .aggregates
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()));
        self.holds_anything
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    fn put(&self, indicator: IndicatorId, unit: UnitId, period: Period, value: Option<Resolved>) {
        let mut shard = self
            .shard(indicator)
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let values = &mut shard.entry(indicator).or_default().values;
        if values.len() >= MEMO_LIMIT {
            values.clear();
        }
        values.insert((unit, period), value);
        self.holds_anything
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    fn holds_anything(&mut self) -> bool {
        *self.holds_anything.get_mut()
    }

    fn forget(&mut self, indicator: IndicatorId) {
        let index = indicator.0 as usize % self.shards.len();
        self.shards[index]
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&indicator);
        self.forget_aggregates();
    }

    fn forget_all(&mut self) {
        if !self.holds_anything() {
            return;
        }
        *self.holds_anything.get_mut() = false;
        for shard in &mut self.shards {
            shard
                .get_mut()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clear();
        }
        self.forget_aggregates();
    }
}

/// A copy of the engine starts with nothing remembered.
impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

/// The engine. See the module documentation.
///
/// Cloning copies the maps of units, indicators, documents, targets and follow-up records, but
/// shares each series of figures through `Arc` until the copy changes it, and starts with
/// nothing remembered; the application layer clones only to check a whole batch (an import)
/// before committing it.
#[derive(Debug, Default, Clone)]
pub struct Engine {
    units: BTreeMap<UnitId, Unit>,
    unit_by_code: HashMap<UnitCode, UnitId>,
    /// Each unit's children, in the order they were added.
    children_of: FxHashMap<UnitId, Vec<UnitId>>,
    numbering: Numbering,
    indicators: BTreeMap<IndicatorId, Indicator>,
    indicator_by_code: HashMap<IndicatorCode, IndicatorId>,
    documents: BTreeMap<DocumentId, Document>,
    document_by_key: HashMap<(UnitId, DocumentKey), DocumentId>,
    targets: BTreeMap<TargetId, Target>,
    /// Each unit's targets and each period's, so that a page of one unit or one period does
    /// not look through a whole country's.
    targets_of_unit: FxHashMap<UnitId, Vec<TargetId>>,
    targets_in_period: BTreeMap<Period, Vec<TargetId>>,
    targets_of_indicator: FxHashMap<IndicatorId, Vec<TargetId>>,
    targets_of_document: FxHashMap<DocumentId, Vec<TargetId>>,
    target_by_cell: HashMap<(DocumentId, IndicatorId, UnitId, Period), TargetId>,
    scenarios: HashMap<TargetId, Scenario>,
    // The maps keyed by internal ids use a fast non-cryptographic hash: their keys are never
    // chosen by users, and they are on every read path.
    /// The current value of every cell. Shared between copies of the engine until one of them
    /// changes a series, so checking a batch on a copy does not copy every figure.
    series: FxHashMap<(IndicatorId, Period), Arc<Series>>,
    /// For each indicator, the tree positions that hold a figure of it for some period: most
    /// units above the communes never report an indicator themselves, and asking whether one
    /// did costs one bit here instead of a binary search through a country's column (the
    /// most of a province's first answers).
    reporting_positions: FxHashMap<IndicatorId, IdSet>,
    observation_ids: IdSet,
    /// For each indicator, the indicators computed from it (ratios, weighted means).
    dependents: FxHashMap<IndicatorId, Vec<IndicatorId>>,
    memo: Memo,
    reported_scorecards: BTreeMap<(UnitId, Period), ReportedScorecard>,
    successions: Vec<Succession>,
    /// The units that took over from others, so that the common case (a unit that did not)
    /// costs one hash lookup on the value path.
    formed: rustc_hash::FxHashSet<UnitId>,
    max_observation_id: u64,
    follow_up: FollowUpBook,
    reporting: ReportingBook,
    validation: crate::reporting::validation::RuleBook,
    /// Every correction of a document, a target or an indicator, in the order recorded.
    amendments: Vec<Amendment>,
    /// Units were added since the tree was last numbered. Series positions always refer to
    /// `numbering`; the tree is numbered again before the next observation is placed.
    numbering_stale: bool,
    /// Each unit with units below it: its position and the end of its subtree, in position
    /// order, from `numbering`. The series keep a subtotal for each.
    parents: Vec<(u32, u32)>,
    /// The indicators with a series of more than one month (a quarter, a year, the months to
    /// date): for the others, a period's value above the reporting units is its months'.
    reported_over_months: rustc_hash::FxHashSet<IndicatorId>,
    /// The series whose subtotals are not current: changed since [`Engine::settle`] last
    /// worked them out (a load or an import changes thousands before it settles once).
    unsummed: Vec<(IndicatorId, Period)>,
    /// How many records that name something (units, indicators, documents, targets,
    /// successions, follow-up) were applied: what a search index built from the engine
    /// depends on, so that recording figures does not make one be built again.
    names_version: u64,
    /// How many units bear each name (Vietnamese, folded): a name two communes share is
    /// shown with the unit above, and a country's lists ask that of hundreds of units.
    unit_name_counts: FxHashMap<String, u32>,
}

/// A current cell: its indicator, unit and period, the observation it holds, of what kind,
/// and its value.
pub type CurrentCell = (
    IndicatorId,
    UnitId,
    Period,
    ObservationId,
    ObservationKind,
    f64,
);

#[cfg(test)]
thread_local! {
    /// Set by tests that compare [`Engine::months_added_from_below`] with the long way.
    static THE_LONG_WAY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether values are resolved without shortcuts: only ever in tests.
fn the_long_way() -> bool {
    #[cfg(test)]
    return THE_LONG_WAY.get();
    #[cfg(not(test))]
    false
}

/// Recursion guard for indicators computed from indicators computed from others.
const MAX_DERIVATION_DEPTH: u8 = 6;

/// Observation ids as the engine keeps them: 32 bits, four billion figures, centuries of a
/// whole country's monthly reports.
fn short_id(id: ObservationId) -> Result<u32, EngineError> {
    u32::try_from(id.0).map_err(|_| EngineError::ObservationIdTooLarge(id))
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    /// An engine holding `records`, applied in order; the tree is numbered once at the end.
    pub fn from_records(records: impl IntoIterator<Item = Record>) -> Result<Engine, Rejected> {
        let mut engine = Engine::new();
        engine.apply_batch(records)?;
        Ok(engine)
    }

    /// Checks a record against what the engine holds, without changing anything.
    pub fn check(&self, record: &Record) -> Result<(), EngineError> {
        match record {
            Record::Unit(unit) => {
                if self.units.contains_key(&unit.id) {
                    return Err(EngineError::DuplicateId(format!("unit {}", unit.id)));
                }
                if self.unit_by_code.contains_key(&unit.code) {
                    return Err(EngineError::DuplicateUnitCode(unit.code.clone()));
                }
                if let Some(parent) = unit.parent {
                    if parent == unit.id {
                        return Err(EngineError::Cycle(unit.id));
                    }
                    self.require_unit(parent)?;
                }
            }
            Record::Indicator(indicator) => {
                if self.indicators.contains_key(&indicator.id) {
                    return Err(EngineError::DuplicateId(format!(
                        "indicator {}",
                        indicator.id
                    )));
                }
                if self.indicator_by_code.contains_key(&indicator.code) {
                    return Err(EngineError::DuplicateIndicatorCode(indicator.code.clone()));
                }
                // Parts must exist first, so derivations can never form a cycle.
                for part in indicator.parts() {
                    self.require_indicator(part)?;
                }
            }
            Record::Document(document) => {
                self.require_unit(document.issued_by)?;
                if self.documents.contains_key(&document.id) {
                    return Err(EngineError::DuplicateId(format!(
                        "document {}",
                        document.id
                    )));
                }
                if self
                    .document_by_key
                    .contains_key(&(document.issued_by, document.key.clone()))
                {
                    return Err(EngineError::DuplicateDocument {
                        key: document.key.clone(),
                    });
                }
            }
            Record::Target(target) => {
                self.require_document(target.document)?;
                self.require_indicator(target.indicator)?;
                self.require_unit(target.unit)?;
                if self.targets.contains_key(&target.id) {
                    return Err(EngineError::DuplicateId(format!("target {}", target.id)));
                }
                let cell = (
                    target.document,
                    target.indicator,
                    target.unit,
                    target.period,
                );
                if let Some(existing) = self.target_by_cell.get(&cell) {
                    return Err(EngineError::DuplicateTarget(*existing));
                }
            }
            Record::Scenario(scenario) => {
                self.require_target(scenario.target)?;
            }
            Record::Observation(observation) => self.check_observation(observation)?,
            Record::ReportedScorecard(card) => {
                self.require_unit(card.unit)?;
                if let Some(document) = card.document {
                    self.require_document(document)?;
                }
            }
            Record::FollowUp(record) => self.follow_up.check(self, record)?,
            Record::Reporting(record) => self.reporting.check(self, record)?,
            Record::Rule(rule) => self.validation.check(self, rule)?,
            Record::Amendment(amendment) => {
                match amendment.of {
                    Amended::Document(d) => self.require_document(d).map(|_| ())?,
                    Amended::Target(t) => self.require_target(t).map(|_| ())?,
                    Amended::Indicator(i) => self.require_indicator(i).map(|_| ())?,
                }
                if self.amendments.iter().any(|a| a.id == amendment.id) {
                    return Err(EngineError::DuplicateId(format!(
                        "amendment {}",
                        amendment.id
                    )));
                }
                amendment.check()?;
            }
            Record::Succession(succession) => {
                self.require_unit(succession.predecessor)?;
                self.require_unit(succession.successor)?;
                let share = succession.share;
                if succession.predecessor == succession.successor || !(share > 0.0 && share <= 1.0)
                {
                    return Err(EngineError::BadSuccession);
                }
                if self
                    .successors(succession.predecessor)
                    .any(|s| s.successor == succession.successor)
                {
                    return Err(EngineError::DuplicateSuccession {
                        predecessor: succession.predecessor,
                        successor: succession.successor,
                    });
                }
            }
        }
        Ok(())
    }

    /// Checks and applies one record without numbering the tree again, for batches that add
    /// thousands of units: numbering after each would cost the square of their number. Until
    /// [`Engine::settle`] is called, lookups are right but values summed over subtrees are not.
    /// A refused record is given back with the reason.
    pub fn apply_unsettled(&mut self, record: Record) -> Result<(), Rejected> {
        match self.check(&record) {
            Ok(()) => {
                self.insert(record);
                Ok(())
            }
            Err(error) => Err(Rejected {
                record: Box::new(record),
                error,
            }),
        }
    }

    /// [`Engine::apply_unsettled`] of an observation lent rather than given: a start applies
    /// a country's millions, and moving each into a [`Record`] showed in its profile.
    pub fn apply_unsettled_observation(
        &mut self,
        observation: &Observation,
    ) -> Result<(), EngineError> {
        self.check_observation(observation)?;
        self.insert_observation(observation);
        Ok(())
    }

    /// Numbers the tree if units were added by [`Engine::apply_unsettled`], and works out the
    /// subtotals of the series changed since it was last called. Values are right before it
    /// is called; summing a province's communes is only faster after.
    pub fn settle(&mut self) {
        self.number_if_stale();
        self.sum_subtrees();
    }

    fn number_if_stale(&mut self) {
        if self.numbering_stale {
            self.renumber();
        }
    }

    fn sum_subtrees(&mut self) {
        for key in std::mem::take(&mut self.unsummed) {
            if let Some(series) = self.series.get_mut(&key)
                && !series.subtotals_current
            {
                Arc::make_mut(series).sum_subtrees(&self.parents);
            }
        }
    }

    /// Whether another unit bears the same Vietnamese name, whatever its diacritics.
    pub fn unit_name_is_shared(&self, unit: &Unit) -> bool {
        self.unit_name_counts
            .get(&fold(unit.name.get(crate::Language::Vi)))
            .is_some_and(|n| *n > 1)
    }

    /// The number of records applied that name something (see `names_version`): equal
    /// between two states of one store's engine, the names, titles and links between them are
    /// the same.
    pub fn names_version(&self) -> u64 {
        self.names_version
    }

    /// Checks and applies one record.
    pub fn apply(&mut self, record: Record) -> Result<(), EngineError> {
        self.apply_batch([record]).map_err(|r| r.error)
    }

    /// Checks and applies records in order, numbering the tree once if units were added. On
    /// error the records before the failing one stay applied; the application layer checks a
    /// whole batch before it commits, so this only fails on a store that breaks its own rules.
    pub fn apply_batch(
        &mut self,
        records: impl IntoIterator<Item = Record>,
    ) -> Result<(), Rejected> {
        let mut result = Ok(());
        for record in records {
            if let Err(error) = self.check(&record) {
                result = Err(Rejected {
                    record: Box::new(record),
                    error,
                });
                break;
            }
            self.insert(record);
        }
        self.settle();
        result
    }

    /// Gives back the memory that the columns grew into while loading.
    pub fn shrink_to_fit(&mut self) {
        for series in self.series.values_mut() {
            Arc::make_mut(series).shrink_to_fit();
        }
        self.series.shrink_to_fit();
        let ids = &mut self.observation_ids.0;
        let used = ids.iter().rposition(|w| *w != 0).map_or(0, |i| i + 1);
        ids.truncate(used);
        ids.shrink_to_fit();
    }

    /// How many cells hold a current value.
    /// Forgets every value worked out so far, as a restart does: what measures the first
    /// answer after a start.
    pub fn forget_values(&mut self) {
        self.memo.forget_all();
    }

    pub fn cell_count(&self) -> usize {
        self.series.values().map(|s| s.len()).sum()
    }

    fn insert(&mut self, record: Record) {
        if matches!(
            record,
            Record::Unit(_)
                | Record::Indicator(_)
                | Record::Document(_)
                | Record::Target(_)
                | Record::Succession(_)
                | Record::FollowUp(_)
        ) {
            self.names_version += 1;
        }
        match record {
            Record::Unit(unit) => {
                self.unit_by_code.insert(unit.code.clone(), unit.id);
                if let Some(parent) = unit.parent {
                    self.children_of.entry(parent).or_default().push(unit.id);
                }
                // `check` refused a unit already there, so a name is only ever counted in.
                let folded = fold(unit.name.get(crate::Language::Vi));
                *self.unit_name_counts.entry(folded).or_default() += 1;
                self.units.insert(unit.id, unit);
                self.numbering_stale = true;
                self.memo.forget_all();
            }
            Record::Indicator(indicator) => {
                self.indicator_by_code
                    .insert(indicator.code.clone(), indicator.id);
                for part in indicator.parts() {
                    self.dependents.entry(part).or_default().push(indicator.id);
                }
                self.indicators.insert(indicator.id, indicator);
                self.memo.forget_all();
            }
            Record::Document(document) => {
                self.document_by_key
                    .insert((document.issued_by, document.key.clone()), document.id);
                self.documents.insert(document.id, document);
            }
            Record::Target(target) => {
                let cell = (
                    target.document,
                    target.indicator,
                    target.unit,
                    target.period,
                );
                self.target_by_cell.insert(cell, target.id);
                self.memo.forget_evaluation(target.indicator, target.id);
                // A target's unit and period are never amended: a replaced one is indexed.
                if !self.targets.contains_key(&target.id) {
                    self.targets_of_unit
                        .entry(target.unit)
                        .or_default()
                        .push(target.id);
                    self.targets_in_period
                        .entry(target.period)
                        .or_default()
                        .push(target.id);
                    self.targets_of_indicator
                        .entry(target.indicator)
                        .or_default()
                        .push(target.id);
                    self.targets_of_document
                        .entry(target.document)
                        .or_default()
                        .push(target.id);
                }
                self.targets.insert(target.id, target);
            }
            Record::Scenario(scenario) => {
                if let Some(target) = self.targets.get(&scenario.target) {
                    self.memo.forget_evaluation(target.indicator, target.id);
                }
                self.scenarios.insert(scenario.target, scenario);
            }
            Record::Observation(observation) => self.insert_observation(&observation),
            Record::ReportedScorecard(card) => {
                self.reported_scorecards
                    .insert((card.unit, card.period), card);
            }
            Record::FollowUp(record) => self.follow_up.insert(record),
            Record::Reporting(record) => {
                // Steps that follow are checked against the tree (who reports), and the
                // store reads them before the figures, while units may be unnumbered yet.
                self.number_if_stale();
                for figure in self.reporting.insert(record) {
                    self.place(&figure);
                }
            }
            Record::Rule(rule) => self.validation.insert(rule),
            Record::Amendment(amendment) => self.amend(amendment),
            Record::Succession(succession) => {
                self.formed.insert(succession.successor);
                self.successions.push(succession);
                self.memo.forget_all();
            }
        }
    }

    /// The checks of [`Engine::check`] for an observation.
    fn check_observation(&self, observation: &Observation) -> Result<(), EngineError> {
        self.require_indicator(observation.indicator)?;
        self.require_unit(observation.unit)?;
        if let Some(by) = observation.reported_by {
            self.require_unit(by)?;
        }
        if let Some(document) = observation.document {
            self.require_document(document)?;
        }
        let id = short_id(observation.id)?;
        if self.observation_ids.contains(id) {
            return Err(EngineError::DuplicateId(format!(
                "observation {}",
                observation.id
            )));
        }
        if let Some(corrected) = observation.corrects {
            // Only the current observation of each cell is held, so a correction must
            // name the figure it replaces: the one its cell shows.
            if !short_id(corrected).is_ok_and(|c| self.observation_ids.contains(c)) {
                return Err(EngineError::UnknownObservation(corrected));
            }
            // A unit corrects the figure it works on, the one its report holds, or
            // the published one.
            let (i, u, p) = (observation.indicator, observation.unit, observation.period);
            let current = self.latest(i, u, p);
            let named = [self.unpublished(i, u, p), self.reported(i, u, p)]
                .into_iter()
                .flatten()
                .any(|(id, ..)| id == corrected);
            if !named {
                return Err(if current.is_some() {
                    EngineError::CorrectionOfSuperseded { corrected }
                } else {
                    EngineError::CorrectionMismatch { corrected }
                });
            }
        }
        Ok(())
    }

    /// What [`Engine::insert`] does with an observation: only its cell, kind and value are
    /// kept.
    fn insert_observation(&mut self, observation: &Observation) {
        // `check` refused ids beyond 32 bits.
        let Ok(id) = short_id(observation.id) else {
            return;
        };
        self.observation_ids.insert(id);
        self.max_observation_id = self.max_observation_id.max(observation.id.0);
        self.admit(HeldFigure {
            id: observation.id,
            indicator: observation.indicator,
            unit: observation.unit,
            period: observation.period,
            kind: observation.kind,
            value: observation.value,
        });
    }

    /// Publishes a recorded figure, or holds it back when a report not yet approved holds it.
    fn admit(&mut self, figure: HeldFigure) {
        self.number_if_stale();
        match self.reporting.holding(self, &figure) {
            Some(report) => self.reporting.hold(report, figure),
            None => self.place(&figure),
        }
    }

    /// Makes a figure its cell's current value if it outranks the one there.
    fn place(&mut self, figure: &HeldFigure) {
        let Ok(id) = short_id(figure.id) else {
            return;
        };
        self.number_if_stale();
        let Some(position) = self.numbering.position(figure.unit) else {
            return;
        };
        let key = (figure.indicator, figure.period);
        if figure.period.month_count() > 1 {
            self.reported_over_months.insert(figure.indicator);
        }
        let series = self.series.entry(key).or_default();
        // A series already listed as unsummed is not listed twice.
        let unlisted = series.subtotals_current || series.len() == 0;
        let units = self.numbering.len();
        let recorded = Arc::make_mut(series).record(position, id, figure.kind, figure.value, units);
        if recorded && unlisted {
            self.unsummed.push(key);
        }
        self.reporting_positions
            .entry(figure.indicator)
            .or_default()
            .insert(position);
        if recorded {
            self.forget_values_of(figure.indicator);
        }
    }

    /// Marks where each indicator was reported, from the series as they are now.
    fn find_reporting_positions(&mut self) {
        self.reporting_positions.clear();
        for ((indicator, _), series) in &self.series {
            let set = self.reporting_positions.entry(*indicator).or_default();
            for position in &series.positions {
                set.insert(*position);
            }
        }
    }

    /// Forgets the remembered values of an indicator and of everything computed from it.
    fn forget_values_of(&mut self, indicator: IndicatorId) {
        if !self.memo.holds_anything() {
            return;
        }
        let mut pending = vec![indicator];
        let mut seen = rustc_hash::FxHashSet::default();
        while let Some(next) = pending.pop() {
            if seen.insert(next) {
                self.memo.forget(next);
                if let Some(dependents) = self.dependents.get(&next) {
                    pending.extend(dependents);
                }
            }
        }
    }

    /// Numbers the tree afresh and moves every series onto the new positions.
    fn renumber(&mut self) {
        let new = Numbering::of(self.units.values());
        for (key, series) in &mut self.series {
            Arc::make_mut(series).renumber(&self.numbering, &new);
            self.unsummed.push(*key);
        }
        self.parents = new.parents().collect();
        self.numbering = new;
        self.numbering_stale = false;
        self.find_reporting_positions();
        self.memo.forget_all();
    }

    fn require_unit(&self, id: UnitId) -> Result<&Unit, EngineError> {
        self.units.get(&id).ok_or(EngineError::UnknownUnit(id))
    }

    fn require_indicator(&self, id: IndicatorId) -> Result<&Indicator, EngineError> {
        self.indicators
            .get(&id)
            .ok_or(EngineError::UnknownIndicator(id))
    }

    fn require_document(&self, id: DocumentId) -> Result<&Document, EngineError> {
        self.documents
            .get(&id)
            .ok_or(EngineError::UnknownDocument(id))
    }

    fn require_target(&self, id: TargetId) -> Result<&Target, EngineError> {
        self.targets.get(&id).ok_or(EngineError::UnknownTarget(id))
    }

    // ---- Lookups -------------------------------------------------------------------------

    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.get(&id)
    }

    pub fn unit_by_code(&self, code: &UnitCode) -> Option<&Unit> {
        self.unit_by_code
            .get(code)
            .and_then(|id| self.units.get(id))
    }

    /// Units found by code or by any of their names, compared without diacritics or case. A
    /// code finds every unit that has carried it: `24` finds legacy Bắc Giang and the Bắc Ninh
    /// of 2025 (`24-2025`). Units that still exist come first.
    pub fn find_units(&self, query: &str) -> Vec<&Unit> {
        let query = query.trim();
        let code = UnitCode::parse(query).ok();
        let folded = fold(query);
        let mut found: Vec<&Unit> = self
            .units
            .values()
            .filter(|u| {
                code.as_ref().is_some_and(|c| {
                    u.code == *c || u.office_code().eq_ignore_ascii_case(c.as_str())
                }) || (!folded.is_empty() && u.name.matches_folded(&folded))
            })
            .collect();
        found.sort_by_key(|u| (u.valid_to.is_some(), u.id));
        found
    }

    /// The provinces of `date`: the localities directly under a nation that exist then and
    /// carry the statistics office's two-digit province code (63 before 1 July 2025, 34
    /// after). A locality entered without one (a source's unnamed province) is not an
    /// official province, and is neither ranked nor counted among them.
    pub fn provinces_on(&self, date: time::Date) -> Vec<UnitId> {
        self.units_on(date)
            .filter(|u| u.kind == crate::UnitKind::Locality)
            .filter(|u| {
                let code = u.office_code();
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit())
            })
            .filter(|u| {
                u.parent
                    .and_then(|p| self.units.get(&p))
                    .is_some_and(|p| p.kind == crate::UnitKind::Nation)
            })
            .map(|u| u.id)
            .collect()
    }

    /// The units that exist on `date`.
    pub fn units_on(&self, date: time::Date) -> impl Iterator<Item = &Unit> {
        self.units.values().filter(move |u| u.exists_on(date))
    }

    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.units.values()
    }

    /// The unit's direct children, in tree order.
    pub fn children(&self, id: UnitId) -> Vec<&Unit> {
        let mut kids: Vec<&Unit> = self
            .children_of
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|child| self.units.get(child))
            .collect();
        kids.sort_by_key(|u| self.numbering.position(u.id));
        kids
    }

    /// The unit's position in the depth-first numbering (tree order).
    pub fn position(&self, unit: UnitId) -> Option<u32> {
        self.numbering.position(unit)
    }

    /// The units of `unit`'s subtree, itself first, in tree order: one range of positions.
    pub fn subtree_units(&self, unit: UnitId) -> impl Iterator<Item = &Unit> {
        self.numbering
            .subtree(unit)
            .unwrap_or(0..0)
            .filter_map(|p| self.numbering.unit_at(p))
            .filter_map(|id| self.units.get(&id))
    }

    /// Whether `unit` lies in the subtree of `ancestor` (itself included).
    pub fn is_within(&self, unit: UnitId, ancestor: UnitId) -> bool {
        match (
            self.numbering.position(unit),
            self.numbering.subtree(ancestor),
        ) {
            (Some(p), Some(range)) => range.contains(&p),
            _ => false,
        }
    }

    pub fn indicator(&self, id: IndicatorId) -> Option<&Indicator> {
        self.indicators.get(&id)
    }

    pub fn indicator_by_code(&self, code: &IndicatorCode) -> Option<&Indicator> {
        self.indicator_by_code
            .get(code)
            .and_then(|id| self.indicators.get(id))
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.values()
    }

    pub fn document(&self, id: DocumentId) -> Option<&Document> {
        self.documents.get(&id)
    }

    /// Documents with this key; one per issuing body that used the number that year.
    pub fn documents_by_key(&self, key: &DocumentKey) -> Vec<&Document> {
        self.documents.values().filter(|d| &d.key == key).collect()
    }

    pub fn document_by_issuer_key(&self, issuer: UnitId, key: &DocumentKey) -> Option<&Document> {
        self.document_by_key
            .get(&(issuer, key.clone()))
            .and_then(|id| self.documents.get(id))
    }

    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.documents.values()
    }

    pub fn target(&self, id: TargetId) -> Option<&Target> {
        self.targets.get(&id)
    }

    pub fn targets(&self) -> impl Iterator<Item = &Target> {
        self.targets.values()
    }

    /// The targets of one of the indexes by unit, period, indicator or document.
    fn listed_targets<'a>(
        &'a self,
        ids: Option<&'a Vec<TargetId>>,
    ) -> impl Iterator<Item = &'a Target> + 'a {
        ids.into_iter()
            .flatten()
            .filter_map(|id| self.targets.get(id))
    }

    /// A unit's own targets, in the order they were set.
    pub fn targets_of(&self, unit: UnitId) -> impl Iterator<Item = &Target> {
        self.listed_targets(self.targets_of_unit.get(&unit))
    }

    /// The targets set on an indicator, in the order they were set.
    pub fn targets_on(&self, indicator: IndicatorId) -> impl Iterator<Item = &Target> {
        self.listed_targets(self.targets_of_indicator.get(&indicator))
    }

    /// The targets a document set, in the order they were set.
    pub fn targets_set_by(&self, document: DocumentId) -> impl Iterator<Item = &Target> {
        self.listed_targets(self.targets_of_document.get(&document))
    }

    /// How many targets a document set, without looking at them.
    pub fn count_of_targets_set_by(&self, document: DocumentId) -> usize {
        self.targets_of_document.get(&document).map_or(0, Vec::len)
    }

    /// The targets of a period, in the order they were set.
    pub fn targets_in(&self, period: Period) -> impl Iterator<Item = &Target> {
        self.listed_targets(self.targets_in_period.get(&period))
    }

    /// Every period that has targets, and how many.
    pub fn target_periods(&self) -> impl Iterator<Item = (Period, usize)> + '_ {
        self.targets_in_period
            .iter()
            .map(|(p, ids)| (*p, ids.len()))
    }

    /// A target's evaluation as last computed, while nothing it depends on has changed.
    pub(crate) fn remembered_evaluation(
        &self,
        target: &Target,
    ) -> Option<crate::evaluation::TargetEvaluation> {
        if self.numbering_stale {
            return None;
        }
        self.memo.evaluation(target.indicator, target.id)
    }

    /// What `read` finds among the remembered aggregates, unless the tree was changed
    /// since (positions, and with them every count, are then to be found again).
    fn remembered_aggregate<T>(&self, read: impl FnOnce(&Aggregates) -> Option<T>) -> Option<T> {
        if self.numbering_stale {
            return None;
        }
        read(&self.memo.aggregates())
    }

    fn remember_aggregate(&self, put: impl FnOnce(&mut Aggregates)) {
        if !self.numbering_stale {
            self.memo.put_aggregate(put);
        }
    }

    /// A unit's scorecard for a period as last counted, while every evaluation it was
    /// counted from is remembered.
    pub(crate) fn remembered_scorecard(
        &self,
        unit: UnitId,
        period: Period,
    ) -> Option<crate::evaluation::Scorecard> {
        self.remembered_aggregate(|a| a.scorecards.get(&(unit, period)).copied())
    }

    pub(crate) fn remember_scorecard(
        &self,
        unit: UnitId,
        period: Period,
        card: crate::evaluation::Scorecard,
    ) {
        self.remember_aggregate(|a| {
            a.scorecards.insert((unit, period), card);
        });
    }

    /// Whether every target of a period has data, as last found.
    pub(crate) fn remembered_completeness(&self, period: Period) -> Option<bool> {
        self.remembered_aggregate(|a| a.complete.get(&period).copied())
    }

    pub(crate) fn remember_completeness(&self, period: Period, complete: bool) {
        self.remember_aggregate(|a| {
            a.complete.insert(period, complete);
        });
    }

    /// A group's targets in status order, as last ordered.
    pub(crate) fn remembered_status_order(
        &self,
        group: TargetGroup,
    ) -> Option<Arc<[(Status, TargetId)]>> {
        self.remembered_aggregate(|a| a.in_status_order.get(&group).cloned())
    }

    pub(crate) fn remember_status_order(
        &self,
        group: TargetGroup,
        order: Arc<[(Status, TargetId)]>,
    ) {
        self.remember_aggregate(|a| {
            a.in_status_order.insert(group, order);
        });
    }

    /// The targets of a group, in the order they were set.
    pub fn targets_of_group(&self, group: TargetGroup) -> Box<dyn Iterator<Item = &Target> + '_> {
        match group {
            TargetGroup::OfUnit(unit) => Box::new(self.targets_of(unit)),
            TargetGroup::InPeriod(period) => Box::new(self.targets_in(period)),
            TargetGroup::OnIndicator(indicator) => Box::new(self.targets_on(indicator)),
            TargetGroup::SetBy(document) => Box::new(self.targets_set_by(document)),
        }
    }

    pub(crate) fn remember_evaluation(
        &self,
        target: &Target,
        evaluation: &crate::evaluation::TargetEvaluation,
    ) {
        if !self.numbering_stale {
            self.memo
                .put_evaluation(target.indicator, evaluation.clone());
        }
    }

    pub fn target_for(
        &self,
        document: DocumentId,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<&Target> {
        self.target_by_cell
            .get(&(document, indicator, unit, period))
            .and_then(|id| self.targets.get(id))
    }

    pub fn scenario(&self, target: TargetId) -> Option<&Scenario> {
        self.scenarios.get(&target)
    }

    pub fn reported_scorecards(&self) -> impl Iterator<Item = &ReportedScorecard> {
        self.reported_scorecards.values()
    }

    /// The units that took over from `unit`, with their shares.
    pub fn successors(&self, unit: UnitId) -> impl Iterator<Item = &Succession> {
        self.successions
            .iter()
            .filter(move |s| s.predecessor == unit)
    }

    /// The units `unit` took over from.
    pub fn predecessors(&self, unit: UnitId) -> impl Iterator<Item = &Succession> {
        self.successions.iter().filter(move |s| s.successor == unit)
    }

    /// Whether an observation with this id exists.
    /// The book of follow-up: people, supervision, tasks, recommendations.
    pub fn follow_up(&self) -> &FollowUpBook {
        &self.follow_up
    }

    /// Reporting regimes and submissions.
    pub fn reporting(&self) -> &ReportingBook {
        &self.reporting
    }

    /// The validation rules of the regimes.
    pub fn validation(&self) -> &crate::reporting::validation::RuleBook {
        &self.validation
    }

    pub fn has_observation(&self, id: ObservationId) -> bool {
        short_id(id).is_ok_and(|id| self.observation_ids.contains(id))
    }

    pub fn next_unit_id(&self) -> UnitId {
        UnitId(self.units.last_key_value().map_or(1, |(id, _)| id.0 + 1))
    }

    pub fn next_indicator_id(&self) -> IndicatorId {
        IndicatorId(
            self.indicators
                .last_key_value()
                .map_or(1, |(id, _)| id.0 + 1),
        )
    }

    pub fn next_document_id(&self) -> DocumentId {
        DocumentId(
            self.documents
                .last_key_value()
                .map_or(1, |(id, _)| id.0 + 1),
        )
    }

    pub fn next_amendment_id(&self) -> crate::AmendmentId {
        crate::AmendmentId(self.amendments.last().map_or(1, |a| a.id.0 + 1))
    }

    /// The corrections of a record, oldest first: its history.
    pub fn amendments_of(&self, of: Amended) -> Vec<&Amendment> {
        self.amendments.iter().filter(|a| a.of == of).collect()
    }

    /// Applies an amendment's new values to the record it corrects, and keeps it.
    fn amend(&mut self, amendment: Amendment) {
        for edit in &amendment.changes {
            match (amendment.of, edit.clone()) {
                (Amended::Document(id), Edit::Title { after, .. }) => {
                    if let Some(d) = self.documents.get_mut(&id) {
                        d.title = after;
                    }
                }
                (Amended::Document(id), Edit::IssuedOn { after, .. }) => {
                    if let Some(d) = self.documents.get_mut(&id) {
                        d.issued_on = after;
                    }
                }
                (Amended::Target(id), edit) => {
                    if let Some(t) = self.targets.get_mut(&id) {
                        self.memo.forget_evaluation(t.indicator, t.id);
                        match edit {
                            Edit::Value { after, .. } => t.value = after,
                            Edit::Comparator { after, .. } => t.comparator = after,
                            Edit::Baseline { after, .. } => t.baseline = after,
                            _ => {}
                        }
                    }
                }
                (Amended::Indicator(id), edit) => {
                    if let Some(i) = self.indicators.get_mut(&id) {
                        match edit {
                            Edit::Name { after, .. } => i.name = after,
                            Edit::Measure { after, .. } => i.measure = after,
                            Edit::Decimals { after, .. } => i.decimals = after,
                            Edit::Direction { after, .. } => i.direction = after,
                            Edit::AcrossUnits { after, .. } => i.across_units = after,
                            Edit::OverTime { after, .. } => i.over_time = after,
                            Edit::SamePeriodBase { after, .. } => i.same_period_base = after,
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        // How an indicator combines decides every value resolved for it and for the
        // indicators computed from it.
        if matches!(amendment.of, Amended::Indicator(_)) {
            self.memo.forget_all();
        }
        self.amendments.push(amendment);
    }

    pub fn next_target_id(&self) -> TargetId {
        TargetId(self.targets.last_key_value().map_or(1, |(id, _)| id.0 + 1))
    }

    pub fn next_observation_id(&self) -> ObservationId {
        ObservationId(self.max_observation_id + 1)
    }

    /// The current observed value of a cell, exactly as reported (no derivation).
    pub fn reported(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<(ObservationId, ObservationKind, f64)> {
        let position = self.numbering.position(unit)?;
        if !self
            .reporting_positions
            .get(&indicator)
            .is_some_and(|set| set.contains(position))
        {
            return None;
        }
        let series = self.series.get(&(indicator, period))?;
        let i = series.index_of(position)?;
        Some((
            ObservationId(u64::from(series.ids[i])),
            series.kinds[i],
            series.values[i],
        ))
    }

    /// The figure of a cell that a report holds back from publication, not yet approved.
    pub fn unpublished(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<(ObservationId, ObservationKind, f64)> {
        self.reporting
            .held_figure(indicator, unit, period)
            .map(|f| (f.id, f.kind, f.value))
    }

    /// The figure of a cell as its unit and the offices over it work on it: the one its report
    /// holds back, or else the published one.
    pub fn latest(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<(ObservationId, ObservationKind, f64)> {
        self.unpublished(indicator, unit, period)
            .or_else(|| self.reported(indicator, unit, period))
    }

    /// The `count` current cells recorded last (highest observation ids first), of one unit
    /// or of all. Looks only into the series whose newest figure can still make the list, so
    /// it costs a look at each series rather than at every cell.
    pub fn latest_cells(&self, unit: Option<UnitId>, count: usize) -> Vec<CurrentCell> {
        if count == 0 {
            return Vec::new();
        }
        // Remembered until a figure takes its cell (which forgets its indicator's values and
        // with them every aggregate) or the tree changes.
        if let Some(known) =
            self.remembered_aggregate(|a| a.latest_cells.get(&(unit, count)).cloned())
        {
            return known;
        }
        let found = self.find_latest_cells(unit, count);
        self.remember_aggregate(|a| {
            a.latest_cells.insert((unit, count), found.clone());
        });
        found
    }

    fn find_latest_cells(&self, unit: Option<UnitId>, count: usize) -> Vec<CurrentCell> {
        let position = match unit {
            Some(u) => match self.numbering.position(u) {
                Some(p) => Some(p),
                None => return Vec::new(),
            },
            None => None,
        };
        // A unit's own figures are only in the series of indicators it reports: most units
        // above the communes report few or none, and a country has tens of thousands of
        // series to order.
        let series: Vec<_> = self
            .series
            .iter()
            .filter(|((indicator, _), _)| {
                position.is_none_or(|p| {
                    self.reporting_positions
                        .get(indicator)
                        .is_some_and(|set| set.contains(p))
                })
            })
            .map(|(key, s)| (s.newest, *key))
            .collect();
        // Ordered lazily, newest first: the list is usually full after a few series of tens
        // of thousands, and building a heap costs a look at each where sorting costs more.
        let mut series = std::collections::BinaryHeap::from(series);
        let mut found: Vec<CurrentCell> = Vec::with_capacity(count + 1);
        while let Some((_, key)) = series.pop() {
            let Some(s) = self.series.get(&key) else {
                continue;
            };
            let (indicator, period) = &key;
            if found.len() >= count && found.last().is_some_and(|c| c.3.0 >= u64::from(s.newest)) {
                break;
            }
            let indexes: Vec<usize> = match position {
                Some(p) => s.index_of(p).into_iter().collect(),
                None => (0..s.len()).collect(),
            };
            for i in indexes {
                let Some(unit) = self.numbering.unit_at(s.positions[i]) else {
                    continue;
                };
                let id = ObservationId(u64::from(s.ids[i]));
                if found.len() >= count && found.last().is_some_and(|c| c.3 >= id) {
                    continue;
                }
                let at = found.partition_point(|c| c.3 > id);
                found.insert(at, (*indicator, unit, *period, id, s.kinds[i], s.values[i]));
                found.truncate(count);
            }
        }
        found
    }

    /// The units with a figure of their own on an indicator, in tree order: a look at each
    /// of the indicator's series, not at every cell of the others.
    pub fn units_reporting(&self, indicator: IndicatorId) -> Vec<UnitId> {
        // The positions that ever held a figure of it: a superset of those holding one now
        // only if a figure could leave a series, which none does.
        self.reporting_positions
            .get(&indicator)
            .into_iter()
            .flat_map(IdSet::iter)
            .filter_map(|p| self.numbering.unit_at(p))
            .collect()
    }

    /// The latest period with a figure of an indicator at one of `units`, by its end.
    pub fn latest_reported_period(
        &self,
        indicator: IndicatorId,
        units: &[UnitId],
    ) -> Option<Period> {
        let positions: Vec<u32> = units
            .iter()
            .filter_map(|u| self.numbering.position(*u))
            .collect();
        self.series
            .iter()
            .filter(|((i, _), s)| {
                *i == indicator && positions.iter().any(|p| s.index_of(*p).is_some())
            })
            .map(|((_, period), _)| *period)
            .max_by_key(|p| p.end())
    }

    /// The (indicator, period) cells with a figure of the unit's own, on one indicator or on
    /// any: a look at each series, not at every cell.
    pub fn cells_reported(
        &self,
        unit: UnitId,
        indicator: Option<IndicatorId>,
    ) -> Vec<(IndicatorId, Period)> {
        let Some(position) = self.numbering.position(unit) else {
            return Vec::new();
        };
        self.series
            .iter()
            .filter(|((i, _), s)| {
                indicator.is_none_or(|want| *i == want) && s.index_of(position).is_some()
            })
            .map(|(cell, _)| *cell)
            .collect()
    }

    /// Every current cell, for exports.
    pub fn current_cells(
        &self,
    ) -> impl Iterator<
        Item = (
            IndicatorId,
            UnitId,
            Period,
            ObservationId,
            ObservationKind,
            f64,
        ),
    > + '_ {
        self.series
            .iter()
            .flat_map(move |((indicator, period), series)| {
                (0..series.len()).filter_map(move |i| {
                    let unit = self.numbering.unit_at(series.positions[i])?;
                    Some((
                        *indicator,
                        unit,
                        *period,
                        ObservationId(u64::from(series.ids[i])),
                        series.kinds[i],
                        series.values[i],
                    ))
                })
            })
    }

    // ---- Values --------------------------------------------------------------------------

    /// The value of an indicator for a unit and period.
    ///
    /// In order: the unit's own current observation; for a ratio, its parts' values divided;
    /// the combination of what the units below reported for that period; the combination of
    /// the unit's own months (a flow sums its months, a stock takes its last month).
    pub fn value(&self, indicator: IndicatorId, unit: UnitId, period: Period) -> Option<Resolved> {
        if self.numbering_stale {
            return self.value_at_depth(indicator, unit, period, 0);
        }
        if let Some(known) = self.memo.get(indicator, unit, period) {
            return known;
        }
        let value = self.value_at_depth(indicator, unit, period, 0);
        self.memo.put(indicator, unit, period, value);
        value
    }

    fn value_at_depth(
        &self,
        indicator_id: IndicatorId,
        unit: UnitId,
        period: Period,
        depth: u8,
    ) -> Option<Resolved> {
        if let Some((_, kind, value)) = self.reported(indicator_id, unit, period) {
            return Some(Resolved {
                value,
                kind,
                derived: false,
            });
        }
        if depth >= MAX_DERIVATION_DEPTH {
            return None;
        }
        let indicator = self.indicators.get(&indicator_id)?;
        if let AcrossUnits::Ratio {
            numerator,
            denominator,
            scale,
        } = indicator.across_units
        {
            let n = self.value_at_depth(numerator, unit, period, depth + 1)?;
            let d = self.value_at_depth(denominator, unit, period, depth + 1)?;
            return (d.value != 0.0).then(|| Resolved {
                value: n.value / d.value * scale,
                kind: n.kind.min(d.kind),
                derived: true,
            });
        }
        if let Some(added) = self.months_added_from_below(indicator, unit, period) {
            return added;
        }
        if let Some(carried) = self.carried(indicator, unit, period, depth) {
            return Some(carried);
        }
        if let Some(rolled) = self.across_units(indicator, unit, period) {
            return Some(rolled);
        }
        if period.month_count() > 1 {
            return self.across_time(indicator, unit, period, depth);
        }
        if indicator.over_time == OverTime::Flow {
            return self.month_of_cumulative(indicator.id, unit, period.start(), depth);
        }
        None
    }

    /// A flow from January to a month of one year (a year, a half, the months to date) for a
    /// unit that never reported the indicator itself and took over from no other, when the
    /// indicator was only ever reported by single months: each month is then what the units
    /// below reported for it, and the period is its months added as [`Engine::across_time`]
    /// adds them, through each month to date, in the same order, but without looking at each
    /// step for figures that cannot be there. A first answer after a start evaluates thousands
    /// of such years. `None` when the conditions do not hold and the period is resolved the
    /// long way; `Some(None)` when a month has no figure. Ratios never reach it: they are
    /// recomputed from their parts first.
    fn months_added_from_below(
        &self,
        indicator: &Indicator,
        unit: UnitId,
        period: Period,
    ) -> Option<Option<Resolved>> {
        let (start, end) = (period.start(), period.end());
        if indicator.over_time != OverTime::Flow
            || start.month_of_year() != 1
            || start.year() != end.year()
            || period.month_count() < 2
            || self.reported_over_months.contains(&indicator.id)
            || self.formed.contains(&unit)
            || the_long_way()
        {
            return None;
        }
        let subtree = self.numbering.subtree(unit)?;
        if self
            .reporting_positions
            .get(&indicator.id)
            .is_some_and(|set| set.contains(subtree.start))
        {
            return None;
        }
        let month_below =
            |month: Month| self.across_subtree(indicator, subtree.clone(), Period::month(month));
        // The month to date is the month plus the months before it: `(0 + month) + before`,
        // kinds the least of both, as the sum over parts adds them.
        let mut months = period.months();
        let first = months.next()?;
        let Some(mut added) = month_below(first) else {
            return Some(None);
        };
        for month in months {
            let Some(this) = month_below(month) else {
                return Some(None);
            };
            added = Resolved {
                value: (0.0 + this.value) + added.value,
                kind: ObservationKind::Official.min(this.kind).min(added.kind),
                derived: true,
            };
        }
        Some(Some(added))
    }

    /// A flow's month from the cumulative figures a department reports (*lũy kế*): the year
    /// to that month less the year to the month before, so that a reporter who has only the
    /// cumulative figure need not work out the month's. Only a cumulative figure reported
    /// as such is read here (the year to date is itself the sum of months), so the two rules
    /// never call each other in a circle.
    fn month_of_cumulative(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        month: Month,
        depth: u8,
    ) -> Option<Resolved> {
        let (_, kind, through) = self.reported(indicator, unit, Period::year_to_date(month))?;
        let before = month
            .shifted(-1)
            .filter(|b| b.year() == month.year())
            .map(Period::year_to_date)?;
        let before = self.value_at_depth(indicator, unit, before, depth + 1)?;
        Some(Resolved {
            value: crate::observation::month_from_cumulative(through, before.value),
            kind: kind.min(before.kind),
            derived: true,
        })
    }

    /// A unit's value for a period that starts before it existed, from the units it took
    /// over from: additive figures are summed (a split predecessor gives its share), so totals
    /// above them are preserved; a figure that cannot be added (a mean, a rate, an index) is
    /// carried only from a single whole predecessor, and is otherwise unknown, never summed.
    /// Ratios never reach here: they are recomputed from their carried parts.
    fn carried(
        &self,
        indicator: &Indicator,
        unit: UnitId,
        period: Period,
        depth: u8,
    ) -> Option<Resolved> {
        if !self.formed.contains(&unit) {
            return None;
        }
        let from = self.units.get(&unit)?.valid_from?;
        if period.start().first_day()? >= from {
            return None;
        }
        let predecessors: Vec<&Succession> = self.predecessors(unit).collect();
        match (indicator.across_units, predecessors.as_slice()) {
            (_, []) => None,
            (AcrossUnits::Sum, many) => {
                let (mut sum, mut kind) = (0.0, ObservationKind::Official);
                for s in many {
                    let v = self.value_at_depth(indicator.id, s.predecessor, period, depth + 1)?;
                    sum += v.value * s.share;
                    kind = kind.min(v.kind);
                }
                Some(Resolved {
                    value: sum,
                    kind,
                    derived: true,
                })
            }
            (_, [only]) if only.share == 1.0 => self
                .value_at_depth(indicator.id, only.predecessor, period, depth + 1)
                .map(|v| Resolved { derived: true, ..v }),
            _ => None,
        }
    }

    /// Combines what the units strictly below `unit` reported for exactly `period`.
    fn across_units(
        &self,
        indicator: &Indicator,
        unit: UnitId,
        period: Period,
    ) -> Option<Resolved> {
        self.across_subtree(indicator, self.numbering.subtree(unit)?, period)
    }

    /// [`Engine::across_units`] for the unit whose subtree is `subtree`.
    fn across_subtree(
        &self,
        indicator: &Indicator,
        subtree: Range<u32>,
        period: Period,
    ) -> Option<Resolved> {
        let below = subtree.start + 1..subtree.end;
        if below.is_empty() {
            return None;
        }
        let series = self.series.get(&(indicator.id, period))?;
        let resolved = |value, kind| Resolved {
            value,
            kind,
            derived: true,
        };
        match indicator.across_units {
            AcrossUnits::Sum => {
                let r = series.below(subtree.start, subtree.end)?;
                Some(resolved(r.sum, r.kind))
            }
            AcrossUnits::Mean => {
                let r = series.below(subtree.start, subtree.end)?;
                Some(resolved(r.sum / r.count as f64, r.kind))
            }
            AcrossUnits::WeightedMean { weight } => {
                let weights = self.series.get(&(weight, period))?;
                let (mut sum, mut total, mut kind) = (0.0, 0.0, ObservationKind::Official);
                for i in series.index_range(below) {
                    let position = series.positions[i];
                    if let Ok(j) = weights.positions.binary_search(&position) {
                        sum += series.values[i] * weights.values[j];
                        total += weights.values[j];
                        kind = kind.min(series.kinds[i]).min(weights.kinds[j]);
                    }
                }
                (total != 0.0).then(|| resolved(sum / total, kind))
            }
            AcrossUnits::Ratio { .. } | AcrossUnits::NotCombinable => None,
        }
    }

    /// Combines the unit's own values over shorter periods within `period`.
    ///
    /// A flow over several years is the sum of its years. Within a year, a period from January
    /// is the cumulative figure to the month before plus that month's (monthly reports are
    /// cumulative: "5 months" and June give "6 months"); any other period is the sum of its
    /// months. A stock is its level at the period's last month: that month's figure, else the
    /// figure of a quarter, half or year ending that month. The recursion always moves to
    /// strictly shorter periods, so it ends without a depth limit.
    fn across_time(
        &self,
        indicator: &Indicator,
        unit: UnitId,
        period: Period,
        depth: u8,
    ) -> Option<Resolved> {
        let derived = |v: Resolved| Resolved { derived: true, ..v };
        let sum = |parts: &mut dyn Iterator<Item = Period>| -> Option<Resolved> {
            let mut total = 0.0;
            let mut kind = ObservationKind::Official;
            for part in parts {
                let v = self.value_at_depth(indicator.id, unit, part, depth)?;
                total += v.value;
                kind = kind.min(v.kind);
            }
            Some(Resolved {
                value: total,
                kind,
                derived: true,
            })
        };
        let (start, end) = (period.start(), period.end());
        match indicator.over_time {
            OverTime::Flow if start.year() != end.year() => {
                // From the last year back, so a period whose data stop early fails at once.
                let mut years = (start.year()..=end.year())
                    .rev()
                    .filter_map(|y| Period::year(y).ok());
                sum(&mut years)
            }
            OverTime::Flow if start.month_of_year() == 1 => {
                let before = end.shifted(-1).map(Period::year_to_date)?;
                let mut parts = [Period::month(end), before].into_iter();
                sum(&mut parts)
            }
            OverTime::Flow => sum(&mut period.months().rev().map(Period::month)),
            OverTime::Stock => {
                let m = end.month_of_year();
                let year = end.year();
                let candidates = [
                    Some(Period::month(end)),
                    (m % 3 == 0)
                        .then(|| Period::quarter(year, m / 3).ok())
                        .flatten(),
                    (m % 6 == 0)
                        .then(|| Period::half(year, m / 6).ok())
                        .flatten(),
                    Some(Period::year_to_date(end)),
                ];
                candidates
                    .into_iter()
                    .flatten()
                    .filter(|c| *c != period && period.covers(*c))
                    .find_map(|c| self.value_at_depth(indicator.id, unit, c, depth))
                    .map(derived)
            }
            OverTime::Rate => None,
        }
    }

    /// The latest month `m` of `period` for which the cumulative value from the period's
    /// start to `m` is known, with that value. This is how far the data reaches.
    pub fn latest_within(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<(Month, Period, Resolved)> {
        period.months().rev().find_map(|month| {
            let span = Period::from_range(period.start(), month).ok()?;
            self.value(indicator, unit, span).map(|v| (month, span, v))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::Direction;
    use crate::org::UnitKind;
    use crate::text::Translations;
    use crate::{Provenance, UnitId};
    use proptest::prelude::*;

    pub(crate) fn provenance() -> Provenance {
        Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    pub(super) fn unit(id: u32, parent: Option<u32>) -> Record {
        Record::Unit(Unit {
            id: UnitId(id),
            code: UnitCode::parse(&format!("U{id}")).expect("code"),
            kind: UnitKind::Locality,
            name: Translations::vi(&format!("Đơn vị {id}")),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: None,
            provenance: provenance(),
        })
    }

    pub(super) fn indicator(id: u32, across_units: AcrossUnits, over_time: OverTime) -> Record {
        Record::Indicator(Indicator {
            id: IndicatorId(id),
            code: IndicatorCode::parse(&format!("I{id}")).expect("code"),
            name: Translations::vi("chỉ tiêu"),
            measure: Translations::default(),
            decimals: 2,
            direction: Direction::HigherIsBetter,
            across_units,
            over_time,
            same_period_base: None,
            provenance: provenance(),
        })
    }

    pub(super) fn obs(
        id: u64,
        ind: u32,
        unit: u32,
        period: &str,
        value: f64,
        kind: ObservationKind,
    ) -> Record {
        Record::Observation(Observation {
            id: ObservationId(id),
            indicator: IndicatorId(ind),
            unit: UnitId(unit),
            period: period.parse().expect("period"),
            value,
            kind,
            reported_by: None,
            document: None,
            corrects: None,
            note: None,
            provenance: provenance(),
        })
    }

    fn p(text: &str) -> Period {
        text.parse().expect("period")
    }

    use ObservationKind::*;

    /// Province 1 with districts 2 and 3; district 2 has communes 4 and 5.
    pub(super) fn tree() -> Vec<Record> {
        vec![
            unit(1, None),
            unit(2, Some(1)),
            unit(3, Some(1)),
            unit(4, Some(2)),
            unit(5, Some(2)),
        ]
    }

    #[test]
    fn a_name_is_shared_whatever_its_case_and_diacritics() {
        let named = |id: u32, name: &str| {
            let Record::Unit(mut u) = unit(id, Some(1)) else {
                unreachable!()
            };
            u.name = Translations::vi(name);
            u
        };
        let mut records = tree();
        records.push(Record::Unit(named(6, "Xã An Hòa")));
        records.push(Record::Unit(named(7, "xa an hoa")));
        let mut engine = Engine::from_records(records).expect("valid");
        let shared = |e: &Engine, id: u32| e.unit_name_is_shared(e.unit(UnitId(id)).expect("unit"));
        assert!(shared(&engine, 6) && shared(&engine, 7));
        assert!(!shared(&engine, 1));
        engine
            .apply(Record::Unit(named(8, "Xã An Bình")))
            .expect("added");
        assert!(!shared(&engine, 8));
        engine
            .apply(Record::Unit(named(9, "XÃ AN BÌNH")))
            .expect("added");
        assert!(shared(&engine, 8) && shared(&engine, 9));
    }

    #[test]
    fn official_supersedes_estimate_and_the_estimate_stays_known() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(obs(1, 1, 1, "2023-YTD05", 36_000.0, Estimate));
        records.push(obs(2, 1, 1, "2023-YTD05", 36_539.0, Official));
        // A later estimate does not displace an official figure.
        records.push(obs(3, 1, 1, "2023-YTD05", 99_999.0, Estimate));
        let engine = Engine::from_records(records).expect("valid");
        let v = engine
            .value(IndicatorId(1), UnitId(1), p("2023-YTD05"))
            .expect("value");
        assert_eq!((v.value, v.kind, v.derived), (36_539.0, Official, false));
        assert!(engine.has_observation(ObservationId(1)));
        assert!(engine.has_observation(ObservationId(3)));
    }

    #[test]
    fn a_correction_names_the_figure_its_cell_shows() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(obs(1, 1, 4, "2023", 10.0, Estimate));
        records.push(obs(2, 1, 4, "2023", 11.0, Official));
        records.push(obs(3, 1, 5, "2023", 5.0, Official));
        let engine = Engine::from_records(records).expect("valid");
        let correction = |corrects: u64, unit: u32| {
            let Record::Observation(mut o) = obs(4, 1, unit, "2023", 12.0, Official) else {
                unreachable!()
            };
            o.corrects = Some(ObservationId(corrects));
            o.note = Some("revised".into());
            Record::Observation(o)
        };
        assert_eq!(engine.check(&correction(2, 4)), Ok(()));
        assert_eq!(
            engine.check(&correction(1, 4)),
            Err(EngineError::CorrectionOfSuperseded {
                corrected: ObservationId(1)
            }),
            "the estimate no longer shows: the official figure does"
        );
        assert_eq!(
            engine.check(&correction(3, 4)),
            Err(EngineError::CorrectionOfSuperseded {
                corrected: ObservationId(3)
            }),
            "another commune's figure"
        );
        assert_eq!(
            engine.check(&correction(2, 2)),
            Err(EngineError::CorrectionMismatch {
                corrected: ObservationId(2)
            }),
            "a cell with no figure"
        );
        assert_eq!(
            engine.check(&correction(99, 4)),
            Err(EngineError::UnknownObservation(ObservationId(99)))
        );
        let Record::Observation(mut huge) = obs(1 << 32, 1, 4, "2023", 1.0, Official) else {
            unreachable!()
        };
        huge.id = ObservationId(1 << 32);
        assert!(matches!(
            engine.check(&Record::Observation(huge)),
            Err(EngineError::ObservationIdTooLarge(_))
        ));
    }

    #[test]
    fn a_later_official_figure_corrects_an_earlier_one() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(obs(1, 1, 1, "2023", 10.0, Official));
        records.push(obs(2, 1, 1, "2023", 12.0, Official));
        let engine = Engine::from_records(records).expect("valid");
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(1), p("2023"))
                .map(|v| v.value),
            Some(12.0)
        );
    }

    #[test]
    fn sums_the_units_below_and_a_units_own_figure_wins() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(obs(1, 1, 4, "2023-01", 1.0, Official));
        records.push(obs(2, 1, 5, "2023-01", 2.0, Estimate));
        records.push(obs(3, 1, 3, "2023-01", 4.0, Official));
        let mut engine = Engine::from_records(records).expect("valid");
        let v = engine
            .value(IndicatorId(1), UnitId(1), p("2023-01"))
            .expect("sum");
        assert_eq!((v.value, v.kind, v.derived), (7.0, Estimate, true));
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(2), p("2023-01"))
                .map(|v| v.value),
            Some(3.0)
        );
        // The province reports its own total: that is its value.
        engine
            .apply(obs(4, 1, 1, "2023-01", 7.5, Official))
            .expect("apply");
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(1), p("2023-01"))
                .map(|v| v.value),
            Some(7.5)
        );
    }

    #[test]
    fn only_the_units_that_reported_an_indicator_are_looked_for_in_its_columns() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(obs(1, 1, 4, "2023-01", 1.0, Official));
        records.push(obs(2, 1, 5, "2023-02", 2.0, Estimate));
        let mut engine = Engine::from_records(records).expect("valid");
        let reported = |engine: &Engine| {
            let set = &engine.reporting_positions[&IndicatorId(1)];
            (1..=6)
                .filter(|u| {
                    engine
                        .numbering
                        .position(UnitId(*u))
                        .is_some_and(|p| set.contains(p))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(reported(&engine), [4, 5]);
        // A unit added renumbers the tree: the marks follow the units.
        engine.apply(unit(6, Some(1))).expect("unit");
        engine
            .apply(obs(3, 1, 6, "2023-01", 3.0, Official))
            .expect("figure");
        engine.settle();
        assert_eq!(reported(&engine), [4, 5, 6]);
        assert!(
            engine
                .reported(IndicatorId(1), UnitId(6), p("2023-01"))
                .is_some()
        );
        assert_eq!(
            engine.reported(IndicatorId(1), UnitId(1), p("2023-01")),
            None
        );
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(1), p("2023-01"))
                .map(|v| v.value),
            Some(4.0)
        );
        // A unit's own cells, as every current cell lists them, and none of the units above.
        for u in 1..=6 {
            let mut own: Vec<(IndicatorId, Period)> = engine
                .current_cells()
                .filter(|c| c.1 == UnitId(u))
                .map(|c| (c.0, c.2))
                .collect();
            let mut found = engine.cells_reported(UnitId(u), None);
            own.sort_by_key(|c| (c.0, c.1.code()));
            found.sort_by_key(|c| (c.0, c.1.code()));
            assert_eq!(found, own, "unit {u}");
        }
        assert_eq!(
            engine.cells_reported(UnitId(6), Some(IndicatorId(1))),
            [(IndicatorId(1), p("2023-01"))]
        );
        assert!(
            engine
                .cells_reported(UnitId(6), Some(IndicatorId(2)))
                .is_empty()
        );
    }

    #[test]
    fn rates_are_never_summed_but_recomputed_from_parts() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow)); // treated wastewater
        records.push(indicator(2, AcrossUnits::Sum, OverTime::Flow)); // all wastewater
        records.push(indicator(
            3,
            AcrossUnits::Ratio {
                numerator: IndicatorId(1),
                denominator: IndicatorId(2),
                scale: 100.0,
            },
            OverTime::Rate,
        ));
        records.push(indicator(4, AcrossUnits::NotCombinable, OverTime::Rate));
        for (id, unit, num, den) in [(1, 4, 9.0, 10.0), (3, 5, 1.0, 10.0)] {
            records.push(obs(id, 1, unit, "2023", num, Official));
            records.push(obs(id + 1, 2, unit, "2023", den, Official));
        }
        // Each commune's own rate as reported: 90% and 10%. Summed they would give 100%.
        records.push(obs(10, 3, 4, "2023", 90.0, Official));
        records.push(obs(11, 3, 5, "2023", 10.0, Official));
        records.push(obs(12, 4, 4, "2023", 90.0, Official));
        records.push(obs(13, 4, 5, "2023", 10.0, Official));
        let engine = Engine::from_records(records).expect("valid");
        let v = engine
            .value(IndicatorId(3), UnitId(2), p("2023"))
            .expect("rate");
        assert!(
            (v.value - 50.0).abs() < 1e-12,
            "10 of 20 is 50%, got {}",
            v.value
        );
        assert_eq!(engine.value(IndicatorId(4), UnitId(2), p("2023")), None);
        // Rates do not add over months either.
        assert_eq!(engine.value(IndicatorId(4), UnitId(4), p("2023-H1")), None);
    }

    #[test]
    fn flows_add_over_months_and_stocks_take_the_last_month() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(indicator(2, AcrossUnits::Sum, OverTime::Stock));
        for m in 1..=5u64 {
            records.push(obs(m, 1, 3, &format!("2023-{m:02}"), 10.0, Official));
            records.push(obs(
                10 + m,
                2,
                3,
                &format!("2023-{m:02}"),
                100.0 + m as f64,
                Official,
            ));
        }
        let engine = Engine::from_records(records).expect("valid");
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(3), p("2023-YTD05"))
                .map(|v| v.value),
            Some(50.0)
        );
        assert_eq!(
            engine.value(IndicatorId(1), UnitId(3), p("2023-H1")),
            None,
            "June is missing"
        );
        assert_eq!(
            engine
                .value(IndicatorId(2), UnitId(3), p("2023-YTD05"))
                .map(|v| v.value),
            Some(105.0)
        );
        // Months of the communes' figures roll up to the province, then over time.
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(1), p("2023-YTD05"))
                .map(|v| v.value),
            Some(50.0)
        );
        let (month, span, v) = engine
            .latest_within(IndicatorId(1), UnitId(3), p("2023"))
            .expect("data");
        assert_eq!(
            (month.to_string(), span.to_string(), v.value),
            ("2023-05".into(), "2023-YTD05".into(), 50.0)
        );
    }

    #[test]
    fn cumulative_reports_chain_and_years_add_into_a_term() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(indicator(2, AcrossUnits::Sum, OverTime::Stock));
        // "5 months" reported cumulatively, then June on its own.
        records.push(obs(1, 1, 3, "2023-YTD05", 50.0, Official));
        records.push(obs(2, 1, 3, "2023-06", 12.0, Estimate));
        for (id, year, value) in [(3, 2021, 100.0), (4, 2022, 110.0), (5, 2023, 120.0)] {
            records.push(obs(id, 1, 3, &year.to_string(), value, Official));
            records.push(obs(
                id + 10,
                2,
                3,
                &year.to_string(),
                value * 10.0,
                Official,
            ));
        }
        records.push(obs(20, 2, 3, "2024-Q2", 1300.0, Official));
        let engine = Engine::from_records(records).expect("valid");
        let v = engine
            .value(IndicatorId(1), UnitId(3), p("2023-H1"))
            .expect("H1");
        assert_eq!((v.value, v.kind), (62.0, Estimate));
        assert_eq!(
            engine.value(IndicatorId(1), UnitId(3), p("2023-YTD07")),
            None
        );
        assert_eq!(
            engine
                .value(IndicatorId(1), UnitId(3), p("2021-2023"))
                .map(|v| v.value),
            Some(330.0)
        );
        assert_eq!(
            engine.value(IndicatorId(1), UnitId(3), p("2021-2024")),
            None,
            "2024 is missing"
        );
        // A stock's level over a term is its level at the end of the term's last year.
        assert_eq!(
            engine
                .value(IndicatorId(2), UnitId(3), p("2021-2023"))
                .map(|v| v.value),
            Some(1200.0)
        );
        assert_eq!(
            engine
                .value(IndicatorId(2), UnitId(3), p("2024-H1"))
                .map(|v| v.value),
            Some(1300.0)
        );
        let (month, _, v) = engine
            .latest_within(IndicatorId(1), UnitId(3), p("2021-2025"))
            .expect("data");
        assert_eq!((month.to_string(), v.value), ("2023-12".into(), 330.0));
    }

    proptest! {
        /// A reporter enters, month by month, either the month's figure or the year to date
        /// (*lũy kế*), whichever the department has: every month and every year to date of a
        /// flow is then known, and is what the months add up to.
        #[test]
        fn a_flow_is_known_by_month_and_to_date_whichever_was_entered(
            months in proptest::collection::vec((0.0f64..1.0e6, any::<bool>()), 12)
        ) {
            let mut records = tree();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            let mut through = 0.0;
            for (i, (value, as_cumulative)) in months.iter().enumerate() {
                through = crate::observation::cumulative_of(through, *value);
                let m = i + 1;
                let (period, v) = if *as_cumulative {
                    (format!("2026-YTD{m:02}"), through)
                } else {
                    (format!("2026-{m:02}"), *value)
                };
                records.push(obs(m as u64, 1, 3, &period, v, Official));
            }
            let engine = Engine::from_records(records).expect("valid");
            let mut expected_through = 0.0;
            for (i, (value, _)) in months.iter().enumerate() {
                let month = Month::new(2026, i as u8 + 1).expect("month");
                expected_through += value;
                let got = engine.value(IndicatorId(1), UnitId(3), Period::month(month));
                prop_assert!(got.is_some_and(|g| (g.value - value).abs() < 1e-3), "month {}: {:?} vs {}", i + 1, got, value);
                let got = engine.value(IndicatorId(1), UnitId(3), Period::year_to_date(month));
                prop_assert!(got.is_some_and(|g| (g.value - expected_through).abs() < 1e-3), "to {}: {:?} vs {}", i + 1, got, expected_through);
            }
        }
    }

    #[test]
    fn successions_link_existing_units_once() {
        let mut engine = Engine::from_records(tree()).expect("valid");
        let succession = |from: u32, to: u32, share: f64| {
            Record::Succession(Succession {
                predecessor: UnitId(from),
                successor: UnitId(to),
                share,
                from: time::macros::date!(2025 - 07 - 01),
                provenance: provenance(),
            })
        };
        engine.apply(succession(4, 3, 1.0)).expect("merge");
        assert_eq!(
            engine
                .successors(UnitId(4))
                .map(|s| s.successor)
                .collect::<Vec<_>>(),
            vec![UnitId(3)]
        );
        assert_eq!(engine.predecessors(UnitId(3)).count(), 1);
        assert!(matches!(
            engine.check(&succession(4, 3, 1.0)),
            Err(EngineError::DuplicateSuccession { .. })
        ));
        assert_eq!(
            engine.check(&succession(4, 4, 1.0)),
            Err(EngineError::BadSuccession)
        );
        assert_eq!(
            engine.check(&succession(5, 3, 0.0)),
            Err(EngineError::BadSuccession)
        );
        assert_eq!(
            engine.check(&succession(5, 99, 0.5)),
            Err(EngineError::UnknownUnit(UnitId(99)))
        );
    }

    /// A nation (1) whose legacy provinces 10..10+n end on 30 June 2025, and new provinces
    /// 100.. from 1 July 2025, each legacy province carried onto the new ones by `shares`.
    fn reformed(n: u32, shares: &[(u32, u32, f64)]) -> Vec<Record> {
        let d = |y, m, day| {
            time::Date::from_calendar_date(y, time::Month::try_from(m).expect("month"), day)
                .expect("date")
        };
        let mut records = vec![unit(1, None)];
        for i in 0..n {
            if let Record::Unit(mut u) = unit(10 + i, Some(1)) {
                u.valid_to = Some(d(2025, 6, 30));
                records.push(Record::Unit(u));
            }
        }
        let mut new: Vec<u32> = shares.iter().map(|s| s.1).collect();
        new.sort_unstable();
        new.dedup();
        for id in new {
            if let Record::Unit(mut u) = unit(id, Some(1)) {
                u.valid_from = Some(d(2025, 7, 1));
                records.push(Record::Unit(u));
            }
        }
        for &(from, to, share) in shares {
            records.push(Record::Succession(Succession {
                predecessor: UnitId(from),
                successor: UnitId(to),
                share,
                from: d(2025, 7, 1),
                provenance: provenance(),
            }));
        }
        records
    }

    #[test]
    fn a_new_unit_finds_its_predecessors_figures_and_never_sums_a_rate() {
        // 10 and 11 merge into 100; 12 splits 60/40 between 100 and 101.
        let mut records = reformed(
            3,
            &[
                (10, 100, 1.0),
                (11, 100, 1.0),
                (12, 100, 0.6),
                (12, 101, 0.4),
            ],
        );
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(indicator(2, AcrossUnits::Sum, OverTime::Flow));
        records.push(indicator(
            3,
            AcrossUnits::Ratio {
                numerator: IndicatorId(1),
                denominator: IndicatorId(2),
                scale: 100.0,
            },
            OverTime::Rate,
        ));
        records.push(indicator(4, AcrossUnits::NotCombinable, OverTime::Rate));
        let mut id = 0;
        for (unit, a, b, growth) in [
            (10, 100.0, 400.0, 5.0),
            (11, 50.0, 100.0, -2.0),
            (12, 10.0, 100.0, 7.0),
        ] {
            for (ind, v) in [(1, a), (2, b), (4, growth)] {
                id += 1;
                records.push(obs(id, ind, unit, "2023", v, Official));
            }
        }
        let engine = Engine::from_records(records).expect("valid");
        let value = |ind, unit, period: &str| {
            engine
                .value(IndicatorId(ind), UnitId(unit), p(period))
                .map(|v| v.value)
        };
        // Before the reform the new units carry their predecessors' figures, with shares.
        assert_eq!(value(1, 100, "2023"), Some(100.0 + 50.0 + 6.0));
        assert_eq!(value(1, 101, "2023"), Some(4.0));
        // The national total is the same whichever tree it is read on.
        assert_eq!(value(1, 1, "2023"), Some(160.0));
        assert_eq!(
            value(1, 100, "2023")
                .zip(value(1, 101, "2023"))
                .map(|(a, b)| a + b),
            Some(160.0)
        );
        // A ratio is recomputed from the carried parts, not added.
        assert_eq!(value(3, 100, "2023"), Some(156.0 / 560.0 * 100.0));
        // A rate that cannot be combined is not summed: several predecessors give nothing.
        assert_eq!(value(4, 100, "2023"), None);
        // Nothing is carried into periods after the unit began.
        assert_eq!(value(1, 100, "2026"), None);
        // The legacy units keep their own figures.
        assert_eq!(value(4, 11, "2023"), Some(-2.0));
    }

    proptest! {
        /// The latest cells are those of the highest observation ids among every current
        /// cell, whatever the order figures came in and however they outrank each other.
        #[test]
        fn the_latest_cells_are_the_newest_current_ones(
            figures in proptest::collection::vec((1u32..6, 1u8..4, 1u8..13, any::<bool>()), 1..60),
            count in 0usize..8,
            of_unit in proptest::option::of(1u32..6),
        ) {
            let mut records = tree();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            records.push(indicator(2, AcrossUnits::Sum, OverTime::Flow));
            for (i, (unit, ind, month, official)) in figures.iter().enumerate() {
                let kind = if *official { Official } else { Estimate };
                let period = format!("2023-{month:02}");
                let ind = u32::from(*ind % 2 + 1);
                records.push(obs(i as u64 + 1, ind, *unit, &period, i as f64, kind));
            }
            let engine = Engine::from_records(records).expect("valid");
            let mut every: Vec<CurrentCell> = engine
                .current_cells()
                .filter(|c| of_unit.is_none_or(|u| c.1 == UnitId(u)))
                .collect();
            every.sort_by_key(|c| std::cmp::Reverse(c.3));
            every.truncate(count);
            prop_assert_eq!(engine.latest_cells(of_unit.map(UnitId), count), every);
        }

        #[test]
        fn carrying_figures_onto_new_units_preserves_the_national_total(
            values in proptest::collection::vec(0u32..1_000_000, 2..40),
            targets in proptest::collection::vec(0u32..8, 40),
            split in proptest::collection::vec(1u32..100, 40),
        ) {
            let n = values.len() as u32;
            // Each legacy province goes whole to one new province, or, when its split number
            // is under 30, part to one and the rest to the next.
            let mut shares = Vec::new();
            for i in 0..n {
                let to = 100 + targets[i as usize];
                let cut = split[i as usize];
                if cut < 30 {
                    let share = f64::from(cut) / 100.0;
                    shares.push((10 + i, to, share));
                    shares.push((10 + i, 100 + (targets[i as usize] + 1) % 8, 1.0 - share));
                } else {
                    shares.push((10 + i, to, 1.0));
                }
            }
            let mut records = reformed(n, &shares);
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            for (i, v) in values.iter().enumerate() {
                records.push(obs(i as u64 + 1, 1, 10 + i as u32, "2023", f64::from(*v), Official));
            }
            let engine = Engine::from_records(records).expect("valid");
            let legacy: f64 = values.iter().map(|v| f64::from(*v)).sum();
            let date = time::macros::date!(2026 - 01 - 01);
            let current: f64 = engine
                .units_on(date)
                .filter(|u| u.parent == Some(UnitId(1)))
                .filter_map(|u| engine.value(IndicatorId(1), u.id, p("2023")))
                .map(|v| v.value)
                .sum();
            let national = engine.value(IndicatorId(1), UnitId(1), p("2023")).map(|v| v.value);
            prop_assert!((current - legacy).abs() <= 1e-6 * legacy.max(1.0), "{current} vs {legacy}");
            prop_assert_eq!(national, Some(legacy));
        }
    }

    #[test]
    fn weighted_mean_weighs_by_the_other_indicator() {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Stock)); // population
        records.push(indicator(
            2,
            AcrossUnits::WeightedMean {
                weight: IndicatorId(1),
            },
            OverTime::Rate,
        ));
        records.push(indicator(3, AcrossUnits::Mean, OverTime::Rate));
        records.push(obs(1, 1, 4, "2023", 100.0, Official));
        records.push(obs(2, 1, 5, "2023", 300.0, Official));
        records.push(obs(3, 2, 4, "2023", 10.0, Official));
        records.push(obs(4, 2, 5, "2023", 2.0, Official));
        records.push(obs(5, 3, 4, "2023", 10.0, Official));
        records.push(obs(6, 3, 5, "2023", 2.0, Official));
        let engine = Engine::from_records(records).expect("valid");
        assert_eq!(
            engine
                .value(IndicatorId(2), UnitId(2), p("2023"))
                .map(|v| v.value),
            Some(4.0)
        );
        assert_eq!(
            engine
                .value(IndicatorId(3), UnitId(2), p("2023"))
                .map(|v| v.value),
            Some(6.0)
        );
    }

    #[test]
    fn rejects_records_that_refer_to_nothing() {
        let engine = Engine::from_records(tree()).expect("valid");
        assert_eq!(
            engine.check(&unit(9, Some(42))),
            Err(EngineError::UnknownUnit(UnitId(42)))
        );
        assert!(matches!(
            engine.check(&unit(1, None)),
            Err(EngineError::DuplicateId(_))
        ));
        assert_eq!(
            engine.check(&obs(1, 7, 1, "2023", 1.0, Official)),
            Err(EngineError::UnknownIndicator(IndicatorId(7)))
        );
        let ratio = indicator(
            5,
            AcrossUnits::Ratio {
                numerator: IndicatorId(5),
                denominator: IndicatorId(6),
                scale: 1.0,
            },
            OverTime::Rate,
        );
        assert_eq!(
            engine.check(&ratio),
            Err(EngineError::UnknownIndicator(IndicatorId(5)))
        );
    }

    #[test]
    fn finds_units_by_any_spelling_of_their_name() {
        let mut records = vec![Record::Unit(Unit {
            id: UnitId(1),
            code: UnitCode::parse("27").expect("code"),
            kind: UnitKind::Locality,
            name: Translations::vi("Bắc Ninh").with(crate::Language::En, "Bac Ninh"),
            parent: None,
            valid_from: None,
            valid_to: None,
            provenance: provenance(),
        })];
        records.push(unit(2, Some(1)));
        let engine = Engine::from_records(records).expect("valid");
        for query in ["Bac Ninh", "Bắc Ninh", "BẮC NINH", "bac  ninh", "27"] {
            let found: Vec<_> = engine.find_units(query).iter().map(|u| u.id).collect();
            assert_eq!(found, vec![UnitId(1)], "{query}");
        }
    }

    // ---- Property: the range-sum rollup equals a naive walk of the tree ----------------

    /// A random tree (each unit's parent is an earlier unit) and random observations.
    /// Parents (each an earlier unit), observations loaded first, then updates one by one:
    /// (unit, month, value, kind).
    type Case = (
        Vec<Option<u32>>,
        Vec<(u32, u8, f64, u8)>,
        Vec<(u32, u8, f64, u8)>,
    );

    fn random_case() -> impl Strategy<Value = Case> {
        (1usize..24).prop_flat_map(|n| {
            let parents = (0..n)
                .map(|i| {
                    if i == 0 {
                        Just(None).boxed()
                    } else {
                        prop::option::weighted(0.9, 0..i as u32).boxed()
                    }
                })
                .collect::<Vec<_>>();
            let observation = (0..n as u32, 1u8..=3, -1000.0f64..1000.0, 0u8..3);
            (
                parents,
                prop::collection::vec(observation.clone(), 0..40),
                prop::collection::vec(observation, 0..20),
            )
        })
    }

    fn naive_sum(engine: &Engine, parents: &[Option<u32>], unit: u32, month: u8) -> Option<f64> {
        // Own figure wins; otherwise the sum of every strict descendant's own figure.
        let own = |u: u32| {
            engine
                .reported(IndicatorId(1), UnitId(u), p(&format!("2023-{month:02}")))
                .map(|x| x.2)
        };
        if let Some(v) = own(unit) {
            return Some(v);
        }
        let is_descendant = |mut u: u32| loop {
            match parents[u as usize] {
                Some(parent) if parent == unit => break true,
                Some(parent) => u = parent,
                None => break false,
            }
        };
        let values: Vec<f64> = (0..parents.len() as u32)
            .filter(|u| is_descendant(*u))
            .filter_map(own)
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }

    /// (indicator, unit, month of 2023) and (kind, id, value) of one observation.
    type NaiveObservation = ((u32, u32, u8), (ObservationKind, u64, f64));

    /// What the engine must answer, recomputed from the raw observations every time.
    #[derive(Debug, Default, Clone)]
    struct NaiveModel {
        parents: Vec<Option<u32>>,
        /// (indicator, unit, month) -> (kind, id, value) of every observation recorded.
        observations: Vec<NaiveObservation>,
    }

    impl NaiveModel {
        fn current(&self, cell: (u32, u32, u8)) -> Option<(ObservationKind, u64, f64)> {
            self.observations
                .iter()
                .filter(|(c, _)| *c == cell)
                .map(|(_, v)| *v)
                .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        }

        fn is_below(&self, mut u: u32, ancestor: u32) -> bool {
            while let Some(parent) = self.parents[u as usize] {
                if parent == ancestor {
                    return true;
                }
                u = parent;
            }
            false
        }

        /// Indicator 1 sums over units, 2 averages over units, 3 sums; all monthly.
        fn month(&self, indicator: u32, unit: u32, month: u8) -> Option<(f64, ObservationKind)> {
            if let Some((kind, _, value)) = self.current((indicator, unit, month)) {
                return Some((value, kind));
            }
            let below: Vec<(ObservationKind, u64, f64)> = (0..self.parents.len() as u32)
                .filter(|u| self.is_below(*u, unit))
                .filter_map(|u| self.current((indicator, u, month)))
                .collect();
            let kind = below.iter().map(|b| b.0).min()?;
            let sum: f64 = below.iter().map(|b| b.2).sum();
            let value = if indicator == 2 {
                sum / below.len() as f64
            } else {
                sum
            };
            Some((value, kind))
        }

        /// The first quarter: a flow adds its months, a stock is its March, a rate is unknown.
        fn quarter(&self, indicator: u32, unit: u32) -> Option<(f64, ObservationKind)> {
            match indicator {
                1 => {
                    let months: Option<Vec<_>> = (1..=3).map(|m| self.month(1, unit, m)).collect();
                    let months = months?;
                    let kind = months.iter().map(|m| m.1).min()?;
                    Some((months.iter().map(|m| m.0).sum(), kind))
                }
                3 => self.month(3, unit, 3),
                _ => None,
            }
        }
    }

    #[derive(Debug, Clone)]
    enum Step {
        Observe {
            indicator: u32,
            unit: usize,
            month: u8,
            value: f64,
            kind: u8,
        },
        /// A figure recorded on a copy of the engine, which must leave the engine as it was.
        ObserveOnCopy {
            unit: usize,
            value: f64,
        },
        AddUnit {
            parent: usize,
        },
    }

    fn steps() -> impl Strategy<Value = (usize, Vec<Step>)> {
        let step = prop_oneof![
            6 => (1u32..=3, any::<prop::sample::Index>(), 1u8..=3, -1000.0f64..1000.0, 0u8..3)
                .prop_map(|(indicator, unit, month, value, kind)| Step::Observe {
                    indicator, unit: unit.index(usize::MAX), month, value, kind
                }),
            1 => (any::<prop::sample::Index>(), -10.0f64..10.0)
                .prop_map(|(unit, value)| Step::ObserveOnCopy { unit: unit.index(usize::MAX), value }),
            1 => any::<prop::sample::Index>()
                .prop_map(|parent| Step::AddUnit { parent: parent.index(usize::MAX) }),
        ];
        (1usize..8, prop::collection::vec(step, 0..60))
    }

    /// Once settled, every series keeps a subtotal for each unit with units below it, and
    /// it is the very sum a scan of the subtree gives, bit for bit.
    pub(super) fn subtotals_are_current_and_exact(engine: &Engine) -> Result<(), TestCaseError> {
        let exact = |r: Option<RangeSum>| r.map(|r| (r.sum.to_bits(), r.count, r.kind));
        for (key, series) in &engine.series {
            prop_assert!(series.subtotals_current, "series {:?} left unsummed", key);
            for &(position, end) in &engine.parents {
                prop_assert_eq!(
                    exact(series.below(position, end)),
                    exact(series.range_sum(position + 1..end)),
                    "series {:?}, the unit at {}",
                    key,
                    position
                );
            }
        }
        Ok(())
    }

    fn agrees(engine: &Engine, model: &NaiveModel) -> Result<(), TestCaseError> {
        subtotals_are_current_and_exact(engine)?;
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()));
        let mut cells = 0;
        for u in 0..model.parents.len() as u32 {
            for indicator in 1..=3u32 {
                for m in 1..=3u8 {
                    let period = p(&format!("2023-{m:02}"));
                    let want = model.current((indicator, u, m));
                    cells += usize::from(want.is_some());
                    let got = engine.reported(IndicatorId(indicator), UnitId(u), period);
                    prop_assert_eq!(got.map(|g| (g.1, g.0.0, g.2)), want);
                    let got = engine
                        .value(IndicatorId(indicator), UnitId(u), period)
                        .map(|v| (v.value, v.kind));
                    let want = model.month(indicator, u, m);
                    prop_assert!(
                        match (got, want) {
                            (Some(a), Some(b)) => close(a.0, b.0) && a.1 == b.1,
                            (a, b) => a.is_none() && b.is_none(),
                        },
                        "indicator {} unit {} month {}: engine {:?}, model {:?}",
                        indicator,
                        u,
                        m,
                        got,
                        want
                    );
                }
                let got = engine
                    .value(IndicatorId(indicator), UnitId(u), p("2023-Q1"))
                    .map(|v| (v.value, v.kind));
                let want = model.quarter(indicator, u);
                prop_assert!(
                    match (got, want) {
                        (Some(a), Some(b)) => close(a.0, b.0) && a.1 == b.1,
                        (a, b) => a.is_none() && b.is_none(),
                    },
                    "indicator {} unit {} quarter: engine {:?}, model {:?}",
                    indicator,
                    u,
                    got,
                    want
                );
            }
        }
        prop_assert_eq!(engine.current_cells().count(), cells);
        prop_assert_eq!(engine.cell_count(), cells);
        // The latest figures remembered at the step before are forgotten by this one's.
        let fresh = engine.clone();
        let units = (0..model.parents.len() as u32).map(|u| Some(UnitId(u)));
        for unit in std::iter::once(None).chain(units) {
            prop_assert_eq!(engine.latest_cells(unit, 3), fresh.latest_cells(unit, 3));
        }
        for indicator in 1..=3u32 {
            let mut reporting = engine.units_reporting(IndicatorId(indicator));
            reporting.sort();
            let mut want: Vec<UnitId> = engine
                .current_cells()
                .filter(|c| c.0 == IndicatorId(indicator))
                .map(|c| c.1)
                .collect();
            want.sort();
            want.dedup();
            prop_assert_eq!(reporting, want);
        }
        Ok(())
    }

    proptest! {
        /// The engine's columns, range sums, time rollups and remembered values agree with a
        /// recomputation from the raw observations after every step: figures recorded in any
        /// order and of any kind, units added between them (the tree numbered again), and
        /// figures recorded on a copy of the engine, which must not show in the original.
        #[test]
        fn engine_agrees_with_a_naive_model_under_updates((roots, steps) in steps()) {
            let mut model = NaiveModel { parents: vec![None; roots], ..NaiveModel::default() };
            let mut records: Vec<Record> = (0..roots as u32).map(|u| unit(u, None)).collect();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            records.push(indicator(2, AcrossUnits::Mean, OverTime::Rate));
            records.push(indicator(3, AcrossUnits::Sum, OverTime::Stock));
            let mut engine = Engine::from_records(records).map_err(|r| TestCaseError::fail(r.error.to_string()))?;
            let kinds = [Estimate, Preliminary, Official];
            let mut next_id = 0u64;
            for step in steps {
                let units = model.parents.len();
                match step {
                    Step::Observe { indicator, unit: u, month, value, kind } => {
                        next_id += 1;
                        let u = (u % units) as u32;
                        engine.apply(obs(next_id, indicator, u, &format!("2023-{month:02}"), value, kinds[kind as usize]))
                            .map_err(|e| TestCaseError::fail(e.to_string()))?;
                        model.observations.push(((indicator, u, month), (kinds[kind as usize], next_id, value)));
                    }
                    Step::ObserveOnCopy { unit: u, value } => {
                        let mut copy = engine.clone();
                        copy.apply(obs(next_id + 1, 1, (u % units) as u32, "2023-01", value, Official))
                            .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                    Step::AddUnit { parent } => {
                        let parent = (parent % units) as u32;
                        engine.apply(unit(units as u32, Some(parent))).map_err(|e| TestCaseError::fail(e.to_string()))?;
                        model.parents.push(Some(parent));
                    }
                }
                agrees(&engine, &model)?;
            }
        }
    }

    proptest! {
        /// A flow's year, half or months to date above the units that report it, added by
        /// the shortcut, is what the long way through each month to date gives, bit for bit,
        /// whatever reported what: the communes only, a district or the province itself, an
        /// estimate beside an official figure, a month missing, and a figure of several
        /// months (which sends the indicator the long way).
        #[test]
        fn months_added_from_below_are_what_the_long_way_adds(
            figures in prop::collection::vec(
                (1u32..=3, 1u32..=5, 1u8..=12, -1e6f64..1e6, 0usize..3, 0u8..12),
                0..80,
            ),
        ) {
            let mut records = tree();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            records.push(indicator(2, AcrossUnits::Mean, OverTime::Flow));
            records.push(indicator(3, AcrossUnits::WeightedMean { weight: IndicatorId(1) }, OverTime::Flow));
            let mut engine = Engine::from_records(records).expect("skeleton");
            let kinds = [Estimate, Preliminary, Official];
            for (i, (ind, u, month, value, kind, shape)) in figures.into_iter().enumerate() {
                // One figure in twelve covers the months to date rather than one month.
                let period = if shape == 0 {
                    format!("2024-YTD{month:02}")
                } else {
                    format!("2024-{month:02}")
                };
                let period = if period == "2024-YTD01" { "2024-01".to_owned() } else { period };
                engine.apply(obs(i as u64 + 1, ind, u, &period, value, kinds[kind]))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            let exact = |r: Option<Resolved>| r.map(|r| (r.value.to_bits(), r.kind, r.derived));
            let mut periods: Vec<Period> = (2..=12)
                .map(|m| p(&format!("2024-YTD{m:02}")))
                .collect();
            periods.extend([p("2024-Q1"), p("2024-H1"), p("2024"), p("2024-Q3"), p("2023")]);
            for ind in 1..=3 {
                for u in 1..=5 {
                    for period in &periods {
                        engine.forget_values();
                        let short = engine.value(IndicatorId(ind), UnitId(u), *period);
                        engine.forget_values();
                        THE_LONG_WAY.set(true);
                        let long = engine.value(IndicatorId(ind), UnitId(u), *period);
                        THE_LONG_WAY.set(false);
                        prop_assert_eq!(exact(short), exact(long), "indicator {} unit {} {}", ind, u, period);
                    }
                }
            }
        }

        /// What the dashboards remember of many targets at once (scorecards, a group's
        /// targets in status order, whether a period is complete) is what a copy of the
        /// engine, which remembers nothing, counts afresh: after every figure, target and
        /// unit, each read first fills the memory that the next step must forget.
        #[test]
        fn remembered_scorecards_and_orders_are_those_counted_afresh(
            (roots, steps) in steps(),
            planned in proptest::collection::vec((0u32..8, 1u32..=3, 0u8..2, 0.0f64..2000.0), 1..12),
        ) {
            use crate::evaluation::{self, default_ranking_period, in_status_order, scorecard};
            let mut records: Vec<Record> = (0..roots as u32).map(|u| unit(u, None)).collect();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            records.push(indicator(2, AcrossUnits::Mean, OverTime::Rate));
            records.push(indicator(3, AcrossUnits::Sum, OverTime::Stock));
            records.push(Record::Document(crate::Document {
                id: DocumentId(1),
                key: DocumentKey::parse("PLAN").expect("key"),
                number: None,
                doc_type: crate::DocumentType::Plan,
                issued_by: UnitId(0),
                issued_on: None,
                title: Translations::vi("Kế hoạch"),
                horizon: crate::Horizon::default(),
                provenance: provenance(),
            }));
            let periods = [p("2023-Q1"), p("2023-01"), p("2023-02")];
            let mut engine = Engine::from_records(records).map_err(|r| TestCaseError::fail(r.error.to_string()))?;
            let mut planned = planned.into_iter();
            let kinds = [Estimate, Preliminary, Official];
            let mut next_id = 0u64;
            let mut next_target = 0u32;
            let mut set = std::collections::HashSet::new();
            let check = |engine: &Engine| -> Result<(), TestCaseError> {
                let fresh = engine.clone();
                let units: Vec<UnitId> = engine.units().map(|u| u.id).collect();
                for period in periods {
                    for u in &units {
                        prop_assert_eq!(scorecard(engine, *u, period), scorecard(&fresh, *u, period));
                    }
                    let group = TargetGroup::InPeriod(period);
                    prop_assert_eq!(in_status_order(engine, group), in_status_order(&fresh, group));
                }
                let groups = units.iter().map(|u| TargetGroup::OfUnit(*u))
                    .chain((1..=3).map(|i| TargetGroup::OnIndicator(IndicatorId(i))))
                    .chain([TargetGroup::SetBy(DocumentId(1))]);
                for group in groups {
                    let order = in_status_order(engine, group);
                    let mut afresh: Vec<(Status, TargetId)> = engine
                        .targets()
                        .filter(|t| match group {
                            TargetGroup::OfUnit(u) => t.unit == u,
                            TargetGroup::InPeriod(p) => t.period == p,
                            TargetGroup::OnIndicator(i) => t.indicator == i,
                            TargetGroup::SetBy(d) => t.document == d,
                        })
                        .map(|t| (evaluation::evaluate(&fresh, t).status, t.id))
                        .collect();
                    afresh.sort();
                    prop_assert_eq!(&order[..], &afresh[..]);
                }
                let today = time::macros::date!(2023 - 06 - 30);
                prop_assert_eq!(
                    default_ranking_period(engine, &periods, today),
                    default_ranking_period(&fresh, &periods, today)
                );
                Ok(())
            };
            for step in steps {
                let units = engine.units().count();
                match step {
                    Step::Observe { indicator, unit: u, month, value, kind } => {
                        next_id += 1;
                        let u = (u % units) as u32;
                        engine.apply(obs(next_id, indicator, u, &format!("2023-{month:02}"), value, kinds[kind as usize]))
                            .map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                    Step::ObserveOnCopy { .. } => {
                        // A target set between figures.
                        if let Some((u, indicator, period, value)) = planned.next()
                            && set.insert((u % units as u32, indicator, period))
                        {
                            next_target += 1;
                            engine.apply(Record::Target(Target {
                                id: TargetId(next_target),
                                document: DocumentId(1),
                                indicator: IndicatorId(indicator),
                                unit: UnitId(u % units as u32),
                                period: periods[usize::from(period)],
                                value,
                                comparator: crate::target::Comparator::AtLeast,
                                baseline: None,
                                provenance: provenance(),
                            })).map_err(|e| TestCaseError::fail(e.to_string()))?;
                        }
                    }
                    Step::AddUnit { parent } => {
                        let parent = (parent % units) as u32;
                        engine.apply(unit(units as u32, Some(parent))).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                }
                check(&engine)?;
            }
        }
    }

    proptest! {
        #[test]
        fn rollup_equals_naive_recomputation_under_updates((parents, first, updates) in random_case()) {
            let mut records: Vec<Record> = parents.iter().enumerate()
                .map(|(i, parent)| unit(i as u32, *parent)).collect();
            records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
            let kinds = [Estimate, Preliminary, Official];
            let mut next_id = 0u64;
            let mut to_record = |(u, m, v, k): (u32, u8, f64, u8)| {
                next_id += 1;
                obs(next_id, 1, u, &format!("2023-{m:02}"), v, kinds[k as usize])
            };
            records.extend(first.into_iter().map(&mut to_record));
            let mut engine = Engine::from_records(records).map_err(|r| TestCaseError::fail(r.error.to_string()))?;
            let check = |engine: &Engine| -> Result<(), TestCaseError> {
                for u in 0..parents.len() as u32 {
                    for m in 1..=3u8 {
                        let fast = engine.value(IndicatorId(1), UnitId(u), p(&format!("2023-{m:02}"))).map(|v| v.value);
                        let slow = naive_sum(engine, &parents, u, m);
                        match (fast, slow) {
                            (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-6, "unit {} month {}: {} vs {}", u, m, a, b),
                            (a, b) => prop_assert_eq!(a, b, "unit {} month {}", u, m),
                        }
                    }
                    // The quarter is the sum of its months where all three are known.
                    let months: Option<Vec<f64>> = (1..=3u8).map(|m| engine.value(IndicatorId(1), UnitId(u), p(&format!("2023-{m:02}"))).map(|v| v.value)).collect();
                    let quarter = engine.value(IndicatorId(1), UnitId(u), p("2023-Q1")).map(|v| v.value);
                    match months {
                        Some(ms) => prop_assert!(quarter.is_some_and(|q| (q - ms.iter().sum::<f64>()).abs() < 1e-6)),
                        None => prop_assert_eq!(quarter, None),
                    }
                }
                Ok(())
            };
            check(&engine)?;
            for update in updates {
                engine.apply(to_record(update)).map_err(|e| TestCaseError::fail(e.to_string()))?;
                check(&engine)?;
            }
        }
    }
}
