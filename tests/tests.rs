//! All integration tests build into one binary (as ripgrep does): faster to link, one place to
//! look.

mod browser;
mod cli;
mod golden;
mod hardening;
mod html;
mod lexicon;
mod parallel;
mod props;
mod recipes;
mod references;
mod regressions;
mod scaling;
mod schema;
mod seed;
mod util;
mod views;
