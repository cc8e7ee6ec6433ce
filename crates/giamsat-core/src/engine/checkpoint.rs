//! A checkpoint of the engine's current figures: every series and the set of observation
//! ids, as bytes the store keeps beside the observations. Starting from a checkpoint reads a
//! country's columns as they are held instead of stepping through tens of millions of rows,
//! then applies only the observations recorded after it.
//!
//! The observations stay the truth. They are append-only and numbered in commit order, so a
//! checkpoint taken when the engine held every observation up to id `through` is true of
//! those observations forever; if one ever fails to restore, the engine is loaded from the
//! rows instead.
//!
//! Cells are written with their unit ids, not tree positions, so a checkpoint outlives a
//! change to the tree: positions are worked out again when it is restored.
//!
//! The format, little-endian, in parts of about [`PART_BYTES`], each of which stands alone:
//! `GSCK`, a version byte, then sections, the last of which ends the part:
//! - `1`, first word `u32`, word count `u32`, then the words (`u64`) of the id bitset;
//! - `2`, indicator `u32`, period length `u8` and text, cell count `u32`, then the columns:
//!   unit ids (`u32`), values (`f64`), kinds (`u8`: 0 estimate, 1 preliminary, 2 official)
//!   and observation ids (`u32`);
//! - `3`, figure count `u32`, then each figure that reports not yet approved hold back from
//!   publication: observation id `u32`, indicator `u32`, unit id `u32`, period length `u8`
//!   and text, kind `u8`, value `f64` (restored after the reporting records, each is held or
//!   published by the approvals the engine then holds, as a row read afresh would be);
//! - `0` and the number of sections before it (`u32`): a part cut short is refused, not read
//!   as fewer figures.
//!
//! Version 1 had no held figures: every figure was published as recorded. Its checkpoints
//! are refused, so the engine is loaded from the rows and the reports hold what they should.

use std::sync::Arc;

use super::{Engine, Series, short_id};
use crate::observation::ObservationKind;
use crate::period::Period;
use crate::reporting::HeldFigure;
use crate::{IndicatorId, UnitId};

const MAGIC: &[u8; 4] = b"GSCK";
const END: u8 = 0;
const VERSION: u8 = 2;
const IDS: u8 = 1;
const SERIES: u8 = 2;
const HELD: u8 = 3;
/// Parts are rows in the store: small enough to read and write without holding much at once,
/// large enough that a country is a few hundred of them.
pub const PART_BYTES: usize = 8 << 20;

/// Why a checkpoint part cannot be restored. The engine is then loaded from the rows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a checkpoint of this version (it starts with {0:?})")]
    NotACheckpoint(Vec<u8>),
    #[error("cut short at byte {0}")]
    Truncated(usize),
    #[error("unknown section {tag} at byte {at}")]
    UnknownSection { tag: u8, at: usize },
    #[error("indicator {0} does not exist")]
    UnknownIndicator(IndicatorId),
    #[error("unit {0} does not exist")]
    UnknownUnit(UnitId),
    #[error("\"{0}\" is not a period")]
    BadPeriod(String),
    #[error("kind {0} is not an observation kind")]
    BadKind(u8),
    #[error("the series {indicator} {period} is given twice, or the engine holds it already")]
    SeriesTwice {
        indicator: IndicatorId,
        period: Period,
    },
    #[error("unit {unit} appears twice in the series {indicator} {period}")]
    CellTwice {
        indicator: IndicatorId,
        period: Period,
        unit: UnitId,
    },
    #[error("observation {0} is held or in a series but not among the checkpoint's ids")]
    UnlistedObservation(u32),
}

/// Splits a stream of sections into parts of about [`PART_BYTES`].
struct Parts {
    done: std::collections::VecDeque<Vec<u8>>,
    current: Vec<u8>,
    sections: u32,
}

impl Parts {
    fn new() -> Parts {
        Parts {
            done: std::collections::VecDeque::new(),
            current: Vec::new(),
            sections: 0,
        }
    }

    fn section(&mut self) -> &mut Vec<u8> {
        if self.current.len() >= PART_BYTES {
            self.end_part();
        }
        self.sections += 1;
        if self.current.is_empty() {
            self.current.reserve(PART_BYTES + PART_BYTES / 8);
            self.current.extend_from_slice(MAGIC);
            self.current.push(VERSION);
        }
        &mut self.current
    }

    fn end_part(&mut self) {
        self.current.push(END);
        self.current.extend_from_slice(&self.sections.to_le_bytes());
        self.done.push_back(std::mem::take(&mut self.current));
        self.sections = 0;
    }

    fn finish(&mut self) {
        if !self.current.is_empty() {
            self.end_part();
        }
    }
}

/// The next section a [`CheckpointParts`] writes.
enum Next {
    /// The id bitset from this word on.
    Ids(usize),
    /// The series from this index of the sorted keys on.
    Series(usize),
    Held,
    Done,
}

/// The parts of a checkpoint, each encoded only when asked for: a country's checkpoint is
/// over a gigabyte, and whoever stores it needs no more than a part or two at a time.
pub struct CheckpointParts<'a> {
    engine: &'a Engine,
    keys: Vec<&'a (IndicatorId, Period)>,
    parts: Parts,
    next: Next,
}

impl Iterator for CheckpointParts<'_> {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        loop {
            if let Some(part) = self.parts.done.pop_front() {
                return Some(part);
            }
            self.next = match self.next {
                Next::Ids(from) => self.write_ids(from),
                Next::Series(index) => self.write_series(index),
                Next::Held => {
                    self.engine.checkpoint_held(&mut self.parts);
                    self.parts.finish();
                    Next::Done
                }
                Next::Done => return None,
            };
        }
    }
}

impl CheckpointParts<'_> {
    /// A part holds at most a million words of ids (8 MB).
    fn write_ids(&mut self, from: usize) -> Next {
        const WORDS: usize = 1 << 20;
        let words = &self.engine.observation_ids.0;
        let Some(chunk) = words.get(from..(from + WORDS).min(words.len())) else {
            return Next::Series(0);
        };
        if chunk.is_empty() {
            return Next::Series(0);
        }
        let out = self.parts.section();
        out.push(IDS);
        out.extend_from_slice(&(from as u32).to_le_bytes());
        out.extend_from_slice(&(chunk.len() as u32).to_le_bytes());
        for word in chunk {
            out.extend_from_slice(&word.to_le_bytes());
        }
        Next::Ids(from + chunk.len())
    }

    fn write_series(&mut self, index: usize) -> Next {
        let Some(key) = self.keys.get(index) else {
            return Next::Held;
        };
        let engine = self.engine;
        let series = &engine.series[*key];
        if series.len() == 0 {
            return Next::Series(index + 1);
        }
        let (indicator, period) = key;
        let period = period.to_string();
        let out = self.parts.section();
        out.push(SERIES);
        out.extend_from_slice(&indicator.0.to_le_bytes());
        out.push(period.len() as u8);
        out.extend_from_slice(period.as_bytes());
        out.extend_from_slice(&(series.len() as u32).to_le_bytes());
        for position in &series.positions {
            let unit = engine
                .numbering
                .unit_at(*position)
                .unwrap_or(UnitId(u32::MAX));
            out.extend_from_slice(&unit.0.to_le_bytes());
        }
        for value in &series.values {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend(series.kinds.iter().map(|k| kind_byte(*k)));
        for id in &series.ids {
            out.extend_from_slice(&id.to_le_bytes());
        }
        Next::Series(index + 1)
    }
}

fn kind_byte(kind: ObservationKind) -> u8 {
    match kind {
        ObservationKind::Estimate => 0,
        ObservationKind::Preliminary => 1,
        ObservationKind::Official => 2,
    }
}

fn kind_of(byte: u8) -> Result<ObservationKind, CheckpointError> {
    match byte {
        0 => Ok(ObservationKind::Estimate),
        1 => Ok(ObservationKind::Preliminary),
        2 => Ok(ObservationKind::Official),
        other => Err(CheckpointError::BadKind(other)),
    }
}

/// Reads a part front to back; every read is checked against its length.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CheckpointError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(CheckpointError::Truncated(self.bytes.len()))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u8(&mut self) -> Result<u8, CheckpointError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, CheckpointError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    /// `n` items of `width` bytes each.
    fn items(&mut self, n: u32, width: usize) -> Result<&'a [u8], CheckpointError> {
        let len = (n as usize)
            .checked_mul(width)
            .ok_or(CheckpointError::Truncated(self.bytes.len()))?;
        self.take(len)
    }
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
}

impl Engine {
    /// The id of the last observation the engine holds, through which a checkpoint taken now
    /// is complete.
    pub fn last_observation_id(&self) -> u64 {
        self.max_observation_id
    }

    /// The engine's current figures as checkpoint parts, series in (indicator, period) order,
    /// so that two engines holding the same figures give the same bytes.
    pub fn checkpoint(&self) -> Vec<Vec<u8>> {
        self.checkpoint_parts().collect()
    }

    /// The same parts as [`Engine::checkpoint`], encoded one at a time as they are taken.
    pub fn checkpoint_parts(&self) -> CheckpointParts<'_> {
        let mut keys: Vec<&(IndicatorId, Period)> = self.series.keys().collect();
        keys.sort_unstable();
        CheckpointParts {
            engine: self,
            keys,
            parts: Parts::new(),
            next: Next::Ids(0),
        }
    }

    /// The figures reports hold back, in id order so the bytes depend only on the figures.
    fn checkpoint_held(&self, parts: &mut Parts) {
        let mut held: Vec<&HeldFigure> = self.reporting.held().collect();
        if held.is_empty() {
            return;
        }
        held.sort_unstable_by_key(|f| f.id);
        let out = parts.section();
        out.push(HELD);
        out.extend_from_slice(&(held.len() as u32).to_le_bytes());
        for figure in held {
            // Ids beyond 32 bits are refused when recorded.
            let id = short_id(figure.id).unwrap_or(u32::MAX);
            let period = figure.period.to_string();
            out.extend_from_slice(&id.to_le_bytes());
            out.extend_from_slice(&figure.indicator.0.to_le_bytes());
            out.extend_from_slice(&figure.unit.0.to_le_bytes());
            out.push(period.len() as u8);
            out.extend_from_slice(period.as_bytes());
            out.push(kind_byte(figure.kind));
            out.extend_from_slice(&figure.value.to_le_bytes());
        }
    }

    fn restore_held(&mut self, reader: &mut Reader<'_>) -> Result<(), CheckpointError> {
        let count = reader.u32()?;
        for _ in 0..count {
            let id = reader.u32()?;
            let indicator = IndicatorId(reader.u32()?);
            let unit = UnitId(reader.u32()?);
            let period_len = reader.u8()?;
            let text = String::from_utf8_lossy(reader.take(period_len as usize)?);
            let period: Period = text
                .parse()
                .map_err(|_| CheckpointError::BadPeriod(text.into_owned()))?;
            let kind = kind_of(reader.u8()?)?;
            let value = f64::from_le_bytes(reader.take(8)?.try_into().expect("8 bytes"));
            if !self.indicators.contains_key(&indicator) {
                return Err(CheckpointError::UnknownIndicator(indicator));
            }
            if self.numbering.position(unit).is_none() {
                return Err(CheckpointError::UnknownUnit(unit));
            }
            if !self.observation_ids.contains(id) {
                return Err(CheckpointError::UnlistedObservation(id));
            }
            self.admit(HeldFigure {
                id: crate::ObservationId(u64::from(id)),
                indicator,
                unit,
                period,
                kind,
                value,
            });
        }
        Ok(())
    }

    /// Restores one checkpoint part. Units and indicators must be in the engine already, and
    /// the parts are restored in order, before any observation recorded after the checkpoint.
    /// On error the engine may hold part of the checkpoint: the caller loads afresh.
    pub fn restore_checkpoint_part(&mut self, part: &[u8]) -> Result<(), CheckpointError> {
        self.number_if_stale();
        let mut reader = Reader { bytes: part, at: 0 };
        let head = reader
            .take(5)
            .map_err(|_| CheckpointError::NotACheckpoint(part.to_vec()))?;
        if &head[..4] != MAGIC || head[4] != VERSION {
            return Err(CheckpointError::NotACheckpoint(head.to_vec()));
        }
        let mut sections = 0u32;
        loop {
            let at = reader.at;
            match reader.u8()? {
                END => {
                    if reader.u32()? != sections || reader.at != part.len() {
                        return Err(CheckpointError::Truncated(part.len()));
                    }
                    break;
                }
                IDS => {
                    let first = reader.u32()? as usize;
                    let count = reader.u32()?;
                    let words = reader.items(count, 8)?;
                    let end = first + count as usize;
                    // Ids are 32 bits: 2^26 words hold them all.
                    if end > 1 << 26 {
                        return Err(CheckpointError::Truncated(at));
                    }
                    let ids = &mut self.observation_ids.0;
                    if ids.len() < end {
                        ids.resize(end, 0);
                    }
                    for (slot, word) in ids[first..end].iter_mut().zip(words.chunks_exact(8)) {
                        *slot |= u64::from_le_bytes(word.try_into().expect("8 bytes"));
                    }
                    if let Some(last) = self.observation_ids.0.iter().rposition(|w| *w != 0) {
                        let word = self.observation_ids.0[last];
                        let top = last as u64 * 64 + 63 - u64::from(word.leading_zeros());
                        self.max_observation_id = self.max_observation_id.max(top);
                    }
                }
                SERIES => self.restore_series(&mut reader)?,
                HELD => self.restore_held(&mut reader)?,
                tag => return Err(CheckpointError::UnknownSection { tag, at }),
            }
            sections += 1;
        }
        self.memo.forget_all();
        Ok(())
    }

    fn restore_series(&mut self, reader: &mut Reader<'_>) -> Result<(), CheckpointError> {
        let indicator = IndicatorId(reader.u32()?);
        if !self.indicators.contains_key(&indicator) {
            return Err(CheckpointError::UnknownIndicator(indicator));
        }
        let period_len = reader.u8()?;
        let text = reader.take(period_len as usize)?;
        let text = String::from_utf8_lossy(text);
        let period: Period = text
            .parse()
            .map_err(|_| CheckpointError::BadPeriod(text.into_owned()))?;
        let n = reader.u32()?;
        let units = reader.items(n, 4)?;
        let values = reader.items(n, 8)?;
        let kinds = reader.items(n, 1)?;
        let ids = reader.items(n, 4)?;
        if self
            .series
            .get(&(indicator, period))
            .is_some_and(|s| s.len() > 0)
        {
            return Err(CheckpointError::SeriesTwice { indicator, period });
        }
        let mut cells = Vec::with_capacity(n as usize);
        for (((unit, value), kind), id) in u32s(units)
            .zip(values.chunks_exact(8))
            .zip(kinds)
            .zip(u32s(ids))
        {
            let unit = UnitId(unit);
            let position = self
                .numbering
                .position(unit)
                .ok_or(CheckpointError::UnknownUnit(unit))?;
            if !self.observation_ids.contains(id) {
                return Err(CheckpointError::UnlistedObservation(id));
            }
            let value = f64::from_le_bytes(value.try_into().expect("8 bytes"));
            cells.push((position, value, kind_of(*kind)?, id));
        }
        // Positions follow the tree as it is now, which may have changed since.
        if !cells.is_sorted_by_key(|c| c.0) {
            cells.sort_unstable_by_key(|c| c.0);
        }
        if let Some(pair) = cells.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(CheckpointError::CellTwice {
                indicator,
                period,
                unit: self.numbering.unit_at(pair[0].0).unwrap_or(UnitId(0)),
            });
        }
        let reporting = self.reporting_positions.entry(indicator).or_default();
        for cell in &cells {
            reporting.insert(cell.0);
        }
        let series = Series {
            positions: cells.iter().map(|c| c.0).collect(),
            values: cells.iter().map(|c| c.1).collect(),
            kinds: cells.iter().map(|c| c.2).collect(),
            ids: cells.iter().map(|c| c.3).collect(),
            newest: cells.iter().map(|c| c.3).max().unwrap_or(0),
            ..Series::default()
        };
        if period.month_count() > 1 {
            self.reported_over_months.insert(indicator);
        }
        self.series.insert((indicator, period), Arc::new(series));
        self.unsummed.push((indicator, period));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{indicator, obs, tree, unit};
    use super::*;
    use crate::ObservationId;
    use crate::engine::Record;
    use crate::indicator::{AcrossUnits, OverTime};
    use ObservationKind::*;
    use proptest::prelude::*;

    fn skeleton() -> Vec<Record> {
        let mut records = tree();
        records.push(indicator(1, AcrossUnits::Sum, OverTime::Flow));
        records.push(indicator(2, AcrossUnits::Mean, OverTime::Stock));
        records
    }

    fn restored(skeleton: Vec<Record>, parts: &[Vec<u8>]) -> Result<Engine, CheckpointError> {
        let mut engine = Engine::from_records(skeleton).expect("skeleton");
        for part in parts {
            engine.restore_checkpoint_part(part)?;
        }
        Ok(engine)
    }

    fn kind(k: u8) -> ObservationKind {
        [Estimate, Preliminary, Official][k as usize % 3]
    }

    proptest! {
        /// An engine started from a checkpoint and the observations recorded after it holds
        /// exactly what an engine fed every observation holds, even when units were added to
        /// the tree in between (positions move) and later figures replace checkpointed ones
        /// or correct them.
        #[test]
        fn a_checkpoint_and_the_rest_give_the_engine_fed_everything(
            figures in prop::collection::vec(
                (1u32..=2, 2u32..=7, 1u32..=4, 0u8..3, -1e6f64..1e6, any::<bool>()),
                0..60,
            ),
            cut in 0usize..60,
            units_first in any::<bool>(),
        ) {
            let cut = cut.min(figures.len());
            let mut full = Engine::from_records(skeleton()).expect("skeleton");
            let mut at_cut = None;
            let mut later = Vec::new();
            for (i, (ind, unit_id, month, k, value, correct)) in figures.into_iter().enumerate() {
                if i == cut {
                    at_cut = Some(full.clone());
                }
                // Units 6 and 7 join the tree at the cut; 7, under 2, moves unit 3 to a new
                // position, so the checkpoint's cells are placed on a different tree.
                let unit_id = if i < cut { unit_id.min(5) } else { unit_id };
                if i == cut {
                    later.push(unit(7, Some(2)));
                    later.push(unit(6, Some(1)));
                    full.apply_batch([unit(7, Some(2)), unit(6, Some(1))]).expect("units");
                }
                let Record::Observation(mut o) =
                    obs(i as u64 + 1, ind, unit_id, &format!("2024-{month:02}"), value, kind(k))
                else {
                    unreachable!()
                };
                if correct
                    && let Some((current, ..)) = full.reported(o.indicator, o.unit, o.period)
                {
                    o.corrects = Some(current);
                }
                full.apply(Record::Observation(o.clone())).expect("observation");
                if i >= cut {
                    later.push(Record::Observation(o));
                }
            }
            let at_cut = at_cut.unwrap_or_else(|| full.clone());
            // The tree may change before the checkpoint is restored as well as after.
            let mut skeleton = skeleton();
            if units_first && !later.is_empty() {
                skeleton.extend(later.drain(..2));
            }
            let parts = at_cut.checkpoint();
            let mut engine = restored(skeleton, &parts).expect("restores");
            prop_assert_eq!(engine.checkpoint(), parts);
            prop_assert_eq!(engine.last_observation_id(), at_cut.last_observation_id());
            engine.apply_batch(later).expect("the rest applies");
            crate::engine::tests::subtotals_are_current_and_exact(&engine)?;
            crate::engine::tests::subtotals_are_current_and_exact(&full)?;
            prop_assert_eq!(engine.checkpoint(), full.checkpoint());
            prop_assert_eq!(engine.last_observation_id(), full.last_observation_id());
            for ind in 1..=2 {
                for unit_id in 1..=7 {
                    for month in 1..=4 {
                        let period: Period = format!("2024-{month:02}").parse().expect("period");
                        prop_assert_eq!(
                            engine.value(IndicatorId(ind), UnitId(unit_id), period),
                            full.value(IndicatorId(ind), UnitId(unit_id), period)
                        );
                    }
                    let year: Period = "2024".parse().expect("period");
                    prop_assert_eq!(
                        engine.value(IndicatorId(ind), UnitId(unit_id), year),
                        full.value(IndicatorId(ind), UnitId(unit_id), year)
                    );
                }
            }
        }

        /// A damaged checkpoint is refused with an error, never a panic.
        #[test]
        fn a_damaged_checkpoint_is_refused_without_panic(
            flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut engine = Engine::from_records(skeleton()).expect("skeleton");
            for (i, u) in [1u32, 4, 5, 3].into_iter().enumerate() {
                engine
                    .apply(obs(i as u64 + 1, 1, u, "2024-01", i as f64, Official))
                    .expect("observation");
            }
            let parts = engine.checkpoint();
            prop_assert_eq!(parts.len(), 1);
            let mut damaged = parts[0].clone();
            for (at, byte) in flips {
                let at = at.index(damaged.len());
                damaged[at] ^= byte;
            }
            let _ = restored(skeleton(), &[damaged]);
            let cut = cut.index(parts[0].len());
            prop_assert!(restored(skeleton(), &[parts[0][..cut].to_vec()]).is_err());
        }
    }

    #[test]
    fn a_checkpoint_naming_what_the_engine_lacks_is_refused() {
        let mut engine = Engine::from_records(skeleton()).expect("skeleton");
        engine
            .apply(obs(1, 1, 4, "2024-01", 1.0, Official))
            .expect("observation");
        let parts = engine.checkpoint();
        // Without unit 4.
        let mut bare: Vec<Record> = skeleton();
        bare.retain(|r| !matches!(r, Record::Unit(u) if u.id == UnitId(4)));
        assert_eq!(
            restored(bare, &parts).err(),
            Some(CheckpointError::UnknownUnit(UnitId(4)))
        );
        // Twice.
        let twice = [parts[0].clone(), parts[0].clone()];
        assert!(matches!(
            restored(skeleton(), &twice),
            Err(CheckpointError::SeriesTwice { .. })
        ));
        assert_eq!(
            restored(skeleton(), &[b"nonsense".to_vec()]).err(),
            Some(CheckpointError::NotACheckpoint(b"nonse".to_vec()))
        );
        let restored = restored(skeleton(), &parts).expect("restores");
        assert!(restored.has_observation(ObservationId(1)));
        assert!(!restored.has_observation(ObservationId(2)));
    }
}
