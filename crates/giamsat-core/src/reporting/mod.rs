//! The reporting cycle: regimes that say who reports what by when (`regime`), the
//! submissions their units send and the unit above approves or returns (`submission`), and
//! the book of both the engine keeps (`book`).

mod book;
mod regime;
mod submission;

pub use book::*;
pub use regime::*;
pub use submission::*;
