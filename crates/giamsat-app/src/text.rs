//! The one text policy for every channel: what free text an input may hold, whether it
//! arrives as JSON, a CSV row, a form or an item accepted from a report.
//!
//! Every input is checked here before its own rules, field by field, by walking its fields as
//! serde sees them: a field added to an input is covered without anyone remembering to. Two
//! rules, each a [`Problem`] naming the field:
//!
//! - no control characters (NUL, escape, DEL, C1…), which PostgreSQL refuses (NUL) or a
//!   terminal or spreadsheet may act on; texts of several lines (notes, findings, answers)
//!   may hold line breaks and tabs, nothing else may;
//! - a length limit in characters: [`SHORT_MAX`] for names, titles, codes and the like,
//!   [`SOURCE_MAX`] for sources and links (addresses run long), [`LONG_MAX`] for texts of
//!   several lines. A row carrying a 20 MB note would otherwise make every page and export
//!   that shows it as large.

use serde::Serialize;
use serde_json::Value;

use crate::problem::{FieldError, Problem, number};

/// The most characters of a name, title, code or any other one-line field.
pub const SHORT_MAX: usize = 500;
/// The most characters of a source or a link.
pub const SOURCE_MAX: usize = 2_000;
/// The most characters of a text of several lines: a note, a finding, a task's progress.
pub const LONG_MAX: usize = 10_000;

/// The fields that hold texts of several lines, by their last name: `note` of a figure,
/// `text` of progress, recommendations and answers, a session's report, findings and
/// conclusions.
const MULTI_LINE: &[&str] = &[
    "note",
    "text",
    "report",
    "achievements",
    "limitations",
    "causes",
    "conclusions",
    "reason",
];

/// The fields that hold sources and links, by their last name.
const SOURCES: &[&str] = &["source", "links"];

/// What a field may hold: its length limit and whether line breaks and tabs are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub max: usize,
    pub multi_line: bool,
}

impl Shape {
    /// The shape of a field by its path (`note`, `attendees.2.name`, `conclusions.0`).
    pub fn of(field: &str) -> Shape {
        // The last part that is a name, not an index.
        let name = field
            .rsplit('.')
            .find(|part| !part.chars().all(|c| c.is_ascii_digit()))
            .unwrap_or(field);
        if MULTI_LINE.contains(&name) {
            Shape {
                max: LONG_MAX,
                multi_line: true,
            }
        } else if SOURCES.contains(&name) {
            Shape {
                max: SOURCE_MAX,
                multi_line: false,
            }
        } else {
            Shape {
                max: SHORT_MAX,
                multi_line: false,
            }
        }
    }
}

/// The problem of one text by the policy for a field of `shape`, if any.
pub fn problem_of(text: &str, shape: Shape) -> Option<Problem> {
    let allowed = |c: char| shape.multi_line && matches!(c, '\n' | '\t' | '\r');
    if let Some((position, c)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !allowed(*c))
    {
        return Some(Problem::ControlCharacter {
            character: format!("U+{:04X}", u32::from(c)),
            position: number(position + 1),
        });
    }
    // Counting stops past the limit: a 20 MB text costs no more than a long one.
    let length = text.chars().take(shape.max + 1).count();
    (length > shape.max).then(|| Problem::TooLong {
        length: number(text.chars().count()),
        max: number(shape.max),
    })
}

/// The problem of one field's text, if any: for inputs that are not serialised whole (an
/// account's name, a file's name).
pub fn check_field(field: &str, text: &str) -> Result<(), Vec<FieldError>> {
    match problem_of(text, Shape::of(field)) {
        Some(problem) => Err(vec![FieldError::new(field, problem)]),
        None => Ok(()),
    }
}

/// Every text field of an input that breaks the policy, each named by its path, in the order
/// of the fields' names.
pub trait TextFields {
    fn text_problems(&self) -> Vec<FieldError>;
}

impl<T: Serialize + ?Sized> TextFields for T {
    fn text_problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        match serde_json::to_value(self) {
            Ok(value) => walk("", &value, &mut problems),
            // Inputs are plain strings, numbers and lists; one that does not serialise is a
            // bug, refused rather than let through unchecked.
            Err(_) => problems.push(FieldError::new("", Problem::Invalid)),
        }
        problems
    }
}

/// Every problem of an input, or nothing.
pub fn check<T: TextFields + ?Sized>(input: &T) -> Result<(), Vec<FieldError>> {
    let problems = input.text_problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn walk(path: &str, value: &Value, problems: &mut Vec<FieldError>) {
    let join = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    match value {
        Value::String(text) => {
            if let Some(problem) = problem_of(text, Shape::of(path)) {
                problems.push(FieldError::new(path, problem));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(&join(&i.to_string()), item, problems);
            }
        }
        Value::Object(fields) => {
            for (name, field) in fields {
                walk(&join(name), field, problems);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Input {
        name: Option<String>,
        note: Option<String>,
        conclusions: Vec<String>,
    }

    /// The problems, in the order of the fields' names.
    fn problems(name: &str, note: &str, conclusion: &str) -> Vec<(String, &'static str)> {
        Input {
            name: Some(name.into()),
            note: Some(note.into()),
            conclusions: vec![conclusion.into()],
        }
        .text_problems()
        .into_iter()
        .map(|e| (e.field, e.problem.code()))
        .collect()
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_in_texts_of_several_lines() {
        assert_eq!(problems("Hà Nội", "a\r\nb\tc", "x\ny"), vec![]);
        assert_eq!(
            problems("Hà\0Nội", "a\u{0}b", "x\u{1b}[2J"),
            vec![
                ("conclusions.0".to_owned(), "control_character"),
                ("name".to_owned(), "control_character"),
                ("note".to_owned(), "control_character"),
            ]
        );
        // A name is one line; DEL and C1 controls are controls too.
        assert_eq!(
            problems("a\nb", "\u{7f}", "\u{85}"),
            vec![
                ("conclusions.0".to_owned(), "control_character"),
                ("name".to_owned(), "control_character"),
                ("note".to_owned(), "control_character"),
            ]
        );
        assert_eq!(
            problem_of("ab\0", Shape::of("name")),
            Some(Problem::ControlCharacter {
                character: "U+0000".into(),
                position: 3
            })
        );
    }

    #[test]
    fn every_field_has_a_length_limit_in_characters() {
        let name = "ệ".repeat(SHORT_MAX);
        let note = "ệ".repeat(LONG_MAX);
        assert_eq!(problems(&name, &note, "c"), vec![]);
        assert_eq!(
            problems(
                &format!("{name}x"),
                &format!("{note}x"),
                &"c".repeat(LONG_MAX + 1)
            ),
            vec![
                ("conclusions.0".to_owned(), "too_long"),
                ("name".to_owned(), "too_long"),
                ("note".to_owned(), "too_long"),
            ]
        );
        assert_eq!(
            problem_of(&"x".repeat(20_000), Shape::of("note")),
            Some(Problem::TooLong {
                length: 20_000,
                max: 10_000
            })
        );
        assert_eq!(Shape::of("source").max, SOURCE_MAX);
        assert_eq!(Shape::of("attendees.3.name").max, SHORT_MAX);
    }
}
