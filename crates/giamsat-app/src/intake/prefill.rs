//! What a figure read in a report is most likely about, so that the review's form can be
//! offered filled in: the administrative unit the text names (the last named before the
//! figure, else the one named most), the indicator whose name its subject clearly names, and
//! whether the unit of measure read is the indicator's. Nothing here records anything: a
//! person still checks the form and accepts it.

use std::collections::{HashMap, HashSet};

use giamsat_core::text::fold;
use giamsat_core::{Engine, Indicator, IndicatorId, Language, UnitId, UnitKind};

/// The folded words of `text` with their places in characters, each with whether only
/// spaces separate it from the word before (a name does not run across punctuation).
struct Word {
    start: usize,
    end: usize,
    folded: String,
    capital: bool,
    joined: bool,
}

fn words_of(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut joined = false;
    let mut only_spaces = false;
    let mut finish = |current: &mut String, start: usize, end: usize, joined: bool| {
        if !current.is_empty() {
            let capital = current
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            words.push(Word {
                start,
                end,
                folded: fold(current),
                capital,
                joined,
            });
            current.clear();
        }
    };
    let mut count = 0;
    for (at, c) in text.chars().enumerate() {
        count = at + 1;
        if c.is_alphanumeric() {
            if current.is_empty() {
                start = at;
                joined = only_spaces;
            }
            current.push(c);
        } else {
            if !current.is_empty() {
                finish(&mut current, start, at, joined);
                only_spaces = true;
            }
            // Line breaks end a name as punctuation does: a heading is not the next line's.
            if !(c == ' ' || c == '\u{a0}' || c == '\t') {
                only_spaces = false;
            }
        }
    }
    finish(&mut current, start, count, joined);
    words
}

/// The folded words of a name or a subject.
fn folded_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The administrative units a report names, in the order it names them.
#[derive(Debug)]
pub struct Mentions {
    /// Each mention's characters and the unit it names.
    found: Vec<(usize, usize, UnitId)>,
}

/// Whether a unit is one a figure is reported for: the nation, a province or a commune.
fn administrative(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Nation | UnitKind::Locality)
}

impl Mentions {
    /// Every mention in `text` of an administrative unit by any of its names, whole words,
    /// whatever the diacritics and case, written as a name is (its last word capitalised:
    /// *hòa bình* is peace, *Hòa Bình* a place). Where several units bear the name, those in
    /// force win over former ones, then those whose parent the text also names; a name
    /// still shared after that names no one.
    pub fn in_text(engine: &Engine, text: &str) -> Mentions {
        // The names, by their first word: one look-up per word of the text.
        let mut by_name: HashMap<Vec<String>, Vec<UnitId>> = HashMap::new();
        for unit in engine.units().filter(|u| administrative(u.kind)) {
            for language in Language::ALL {
                if let Some(name) = unit.name.exact(language) {
                    let words = folded_words(name);
                    if !words.is_empty() {
                        let units = by_name.entry(words).or_default();
                        if !units.contains(&unit.id) {
                            units.push(unit.id);
                        }
                    }
                }
            }
        }
        let mut by_first: HashMap<&str, Vec<&Vec<String>>> = HashMap::new();
        for name in by_name.keys() {
            by_first.entry(name[0].as_str()).or_default().push(name);
        }
        let words = words_of(text);
        let mut named: Vec<(usize, usize, &Vec<String>)> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let longest = by_first
                .get(words[at].folded.as_str())
                .into_iter()
                .flatten()
                .filter(|name| {
                    let Some(run) = words.get(at..at + name.len()) else {
                        return false;
                    };
                    run.iter().zip(name.iter()).all(|(w, n)| w.folded == *n)
                        && run.iter().skip(1).all(|w| w.joined)
                        && run.last().is_some_and(|w| w.capital)
                })
                .max_by_key(|name| name.len());
            match longest {
                Some(name) => {
                    let last = &words[at + name.len() - 1];
                    named.push((words[at].start, last.end, name));
                    at += name.len();
                }
                None => at += 1,
            }
        }
        let all_named: HashSet<UnitId> = named
            .iter()
            .flat_map(|(_, _, name)| by_name[*name].iter().copied())
            .collect();
        let mut resolved: HashMap<&Vec<String>, Option<UnitId>> = HashMap::new();
        let found = named
            .into_iter()
            .filter_map(|(start, end, name)| {
                let unit = *resolved.entry(name).or_insert_with(|| {
                    let units: Vec<_> = by_name[name]
                        .iter()
                        .filter_map(|id| engine.unit(*id))
                        .collect();
                    let in_force: Vec<_> = units
                        .iter()
                        .copied()
                        .filter(|u| u.valid_to.is_none())
                        .collect();
                    let units = if in_force.is_empty() { units } else { in_force };
                    let units = match units.len() {
                        0 | 1 => units,
                        _ => units
                            .into_iter()
                            .filter(|u| u.parent.is_some_and(|p| all_named.contains(&p)))
                            .collect(),
                    };
                    match units.as_slice() {
                        [one] => Some(one.id),
                        _ => None,
                    }
                });
                Some((start, end, unit?))
            })
            .collect();
        Mentions { found }
    }

    /// The unit a figure at characters `start..end` is most likely about: the last named
    /// before its end, else the one named most (the first named among equals); `None` when
    /// the text names none.
    pub fn unit_for(&self, end: usize) -> Option<UnitId> {
        if let Some((_, _, unit)) = self.found.iter().rev().find(|(at, _, _)| *at < end) {
            return Some(*unit);
        }
        let mut counts: Vec<(UnitId, usize)> = Vec::new();
        for (_, _, unit) in &self.found {
            match counts.iter_mut().find(|(u, _)| u == unit) {
                Some((_, n)) => *n += 1,
                None => counts.push((*unit, 1)),
            }
        }
        // The first of the most named: `max_by_key` keeps the last of equals, so look from
        // the end.
        counts
            .into_iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map(|(u, _)| u)
    }
}

/// What a quantity is counted in: what a figure read is written in, or an indicator's
/// unit of measure. `scale` is the multiplier of the words (10⁹ for *tỷ*, *billion*).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    Money {
        currency: &'static str,
        scale: f64,
    },
    Percent,
    /// A unit of weight, area or length: `t`, `tạ`, `ha`, `km`, `MW`…
    Physical {
        unit: &'static str,
        scale: f64,
    },
    /// Things counted: people, enterprises, projects…
    Count {
        scale: f64,
    },
}

/// Scale words, folded, longest first.
const SCALES: &[(&[&str], f64)] = &[
    (&["nghin", "ty"], 1e12),
    (&["ngan", "ty"], 1e12),
    (&["trillion"], 1e12),
    (&["trillions"], 1e12),
    (&["ty"], 1e9),
    (&["ti"], 1e9),
    (&["billion"], 1e9),
    (&["billions"], 1e9),
    (&["milliard"], 1e9),
    (&["milliards"], 1e9),
    (&["bn"], 1e9),
    (&["trieu"], 1e6),
    (&["million"], 1e6),
    (&["millions"], 1e6),
    (&["mn"], 1e6),
    (&["nghin"], 1e3),
    (&["ngan"], 1e3),
    (&["thousand"], 1e3),
    (&["thousands"], 1e3),
    (&["mille"], 1e3),
    (&["milliers"], 1e3),
];

/// Currencies as measures write them, folded.
const CURRENCIES: &[(&[&str], &str)] = &[
    (&["dong"], "VND"),
    (&["dongs"], "VND"),
    (&["vnd"], "VND"),
    (&["usd"], "USD"),
    (&["us"], "USD"),
    (&["dollar"], "USD"),
    (&["dollars"], "USD"),
    (&["do", "la"], "USD"),
    (&["dola"], "USD"),
    (&["eur"], "EUR"),
    (&["euro"], "EUR"),
    (&["euros"], "EUR"),
];

/// Units of weight, area, length and power as measures write them, folded.
const PHYSICAL: &[(&str, &str)] = &[
    ("tan", "t"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("t", "t"),
    ("ta", "tạ"),
    ("quintals", "tạ"),
    ("quintaux", "tạ"),
    ("ha", "ha"),
    ("hecta", "ha"),
    ("hectares", "ha"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("mw", "MW"),
    ("kw", "kW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("m2", "m²"),
    ("m3", "m³"),
    ("km2", "km²"),
    ("kg", "kg"),
];

impl Measure {
    /// What a figure read is written in: the reader's unit (`VND`, `USD`, `%`, `t`, a thing
    /// counted) and its scale. `None` when it read no unit.
    pub fn read(unit: Option<&str>, scale: f64) -> Option<Measure> {
        let unit = unit?;
        Some(match unit {
            "VND" | "USD" | "EUR" => Measure::Money {
                currency: match unit {
                    "VND" => "VND",
                    "USD" => "USD",
                    _ => "EUR",
                },
                scale,
            },
            "%" => Measure::Percent,
            other => match PHYSICAL.iter().find(|(_, code)| *code == other) {
                Some((_, code)) => Measure::Physical { unit: code, scale },
                None => Measure::Count { scale },
            },
        })
    }

    /// An indicator's unit of measure, from its words in any of its languages ("tỷ đồng",
    /// "USD million", "millions d'USD", "%", "ha", "doanh nghiệp"). `None` for what cannot
    /// be told apart safely: an index ("cùng kỳ = 100") or a rate per something ("tạ/ha").
    pub fn of_indicator(indicator: &Indicator) -> Option<Measure> {
        [Language::Vi, Language::En, Language::Fr]
            .into_iter()
            .filter_map(|l| indicator.measure.exact(l))
            .find_map(Measure::written)
    }

    /// A unit of measure as written.
    pub fn written(text: &str) -> Option<Measure> {
        let text = text.trim();
        if text.is_empty() || text.contains(['=', '/']) {
            return None;
        }
        let words = folded_words(&text.replace('$', " usd ").replace('€', " eur "));
        let has = |run: &[&str]| words.windows(run.len()).any(|w| w == run);
        if text.contains('%')
            || has(&["phan", "tram"])
            || has(&["percent"])
            || has(&["pour", "cent"])
        {
            return Some(Measure::Percent);
        }
        let scale = SCALES
            .iter()
            .find(|(run, _)| has(run))
            .map_or(1.0, |(_, s)| *s);
        if let Some((_, currency)) = CURRENCIES.iter().find(|(run, _)| has(run)) {
            return Some(Measure::Money { currency, scale });
        }
        if let Some((_, unit)) = PHYSICAL.iter().find(|(w, _)| has(&[w])) {
            return Some(Measure::Physical { unit, scale });
        }
        // An index is no count: "chỉ số", "index", "indice", "điểm" of a score stay counts.
        if has(&["chi", "so"]) || has(&["index"]) || has(&["indice"]) {
            return None;
        }
        Some(Measure::Count { scale })
    }

    /// Whether a figure in `self` can be a figure of an indicator in `other`, whatever the
    /// scale: money of the same currency, a percent, the same physical unit, or things
    /// counted.
    pub fn compatible(self, other: Measure) -> bool {
        match (self, other) {
            (Measure::Money { currency: a, .. }, Measure::Money { currency: b, .. }) => a == b,
            (Measure::Physical { unit: a, .. }, Measure::Physical { unit: b, .. }) => a == b,
            (Measure::Percent, Measure::Percent)
            | (Measure::Count { .. }, Measure::Count { .. }) => true,
            _ => false,
        }
    }

    /// The scale of the words, 1 for a percent.
    pub fn scale(self) -> f64 {
        match self {
            Measure::Money { scale, .. }
            | Measure::Physical { scale, .. }
            | Measure::Count { scale } => scale,
            Measure::Percent => 1.0,
        }
    }

    /// Whether a value written in `self` is a value in `other` as it stands: compatible and
    /// of the same scale.
    pub fn same(self, other: Measure) -> bool {
        self.compatible(other) && (self.scale() / other.scale() - 1.0).abs() < 1e-9
    }
}

/// Words that tell no indicator from another, folded: the function words of the three
/// languages. Folded Vietnamese syllables that are also content words (*từ* and *tư* of
/// *đầu tư*, *có* and *cơ* of *cơ sở*, *số*, *đã* and *đa*) are not among them.
const FUNCTION_WORDS: &[&str] = &[
    "cua", "va", "cac", "nhung", "trong", "voi", "cho", "duoc", "theo", "tai", "tren", "mot",
    "nay", "the", "of", "and", "a", "an", "in", "to", "for", "on", "by", "with", "from", "de",
    "la", "le", "les", "des", "du", "et", "en", "au", "aux", "d", "l", "un", "une", "pour", "par",
    "sur",
];

fn content_words(text: &str) -> HashSet<String> {
    folded_words(text)
        .into_iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// How well a subject names an indicator: mostly the share of the name's words the subject
/// holds (a subject says more than a name: "Tỉnh Bắc Ninh có kim ngạch nhập khẩu…"), then
/// the share of the subject's words the name holds, which tells a name from a longer one
/// that begins alike. 1 when they are the same words, 0 when they share none.
fn likeness(subject: &HashSet<String>, name: &HashSet<String>) -> f64 {
    if subject.is_empty() || name.is_empty() {
        return 0.0;
    }
    let shared = subject.intersection(name).count() as f64;
    0.8 * shared / name.len() as f64 + 0.2 * shared / subject.len() as f64
}

/// Below this likeness a subject names no indicator.
const LIKE_ENOUGH: f64 = 0.6;
/// The best match must be this much more alike than the next to be the clear one: a word of
/// a name of six words apart is 0.13.
const CLEAR_BY: f64 = 0.1;

/// The indicator a figure's subject clearly names: its name, in the report's language or in
/// Vietnamese, shares the subject's content words more than any other by a clear margin, and
/// the figure's unit of measure fits the indicator's. `None` otherwise: the reviewer chooses.
pub fn indicator_for(
    engine: &Engine,
    subject: &str,
    language: Language,
    read: Option<Measure>,
) -> Option<IndicatorId> {
    let read = read?;
    let subject = content_words(subject);
    if subject.is_empty() {
        return None;
    }
    let mut scored: Vec<(f64, &Indicator)> = engine
        .indicators()
        .map(|i| {
            let score = [language, Language::Vi]
                .into_iter()
                .filter_map(|l| i.name.exact(l))
                .map(|name| likeness(&subject, &content_words(name)))
                .fold(0.0, f64::max);
            (score, i)
        })
        .filter(|(score, _)| *score > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, indicator) = *scored.first()?;
    let next = scored.get(1).map_or(0.0, |(s, _)| *s);
    let fits = Measure::of_indicator(indicator).is_some_and(|m| read.compatible(m));
    (best >= LIKE_ENOUGH && best - next >= CLEAR_BY && fits).then_some(indicator.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_are_read_in_every_language() {
        let money = |currency, scale| Some(Measure::Money { currency, scale });
        for (text, expected) in [
            ("tỷ đồng", money("VND", 1e9)),
            ("VND billion", money("VND", 1e9)),
            ("milliards de VND", money("VND", 1e9)),
            ("triệu USD", money("USD", 1e6)),
            ("USD million", money("USD", 1e6)),
            ("millions d'USD", money("USD", 1e6)),
            ("nghìn tỷ đồng", money("VND", 1e12)),
            ("đồng", money("VND", 1.0)),
            ("%", Some(Measure::Percent)),
            (
                "ha",
                Some(Measure::Physical {
                    unit: "ha",
                    scale: 1.0,
                }),
            ),
            (
                "nghìn tấn",
                Some(Measure::Physical {
                    unit: "t",
                    scale: 1e3,
                }),
            ),
            ("doanh nghiệp", Some(Measure::Count { scale: 1.0 })),
            ("nghìn lượt khách", Some(Measure::Count { scale: 1e3 })),
            ("cùng kỳ = 100", None),
            ("tạ/ha", None),
        ] {
            assert_eq!(Measure::written(text), expected, "{text}");
        }
    }

    #[test]
    fn the_same_unit_is_compatible_and_a_scale_or_currency_apart_is_not_the_same() {
        let billion_vnd = Measure::Money {
            currency: "VND",
            scale: 1e9,
        };
        let read = |unit, scale| Measure::read(Some(unit), scale).expect("a measure");
        assert!(read("VND", 1e9).same(billion_vnd));
        assert!(read("VND", 1e6).compatible(billion_vnd));
        assert!(!read("VND", 1e6).same(billion_vnd));
        assert!(!read("USD", 1e9).compatible(billion_vnd));
        assert!(!read("%", 1.0).compatible(billion_vnd));
        assert!(read("enterprise", 1.0).same(Measure::Count { scale: 1.0 }));
        assert_eq!(Measure::read(None, 1.0), None);
    }

    fn provenance() -> giamsat_core::Provenance {
        giamsat_core::Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    /// A nation, a former and a present province of one name, a former province whose name
    /// is also a common phrase, a province and one of its communes, and a commune's name
    /// borne by two communes of different provinces.
    fn engine() -> Engine {
        let mut engine = Engine::new();
        let ended = time::Date::from_calendar_date(2025, time::Month::June, 30).ok();
        let units = [
            (1, "VN", UnitKind::Nation, "Việt Nam", None, None),
            (2, "27", UnitKind::Locality, "Bắc Ninh", Some(1), ended),
            (3, "24-2025", UnitKind::Locality, "Bắc Ninh", Some(1), None),
            (4, "17", UnitKind::Locality, "Hòa Bình", Some(1), ended),
            (5, "40", UnitKind::Locality, "Nghệ An", Some(1), None),
            (
                6,
                "16690",
                UnitKind::Locality,
                "Phường Trường Vinh",
                Some(5),
                None,
            ),
            (7, "42", UnitKind::Locality, "Hà Tĩnh", Some(1), None),
            (8, "90001", UnitKind::Locality, "Xã Tân Lập", Some(5), None),
            (9, "90002", UnitKind::Locality, "Xã Tân Lập", Some(7), None),
            (
                10,
                "40-SCT",
                UnitKind::Department,
                "Sở Công Thương Nghệ An",
                Some(5),
                None,
            ),
        ];
        let records = units
            .into_iter()
            .map(|(id, code, kind, name, parent, valid_to)| {
                giamsat_core::Record::Unit(giamsat_core::Unit {
                    id: UnitId(id),
                    code: giamsat_core::UnitCode::parse(code).expect("code"),
                    kind,
                    name: giamsat_core::Translations::vi(name),
                    parent: parent.map(UnitId),
                    valid_from: None,
                    valid_to,
                    provenance: provenance(),
                })
            })
            .chain(
                [
                    (1, "RETAIL_SALES", "Tổng mức bán lẻ hàng hóa", "tỷ đồng"),
                    (2, "EXPORTS", "Kim ngạch xuất khẩu hàng hóa", "triệu USD"),
                    (3, "IMPORTS", "Kim ngạch nhập khẩu hàng hóa", "triệu USD"),
                    (4, "GRDP_GROWTH", "Tốc độ tăng trưởng GRDP", "%"),
                ]
                .into_iter()
                .map(|(id, code, name, measure)| {
                    giamsat_core::Record::Indicator(Indicator {
                        id: IndicatorId(id),
                        code: giamsat_core::IndicatorCode::parse(code).expect("code"),
                        name: giamsat_core::Translations::vi(name),
                        measure: giamsat_core::Translations::vi(measure),
                        decimals: 1,
                        direction: giamsat_core::Direction::HigherIsBetter,
                        across_units: giamsat_core::AcrossUnits::Sum,
                        over_time: giamsat_core::OverTime::Flow,
                        same_period_base: None,
                        provenance: provenance(),
                    })
                }),
            );
        engine.apply_batch(records).expect("applied");
        engine
    }

    /// The unit the figure at the first character of `marker` in `text` is offered with.
    fn unit_at(engine: &Engine, text: &str, marker: &str) -> Option<u32> {
        let at = text.find(marker).expect("marker");
        let end = text[..at].chars().count() + marker.chars().count();
        Mentions::in_text(engine, text).unit_for(end).map(|u| u.0)
    }

    #[test]
    fn a_figure_is_offered_the_unit_named_last_before_it_else_the_most_named() {
        let engine = engine();
        let text = "UBND TỈNH NGHỆ AN\nBáo cáo. Tổng mức bán lẻ đạt 100 tỷ đồng. Tại phường \
                    Trường Vinh đạt 20 tỷ đồng. Tỉnh Bắc Ninh đạt 30 tỷ đồng. Nhân dân mong \
                    hòa bình, 40 tỷ đồng. Việt Nam đạt 50 tỷ đồng.";
        assert_eq!(
            unit_at(&engine, text, "100 tỷ"),
            Some(5),
            "the heading's province"
        );
        assert_eq!(
            unit_at(&engine, text, "20 tỷ"),
            Some(6),
            "a commune, whole name"
        );
        // The present Bắc Ninh, never the former one of the same name.
        assert_eq!(unit_at(&engine, text, "30 tỷ"), Some(3));
        // "hòa bình" is peace, not the former province: still Bắc Ninh.
        assert_eq!(unit_at(&engine, text, "40 tỷ"), Some(3));
        assert_eq!(unit_at(&engine, text, "50 tỷ"), Some(1));
        // Before any name, the one named most; none when the text names none.
        let most = "Đạt 10 tỷ đồng. Hà Tĩnh, Nghệ An, Hà Tĩnh.";
        assert_eq!(unit_at(&engine, most, "10 tỷ"), Some(7));
        assert_eq!(unit_at(&engine, "Đạt 10 tỷ đồng.", "10 tỷ"), None);
        // A former province no unit in force is named after is still named.
        assert_eq!(unit_at(&engine, "Tỉnh Hòa Bình đạt 5 tỷ", "5 tỷ"), Some(4));
        // A commune's name borne by two: the one in the province the text names.
        let shared = "Hà Tĩnh: xã Tân Lập đạt 7 tỷ đồng.";
        assert_eq!(unit_at(&engine, shared, "7 tỷ"), Some(9));
        // Bodies are no administrative units: the department names its province only.
        assert_eq!(
            unit_at(&engine, "Sở Công Thương Nghệ An: 8 tỷ", "8 tỷ"),
            Some(5)
        );
    }

    #[test]
    fn a_subject_names_an_indicator_only_clearly_and_in_a_fitting_unit() {
        let engine = engine();
        let code = |subject: &str, unit: &str, scale: f64| {
            indicator_for(
                &engine,
                subject,
                Language::Vi,
                Measure::read(Some(unit), scale),
            )
            .and_then(|id| engine.indicator(id))
            .map(|i| i.code.to_string())
        };
        let found = |subject, unit, scale| code(subject, unit, scale).unwrap_or_default();
        assert_eq!(
            found("Tổng mức bán lẻ hàng hoá", "VND", 1e9),
            "RETAIL_SALES"
        );
        assert_eq!(found("kim ngạch xuất khẩu", "USD", 1e9), "EXPORTS");
        assert_eq!(
            found("Tỉnh Bắc Ninh có kim ngạch nhập khẩu hàng hóa", "USD", 1e6),
            "IMPORTS"
        );
        assert_eq!(found("tốc độ tăng trưởng GRDP", "%", 1.0), "GRDP_GROWTH");
        // Exports in đồng, or a percent, are no figure of exports in dollars.
        assert_eq!(code("Kim ngạch xuất khẩu hàng hóa", "VND", 1e9), None);
        assert_eq!(code("Tổng mức bán lẻ hàng hóa", "%", 1.0), None);
        // Neither exports nor imports more than the other; nothing like any.
        assert_eq!(code("Kim ngạch hàng hóa", "USD", 1e6), None);
        assert_eq!(
            code("Số doanh nghiệp thành lập mới", "enterprise", 1.0),
            None
        );
        assert_eq!(
            indicator_for(&engine, "Tổng mức bán lẻ hàng hóa", Language::Vi, None),
            None,
            "no unit read, nothing to check the indicator's against"
        );
    }

    #[test]
    fn words_keep_their_places_and_what_separates_them() {
        let words = words_of("Tỉnh Nghệ An. hòa bình\nHà Nội");
        let shown: Vec<(&str, usize, usize, bool, bool)> = words
            .iter()
            .map(|w| (w.folded.as_str(), w.start, w.end, w.capital, w.joined))
            .collect();
        assert_eq!(
            shown,
            [
                ("tinh", 0, 4, true, false),
                ("nghe", 5, 9, true, true),
                ("an", 10, 12, true, true),
                ("hoa", 14, 17, false, false),
                ("binh", 18, 22, false, true),
                ("ha", 23, 25, true, false),
                ("noi", 26, 29, true, true),
            ]
        );
    }
}
