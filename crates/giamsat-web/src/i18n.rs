//! Interface strings in Vietnamese, English and French, from Fluent files compiled into the
//! binary (`locales/<lang>/core.ftl` for the interface, `problems.ftl` for what is wrong with a
//! field), and the choice of the reader's language.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use giamsat_app::{Problem, ProblemArg, Thing};
use giamsat_core::text::Language;
use giamsat_core::{Period, PeriodKind};

/// The Fluent sources, by language: each language's files, joined as one resource.
pub const SOURCES: [(Language, &[&str]); 3] = [
    (
        Language::Vi,
        &[
            include_str!("../locales/vi/core.ftl"),
            include_str!("../locales/vi/problems.ftl"),
            include_str!("../locales/vi/reports.ftl"),
            include_str!("../locales/vi/records.ftl"),
            include_str!("../locales/vi/office.ftl"),
            include_str!("../locales/vi/cycle.ftl"),
            include_str!("../locales/vi/exports.ftl"),
            include_str!("../locales/vi/imports.ftl"),
            include_str!("../locales/vi/map.ftl"),
            include_str!("../locales/vi/publish.ftl"),
            include_str!("../locales/vi/validation.ftl"),
            include_str!("../locales/vi/inbox.ftl"),
            include_str!("../locales/vi/search.ftl"),
            include_str!("../locales/vi/registry.ftl"),
            include_str!("../locales/vi/people.ftl"),
            include_str!("../locales/vi/review.ftl"),
            include_str!("../locales/vi/realplan.ftl"),
            include_str!("../locales/vi/national.ftl"),
        ],
    ),
    (
        Language::En,
        &[
            include_str!("../locales/en/core.ftl"),
            include_str!("../locales/en/problems.ftl"),
            include_str!("../locales/en/reports.ftl"),
            include_str!("../locales/en/records.ftl"),
            include_str!("../locales/en/office.ftl"),
            include_str!("../locales/en/cycle.ftl"),
            include_str!("../locales/en/exports.ftl"),
            include_str!("../locales/en/imports.ftl"),
            include_str!("../locales/en/map.ftl"),
            include_str!("../locales/en/publish.ftl"),
            include_str!("../locales/en/validation.ftl"),
            include_str!("../locales/en/inbox.ftl"),
            include_str!("../locales/en/search.ftl"),
            include_str!("../locales/en/registry.ftl"),
            include_str!("../locales/en/people.ftl"),
            include_str!("../locales/en/review.ftl"),
            include_str!("../locales/en/realplan.ftl"),
            include_str!("../locales/en/national.ftl"),
        ],
    ),
    (
        Language::Fr,
        &[
            include_str!("../locales/fr/core.ftl"),
            include_str!("../locales/fr/problems.ftl"),
            include_str!("../locales/fr/reports.ftl"),
            include_str!("../locales/fr/records.ftl"),
            include_str!("../locales/fr/office.ftl"),
            include_str!("../locales/fr/cycle.ftl"),
            include_str!("../locales/fr/exports.ftl"),
            include_str!("../locales/fr/imports.ftl"),
            include_str!("../locales/fr/map.ftl"),
            include_str!("../locales/fr/publish.ftl"),
            include_str!("../locales/fr/validation.ftl"),
            include_str!("../locales/fr/inbox.ftl"),
            include_str!("../locales/fr/search.ftl"),
            include_str!("../locales/fr/registry.ftl"),
            include_str!("../locales/fr/people.ftl"),
            include_str!("../locales/fr/review.ftl"),
            include_str!("../locales/fr/realplan.ftl"),
            include_str!("../locales/fr/national.ftl"),
        ],
    ),
];

pub struct I18n {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

#[derive(Debug, thiserror::Error)]
#[error("locales/{language}: {message}")]
pub struct I18nError {
    language: Language,
    message: String,
}

/// An argument of a message: text, or a number that selects a plural or variant.
pub enum Arg {
    Text(String),
    Number(i64),
}

impl I18n {
    pub fn new() -> Result<I18n, I18nError> {
        let mut bundles = HashMap::new();
        for (language, sources) in SOURCES {
            let error = |message: String| I18nError { language, message };
            let resource = FluentResource::try_new(sources.join("\n"))
                .map_err(|(_, errors)| error(format!("{errors:?}")))?;
            let langid = language
                .code()
                .parse()
                .map_err(|e| error(format!("{e:?}")))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks would show up as stray characters in attributes and tables.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| error(format!("{errors:?}")))?;
            bundles.insert(language, bundle);
        }
        Ok(I18n { bundles })
    }

    /// Whether `language` has a message `id`.
    pub fn has(&self, language: Language, id: &str) -> bool {
        self.bundles
            .get(&language)
            .and_then(|b| b.get_message(id))
            .and_then(|m| m.value())
            .is_some()
    }

    /// The message `id` in `language`; the id itself if it is missing (a test forbids that).
    pub fn t(&self, language: Language, id: &str) -> String {
        self.t_args(language, id, &[])
    }

    pub fn t_args(&self, language: Language, id: &str, args: &[(&str, Arg)]) -> String {
        self.render(language, id, args).0
    }

    /// The message `id` with `args`, and whether it rendered whole: false when the message
    /// is missing or an argument it names was not given.
    fn render(&self, language: Language, id: &str, args: &[(&str, Arg)]) -> (String, bool) {
        let Some(bundle) = self.bundles.get(&language) else {
            return (id.to_owned(), false);
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(id, %language, "missing message");
            return (id.to_owned(), false);
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id, %language, ?errors, "message formatting errors");
        }
        (text.into_owned(), errors.is_empty())
    }

    /// What is wrong with a field, in the reader's language: the message `problem-<code>`
    /// with the problem's arguments; a thing or a document type among them is named in that
    /// language too.
    pub fn problem(&self, language: Language, problem: &Problem) -> String {
        self.render_problem(language, problem).0
    }

    fn render_problem(&self, language: Language, problem: &Problem) -> (String, bool) {
        let args: Vec<(&str, Arg)> = problem
            .args()
            .into_iter()
            .map(|(name, value)| {
                let arg = match (name, value) {
                    ("thing", ProblemArg::Text(code)) => {
                        Arg::Text(self.t(language, &format!("thing-{}", code.replace('_', "-"))))
                    }
                    ("doc_type", ProblemArg::Text(name)) => {
                        Arg::Text(self.t(language, &format!("doctype-{name}")))
                    }
                    // The reporting cycle's arguments are codes: a period, a report's state
                    // and a step, each said in the reader's language.
                    ("reporting_period", ProblemArg::Text(code)) => match code.parse() {
                        Ok(period) => Arg::Text(self.period(language, period)),
                        Err(_) => Arg::Text(code),
                    },
                    ("state", ProblemArg::Text(code)) => {
                        Arg::Text(self.t(language, &format!("cycle-state-{code}")))
                    }
                    ("action", ProblemArg::Text(code)) => {
                        Arg::Text(self.t(language, &format!("cycle-action-{code}")))
                    }
                    // A broken rule's figures are written as Rust writes numbers, to be
                    // said with the reader's separators and as many decimals as they have.
                    ("figure" | "bound", ProblemArg::Text(text)) => match text.parse::<f64>() {
                        Ok(value) => Arg::Text(giamsat_core::text::format_number(
                            value,
                            decimals_of(&text),
                            language,
                        )),
                        Err(_) => Arg::Text(text),
                    },
                    (_, ProblemArg::Text(text)) => Arg::Text(text),
                    (_, ProblemArg::Number(n)) => Arg::Number(n),
                };
                (name, arg)
            })
            .collect();
        self.render(language, &problem_id(problem), &args)
    }

    /// A kind of thing as a noun in the reader's language ("đơn vị", "working session").
    pub fn thing(&self, language: Language, thing: Thing) -> String {
        self.t(language, &thing_id(thing))
    }

    /// A period as a reader says it: "5 tháng đầu năm 2023", "First 5 months of 2023".
    pub fn period(&self, language: Language, period: Period) -> String {
        let start = period.start();
        let year = Arg::Text(start.year().to_string());
        let m = i64::from(start.month_of_year());
        match period.kind() {
            PeriodKind::Month => {
                let month_name = self.t(language, &format!("month-{m}"));
                self.t_args(
                    language,
                    "period-month",
                    &[
                        ("month", Arg::Number(m)),
                        ("month_name", Arg::Text(month_name)),
                        ("year", year),
                    ],
                )
            }
            PeriodKind::Quarter => {
                let quarter = (m - 1) / 3 + 1;
                let roman = ["I", "II", "III", "IV"][(quarter - 1) as usize % 4];
                self.t_args(
                    language,
                    "period-quarter",
                    &[
                        ("quarter", Arg::Number(quarter)),
                        ("roman", Arg::Text(roman.into())),
                        ("year", year),
                    ],
                )
            }
            PeriodKind::Half => self.t_args(
                language,
                "period-half",
                &[("half", Arg::Number((m - 1) / 6 + 1)), ("year", year)],
            ),
            PeriodKind::Year => self.t_args(language, "period-year", &[("year", year)]),
            PeriodKind::FirstMonths => self.t_args(
                language,
                "period-first-months",
                &[
                    ("months", Arg::Number(period.month_count().into())),
                    ("year", year),
                ],
            ),
            PeriodKind::Months => {
                let last = i64::from(period.end().month_of_year());
                let first_name = self.t(language, &format!("month-{m}"));
                let last_name = self.t(language, &format!("month-{last}"));
                self.t_args(
                    language,
                    "period-months",
                    &[
                        ("first", Arg::Number(m)),
                        ("last", Arg::Number(last)),
                        ("first_name", Arg::Text(first_name)),
                        ("last_name", Arg::Text(last_name)),
                        ("year", year),
                    ],
                )
            }
            PeriodKind::Term => self.t_args(
                language,
                "period-term",
                &[
                    ("from", year),
                    ("to", Arg::Text(period.end().year().to_string())),
                ],
            ),
        }
    }
}

/// The message id of a problem: `problem-unknown-unit` for `unknown_unit`.
pub fn problem_id(problem: &Problem) -> String {
    format!("problem-{}", problem.code().replace('_', "-"))
}

/// The message id of a thing: `thing-evidence-file` for `evidence_file`.
pub fn thing_id(thing: Thing) -> String {
    format!("thing-{}", thing.as_str().replace('_', "-"))
}

/// The reader's language: an explicit choice (`?lang=`), else the remembered one (cookie
/// `lang`), else the first supported language of `Accept-Language`, else Vietnamese.
pub fn choose_language(
    query: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Language {
    if let Some(language) = query.or(cookie).and_then(|l| l.parse().ok()) {
        return language;
    }
    let mut ranked: Vec<(f32, Language)> = accept_language
        .unwrap_or("")
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let language: Language = pieces.next()?.trim().parse().ok()?;
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((quality, language))
        })
        .collect();
    // A stable sort keeps the header's order among equal qualities.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.first().map_or(Language::Vi, |(_, l)| *l)
}

/// Every message id of a Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let mut ids: Vec<String> = source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let first = id.chars().next()?;
            (first.is_ascii_alphabetic()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .then(|| id.to_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// How many decimals a number written by Rust shows (at most 6).
fn decimals_of(text: &str) -> u8 {
    let shown = text.split_once('.').map_or(0, |(_, d)| d.len());
    u8::try_from(shown.min(6)).unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_message() {
        let ids: Vec<(Language, Vec<String>)> = SOURCES
            .iter()
            .map(|(l, s)| (*l, message_ids(&s.join("\n"))))
            .collect();
        for (language, list) in &ids[1..] {
            assert_eq!(list, &ids[0].1, "{language} differs from vi");
        }
        assert!(ids[0].1.len() > 40);
        let i18n = I18n::new().expect("locales parse");
        // The problems' arguments, by name, with a value each (their own messages are
        // rendered with their own arguments in `every_problem_reads_in_every_language`).
        let mut problem_args: Vec<(&str, Arg)> = Vec::new();
        for problem in Problem::examples() {
            for (name, value) in problem.args() {
                if !problem_args.iter().any(|(n, _)| *n == name) {
                    problem_args.push((
                        name,
                        match value {
                            ProblemArg::Text(t) => Arg::Text(t),
                            ProblemArg::Number(n) => Arg::Number(n),
                        },
                    ));
                }
            }
        }
        for (language, list) in &ids {
            for id in list {
                let mut args = vec![
                    ("month", Arg::Number(5)),
                    ("month_name", Arg::Text("May".into())),
                    ("year", Arg::Text("2023".into())),
                    ("quarter", Arg::Number(2)),
                    ("roman", Arg::Text("II".into())),
                    ("half", Arg::Number(1)),
                    ("months", Arg::Number(5)),
                    ("from", Arg::Text("2021".into())),
                    ("to", Arg::Text("2025".into())),
                    ("count", Arg::Number(3)),
                    ("first", Arg::Number(4)),
                    ("last", Arg::Number(5)),
                    ("first_name", Arg::Text("April".into())),
                    ("last_name", Arg::Text("May".into())),
                ];
                for (name, value) in &problem_args {
                    if !args.iter().any(|(n, _)| n == name) {
                        let value = match value {
                            Arg::Text(t) => Arg::Text(t.clone()),
                            Arg::Number(n) => Arg::Number(*n),
                        };
                        args.push((name, value));
                    }
                }
                let text = i18n.t_args(*language, id, &args);
                assert!(!text.is_empty() && text != *id, "{language}: {id}");
            }
        }
    }

    #[test]
    fn every_problem_reads_in_every_language() {
        let i18n = I18n::new().expect("locales parse");
        let languages = [Language::Vi, Language::En, Language::Fr];
        for problem in Problem::examples() {
            let id = problem_id(&problem);
            let mut texts = Vec::new();
            for language in languages {
                assert!(i18n.has(language, &id), "{language}: {id} is missing");
                let (text, whole) = i18n.render_problem(language, &problem);
                assert!(whole, "{language}: {id} rendered with errors: {text}");
                assert!(
                    !text.contains('{') && !text.contains('$'),
                    "{language}: {id} left an argument unresolved: {text}"
                );
                texts.push(text);
            }
            assert_ne!(texts[0], texts[1], "{id}: the Vietnamese is the English");
        }
        for thing in Thing::ALL {
            let id = thing_id(thing);
            for language in languages {
                assert!(i18n.has(language, &id), "{language}: {id} is missing");
                let text = i18n.thing(language, thing);
                assert!(!text.is_empty() && !text.contains('{'), "{language}: {id}");
            }
            assert_ne!(
                i18n.thing(Language::Vi, thing),
                i18n.thing(Language::En, thing),
                "{id}: the Vietnamese is the English"
            );
        }
        // A thing and a document type among the arguments are named in the reader's words.
        let missing = Problem::Missing {
            thing: Thing::WorkingSession,
            key: "9".into(),
        };
        assert_eq!(
            i18n.problem(Language::Vi, &missing),
            "Không có buổi làm việc 9."
        );
        assert_eq!(
            i18n.problem(Language::En, &missing),
            "There is no working session 9."
        );
    }

    #[test]
    fn problem_messages_are_nfc() {
        for (language, sources) in SOURCES {
            for source in sources {
                assert_eq!(
                    giamsat_core::text::nfc(source),
                    *source,
                    "{language}: a message is not in NFC"
                );
            }
        }
    }

    #[test]
    fn periods_read_naturally_in_each_language() {
        let i18n = I18n::new().expect("locales parse");
        for (language, code, expected) in [
            (Language::Vi, "2023-YTD05", "5 tháng đầu năm 2023"),
            (Language::En, "2023-YTD05", "First 5 months of 2023"),
            (Language::Fr, "2023-YTD05", "5 premiers mois de 2023"),
            (Language::Vi, "2023-Q2", "Quý II/2023"),
            (Language::Fr, "2023-Q1", "1ᵉʳ trimestre 2023"),
            (Language::En, "2023-06", "June 2023"),
            (Language::Vi, "2023-06", "Tháng 6/2023"),
            (Language::Fr, "2023-H2", "Second semestre 2023"),
            (Language::En, "2021-2025", "2021–2025"),
            (Language::Vi, "2023-04..05", "Tháng 4–5/2023"),
            (Language::En, "2023-04..05", "April–May 2023"),
            (Language::Fr, "2023-04..05", "avril–mai 2023"),
        ] {
            let period: Period = code.parse().expect("period");
            assert_eq!(i18n.period(language, period), expected, "{language} {code}");
        }
    }

    proptest::proptest! {
        /// Whatever a page shows a period as, a person can type back and mean that period.
        #[test]
        fn periods_in_words_read_back(
            year in 2000i32..2199,
            first in 1u8..=12,
            last in 1u8..=12,
            years in 0i32..6,
            shape in 0u8..3,
        ) {
            let i18n = I18n::new().expect("locales parse");
            let start = giamsat_core::Month::new(year, first.min(last)).expect("month");
            let end = giamsat_core::Month::new(year, first.max(last)).expect("month");
            let period = match shape {
                0 => Period::from_range(start, end).expect("months of a year"),
                1 => Period::year_to_date(end),
                _ => match Period::term(year, year + years) {
                    Ok(term) => term,
                    Err(_) => Period::month(start),
                },
            };
            for language in [Language::Vi, Language::En, Language::Fr] {
                let words = i18n.period(language, period);
                proptest::prop_assert_eq!(
                    giamsat_core::written::read_period(&words),
                    Ok(period),
                    "{} {}", language, words
                );
            }
        }
    }

    #[test]
    fn language_follows_choice_then_cookie_then_header() {
        assert_eq!(
            choose_language(Some("fr"), Some("en"), Some("vi")),
            Language::Fr
        );
        assert_eq!(choose_language(None, Some("en"), Some("fr")), Language::En);
        assert_eq!(
            choose_language(None, None, Some("de-DE, fr-FR;q=0.8, en;q=0.9")),
            Language::En
        );
        assert_eq!(choose_language(None, None, Some("fr-CA")), Language::Fr);
        assert_eq!(choose_language(Some("xx"), None, Some("zz")), Language::Vi);
        assert_eq!(choose_language(None, None, None), Language::Vi);
    }
}
