//! After the corrections: every list back in text order and every index consistent again.
//!
//! Corrections add, move and drop mentions and clusters one at a time, trusting only each
//! entity's `cluster`. This pass rebuilds what depends on it, once: entities in text order,
//! clusters without mentions gone and the rest numbered in order, every reference to a cluster
//! (quote speakers, event participants, filled-in label names) mapped to the new numbers.

use crate::analysis::{Analysis, Role};

pub fn renumber(out: &mut Analysis) {
    out.entities.sort_by_key(|e| (e.start, e.end));
    let used: Vec<bool> = (0..out.clusters.len())
        .map(|c| out.entities.iter().any(|e| e.cluster == Some(c)))
        .collect();
    let mut map = vec![None; out.clusters.len()];
    let mut next = 0;
    for (c, &kept) in used.iter().enumerate() {
        if kept {
            map[c] = Some(next);
            next += 1;
        }
    }
    let remap = |c: Option<usize>| c.and_then(|c| map.get(c).copied().flatten());
    let mut k = 0;
    out.clusters.retain(|_| {
        k += 1;
        used[k - 1]
    });
    for e in &mut out.entities {
        e.cluster = remap(e.cluster);
    }
    for q in &mut out.quotes {
        if let Some(s) = &mut q.speaker {
            s.cluster = remap(s.cluster);
        }
    }
    for e in &mut out.events {
        let mut participants: Vec<usize> = Vec::new();
        for p in e.participants.iter().filter_map(|&p| remap(Some(p))) {
            if !participants.contains(&p) {
                participants.push(p);
            }
        }
        e.participants = participants;
        for part in &mut e.label_parts {
            part.cluster = remap(part.cluster);
        }
    }
    for (id, c) in out.clusters.iter_mut().enumerate() {
        c.id = id;
        c.mentions.clear();
    }
    for (i, e) in out.entities.iter().enumerate() {
        if let Some(c) = e.cluster {
            out.clusters[c].mentions.push(i);
        }
    }
    let paragraphs = &out.paragraphs;
    for c in &mut out.clusters {
        c.count = c.mentions.len();
        c.body_count = c
            .mentions
            .iter()
            .filter(|&&m| {
                paragraphs
                    .get(out.entities[m].paragraph)
                    .is_none_or(|p| p.role != Role::Caption)
            })
            .count();
    }
}
