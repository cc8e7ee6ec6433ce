//! The reporting cycle: regimes that say who reports what by when (`regime`), the
//! submissions their units send and the unit above approves or returns (`submission`), and
//! the book of both the engine keeps (`book`), who sent theirs on time (`completeness`), and
//! the rules their figures are checked by (`validation`).

mod book;
mod completeness;
mod regime;
mod submission;
pub mod validation;

pub use book::*;
pub use completeness::*;
pub use regime::*;
pub use submission::*;
