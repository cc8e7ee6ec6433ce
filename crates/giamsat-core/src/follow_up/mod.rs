//! Follow-up (*theo dõi, đôn đốc*): the people who hold positions, the plans and sessions of
//! supervision, the conclusions that become tasks, the tasks and their progress, and the
//! recommendations that must be answered in time.
//!
//! `rules` holds the date rules (task status, clashes of planned visits, answer deadlines);
//! `records` the records, all append-only; `book` the in-memory book of them that the engine
//! keeps and answers from.

mod book;
mod records;
mod rules;

pub use book::{FollowUpBook, FollowUpError, TaskView};
pub use records::*;
pub use rules::*;
