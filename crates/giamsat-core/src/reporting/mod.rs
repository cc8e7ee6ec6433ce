//! The reporting cycle: regimes that say who reports what by when (`regime`).

mod regime;

pub use regime::*;
