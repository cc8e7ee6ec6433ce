//! Search (*tìm kiếm*) across units, documents, targets, tasks, working sessions and people,
//! as people type: part of a name, with or without diacritics ("so cong thuong", "Ha Long"),
//! a document's number as written ("215/KH-UBND"). Every word typed must begin a word of what
//! is found (a number must be whole), the words folded as [`crate::names`] folds them.
//!
//! The folded words are kept in an [`Index`] built once per state of the engine's names
//! (`Engine::names_version`) and shared by every search until a write names something new
//! (figures do not): a search folds only what was typed. A target has no words of its own: it is found through
//! its indicator, its unit and its document, each matched once per search, so a country's
//! targets cost one pass of bit masks.

use std::collections::HashMap;

use giamsat_core::access::{Grant, may_read_follow_up};
use giamsat_core::follow_up::person_key;
use giamsat_core::{DocumentId, Engine, FollowUpId, Language, TargetId, Translations, UnitId};

use crate::names::{type_words, words};

/// The longest text searched for, in characters; a longer one is cut there.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most words of a query that are matched (each one narrows).
const MAX_WORDS: usize = 16;
/// The most results of one kind a search returns.
pub const MAX_LIMIT: usize = 50;

/// What a search finds, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Unit,
    Document,
    Target,
    Task,
    Session,
    Person,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Unit,
        Kind::Document,
        Kind::Target,
        Kind::Task,
        Kind::Session,
        Kind::Person,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unit => "unit",
            Kind::Document => "document",
            Kind::Target => "target",
            Kind::Task => "task",
            Kind::Session => "session",
            Kind::Person => "person",
        }
    }
}

/// One thing found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Unit(UnitId),
    Document(DocumentId),
    Target(TargetId),
    Task(FollowUpId),
    Session(FollowUpId),
    Person(FollowUpId),
}

/// The results of one kind: the best `limit` of them and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Folded words, each preceded by a space (" so cong thuong 22 sct"), so that "begins a
/// word" is one substring search.
#[derive(Debug, Default)]
struct Words(String);

impl Words {
    fn of<'a>(parts: impl IntoIterator<Item = &'a str>) -> Words {
        let mut out = String::new();
        for part in parts {
            for w in words(part) {
                out.push(' ');
                out.push_str(&w);
            }
        }
        Words(out)
    }

    fn of_translations(t: &Translations) -> Words {
        Words::of(Language::ALL.iter().filter_map(|l| t.exact(*l)))
    }

    /// Bit `i` set when the query's word `i` begins one of these words.
    fn mask(&self, query: &Query) -> u32 {
        let mut mask = 0;
        for (i, (needle, whole)) in query.needles.iter().enumerate() {
            let hay = self.0.as_str();
            let found = hay.match_indices(needle.as_str()).any(|(at, _)| {
                !*whole
                    || hay
                        .as_bytes()
                        .get(at + needle.len())
                        .is_none_or(|b| *b == b' ')
            });
            if found {
                mask |= 1 << i;
            }
        }
        mask
    }

    fn count(&self) -> usize {
        self.0.matches(' ').count()
    }
}

/// What was typed: its words, each with a space before it and whether it must be whole.
struct Query {
    needles: Vec<(String, bool)>,
    /// The words in the order typed (" ha long"), which a name holding them so ranks first.
    phrase: String,
    key: String,
}

impl Query {
    fn new(text: &str) -> Query {
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let mut needles: Vec<(String, bool)> = Vec::new();
        for w in words(&text) {
            let needle = (format!(" {w}"), w.bytes().all(|b| b.is_ascii_digit()));
            if !needles.contains(&needle) && needles.len() < MAX_WORDS {
                needles.push(needle);
            }
        }
        Query {
            phrase: needles.iter().map(|(n, _)| n.as_str()).collect(),
            needles,
            key: person_key(&text),
        }
    }

    fn all(&self) -> u32 {
        (1u32 << self.needles.len()) - 1
    }
}

struct UnitEntry {
    id: UnitId,
    words: Words,
    parent: Option<usize>,
    former: bool,
}

struct DocumentEntry {
    id: DocumentId,
    /// The number's words apart, so that a number typed whole ranks its document first.
    number: Words,
    words: Words,
}

struct TargetEntry {
    id: TargetId,
    indicator: u32,
    unit: u32,
    document: u32,
}

struct TaskEntry {
    id: FollowUpId,
    words: Words,
    units: Vec<UnitId>,
    lead: u32,
}

struct SessionEntry {
    id: FollowUpId,
    words: Words,
    body: u32,
    unit: u32,
    date: time::Date,
}

struct PersonEntry {
    id: FollowUpId,
    words: Words,
    key: String,
}

/// The folded words of everything searchable, as the engine held them at its `names_version`.
pub struct Index {
    version: u64,
    units: Vec<UnitEntry>,
    indicators: Vec<Words>,
    documents: Vec<DocumentEntry>,
    targets: Vec<TargetEntry>,
    tasks: Vec<TaskEntry>,
    sessions: Vec<SessionEntry>,
    people: Vec<PersonEntry>,
}

/// Where something is in the index's list of units (or of documents, indicators), as `u32`.
fn place<K: std::hash::Hash + Eq>(map: &HashMap<K, usize>, key: &K) -> u32 {
    map.get(key)
        .and_then(|i| u32::try_from(*i).ok())
        .unwrap_or(u32::MAX)
}

impl Index {
    /// Folds the words of everything the engine holds.
    pub fn build(engine: &Engine) -> Index {
        let unit_at: HashMap<UnitId, usize> =
            engine.units().enumerate().map(|(i, u)| (u.id, i)).collect();
        let units = engine
            .units()
            .map(|u| {
                let mut words = Words::of_translations(&u.name);
                words.0.push_str(&Words::of([u.code.as_str()]).0);
                UnitEntry {
                    id: u.id,
                    words,
                    parent: u.parent.and_then(|p| unit_at.get(&p).copied()),
                    former: u.valid_to.is_some(),
                }
            })
            .collect();
        let indicator_at: HashMap<_, usize> = engine
            .indicators()
            .enumerate()
            .map(|(i, x)| (x.id, i))
            .collect();
        let indicators = engine
            .indicators()
            .map(|i| {
                let mut words = Words::of_translations(&i.name);
                words.0.push_str(&Words::of([i.code.as_str()]).0);
                words
            })
            .collect();
        let document_at: HashMap<_, usize> = engine
            .documents()
            .enumerate()
            .map(|(i, d)| (d.id, i))
            .collect();
        let documents = engine
            .documents()
            .map(|d| {
                let number = Words::of(d.number.as_deref());
                let mut words = Words::of_translations(&d.title);
                words.0.push_str(&Words::of([d.key.as_str()]).0);
                for w in type_words(d.doc_type) {
                    words.0.push(' ');
                    words.0.push_str(&w);
                }
                DocumentEntry {
                    id: d.id,
                    number,
                    words,
                }
            })
            .collect();
        let targets = engine
            .targets()
            .map(|t| TargetEntry {
                id: t.id,
                indicator: place(&indicator_at, &t.indicator),
                unit: place(&unit_at, &t.unit),
                document: place(&document_at, &t.document),
            })
            .collect();
        let book = engine.follow_up();
        let tasks = book
            .tasks_where(time::Date::MIN, |_| true)
            .iter()
            .map(|v| TaskEntry {
                id: v.task.id,
                words: Words::of([v.task.title.as_str()]),
                units: std::iter::once(v.task.lead)
                    .chain(v.task.co_owners.iter().copied())
                    .collect(),
                lead: place(&unit_at, &v.task.lead),
            })
            .collect();
        let sessions = book
            .sessions()
            .map(|s| SessionEntry {
                id: s.id,
                words: Words::of([s.place.as_str()]),
                body: place(&unit_at, &s.body),
                unit: place(&unit_at, &s.unit),
                date: s.date,
            })
            .collect();
        let people = book
            .people()
            .map(|p| PersonEntry {
                id: p.id,
                words: Words::of([p.name.as_str()]),
                key: person_key(&p.name),
            })
            .collect();
        Index {
            version: engine.names_version(),
            units,
            indicators,
            documents,
            targets,
            tasks,
            sessions,
            people,
        }
    }

    /// The engine's `names_version` the index was built at.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// What `text` finds, at most `limit` of each kind, grouped by kind; kinds with nothing
    /// found are left out. Tasks and sessions are those `grants` may read (`None`: the
    /// system, which reads everything); `engine` answers where units stand in the tree.
    pub fn search(
        &self,
        engine: &Engine,
        grants: Option<&[Grant]>,
        text: &str,
        limit: usize,
    ) -> Vec<Group> {
        let query = Query::new(text);
        if query.needles.is_empty() {
            return Vec::new();
        }
        let all = query.all();
        let limit = limit.clamp(1, MAX_LIMIT);
        let own: Vec<u32> = self.units.iter().map(|u| u.words.mask(&query)).collect();
        let unit_mask = |at: u32| own.get(at as usize).copied().unwrap_or(0);
        let readable =
            |units: &[UnitId]| grants.is_none_or(|g| may_read_follow_up(engine, g, units));
        let mut groups = Vec::new();

        // Units: by their own names first, those holding the words in the order typed first
        // ("Hạ Long" before "Long Hà"), then with their parent's ("Sở Công Thương Nghệ An");
        // units that still exist before former ones; shorter names first.
        let mut found: Vec<(u8, bool, usize, usize)> = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            let tier = if own[i] == all && u.words.0.contains(query.phrase.as_str()) {
                0
            } else if own[i] == all {
                1
            } else if u.parent.is_some_and(|p| own[i] | own[p] == all) {
                2
            } else {
                continue;
            };
            found.push((tier, u.former, u.words.count(), i));
        }
        found.sort_unstable();
        groups.push(group(Kind::Unit, &found, limit, |f| {
            Hit::Unit(self.units[f.3].id)
        }));

        // Documents: those whose number is what was typed first, newest first.
        let mut found: Vec<(u8, std::cmp::Reverse<DocumentId>)> = Vec::new();
        let mut numbers: Vec<u32> = Vec::with_capacity(self.documents.len());
        for d in &self.documents {
            let number = d.number.mask(&query);
            numbers.push(number);
            if number == all {
                found.push((0, std::cmp::Reverse(d.id)));
            } else if number | d.words.mask(&query) == all {
                found.push((1, std::cmp::Reverse(d.id)));
            }
        }
        found.sort_unstable();
        groups.push(group(Kind::Document, &found, limit, |f| {
            Hit::Document(f.1.0)
        }));

        // Targets: every word in the indicator's name, the unit's or the document's number;
        // those whose unit's name holds more of the words first ("ban le ha long": Hạ Long's
        // before a Long Phú whose "ha" came from "hàng hóa").
        let indicators: Vec<u32> = self.indicators.iter().map(|w| w.mask(&query)).collect();
        let mut found: Vec<(std::cmp::Reverse<u32>, TargetId)> = self
            .targets
            .iter()
            .filter_map(|t| {
                let i = indicators.get(t.indicator as usize).copied().unwrap_or(0);
                let d = numbers.get(t.document as usize).copied().unwrap_or(0);
                let u = unit_mask(t.unit);
                (i | u | d == all).then_some((std::cmp::Reverse(u.count_ones()), t.id))
            })
            .collect();
        found.sort_unstable();
        groups.push(group(Kind::Target, &found, limit, |f| Hit::Target(f.1)));

        let found: Vec<FollowUpId> = self
            .tasks
            .iter()
            .filter(|t| t.words.mask(&query) | unit_mask(t.lead) == all)
            .filter(|t| readable(&t.units))
            .map(|t| t.id)
            .collect();
        groups.push(group(Kind::Task, &found, limit, |id| Hit::Task(*id)));

        let mut found: Vec<(std::cmp::Reverse<time::Date>, FollowUpId)> = self
            .sessions
            .iter()
            .filter(|s| s.words.mask(&query) | unit_mask(s.unit) | unit_mask(s.body) == all)
            .filter(|s| {
                let units: Vec<UnitId> = [s.unit, s.body]
                    .iter()
                    .filter_map(|at| self.units.get(*at as usize).map(|u| u.id))
                    .collect();
                readable(&units)
            })
            .map(|s| (std::cmp::Reverse(s.date), s.id))
            .collect();
        found.sort_unstable();
        groups.push(group(Kind::Session, &found, limit, |f| Hit::Session(f.1)));

        // People: every word, or the name whole with its syllables split or joined.
        let mut found: Vec<(u8, FollowUpId)> = self
            .people
            .iter()
            .filter_map(|p| {
                if p.key == query.key {
                    Some((0, p.id))
                } else if p.words.mask(&query) == all
                    || (query.key.len() > 3 && p.key.contains(&query.key))
                {
                    Some((1, p.id))
                } else {
                    None
                }
            })
            .collect();
        found.sort_unstable();
        groups.push(group(Kind::Person, &found, limit, |f| Hit::Person(f.1)));

        groups.retain(|g| g.total > 0);
        groups
    }
}

fn group<T>(kind: Kind, found: &[T], limit: usize, hit: impl Fn(&T) -> Hit) -> Group {
    Group {
        kind,
        hits: found.iter().take(limit).map(hit).collect(),
        total: found.len(),
    }
}

#[cfg(test)]
mod tests {
    use giamsat_core::access::{Grant, Role};
    use giamsat_core::{Engine, UnitCode};
    use giamsat_store::SqlStore;

    use super::{Hit, Index, Kind};
    use crate::{Actor, App};

    async fn demo() -> (tempfile::TempDir, App<SqlStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let store = SqlStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("tester")).await.expect("demo");
        (dir, app)
    }

    /// What a search finds of one kind, each as people read it.
    fn named(
        engine: &Engine,
        index: &Index,
        grants: Option<&[Grant]>,
        text: &str,
        kind: Kind,
    ) -> Vec<String> {
        let book = engine.follow_up();
        index
            .search(engine, grants, text, 50)
            .into_iter()
            .filter(|g| g.kind == kind)
            .flat_map(|g| g.hits)
            .filter_map(|h| match h {
                Hit::Unit(id) => engine.unit(id).map(|u| u.code.to_string()),
                Hit::Document(id) => engine.document(id).map(|d| d.key.to_string()),
                Hit::Target(id) => engine.target(id).map(|t| {
                    let code = |u| {
                        engine
                            .unit(u)
                            .map(|u| u.code.to_string())
                            .unwrap_or_default()
                    };
                    let ind = engine.indicator(t.indicator).map(|i| i.code.to_string());
                    format!("{} {}", ind.unwrap_or_default(), code(t.unit))
                }),
                Hit::Task(id) => book.task(id).map(|t| t.title.clone()),
                Hit::Session(id) => book.session(id).map(|s| s.date.to_string()),
                Hit::Person(id) => book.person(id).map(|p| p.name.clone()),
            })
            .collect()
    }

    #[tokio::test]
    async fn finds_every_kind_without_diacritics_and_numbers_as_written() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let index = Index::build(&engine);
        let units = named(&engine, &index, None, "so cong thuong nghe an", Kind::Unit);
        assert_eq!(
            units.first().map(String::as_str),
            Some("40-SCT"),
            "{units:?}"
        );
        let units = named(&engine, &index, None, "SỞ CÔNG THƯƠNG", Kind::Unit);
        assert!(
            units.contains(&"40-SCT".to_owned()) && units.contains(&"S002-SCT".to_owned()),
            "{units:?}"
        );
        // Hạ Long's ward and Hà Long's commune hold the words in the order typed: before
        // Long Hà, Long Biên and the like.
        let units = named(&engine, &index, None, "Ha Long", Kind::Unit);
        let first: Vec<String> = units
            .iter()
            .take(2)
            .filter_map(|c| engine.unit_by_code(&UnitCode::parse(c).ok()?))
            .map(|u| giamsat_core::text::fold(u.name.get(giamsat_core::Language::Vi)))
            .collect();
        assert!(
            first.len() == 2 && first.iter().all(|n| n.ends_with(" ha long")),
            "{first:?}"
        );
        for written in ["21/NQ-TU", "21-NQ/TU", "nq 21", "Nghị quyết 21/NQ-TU"] {
            let docs = named(&engine, &index, None, written, Kind::Document);
            assert_eq!(
                docs.first().map(String::as_str),
                Some("21-NQ-TU-2022"),
                "{written}: {docs:?}"
            );
        }
        // A number is matched whole: 2 is not 21.
        assert!(named(&engine, &index, None, "2/NQ-TU", Kind::Document).is_empty());
        let targets = named(&engine, &index, None, "ban le nghe an", Kind::Target);
        assert!(
            targets.iter().any(|t| t == "RETAIL_SALES 40"),
            "{targets:?}"
        );
        let tasks = named(&engine, &index, None, "growth scenario", Kind::Task);
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        let sessions = named(
            &engine,
            &index,
            None,
            "so cong thuong nghe an",
            Kind::Session,
        );
        assert_eq!(sessions, vec!["2023-06-07".to_owned()]);
        let people = named(&engine, &index, None, "nguyen duc trung", Kind::Person);
        assert_eq!(people, vec!["Nguyen Duc Trung".to_owned()]);
        assert!(index.search(&engine, None, " - / ", 10).is_empty());
        assert!(index.search(&engine, None, "zzqx", 10).is_empty());
    }

    #[tokio::test]
    async fn a_reader_finds_the_tasks_and_sessions_of_their_own_units_only() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let index = Index::build(&engine);
        let nghe_an = engine
            .unit_by_code(&UnitCode::parse("40").expect("code"))
            .expect("40")
            .id;
        let viewer = [Grant::over(Role::Viewer, nghe_an)];
        let everyone = named(&engine, &index, None, "so cong thuong", Kind::Task);
        let own = named(&engine, &index, Some(&viewer), "so cong thuong", Kind::Task);
        assert!(
            own.len() == 4 && everyone.len() > own.len(),
            "{own:?} of {everyone:?}"
        );
        assert_eq!(
            named(
                &engine,
                &index,
                Some(&viewer),
                "so cong thuong",
                Kind::Session
            )
            .len(),
            1
        );
        assert!(named(&engine, &index, Some(&[]), "so cong thuong", Kind::Task).is_empty());
        // Units, documents and targets are read by everyone signed in.
        assert!(!named(&engine, &index, Some(&viewer), "21/NQ-TU", Kind::Document).is_empty());
    }

    /// A country's targets: one per commune of 2025 and indicator of the demo. Prints how
    /// long building the index and searching take (a debug build; see the report).
    #[tokio::test]
    async fn a_country_of_targets_is_searched_through_masks() {
        use giamsat_core::{Comparator, Period, Record, Target, TargetId, UnitKind};
        let (_dir, app) = demo().await;
        let mut engine = app.engine().clone();
        let document = engine.documents().next().expect("a document").id;
        let indicators: Vec<_> = engine.indicators().map(|i| i.id).collect();
        let communes: Vec<_> = engine
            .units()
            .filter(|u| {
                u.kind == UnitKind::Locality
                    && u.parent
                        .and_then(|p| engine.unit(p))
                        .is_some_and(|p| p.kind == UnitKind::Locality)
            })
            .map(|u| u.id)
            .collect();
        let mut next = engine.targets().map(|t| t.id.0).max().unwrap_or(0);
        let provenance = engine
            .targets()
            .next()
            .expect("a target")
            .provenance
            .clone();
        for unit in &communes {
            for indicator in &indicators {
                next += 1;
                engine
                    .apply(Record::Target(Target {
                        id: TargetId(next),
                        document,
                        indicator: *indicator,
                        unit: *unit,
                        period: "2026".parse::<Period>().expect("period"),
                        value: 1.0,
                        comparator: Comparator::AtLeast,
                        baseline: None,
                        provenance: provenance.clone(),
                    }))
                    .expect("target");
            }
        }
        let targets = engine.targets().count();
        assert!(targets > 30_000, "{targets}");
        let started = std::time::Instant::now();
        let index = Index::build(&engine);
        let built = started.elapsed();
        let started = std::time::Instant::now();
        let found = index.search(&engine, None, "ban le ha long", 20);
        let searched = started.elapsed();
        let total = |kind| found.iter().find(|g| g.kind == kind).map_or(0, |g| g.total);
        // "ha" also begins "hàng" of the indicator's name, so every commune with "Long" in
        // its name is found; those named Hạ Long (or Hà Long) come first.
        assert!(total(Kind::Target) >= 1, "{found:?}");
        let first = found
            .iter()
            .find(|g| g.kind == Kind::Target)
            .and_then(|g| g.hits.first().copied());
        let Some(Hit::Target(first)) = first else {
            panic!("{found:?}")
        };
        let unit = engine
            .target(first)
            .and_then(|t| engine.unit(t.unit))
            .expect("unit");
        assert!(
            giamsat_core::text::fold(unit.name.get(giamsat_core::Language::Vi))
                .ends_with("ha long"),
            "{:?}",
            unit.name
        );
        let started = std::time::Instant::now();
        let broad = index.search(&engine, None, "xa", 20);
        let broad_time = started.elapsed();
        assert!(
            broad
                .iter()
                .any(|g| g.kind == Kind::Target && g.total > 10_000)
        );
        println!(
            "{targets} targets, {} units: index built in {built:?}, \"ban le ha long\" in {searched:?}, \"xa\" in {broad_time:?}",
            engine.units().count()
        );
    }

    #[tokio::test]
    async fn a_search_after_a_write_finds_what_was_written() {
        let (_dir, app) = demo().await;
        let before = app.search(None, "Phuong Moi Tinh", 10);
        assert!(before.is_empty());
        let input = crate::input::UnitInput {
            code: Some("40-PMT".into()),
            kind: Some("department".into()),
            parent: Some("40".into()),
            name_vi: Some("Phòng Mới Tính".into()),
            ..Default::default()
        };
        app.create(&Actor::named("tester"), &input, "test")
            .await
            .expect("unit");
        let after = app.search(None, "phong moi tinh", 10);
        assert_eq!(
            after.first().map(|g| (g.kind, g.total)),
            Some((Kind::Unit, 1))
        );
    }
}
