//! The extractors: pure functions over a [`Document`](crate::doc::Document), one module each.
//!
//! Each takes what it needs from the extractors before it as arguments, so the order of the
//! pipeline is visible in [`crate::analyze`]: entities, then quotes (speakers are entities), then
//! commitments (speakers come from quotes), topics and keyphrases.

pub mod clause;
pub mod commitments;
pub mod entities;
pub mod keyphrases;
pub mod quotes;
pub mod topics;
