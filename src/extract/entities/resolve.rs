//! Grouping mentions into entities (within-document coreference by name) and scoring salience.
//!
//! Rules, in order: gazetteer names group by their canonical form ("U.S." and "United States");
//! other names by label and text; a one-word person mention joins the person whose full name
//! contains that word ("Putin" -> "Vladimir Putin", "Xi" -> "Xi Jinping"), the nearest one
//! before it when several do; an acronym joins the organisation it abbreviates ("WHO" ->
//! "World Health Organization", by initials or by "(WHO)" right after the name). Unclassified
//! names join an entity they match and are otherwise dropped unless they carry a guess.
//! Dates, times, amounts and numbers group by type and normalised value ("two" and "2", "Tuesday"
//! and the date it names), or by type and text where they have no value.

use std::collections::HashMap;

use super::names::Found;
use super::values::{self, Value};
use super::{Entity, EntityType, Mention};
use crate::doc::{Document, Span};

struct Group {
    label: EntityType,
    mentions: Vec<(Span, usize)>,
    roles: Vec<String>,
    value: Option<Value>,
}

/// The initials of a multi-word name, skipping small words: "World Health Organization" ->
/// "WHO".
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "&" | "on" | "in"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn acronym_text(t: &str) -> String {
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Groups `found` into entities; `reference` is the date relative dates are resolved against.
pub fn resolve(
    doc: &Document,
    found: Vec<Found>,
    reference: Option<jiff::civil::Date>,
) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    // Surface text -> group, for unclassified mentions and one-word persons.
    let mut by_surface: HashMap<String, usize> = HashMap::new();
    let add = |groups: &mut Vec<Group>,
               by_key: &mut HashMap<(EntityType, String), usize>,
               key: (EntityType, String),
               f: &Found| {
        let label = key.0;
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                label,
                mentions: Vec::new(),
                roles: Vec::new(),
                value: None,
            });
            groups.len() - 1
        });
        groups[g].mentions.push((f.span, f.sentence));
        for r in &f.roles {
            if !groups[g].roles.contains(r) {
                groups[g].roles.push(r.clone());
            }
        }
        g
    };
    let text = |f: &Found| doc.slice(f.span).to_string();
    let one_word = |f: &Found| !doc.slice(f.span).contains(char::is_whitespace);

    // Pass 1: classified mentions, except one-word persons and acronyms that may join others.
    let mut later: Vec<&Found> = Vec::new();
    for f in &found {
        let Some(label) = f.label else {
            later.push(f);
            continue;
        };
        if f.canonical.is_none()
            && ((label == EntityType::Person && one_word(f))
                || (label == EntityType::Org && one_word(f)))
        {
            later.push(f);
            continue;
        }
        if label.is_numeric() {
            // By value; without one by text regardless of case ("Two" in a headline, "two" in
            // the body). The "=" and "~" keep a value's key apart from any text.
            let value = values::normalise(doc, f.span, f.sentence, label, reference);
            let key = match &value {
                Some(v) => (label, format!("={}", v.key())),
                None => (label, format!("~{}", text(f).to_lowercase())),
            };
            let g = add(&mut groups, &mut by_key, key, f);
            if groups[g].value.is_none() {
                groups[g].value = value;
            }
            continue;
        }
        let key = match f.canonical {
            Some(c) => (label, c.to_string()),
            None => (label, text(f)),
        };
        let g = add(&mut groups, &mut by_key, key, f);
        by_surface.entry(text(f)).or_insert(g);
    }
    // Person name parts and organisation initials, for the one-word mentions.
    let mut parts: HashMap<String, Vec<usize>> = HashMap::new();
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    let mut org_heads: HashMap<String, usize> = HashMap::new();
    for (g, grp) in groups.iter().enumerate() {
        let (s, _) = grp.mentions[0];
        let name = doc.slice(s);
        match grp.label {
            EntityType::Person => {
                for w in name.split_whitespace().filter(|w| w.chars().count() > 1) {
                    let list = parts.entry(w.to_string()).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
            EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac => {
                for (s, _) in &grp.mentions {
                    let i = initials(doc.slice(*s));
                    if i.chars().count() >= 2 {
                        acronyms.entry(i).or_insert(g);
                    }
                }
                // "Menatep" after "Menatep Group": an organisation's first word names it.
                if grp.label == EntityType::Org
                    && let Some((head, _)) = name.split_once(' ')
                    && head.chars().count() > 2
                    && head.chars().next().is_some_and(char::is_uppercase)
                {
                    org_heads.entry(head.to_string()).or_insert(g);
                }
            }
            _ => {}
        }
    }
    // Where each group's first-pass mentions start (sorted: `found` is in text order), and
    // where its organisation and place mentions end, for the look-ups of pass 2 without
    // scanning every mention each time.
    let first_pass_starts: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| g.mentions.iter().map(|(s, _)| s.start).collect())
        .collect();
    let mut ends: HashMap<usize, usize> = HashMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if matches!(
            grp.label,
            EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
        ) {
            for (s, _) in &grp.mentions {
                ends.entry(s.end).or_insert(g);
            }
        }
    }
    // A one-word place that is also the surname of a person in the document names that person:
    // "Jordan" after "Michael Jordan", "Washington" after "Denzel Washington".
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (g, grp) in groups.iter().enumerate() {
        if !matches!(grp.label, EntityType::Gpe | EntityType::Loc) {
            continue;
        }
        let forms: Vec<&str> = grp.mentions.iter().map(|(s, _)| doc.slice(*s)).collect();
        if let Some(first) = forms.first()
            && forms.iter().all(|f| f == first)
            && let Some(people) = parts.get(*first)
            && let [p] = people.as_slice()
        {
            let surname = groups[*p].mentions.iter().any(|(s, _)| {
                let full = doc.slice(*s);
                full.ends_with(first) && full.len() > first.len()
            });
            if surname {
                moved.push((g, *p));
            }
        }
    }
    for (from, to) in moved {
        let mentions = std::mem::take(&mut groups[from].mentions);
        groups[to].mentions.extend(mentions);
    }
    // Guesses for the same text vote: one "in Arbil" makes every "Arbil" a place, one
    // "tyre giant Pirelli" every "Pirelli" an organisation.
    let mut votes: HashMap<String, EntityType> = HashMap::new();
    for f in later.iter().filter(|f| f.label.is_none()) {
        if let Some(g) = f.guess {
            let v = votes.entry(text(f)).or_insert(g);
            let rank = |l: EntityType| match l {
                EntityType::Org => 3,
                EntityType::Gpe => 2,
                EntityType::Person => 0,
                _ => 1,
            };
            if rank(g) > rank(*v) {
                *v = g;
            }
        }
    }
    // Pass 2: one-word and unclassified mentions join what they name.
    for f in later {
        let t = text(f);
        let target = by_surface
            .get(&t)
            .copied()
            .filter(|g| {
                f.label
                    .is_none_or(|l| groups[*g].label == l || l == EntityType::Org)
            })
            .or_else(|| {
                let list = parts.get(&t)?;
                // Several people share the word: take the one named last before this mention.
                list.iter()
                    .copied()
                    .max_by_key(|g| {
                        let starts = &first_pass_starts[*g];
                        let i = starts.partition_point(|s| *s < f.span.start);
                        if i == 0 { 0 } else { starts[i - 1] + 1 }
                    })
                    .filter(|_| f.label.is_none_or(|l| l == EntityType::Person))
            })
            .or_else(|| {
                let a = acronym_text(&t);
                (t.chars().all(|c| !c.is_lowercase()) && a.chars().count() >= 2)
                    .then(|| acronyms.get(&a).copied())
                    .flatten()
            })
            .or_else(|| defined_before(doc, f, &ends))
            .or_else(|| {
                // Only an unclassified or guessed one-word name joins an organisation this way.
                (f.label.is_none() && !t.contains(' '))
                    .then(|| org_heads.get(&t).copied())
                    .flatten()
            });
        let guess = f.guess.map(|g| votes.get(&t).copied().unwrap_or(g));
        match (target, f.label.or(guess)) {
            (Some(g), _) => {
                groups[g].mentions.push((f.span, f.sentence));
                for r in &f.roles {
                    if !groups[g].roles.contains(r) {
                        groups[g].roles.push(r.clone());
                    }
                }
            }
            (None, Some(label)) => {
                let g = add(&mut groups, &mut by_key, (label, t.clone()), f);
                by_surface.entry(t).or_insert(g);
            }
            (None, None) => {}
        }
    }
    finish(doc, groups)
}

/// "the World Health Organization (WHO)": an acronym in brackets right after a name.
/// `ends` maps the end offset of every organisation or place mention to its group.
fn defined_before(doc: &Document, f: &Found, ends: &HashMap<usize, usize>) -> Option<usize> {
    let t = doc.slice(f.span);
    if !t.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    let before = doc.text[..f.span.start].trim_end();
    let before = before.strip_suffix('(')?.trim_end();
    ends.get(&before.len()).copied()
}

fn finish(doc: &Document, groups: Vec<Group>) -> Vec<Entity> {
    let len = doc.text.len().max(1) as f64;
    let most = |names: bool| {
        groups
            .iter()
            .filter(|g| g.label.is_numeric() != names)
            .map(|g| g.mentions.len())
            .max()
    };
    let max_mentions = most(true).or(most(false)).unwrap_or(1).max(1) as f64;
    let headline_end = doc
        .title
        .map(|t| t.end)
        .or_else(|| doc.sentences.first().map(|s| s.span.end))
        .unwrap_or(0);
    let mut out: Vec<Entity> = groups
        .into_iter()
        .filter(|g| !g.mentions.is_empty())
        .map(|mut g| {
            g.mentions.sort();
            g.mentions.dedup();
            let mut forms: Vec<&str> = g.mentions.iter().map(|(s, _)| doc.slice(*s)).collect();
            // The longest form; of equally long ones, one not in capitals, then the first.
            let rank = |f: &str| (f.chars().count(), f.chars().any(char::is_lowercase));
            let name = forms
                .iter()
                .copied()
                .fold("", |best, f| if rank(f) > rank(best) { f } else { best })
                .to_string();
            forms.sort();
            forms.dedup();
            let aliases = forms
                .into_iter()
                .filter(|f| *f != name)
                .map(str::to_string)
                .collect();
            let first = g.mentions[0].0.start as f64;
            let headline = if g.mentions[0].0.start < headline_end {
                1.0
            } else {
                0.0
            };
            let weight = if g.label.is_numeric() { 0.5 } else { 1.0 };
            let salience = weight
                * (0.55 * g.mentions.len() as f64 / max_mentions
                    + 0.30 * (1.0 - first / len)
                    + 0.15 * headline);
            Entity {
                name,
                label: g.label,
                aliases,
                roles: if g.label == EntityType::Person {
                    g.roles
                } else {
                    Vec::new()
                },
                mentions: g
                    .mentions
                    .into_iter()
                    .map(|(span, sentence)| Mention { span, sentence })
                    .collect(),
                salience: salience.clamp(0.0, 1.0),
                value: g.value,
            }
        })
        .collect();
    // No date, time, amount or number above a name.
    let lowest_name = out
        .iter()
        .filter(|e| !e.label.is_numeric())
        .map(|e| e.salience)
        .min_by(f64::total_cmp);
    if let Some(cap) = lowest_name {
        for e in out.iter_mut().filter(|e| e.label.is_numeric()) {
            e.salience = e.salience.min(cap);
        }
    }
    out.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.label.is_numeric().cmp(&b.label.is_numeric()))
            .then(a.mentions[0].span.start.cmp(&b.mentions[0].span.start))
    });
    out
}
