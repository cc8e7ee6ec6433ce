//! The organisation tree (*hệ thống tổ chức*): Party committees, councils, People's
//! Committees, departments and localities, each a unit with a parent.
//!
//! The tree is numbered in depth-first order so that every subtree is one contiguous range of
//! positions; sums over a subtree become range sums (see the engine).

use std::collections::HashMap;
use std::fmt;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::UnitId;
use crate::text::Translations;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The country as a whole: the root of localities.
    Nation,
    /// *Cấp ủy*: Tỉnh ủy, Huyện ủy, Đảng ủy.
    PartyCommittee,
    /// *Ban Thường vụ* of a Party committee.
    StandingCommittee,
    /// *Hội đồng nhân dân* (HĐND).
    PeoplesCouncil,
    /// *Ủy ban nhân dân* (UBND).
    PeoplesCommittee,
    /// *Sở, ban, ngành*.
    Department,
    /// A province, city or commune as a territory.
    Locality,
    /// *Ủy ban Mặt trận Tổ quốc* (MTTQ).
    Front,
    /// Any other body: a central commission, a ministry.
    Agency,
}

impl UnitKind {
    pub const ALL: [UnitKind; 9] = [
        UnitKind::Nation,
        UnitKind::PartyCommittee,
        UnitKind::StandingCommittee,
        UnitKind::PeoplesCouncil,
        UnitKind::PeoplesCommittee,
        UnitKind::Department,
        UnitKind::Locality,
        UnitKind::Front,
        UnitKind::Agency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Nation => "nation",
            UnitKind::PartyCommittee => "party_committee",
            UnitKind::StandingCommittee => "standing_committee",
            UnitKind::PeoplesCouncil => "peoples_council",
            UnitKind::PeoplesCommittee => "peoples_committee",
            UnitKind::Department => "department",
            UnitKind::Locality => "locality",
            UnitKind::Front => "front",
            UnitKind::Agency => "agency",
        }
    }

    pub fn parse(text: &str) -> Option<UnitKind> {
        UnitKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
    }
}

/// The stable code of a unit at every boundary: a GSO code for localities ("40" for Nghệ An),
/// a chosen code for bodies ("40-SCT").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a unit code: use 1 to 32 letters A–Z, digits, '-', '_' or '.'")]
pub struct BadUnitCode(pub String);

impl UnitCode {
    pub fn parse(text: &str) -> Result<UnitCode, BadUnitCode> {
        let code = text.trim();
        let ok = (1..=32).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if ok {
            Ok(UnitCode(code.to_ascii_uppercase()))
        } else {
            Err(BadUnitCode(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UnitCode {
    type Error = BadUnitCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        UnitCode::parse(&value)
    }
}

impl From<UnitCode> for String {
    fn from(code: UnitCode) -> String {
        code.0
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A unit that took over from another on a date: merged into (share 1) or split into (a share
/// of it). Recorded on its own, after both units exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Succession {
    pub predecessor: UnitId,
    pub successor: UnitId,
    /// The part of the predecessor's additive figures carried onto the successor.
    pub share: f64,
    /// The first day the successor holds the predecessor's territory.
    pub from: time::Date,
    pub provenance: crate::Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    pub code: UnitCode,
    pub kind: UnitKind,
    pub name: Translations,
    pub parent: Option<UnitId>,
    /// The first day the unit exists, if known.
    pub valid_from: Option<time::Date>,
    /// The last day the unit exists, if it has ended.
    pub valid_to: Option<time::Date>,
    pub provenance: crate::Provenance,
}

impl Unit {
    /// Whether the unit exists on `date`: on or after its first day, on or before its last.
    pub fn exists_on(&self, date: time::Date) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }

    /// The code the statistics office gives it: its code without a `-2025`-style suffix, which
    /// giamsat adds where the office reused a code for a new territory.
    pub fn office_code(&self) -> &str {
        let code = self.code.as_str();
        match code.rsplit_once('-') {
            Some((base, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
                base
            }
            _ => code,
        }
    }
}

/// The tree's depth-first numbering: each unit's position, and where its subtree ends.
///
/// Invariant: the subtree of a unit is exactly the positions `position(u)..subtree_end(u)`.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    order: Vec<UnitId>,
    position: FxHashMap<UnitId, u32>,
    subtree_end: Vec<u32>,
}

impl Numbering {
    /// Numbers the units; children are visited in code order so numbering is reproducible.
    /// A unit whose parent is unknown is treated as a root.
    pub fn of<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Numbering {
        let units: Vec<&Unit> = units.into_iter().collect();
        let known: std::collections::HashSet<UnitId> = units.iter().map(|u| u.id).collect();
        let mut children: HashMap<Option<UnitId>, Vec<&Unit>> = HashMap::new();
        for unit in &units {
            let parent = unit.parent.filter(|p| known.contains(p) && *p != unit.id);
            children.entry(parent).or_default().push(unit);
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| a.code.cmp(&b.code));
        }
        let mut numbering = Numbering {
            order: Vec::with_capacity(units.len()),
            position: FxHashMap::with_capacity_and_hasher(units.len(), Default::default()),
            subtree_end: Vec::with_capacity(units.len()),
        };
        // Iterative depth-first walk: (unit, children visited?).
        let mut stack: Vec<(UnitId, bool)> = children
            .get(&None)
            .map(|roots| roots.iter().rev().map(|u| (u.id, false)).collect())
            .unwrap_or_default();
        while let Some((id, done)) = stack.pop() {
            if done {
                let start = numbering.position[&id] as usize;
                numbering.subtree_end[start] = numbering.order.len() as u32;
                continue;
            }
            if numbering.position.contains_key(&id) {
                continue; // a cycle in bad data: visit each unit once
            }
            numbering.position.insert(id, numbering.order.len() as u32);
            numbering.order.push(id);
            numbering.subtree_end.push(0);
            stack.push((id, true));
            if let Some(kids) = children.get(&Some(id)) {
                stack.extend(kids.iter().rev().map(|u| (u.id, false)));
            }
        }
        numbering
    }

    pub fn position(&self, unit: UnitId) -> Option<u32> {
        self.position.get(&unit).copied()
    }

    /// The unit at a position.
    pub fn unit_at(&self, position: u32) -> Option<UnitId> {
        self.order.get(position as usize).copied()
    }

    /// The positions of the unit's subtree, itself included.
    pub fn subtree(&self, unit: UnitId) -> Option<std::ops::Range<u32>> {
        let start = self.position(unit)?;
        Some(start..self.subtree_end[start as usize])
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Each unit that has units below it: its position and the end of its subtree, in
    /// position order.
    pub fn parents(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0u32..)
            .zip(&self.subtree_end)
            .filter(|(position, end)| **end > position + 1)
            .map(|(position, end)| (position, *end))
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provenance() -> crate::Provenance {
        crate::Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn unit(id: u32, code: &str, parent: Option<u32>) -> Unit {
        Unit {
            id: UnitId(id),
            code: UnitCode::parse(code).expect("code"),
            kind: UnitKind::Locality,
            name: Translations::vi(code),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: None,
            provenance: provenance(),
        }
    }

    #[test]
    fn subtrees_are_contiguous_ranges() {
        let units = [
            unit(1, "VN", None),
            unit(2, "40", Some(1)),
            unit(3, "40-A", Some(2)),
            unit(4, "40-B", Some(2)),
            unit(5, "01", Some(1)),
        ];
        let n = Numbering::of(&units);
        assert_eq!(n.subtree(UnitId(1)), Some(0..5));
        assert_eq!(n.subtree(UnitId(5)), Some(1..2)); // "01" sorts before "40"
        assert_eq!(n.subtree(UnitId(2)), Some(2..5));
        assert_eq!(n.subtree(UnitId(4)), Some(4..5));
    }

    #[test]
    fn cycles_and_orphans_do_not_hang_or_vanish() {
        let units = [
            unit(1, "A", Some(2)),
            unit(2, "B", Some(1)),
            unit(3, "C", Some(99)),
        ];
        let n = Numbering::of(&units);
        // The orphan is a root; the cycle has no root and is not reachable.
        assert_eq!(n.subtree(UnitId(3)), Some(0..1));
    }

    #[test]
    fn codes_are_checked() {
        assert_eq!(UnitCode::parse(" 40-sct ").expect("ok").as_str(), "40-SCT");
        assert!(UnitCode::parse("").is_err());
        assert!(UnitCode::parse("a b").is_err());
        assert!(UnitCode::parse("Sở").is_err());
    }
}
