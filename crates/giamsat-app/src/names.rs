//! Finding a unit, document, indicator or person from what a person typed: its code, its
//! whole name, or part of it, with or without diacritics ("Ha Long", "so cong thuong",
//! "Nghe"), a document's number as written ("215/KH-UBND", "Kế hoạch 215/KH-UBND", "KH 215").
//! One match is the answer; several are a [`Problem::AmbiguousName`] that names them, none a
//! [`Problem::NoneNamed`]. Where several match, those in the person's scope come first, then
//! the units that still exist: a former province (merged in 2025) is chosen only when asked
//! for as one, "Bắc Ninh (cũ)".

use giamsat_core::follow_up::person_key;
use giamsat_core::text::fold;
use giamsat_core::{
    DocumentId, DocumentKey, DocumentNumber, DocumentType, Engine, FollowUpId, IndicatorCode,
    IndicatorId, Unit, UnitCode, UnitId,
};

use crate::problem::{Problem, Thing};

/// At most this many candidates are named in an ambiguity.
const NAMED: usize = 5;

/// Words that, in brackets after a name, ask for the unit as it was before the 2025 reform.
const FORMER: [&str; 6] = ["cu", "former", "ancien", "ancienne", "truoc", "old"];

/// What a person typed, split into the words to match and what its brackets asked for.
struct Query {
    whole: String,
    words: Vec<String>,
    former: bool,
}

impl Query {
    fn new(text: &str) -> Query {
        let folded = fold(text);
        let (main, brackets) = match folded.split_once('(') {
            Some((main, rest)) => (main.trim().to_owned(), rest.trim_end_matches(')')),
            None => (folded.clone(), ""),
        };
        let bracket_words = words(brackets);
        let former = bracket_words.iter().any(|w| FORMER.contains(&w.as_str()));
        // What the brackets hold beside the marker (the parent's name) still narrows.
        let mut all = words(&main);
        all.extend(
            bracket_words
                .into_iter()
                .filter(|w| !FORMER.contains(&w.as_str()) && w != "tinh" && w != "province"),
        );
        Query {
            whole: main,
            words: all,
            former,
        }
    }

    /// Whether every word typed begins a word of `haystack` (a number must be whole) or is
    /// the initials of words that follow one another in it: offices write their bodies as
    /// "UBND" (Ủy ban nhân dân), "HĐND" (Hội đồng nhân dân), "SCT" (Sở Công Thương).
    fn within(&self, haystack: &[String]) -> bool {
        !self.words.is_empty()
            && self.words.iter().all(|w| {
                haystack.iter().any(|h| {
                    if w.bytes().all(|b| b.is_ascii_digit()) {
                        h == w
                    } else {
                        h.starts_with(w.as_str())
                    }
                }) || initials_of_a_run(w, haystack)
            })
    }
}

/// Whether `typed` is the initials of as many words following one another in `haystack`.
fn initials_of_a_run(typed: &str, haystack: &[String]) -> bool {
    let initials = typed.as_bytes();
    (2..=8).contains(&initials.len())
        && initials.iter().all(u8::is_ascii_alphabetic)
        && haystack.windows(initials.len()).any(|run| {
            run.iter()
                .zip(initials)
                .all(|(word, initial)| word.as_bytes().first() == Some(initial))
        })
}

/// The folded words of `text`, split at anything not a letter or digit.
pub(crate) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The units of the person's scope (the units their grants are over); empty for no scope.
pub type Scope<'a> = &'a [UnitId];

/// The unit `text` names.
pub fn unit(engine: &Engine, scope: Scope<'_>, text: &str) -> Result<UnitId, Problem> {
    let text = text.trim();
    if let Ok(code) = UnitCode::parse(text)
        && let Some(unit) = engine.unit_by_code(&code)
    {
        return Ok(unit.id);
    }
    let query = Query::new(text);
    let own = |u: &Unit| translation_words(&u.name);
    let exact: Vec<&Unit> = engine
        .units()
        .filter(|u| !query.whole.is_empty() && u.name.matches_folded(&query.whole))
        .collect();
    let tiers = [
        exact,
        engine.units().filter(|u| query.within(&own(u))).collect(),
        engine
            .units()
            .filter(|u| {
                let mut all = own(u);
                if let Some(parent) = u.parent.and_then(|p| engine.unit(p)) {
                    all.extend(translation_words(&parent.name));
                }
                query.within(&all)
            })
            .collect(),
    ];
    let found = tiers
        .into_iter()
        .find(|t: &Vec<&Unit>| !t.is_empty())
        .unwrap_or_default();
    let found = prefer(found, |u| {
        scope
            .iter()
            .any(|s| giamsat_core::access::is_under(engine, u.id, *s))
    });
    let found: Vec<&Unit> = if query.former {
        found.into_iter().filter(|u| u.valid_to.is_some()).collect()
    } else {
        prefer(found, |u| u.valid_to.is_none())
    };
    // "Nghe" is Nghệ An rather than every body whose name ends in Nghệ An: of the units the
    // words begin, those with the fewest other words.
    let fewest = found.iter().map(|u| own(u).len()).min().unwrap_or(0);
    let found = prefer(found, |u| own(u).len() == fewest);
    one(
        found,
        Thing::Unit,
        text,
        |u| unit_label(engine, u),
        |u| u.id,
    )
}

/// A unit's name with what tells it apart: its parent's name after " — ", and "(cũ)" for a
/// unit that no longer exists. Typed back, it finds that unit.
pub fn unit_label(engine: &Engine, unit: &Unit) -> String {
    label_of(engine, unit, engine.unit_name_is_shared(unit))
}

/// The labels of `units` as [`unit_label`] makes them.
pub fn unit_labels(engine: &Engine, units: &[&Unit]) -> Vec<String> {
    units.iter().map(|u| unit_label(engine, u)).collect()
}

fn label_of(engine: &Engine, unit: &Unit, shared: bool) -> String {
    let name = unit.name.get(giamsat_core::Language::Vi);
    let mut label = name.to_owned();
    if shared && let Some(parent) = unit.parent.and_then(|p| engine.unit(p)) {
        label.push_str(" — ");
        label.push_str(parent.name.get(giamsat_core::Language::Vi));
    }
    if unit.valid_to.is_some() {
        label.push_str(" (cũ)");
    }
    label
}

/// The indicator `text` names.
pub fn indicator(engine: &Engine, text: &str) -> Result<IndicatorId, Problem> {
    let text = text.trim();
    if let Ok(code) = IndicatorCode::parse(text)
        && let Some(indicator) = engine.indicator_by_code(&code)
    {
        return Ok(indicator.id);
    }
    let query = Query::new(text);
    let mut found: Vec<_> = engine
        .indicators()
        .filter(|i| !query.whole.is_empty() && i.name.matches_folded(&query.whole))
        .collect();
    if found.is_empty() {
        found = engine
            .indicators()
            .filter(|i| query.within(&translation_words(&i.name)))
            .collect();
    }
    one(
        found,
        Thing::Indicator,
        text,
        |i| i.name.get(giamsat_core::Language::Vi).to_owned(),
        |i| i.id,
    )
}

/// The document `text` names: its key, its number in any spelling (with words before it,
/// "Kế hoạch 215/KH-UBND"), its type and number ("KH 215"), or words of its title.
pub fn document(engine: &Engine, scope: Scope<'_>, text: &str) -> Result<DocumentId, Problem> {
    let text = text.trim();
    if let Ok(key) = DocumentKey::parse(text)
        && let [one] = engine.documents_by_key(&key).as_slice()
    {
        return Ok(one.id);
    }
    let number = text
        .split_whitespace()
        .rev()
        .find_map(|w| DocumentNumber::parse(w).ok())
        .map(|n| n.to_string());
    let mut found: Vec<_> = match &number {
        Some(n) => engine
            .documents()
            .filter(|d| d.number.as_deref() == Some(n.as_str()))
            .collect(),
        None => Vec::new(),
    };
    if found.is_empty() {
        let query = Query::new(text);
        found = engine
            .documents()
            .filter(|d| {
                let mut all = translation_words(&d.title);
                all.extend(words(d.number.as_deref().unwrap_or_default()));
                all.extend(type_words(d.doc_type));
                query.within(&all)
            })
            .collect();
    }
    let found = prefer(found, |d| {
        scope
            .iter()
            .any(|s| giamsat_core::access::is_under(engine, d.issued_by, *s))
    });
    one(
        found,
        Thing::Document,
        text,
        |d| document_label(engine, d),
        |d| d.id,
    )
}

/// A document as people name it: its number and title, or its title alone.
pub fn document_label(engine: &Engine, document: &giamsat_core::Document) -> String {
    let title = document.title(giamsat_core::Language::Vi);
    let label = match &document.number {
        Some(n) => format!("{n} — {title}"),
        None => title.to_owned(),
    };
    match engine.unit(document.issued_by) {
        Some(issuer)
            if engine
                .documents()
                .any(|d| d.id != document.id && d.number == document.number) =>
        {
            format!("{label} ({})", issuer.name.get(giamsat_core::Language::Vi))
        }
        _ => label,
    }
}

/// The person `text` names: the whole name in any spelling, or part of it.
pub fn person(engine: &Engine, text: &str) -> Result<FollowUpId, Problem> {
    let text = text.trim();
    let book = engine.follow_up();
    if let Some(p) = book.person_named(text) {
        return Ok(p.id);
    }
    let query = Query::new(text);
    let found: Vec<_> = book
        .people()
        .filter(|p| query.within(&words(&p.name)))
        .collect();
    // Two spellings of one name are one person: a key shared by all is one answer.
    if let Some(first) = found.first()
        && found
            .iter()
            .all(|p| person_key(&p.name) == person_key(&first.name))
    {
        return Ok(first.id);
    }
    one(found, Thing::Person, text, |p| p.name.clone(), |p| p.id)
}

/// The type's abbreviation and its names, as people put them before a number.
pub(crate) fn type_words(doc_type: DocumentType) -> Vec<String> {
    let vi = match doc_type {
        DocumentType::Resolution => "nghị quyết",
        DocumentType::Decision => "quyết định",
        DocumentType::Conclusion => "kết luận",
        DocumentType::Directive => "chỉ thị",
        DocumentType::Plan => "kế hoạch",
        DocumentType::Notice => "thông báo",
        DocumentType::Guidance => "hướng dẫn",
        DocumentType::Report => "báo cáo",
        DocumentType::Programme => "chương trình",
        DocumentType::Decree => "nghị định",
        DocumentType::Circular => "thông tư",
    };
    words(&format!("{} {} {vi}", doc_type.code(), doc_type.name_en()))
}

fn translation_words(t: &giamsat_core::Translations) -> Vec<String> {
    giamsat_core::Language::ALL
        .iter()
        .filter_map(|l| t.exact(*l))
        .flat_map(words)
        .collect()
}

/// Those of `found` that `better` picks, when it picks any; all of them otherwise.
fn prefer<T>(found: Vec<T>, better: impl Fn(&T) -> bool) -> Vec<T> {
    if found.iter().any(&better) {
        found.into_iter().filter(|t| better(t)).collect()
    } else {
        found
    }
}

fn one<T, Id>(
    found: Vec<T>,
    thing: Thing,
    text: &str,
    label: impl Fn(&T) -> String,
    id: impl Fn(&T) -> Id,
) -> Result<Id, Problem> {
    match found.as_slice() {
        [one] => Ok(id(one)),
        [] => Err(Problem::NoneNamed {
            thing,
            text: text.to_owned(),
        }),
        many => {
            let mut names: Vec<String> = many.iter().take(NAMED).map(&label).collect();
            if many.len() > NAMED {
                names.push("…".into());
            }
            Err(Problem::AmbiguousName {
                thing,
                text: text.to_owned(),
                candidates: names.join("; "),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use giamsat_core::{Record, Translations, UnitKind};

    fn unit(id: u32, code: &str, name: &str, parent: Option<u32>, former: bool) -> Record {
        Record::Unit(Unit {
            id: UnitId(id),
            code: UnitCode::parse(code).expect("code"),
            kind: if parent.is_some() {
                UnitKind::Department
            } else {
                UnitKind::Locality
            },
            name: Translations::vi(name),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: former.then_some(time::macros::date!(2025 - 06 - 30)),
            provenance: giamsat_core::Provenance {
                source: "test".into(),
                recorded_by: "test".into(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        })
    }

    fn engine() -> Engine {
        Engine::from_records([
            unit(1, "22", "Quảng Ninh", None, false),
            unit(2, "40", "Nghệ An", None, false),
            unit(3, "27", "Bắc Ninh", None, true),
            unit(4, "24-2025", "Bắc Ninh", None, false),
            unit(5, "22-SCT", "Sở Công Thương", Some(1), false),
            unit(6, "40-SCT", "Sở Công Thương", Some(2), false),
            unit(7, "22-HL", "Phường Hạ Long", Some(1), false),
            unit(8, "40-UBND", "Ủy ban nhân dân tỉnh Nghệ An", Some(2), false),
        ])
        .expect("engine")
    }

    fn named(engine: &Engine, scope: &[UnitId], text: &str) -> Result<String, Problem> {
        super::unit(engine, scope, text).map(|id| engine.unit(id).expect("unit").code.to_string())
    }

    #[test]
    fn finds_units_by_part_of_their_names() {
        let e = engine();
        assert_eq!(named(&e, &[], "Nghe"), Ok("40".into()));
        assert_eq!(named(&e, &[], "uy ban nhan dan nghe"), Ok("40-UBND".into()));
        assert_eq!(named(&e, &[], "quang ninh"), Ok("22".into()));
        assert_eq!(named(&e, &[], "Ha Long"), Ok("22-HL".into()));
        assert_eq!(named(&e, &[], "22"), Ok("22".into()));
        assert_eq!(named(&e, &[], "Bắc Ninh"), Ok("24-2025".into()));
        assert_eq!(named(&e, &[], "Bac Ninh (cũ)"), Ok("27".into()));
        assert_eq!(
            named(&e, &[UnitId(1)], "so cong thuong"),
            Ok("22-SCT".into())
        );
        assert_eq!(
            named(&e, &[], "Sở Công Thương — Nghệ An"),
            Ok("40-SCT".into())
        );
    }

    #[test]
    fn finds_bodies_by_the_initials_offices_write_them_with() {
        let e = engine();
        assert_eq!(named(&e, &[], "UBND tỉnh Nghệ An"), Ok("40-UBND".into()));
        assert_eq!(named(&e, &[], "ubnd nghe an"), Ok("40-UBND".into()));
        assert_eq!(named(&e, &[UnitId(2)], "SCT"), Ok("40-SCT".into()));
        assert_eq!(named(&e, &[], "SCT Quảng Ninh"), Ok("22-SCT".into()));
        // Initials name words in their order, not any words of the name.
        assert!(matches!(
            named(&e, &[], "DNBU Nghệ An"),
            Err(Problem::NoneNamed { .. })
        ));
    }

    #[test]
    fn says_which_ones_when_a_name_is_shared_and_when_none_is() {
        let e = engine();
        match named(&e, &[], "so cong thuong") {
            Err(Problem::AmbiguousName { candidates, .. }) => {
                assert!(
                    candidates.contains("Sở Công Thương — Quảng Ninh"),
                    "{candidates}"
                );
                assert!(
                    candidates.contains("Sở Công Thương — Nghệ An"),
                    "{candidates}"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            named(&e, &[], "Hà Giang"),
            Err(Problem::NoneNamed {
                thing: Thing::Unit,
                ..
            })
        ));
        // Every label a list offers reads back to its unit.
        let all: Vec<&Unit> = e.units().collect();
        for (u, label) in all.iter().zip(unit_labels(&e, &all)) {
            assert_eq!(label, unit_label(&e, u));
        }
        for u in e.units() {
            assert_eq!(
                super::unit(&e, &[], &unit_label(&e, u)),
                Ok(u.id),
                "{}",
                unit_label(&e, u)
            );
        }
    }
}
